"""One entity per real person, film and school across the collection.

The stages, in order (all of a run's names wait in an SQLite file, so memory does not grow
with the collection; only the names that merge are held in memory):
  1. group   the article-level items by their folded name (exact matches cost nothing)
  2. block   each distinct name under a few keys, one per match rule that could join it to
             another (`namekeys.block_keys`), so that only names sharing a key are compared
  3. score   each pair in a block with the rules of `namekeys.match` (rapidfuzz for slips)
  4. cluster the pairs, strongest first; two clusters join only when every name of one
             matches every name of the other, so no merge runs through a short or loose form
  5. name    each cluster by its most used name and give it a stable id
Films and schools are clustered first: a person pair that shares one may merge at a
lower score (`Settings.person_fuzzy_supported_min`).
"""
from __future__ import annotations

import hashlib
import heapq
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations, groupby
from pathlib import Path

from .namekeys import block_keys, match_words, words_of
from .settings import Settings

KINDS = ("film", "school", "person")
PREFIX = {"person": "p", "film": "f", "school": "s"}
# Comparing every pair in a block costs its size squared; past this size a block is too
# common to tell anything ("li" + "wang") and only exact matches count inside it.
MAX_BLOCK = 200
LONE = "\0"  # marks the key of a one-word person name, kept to its own article
SEP, TIE = "\x1f", "\x1e"  # between the words of a key; between a tied item's kind and key

Key = tuple[str, ...]


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
    keys: list[Key]
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


def key_of(kind: str, doc_id: str, name: str) -> Key:
    """The folded words that group a name; a one-word person name is kept to its article."""
    words = words_of(kind, name) or (name.casefold(),)
    if kind == "person" and len(words) < 2:
        words = (*words, f"{LONE}{doc_id}")
    return words


def entity_id(kind: str, key: Key) -> str:
    """The stable id of the entity named by `key`: the same name gives the same id in every run."""
    digest = hashlib.sha1(f"{kind}|{' '.join(key)}".encode()).hexdigest()[:12]
    return f"{PREFIX[kind]}_{digest}"


