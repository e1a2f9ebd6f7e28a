"""The finishing pass, after deduplication: every staged record gets its entity ids and goes
into records.jsonl and the credit and education tables; then the entity files are written,
and the review page. The first two steps are cut into shares (a stretch of the staged
records, a range of entity ids) that run in the worker processes; each share writes its own
part files, joined in order afterwards, so the output does not depend on the number of workers."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from functools import partial
from multiprocessing import get_context
from pathlib import Path

import orjson

from .dedup import PREFIX, Deduper, EntityStore
from .errors import ExtractError
from .io import Outputs, decode, json_line, write_chunks
from .nlp import rules_for
from .review import ReviewPage
from .settings import Settings
from .tables import ENTITY_TABLES, EntityTable, FactTables

ENTITY_FILES = {"person": "people.jsonl", "film": "films.jsonl", "school": "schools.jsonl"}
HEX = "0123456789abcdef"
MAX_SHARES = 8  # SQLite attaches at most 10 files to one connection

_CURRENT: Finisher | None = None  # the finisher a forked worker inherits


class Finisher:
    """Runs the finishing pass of one run in `workers` processes."""

    def __init__(self, outputs: Outputs, deduper: Deduper, settings: Settings, workers: int = 1):
        self.outputs, self.deduper, self.settings = outputs, deduper, settings
        self.shares = max(1, min(workers, MAX_SHARES))

    def run(self, staged: Path) -> None:
        stretches = _stretches(staged, self.shares)
        self._map(self._records, [(i, staged, a, b) for i, (a, b) in enumerate(stretches)])
        for name in ("records.jsonl", "credits.csv", "education.csv"):
            self._join(name, len(stretches))
        staged.unlink()
        stores = [self._store_path(i) for i in range(len(stretches))]
        jobs = [(kind, i, lo, hi, stores) for kind in ENTITY_FILES
                for i, (lo, hi) in enumerate(_id_bounds(kind, self.shares))]
        self._map(self._entities, jobs)
        for kind in ENTITY_FILES:
            for name in (ENTITY_FILES[kind], ENTITY_TABLES[kind]):
                self._join(name, self.shares)
        for path in stores:
            path.unlink()
        self._review()

    # ---- shares --------------------------------------------------------------------------
    def _records(self, share: int, staged: Path, start: int, end: int) -> None:
        """One stretch of staged records: ids filled in, written to this share's part files."""
        stage = self.outputs.stage
        store = EntityStore(self._store_path(share))
        tables = FactTables(stage, suffix=f".{share}", header=share == 0)

        def lines() -> Iterator[bytes]:
            for line in _read_stretch(staged, start, end):
                record = with_ids(line, self.deduper)
                store.add(record)
                tables.add(record)
                yield json_line(record)
        try:
            write_chunks(stage / f"records.jsonl.{share}", lines())
            store.index()
        finally:
            tables.close()
            store.close(keep=True)

    def _entities(self, kind: str, share: int, lo: str, hi: str | None, stores: list[Path]) -> None:
        """The entities of one kind whose ids fall in [lo, hi), to this share's part files."""
        stage = self.outputs.stage
        reader = EntityStore.union(stores)
        table = EntityTable(stage / f"{ENTITY_TABLES[kind]}.{share}", header=share == 0)
        try:
            clusters = self.deduper.clusters(kind, lo, hi, own_connection=self.shares > 1)
            write_chunks(stage / f"{ENTITY_FILES[kind]}.{share}",
                         (json_line(table.add(r), sort_keys=True) for r in reader.rows(kind, clusters, lo, hi)))
        finally:
            table.close()
            reader.close(keep=True)

    def _map(self, task: Callable, jobs: list[tuple]) -> None:
        """Runs `task` over the jobs, in worker processes when there are several shares."""
        global _CURRENT
        if self.shares == 1:
            for job in jobs:
                task(*job)
            return
        _CURRENT = self
        try:
            with get_context("fork").Pool(self.shares) as pool:
                pool.starmap(_run_share, [(task.__name__, job) for job in jobs])
        finally:
            _CURRENT = None

    # ---- joining ---------------------------------------------------------------------------
    def _join(self, name: str, parts: int) -> None:
        stage = self.outputs.stage
        with (stage / name).open("wb") as out:
            for i in range(parts):
                part = stage / f"{name}.{i}"
                with part.open("rb") as fh:
                    shutil.copyfileobj(fh, out, 1 << 20)
                part.unlink()

    def _store_path(self, share: int) -> Path:
        return self.outputs.stage / f".entities-{share}.sqlite"

    def _review(self) -> None:
        """review.html: the first articles of records.jsonl (at most `review_max_articles`)."""
        stage = self.outputs.stage
        review = ReviewPage(stage / "review.html", rules_for(self.settings), self.settings.review_max_articles)
        text_of = partial(_text_of, stage)
        try:
            with (stage / "records.jsonl").open("rb") as fh:
                for _, line in zip(range(self.settings.review_max_articles), fh):
                    review.add(orjson.loads(line), text_of)
        finally:
            review.close()


def _run_share(name: str, job: tuple) -> None:
    assert _CURRENT is not None
    getattr(_CURRENT, name)(*job)


def with_ids(line: str, deduper: Deduper) -> dict:
    """A staged record (already validated where it was made) with its entity ids filled in."""
    record = orjson.loads(line)
    doc = record["doc_id"]

    def ident(kind: str, name: str | None) -> str | None:
        return deduper.id_of(kind, doc, name) if name else None

    for key, kind, name in (("people", "person", "name"), ("films", "film", "title"), ("schools", "school", "name")):
        for item in record[key]:
            item["id"] = ident(kind, item[name])
    for c in record["credits"]:
        c["person_id"], c["film_id"] = ident("person", c["person"]), ident("film", c["film"])
    for e in record["education"]:
        e["person_id"], e["school_id"] = ident("person", e["person"]), ident("school", e["school"])
    return record


def _stretches(path: Path, shares: int) -> list[tuple[int, int]]:
    """Byte ranges that cut a file of lines into about equal parts, at line ends."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as fh:
        for k in range(1, shares):
            fh.seek(max(cuts[-1], size * k // shares))
            fh.readline()
            cuts.append(min(fh.tell(), size))
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [(0, 0)]


def _read_stretch(path: Path, start: int, end: int) -> Iterator[str]:
    with path.open("rb") as fh:
        fh.seek(start)
        while fh.tell() < end:
            line = fh.readline()
            if not line:
                break
            yield line.decode("utf-8")


def _id_bounds(kind: str, shares: int) -> list[tuple[str, str | None]]:
    """Ranges [lo, hi) of the ids of a kind, cut at the first hex digit of their hash."""
    cuts = [f"{PREFIX[kind]}_{HEX[len(HEX) * k // shares]}" for k in range(1, shares)]
    return list(zip(["", *cuts], [*cuts, None]))


def _text_of(stage: Path, record: dict) -> str:
    """The text a record's offsets refer to: its stored page text, or its file decoded again."""
    if record.get("text_file"):
        return (stage / record["text_file"]).read_text(encoding="utf-8")
    try:
        return decode(Path(record["source"]).read_bytes(), Path(record["source"]))[0]
    except (OSError, ExtractError):
        return ""
