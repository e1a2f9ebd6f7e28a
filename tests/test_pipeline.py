from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.io import Article
from extract.report import FileResult, RunReport
from extract.extractor import split_text


@pytest.mark.parametrize("text,limit", [
    ("word " * 1000, 300),
    ("para one.\n\npara two is here.\n\n" * 200, 500),
    ("x" * 5000, 1000),
])
def test_split_text_keeps_every_character(text, limit):
    pieces = split_text(text, limit)
    assert "".join(t for _, t in pieces) == text
    assert all(len(t) <= limit for _, t in pieces)
    assert all(text[o:o + len(t)] == t for o, t in pieces)


def test_long_article_is_not_truncated(extractor):
    para = "Director Ana Ruiz directed “Tides” in Lisbon. She studied at Emerson College.\n\n"
    text = para * 2000  # about 160,000 characters: longer than one chunk
    assert len(text) > extractor.settings.max_chunk_chars
    rec = extractor.record(Article(Path("long.txt"), "long.txt", "long", "0" * 64, text, "utf-8"))
    ruiz = next(p for p in rec.people if p.name == "Ana Ruiz")
    assert len(ruiz.mentions) == 2000
    assert max(m.start for m in ruiz.mentions) > len(text) - len(para)
    assert all(text[m.start:m.end] == m.text for m in ruiz.mentions)


def test_report_entries_are_sorted_and_duplicates_named(tmp_path):
    report = RunReport(tmp_path / "r.sqlite")
    assert report.first_with("abc", "b.txt") is None
    report.add(FileResult("b.txt", "b", "ok", counts={"people": 2}))
    report.add(FileResult("a.txt", "a", "ok", counts={"people": 1}, duplicate_of=report.first_with("abc", "a.txt")))
    report.add(FileResult("c.txt", "c", "failed", "c.txt: the file is empty"))
    report.write(tmp_path / "report.json", report.summary({"people": 3}, {"extract": "x"}))
    report.close()
    data = json.loads((tmp_path / "report.json").read_text())
    assert [f["source"] for f in data["files"]] == ["a.txt", "b.txt", "c.txt"]
    assert data["files"][0]["duplicate_of"] == "b.txt"
    assert data["totals"]["ok"] == 2 and data["totals"]["failed"] == 1 and data["totals"]["people"] == 3
    assert not (tmp_path / "r.sqlite").exists()


@pytest.mark.parametrize("shares", [1, 2, 3, 7])
def test_stretches_cut_at_line_ends_and_cover_the_file(tmp_path, shares):
    from extract.finish import _read_stretch, _stretches
    lines = [f'{{"n": {i}, "text": "{"é" * (i % 13)}"}}\n' for i in range(50)]
    path = tmp_path / "staged"
    path.write_text("".join(lines), encoding="utf-8")
    stretches = _stretches(path, shares)
    assert len(stretches) == shares
    assert [line for a, b in stretches for line in _read_stretch(path, a, b)] == lines
