"""Runs the stages over a collection: find, read, extract (or reuse), deduplicate, write.
A failure in one article goes into the report and never stops the run; outputs appear
together at the end, so an interrupted run leaves the previous results as they were."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from .corrections import apply as apply_corrections
from .corrections import load as load_corrections
from .dedup import Deduper
from .extractor import Extractor
from .finish import ENTITY_FILES, Finisher
from .io import Outputs, find_inputs, unique_doc_ids, write_atomic
from .models import Record, record_schema
from .parallel import Job, Outcome, outcome_of, run_jobs
from .report import FileResult, RunReport
from .settings import Settings

def process(paths: list[Path], extractor: Extractor, report: RunReport, cache_dir: Path | None = None,
            outputs: Outputs | None = None, workers: int = 1, cluster: str | None = None,
            corrections: dict[str, list] | None = None, on_start: Callable[[int], None] | None = None
            ) -> Iterator[tuple[FileResult, Outcome | None]]:
    """Each input file's result and outcome (None unless ok), in path order. Files of other
    kinds found in folders come first, as skipped. `report` remembers which bytes were seen."""
    files, skipped = find_inputs(paths)
    for path, reason in skipped:
        yield FileResult(str(path), path.stem, "skipped", reason), None
    settings_json, fingerprint = extractor.settings.model_dump_json(), extractor.fingerprint()
    jobs = (Job(path, doc_id, settings_json, extractor.model, str(cache_dir) if cache_dir else None, fingerprint)
            for path, doc_id in unique_doc_ids(files))  # made as the workers ask
    if on_start:
        on_start(len(files))
    for o in run_jobs(jobs, workers, cluster):
        if not o.ok:
            yield FileResult(str(o.path), o.doc_id, "failed", o.reason), None
            continue
        if corrections and o.doc_id in corrections:
            fixed = apply_corrections(Record.model_validate_json(o.record_json), corrections[o.doc_id])
            o = outcome_of(o.path, fixed, o.encoding, o.sha256, o.cached, o.html_text)
        if outputs is not None and o.html_text is not None:
            write_atomic(outputs.path("texts") / f"{o.doc_id}.txt", o.html_text)
        yield FileResult(str(o.path), o.doc_id, "ok", counts=o.counts, encoding=o.encoding, cached=o.cached,
                         duplicate_of=report.first_with(o.sha256, str(o.path))), o


def run(paths: list[Path], out: Path, settings: Settings | None = None, model: str | None = None,
        on_result: Callable[[FileResult], None] | None = None, use_cache: bool = True,
        on_start: Callable[[int], None] | None = None,
        workers: int = 1, cluster: str | None = None, corrections: Path | None = None) -> dict:
    """Extracts every article under `paths` into `out` and returns the report's summary (the
    entry of each file is in report.json). Records are written as they are made (to the
    staging folder), then given their entity ids; what the run must remember of every
    article waits in SQLite files there, so memory stays flat as the collection grows."""
    extractor = Extractor(settings, model)  # rules are read and checked before any article
    decisions = load_corrections(corrections) if corrections else None
    outputs = Outputs(out)
    outputs.begin()
    report = RunReport(outputs.path(".report.sqlite"))
    deduper = Deduper(extractor.settings, extractor.school_aliases(), outputs.path(".dedup.sqlite"))
    staged = outputs.path("records.staged")
    try:
        with staged.open("w", encoding="utf-8") as fh:
            for result, outcome in process(paths, extractor, report, out / ".cache" if use_cache else None,
                                           outputs, workers, cluster, decisions, on_start):
                report.add(result)
                if outcome is not None:
                    fh.write(outcome.record_json + "\n")
                    deduper.add_rows(outcome.dedup_rows)
                if on_result:
                    on_result(result)
        entities = deduper.cluster()
        Finisher(outputs, deduper, extractor.settings, 1 if cluster else workers).run(staged)
        summary = report.summary({ENTITY_FILES[k].split(".")[0]: n for k, n in entities.items()},
                                 extractor.versions())
        write_atomic(outputs.path("schema.json"), json.dumps(record_schema(), indent=2, sort_keys=True) + "\n")
        report.write(outputs.path("report.json"), summary)
    finally:
        report.close()
        deduper.close()
    outputs.commit()
    return summary
