from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.errors import RulesError
from extract.rules import load_rules
from extract.settings import DEFAULT_RULES_DIR


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    d = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, d)
    return d


def test_project_rules_load():
    rules = load_rules(DEFAULT_RULES_DIR)
    assert rules.roles["1st AD"] == "first assistant director"
    assert len(rules.fingerprint) == 64


@pytest.mark.parametrize("file,content,message", [
    ("roles.tsv", "# roles\ndirector\tdirector\nproducer\n", "roles.tsv:3"),
    ("roles.tsv", "# roles\nhelmer\tboss\n", "'boss', which is not a canonical role"),
    ("degrees.tsv", "# degrees\nBA\tbachelor\tx\n", "degrees.tsv:2"),
    ("given_names.txt", "Liv\nTed\n", "given_names.txt:1"),
    ("given_names.txt", "# names\nLiv\tTed\n", "given_names.txt:2"),
    ("school_patterns.jsonl", '# p\n{"label": "SCHOOL", "pattern": [{"LOWR": "x"}]}\n', "school_patterns.jsonl:2"),
    ("school_patterns.jsonl", "# p\n{not json\n", "school_patterns.jsonl:2"),
    ("school_patterns.jsonl", '# p\n{"label": "SCHOOL"}\n', "[pattern] Field required"),
])
def test_malformed_rule_files_name_file_and_line(rules_copy, file, content, message):
    (rules_copy / file).write_text(content, encoding="utf-8")
    with pytest.raises(RulesError) as exc:
        load_rules(rules_copy)
    assert message in str(exc.value)


def test_missing_rule_file_is_named(rules_copy):
    (rules_copy / "surnames.txt").unlink()
    with pytest.raises(RulesError, match="surnames.txt: missing"):
        load_rules(rules_copy)
