"""A researcher's decisions from the review page, applied on every later run, and turned
into gold files.

`corrections.jsonl` holds one decision per line:
  {"doc_id": "002_…", "kind": "person", "action": "reject", "item": {"name": "Li Ning"}}
  {"doc_id": "002_…", "kind": "credit", "action": "add",
   "item": {"person": "Lizzy Yang Liu", "role": "producer", "film": "Nezouh"}}
  {"doc_id": "002_…", "kind": "school", "action": "accept", "item": {"name": "Emerson College"}}
`kind` is person, film, school, credit or education; `action` is reject (the item stays
out), add (the item is kept, marked "source": "correction") or accept (it is right).
Items are matched by their names as the gold format compares them.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import ExtractError
from .evaluate import fold_role
from .models import Record
from .textnorm import normalize

NAME_FIELD = {"person": "name", "film": "title", "school": "name"}
LIST_FIELD = {"person": "people", "film": "films", "school": "schools", "credit": "credits",
              "education": "education"}


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    kind: Literal["person", "film", "school", "credit", "education"]
    action: Literal["reject", "add", "accept"]
    item: dict


class CorrectionsError(ExtractError):
    """A corrections file is malformed; the message names the file and line."""


def load(path: Path) -> dict[str, list[Decision]]:
    """Decisions by doc_id, in file order."""
    if not path.is_file():
        raise CorrectionsError(f"{path}: corrections file not found")
    out: dict[str, list[Decision]] = defaultdict(list)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = Decision.model_validate_json(line)
        except ValidationError as exc:
            problems = "; ".join(f"[{'.'.join(map(str, e['loc']))}] {e['msg']}" for e in exc.errors())
            raise CorrectionsError(f"{path}:{n}: {problems}") from exc
        if d.kind in NAME_FIELD and not d.item.get(NAME_FIELD[d.kind]):
            raise CorrectionsError(f"{path}:{n}: a {d.kind} needs \"{NAME_FIELD[d.kind]}\"")
        if d.kind == "credit" and not (d.item.get("person") and d.item.get("role")):
            raise CorrectionsError(f"{path}:{n}: a credit needs \"person\" and \"role\"")
        if d.kind == "education" and not (d.item.get("person") and d.item.get("school")):
            raise CorrectionsError(f"{path}:{n}: an education item needs \"person\" and \"school\"")
        out[d.doc_id].append(d)
    return out


def _key(kind: str, item: dict) -> tuple:
    """What identifies an item, compared as the gold format compares names."""
    if kind in NAME_FIELD:
        return (normalize(item.get(NAME_FIELD[kind]) or ""),)
    if kind == "credit":
        return normalize(item["person"]), fold_role(item["role"]), normalize(item.get("film") or "")
    return normalize(item["person"]), normalize(item["school"])


def _names(kind: str, item) -> set[tuple]:
    """Every key an extracted item answers to (its name and its aliases)."""
    if kind in NAME_FIELD:
        return {(normalize(n),) for n in [getattr(item, NAME_FIELD[kind]), *item.aliases]}
    return {_key(kind, item.model_dump())}


def apply(record: Record, decisions: list[Decision]) -> Record:
    """The record with rejected items removed (with the credits and education naming a
    rejected person, film or school) and added items appended."""
    data = record.model_dump()
    rejected = {(d.kind, _key(d.kind, d.item)) for d in decisions if d.action == "reject"}
    gone: dict[str, set[str]] = defaultdict(set)
    for kind in ("person", "film", "school"):
        kept = []
        for item, model_item in zip(data[LIST_FIELD[kind]], getattr(record, LIST_FIELD[kind])):
            if any((kind, k) in rejected for k in _names(kind, model_item)):
                gone[kind].add(item[NAME_FIELD[kind]])
            else:
                kept.append(item)
        data[LIST_FIELD[kind]] = kept
    data["credits"] = [c for c in data["credits"] if ("credit", _key("credit", c)) not in rejected
                       and c["person"] not in gone["person"] and c["film"] not in gone["film"]]
    data["education"] = [e for e in data["education"] if ("education", _key("education", e)) not in rejected
                         and e["person"] not in gone["person"] and e["school"] not in gone["school"]]
    if data["subject"] in gone["person"]:
        data["subject"] = None
    for d in decisions:
        if d.action == "add":
            _add(data, d)
    return Record.model_validate(data)


def _add(data: dict, d: Decision) -> None:
    items = data[LIST_FIELD[d.kind]]
    if any(_key(d.kind, i) == _key(d.kind, d.item) for i in items):
        return
    base = {"rule": "correction", "confidence": 1.0, "source": "correction"}
    if d.kind in NAME_FIELD:
        items.append({**base, NAME_FIELD[d.kind]: d.item[NAME_FIELD[d.kind]],
                      "aliases": list(d.item.get("aliases", [])), "mentions": []})
        return
    for kind, name in (("person", d.item["person"]), ("film", d.item.get("film")),
                       ("school", d.item.get("school"))):
        if name and not any(_key(kind, i) == (normalize(name),) for i in data[LIST_FIELD[kind]]):
            data[LIST_FIELD[kind]].append({**base, NAME_FIELD[kind]: name, "aliases": [], "mentions": []})
    fields = ("person", "role", "film") if d.kind == "credit" else ("person", "school", "degree", "field")
    items.append({**base, **{f: d.item.get(f) for f in fields}})


def gold_files(records: list[Record], decisions: dict[str, list[Decision]], out: Path) -> list[Path]:
    """A gold file for every reviewed article: its record with the decisions applied, in the
    shape of ../shared/GOLD_FORMAT.md."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for record in records:
        if record.doc_id not in decisions:
            continue
        r = apply(record, decisions[record.doc_id])
        gold = {
            "doc_id": r.doc_id, "subject": r.subject,
            "people": [{"name": p.name, "aliases": p.aliases} for p in r.people],
            "films": [{"title": f.title, "aliases": f.aliases} for f in r.films],
            "schools": [{"name": s.name, "aliases": s.aliases} for s in r.schools],
            "credits": [{"person": c.person, "role": c.role, "film": c.film} for c in r.credits],
            "education": [{"person": e.person, "school": e.school, "degree": e.degree, "field": e.field}
                          for e in r.education],
        }
        path = out / f"{r.doc_id}.json"
        path.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
