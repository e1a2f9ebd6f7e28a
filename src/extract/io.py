"""Reading raw articles (finding files, decoding bytes) and writing outputs atomically."""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SUFFIXES = (".txt", ".md")
# Tried in order; the first that decodes wins and is recorded with the article.
ENCODINGS = ("utf-8", "cp1252", "latin-1")


@dataclass(frozen=True)
class Article:
    """One input file, decoded."""

    path: Path
    source: str
    doc_id: str
    sha256: str
    text: str
    encoding: str


def find_inputs(paths: Iterable[Path]) -> list[Path]:
    """Every .txt and .md file under the given files and folders, sorted by path.
    Raises InputError for a path that does not exist."""
    found: set[Path] = set()
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        if p.is_file():
            found.add(p)
            continue
        for root, _dirs, files in os.walk(p):
            found.update(Path(root) / f for f in files if f.lower().endswith(SUFFIXES))
    return sorted(found)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text and the encoding it was read with; InputError for empty or binary files."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file (it contains NUL bytes), not text")
    for enc in ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: could not be decoded as text")  # pragma: no cover - latin-1 never fails


def read_article(path: Path) -> Article:
    """Reads and decodes one file; InputError names the file and the reason."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: could not be read ({exc.strerror or exc})") from exc
    text, encoding = decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty or holds only white space")
    return Article(path=path, source=str(path), doc_id=path.stem,
                   sha256=hashlib.sha256(data).hexdigest(), text=text, encoding=encoding)


def write_atomic(path: Path, content: str) -> None:
    """Writes via a temporary file in the same folder and a rename, so a reader never sees
    a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_lines(path: Path, lines: Iterator[str] | list[str]) -> None:
    """Atomic write of one JSON document per line."""
    write_atomic(path, "".join(line + "\n" for line in lines))
