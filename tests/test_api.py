"""The Python API, the CSV tables and what a run prints."""
from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

import extract
from extract.cli import app

from .conftest import RAW, SEEDS


def test_run_load_and_frames(tmp_path):
    report = extract.run([RAW], out=tmp_path)
    assert report["totals"]["failed"] == 0
    records = extract.load(tmp_path)
    assert [r.doc_id for r in records] == sorted(p.stem for p in RAW.glob("*.txt"))
    assert isinstance(records[0], extract.Record) and records[0].people[0].id.startswith("p_")
    pd = pytest.importorskip("pandas", reason="pandas is not installed (extract[pandas])")
    frames = extract.to_frames(tmp_path)
    assert set(frames) == {"people", "films", "schools", "credits", "education"}
    assert len(frames["credits"]) == sum(len(r.credits) for r in records)
    assert set(frames["credits"]["person_id"]) <= set(frames["people"]["id"])
    assert isinstance(frames["people"], pd.DataFrame)


def test_tables_join_by_id(run_out):
    people = {r["id"]: r for r in csv.DictReader((run_out / "people.csv").open(encoding="utf-8"))}
    entities = [json.loads(x) for x in (run_out / "people.jsonl").read_text().splitlines()]
    assert set(people) == {e["id"] for e in entities}
    for e in entities:
        assert people[e["id"]]["name"] == e["name"]
        assert int(people[e["id"]]["mentions"]) == len(e["mentions"])
    films = {r["id"] for r in csv.DictReader((run_out / "films.csv").open(encoding="utf-8"))}
    credits = list(csv.DictReader((run_out / "credits.csv").open(encoding="utf-8")))
    assert credits and all(c["person_id"] in people and (not c["film_id"] or c["film_id"] in films)
                           for c in credits)


def test_quiet_prints_nothing_but_errors(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((RAW / f"{SEEDS[2]}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    quiet = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "o1"), "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""
    (folder / "bad.txt").write_bytes(b"")
    noisy = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "o2"), "--quiet"])
    assert noisy.exit_code == 1 and "bad.txt" in noisy.output and "people" not in noisy.output
    loud = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "o3")])
    for column in ("articles", "people", "films", "schools", "credits", "education", "failed", "seconds"):
        assert column in loud.output


def test_progress_bar_shows_on_a_terminal_only():
    from io import StringIO

    from rich.console import Console

    from extract.report import FileResult
    from extract.progress import RunDisplay

    def drive(terminal: bool) -> str:
        buf = StringIO()
        display = RunDisplay(console=Console(file=buf, force_terminal=terminal, width=120))
        display.start(2)
        display.result(FileResult("a.txt", "a", "ok"))
        display.result(FileResult("b.txt", "b", "failed", "b.txt: the file is empty"))
        display.progress.refresh()
        display.stop()
        return buf.getvalue()

    shown = drive(True)
    assert "files/s" in shown and "1 failed" in shown and "b.txt" in shown
    hidden = drive(False)
    assert "files/s" not in hidden and "b.txt" in hidden
