"""Runs the stages over a collection: find, read, extract (or reuse), deduplicate, write.
A failure in one article goes into the report and never stops the run; outputs appear
together at the end, so an interrupted run leaves the previous results as they were."""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache
from .dedup import Deduper, entity_rows, occurrences
from .errors import ExtractError
from .extractor import Extractor, split_text  # noqa: F401  (split_text is part of the API)
from .io import Article, Outputs, find_inputs, read_article, unique_doc_ids, write_atomic, write_lines
from .models import Record, record_schema
from .settings import Settings

FIELDS = ("people", "films", "schools", "credits", "education")
ENTITY_FILES = {"person": "people.jsonl", "film": "films.jsonl", "school": "schools.jsonl"}


@dataclass
class FileResult:
    """What happened to one input file, for the report."""

    source: str
    doc_id: str
    status: str  # ok, failed or skipped
    reason: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    encoding: str | None = None
    cached: bool | None = None
    duplicate_of: str | None = None

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None and v != {}}


def _counts(record: Record) -> dict[str, int]:
    return {k: len(getattr(record, k)) for k in FIELDS}


def process(paths: list[Path], extractor: Extractor, cache: Cache | None = None,
            outputs: Outputs | None = None) -> Iterator[tuple[FileResult, Record | None]]:
    """Each input file's result and record (None unless ok), in path order. Files of other
    kinds found in folders come first, as skipped."""
    files, skipped = find_inputs(paths)
    for path, reason in skipped:
        yield FileResult(str(path), path.stem, "skipped", reason), None
    cache = cache or Cache(None, "")
    first_of: dict[str, str] = {}
    max_bytes = int(extractor.settings.max_file_mb * 1_000_000)
    for path, doc_id in unique_doc_ids(files).items():
        try:
            article = read_article(path, doc_id, max_bytes)
            record = cache.get(article)
            cached = record is not None
            if record is None:
                record = extractor.record(article)
                cache.put(article, record)
        except ExtractError as exc:
            yield FileResult(str(path), doc_id, "failed", str(exc)), None
            continue
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            yield FileResult(str(path), doc_id, "failed", f"{path}: internal error: {exc!r}"), None
            continue
        if outputs is not None and article.html:
            write_atomic(outputs.path("texts") / f"{doc_id}.txt", article.text)
        duplicate = first_of.setdefault(article.sha256, str(path))
        yield FileResult(str(path), doc_id, "ok", counts=_counts(record), encoding=article.encoding,
                         cached=cached, duplicate_of=None if duplicate == str(path) else duplicate), record


def run(paths: list[Path], out: Path, settings: Settings | None = None, model: str | None = None,
        on_result: Callable[[FileResult], None] | None = None, use_cache: bool = True) -> dict:
    """Extracts every article under `paths` into `out` and returns the report. Records are
    written as they are made (to the staging folder), then given their entity ids."""
    started = time.perf_counter()
    extractor = Extractor(settings, model)  # rules are read and checked before any article
    outputs = Outputs(out)
    outputs.begin()
    cache = Cache(out / ".cache" if use_cache else None, extractor.fingerprint())
    results, occ, facts = [], [], []
    staged = outputs.path("records.staged")
    with staged.open("w", encoding="utf-8") as fh:
        for result, record in process(paths, extractor, cache, outputs):
            results.append(result)
            if record is not None:
                fh.write(record.model_dump_json() + "\n")
                occ += occurrences(record)
                facts.append((record.doc_id, record.credits, record.education))
            if on_result:
                on_result(result)
    deduper = Deduper(extractor.settings, extractor.school_aliases())
    clusters = deduper.cluster(occ)
    with staged.open(encoding="utf-8") as fh:
        write_lines(outputs.path("records.jsonl"), (_with_ids(line, deduper).model_dump_json() for line in fh))
    staged.unlink()
    for kind, rows in entity_rows(deduper, clusters, occ, facts).items():
        write_lines(outputs.path(ENTITY_FILES[kind]),
                    (json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows))
    report = _report(results, started, extractor, {k: len(v) for k, v in clusters.items()})
    write_atomic(outputs.path("schema.json"), json.dumps(record_schema(), indent=2, sort_keys=True) + "\n")
    write_atomic(outputs.path("report.json"), json.dumps(report, indent=2, sort_keys=True) + "\n")
    outputs.commit()
    return report


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
    status = {s: sum(r.status == s for r in results) for s in ("ok", "failed", "skipped")}
    return {
        "files": [r.as_json() for r in sorted(results, key=lambda r: r.source)],
        "totals": {"files": len(results), **status, "cached": sum(bool(r.cached) for r in results),
                   **{k: sum(r.counts.get(k, 0) for r in results) for k in FIELDS}},
        "entities": {ENTITY_FILES[k].split(".")[0]: n for k, n in entities.items()},
        "elapsed_seconds": round(time.perf_counter() - started, 3),
        "versions": extractor.versions(),
    }
