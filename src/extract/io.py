"""Reading raw articles (finding files, decoding bytes, HTML pages) and writing a run's
outputs so that an interrupted run never leaves a half-written or mixed result behind."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from .errors import InputError
from .htmltext import html_to_text, looks_like_html

SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# Tried in order after the byte-order marks; the first that decodes wins and is recorded.
ENCODINGS = ("utf-8", "cp1252", "latin-1")


@dataclass(frozen=True)
class Article:
    """One input file, decoded; for an HTML page `text` is its readable text."""

    path: Path
    source: str
    doc_id: str
    sha256: str
    text: str
    encoding: str
    html: bool = False


def find_inputs(paths: Iterable[Path]) -> tuple[list[str], list[tuple[Path, str]]]:
    """Article files under the given files and folders, as sorted path strings (a Path costs
    several times the memory, and a collection can hold many), and the files of other
    kinds found in the folders with the reason they are left out. Hidden files and folders
    are passed over; a folder linked into itself is visited once. InputError for a path that
    does not exist."""
    found: set[str] = set()
    skipped: list[tuple[Path, str]] = []
    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise InputError(f"{p}: no such file or folder")
        if not p.is_dir():
            found.add(str(p))
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in files:
                path = Path(root) / f
                if f.startswith("."):
                    continue
                if f.lower().endswith(SUFFIXES):
                    found.add(str(path))
                else:
                    skipped.append((path, f"{path}: not an article file ({path.suffix or 'no extension'}); "
                                          f"extract reads {', '.join(SUFFIXES)}"))
    return sorted(found), sorted(skipped)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text and the encoding it was read with; InputError for binary files."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: starts like UTF-16 text but does not decode ({exc.reason})") from exc
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{path}: {kind}, not text")
    for enc in ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: could not be decoded as text")  # pragma: no cover - latin-1 never fails


def _binary_kind(data: bytes) -> str | None:
    if data.startswith(b"%PDF"):
        return "a PDF document (save it as text first)"
    if data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8\xff") or data.startswith(b"GIF8"):
        return "an image"
    if data.startswith(b"PK\x03\x04"):
        return "a zip archive or office document (save it as text first)"
    if b"\x00" in data[:65536]:
        return "a binary file (it contains NUL bytes)"
    return None


def read_article(path: Path, doc_id: str, max_bytes: int) -> Article:
    """Reads and decodes one file; InputError names the file and the reason."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit for "
                             "one article (raise it with --max-mb)")
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(f"{path}: could not be read ({exc.strerror or exc})") from exc
    text, encoding = decode(data, path)
    html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    if html:
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{path}: the file is empty or holds only white space")
    return Article(path=path, source=str(path), doc_id=doc_id,
                   sha256=hashlib.sha256(data).hexdigest(), text=text, encoding=encoding, html=html)


def unique_doc_ids(paths: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """Each path with its doc_id: the file name without its extension; when two files share
    one, the later ones (in path order) add their folder path: "b__x" for b/x.txt."""
    used: set[str] = set()
    for name in paths:
        p = Path(name)
        doc_id = p.stem
        if doc_id in used:
            doc_id = "__".join([*p.parent.parts[-3:], p.stem]).replace(os.sep, "__").lstrip("_")
            n = 2
            while doc_id in used:
                doc_id, n = f"{doc_id}~{n}", n + 1
        used.add(doc_id)
        yield p, doc_id


def json_line(obj: object, sort_keys: bool = False) -> bytes:
    """One compact JSON document (UTF-8, not escaped to ASCII) and a line end."""
    return orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE | (orjson.OPT_SORT_KEYS if sort_keys else 0))


def write_chunks(path: Path, chunks: Iterable[str | bytes]) -> None:
    """Writes the chunks (text, or UTF-8 bytes) via a temporary file in the same folder and
    a rename, so a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, content: str) -> None:
    """Atomic write of one text."""
    write_chunks(path, [content])


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Atomic write of one JSON document per line, streamed."""
    write_chunks(path, (line + "\n" for line in lines))


class Outputs:
    """A run writes its files into `OUT/.next/`; `commit` marks them complete and moves them
    into OUT. A run killed before the mark leaves OUT as it was (the next run clears the
    half-made folder); one killed while moving is finished by the next run (`recover`)."""

    MARK = "COMPLETE"

    def __init__(self, out: Path):
        self.out = out
        self.stage = out / ".next"

    def begin(self) -> None:
        self.recover()
        self.stage.mkdir(parents=True)

    def path(self, name: str) -> Path:
        return self.stage / name

    def commit(self) -> None:
        write_atomic(self.stage / self.MARK, "\n".join(sorted(p.name for p in self.stage.iterdir())) + "\n")
        self._move()

    def recover(self) -> None:
        if (self.stage / self.MARK).exists():
            self._move()
        shutil.rmtree(self.stage, ignore_errors=True)

    def _move(self) -> None:
        names = (self.stage / self.MARK).read_text(encoding="utf-8").split()
        for name in names:
            src, dst = self.stage / name, self.out / name
            if src.is_dir():
                shutil.rmtree(dst, ignore_errors=True)
            if src.exists():
                os.replace(src, dst)
        if "texts" not in names:
            shutil.rmtree(self.out / "texts", ignore_errors=True)
        shutil.rmtree(self.stage, ignore_errors=True)
