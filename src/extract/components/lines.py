"""Line breaks start sentences: headlines, Q&A questions and page furniture have no final full stop."""
from __future__ import annotations

from spacy.tokens import Doc


class LineBreaks:
    """Marks the first token after a newline as a sentence start; runs before the sentencizer,
    which leaves already-set boundaries alone."""

    def __call__(self, doc: Doc) -> Doc:
        after_break = True
        for token in doc:
            if token.is_space:
                # white space never starts a sentence: it stays with the one before
                token.is_sent_start = token.i == 0
                after_break = after_break or "\n" in token.text
                continue
            if after_break and not token.is_space:
                token.is_sent_start = True
                after_break = False
            elif token.i > 0 and "\n" in doc[token.i - 1].whitespace_:
                token.is_sent_start = True
        return doc
