"""Per-file results kept between runs: a re-run on unchanged input with unchanged rules and
version reuses them, and a run that was interrupted resumes where it stopped.

A result is found by the file's sha256, its doc_id and source, and a fingerprint of
everything that shapes a record (extract and spaCy versions, the pipeline, the rules, the
settings). Changing one article recomputes that article; changing one rule file changes
the fingerprint and so recomputes everything, since every record depends on the rules."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from .io import Article, write_atomic
from .models import Record


class Cache:
    """Records by key under `folder`; a folder of None keeps nothing (`--no-cache`)."""

    def __init__(self, folder: Path | None, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint

    def _file(self, article: Article) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256("|".join((self.fingerprint, article.sha256, article.doc_id,
                                       article.source)).encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Record | None:
        """The cached record, or None; an unreadable entry counts as missing."""
        path = self._file(article)
        if path is None or not path.is_file():
            return None
        try:
            return Record.model_validate_json(path.read_text(encoding="utf-8"), context={"text": article.text})
        except (ValidationError, OSError, UnicodeDecodeError):
            return None

    def put(self, article: Article, record: Record) -> None:
        path = self._file(article)
        if path is not None:
            write_atomic(path, record.model_dump_json())