class Deduper:
    """Clusters occurrences into entities; thresholds come from `Settings`. Feed it each
    article's occurrences with `add`, call `cluster`, then ask `id_of` and `clusters`."""

    def __init__(self, settings: Settings | None = None, school_aliases: dict[str, str] | None = None,
                 path: Path | None = None):
        self.settings = settings or Settings()
        self.school_aliases = school_aliases or {}
        self.path = path
        self.db = sqlite3.connect(path or ":memory:")
        self.db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE occ (kind TEXT, key TEXT, doc_id TEXT, name TEXT, support TEXT);
            CREATE TABLE keys (kind TEXT, key TEXT, id TEXT, surface TEXT, names TEXT, support TEXT,
                               merged INT DEFAULT 0, PRIMARY KEY (kind, key)) WITHOUT ROWID;
            CREATE INDEX keys_id ON keys (kind, id);
            CREATE TABLE blk (kind TEXT, block TEXT, key TEXT);""")
        self.override: dict[tuple[str, Key], str] = {}  # ids of names that merged (or whose id collided)
        self.merged: dict[str, list[Cluster]] = {}

    # ---- input -----------------------------------------------------------------------------
    def add(self, occurrences: Iterable[Occurrence]) -> None:
        """One article's occurrences (or several articles', in any order)."""
        self.add_rows(occurrence_rows(occurrences))

    def add_rows(self, rows: list[tuple]) -> None:
        """Rows made by `occurrence_rows` (in the worker that read the article)."""
        self.db.executemany("INSERT INTO occ VALUES (?, ?, ?, ?, ?)", rows)

    # ---- stages ----------------------------------------------------------------------------
    def cluster(self, occurrences: Iterable[Occurrence] | None = None) -> dict[str, int]:
        """Clusters everything added (and `occurrences`); returns the number of entities per kind."""
        if occurrences is not None:
            self.add(occurrences)
        self.db.execute("CREATE INDEX IF NOT EXISTS occ_key ON occ (kind, key)")
        for kind in KINDS:
            self._group(kind)
            self.merged[kind] = self._merge(kind, self._pairs(kind))
            self._unique_ids(kind)
        self.db.commit()  # other processes read the file from here on
        return {kind: self.count(kind) for kind in KINDS}

    def _group(self, kind: str) -> None:
        """One row per distinct key: its id, its most used name, all its names and its ties."""
        rows = self.db.execute("SELECT key, name, COUNT(*), group_concat(support, '|') FROM occ WHERE kind=? "
                               "GROUP BY key, name ORDER BY key", (kind,))

        def keyed():
            for key, group in groupby(rows, key=lambda r: r[0]):
                group = list(group)
                surface = min(group, key=lambda r: (-r[2], r[1]))[1]
                names = sorted(r[1] for r in group)
                ties = {t for r in group for t in (r[3] or "").split("|") if t}
                support = " ".join(sorted({self._tie_id(t) for t in ties}))
                yield kind, key, entity_id(kind, tuple(key.split(SEP))), surface, json.dumps(names), support
        self.db.executemany("INSERT INTO keys (kind, key, id, surface, names, support) VALUES (?, ?, ?, ?, ?, ?)",
                            keyed())

    def _tie_id(self, tie: str) -> str:
        kind, key = tie.split(TIE)
        return self.final_id(kind, tuple(key.split(SEP)))

    def _pairs(self, kind: str) -> list[tuple]:
        """Matching pairs of distinct names sharing a block, strongest first; each pair is
        compared once, in the first block of a useful size that both are in."""
        def blocked():
            for key, surface in self.db.execute("SELECT key, surface FROM keys WHERE kind=?", (kind,)):
                words = tuple(key.split(SEP))
                if words[-1].startswith(LONE):
                    continue
                for b in block_keys(kind, words, self._official(kind, surface)):
                    yield kind, b, key
        self.db.executemany("INSERT INTO blk VALUES (?, ?, ?)", blocked())
        self.db.execute("CREATE INDEX IF NOT EXISTS blk_block ON blk (kind, block)")
        useless = {b for (b,) in self.db.execute(
            "SELECT block FROM blk WHERE kind=? GROUP BY block HAVING COUNT(*) > ?", (kind, MAX_BLOCK))}
        rows = self.db.execute(
            "SELECT b.block, b.key, k.surface, k.support FROM blk b JOIN keys k ON k.kind=b.kind AND k.key=b.key "
            "WHERE b.kind=? AND b.block IN (SELECT block FROM blk WHERE kind=? GROUP BY block "
            "HAVING COUNT(*) BETWEEN 2 AND ?) ORDER BY b.block, b.key", (kind, kind, MAX_BLOCK))
        self.info: dict[Key, tuple[str, frozenset[str]]] = {}  # surface and ties of names that match
        pairs = []
        for block, members in groupby(rows, key=lambda r: r[0]):
            members = [(tuple(k.split(SEP)), s, frozenset(t.split())) for _, k, s, t in members]
            blocks = {k: block_keys(kind, k, self._official(kind, s)) - useless for k, s, _ in members}
            for (a, sa, ta), (b, sb, tb) in combinations(members, 2):
                if min(blocks[a] & blocks[b]) != block:
                    continue
                found = self._match(kind, a, b, (sa, ta), (sb, tb))
                if found:
                    self.info[a], self.info[b] = (sa, ta), (sb, tb)
                    pairs.append((-found[1], a, b, found[0], found[1]))
        return sorted(pairs)

    def _official(self, kind: str, surface: str) -> str | None:
        if kind != "school":
            return None
        return "".join(words_of("school", self.school_aliases.get(surface, surface)))

    def _match(self, kind, a: Key, b: Key, ia: tuple[str, frozenset], ib: tuple[str, frozenset]):
        return match_words(kind, ia[0], ib[0], a, b, self.settings, supported=bool(ia[1] & ib[1]),
                           aliases=self.school_aliases)

    def _merge(self, kind: str, pairs: list[tuple]) -> list[Cluster]:
        """The clusters of more than one name; their names get the cluster's id."""
        uf = _UnionFind(sorted({k for p in pairs for k in p[1:3]}))
        why: dict[Key, dict] = {}
        for _, a, b, rule, score in pairs:
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb or not self._compatible(kind, uf.members[ra], uf.members[rb]):
                continue
            uf.union(a, b)
            why.setdefault(b, {"name": self.info[b][0], "matched": self.info[a][0], "rule": rule, "score": score})
        clusters = []
        for root in sorted(uf.members):
            keys = sorted(uf.members[root])
            cluster = Cluster(kind, keys)
            self._name(cluster)
            cluster.merges = [why[k] for k in keys if k in why] + self._spelling_merges(kind, keys)
            clusters.append(cluster)
            for k in keys:
                self.override[(kind, k)] = cluster.id
        self.db.executemany("UPDATE keys SET merged=1 WHERE kind=? AND key=?",
                            [(kind, SEP.join(k)) for c in clusters for k in c.keys])
        return clusters

    def _compatible(self, kind, left, right) -> bool:
        """Every name of one cluster matches every name of the other (complete linkage)."""
        return all(self._match(kind, a, b, self.info[a], self.info[b]) for a in left for b in right)

    def _name(self, cluster: Cluster) -> None:
        """The name used in most articles; ties go to the fuller, then the longer, name.
        A school is named by its official name when the gazetteer knows it, else not by an acronym."""
        officials = set(self.school_aliases.values())

        def weight(k):
            surface = self.info[k][0]
            (docs,) = self.db.execute("SELECT COUNT(DISTINCT doc_id) FROM occ WHERE kind=? AND key=?",
                                      (cluster.kind, SEP.join(k))).fetchone()
            school_rank = (surface not in officials, surface.isupper()) if cluster.kind == "school" else ()
            return (*school_rank, -docs, -len(k), -len(surface), surface)
        best = min(cluster.keys, key=weight)
        cluster.name, cluster.id = self.info[best][0], entity_id(cluster.kind, best)

    def _spelling_merges(self, kind: str, keys: list[Key]) -> list[dict]:
        """Names that differ only in case, accents or punctuation fold to one key: list them too."""
        return [m for k in keys for m in _spellings(*self.db.execute(
            "SELECT surface, names FROM keys WHERE kind=? AND key=?", (kind, SEP.join(k))).fetchone())]

    def _unique_ids(self, kind: str) -> None:
        """Two entities whose ids collide keep distinct ids, numbered in a fixed order."""
        by_id: dict[str, list[list[Key]]] = defaultdict(list)
        for c in self.merged[kind]:
            by_id[c.id].append(c.keys)
        clashes = {i for (i,) in self.db.execute(
            "SELECT id FROM keys INDEXED BY keys_id WHERE kind=? AND merged=0 GROUP BY id HAVING COUNT(*) > 1", (kind,))}
        clashes |= {i for i in by_id if self.db.execute(
            "SELECT 1 FROM keys INDEXED BY keys_id WHERE kind=? AND merged=0 AND id=?", (kind, i)).fetchone()}
        for i in sorted(clashes):
            groups = by_id.get(i, []) + [[tuple(k.split(SEP))] for (k,) in self.db.execute(
                "SELECT key FROM keys INDEXED BY keys_id WHERE kind=? AND merged=0 AND id=?", (kind, i))]
            for n, keys in enumerate(sorted(groups)[1:], start=2):
                for k in keys:
                    self.override[(kind, k)] = f"{i}-{n}"
                for c in self.merged[kind]:
                    if c.keys == keys:
                        c.id = f"{i}-{n}"

    # ---- answers ---------------------------------------------------------------------------
    def final_id(self, kind: str, key: Key) -> str:
        return self.override.get((kind, key)) or entity_id(kind, key)

    def id_of(self, kind: str, doc_id: str, name: str) -> str:
        """The entity id of an article's item."""
        return self.final_id(kind, key_of(kind, doc_id, name))

    def count(self, kind: str) -> int:
        (n,) = self.db.execute("SELECT COUNT(*) FROM keys INDEXED BY keys_id WHERE kind=? AND merged=0", (kind,)).fetchone()
        return n + len(self.merged.get(kind, []))

    def clusters(self, kind: str, lo: str = "", hi: str | None = None,
                 own_connection: bool = False) -> Iterator[Cluster]:
        """The entities of a kind whose ids fall in [lo, hi), sorted by id, streamed from the
        file (`own_connection`: through a new connection, as a forked process must)."""
        db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True) if own_connection and self.path else self.db

        def lone():
            for key, surface, names in db.execute(
                    "SELECT key, surface, names FROM keys INDEXED BY keys_id WHERE kind=? AND merged=0 AND id >= ? "
                    "AND (? IS NULL OR id < ?) ORDER BY id", (kind, lo, hi, hi)):
                k = tuple(key.split(SEP))
                yield Cluster(kind, [k], _spellings(surface, names), self.final_id(kind, k), surface)
        merged = sorted((c for c in self.merged.get(kind, []) if c.id >= lo and (hi is None or c.id < hi)),
                        key=lambda c: c.id)
        try:
            yield from heapq.merge(lone(), merged, key=lambda c: c.id)
        finally:
            if db is not self.db:
                db.close()

    def close(self) -> None:
        self.db.close()
        if self.path:
            self.path.unlink(missing_ok=True)


