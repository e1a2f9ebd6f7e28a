"""Deduplication: the labelled name pairs, the guard rails, stable ids, and a collection
whose entity files must hold exactly the expected entities."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extract.dedup import Deduper, Occurrence
from extract.fold import fold_people
from extract.namekeys import block_keys, match, words_of
from extract.extractor import Extractor
from extract.pipeline import run
from extract.relations import Ref
from extract.settings import Settings

HERE = Path(__file__).parent
PAIRS = [json.loads(line) for line in (HERE / "dedup" / "name_pairs.jsonl").read_text().splitlines()]
COLLECTION = HERE / "collection"


@pytest.fixture(scope="module")
def school_aliases(extractor: Extractor) -> dict[str, str]:
    return extractor.school_aliases()


def test_labelled_pairs_precision_and_recall(school_aliases):
    assert len(PAIRS) >= 300
    negatives = [p for p in PAIRS if not p["same"]]
    assert sum(p["hard"] for p in negatives) >= len(negatives) / 2
    settings = Settings()
    tp = fp = fn = 0
    wrong = []
    for p in PAIRS:
        said = match(p["kind"], p["a"], p["b"], settings, aliases=school_aliases) is not None
        tp, fp, fn = tp + (said and p["same"]), fp + (said and not p["same"]), fn + (p["same"] and not said)
        if said != p["same"]:
            wrong.append((p["kind"], p["a"], p["b"], p["same"]))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.99 and recall >= 0.95, (precision, recall, wrong)


def test_every_labelled_pair_the_rules_join_shares_a_block(school_aliases):
    # only names sharing a block are compared, so a block key missing here loses a merge
    def keys(kind, name):
        official = "".join(words_of(kind, school_aliases.get(name, name))) if kind == "school" else None
        return block_keys(kind, words_of(kind, name), official)
    joined = [p for p in PAIRS if match(p["kind"], p["a"], p["b"], Settings(), aliases=school_aliases)]
    assert len(joined) > 150
    assert [p for p in joined if not keys(p["kind"], p["a"]) & keys(p["kind"], p["b"])] == []


def test_a_slip_early_in_a_title_still_merges():
    films = _clusters([_occ("a", "Brakeman Summer", "film"), _occ("b", "Breakman Summer", "film"),
                       _occ("c", "Brakeman Winter", "film")])["film"]
    assert sorted(map(sorted, films)) == [["Brakeman Summer", "Breakman Summer"], ["Brakeman Winter"]]


def _occ(doc: str, name: str, kind: str = "person", support: tuple[str, ...] = ()) -> Occurrence:
    return Occurrence(kind, doc, name, (), ((0, len(name), name),), support)


def _clusters(occ: list[Occurrence]) -> dict[str, list[frozenset[str]]]:
    """Per kind, the names in each cluster."""
    deduper = Deduper(Settings())
    deduper.cluster(occ)
    return {kind: [frozenset(o.name for o in occ if o.kind == kind and deduper.id_of(kind, o.doc_id, o.name) == c.id)
                   for c in deduper.clusters(kind)] for kind in ("person", "film", "school")}


def test_no_merge_through_a_looser_form():
    # "Lizzy Liu" matches both full names, but the two full names do not match each other
    occ = [_occ("a", "Lizzy Yang Liu"), _occ("b", "Lizzy Liu"), _occ("c", "Lizzy Chen Liu")]
    people = _clusters(occ)["person"]
    assert frozenset({"Lizzy Yang Liu", "Lizzy Chen Liu"}) not in people
    assert not any({"Lizzy Yang Liu", "Lizzy Chen Liu"} <= c for c in people)


def test_single_words_never_merge_across_articles():
    occ = [_occ("a", "Liu"), _occ("b", "Liu"), _occ("c", "Lizzy Liu")]
    assert len(_clusters(occ)["person"]) == 3


def test_shared_surname_or_first_name_is_not_enough():
    occ = [_occ("a", "Wei Zhang"), _occ("b", "Min Zhang"), _occ("c", "Wei Chen")]
    assert len(_clusters(occ)["person"]) == 3


def test_family_name_first_is_the_same_person():
    occ = [_occ("a", "Liu Jiayu"), _occ("b", "Jiayu Liu")]
    assert _clusters(occ)["person"] == [frozenset({"Liu Jiayu", "Jiayu Liu"})]


def test_a_shared_film_supports_a_weaker_match():
    loose = [_occ("a", "Renata Okonkwo"), _occ("b", "Renata Okonkow")]
    assert len(_clusters(loose)["person"]) == 2
    film = [_occ("a", "Night Swim", "film"), _occ("b", "Night Swim", "film")]
    supported = [_occ("a", "Renata Okonkwo", support=("Night Swim",)),
                 _occ("b", "Renata Okonkow", support=("Night Swim",))]
    assert len(_clusters(film + supported)["person"]) == 1


def test_ids_do_not_depend_on_order_or_unrelated_files():
    occ = [_occ("a", "Lizzy Yang Liu"), _occ("b", "Lizzy Liu"), _occ("a", "Nezouh", "film")]
    more = list(reversed(occ)) + [_occ("z", "Omar Haddad"), _occ("z", "Harvest", "film")]
    assert _ids(occ) <= _ids(more)


def _ids(occ: list[Occurrence]) -> set[str]:
    deduper = Deduper()
    deduper.cluster(occ)
    return {c.id for kind in ("person", "film", "school") for c in deduper.clusters(kind)}


def test_short_form_shared_by_two_people_attaches_to_the_nearest_full_mention():
    wei, min_ = Ref(10, 19, "Wei Zhang"), Ref(50, 59, "Min Zhang")
    before_any, after_wei, after_min = Ref(0, 5, "Zhang"), Ref(20, 25, "Zhang"), Ref(70, 75, "Zhang")
    people = fold_people([(wei, "r"), (min_, "r")], [before_any, after_wei, after_min])
    by_name = {e.name: {m.start for m in e.mentions} for e in people}
    assert by_name == {"Wei Zhang": {10, 20}, "Min Zhang": {50, 70}}  # the one at 0 stays unattached


def test_collection_entities_are_exactly_the_expected_ones(tmp_path):
    report = run([COLLECTION / "articles"], tmp_path)
    assert report["totals"]["failed"] == 0
    expected = json.loads((COLLECTION / "expected.json").read_text())
    for kind, file, key in (("people", "people.jsonl", "name"), ("films", "films.jsonl", "title"),
                            ("schools", "schools.jsonl", "name")):
        rows = [json.loads(x) for x in (tmp_path / file).read_text().splitlines()]
        got = {frozenset({r["name"], *r["aliases"]}) for r in rows}
        want = {frozenset(e["variants"]) | {e[key]} for e in expected[kind]}
        assert got == want, (kind, got ^ want)
    people = [json.loads(x) for x in (tmp_path / "people.jsonl").read_text().splitlines()]
    merged = [m for p in people for m in p["merged"]]
    assert merged and all({"name", "matched", "rule", "score"} <= set(m) for m in merged)
    records = [json.loads(x) for x in (tmp_path / "records.jsonl").read_text().splitlines()]
    ids = {p["id"] for p in people}
    assert all(p["id"] in ids for r in records for p in r["people"])
    assert all(c["person_id"] in ids for r in records for c in r["credits"])


def test_entity_ids_survive_reordering_and_an_unrelated_file(tmp_path):
    shutil.copytree(COLLECTION / "articles", tmp_path / "a")
    run([tmp_path / "a"], tmp_path / "out1")
    first = {json.loads(x)["name"]: json.loads(x)["id"]
             for x in (tmp_path / "out1" / "people.jsonl").read_text().splitlines()}
    (tmp_path / "a" / "zz_unrelated.txt").write_text(
        "Meet Rosalind Achterberg, an editor. She edited “Copper Rain,” directed by Tobias Wren.\n")
    run([tmp_path / "a"], tmp_path / "out2")
    second = {json.loads(x)["name"]: json.loads(x)["id"]
              for x in (tmp_path / "out2" / "people.jsonl").read_text().splitlines()}
    assert all(second[name] == i for name, i in first.items())


def test_colliding_ids_are_numbered_and_every_item_keeps_its_own(monkeypatch):
    monkeypatch.setattr("extract.dedup.entity_id", lambda kind, key: f"{kind[0]}_same")
    occ = [_occ("a", "Lizzy Yang Liu"), _occ("b", "Lizzy Liu"), _occ("c", "Omar Haddad"), _occ("d", "Wei Chen")]
    deduper = Deduper()
    deduper.cluster(occ)
    clusters = list(deduper.clusters("person"))
    assert [c.id for c in clusters] == ["p_same", "p_same-2", "p_same-3"]
    for c in clusters:
        names = {o.name for o in occ if deduper.id_of("person", o.doc_id, o.name) == c.id}
        assert c.name in names and len(names) == len(c.keys)
