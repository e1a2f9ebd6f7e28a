"""Small helpers shared by the components: phrase matchers built from rules data, span
utilities, and per-doc caches so that no component redoes another's work on the same doc."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

CACHE = "extract"  # the key in doc.user_data under which the per-doc caches live


def _cache(doc: Doc) -> dict:
    return doc.user_data.setdefault(CACHE, {})


def forget(doc: Doc) -> None:
    """Drops the doc's caches (and the doc -> token list -> doc cycle), so the doc is freed
    as soon as it is done."""
    doc.user_data.pop(CACHE, None)


class _Lexicon:
    """Every phrase list of one pipeline in one pair of PhraseMatchers, so a doc is scanned
    twice in all instead of twice per list. Matches are grouped by list, once per doc."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[int, int]] = {}  # match key -> (list number, value id)
        self.lists = 0
        self.numbers: dict[frozenset, int] = {}  # a list added before -> its number

    def add(self, phrases: Mapping[str, str]) -> int:
        """Adds one list; returns its number. A list added again shares its first number."""
        seen = frozenset(phrases.items())
        if seen in self.numbers:
            return self.numbers[seen]
        number, self.lists = self.lists, self.lists + 1
        self.numbers[seen] = number
        strings = self.nlp.vocab.strings
        for phrase, value in phrases.items():
            matcher = self.folded if phrase == phrase.lower() else self.exact
            key = f"{number}|{value}"
            self.keys[strings.add(key)] = (number, strings.add(value))
            matcher.add(key, [self.nlp.make_doc(phrase)])
        return number

    def matches(self, doc: Doc, number: int) -> list[tuple[int, int, int]]:
        """(value id, start, end) of list `number`'s matches: exact ones first, then folded."""
        cache = _cache(doc)
        grouped = cache.get(id(self))
        if grouped is None:
            grouped = cache[id(self)] = {}
            for matcher in (self.exact, self.folded):
                for key, start, end in matcher(doc, as_spans=False):
                    n, value = self.keys[key]
                    grouped.setdefault(n, []).append((value, start, end))
        return grouped.get(number, [])


def _lexicon(nlp: Language) -> _Lexicon:
    lexicon = getattr(nlp, "_extract_lexicon", None)
    if lexicon is None:
        lexicon = nlp._extract_lexicon = _Lexicon(nlp)
    return lexicon


class Phrases:
    """Matches phrases from a rules file: a phrase with a capital letter case-sensitively
    (AD, MFA), an all-lower-case phrase in any case. Each match carries its phrase's value."""

    def __init__(self, nlp: Language, phrases: Mapping[str, str] | Iterable[str]):
        if not isinstance(phrases, Mapping):
            phrases = {p: p for p in phrases}
        self._lexicon = _lexicon(nlp)
        self._number = self._lexicon.add(phrases)

    def ranges(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label id, start, end) of the matches; where matches overlap the longest is kept
        (the earlier one on a tie). No Span objects are made."""
        found = self._lexicon.matches(doc, self._number)
        if len(found) < 2:
            return list(found)
        kept, used = [], set()
        for label, start, end in sorted(found, key=lambda m: (m[1] - m[2], m[1])):
            if not used.intersection(range(start, end)):
                kept.append((label, start, end))
                used.update(range(start, end))
        return sorted(kept, key=lambda m: m[1])

    def spans(self, doc: Doc) -> list[Span]:
        """Matched spans labelled with their value; overlapping matches keep the longest."""
        return [Span(doc, s, e, label=label) for label, s, e in self.ranges(doc)]


def tokens(doc: Doc) -> list[Token]:
    """The doc's tokens as a list, made once per doc (`doc[i]` makes a new Token each time)."""
    toks = doc.user_data.get(CACHE, {}).get("tokens")  # called very often: no extra calls on the way
    if toks is None or len(toks) != len(doc):
        toks = _cache(doc)["tokens"] = list(doc)
    return toks


