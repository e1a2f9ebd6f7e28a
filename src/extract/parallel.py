"""Where the per-article work runs: in this process, in N local processes, or on a Dask
cluster. Each worker loads the pipeline once and reads, extracts and caches its articles;
results come back in input order, so every way gives the same output files."""
from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .cache import Cache
from .dedup import occurrence_rows, occurrences
from .errors import ExtractError
from .extractor import Extractor
from .io import read_article
from .models import Record
from .settings import Settings

# How many articles one worker takes at a time; larger batches cost less in messages.
BATCH = 16


@dataclass(frozen=True)
class Job:
    """What a worker needs to process one article, and how to build its pipeline."""

    path: Path
    doc_id: str
    settings_json: str
    model: str | None
    cache_dir: str | None
    fingerprint: str


@dataclass(frozen=True)
class Outcome:
    """A worker's answer for one article: the record as JSON, or why there is none."""

    path: Path
    doc_id: str
    ok: bool
    reason: str | None = None
    record_json: str | None = None
    encoding: str | None = None
    sha256: str | None = None
    cached: bool = False
    html_text: str | None = None  # the readable text of an HTML page, stored beside the records
    counts: dict | None = None
    dedup_rows: list | None = None  # what the deduplication needs, ready to store (made here, not by the caller)


_EXTRACTORS: dict[tuple[str, str | None], Extractor] = {}


def _extractor(job: Job) -> Extractor:
    """The pipeline of this worker process, built on its first article and kept."""
    key = (job.settings_json, job.model)
    if key not in _EXTRACTORS:
        extractor = Extractor(Settings.model_validate_json(job.settings_json), job.model)
        _ = extractor.nlp
        # The pipeline lives as long as the process: its many objects (vocabulary, rules) are
        # moved out of the garbage collector's sight, or every full collection walks them all.
        gc.freeze()
        _EXTRACTORS[key] = extractor
    return _EXTRACTORS[key]


def work(job: Job) -> Outcome:
    """Read, extract (or reuse from the cache) one article; never raises."""
    try:
        extractor = _extractor(job)
        article = read_article(job.path, job.doc_id, int(extractor.settings.max_file_mb * 1_000_000))
        cache = Cache(Path(job.cache_dir) if job.cache_dir else None, job.fingerprint)
        record = cache.get(article)
        cached = record is not None
        if record is None:
            record = extractor.record(article)
            cache.put(article, record)
    except ExtractError as exc:
        return Outcome(job.path, job.doc_id, False, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        return Outcome(job.path, job.doc_id, False, f"{job.path}: internal error: {exc!r}")
    return outcome_of(job.path, record, article.encoding, article.sha256, cached,
                      article.text if article.html else None)


def outcome_of(path: Path, record: Record, encoding: str, sha256: str, cached: bool,
               html_text: str | None) -> Outcome:
    return Outcome(path, record.doc_id, True, record_json=record.model_dump_json(), encoding=encoding,
                   sha256=sha256, cached=cached, html_text=html_text,
                   counts={k: len(getattr(record, k)) for k in ("people", "films", "schools", "credits",
                                                                  "education")},
                   dedup_rows=occurrence_rows(occurrences(record)))


def work_batch(jobs: list[Job]) -> list[Outcome]:
    return [work(job) for job in jobs]


def _batches(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    batch: list[Job] = []
    for job in jobs:
        batch.append(job)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def run_jobs(jobs: Iterable[Job], workers: int = 1, cluster: str | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of `jobs`, streamed as they are ready."""
    if cluster:
        yield from _on_cluster(jobs, cluster)
    elif workers <= 1:
        yield from map(work, jobs)
    else:
        with get_context("fork").Pool(workers) as pool:
            for outcomes in pool.imap(work_batch, _batches(jobs)):
                yield from outcomes


def _on_cluster(jobs: Iterable[Job], address: str) -> Iterator[Outcome]:
    """Runs the batches on a Dask cluster (the files must be readable there at the same
    paths), keeping a few batches per worker in flight."""
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise ExtractError("--cluster needs Dask: pip install 'extract[cluster]'") from exc
    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise ExtractError(f"could not reach the Dask scheduler at {address}: {exc}") from exc
    try:
        batches = _batches(jobs)
        window = max(2, 4 * len(client.scheduler_info().get("workers", {})))
        futures = deque(client.submit(work_batch, b, pure=False) for b in islice(batches, window))
        while futures:
            done = futures.popleft()
            for b in islice(batches, 1):
                futures.append(client.submit(work_batch, b, pure=False))
            yield from done.result()
    finally:
        client.close()
