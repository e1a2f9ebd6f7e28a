"""String normalisation shared by scoring and entity folding (../shared/GOLD_FORMAT.md, "How answers are scored")."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-"})
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """NFKC, case folding, plain quotes and dashes, `&` as "and", no leading "the",
    no punctuation at either end, single spaces (cached: the same names recur)."""
    s = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    s = s.replace("&", " and ")
    s = _SPACE.sub(" ", s).strip()
    s = _EDGE_PUNCT.sub("", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return _EDGE_PUNCT.sub("", _SPACE.sub(" ", s)).strip()
