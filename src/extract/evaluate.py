"""Scoring predictions against hand-labelled gold files, as ../shared/GOLD_FORMAT.md defines it:
normalised names, one-to-one matching through names and aliases, optional items counting
neither way, precision/recall/F1 per field, micro-averaged over documents."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import GoldError
from .textnorm import normalize

FIELDS = ("people", "films", "schools", "credits", "education", "education_strict")
ROLE_SYNONYMS = {
    "actress": "actor", "screenwriter": "writer", "scriptwriter": "writer",
    "director of photography": "cinematographer", "dp": "cinematographer", "dop": "cinematographer",
    "film editor": "editor", "1st ad": "first assistant director", "2nd ad": "second assistant director",
    "ad": "assistant director",
}


class _Item(BaseModel):
    model_config = ConfigDict(extra="ignore")
    optional: bool = False


class GoldPerson(_Item):
    name: str
    aliases: list[str] = []


class GoldFilm(_Item):
    title: str
    aliases: list[str] = []


class GoldCredit(_Item):
    person: str
    role: str
    film: str | None = None


class GoldEducation(_Item):
    person: str
    school: str
    degree: str | None = None
    field: str | None = None


class GoldRecord(BaseModel):
    """The gold shape; a record from `records.jsonl` reads as one too (extra fields ignored)."""

    model_config = ConfigDict(extra="ignore")
    doc_id: str
    people: list[GoldPerson] = []
    films: list[GoldFilm] = []
    schools: list[GoldPerson] = []
    credits: list[GoldCredit] = []
    education: list[GoldEducation] = []


def fold_role(role: str) -> str:
    r = normalize(role)
    return ROLE_SYNONYMS.get(r, r)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    errors: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"fields": {f: s.as_json() for f, s in self.scores.items()},
                "documents_without_prediction": self.missing, "errors": self.errors}


def _names(*names: str) -> frozenset[str]:
    return frozenset(n for n in (normalize(x) for x in names) if n)


def _matching(preds: list, golds: list, same: Callable) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths) between predictions and gold items."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in range(len(golds)):
            if g not in seen and same(preds[p], golds[g]):
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return {p: g for g, p in owner.items()}


def _score(preds: list, golds: list, optional: list, same: Callable, show: Callable
           ) -> tuple[Score, list[str], list[str]]:
    matched = _matching(preds, golds, same)
    extra = [p for i, p in enumerate(preds) if i not in matched and not any(same(p, o) for o in optional)]
    hit = set(matched.values())
    missed = [g for i, g in enumerate(golds) if i not in hit]
    return Score(len(matched), len(extra), len(missed)), [show(x) for x in missed], [show(x) for x in extra]


class _Resolver:
    """Every name of a record's person, film or school, looked up by any one of them."""

    def __init__(self, record: GoldRecord):
        self.tables = {fld: self._table(getattr(record, fld), attr)
                       for fld, attr in (("people", "name"), ("films", "title"), ("schools", "name"))}

    @staticmethod
    def _table(items: list, attr: str) -> dict[str, frozenset[str]]:
        table: dict[str, frozenset[str]] = {}
        for it in items:
            names = _names(getattr(it, attr), *it.aliases)
            for n in names:
                table.setdefault(n, names)
        return table

    def _get(self, fld: str, name: str | None) -> frozenset[str] | None:
        return None if name is None else self.tables[fld].get(normalize(name), _names(name))

    def person(self, name: str) -> frozenset[str]:
        return self._get("people", name)

    def film(self, name: str | None) -> frozenset[str] | None:
        return self._get("films", name)

    def school(self, name: str) -> frozenset[str]:
        return self._get("schools", name)


