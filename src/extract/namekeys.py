"""When two names, from two articles, name the same person, film or school.

Each rule is named so a merge can say why it happened:
  exact        the same words once case, accents, quotes, punctuation and "&"/"and" are folded
  reordered    the same words in another order (family name first: "Liu Jiayu" / "Jiayu Liu")
  joined       the same letters with spaces or hyphens moved ("Min-ji" / "Minji", "Spider-Man")
  middle-name  one person name is the other without its middle words ("Lizzy Liu" / "Lizzy Yang Liu")
  acronym      a school's well-known short name or initials ("NYU", "BFA")
  typo         a one- or two-letter slip in a long name, scored with rapidfuzz; a shared film or
               school lets a lower score through for people
A single word is never matched to anything but itself: "Liu" can be any Liu.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .settings import Settings

HONORIFICS = {"mr", "ms", "mrs", "miss", "dr", "prof", "professor", "sir", "dame"}
SCHOOL_STOP = {"of", "the", "and", "at", "for", "in", "de", "la"}
_PUNCT = re.compile(r"[^\w\s]")
# Letters that Unicode decomposition leaves as they are.
_LATIN = str.maketrans({"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "ß": "ss",
                        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Case, accents, quotes, dashes and punctuation folded away; "&" read as "and"."""
    s = text.replace("&", " and ")
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_LATIN))
        s = "".join(c for c in s if not unicodedata.combining(c) and unicodedata.category(c) != "Lm")
    s = _PUNCT.sub(" ", s.casefold().replace("'s ", "s ").replace("’s ", "s "))
    return _SPACE.sub(" ", s).strip()


def person_words(name: str) -> tuple[str, ...]:
    """A person's name words, folded, honorifics left out (a suffix stays: Jr. and Sr. differ); hyphenated
    parts joined."""
    joined = unicodedata.normalize("NFKC", name).replace("-", "").replace("‐", "")
    return tuple(w for w in fold(joined).split() if w not in HONORIFICS)


def title_words(title: str) -> tuple[str, ...]:
    """A film title's words, folded; a leading "The" stays: "Heat" and "The Heat" differ."""
    return tuple(fold(title).split())


def school_words(name: str) -> tuple[str, ...]:
    """A school's words, folded, without a leading "the"."""
    words = fold(name).split()
    return tuple(words[1:] if words[:1] == ["the"] else words)


def initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in SCHOOL_STOP)


def words_of(kind: str, name: str) -> tuple[str, ...]:
    return {"person": person_words, "film": title_words, "school": school_words}[kind](name)


def subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _close_tokens(a: tuple[str, ...], b: tuple[str, ...], min_len: int, max_edits: int) -> bool:
    """Same number of words, each pair equal or a small slip in a long enough word that starts the same."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        if x.isdigit() or y.isdigit() or min(len(x), len(y)) < min_len or x[:2] != y[:2]:
            return False
        if Levenshtein.distance(x, y) > max_edits:
            return False
    return True


def block_keys(kind: str, words: tuple[str, ...], official: str | None = None) -> set[str]:
    """Keys that two names share whenever a rule of `match_words` can join them, so names
    without a common key need no comparison. For films and schools each key is one rule's
    condition; for people the keys trade a few slips for smaller blocks."""
    joined = "".join(words)
    keys = {f"j|{joined}"}  # exact and joined
    if kind == "school":
        # acronym: initials against a one-word name; the same official name in the gazetteer
        keys |= {f"i|{initials(words)}", f"i|{joined}"} | ({f"o|{official}"} if official else set())
        return keys
    if kind == "person":
        # The first three letters of any two of its words: a reordered name, a middle name left
        # out or a slip late in one word keeps a pair (a slip in the first three letters of a
        # two-word name is missed: the price of small blocks among thousands of names). The
        # key of all its letters keeps "Al-Sayed" / "Al Sayed".
        prefixes = sorted({w[:3] for w in words if len(w) > 1})
        return keys | {f"{a}|{b}" for a, b in combinations(prefixes, 2)}
    if len(words) > 1:  # typo: as many words, each starting with the same two letters
        keys.add(f"t|{'|'.join(w[:2] for w in words)}")
    return keys


def match(kind: str, a: str, b: str, settings: Settings, supported: bool = False,
          aliases: dict[str, str] | None = None) -> tuple[str, float] | None:
    """The rule and score by which names `a` and `b` of one kind name the same entity, or None.
    `supported`: the two share a film or school (people only); `aliases`: known short names of
    institutions, mapped to their official name (schools only)."""
    return match_words(kind, a, b, words_of(kind, a), words_of(kind, b), settings, supported, aliases)


def match_words(kind: str, a: str, b: str, wa: tuple[str, ...], wb: tuple[str, ...], settings: Settings,
                supported: bool = False, aliases: dict[str, str] | None = None) -> tuple[str, float] | None:
    """`match` for names whose words (`words_of`) are already known."""
    if not wa or not wb:
        return None
    if wa == wb:
        return "exact", 100.0
    if kind == "school":
        return _school(a, b, wa, wb, aliases or {})
    if len(wa) < 2 or len(wb) < 2:
        return None if kind == "person" or "".join(wa) != "".join(wb) else ("joined", 100.0)
    if kind == "person" and sorted(wa) == sorted(wb):
        return "reordered", 100.0
    if "".join(wa) == "".join(wb) or (kind == "person" and "".join(wa) == "".join(reversed(wb))):
        return "joined", 100.0
    if kind == "person":
        return _person(wa, wb, settings, supported)
    score = fuzz.ratio(" ".join(wa), " ".join(wb))
    if score >= settings.film_fuzzy_min and min(len(" ".join(wa)), len(" ".join(wb))) >= settings.fuzzy_min_length \
            and _close_tokens(wa, wb, min_len=5, max_edits=2):
        return "typo", score
    return None


def _person(wa: tuple[str, ...], wb: tuple[str, ...], settings: Settings, supported: bool
            ) -> tuple[str, float] | None:
    short, long = sorted((wa, wb), key=len)
    if len(short) < len(long) and short[0] == long[0] and short[-1] == long[-1] and subsequence(short, long):
        return "middle-name", 100.0
    if len(short) < len(long) and short[0] == long[-1] and short[-1] == long[0] \
            and subsequence(short, tuple(reversed(long))):
        return "middle-name", 100.0
    score = fuzz.ratio(" ".join(wa), " ".join(wb))
    long_enough = min(len(" ".join(wa)), len(" ".join(wb))) >= settings.fuzzy_min_length
    if score >= settings.person_fuzzy_min and long_enough and _close_tokens(wa, wb, min_len=6, max_edits=1):
        return "typo", score
    # a film or school in common lets a looser slip through: two edits, shorter names
    if supported and score >= settings.person_fuzzy_supported_min and _close_tokens(wa, wb, 5, 2):
        return "typo+shared", score
    return None


def _school(a: str, b: str, wa: tuple[str, ...], wb: tuple[str, ...], aliases: dict[str, str]
            ) -> tuple[str, float] | None:
    official_a, official_b = aliases.get(a.strip(), a.strip()), aliases.get(b.strip(), b.strip())
    if school_words(official_a) == school_words(official_b):
        return "acronym", 100.0
    for short, full in ((a, wb), (b, wa)):
        s = short.strip()
        if s.isupper() and " " not in s and len(full) > 1 and initials(full) == s.lower():
            return "acronym", 100.0
    if "".join(wa) == "".join(wb):
        return "joined", 100.0
    return None
