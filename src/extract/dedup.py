"""One entity per real person, film and school across the collection.

The stages, in order:
  1. group   the article-level items by their folded name (exact matches cost nothing)
  2. block   each distinct name under a few short keys, so that only names sharing a key
             are compared: the cost grows with the number of names, not its square
  3. score   each pair in a block with the rules of `namekeys.match` (rapidfuzz for slips)
  4. cluster the pairs, strongest first; two clusters join only when every name of one
             matches every name of the other, so no merge runs through a short or loose form
  5. name    each cluster by its most used name and give it a stable id
Films and schools are clustered first: a person pair that shares one may merge at a
lower score (`Settings.person_fuzzy_supported_min`).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from .namekeys import initials, match_words, words_of
from .settings import Settings

KINDS = ("film", "school", "person")
PREFIX = {"person": "p", "film": "f", "school": "s"}
# Comparing every pair in a block costs its size squared; past this size a block is too
# common to tell anything ("li" + "wang") and only exact matches count inside it.
MAX_BLOCK = 200
LONE = "\0"  # marks the key of a one-word person name, kept to its own article


@dataclass
class Occurrence:
    """One article's item: a person, film or school as that article names it."""

    kind: str
    doc_id: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int, str], ...] = ()
    support: tuple[str, ...] = ()  # for people: names of films and schools tied to them there


@dataclass
class Cluster:
    """A real entity: the distinct names (folded) that were merged, and why."""

    kind: str
    keys: list[tuple[str, ...]]
    merges: list[dict] = field(default_factory=list)
    id: str = ""
    name: str = ""


class _UnionFind:
    def __init__(self, items: Iterable):
        self.parent = {x: x for x in items}
        self.members = {x: [x] for x in self.parent}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        return ra


def block_keys(kind: str, words: tuple[str, ...], official: str | None = None) -> set[str]:
    """Short keys that every name a name could match also has."""
    if kind == "person":
        prefixes = sorted({w[:3] for w in words if len(w) > 1})
        return {f"{a}|{b}" for a, b in combinations(prefixes, 2)}
    joined = "".join(words)
    n, first, last = len(words), words[0], words[-1]
    keys = {f"j|{joined[:6]}", f"w|{n}|{first}|{last[:3]}", f"w|{n}|{first[:3]}|{last}"}
    if kind == "school":
        keys |= {f"i|{initials(words)}", f"i|{joined}"}
        if official:
            keys.add(f"o|{official}")
    return keys


