"""report.json: what happened to each input file, the totals, and the versions that made the
results. The entries wait in an SQLite file during the run, so memory does not grow with
the collection."""
from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .io import write_chunks

FIELDS = ("people", "films", "schools", "credits", "education")


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


class RunReport:
    """Collects the file results of a run and writes report.json."""

    def __init__(self, path: Path):
        self.path, self.started = path, time.perf_counter()
        self.db = sqlite3.connect(path)
        self.db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE files (source TEXT, entry TEXT);
            CREATE TABLE seen (sha256 TEXT PRIMARY KEY, source TEXT) WITHOUT ROWID;""")
        self.totals: Counter = Counter()

    def first_with(self, sha256: str, source: str) -> str | None:
        """The earlier file with the same bytes, if any (this one is remembered otherwise)."""
        found = self.db.execute("SELECT source FROM seen WHERE sha256=?", (sha256,)).fetchone()
        if found is None:
            self.db.execute("INSERT INTO seen VALUES (?, ?)", (sha256, source))
            return None
        return found[0]

    def add(self, result: FileResult) -> None:
        self.db.execute("INSERT INTO files VALUES (?, ?)",
                        (result.source, json.dumps(result.as_json(), indent=2, sort_keys=True)))
        self.totals.update({"files": 1, result.status: 1, "cached": int(bool(result.cached)), **result.counts})

    def summary(self, entities: dict[str, int], versions: dict[str, str]) -> dict:
        """The report without its file entries (those are in report.json)."""
        return {"totals": {k: self.totals[k] for k in ("files", "ok", "failed", "skipped", "cached", *FIELDS)},
                "entities": entities, "elapsed_seconds": round(time.perf_counter() - self.started, 3),
                "versions": versions}

    def write(self, path: Path, summary: dict) -> None:
        """report.json: the summary, and one entry per file sorted by path, streamed."""
        mark = "\0files\0"
        head, tail = json.dumps({**summary, "files": mark}, indent=2, sort_keys=True).split(json.dumps(mark))

        def chunks() -> Iterator[str]:
            yield head + "["
            rows = self.db.execute("SELECT entry FROM files ORDER BY source")
            for n, (entry,) in enumerate(rows):
                yield ("," if n else "") + "\n    " + entry.replace("\n", "\n    ")
            yield "\n  ]" + tail + "\n"
        write_chunks(path, chunks())

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)
