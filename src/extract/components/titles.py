"""Film titles: quoted titles, titles after film cue words, and titles whose context says "song" or "album" are dropped."""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..rules import Rules
from ..settings import Settings
from .matching import Phrases, make_span

OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’"}
LIST_LEAD = {"such", "as", "including", "like", ":", "titled", "called", "entitled"}
SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "for", "from", "to", "in", "on", "at", "with",
               "by", "as", "but", "nor", "is", "vs", "vs.", "&", "-", "–", ":", "'s", "’s", "de", "la"}
TRAILING = {",", ".", "!", "?", ";", ":"}


def _is_cap(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def title_like(tokens: list[str]) -> bool:
    """Words written like a title: the first capitalised, and every other word either
    capitalised or a small word ("Good Friend from the West")."""
    words = [t for t in tokens if t.strip()]
    if not words or not _is_cap(words[0]):
        return False
    return all(_is_cap(w) or w.lower() in SMALL_WORDS or not w[:1].isalnum() for w in words)


class FilmTitles:
    """Finds film and series titles and stores them in `doc.spans["films"]`."""

    def __init__(self, nlp: Language, rules: Rules, settings: Settings):
        self.film_cues = Phrases(nlp, rules.film_cues)
        self.non_film_cues = Phrases(nlp, rules.non_film_cues)
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        not_film = {s.end for s in self.non_film_cues.spans(doc)}
        cues = [s for s in self.film_cues.spans(doc) if s.text.islower()]
        cue_ends = {s.end for s in cues}
        found = list(self._quoted(doc, not_film))
        defined = self._defined(doc, {s.start for s in cues})
        if defined is not None and not {i for s in found for i in range(s.start, s.end)} & set(range(defined.end)):
            found.append(defined)
        taken = {i for s in found for i in range(s.start, s.end)}
        found += [s for s in self._after_cue(doc, cue_ends) if not taken & set(range(s.start, s.end))]
        doc.spans["films"] = sorted(filter_spans(found), key=lambda s: s.start)
        return doc

    def _quoted(self, doc: Doc, not_film: set[int]):
        """Title-like text between a pair of quotes on one line, unless a non-film cue precedes it."""
        i, n = 0, len(doc)
        while i < n:
            close = OPEN_QUOTES.get(doc[i].text)
            if close is None:
                i += 1
                continue
            j = i + 1
            while j < n and doc[j].text != close and "\n" not in doc[j].text and j - i <= 40:
                j += 1
            if j >= n or doc[j].text != close:
                i += 1
                continue
            start, end = i + 1, j
            while end > start and doc[end - 1].text in TRAILING:
                end -= 1
            words = [t.text for t in doc[start:end]]
            if 0 < len(words) <= self.settings.max_title_words and title_like(words) \
                    and not self._cued(not_film, i):
                yield make_span(doc, start, end, "FILM", "film:quoted")
            i = j + 1

    def _cued(self, cue_ends: set[int], quote_at: int) -> bool:
        """A cue ends within the window before the opening quote ("the song “X”", "single, “X”")."""
        window = self.settings.title_cue_window
        return any(quote_at - window <= e <= quote_at for e in cue_ends)

    def _after_cue(self, doc: Doc, cue_ends: set[int]):
        """Unquoted capitalised titles right after a film cue, one or a list of them
        ("the documentary Silent Water", "films such as Up, Coco and Inside Out")."""
        for e in sorted(cue_ends):
            i = e
            while i < len(doc) and i - e < 3 and doc[i].lower_ in LIST_LEAD:
                i += 1
            while i < len(doc) and not doc[i].is_sent_start:
                end = self._title_end(doc, i)
                if end == i or end - i > self.settings.max_title_words:
                    break
                yield make_span(doc, i, end, "FILM", "film:after-cue")
                i = end
                while i < end + 2 and i < len(doc) and doc[i].lower_ in {",", "and"}:
                    i += 1
                if i == end:
                    break

    @staticmethod
    def _title_end(doc: Doc, i: int) -> int:
        """End of a capitalised title starting at token i (small words allowed inside)."""
        first = doc[i]
        if first.text in OPEN_QUOTES or not _is_cap(first.text):
            return i
        if first.lower_ in STOP_WORDS and first.lower_ not in {"the", "a", "an"}:
            return i
        end = i
        while end < len(doc) and not doc[end].is_space and not (end > i and doc[end].is_sent_start) and (
                _is_cap(doc[end].text) or (doc[end].lower_ in SMALL_WORDS and doc[end].lower_ != "and"
                                           and end + 1 < len(doc) and _is_cap(doc[end + 1].text))):
            end += 1
        return end

    def _defined(self, doc: Doc, cue_starts: set[int]):
        """An encyclopaedia opening that defines a film: "Ocean Waves is a 1993 Japanese
        anime television film ..." (only lower-case, capitalised or number words between)."""
        end = self._title_end(doc, 0) if len(doc) else 0
        if end == 0 or end + 2 >= len(doc) or doc[end].lower_ not in {"is", "was"}:
            return None
        if doc[end + 1].lower_ not in {"a", "an", "the"}:
            return None
        for j in range(end + 2, min(len(doc), end + 12)):
            if j in cue_starts:
                return make_span(doc, 0, end, "FILM", "film:defined")
            if not (doc[j].is_alpha or doc[j].like_num or doc[j].text == "-") or doc[j].lower_ in SMALL_WORDS:
                return None
        return None
