"""Sentence boundaries: after a full stop, question or exclamation mark (as spaCy's
sentencizer does), and at every line break, since headlines, Q&A questions and page
furniture have no final full stop. Only the tokens around sentence enders are read."""
from __future__ import annotations

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

from .matching import Positions, line_breaks, tokens


# Lower-case abbreviations that spaCy's tokenizer splits from their full stop ("dir. Orla
# Pevensey", "prod. by"): no sentence starts after them.
ABBREVIATIONS = {"dir", "dirs", "prod", "feat", "ft", "approx", "vs", "cf", "ed", "eds", "vol", "nos"}
# ... and capitalised ("Dir. KIM Seo-yeon"), but not "Ed.", which may be a name ending a sentence
NO_STOP = ABBREVIATIONS | {w.title() for w in ABBREVIATIONS - {"ed", "eds"}} | {w.upper() for w in ABBREVIATIONS}


class Sentences:
    """Sets `token.is_sent_start` for every token; white space never starts a sentence."""

    def __init__(self, nlp: Language):
        self.enders = Positions(nlp, Sentencizer.default_punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        starts = np.full(n, -1, dtype="int64")
        starts[0] = 1
        for w in self._after_enders(doc):
            starts[w] = 1
        toks = tokens(doc)
        for b in line_breaks(doc):
            j = b + 1
            while j < n and toks[j].is_space:
                j += 1
            if j < n:
                starts[j] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc

    def _after_enders(self, doc: Doc) -> set[int]:
        """The first word after each run of sentence enders that follows a word. After an
        abbreviation's full stop no sentence starts: not before a lower-case word ("approx. 50
        people", "vs. him"), nor before a number after a short word ("No. 7"), nor after a
        known abbreviation ("dir. Orla Pevensey", "Dir. Orla Pevensey"). Nor after a question or
        exclamation mark before a lower-case word."""
        toks, n = tokens(doc), len(doc)
        enders = self.enders(doc)
        ender_set = set(enders)
        is_word = lambda t: not (t.is_punct or t.is_space or t.i in ender_set)  # noqa: E731
        first_word = next((t.i for t in toks if is_word(t)), n)
        out = set()
        for e in enders:
            if e < first_word:
                continue
            w = next((j for j in range(e + 1, n) if is_word(toks[j])), None)
            if w is None or w in out:
                continue
            after_stop = toks[w - 1].text == "."
            if toks[w - 1].text in {"?", "!"} and toks[w].is_lower:
                continue  # a title's own mark: "They Shoot Horses, Don't They? is a 1969 film"
            if after_stop and (toks[w].is_lower or (toks[w].is_digit and w >= 2 and len(toks[w - 2]) <= 3)
                               or (w >= 2 and toks[w - 2].text in NO_STOP)):
                continue
            out.add(w)
        return out
