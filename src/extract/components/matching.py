"""Small helpers shared by the components: phrase matchers built from rules data, span utilities."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans


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

    def spans(self, doc: Doc | Span, longest: bool = True) -> list[Span]:
        """Matched spans labelled with their value; overlapping matches keep the longest."""
        found = [Span(doc if isinstance(doc, Doc) else doc.doc, s, e, label=label)
                 for m in (self._exact, self._folded) for label, s, e in m(doc, as_spans=False)]
        if isinstance(doc, Span):
            found = [Span(doc.doc, s.start + doc.start, s.end + doc.start, label=s.label)
                     for s in found]
        return filter_spans(found) if longest else found


def claimed(doc: Doc, *groups: str) -> set[int]:
    """Indices of tokens already covered by spans in the named span groups."""
    return {i for g in groups if g in doc.spans for span in doc.spans[g] for i in range(span.start, span.end)}


def make_span(doc: Doc, start: int, end: int, label: str, rule: str) -> Span:
    """A span whose `id_` records the rule that found it."""
    return Span(doc, start, end, label=label, span_id=rule)
