"""Re-runs reuse cached results and give byte-identical output; a killed run leaves the
previous output untouched and the next run completes it."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.pipeline import run
from extract.settings import DEFAULT_RULES_DIR, Settings

from .conftest import RAW

OUTPUTS = ("records.jsonl", "people.jsonl", "films.jsonl", "schools.jsonl", "schema.json")


def _snapshot(out: Path) -> dict[str, bytes]:
    files = {name: (out / name).read_bytes() for name in OUTPUTS}
    report = json.loads((out / "report.json").read_text())
    for key in ("elapsed_seconds",):
        report.pop(key)
    report["totals"].pop("cached")
    for entry in report["files"]:
        entry.pop("cached", None)
    files["report.json (without timings)"] = json.dumps(report, sort_keys=True).encode()
    return files


def _cached(out: Path) -> dict[str, bool]:
    report = json.loads((out / "report.json").read_text())
    return {Path(e["source"]).name: e["cached"] for e in report["files"] if e["status"] == "ok"}


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(RAW, folder)
    return folder


def test_rerun_reuses_everything_and_is_byte_identical(articles, tmp_path):
    out = tmp_path / "out"
    run([articles], out)
    first = _snapshot(out)
    assert not any(_cached(out).values())
    run([articles], out)
    assert all(_cached(out).values())
    assert _snapshot(out) == first


def test_changing_one_article_recomputes_only_that_one(articles, tmp_path):
    out = tmp_path / "out"
    run([articles], out)
    changed = sorted(articles.glob("*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPhoto by Lena Park\n", encoding="utf-8")
    run([articles], out)
    cached = _cached(out)
    assert [name for name, hit in cached.items() if not hit] == [changed.name]


def test_changing_a_rule_file_recomputes_everything(articles, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    out = tmp_path / "out"
    run([articles], out, Settings(rules_dir=rules))
    with (rules / "org_cues.txt").open("a", encoding="utf-8") as fh:
        fh.write("consortium\n")
    run([articles], out, Settings(rules_dir=rules))
    assert not any(_cached(out).values())


def test_no_cache_recomputes_everything(articles, tmp_path):
    out = tmp_path / "out"
    run([articles], out)
    run([articles], out, use_cache=False)
    assert not any(_cached(out).values())


def _many(folder: Path, copies: int) -> None:
    """A collection big enough to take a few seconds: the samples under other names."""
    folder.mkdir(parents=True)
    for n in range(copies):
        for src in sorted(RAW.glob("*.txt")):
            text = src.read_text(encoding="utf-8") + f"\nArticle copy {n}.\n"
            (folder / f"{n:03d}_{src.name}").write_text(text, encoding="utf-8")


def _extract(args: list[str]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    # a test run started in the background inherits an ignored SIGINT; the run must see it as a user would
    return subprocess.Popen([sys.executable, "-m", "extract", "run", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_killed_run_leaves_the_previous_output_and_the_next_run_completes(tmp_path, sig):
    folder = tmp_path / "in"
    _many(folder, 25)  # long enough (several seconds) to be interrupted part-way
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert _extract([str(folder), "--out", str(out)]).wait(timeout=600) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (folder / "zz_new.txt").write_text("Meet Ana Ruiz, a director. She directed “Tides”.\n", encoding="utf-8")
    for old in sorted(folder.glob("*_*.txt")):  # every article changed: the cache cannot answer for them
        old.write_text(old.read_text(encoding="utf-8") + "\nPhoto by Lena Park\n", encoding="utf-8")
    proc = _extract([str(folder), "--out", str(out)])
    deadline = time.time() + 120
    while not (out / ".next").exists() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(random.Random(sig).uniform(0.2, 1.0))
    proc.send_signal(sig)
    code = proc.wait(timeout=120)
    assert code != 0, "the run finished before it could be interrupted"
    if sig == signal.SIGINT:
        assert code == 130
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert _extract([str(folder), "--out", str(out)]).wait(timeout=600) == 0
    assert _extract([str(folder), "--out", str(clean), "--no-cache"]).wait(timeout=600) == 0
    assert _snapshot(out) == _snapshot(clean)
