from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluate import evaluate

GOLD = {
    "doc_id": "d1",
    "people": [{"name": "Lizzy Yang Liu", "aliases": ["Lizzy Liu"]}, {"name": "Jo Park", "optional": True}],
    "films": [{"title": "Nezouh", "aliases": []}],
    "schools": [{"name": "Emerson College", "aliases": []}],
    "credits": [{"person": "Lizzy Yang Liu", "role": "producer", "film": "Nezouh"},
                {"person": "Lizzy Yang Liu", "role": "creative producer", "film": None},
                {"person": "Lizzy Yang Liu", "role": "director", "film": None, "optional": True}],
    "education": [{"person": "Lizzy Yang Liu", "school": "Emerson College", "degree": "master",
                   "field": "Film and Media Art"}],
}


def score(tmp_path: Path, pred: dict, gold: dict = GOLD) -> dict:
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gold" / "d1.json").write_text(json.dumps(gold))
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred) + "\n")
    return {f: s for f, s in evaluate(tmp_path / "pred.jsonl", tmp_path / "gold").scores.items()}


def test_perfect_prediction_scores_one(tmp_path):
    s = score(tmp_path, GOLD)
    assert all(v.f1 == 1.0 for v in s.values()), {k: v.as_json() for k, v in s.items()}


def test_empty_prediction_scores_zero(tmp_path):
    s = score(tmp_path, {"doc_id": "d1"})
    assert all(v.f1 == 0.0 and v.tp == 0 for v in s.values())
    assert s["credits"].fn == 2 and s["people"].fn == 1


def test_aliases_and_normalisation_match(tmp_path):
    pred = {"doc_id": "d1",
            "people": [{"name": "Lizzy Liu", "aliases": []}],
            "films": [{"title": "“Nezouh,”", "aliases": []}],
            "schools": [{"name": "the EMERSON College", "aliases": []}],
            "credits": [{"person": "Lizzy Liu", "role": "Producer", "film": "nezouh"}]}
    s = score(tmp_path, pred)
    assert (s["people"].tp, s["films"].tp, s["schools"].tp, s["credits"].tp) == (1, 1, 1, 1)


def test_matching_is_one_to_one(tmp_path):
    pred = {"doc_id": "d1", "people": [{"name": "Lizzy Liu"}, {"name": "Lizzy Yang Liu"}]}
    s = score(tmp_path, pred)
    assert (s["people"].tp, s["people"].fp) == (1, 1)


def test_optional_items_count_neither_way(tmp_path):
    pred = dict(GOLD, people=GOLD["people"][:1] + [{"name": "Jo Park"}])
    s = score(tmp_path, pred)
    assert s["people"].fp == 0 and s["credits"].fp == 0
    gold_without_optional_hit = dict(GOLD, people=GOLD["people"])
    assert score(tmp_path, dict(GOLD, people=GOLD["people"][:1]), gold_without_optional_hit)["people"].fn == 0


def test_null_film_only_matches_null(tmp_path):
    pred = dict(GOLD, credits=[{"person": "Lizzy Yang Liu", "role": "producer", "film": None},
                               {"person": "Lizzy Yang Liu", "role": "creative producer", "film": "Nezouh"}])
    s = score(tmp_path, pred)
    assert (s["credits"].tp, s["credits"].fp, s["credits"].fn) == (0, 2, 2)


@pytest.mark.parametrize("written,canonical", [
    ("actress", "actor"), ("screenwriter", "writer"), ("DP", "cinematographer"),
    ("director of photography", "cinematographer"), ("1st AD", "first assistant director"),
    ("2nd AD", "second assistant director"), ("AD", "assistant director"), ("film editor", "editor"),
])
def test_role_synonyms_fold(tmp_path, written, canonical):
    gold = dict(GOLD, credits=[{"person": "Lizzy Yang Liu", "role": canonical, "film": "Nezouh"}])
    pred = dict(GOLD, credits=[{"person": "Lizzy Yang Liu", "role": written, "film": "Nezouh"}])
    assert score(tmp_path, pred, gold)["credits"].f1 == 1.0


def test_strict_education_needs_the_degree(tmp_path):
    pred = dict(GOLD, education=[dict(GOLD["education"][0], degree="bachelor")])
    s = score(tmp_path, pred)
    assert s["education"].f1 == 1.0 and s["education_strict"].f1 == 0.0


def test_missing_document_counts_as_misses(tmp_path):
    s = score(tmp_path, {"doc_id": "other", "people": [{"name": "X Y"}]})
    assert s["people"].fn == 1 and s["people"].fp == 0
