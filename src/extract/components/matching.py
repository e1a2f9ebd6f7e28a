"""Small helpers shared by the components: phrase matchers built from rules data, span utilities."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token


class Phrases:
    """Matches phrases from a rules file: a phrase with a capital letter case-sensitively
    (AD, MFA), an all-lower-case phrase in any case. Each match carries its phrase's value."""

    def __init__(self, nlp: Language, phrases: Mapping[str, str] | Iterable[str]):
        if not isinstance(phrases, Mapping):
            phrases = {p: p for p in phrases}
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, value in phrases.items():
            matcher = self._folded if phrase == phrase.lower() else self._exact
            matcher.add(value, [nlp.make_doc(phrase)])

    def ranges(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label id, start, end) of the matches; where matches overlap the longest is kept
        (the earlier one on a tie). No Span objects are made."""
        found = [m for matcher in (self._exact, self._folded) for m in matcher(doc, as_spans=False)]
        if len(found) < 2:
            return found
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
    """The doc's tokens as a list, made once per doc (`doc[i]` makes a new Token each time).
    Kept in `doc.user_data` until `forget_tokens` drops it with the doc."""
    toks = doc.user_data.get("tokens")
    if toks is None or len(toks) != len(doc):
        toks = doc.user_data["tokens"] = list(doc)
    return toks


def forget_tokens(doc: Doc) -> None:
    """Breaks the doc -> token list -> doc cycle, so the doc is freed as soon as it is done."""
    doc.user_data.pop("tokens", None)


def claimed(doc: Doc, *groups: str) -> set[int]:
    """Indices of tokens already covered by spans in the named span groups."""
    return {i for g in groups if g in doc.spans for span in doc.spans[g] for i in range(span.start, span.end)}


def make_span(doc: Doc, start: int, end: int, label: str, rule: str) -> Span:
    """A span whose `id_` records the rule that found it."""
    return Span(doc, start, end, label=label, span_id=rule)


class Positions:
    """Finds where given token texts occur, on the doc's array of token ids: no Token objects
    are made for the tokens that do not match."""

    def __init__(self, nlp: Language, texts: Iterable[str]):
        self.hashes = np.array(sorted({nlp.vocab.strings.add(t) for t in texts}), dtype="uint64")

    def __call__(self, doc: Doc) -> list[int]:
        if not len(doc):
            return []
        return np.flatnonzero(np.isin(doc.to_array(ORTH), self.hashes)).tolist()


def line_breaks(doc: Doc) -> list[int]:
    """Indices of the white-space tokens that hold a line break."""
    if not len(doc):
        return []
    orths = doc.to_array(ORTH)
    spaces = np.flatnonzero(doc.to_array("IS_SPACE"))
    return [int(i) for i in spaces if "\n" in doc.vocab.strings[int(orths[i])]]
