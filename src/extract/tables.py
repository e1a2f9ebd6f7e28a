"""CSV tables of the results, for pandas.read_csv and R's read.csv: one row per entity
(people, films, schools) and per fact (credits, education), joined by entity ids."""
from __future__ import annotations

import csv
from pathlib import Path

ENTITY_TABLES = {"person": "people.csv", "film": "films.csv", "school": "schools.csv"}
ENTITY_COLUMNS = ["id", "name", "aliases", "articles", "mentions"]
CREDIT_COLUMNS = ["doc_id", "person_id", "person", "role", "film_id", "film", "confidence", "rule",
                  "source", "evidence"]
EDUCATION_COLUMNS = ["doc_id", "person_id", "person", "school_id", "school", "degree", "field",
                     "confidence", "rule", "source", "evidence"]


class EntityTable:
    """people.csv, films.csv or schools.csv, written one entity row at a time."""

    def __init__(self, path: Path, header: bool = True):
        self.fh = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.fh, fieldnames=ENTITY_COLUMNS)
        if header:
            self.writer.writeheader()

    def add(self, row: dict) -> dict:
        self.writer.writerow({"id": row["id"], "name": row["name"], "aliases": "; ".join(row["aliases"]),
                              "articles": len({m["doc_id"] for m in row["mentions"]}),
                              "mentions": len(row["mentions"])})
        return row

    def close(self) -> None:
        self.fh.close()


class FactTables:
    """credits.csv and education.csv (or parts of them: `suffix`, `header`), written one
    record at a time."""

    def __init__(self, folder: Path, suffix: str = "", header: bool = True):
        self.files = [(folder / f"{name}{suffix}").open("w", encoding="utf-8", newline="")
                      for name in ("credits.csv", "education.csv")]
        self.credits = csv.DictWriter(self.files[0], fieldnames=CREDIT_COLUMNS, extrasaction="ignore")
        self.education = csv.DictWriter(self.files[1], fieldnames=EDUCATION_COLUMNS, extrasaction="ignore")
        if header:
            self.credits.writeheader()
            self.education.writeheader()

    def add(self, record: dict) -> None:
        for writer, facts in ((self.credits, record["credits"]), (self.education, record["education"])):
            for fact in facts:
                evidence = (fact.get("evidence") or {}).get("sentence", "")
                writer.writerow({**fact, "doc_id": record["doc_id"], "evidence": evidence})

    def close(self) -> None:
        for fh in self.files:
            fh.close()
