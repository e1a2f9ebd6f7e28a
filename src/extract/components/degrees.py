"""Degree words (BA, MFA, master's, doctorate) labelled with the degree they name."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules import Rules
from .matching import Phrases, claimed, make_span


class Degrees:
    """Stores degree mentions in `doc.spans["degrees"]` (label: bachelor, master, ...)."""

    def __init__(self, nlp: Language, rules: Rules):
        self.phrases = Phrases(nlp, rules.degrees)

    def __call__(self, doc: Doc) -> Doc:
        busy = claimed(doc, "films", "schools")
        doc.spans["degrees"] = [make_span(doc, s.start, s.end, s.label_, "degree:word")
                                for s in self.phrases.spans(doc) if s.start not in busy and not _lesson(doc, s.end)]
        return doc


def _lesson(doc: Doc, end: int) -> bool:
    """"a master class", "master classes": a lesson, not a degree."""
    return end < len(doc) and doc[end].lower_ in {"class", "classes"}
