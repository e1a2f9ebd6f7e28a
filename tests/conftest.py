"""Shared fixtures: the loaded pipeline and one CLI run over data/raw are built once per session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.extractor import Extractor

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared"
SEEDS = ("000_16aef03aa00ae3dc", "001_a353ed90bfaa6c56", "002_1a311f1fb2eeecb6")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def run_out(tmp_path_factory) -> Path:
    """`extract run data/raw --out DIR`, through the CLI, once."""
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["run", str(RAW), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def records(run_out) -> list[dict]:
    return [json.loads(line) for line in (run_out / "records.jsonl").read_text().splitlines()]
