"""Benchmark (not a test): deduplicating synthetic collections of 10k, 100k and 1M mentions.

Each synthetic article names a few people, films and schools drawn from a large invented
population, written with the variants real articles use (middle names dropped, family name
first, accents dropped, one-letter slips, acronyms). Prints the time of each size and the
ratio between sizes; the target is 1M mentions within 60 s and 10x more mentions costing
at most 15x the time.

    python bench/dedup_bench.py [--sizes 10000 100000 1000000] [--out bench/dedup_results.json]
"""
from __future__ import annotations

import argparse
import json
import random
import time
import unicodedata
from pathlib import Path

from extract.dedup import Deduper, Occurrence
from extract.nlp import rules_for
from extract.settings import Settings

FILM_WORDS = ["Night", "Swim", "Paper", "Lantern", "River", "Salt", "Road", "Winter", "Orchard", "Quiet",
              "Season", "Kitchen", "Hours", "Eleven", "Bridges", "Glass", "Garden", "Home", "Tides", "Dust"]


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def population(n_people: int, rng: random.Random) -> list[tuple[str, str, str]]:
    rules = rules_for(Settings())
    given, family = sorted(rules.given_names), sorted(rules.surnames)
    return [(rng.choice(given), rng.choice(given), rng.choice(family)) for _ in range(n_people)]


def variant(person: tuple[str, str, str], rng: random.Random) -> str:
    first, middle, last = person
    r = rng.random()
    if r < 0.5:
        return f"{first} {last}"
    if r < 0.65:
        return f"{first} {middle} {last}"
    if r < 0.75:
        return f"{last} {first}"
    if r < 0.85:
        return _plain(f"{first} {last}")
    if r < 0.9 and len(last) > 6:
        i = rng.randrange(2, len(last))
        return f"{first} {last[:i]}{last[i + 1:]}"
    return f"{first.upper()} {last}"


def synthetic(n_mentions: int, seed: int = 7) -> list[Occurrence]:
    rng = random.Random(seed)
    people = population(max(50, n_mentions // 8), rng)
    films = [" ".join(rng.sample(FILM_WORDS, rng.randint(1, 3))) + f" {rng.randint(1, 999)}"
             for _ in range(max(20, n_mentions // 20))]
    schools = sorted(rules_for(Settings()).institutions)
    occ: list[Occurrence] = []
    doc = 0
    while len(occ) < n_mentions:
        doc += 1
        d = f"doc{doc:07d}"
        for p in rng.sample(people, 4):
            name = variant(p, rng)
            occ.append(Occurrence("person", d, name, (), ((0, len(name), name),)))
        for f in rng.sample(films, 2):
            occ.append(Occurrence("film", d, f, (), ((0, len(f), f),)))
        s = rng.choice(schools)
        occ.append(Occurrence("school", d, s, (), ((0, len(s), s),)))
    return occ[:n_mentions]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--out", type=Path, default=Path("bench/dedup_results.json"))
    args = ap.parse_args()
    aliases = {alt: off for off, alts in rules_for(Settings()).institutions.items() for alt in alts}
    rows = []
    for n in args.sizes:
        occ = synthetic(n)
        started = time.perf_counter()
        counts = Deduper(Settings(), aliases).cluster(occ)
        seconds = time.perf_counter() - started
        rows.append({"mentions": n, "seconds": round(seconds, 2),
                     "entities": sum(counts.values())})
        print(f"{n:>10,} mentions  {seconds:8.2f} s  {rows[-1]['entities']:>9,} entities", flush=True)
    for a, b in zip(rows, rows[1:]):
        ratio = b["seconds"] / a["seconds"] if a["seconds"] else float("inf")
        print(f"{b['mentions'] // a['mentions']}x more mentions: {ratio:.1f}x the time")
    args.out.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