class Deduper:
    """Clusters occurrences into entities; thresholds come from `Settings`."""

    def __init__(self, settings: Settings | None = None, school_aliases: dict[str, str] | None = None):
        self.settings = settings or Settings()
        self.school_aliases = school_aliases or {}

    def cluster(self, occurrences: list[Occurrence]) -> dict[str, list[Cluster]]:
        """Clusters per kind; also fills `self.assign[(kind, doc_id, name)] = cluster`."""
        self.assign: dict[tuple[str, str, str], Cluster] = {}
        out: dict[str, list[Cluster]] = {}
        for kind in KINDS:
            occ = [o for o in occurrences if o.kind == kind]
            out[kind] = self._cluster_kind(kind, occ)
        return out

    # ---- stages ----------------------------------------------------------------------------
    def _cluster_kind(self, kind: str, occ: list[Occurrence]) -> list[Cluster]:
        groups: dict[tuple[str, ...], list[Occurrence]] = defaultdict(list)
        for o in occ:
            words = words_of(kind, o.name) or (o.name.casefold(),)
            if kind == "person" and len(words) < 2:
                words = (*words, f"{LONE}{o.doc_id}")  # a lone word is never matched across articles
            groups[words].append(o)
        surface = {k: _most_common(o.name for o in g) for k, g in groups.items()}
        support = {k: self._support(g) for k, g in groups.items()} if kind == "person" else {}
        uf = _UnionFind(sorted(groups))
        why: dict[tuple[str, ...], dict] = {}
        for _, a, b, rule, score in self._pairs(kind, sorted(groups), surface, support):
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb or not self._compatible(kind, uf.members[ra], uf.members[rb], surface, support):
                continue
            uf.union(a, b)
            why.setdefault(b, {"name": surface[b], "matched": surface[a], "rule": rule, "score": score})
        clusters = []
        for root in sorted(uf.members):
            keys = uf.members[root]
            cluster = Cluster(kind, keys)
            self._name(cluster, groups, surface)
            cluster.merges = [why[k] for k in keys if k in why] + _spelling_merges(keys, groups, surface)
            for k in keys:
                for o in groups[k]:
                    self.assign[(kind, o.doc_id, o.name)] = cluster
            clusters.append(cluster)
        _unique_ids(clusters)
        return clusters

    def _support(self, group: list[Occurrence]) -> frozenset[str]:
        """Ids of the films and schools tied to a person name (already clustered)."""
        ids = set()
        for o in group:
            for name in o.support:
                for kind in ("film", "school"):
                    c = self.assign.get((kind, o.doc_id, name))
                    if c is not None:
                        ids.add(c.id)
        return frozenset(ids)

    def _pairs(self, kind, keys, surface, support):
        """Matching pairs of distinct names sharing a block, strongest first."""
        blocks: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for k in keys:
            if k[-1].startswith(LONE):
                continue
            official = self.school_aliases.get(surface[k], surface[k]) if kind == "school" else None
            for b in block_keys(kind, k, official and "".join(words_of("school", official))):
                blocks[b].append(k)
        seen, pairs = set(), []
        for members in blocks.values():
            if len(members) < 2 or len(members) > MAX_BLOCK:
                continue
            for a, b in combinations(members, 2):
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                found = self._match(kind, a, b, surface, support)
                if found:
                    pairs.append((-found[1], a, b, found[0], found[1]))
        return sorted(pairs)

    def _match(self, kind, a, b, surface, support):
        if a[-1].startswith(LONE) or b[-1].startswith(LONE):
            return None
        shared = bool(support.get(a, frozenset()) & support.get(b, frozenset()))
        return match_words(kind, surface[a], surface[b], a, b, self.settings, supported=shared,
                           aliases=self.school_aliases)

    def _compatible(self, kind, left, right, surface, support) -> bool:
        """Every name of one cluster matches every name of the other (complete linkage)."""
        return all(self._match(kind, a, b, surface, support) for a in left for b in right)

    def _name(self, cluster: Cluster, groups, surface) -> None:
        """The name used in most articles; ties go to the fuller, then the longer, name.
        A school is named by its official name when the gazetteer knows it, else not by an acronym."""
        officials = set(self.school_aliases.values())

        def weight(k):
            docs = len({o.doc_id for o in groups[k]})
            school_rank = (surface[k] not in officials, surface[k].isupper()) if cluster.kind == "school" else ()
            return (*school_rank, -docs, -len(k), -len(surface[k]), surface[k])
        best = min(cluster.keys, key=weight)
        cluster.name = surface[best]
        digest = hashlib.sha1(f"{cluster.kind}|{' '.join(best)}".encode()).hexdigest()[:12]
        cluster.id = f"{PREFIX[cluster.kind]}_{digest}"


def _spelling_merges(keys, groups, surface) -> list[dict]:
    """Names that differ only in case, accents or punctuation fold to one key: list them too."""
    out = []
    for k in keys:
        for name in sorted({o.name for o in groups[k]} - {surface[k]}):
            out.append({"name": name, "matched": surface[k], "rule": "exact", "score": 100.0})
    return out


