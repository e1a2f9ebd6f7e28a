"""Sentence boundaries: after a full stop, question or exclamation mark (as spaCy's
sentencizer does), and at every line break, since headlines, Q&A questions and page
furniture have no final full stop. Works on arrays of token ids, without Token objects."""
from __future__ import annotations

import numpy as np
from spacy.attrs import IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

from .matching import Positions, line_breaks


class Sentences:
    """Sets `token.is_sent_start` for every token; white space never starts a sentence."""

    def __init__(self, nlp: Language):
        self.stop = nlp.vocab.strings.add(".")
        self.enders = Positions(nlp, Sentencizer.default_punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, IS_LOWER, IS_DIGIT, LENGTH])
        space = arr[:, 2].astype(bool)
        ender = np.zeros(n, dtype=bool)
        ender[self.enders(doc)] = True
        ender &= ~space
        # after an abbreviation's full stop no sentence starts: not before a lower-case word
        # ("approx. 50 people", "vs. him"), nor before a number after a short word ("No. 7")
        after_stop = np.zeros(n, dtype=bool)
        after_stop[1:] = arr[:-1, 0] == self.stop
        after_short = np.zeros(n, dtype=bool)
        after_short[2:] = after_stop[2:] & (arr[:-2, 5] <= 3)
        word = ~arr[:, 1].astype(bool) & ~ender & ~space
        # a word starts a sentence when an ender stands between it and the word before it
        words = np.flatnonzero(word)
        enders_upto = np.cumsum(ender)
        starts = np.full(n, -1, dtype="int64")
        if len(words) > 1:
            between = enders_upto[words[1:] - 1] - enders_upto[words[:-1]]
            opens = words[1:][between > 0]
            small = (arr[opens, 3].astype(bool) & after_stop[opens]) | (arr[opens, 4].astype(bool) & after_short[opens])
            starts[opens[~small]] = 1
        starts[0] = 1
        for b in line_breaks(doc):
            j = b + 1
            while j < n and space[j]:
                j += 1
            if j < n:
                starts[j] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc
