"""Loading and validating the data files in `rules/`.

Every file starts with a `#` header saying what it holds and where its words come
from. Word lists hold one entry per line; tables hold TAB-separated columns;
`.jsonl` files hold spaCy Matcher patterns. A malformed file raises `RulesError`
naming the file, the line and the problem, before any article is read.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import RulesError

CANONICAL_ROLES = (
    "director", "co-director", "assistant director", "first assistant director",
    "second assistant director", "producer", "executive producer", "co-producer",
    "associate producer", "line producer", "creative producer", "writer", "actor",
    "cinematographer", "editor", "composer", "production designer", "art director",
    "costume designer", "casting director", "visual effects supervisor", "sound designer",
    "animator", "showrunner", "narrative director", "commercial director",
    "music video director", "documentary director",
)
DEGREES = ("bachelor", "master", "doctorate", "diploma", "certificate")
ROLE_VERB_KINDS = ("passive", "active", "starring", "character")
# In role_verbs.tsv, the role of a phrase that names none ("her credits include", "worked on"):
# the person's own role, as the article states it elsewhere ("cinematographer Mirela Dragomir").
OWN_ROLE = "own"


class MatcherPattern(BaseModel):
    """One line of a `.jsonl` pattern file."""

    model_config = ConfigDict(extra="forbid")
    label: str
    pattern: list[dict]


@dataclass(frozen=True)
class Rules:
    """Everything read from `rules/`, as fresh objects for one pipeline."""

    given_names: frozenset[str]
    surnames: frozenset[str]
    surname_endings: tuple[str, ...]
    non_name_words: frozenset[str]
    org_cues: frozenset[str]
    person_cues: tuple[str, ...]
    subject_cues: tuple[str, ...]
    roles: dict[str, str]
    role_verbs: dict[str, tuple[str, str]]
    institutions: dict[str, tuple[str, ...]]
    school_patterns: tuple[MatcherPattern, ...]
    degrees: dict[str, str]
    education_cues: frozenset[str]
    film_cues: tuple[str, ...]
    non_film_cues: tuple[str, ...]
    org_suffixes: frozenset[str]
    brands: frozenset[str]
    name_openers: frozenset[str]
    music_words: frozenset[str]
    title_particles: frozenset[str]
    programme_words: frozenset[str]
    page_noise: frozenset[str]
    stage_words: tuple[str, ...]
    partners: dict[str, str]
    nicknames: dict[str, frozenset[str]]
    focus_cues: tuple[str, ...]
    networks: tuple[str, ...]
    alumni_cues: tuple[str, ...]
    role_objects: dict[str, str]
    common_words: frozenset[str]
    speech_verbs: frozenset[str]
    kin_words: frozenset[str]
    fingerprint: str


def _entries(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of a rules file's entries, after checking its header."""
    if not path.is_file():
        raise RulesError(f"{path}: missing rules file")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise RulesError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if not lines or not lines[0].startswith("#"):
        raise RulesError(f"{path}:1: a rules file must start with a '# ' header saying what it holds")
    return [(n, line.rstrip()) for n, line in enumerate(lines, 1)
            if line.strip() and not line.startswith("#")]


def load_list(path: Path) -> list[str]:
    """A word list: one entry per line."""
    out = []
    for n, line in _entries(path):
        if "\t" in line:
            raise RulesError(f"{path}:{n}: a word list takes one entry per line, found a TAB")
        out.append(line.strip())
    return out


def load_table(path: Path, columns: int, allowed: dict[int, tuple[str, ...]] | None = None
               ) -> list[list[str]]:
    """A TAB-separated table with `columns` columns; `allowed` restricts a column's values."""
    rows = []
    for n, line in _entries(path):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != columns or not all(cells):
            raise RulesError(f"{path}:{n}: expected {columns} non-empty TAB-separated columns, "
                             f"found {len(cells)}: {line!r}")
        for col, values in (allowed or {}).items():
            if cells[col] not in values:
                raise RulesError(f"{path}:{n}: {cells[col]!r} is not one of {', '.join(values)}")
        rows.append(cells)
    return rows


def load_patterns(path: Path) -> list[MatcherPattern]:
    """A JSONL file of Matcher patterns, each checked by pydantic and by spaCy's validator."""
    from spacy.lang.en import English
    from spacy.matcher import Matcher

    matcher = Matcher(English().vocab, validate=True)
    out = []
    for n, line in _entries(path):
        try:
            item = MatcherPattern.model_validate_json(line)
            matcher.add(item.label, [item.pattern])
        except ValidationError as exc:
            problems = "; ".join(f"[{'.'.join(map(str, e['loc']))}] {e['msg']}" for e in exc.errors())
            raise RulesError(f"{path}:{n}: {problems}") from exc
        except (ValueError, json.JSONDecodeError) as exc:
            raise RulesError(f"{path}:{n}: invalid pattern: {str(exc).strip()[:300]}") from exc
        out.append(item)
    return out


def _roles(path: Path) -> dict[str, str]:
    """roles.tsv: phrase -> role. A role outside the canonical list (plain lower case, as the
    gold format asks) must also be a phrase of its own ("gaffer<TAB>gaffer"), which catches typos."""
    rows = load_table(path, 2)
    roles = {p: r for p, r in rows}
    for phrase, role in rows:
        if role not in CANONICAL_ROLES and (roles.get(role) != role or role != role.lower()):
            raise RulesError(f"{path}: {phrase!r} maps to {role!r}, which is not a canonical role; a role outside "
                             f"the list must be written in lower case and also map to itself ({role}<TAB>{role})")
    return roles


def _institutions(path: Path) -> dict[str, tuple[str, ...]]:
    """Institution name -> its other names; the second column is optional."""
    out: dict[str, tuple[str, ...]] = {}
    for n, line in _entries(path):
        name, _, alts = line.partition("\t")
        if not name.strip():
            raise RulesError(f"{path}:{n}: empty institution name")
        out[name.strip()] = tuple(a.strip() for a in alts.split("|") if a.strip())
    return out


def _nicknames(path: Path) -> dict[str, frozenset[str]]:
    """nicknames.tsv: each name, folded ("walt", "walter"), -> the given names it may stand for."""
    out: dict[str, set[str]] = {}
    for name, shorts in load_table(path, 2):
        formal = name.casefold()
        for word in (formal, *(w.strip().casefold() for w in shorts.split("|") if w.strip())):
            out.setdefault(word, set()).add(formal)
    return {w: frozenset(s) for w, s in out.items()}


def fingerprint(rules_dir: Path) -> str:
    """sha256 over every rules file's name and bytes: changes when any rule changes."""
    digest = hashlib.sha256()
    for path in sorted(rules_dir.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(rules_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_rules(rules_dir: Path) -> Rules:
    """Read and validate every rules file; raises RulesError on the first problem."""
    d = Path(rules_dir)
    if not d.is_dir():
        raise RulesError(f"{d}: rules folder not found (set --rules or EXTRACT_RULES)")
    roles = _roles(d / "roles.tsv")
    role_values = (*CANONICAL_ROLES, *sorted(set(roles.values()) - set(CANONICAL_ROLES)))
    return Rules(
        given_names=frozenset(load_list(d / "given_names.txt")),
        surnames=frozenset(load_list(d / "surnames.txt")),
        surname_endings=tuple(w.lower() for w in load_list(d / "surname_endings.txt")),
        non_name_words=frozenset(load_list(d / "non_name_words.txt")),
        org_cues=frozenset(w.lower() for w in load_list(d / "org_cues.txt")),
        person_cues=tuple(load_list(d / "person_cues.txt")),
        subject_cues=tuple(load_list(d / "subject_cues.txt")),
        roles=roles,
        role_verbs={p.lower(): (r, k) for p, r, k in load_table(
            d / "role_verbs.tsv", 3, {1: (*role_values, OWN_ROLE), 2: ROLE_VERB_KINDS})},
        institutions=_institutions(d / "institutions.tsv"),
        school_patterns=tuple(load_patterns(d / "school_patterns.jsonl")),
        degrees={p: g for p, g in load_table(d / "degrees.tsv", 2, {1: DEGREES})},
        education_cues=frozenset(w.lower() for w in load_list(d / "education_cues.txt")),
        film_cues=tuple(load_list(d / "film_cues.txt")),
        non_film_cues=tuple(load_list(d / "non_film_cues.txt")),
        org_suffixes=frozenset(load_list(d / "org_suffixes.txt")),
        brands=frozenset(load_list(d / "brands.txt")),
        name_openers=frozenset(load_list(d / "name_openers.txt")),
        music_words=frozenset(w.lower() for w in load_list(d / "music_words.txt")),
        title_particles=frozenset(w.lower() for w in load_list(d / "title_particles.txt")),
        programme_words=frozenset(load_list(d / "programme_words.txt")),
        page_noise=frozenset(load_list(d / "page_noise.txt")),
        stage_words=tuple(load_list(d / "stage_words.txt")),
        partners={p.lower(): r for p, r in load_table(d / "partners.tsv", 2, {1: (*role_values, OWN_ROLE)})},
        nicknames=_nicknames(d / "nicknames.tsv"),
        focus_cues=tuple(w.lower() for w in load_list(d / "focus_cues.txt")),
        networks=tuple(load_list(d / "networks.txt")),
        alumni_cues=tuple(w.lower() for w in load_list(d / "alumni_cues.txt")),
        role_objects={p: r for p, r in load_table(d / "role_objects.tsv", 2, {1: role_values})},
        common_words=frozenset(load_list(d / "common_words.txt")),
        speech_verbs=frozenset(w.lower() for w in load_list(d / "speech_verbs.txt")),
        kin_words=frozenset(w.lower() for w in load_list(d / "kin_words.txt")),
        fingerprint=fingerprint(d),
    )