def _spellings(surface: str, names_json: str) -> list[dict]:
    return [{"name": n, "matched": surface, "rule": "exact", "score": 100.0}
            for n in sorted(set(json.loads(names_json)) - {surface})]


def occurrence_rows(occurrences: Iterable[Occurrence]) -> list[tuple]:
    """Occurrences as rows of the names table: kind, folded key, article, name, and for a
    person the keys of the films and schools tied to them in that article."""
    occurrences = list(occurrences)
    keys = [SEP.join(key_of(o.kind, o.doc_id, o.name)) for o in occurrences]
    tied = {(o.doc_id, o.name): f"{o.kind}{TIE}{k}" for o, k in zip(occurrences, keys) if o.kind != "person"}
    return [(o.kind, k, o.doc_id, o.name,
             "|".join(sorted({tied[(o.doc_id, n)] for n in o.support if (o.doc_id, n) in tied})))
            for o, k in zip(occurrences, keys)]


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

    def __init__(self, path: Path, create: bool = True):
        self.path = path
        self.db = sqlite3.connect(path)
        if create:
            self.db.executescript(self.TABLES)

    @classmethod
    def union(cls, paths: list[Path]) -> EntityStore:
        """One store that reads the tables of several (written by several processes) as one."""
        store = cls(Path(":memory:"), create=False)
        for n, path in enumerate(paths):
            store.db.execute(f"ATTACH DATABASE ? AS s{n}", (str(path),))
        for table in ("m", "a", "c", "e"):
            union = " UNION ALL ".join(f"SELECT * FROM s{n}.{table}" for n in range(len(paths)))
            store.db.execute(f"CREATE TEMP VIEW {table} AS {union}")
        return store

    def index(self) -> None:
        """Indexes for reading by entity id (made once all rows are in)."""
        self.db.executescript("""
            CREATE INDEX mi ON m (kind, id); CREATE INDEX ai ON a (kind, id);
            CREATE INDEX ci ON c (id); CREATE INDEX ei ON e (id);""")
        self.db.commit()

    TABLES = """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE m (kind TEXT, id TEXT, doc_id TEXT, start INT, end INT, text TEXT);
            CREATE TABLE a (kind TEXT, id TEXT, alias TEXT, UNIQUE (kind, id, alias));
            CREATE TABLE c (id TEXT, doc_id TEXT, role TEXT, film TEXT, film_id TEXT);
            CREATE TABLE e (id TEXT, doc_id TEXT, school TEXT, school_id TEXT, degree TEXT, field TEXT);"""

    def add(self, record: dict) -> None:
        """One record whose items already carry their entity ids (one insert per table)."""
        doc = record["doc_id"]
        aliases, mentions = [], []
        for key, (kind, name) in self.NAME.items():
            for item in record[key]:
                aliases += [(kind, item["id"], n) for n in (item[name], *item["aliases"])]
                mentions += [(kind, item["id"], doc, x["start"], x["end"], x["text"]) for x in item["mentions"]]
        self.db.executemany("INSERT OR IGNORE INTO a VALUES (?, ?, ?)", aliases)
        self.db.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)", mentions)
        self.db.executemany("INSERT INTO c VALUES (?, ?, ?, ?, ?)",
                            [(c["person_id"], doc, c["role"], c["film"], c["film_id"]) for c in record["credits"]])
        self.db.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?, ?)",
                            [(e["person_id"], doc, e["school"], e["school_id"], e["degree"], e["field"])
                             for e in record["education"]])

    def rows(self, kind: str, clusters: Iterable[Cluster], lo: str = "", hi: str | None = None
             ) -> Iterator[dict]:
        """The rows of people.jsonl, films.jsonl or schools.jsonl for the ids in [lo, hi);
        `clusters` come sorted by id, and each table is read once, in the same order."""
        def q(columns: str, table: str, order: str = "id") -> _ById:
            kind_is = "kind=? AND " if table in ("m", "a") else ""
            args = ((kind,) if kind_is else ()) + (lo, hi, hi)
            return _ById(self.db.execute(f"SELECT {columns} FROM {table} WHERE {kind_is}id >= ? "
                                         f"AND (? IS NULL OR id < ?) ORDER BY {order}", args))
        aliases, mentions = q("id, alias", "a"), q("id, doc_id, start, end, text", "m", "id, doc_id, start")
        person = kind == "person"
        credits = q("id, doc_id, role, film, film_id", "c") if person else _ById(())
        education = q("id, doc_id, school, school_id, degree, field", "e") if person else _ById(())
        for c in clusters:
            row = {"id": c.id, "name": c.name, "aliases": sorted({a for (a,) in aliases.take(c.id)} - {c.name}),
                   "mentions": [{"doc_id": d, "start": s, "end": e, "text": t} for d, s, e, t in mentions.take(c.id)],
                   "merged": c.merges}
            if kind == "person":
                row["credits"] = _sorted_facts({"doc_id": d, "role": r, "film": f, "film_id": fi}
                                               for d, r, f, fi in credits.take(c.id))
                row["education"] = _sorted_facts({"doc_id": d, "school": s, "school_id": si, "degree": g, "field": f}
                                                 for d, s, si, g, f in education.take(c.id))
            yield row

    def close(self, keep: bool = False) -> None:
        self.db.close()
        if not keep:
            self.path.unlink(missing_ok=True)


class _ById:
    """Rows sorted by entity id, handed out one id at a time, ids asked in increasing order."""

    def __init__(self, rows: Iterable[tuple]):
        self.groups = groupby(rows, key=lambda r: r[0])
        self.head = next(self.groups, None)

    def take(self, entity_id: str) -> list[tuple]:
        while self.head is not None and self.head[0] < entity_id:
            self.head = next(self.groups, None)
        if self.head is None or self.head[0] != entity_id:
            return []
        rows = [r[1:] for r in self.head[1]]
        self.head = next(self.groups, None)
        return rows


def _sorted_facts(facts: Iterable[dict]) -> list[dict]:
    return sorted(facts, key=lambda x: tuple(str(v) for v in x.values()))
