"""Runs the stages over a collection: read, split, spaCy, assemble, validate, write.
A failure in one article goes into the report and never stops the run."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language

from . import __version__
from .article import ArticleBuilder
from .errors import ExtractError
from .io import Article, find_inputs, read_article, write_atomic, write_lines
from .models import Record, record_schema
from .nlp import build_pipeline, rules_for
from .settings import Settings


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Pieces of at most `limit` characters with their offsets, cut at a paragraph break,
    else a line break, else a sentence end, else a space, else anywhere."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", ". ", " ")
                   if window.rfind(sep) > limit // 2), default=limit)
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


@dataclass
class FileResult:
    """What happened to one input file, for the report."""

    source: str
    doc_id: str
    status: str
    reason: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    encoding: str | None = None

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None and v != {}}


class Extractor:
    """A loaded pipeline that turns articles into records."""

    def __init__(self, settings: Settings | None = None, model: str | None = None):
        self.settings = settings or Settings()
        self.model = model
        self.nlp: Language = build_pipeline(self.settings, model)
        self.builder = ArticleBuilder(rules_for(self.settings), self.settings)

    def record(self, article: Article) -> Record:
        pieces = split_text(article.text, self.settings.max_chunk_chars)
        docs = list(zip((o for o, _ in pieces), self.nlp.pipe(t for _, t in pieces)))
        return self.builder.build(article.doc_id, article.source, article.sha256, article.text, docs)

    def versions(self) -> dict[str, str]:
        return {"extract": __version__, "spacy": spacy.__version__,
                "pipeline": self.model or "blank:en", "rules": rules_for(self.settings).fingerprint[:16]}


def _counts(record: Record) -> dict[str, int]:
    return {k: len(getattr(record, k)) for k in ("people", "films", "schools", "credits", "education")}


def process(paths: list[Path], extractor: Extractor) -> Iterator[tuple[FileResult, Record | None]]:
    """Yields each input file's result and record (None when it failed), in path order."""
    for path in find_inputs(paths):
        try:
            article = read_article(path)
            record = extractor.record(article)
        except ExtractError as exc:
            yield FileResult(str(path), path.stem, "failed", str(exc)), None
            continue
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            yield FileResult(str(path), path.stem, "failed", f"{path}: internal error: {exc!r}"), None
            continue
        yield FileResult(str(path), record.doc_id, "ok", counts=_counts(record),
                         encoding=article.encoding), record


def run(paths: list[Path], out: Path, settings: Settings | None = None, model: str | None = None,
        on_result=None) -> dict:
    """Extracts every article under `paths` into `out` and returns the report."""
    started = time.perf_counter()
    extractor = Extractor(settings, model)
    results, lines = [], []
    for result, record in process(paths, extractor):
        results.append(result)
        if record is not None:
            lines.append(record.model_dump_json())
        if on_result:
            on_result(result)
    failed = sum(r.status == "failed" for r in results)
    report = {
        "files": [r.as_json() for r in results],
        "totals": {"files": len(results), "ok": len(results) - failed, "failed": failed,
                   **{k: sum(r.counts.get(k, 0) for r in results)
                      for k in ("people", "films", "schools", "credits", "education")}},
        "elapsed_seconds": round(time.perf_counter() - started, 3),
        "versions": extractor.versions(),
    }
    write_lines(out / "records.jsonl", lines)
    write_atomic(out / "schema.json", json.dumps(record_schema(), indent=2, sort_keys=True) + "\n")
    write_atomic(out / "report.json", json.dumps(report, indent=2, sort_keys=True) + "\n")
    return report