LEADER_MARKS = ".…·_"  # a run of these joins a label to its names: "Editor ........ A"


def is_leader(tok: Token) -> bool:
    """Dots or a tab joining a label to its names in a credit block ("Editor ........ A",
    "Editor<TAB>A"); never a line break."""
    text = tok.text
    return (tok.is_space and "\n" not in text) or (len(text) > 1 and not text.strip(LEADER_MARKS))


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokenized doc, with its text remembered (`doc.text` joins the tokens anew on every call)."""
    doc = nlp.make_doc(text)
    _cache(doc)["text"] = text
    return doc


def doc_text(doc: Doc) -> str:
    """The doc's text: as given to `make_doc`, else joined once per doc."""
    cache = _cache(doc)
    text = cache.get("text")
    if text is None:
        text = cache["text"] = doc.text
    return text


def text_of(doc: Doc, start: int, end: int) -> str:
    """The text of tokens [start, end) (as `doc[start:end].text`, without making a Span)."""
    if end <= start:
        return ""
    toks = tokens(doc)
    last = toks[end - 1]
    return doc_text(doc)[toks[start].idx:last.idx + len(last)]


def char_range(span: Span) -> tuple[int, int]:
    """(start_char, end_char) of a non-empty span, read from the cached token list."""
    toks = tokens(span.doc)
    last = toks[span.end - 1]
    return toks[span.start].idx, last.idx + len(last)


def sentence_starts(doc: Doc) -> list[int]:
    """Where the doc's sentences start (as `doc.sents` has them), read once per doc."""
    cache = _cache(doc)
    starts = cache.get("sentence_starts")
    if starts is None:
        starts = [0] + [int(i) for i in np.flatnonzero(doc.to_array(SENT_START) == 1) if i > 0] if len(doc) else []
        cache["sentence_starts"] = starts
    return starts


def orths(doc: Doc) -> np.ndarray:
    """The doc's token ids (ORTH), read once per doc."""
    cache = _cache(doc)
    arr = cache.get("orths")
    if arr is None:
        arr = cache["orths"] = doc.to_array(ORTH)
    return arr


def claimed(doc: Doc, *groups: str) -> set[int]:
    """Indices of tokens already covered by spans in the named span groups."""
    return {i for g in groups if g in doc.spans for span in doc.spans[g] for i in range(span.start, span.end)}


def make_span(doc: Doc, start: int, end: int, label: str, rule: str) -> Span:
    """A span whose `id_` records the rule that found it."""
    return Span(doc, start, end, label=label, span_id=rule)


class Positions:
    """Finds where given token texts occur, on the doc's array of token ids (binary search
    in the few wanted ids): no Token objects are made for the tokens that do not match."""

    def __init__(self, nlp: Language, texts: Iterable[str]):
        self.hashes = np.array(sorted({nlp.vocab.strings.add(t) for t in texts}), dtype="uint64")

    def __call__(self, doc: Doc) -> list[int]:
        return where_in(orths(doc), self.hashes)


def where_in(ids: np.ndarray, hashes: np.ndarray) -> list[int]:
    """Indices of the ids that are in `hashes` (sorted): a binary search per id, far
    cheaper than `np.isin` on arrays the size of one article."""
    if not len(ids) or not len(hashes):
        return []
    if len(hashes) == 1:
        return np.flatnonzero(ids == hashes[0]).tolist()
    at = np.searchsorted(hashes, ids).clip(max=len(hashes) - 1)
    return np.flatnonzero(hashes[at] == ids).tolist()


def line_breaks(doc: Doc) -> list[int]:
    """Indices of the white-space tokens that hold a line break (found once per doc)."""
    cache = _cache(doc)
    found = cache.get("line_breaks")
    if found is None:
        found = []
        if len(doc):
            ids = orths(doc)
            strings = doc.vocab.strings
            found = [int(i) for i in np.flatnonzero(doc.to_array("IS_SPACE"))
                     if "\n" in strings[int(ids[i])]]
        cache["line_breaks"] = found
    return found
