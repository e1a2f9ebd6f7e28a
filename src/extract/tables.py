"""CSV tables of the results, for pandas.read_csv and R's read.csv: one row per entity
(people, films, schools) and per fact (credits, education), joined by entity ids."""
from __future__ import annotations

import csv
import json
from pathlib import Path

ENTITY_TABLES = {"people.csv": ("people.jsonl", "name"), "films.csv": ("films.jsonl", "name"),
                 "schools.csv": ("schools.jsonl", "name")}
CREDIT_COLUMNS = ["doc_id", "person_id", "person", "role", "film_id", "film", "confidence", "rule",
                  "source", "evidence"]
EDUCATION_COLUMNS = ["doc_id", "person_id", "person", "school_id", "school", "degree", "field",
                     "confidence", "rule", "source", "evidence"]


def _writer(path: Path, columns: list[str]):
    fh = path.open("w", encoding="utf-8", newline="")
    writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    return fh, writer


def write_tables(folder: Path) -> list[str]:
    """Writes the five CSV files into `folder` from the JSON files already there."""
    for table, (source, name_key) in ENTITY_TABLES.items():
        fh, writer = _writer(folder / table, ["id", "name", "aliases", "articles", "mentions"])
        with fh, (folder / source).open(encoding="utf-8") as rows:
            for line in rows:
                row = json.loads(line)
                writer.writerow({"id": row["id"], "name": row[name_key], "aliases": "; ".join(row["aliases"]),
                                 "articles": len({m["doc_id"] for m in row["mentions"]}),
                                 "mentions": len(row["mentions"])})
    credits, cw = _writer(folder / "credits.csv", CREDIT_COLUMNS)
    education, ew = _writer(folder / "education.csv", EDUCATION_COLUMNS)
    with credits, education, (folder / "records.jsonl").open(encoding="utf-8") as records:
        for line in records:
            rec = json.loads(line)
            for fact, writer in [*((c, cw) for c in rec["credits"]), *((e, ew) for e in rec["education"])]:
                evidence = (fact.get("evidence") or {}).get("sentence", "")
                writer.writerow({**fact, "doc_id": rec["doc_id"], "evidence": evidence})
    return [*ENTITY_TABLES, "credits.csv", "education.csv"]
