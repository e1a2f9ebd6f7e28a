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
from .dedup import Deduper, entity_rows, occurrences
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

    def school_aliases(self) -> dict[str, str]:
        """Every known other name of an institution, mapped to its official name."""
        return {alt: official for official, alts in rules_for(self.settings).institutions.items()
                for alt in alts}

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
    """Extracts every article under `paths` into `out` and returns the report. Records are
    written as they are made (to a temporary file), then given their entity ids."""
    started = time.perf_counter()
    extractor = Extractor(settings, model)
    out.mkdir(parents=True, exist_ok=True)
    results, occ, facts = [], [], []
    staged = out / ".records.staged.jsonl"
    with staged.open("w", encoding="utf-8") as fh:
        for result, record in process(paths, extractor):
            results.append(result)
            if record is not None:
                fh.write(record.model_dump_json() + "\n")
                occ += occurrences(record)
                facts.append((record.doc_id, record.credits, record.education))
            if on_result:
                on_result(result)
    deduper = Deduper(extractor.settings, extractor.school_aliases())
    clusters = deduper.cluster(occ)
    write_lines(out / "records.jsonl", (_with_ids(line, deduper).model_dump_json()
                                        for line in staged.open(encoding="utf-8")))
    staged.unlink()
    for kind, rows in entity_rows(deduper, clusters, occ, facts).items():
        write_lines(out / ENTITY_FILES[kind], (json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows))
    report = _report(results, started, extractor, {k: len(v) for k, v in clusters.items()})
    write_atomic(out / "schema.json", json.dumps(record_schema(), indent=2, sort_keys=True) + "\n")
    write_atomic(out / "report.json", json.dumps(report, indent=2, sort_keys=True) + "\n")
    return report


ENTITY_FILES = {"person": "people.jsonl", "film": "films.jsonl", "school": "schools.jsonl"}


def _with_ids(line: str, deduper: Deduper) -> Record:
    """A staged record with the ids of its entities filled in."""
    record = Record.model_validate_json(line)
    doc = record.doc_id

    def ident(kind: str, name: str | None) -> str | None:
        cluster = deduper.assign.get((kind, doc, name)) if name else None
        return cluster.id if cluster else None

    for p in record.people:
        p.id = ident("person", p.name)
    for f in record.films:
        f.id = ident("film", f.title)
    for s in record.schools:
        s.id = ident("school", s.name)
    for c in record.credits:
        c.person_id, c.film_id = ident("person", c.person), ident("film", c.film)
    for e in record.education:
        e.person_id, e.school_id = ident("person", e.person), ident("school", e.school)
    return record


def _report(results: list[FileResult], started: float, extractor: Extractor, entities: dict) -> dict:
    failed = sum(r.status == "failed" for r in results)
    return {
        "files": [r.as_json() for r in results],
        "totals": {"files": len(results), "ok": len(results) - failed, "failed": failed,
                   **{k: sum(r.counts.get(k, 0) for r in results)
                      for k in ("people", "films", "schools", "credits", "education")}},
        "entities": {ENTITY_FILES[k].split(".")[0]: n for k, n in entities.items()},
        "elapsed_seconds": round(time.perf_counter() - started, 3),
        "versions": extractor.versions(),
    }
