"""Extraction quality, measured with `extract eval` on gold files: the project's own articles
(tests/gold) and, when ../shared is present, the Re-DocRED film benchmark."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.evaluate import evaluate

from .conftest import GOLD, SHARED

BENCH = SHARED / "benchmarks" / "redocred-film"

# tests/gold floors are the targets of issue 3; the benchmark floors are the measured F1
# less at most 0.015 (below the targets: see the README's quality table).
GOLD_FLOORS = {"people": 0.97, "films": 0.97, "schools": 0.97, "credits": 0.90, "education": 0.90}
BENCH_FLOORS = {"people": 0.87, "films": 0.78, "schools": 0.87, "credits": 0.58, "education": 0.79}


@pytest.mark.parametrize("field", list(GOLD_FLOORS))
def test_floor_on_all_project_articles(run_out, field):
    f1 = evaluate(run_out / "records.jsonl", GOLD).scores[field].f1
    assert f1 >= GOLD_FLOORS[field], f"{field} F1 {f1:.3f} < {GOLD_FLOORS[field]}"


@pytest.fixture(scope="module")
def bench_out(tmp_path_factory):
    if not BENCH.is_dir():
        pytest.skip(f"benchmark not found at {BENCH}: ../shared is absent beside the checkout")
    out = tmp_path_factory.mktemp("bench")
    result = CliRunner().invoke(app, ["run", str(BENCH / "raw"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("field", list(BENCH_FLOORS))
def test_floor_on_redocred_benchmark(bench_out, field):
    f1 = evaluate(bench_out / "records.jsonl", BENCH / "gold").scores[field].f1
    assert f1 >= BENCH_FLOORS[field], f"{field} F1 {f1:.3f} < {BENCH_FLOORS[field]}"


def test_subject_found_in_every_article_that_has_one(records):
    import json
    gold = {p.stem: json.loads(p.read_text()).get("subject") for p in GOLD.glob("*.json")}
    found = {r["doc_id"]: r["subject"] for r in records}
    expected = {d: s for d, s in gold.items() if s}
    assert len(expected) >= 14
    assert {d: found.get(d) for d in expected} == expected
