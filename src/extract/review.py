"""review.html: one self-contained page (no network) to check the results by eye and to
record corrections. Articles are drawn on demand from data embedded in the page, so it stays
quick with a thousand articles."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import orjson

from .rules import Rules

ASSETS = Path(__file__).parent / "assets"


def _role_marks(record: dict, text: str, patterns: dict[str, re.Pattern]) -> list[dict]:
    """Where each credit's role is written in its evidence sentence."""
    marks, seen = [], set()
    for credit in record["credits"]:
        ev = credit.get("evidence")
        pattern = patterns.get(credit["role"])
        if not ev or pattern is None:
            continue
        for m in pattern.finditer(text, ev["start"], ev["end"]):
            if (m.start(), m.end()) not in seen:
                seen.add((m.start(), m.end()))
                marks.append({"start": m.start(), "end": m.end(), "kind": "role", "label": credit["role"],
                              "confidence": credit["confidence"]})
    return marks


def role_patterns(rules: Rules) -> dict[str, re.Pattern]:
    """For each canonical role, a pattern of the words that write it (rules/roles.tsv, role_verbs.tsv)."""
    words: dict[str, set[str]] = {}
    for phrase, role in rules.roles.items():
        words.setdefault(role, set()).add(phrase)
    for phrase, (role, _) in rules.role_verbs.items():
        words.setdefault(role, set()).add(phrase)
    return {role: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(ps, key=len, reverse=True))
                             + r")(?!\w)", re.IGNORECASE)
            for role, ps in words.items()}


def article_data(record: dict, text: str, patterns: dict[str, re.Pattern]) -> dict:
    """What the page needs of one record: its text, its marks and its tables."""
    marks = []
    for key, kind, name in (("people", "person", "name"), ("films", "film", "title"), ("schools", "school", "name")):
        for item in record[key]:
            for m in item["mentions"]:
                marks.append({"start": m["start"], "end": m["end"], "kind": kind, "label": item[name],
                              "id": item.get("id"), "confidence": item["confidence"]})
    taken = {i for m in marks for i in range(m["start"], m["end"])}
    marks += [m for m in _role_marks(record, text, patterns) if not taken.intersection(range(m["start"], m["end"]))]
    return {"doc_id": record["doc_id"], "subject": record["subject"], "text": text, "marks": marks,
            "people": [{"name": p["name"], "aliases": p["aliases"], "id": p.get("id"),
                        "confidence": p["confidence"], "source": p["source"]} for p in record["people"]],
            "films": [{"title": f["title"], "aliases": f["aliases"], "id": f.get("id"),
                       "confidence": f["confidence"], "source": f["source"]} for f in record["films"]],
            "schools": [{"name": s["name"], "aliases": s["aliases"], "id": s.get("id"),
                         "confidence": s["confidence"], "source": s["source"]} for s in record["schools"]],
            "credits": record["credits"], "education": record["education"]}


class ReviewPage:
    """review.html, written one article at a time (at most `limit`: the first ones)."""

    def __init__(self, path: Path, rules: Rules, limit: int):
        self.patterns = role_patterns(rules)
        self.limit, self.count, self.path = limit, 0, path
        page = (ASSETS / "review.html").read_text(encoding="utf-8")
        page = page.replace("/*STYLE*/", (ASSETS / "review.css").read_text(encoding="utf-8"))
        page = page.replace("/*SCRIPT*/", (ASSETS / "review.js").read_text(encoding="utf-8"))
        head, self.tail = page.split("/*DATA*/")
        self.fh = path.open("wb")
        self.fh.write((head + "[").encode("utf-8"))

    def add(self, record: dict, text_of: Callable[[dict], str]) -> None:
        if self.count >= self.limit:
            return
        data = article_data(record, text_of(record), self.patterns)
        self.fh.write((b"," if self.count else b"") + orjson.dumps(data).replace(b"</", b"<\\/"))
        self.count += 1

    def close(self) -> None:
        self.fh.write(("]" + self.tail).encode("utf-8"))
        self.fh.close()
