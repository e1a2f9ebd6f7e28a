"""Extraction quality, measured with `extract eval` on gold files: the project's own articles
(tests/gold) and, when ../shared is present, the Re-DocRED film benchmark."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.evaluate import evaluate

from .conftest import GOLD, SHARED

BENCH = SHARED / "benchmarks" / "redocred-film"

# Floors: measured F1 minus a small margin, so a regression fails the build.
GOLD_FLOORS = {"people": 0.92, "films": 0.83, "schools": 0.91, "credits": 0.35, "education": 0.63}
BENCH_FLOORS = {"people": 0.78, "films": 0.32, "schools": 0.73, "credits": 0.11, "education": 0.52}


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
