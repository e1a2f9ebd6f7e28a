"""End-to-end: the CLI on data/raw, the output contract, the quality floors, bad usage."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.evaluate import evaluate

from .conftest import GOLD, RAW, SEEDS

runner = CliRunner()


def test_run_writes_the_output_contract(run_out, records):
    assert {p.name for p in run_out.iterdir() if not p.name.startswith(".")} == {
        "records.jsonl", "schema.json", "report.json", "people.jsonl", "films.jsonl", "schools.jsonl",
        "people.csv", "films.csv", "schools.csv", "credits.csv", "education.csv", "review.html"}
    assert not (run_out / ".next").exists()
    report = json.loads((run_out / "report.json").read_text())
    assert report["totals"]["failed"] == 0
    assert report["totals"]["files"] == len(records) == len(list(RAW.glob("*.txt")))
    assert {"extract", "spacy", "pipeline"} <= set(report["versions"])
    assert json.loads((run_out / "schema.json").read_text())["title"] == "Record"
    assert [r["doc_id"] for r in records] == sorted(p.stem for p in RAW.glob("*.txt"))


def test_every_offset_slices_the_text(records):
    checked = 0
    for rec in records:
        text = (RAW / f"{rec['doc_id']}.txt").read_text(encoding="utf-8")
        for kind in ("people", "films", "schools"):
            for item in rec[kind]:
                for m in item["mentions"]:
                    assert text[m["start"]:m["end"]] == m["text"]
                    checked += 1
        for fact in rec["credits"] + rec["education"]:
            ev = fact["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["sentence"]
            checked += 1
    assert checked > 100


def test_subject_is_found_in_the_samples(records):
    subjects = {r["doc_id"]: r["subject"] for r in records}
    gold = {s: json.loads((GOLD / f"{s}.json").read_text())["subject"] for s in SEEDS}
    assert {s: subjects[s] for s in SEEDS} == gold


@pytest.mark.parametrize("field,floor", [("people", 0.90), ("films", 0.90), ("schools", 0.90),
                                         ("credits", 0.80), ("education", 0.80)])
def test_quality_floor_on_the_three_samples(run_out, tmp_path_factory, field, floor):
    gold = tmp_path_factory.mktemp("seed-gold")
    for s in SEEDS:
        shutil.copy(GOLD / f"{s}.json", gold)
    f1 = evaluate(run_out / "records.jsonl", gold).scores[field].f1
    assert f1 >= floor, f"{field} F1 {f1:.3f} < {floor}"


def test_eval_command_prints_every_field(run_out):
    result = runner.invoke(app, ["eval", str(run_out / "records.jsonl"), str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.output)["fields"]
    assert set(fields) == {"people", "films", "schools", "credits", "education", "education_strict"}
    verbose = runner.invoke(app, ["eval", str(run_out / "records.jsonl"), str(GOLD), "--verbose"])
    assert verbose.exit_code == 0 and "precision" in verbose.output


def test_schema_command_prints_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output)["title"] == "Record"


@pytest.mark.parametrize("args,needle", [
    (["run", "no/such/folder"], "no such file or folder"),
    (["run"], "Missing argument"),
    (["eval", "missing.jsonl", "tests/gold"], "predictions file not found"),
    (["frobnicate"], "No such command"),
])
def test_bad_usage_exits_2_with_a_message(args, needle):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert needle in result.output


def test_a_failing_file_gives_exit_1_and_keeps_the_others(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(RAW / f"{SEEDS[0]}.txt", tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("   \n")
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    lines = (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    assert [json.loads(x)["doc_id"] for x in lines] == [SEEDS[0]]
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    failed = [f for f in report["files"] if f["status"] == "failed"]
    assert len(failed) == 1 and "empty" in failed[0]["reason"]