def score_document(pred: GoldRecord, gold: GoldRecord) -> dict[str, tuple[Score, list[str], list[str]]]:
    """Per field: the score, the gold items missed and the predictions not in gold."""
    out = {}
    for fld, attr in (("people", "name"), ("films", "title"), ("schools", "name")):
        req = [it for it in getattr(gold, fld) if not it.optional]
        opt = [it for it in getattr(gold, fld) if it.optional]
        p = [_names(getattr(it, attr), *it.aliases) for it in getattr(pred, fld)]
        g = [_names(getattr(it, attr), *it.aliases) for it in req]
        o = [_names(getattr(it, attr), *it.aliases) for it in opt]
        out[fld] = _score(p, g, o, lambda a, b: bool(a & b), lambda s: sorted(s)[0] if s else "")

    rp, rg = _Resolver(pred), _Resolver(gold)

    def credit(rec: _Resolver, c: GoldCredit):
        return (rec.person(c.person), fold_role(c.role), rec.film(c.film), c)

    def same_credit(a, b):
        films_ok = (a[2] is None and b[2] is None) or (a[2] is not None and b[2] is not None and a[2] & b[2])
        return bool(a[0] & b[0]) and a[1] == b[1] and bool(films_ok)

    def show_credit(x):
        return f"{x[3].person} | {x[3].role} | {x[3].film}"

    p = [credit(rp, c) for c in pred.credits]
    g = [credit(rg, c) for c in gold.credits if not c.optional]
    o = [credit(rg, c) for c in gold.credits if c.optional]
    out["credits"] = _score(p, g, o, same_credit, show_credit)

    def edu(rec: _Resolver, e: GoldEducation):
        return (rec.person(e.person), rec.school(e.school), e.degree, e)

    def show_edu(x):
        return f"{x[3].person} | {x[3].school} | {x[3].degree}"

    p = [edu(rp, e) for e in pred.education]
    g = [edu(rg, e) for e in gold.education if not e.optional]
    o = [edu(rg, e) for e in gold.education if e.optional]
    out["education"] = _score(p, g, o, lambda a, b: bool(a[0] & b[0]) and bool(a[1] & b[1]), show_edu)
    out["education_strict"] = _score(
        p, g, o, lambda a, b: bool(a[0] & b[0]) and bool(a[1] & b[1]) and a[2] == b[2], show_edu)
    return out


def load_predictions(path: Path) -> dict[str, GoldRecord]:
    """Records from a `records.jsonl`, by doc_id; GoldError names the line of a bad record."""
    if not path.is_file():
        raise GoldError(f"{path}: predictions file not found")
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rec = GoldRecord.model_validate_json(line)
            except ValidationError as exc:
                raise GoldError(f"{path}:{n}: not a record: {exc.errors()[0]['msg']}") from exc
            out[rec.doc_id] = rec
    return out


def load_gold(gold_dir: Path) -> dict[str, GoldRecord]:
    """Gold files `<doc_id>.json` of a folder, by doc_id."""
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: gold folder not found")
    out = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            rec = GoldRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (ValidationError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise GoldError(f"{path}: not a gold file: {str(exc).splitlines()[0]}") from exc
        out[rec.doc_id] = rec
    if not out:
        raise GoldError(f"{gold_dir}: no gold files (*.json) in this folder")
    return out


def evaluate(pred_path: Path, gold_dir: Path) -> Report:
    """Scores every gold document; a gold document with no prediction counts as all misses."""
    preds, golds = load_predictions(pred_path), load_gold(gold_dir)
    report = Report()
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id)
        if pred is None:
            report.missing.append(doc_id)
            pred = GoldRecord(doc_id=doc_id)
        for fld, (score, missed, extra) in score_document(pred, gold).items():
            total = report.scores[fld]
            total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
            if missed or extra:
                report.errors.setdefault(doc_id, {})[fld] = {"missed": missed, "false_positives": extra}
    return report


def format_table(report: Report) -> str:
    """The per-field scores as a plain-text table."""
    lines = [f"{'field':<18}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>9}{'f1':>8}"]
    for fld, s in report.scores.items():
        lines.append(f"{fld:<18}{s.tp:>6}{s.fp:>6}{s.fn:>6}{s.precision:>11.3f}{s.recall:>9.3f}{s.f1:>8.3f}")
    return "\n".join(lines)
