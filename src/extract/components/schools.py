"""Schools: known institutions and their acronyms from a gazetteer, plus school-shaped names
("X University", "University of X", "X School of Y") from Matcher patterns."""
from __future__ import annotations

from spacy.language import Language
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..rules import Rules
from .matching import Phrases, Positions, claimed, make_span, tokens

# Words one of the school patterns needs; the patterns run only this many tokens around them.
HEAD_WORDS = {"University", "College", "Academy", "Institute", "Conservatory", "Conservatoire", "School",
              "Polytechnic", "Universität", "Université", "Università", "Universidad", "Universidade",
              "Politecnico", "Politécnico", "Hochschule", "Akademie", "Academia", "Accademia", "Escuela",
              "École", "Ecole", "Institut", "Instituto", "Istituto", "Conservatorio", "Scuola"}
WINDOW = 14
HEADS = {"University", "College", "Academy", "Institute", "Conservatory", "School"}
ARTICLES = {"the", "a", "an"}
# what a shape may end on but a name does not: a comma, a hyphen, another language's "of" or "and"
TRAILING_GLUE = {",", "-", "–", "de", "di", "der", "del", "della", "des", "du", "für", "da", "do", "dos", "voor",
                 "la", "le", "los", "e", "y", "i", "et", "und"}
NOT_AFTER = {"Award", "Awards", "Award-winning", "Prize", "Fellowship", "Festival"}
# "an AFI nomination": a school's name used for its awards
NOT_BEFORE_LOWER = {"award", "awards", "nomination", "nominations", "prize"}
# "Dean of the College", "Hospital of the University of Pennsylvania": a post or a body of the school
PART_OF = {"Dean", "President", "Chancellor", "Provost", "Rector", "Hospital", "Library", "Press", "Museum",
           "Branch", "Board", "Trustees", "Regents", "Friends"}
# "Russian Academy of Sciences", "Academy of Motion Picture Arts and Sciences": learned societies
SOCIETY_WORDS = {"Sciences", "Humanities"}


def _possessive(name: str) -> set[str]:
    """"UCLA School of Theater" is also written "UCLA's School of Theater"."""
    first, _, rest = name.partition(" ")
    if not first.isupper() or rest.split(" ", 1)[0] not in HEADS:
        return set()
    return {f"{first}'s {rest}", f"{first}’s {rest}"}


def _head_words(rules: Rules) -> set[str]:
    """HEAD_WORDS plus any word listed beside one of them in a pattern step ("Escola" beside
    "Escuela"), so a head word added to the rules data is looked for too."""
    heads = set(HEAD_WORDS)
    for item in rules.school_patterns:
        for step in item.pattern:
            words = step.get("ORTH", {}).get("IN", []) if isinstance(step.get("ORTH"), dict) else []
            if "OP" not in step and heads.intersection(words):
                heads.update(words)
    return heads


class Schools:
    """Finds schools and stores them in `doc.spans["schools"]`; the label is the gazetteer's
    official name when the mention is a known institution or one of its other names."""

    def __init__(self, nlp: Language, rules: Rules):
        names = {}
        for official, others in rules.institutions.items():
            for name in (official, *others):
                # "King's College London" is also written with a curly apostrophe
                for written in {name, name.replace("'", "’"), *_possessive(name)}:
                    names.setdefault(written, official)
        self.known = Phrases(nlp, {p: o for p, o in names.items() if p != p.lower()})
        self.heads = Positions(nlp, _head_words(rules))
        self.shapes = Matcher(nlp.vocab)
        for n, item in enumerate(rules.school_patterns):
            # a key per pattern: the longest match of each shape survives, and the choice
            # between shapes is made after trimming ("Pennsylvania's Annenberg School" loses
            # to "Annenberg School of Communications" once trimmed to "Annenberg School")
            self.shapes.add(f"{item.label}:{n}", [item.pattern], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        busy = claimed(doc, "films")
        toks = tokens(doc)
        known = [make_span(doc, s.start, s.end, s.label_, "school:gazetteer")
                 for s in self.known.spans(doc) if not self._place(doc, s)
                 and not (s.end < len(doc) and toks[s.end].lower_ in NOT_BEFORE_LOWER)]
        trimmed = [self._trim(doc, s) for s in self._shapes(doc)]
        shaped = self._split_owned(doc, [s for s in trimmed if s is not None])
        spans = [s for s in known + shaped
                 if not busy & set(range(s.start, s.end))]
        doc.spans["schools"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc

    def _shapes(self, doc: Doc) -> list[Span]:
        """School-shaped matches, looked for only near a head word ("University", "School"):
        the patterns' capitalised-word steps are costly on a whole text."""
        windows: list[list[int]] = []
        for h in self.heads(doc):
            lo, hi = max(0, h - WINDOW), min(len(doc), h + WINDOW)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        found = {}
        for lo, hi in windows:
            for m in self.shapes(doc[lo:hi], as_spans=True):
                found[(m.start, m.end)] = m
        return list(found.values())

    @staticmethod
    def _split_owned(doc: Doc, spans: list[Span]) -> list[Span]:
        """"Florida State University’s College" beside "College of Motion Picture Arts": the
        university, then the school it owns (the article step folds the two into one)."""
        toks, starts = tokens(doc), {s.start for s in spans}
        return [make_span(doc, s.start, s.end - 2, "SCHOOL", s.id_)
                if s.end - 1 in starts and s.end - 2 > s.start and toks[s.end - 2].text in {"'s", "’s"} else s
                for s in spans]

    @staticmethod
    def _place(doc: Doc, span: Span) -> bool:
        """A one-word short name after "in" is the town ("in Georgetown", "in Berkeley");
        an acronym is still the school ("in NYU's program")."""
        return len(span) == 1 and not span.text.isupper() and span.start > 0 \
            and tokens(doc)[span.start - 1].lower_ == "in"

    @staticmethod
    def _trim(doc: Doc, span: Span) -> Span | None:
        """Drops leading function words ("After", "The") and shapes that name an award."""
        toks = tokens(doc)
        start, end = span.start, span.end
        # "Chapman University's Dodge College", "Yale's Berkeley Divinity School": the school
        # inside the university ("King's College", "Queen's University" are names of their own)
        poss = [i for i in range(start + 1, end - 2) if toks[i].text in {"'s", "’s"}
                and toks[i + 1].text not in HEADS and toks[i + 1].text[:1].isupper()]
        if poss:
            start = poss[-1] + 1
        if toks[start].text in PART_OF and start + 1 < end and toks[start + 1].lower_ == "of":
            start += 2
        if any(t.text in SOCIETY_WORDS for t in doc[start:min(len(doc), end + 8)]) and any(
                t.text == "Academy" for t in doc[start:end]):
            return None
        # "After", "the" go; a capitalised word inside a sentence stays ("Our Lady of the Lake University")
        while start < end and toks[start].lower_ in STOP_WORDS and (
                not toks[start].is_title or toks[start].is_sent_start or toks[start].lower_ in ARTICLES):
            start += 1
        # "University of Munich and of Cambridge": two schools, the second has a name of its own
        end = next((k for k in range(start + 1, end - 1) if toks[k].lower_ in {"and", "&"} and toks[k + 1].is_lower),
                   end)
        while end > start and (toks[end - 1].lower_ in STOP_WORDS or toks[end - 1].text in TRAILING_GLUE):
            end -= 1
        if end - start < 2 or (end < len(doc) and toks[end].text in NOT_AFTER):
            return None
        if any(t.is_space or "\n" in t.whitespace_ for t in doc[start:end - 1]):
            return None
        return make_span(doc, start, end, "SCHOOL", "school:shape")