def _most_common(names: Iterable[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for n in names:
        counts[n] += 1
    return min(counts, key=lambda n: (-counts[n], n))


def _unique_ids(clusters: list[Cluster]) -> None:
    """Two clusters with the same canonical name keep distinct ids, numbered in a fixed order."""
    seen: dict[str, int] = defaultdict(int)
    for c in sorted(clusters, key=lambda c: (c.id, sorted(c.keys))):
        seen[c.id] += 1
        if seen[c.id] > 1:
            c.id = f"{c.id}-{seen[c.id]}"


# ---- from records to entity files ------------------------------------------------------------
def occurrences(record) -> list[Occurrence]:
    """What deduplication needs of one record: each item's name, and each person's films and
    schools. (Mentions and aliases go to the EntityStore on disk, not into memory.)"""
    ties: dict[str, list[str]] = defaultdict(list)
    for c in record.credits:
        if c.film:
            ties[c.person].append(c.film)
    for e in record.education:
        ties[e.person].append(e.school)
    out = []
    for kind, items, attr in (("person", record.people, "name"), ("film", record.films, "title"),
                              ("school", record.schools, "name")):
        for item in items:
            name = getattr(item, attr)
            out.append(Occurrence(kind, record.doc_id, name,
                                  support=tuple(ties.get(name, ())) if kind == "person" else ()))
    return out


class EntityStore:
    """Every mention, alias, credit and education item of the run, by entity id, in an
    SQLite file: the entity files are then written one entity at a time, so memory does not
    grow with the number of mentions."""

    NAME = {"people": ("person", "name"), "films": ("film", "title"), "schools": ("school", "name")}

    def __init__(self, path: Path):
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE m (kind TEXT, id TEXT, doc_id TEXT, start INT, end INT, text TEXT);
            CREATE TABLE a (kind TEXT, id TEXT, alias TEXT, UNIQUE (kind, id, alias));
            CREATE TABLE c (id TEXT, doc_id TEXT, role TEXT, film TEXT, film_id TEXT);
            CREATE TABLE e (id TEXT, doc_id TEXT, school TEXT, school_id TEXT, degree TEXT, field TEXT);""")

    def add(self, record: dict) -> None:
        """One record whose items already carry their entity ids."""
        doc = record["doc_id"]
        for key, (kind, name) in self.NAME.items():
            for item in record[key]:
                self.db.executemany("INSERT OR IGNORE INTO a VALUES (?, ?, ?)",
                                    [(kind, item["id"], n) for n in (item[name], *item["aliases"])])
                self.db.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)",
                                    [(kind, item["id"], doc, x["start"], x["end"], x["text"])
                                     for x in item["mentions"]])
        self.db.executemany("INSERT INTO c VALUES (?, ?, ?, ?, ?)",
                            [(c["person_id"], doc, c["role"], c["film"], c["film_id"]) for c in record["credits"]])
        self.db.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?, ?)",
                            [(e["person_id"], doc, e["school"], e["school_id"], e["degree"], e["field"])
                             for e in record["education"]])

    def rows(self, kind: str, clusters: list[Cluster]) -> Iterator[dict]:
        """The rows of people.jsonl, films.jsonl or schools.jsonl, sorted by id."""
        self.db.execute("CREATE INDEX IF NOT EXISTS mi ON m (kind, id)")
        self.db.execute("CREATE INDEX IF NOT EXISTS ai ON a (kind, id)")
        self.db.execute("CREATE INDEX IF NOT EXISTS ci ON c (id)")
        self.db.execute("CREATE INDEX IF NOT EXISTS ei ON e (id)")
        for c in sorted(clusters, key=lambda c: c.id):
            aliases = sorted(a for (a,) in self.db.execute("SELECT alias FROM a WHERE kind=? AND id=?", (kind, c.id))
                             if a != c.name)
            mentions = [{"doc_id": d, "start": s, "end": e, "text": t} for d, s, e, t in self.db.execute(
                "SELECT doc_id, start, end, text FROM m WHERE kind=? AND id=? ORDER BY doc_id, start", (kind, c.id))]
            row = {"id": c.id, "name": c.name, "aliases": aliases, "mentions": mentions, "merged": c.merges}
            if kind == "person":
                row["credits"] = _sorted_facts(
                    {"doc_id": d, "role": r, "film": f, "film_id": fi} for d, r, f, fi in self.db.execute(
                        "SELECT doc_id, role, film, film_id FROM c WHERE id=?", (c.id,)))
                row["education"] = _sorted_facts(
                    {"doc_id": d, "school": s, "school_id": si, "degree": g, "field": f}
                    for d, s, si, g, f in self.db.execute(
                        "SELECT doc_id, school, school_id, degree, field FROM e WHERE id=?", (c.id,)))
            yield row

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)


def _sorted_facts(facts: Iterable[dict]) -> list[dict]:
    return sorted(facts, key=lambda x: tuple(str(v) for v in x.values()))
