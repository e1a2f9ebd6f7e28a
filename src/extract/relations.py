"""Credits (person, role, film) and education (person, school, degree, field) read from the
sentences of a processed Doc.

Credits come from sentence shapes, each a named rule (the main ones):
  credit:apposition  "director Seraph Liu", "Assistant Director Liv Li"
  credit:as          "worked as a producer", "she is an editor"
  credit:post        the same with no article: "serving as assistant director on “X”", "X is line producer"
  credit:by          "directed by X", "written and directed by X", "music by X"
  credit:starring    "the film stars A, B and C"
  credit:verb        "she produced “X” and “Y”", "he starred in X"
  credit:paren       a film in brackets after a credited person: "X (“Film A”)"
  credit:project     a role stated for the film being talked about: "A and B will executive produce"
  credit:cast-list   a line under a "Cast" heading: "Nuala ........ Maeve Doherty"
  credit:programme   a programme entry's details line opening with a name: "Ama Owusu · UK · 2024"
  credit:partner     a film shared with a co-worker: "she starred opposite A and B in X"
  credit:filmography roles in a bracket after a title: "The Kite Market (2019, short, director)"
  credit:own-work    one of a person's own works: "Her debut feature, “X,”" (their own role)
A person who is not named ("I", "she", "my") is the article's subject; the article step
resolves that. Education comes from a sentence that names a school and uses a schooling word.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .components.matching import char_range, doc_text, is_leader, orths, sentence_starts, text_of, tokens, where_in
from .rules import OWN_ROLE, Rules

SUBJECT = "<subject>"
FIRST_PERSON = {"i", "me", "my", "myself"}
SECOND_PERSON = {"you", "your", "yourself"}
CLASS_YEAR = re.compile(r"^\d\d$")
PRESENT_PARTS = {"plays", "portrays", "voices"}  # a part in the film being talked about
OWNERS = {"his", "her", "their", "my", "our", "your"}  # possessive determiners
PRONOUNS = FIRST_PERSON | {"she", "he", "her", "his", "him", "herself", "himself"}
FRONTED_CLAUSE = 12  # at most so many words before a sentence's subject and its comma
GENDERED = ({"she", "her", "herself"}, {"he", "him", "his", "himself"})
# their token ids in every case ("she", "She", "SHE"), to count them on the doc's id array
GENDERED_IDS = tuple(np.array(sorted({hash_string(v) for w in words for v in (w, w.title(), w.upper())}),
                              dtype="uint64") for words in GENDERED)
# The last word of a verb phrase that opens a list ("credits include", "scores included")
LIST_WORDS = ("include",)
# Someone other than the subject: these block the search for who did something.
OTHERS = {"you", "your", "we", "our", "us", "they", "their", "them", "one", "everyone", "someone"}
RELATIVE_ADVERBS = {"also", "later", "then", "once", "previously", "recently", "has", "had", "have", "first"}
OPEN_QUOTES = {"“", '"', "‘", "'"}
DETAIL_MARKS = {"·", "|", ",", "–", "—", "-", "/", "•"}  # between a programme entry's details
YEAR = re.compile(r"(19|20)\d\d")
PROJECT_AFTER = {"alongside", "with", "from", "for", "again"}  # "will direct from a screenplay by ..."
CAST_HEADINGS = [["cast"], ["the", "cast"], ["cast", "list"], ["starring"]]
ROLE_COPULA = {"is", "are", "was", "were"}  # "Executive producers are X and Y"
COPULA = {"is", "was", "am", "'m", "’m", "are", "were", "became", "become", "becomes", "be", "being", "been"}
ROLE_GLUE = {"/", "and", "&", ",", "-", "or"}
PAIR_WORDS = {"pair", "couple", "duo", "two", "siblings", "brothers", "sisters", "partners"}  # "The pair produced"
LIST_GLUE = {",", "and", "&", "as", "well"}
FILM_LINK = {"on", "for", "of", "in", "behind", "include", "includes", "including"}
CREDIT_WORDS = {"credit", "credits"}
TRY_WORDS = {"shot", "chance", "turn", "stint", "go"}  # "my first shot at 1st AD on X"
RISE_WORDS = {"up", "rose", "promoted", "graduated", "advanced", "moved"}
# A person right after these is a teacher, partner or object, not who did the thing.
NOT_AGENT_BEFORE = {"under", "with", "alongside", "by", "for", "to", "of"}
DEFINITE = {"the", "our", "my", "its", "their", "her", "his"}
# Words that open a short description of a person before the name: "by his older sister, X".
DESCRIBERS = DEFINITE | {"a", "an", "fellow", "longtime", "frequent", "friend", "classmate"}
PREPOSITIONS = {"for", "of", "with", "to", "from", "by", "on", "in", "at", "about", "like", "than", "into"}
# words that open a description of the person named before: "X, the director of Y", "X, her editor"
DESCRIPTION_OPENERS = {"the", "a", "an", "his", "her", "their", "its", "my", "our", "then", "now", "former",
                       "longtime", "long-time", "veteran", "fellow", "frequent", "also", "acclaimed", "award"}
# What a project credit's object may be ("will direct the pilot"), and what a co-writer writes.
PROJECT_PARTS = {"episode", "episodes", "pilot", "film", "feature", "series", "season", "remake", "adaptation"}
SCRIPT_WORDS = {"script", "screenplay", "teleplay"}
NAMING_WORDS = {"called", "titled", "entitled", "named"}
FILM_WORDS = {"film", "films", "movie", "it", "series", "documentary", "short", "feature", "drama",
              "comedy", "project", "picture", "thriller", "show", "story"}
ARTICLES = {"a", "an", "the"}
# ... and the parts of a film that "the ..." refers back to it by: "the screenplay was written by X"
FILM_REFERENCES = FILM_WORDS | {"screenplay", "script", "score", "soundtrack"}
HEADER_MARKS = {",", "—", "–", "(", "|"}  # what follows the name in a bio's header line
# Words that go on describing a work after its kind: "Y's drama about ...", "Y's thriller set in ..."
KIND_FOLLOWERS = {"about", "set", "starring", "with", "that", "which", "from", "in", "on", "of", "based"}
# Words that place a work among a person's own ("her debut feature, X", "his second, X").
# "most" may come before them: "his most recent feature".
ORDINAL_WORDS = {"debut", "first", "second", "third", "fourth", "fifth", "latest", "new", "newest", "next", "last",
                 "final", "recent", "upcoming"}
FIELD_STOP = {"at", "from", "before", "after", "with", "while", "where", "when", "to", "in", "under",
              "which", "that", "because", "since", "during", "as", "but", "so", "until", "and", "or",
              "for", "of", "degree", "program", "programme"}
# Schools that are named only by those who went there: "At Arcadia High School I ...".
ATTENDED_SHAPES = ("High School", "Middle School", "Secondary School", "Grammar School", "Elementary School")
# words that open a new clause: a list of people does not run on past them ("by X, which Y produced")
CLAUSE_VERBS = {"is", "was", "has", "had", "will", "would", "also", "then", "later", "went", "became", "took", "made",
                "won", "wrote", "shot", "cut", "ran", "got"}  # a verb that opens a clause after "and X"
CLAUSE_WORDS = {"which", "who", "whom", "whose", "that", "while", "where", "when", "whereas"}
STUDY_WORDS = {"study", "studied", "studying", "studies"}
FIELD_PLACE = {"at", "from", "in", "with", "before", "after", "while", "until", "during"}  # after a field
ELSEWHERE = "<elsewhere>"  # a degree from a place that is no known school
FIELD_AFTER_IN = {"degree", "major", "majored", "majoring", "majors"}


@dataclass(frozen=True)
class Ref:
    """A mention of an entity by absolute character offsets (or the article's subject)."""

    start: int
    end: int
    text: str

    @staticmethod
    def of(span: Span, offset: int) -> Ref:
        start, end = char_range(span)
        return Ref(start + offset, end + offset, doc_text(span.doc)[start:end])


@dataclass
class Fact:
    """A credit or an education item before entity names are resolved."""

    kind: str
    agent: Ref | str
    rule: str
    sentence: tuple[int, int]
    role: str | None = None
    film: Ref | None = None
    school: Ref | None = None
    degree: str | None = None
    field: str | None = None
    scene: Ref | None = None  # the film its paragraph last named, for a crew line that names none


class _Stretch:
    """Tokens [start, end) of a sentence: cheap to make, where a Span costs three Tokens."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class _Sentence:
    span: _Stretch
    persons: list[Span] = field(default_factory=list)
    films: list[Span] = field(default_factory=list)
    schools: list[Span] = field(default_factory=list)
    roles: list[Span] = field(default_factory=list)
    verbs: list[Span] = field(default_factory=list)
    degrees: list[Span] = field(default_factory=list)
    objects: list[Span] = field(default_factory=list)
    partners: list[Span] = field(default_factory=list)
    pronouns: list[tuple[int, str]] | None = None


class SentenceReader:
    """Reads the facts of one Doc; `persons` are the spans known to name people."""

    def __init__(self, doc: Doc, offset: int, persons: list[Span], rules: Rules):
        self.doc, self.offset = doc, offset
        self.toks = tokens(doc)
        self.cues, self.roles = rules.education_cues, rules.roles
        lowers = doc.to_array(LOWER)
        self.graduated_at = np.flatnonzero(lowers == hash_string("graduated")).tolist()
        # a cue word inside a name is no cue: "a fellow of the Institute for Advanced Study"
        named = {i for span in doc.spans["schools"] for i in range(span.start, span.end)}
        self.cue_at = [i for i in where_in(lowers, _hashes(self.cues)) if i not in named]
        self.starts = sentence_starts(doc)
        self.sentences = self._bucket(persons)
        self.last_film: Span | None = None
        # the person a paragraph is about: named at the start of one of its sentences
        self.topic: Span | None = None
        self.last_topic: Span | None = None  # the topic of an earlier paragraph
        self.before_opener: Span | str = SUBJECT  # who "she" was before this sentence named a new topic
        self.section: Span | None = None  # the person a header line names ("A, MFA in Film, 2014")
        self.line_start = 0  # where the current line (paragraph) starts
        self.genders: dict[str, int] = {}  # a topic's pronoun: 0 she, 1 he, as the text used it
        self.last_person: Span | None = None
        self.in_cast = False  # inside a cast list, under a line "Cast"
        self.cast_first: bool | None = None  # in its lines the actor comes first ("Actor .... Part")
        self.actors: set[str] = set()  # names already read as acting in something
        self.last_heading: Span | None = None  # the entry a programme's credit line belongs to
        self.others = self._other_pronouns()
        self.speakers = _speaker_names(doc, persons)
        self.speaker: Span | None = None  # who answers, in an interview whose answers are labelled "PV:"
        self.pair: tuple[Span, Span] | None = None  # the last two people named as "A and B"
        self.narrator = self._narrator(persons)
        self.quoted = self._quoted_tokens() if self.narrator is not None else set()

    def _other_pronouns(self) -> frozenset[str]:
        """The pronouns of the gender the text uses far less ("he" in a piece about a woman):
        they stand for someone other than the subject."""
        ids = orths(self.doc)
        uses = [len(where_in(ids, hashes)) for hashes in GENDERED_IDS]
        for (words, n), other in zip(zip(GENDERED, uses), uses[::-1]):
            if n and other >= 3 and other >= 3 * n:
                return frozenset(words)
        return frozenset()

    def _bucket(self, persons: list[Span]) -> list[_Sentence]:
        starts = self.starts
        sents = [_Sentence(_Stretch(s, e)) for s, e in zip(starts, [*starts[1:], len(self.doc)])]
        groups = {"persons": persons, "films": self.doc.spans["films"], "schools": self.doc.spans["schools"],
                  "roles": self.doc.spans["roles"], "verbs": self.doc.spans["role_verbs"],
                  "degrees": self.doc.spans["degrees"], "objects": self.doc.spans["role_objects"],
                  "partners": self.doc.spans["partners"]}
        for name, spans in groups.items():
            for span in sorted(spans, key=lambda s: s.start):
                getattr(sents[bisect_right(starts, span.start) - 1], name).append(span)
        return sents

    def facts(self) -> list[Fact]:
        out: list[Fact] = []
        for sent in self.sentences:
            self._update_topic(sent)
            self._update_speaker(sent)
            self._update_block(sent)
            found = self._cast_line(sent) if self.in_cast else self._credits(sent) + self._entry_line(sent)
            self.actors.update(f.agent.text for f in found if f.role == "actor" and not isinstance(f.agent, str))
            out += found
            out += self._education(sent)
            outside = [f for f in sent.films if not self._in_parens(f)]
            if outside and not self._keeps_film(sent):
                # "X was shot by A, who also shot Y": the sentence is still about X
                self.last_film = [f for f in outside if f is outside[0] or not self._in_relative(outside[0].end, f)][-1]
            headings = [f for f in outside if self._whole_line(f)]
            if headings:
                self.last_heading = headings[-1]
            if sent.persons:
                self.last_person = sent.persons[-1]
            self.pair = next(((a, b) for a, b in zip(sent.persons, sent.persons[1:])
                              if b.start == a.end + 1 and self.toks[a.end].lower_ == "and"), self.pair)
        return out

    def _update_block(self, sent: _Sentence) -> None:
        """A line that is only "Cast" opens a cast list; a blank line ends it."""
        span = sent.span
        if len(span) <= 4 and [t.lower_ for t in self.toks[span.start:span.end]
                               if not t.is_space and t.text != ":"] in CAST_HEADINGS:
            self.in_cast, self.cast_first = True, None
        elif self.in_cast and self._after_blank_line(sent.span.start):
            self.in_cast = False

    def _after_blank_line(self, start: int) -> bool:
        i, gap = start - 1, ""
        while i >= 0 and self.toks[i].is_space:
            gap, i = self.toks[i].text + gap, i - 1
        return (gap + (self.toks[i].whitespace_ if i >= 0 else "")).count("\n") > 1

    def _cast_line(self, sent: _Sentence) -> list[Fact]:
        """A line of a cast list ("Nuala ........ Maeve Doherty", "Maeve Doherty as Nuala"):
        the actors of the film being talked about. Across a leader the actor is on the side
        whose names the text has already read as acting ("starring Hana Whitlock" before
        "Hana Whitlock ..... Maggie Doyle"), else after it."""
        if not sent.persons or self.last_film is None:
            return []
        leader = next((i for i in range(sent.span.start, sent.span.end)
                       if is_leader(self.toks[i]) and not self.toks[i].is_space), None)
        if leader is None:
            actors = sent.persons[:1]
        else:
            before = [p for p in sent.persons if p.end <= leader]
            after = [p for p in sent.persons if p.start > leader]
            if self.cast_first is None and before and after:
                known = (any(p.text in self.actors for p in before), any(p.text in self.actors for p in after))
                self.cast_first = True if known == (True, False) else False if known == (False, True) else None
            actors = before if self.cast_first else after
        return [self._fact(sent, p, "credit:cast-list", role="actor", film=self._ref(self.last_film)) for p in actors]

    def _whole_line(self, span: Span) -> bool:
        """The span is a line of its own, a translation in brackets aside: a programme entry's
        title ("LAS MANOS DE MI MADRE (My Mother's Hands)")."""
        toks, end = self.toks, span.end
        if end < len(toks) and toks[end].text == "(":
            end = next((j + 1 for j in range(end, min(len(toks), end + 12)) if toks[j].text == ")"), end)
        return self._at_line_start(span.start) and (end == len(toks) or self._at_line_start(end)
                                                     or "\n" in toks[end].text)

    def _at_line_start(self, i: int) -> bool:
        return i == 0 or "\n" in self.toks[i - 1].text or "\n" in self.toks[i - 1].whitespace_

    def _entry_line(self, sent: _Sentence) -> list[Fact]:
        """The line under a programme entry's title that opens with a name and the film's
        details ("OVERTIME" / "Ama Owusu-Bekoe · UK · 2024 · 19 min"): the director."""
        heading = self.last_heading
        if heading is None or not sent.persons or not 0 <= sent.span.start - heading.end <= 2:
            return []
        first = self._first_word(sent)
        person = next((p for p in sent.persons if p.start == first), None)
        if person is None or not all(t.is_space for t in self.toks[heading.end:first]) or person.end >= sent.span.end \
                or self.toks[person.end].text not in DETAIL_MARKS \
                or not any(YEAR.fullmatch(t.text) for t in self.toks[person.end:sent.span.end]):
            return []
        return [self._fact(sent, person, "credit:programme", role="director", film=self._ref(heading))]

    def _update_topic(self, sent: _Sentence) -> None:
        if self._at_line_start(sent.span.start):
            if self.topic is not None and not self._speaks(self.line_start, sent.span.start):
                self.last_topic = self.topic
            self.topic, self.line_start = None, sent.span.start
        opener = next((p for p in sent.persons if p.start == self._after_label(sent)), None) or self._fronted(sent)
        if opener is not None:
            self.before_opener = self.topic if self.topic is not None else SUBJECT
            self.topic = opener
            if self._header_line(sent, opener):
                self.section = opener
        elif sent.persons and self._named_as_complement(sent, sent.persons[-1]):
            self.topic = sent.persons[-1]

    def _header_line(self, sent: _Sentence, person: Span) -> bool:
        """The sentence is a whole line with no full stop that opens with the person and goes on
        to describe them: a section's header in a page of several bios ("Diego Armendáriz, MFA in
        Film and Television Production, 2014"); not "Photo: A"."""
        last = sent.span.end - 1
        while last > sent.span.start and self.toks[last].is_space:
            last -= 1
        return self._at_line_start(sent.span.start) and person.start == self._first_word(sent) \
            and person.end < last and self.toks[person.end].text in HEADER_MARKS \
            and self.toks[last].text not in {".", "?", "!", "”", '"'} \
            and (sent.span.end >= len(self.toks) or self._at_line_start(sent.span.end))

    def _update_speaker(self, sent: _Sentence) -> None:
        """A line opening with a label naming one of the people ("PV:", "Tomasz:", "Wielgosz:")
        is that person speaking; a line ending in a question mark ends the answer."""
        if not self.speakers or not self._at_line_start(sent.span.start):
            return
        first = self._first_word(sent)
        colon = next((i for i in range(first + 1, min(first + 4, sent.span.end)) if self.toks[i].text == ":"), None)
        if colon is not None:
            label = "".join(t.text for t in self.toks[first:colon]).replace(".", "")
            # "ACHTERBERG:" in capitals is "Achterberg:"
            self.speaker = self.speakers.get(label) or self.speakers.get(label.title(), self.speaker)
        elif text_of(self.doc, sent.span.start, sent.span.end).rstrip().endswith("?"):
            self.speaker = None

    def _narrator(self, persons: list[Span]) -> Span | None:
        """The author of a first-person piece with no questions in it (a tribute "By Eliot
        Brandt"): a line near the top that is only "By" and a name. Their "I" is not the subject's."""
        if re.search(r"\?[^\S\n]*(\n|$)", doc_text(self.doc)):
            return None  # an interview: "I" in its answers is the one answering
        for p in persons[:6]:
            if p.start > 0 and self.toks[p.start - 1].text == "By" and self._at_line_start(p.start - 1) \
                    and (p.end == len(self.doc) or "\n" in self.toks[p.end].text or self._at_line_start(p.end)):
                return p
        return None

    def _quoted_tokens(self) -> set[int]:
        """The tokens inside quotation marks: what someone said, not what the author writes."""
        return {t.i for t, quoted in self._quote_states(0, len(self.doc)) if quoted}

    def _quote_states(self, start: int, end: int) -> Iterator[tuple[Token, bool]]:
        """Each token from start to end other than a quotation mark, and whether it is inside quotes."""
        quoted = False
        for t in self.toks[start:end]:
            if t.is_quote and t.text not in {"'", "’"}:
                quoted = t.text in {"“", "«"} or (t.text == '"' and not quoted)
            else:
                yield t, quoted

    def _speaks(self, start: int, end: int) -> bool:
        """The paragraph says "I" or "you" outside quotes (a Q&A answer or question): the names
        it opens sentences with are people talked about, not whom the next paragraphs are about."""
        return any(not quoted and (t.lower_ in FIRST_PERSON or t.lower_ in SECOND_PERSON)
                   for t, quoted in self._quote_states(start, end))

    def _fronted(self, sent: _Sentence) -> Span | None:
        """The person a sentence is about after a short opener: "Since then Chaudhry has become
        …", "In 2019, Ruiz moved …", "Paris-based Ruiz holds …" (before the name only small
        words, numbers, commas and hyphens), or after an opening clause and its comma."""
        start = self._first_word(sent)
        person = sent.persons[0] if sent.persons else None
        if person is None or person.end >= sent.span.end \
                or not (self.toks[person.end].is_lower and self.toks[person.end].is_alpha):
            return None
        if self.toks[person.start - 1].text == "," and person.start - start <= FRONTED_CLAUSE \
                and not any(t.lower_ in PRONOUNS or t.text in {";", ":"} for t in self.toks[start:person.start]):
            return person  # after a clause: "Born in Valparaíso and raised in Queens, Ibarra-Lund received …"
        if not 0 < person.start - start <= 3:
            return None
        before = self.toks[start + 1:person.start]
        if self.toks[start].lower_ in PRONOUNS or not all(
                (t.is_lower and t.lower_ not in PRONOUNS) or t.like_num or t.text in {",", "-"} for t in before):
            return None
        return person

    def _after_label(self, sent: _Sentence) -> int:
        """Where the sentence's words start, after a short label ("About the director: X is ...")."""
        start = sent.span.start
        colon = next((i for i in range(start, min(start + 5, sent.span.end)) if self.toks[i].text == ":"), None)
        return start if colon is None else colon + 1

    def _named_as_complement(self, sent: _Sentence, person: Span) -> bool:
        """"My mentor, without question, is Desmond Achebe-Walsh.": the next "he" is Desmond."""
        end = sent.span.end
        while end > person.end and (self.toks[end - 1].is_punct or self.toks[end - 1].is_space):
            end -= 1
        return end == person.end and person.start > sent.span.start \
            and self.toks[person.start - 1].lower_ in {"is", "was"}

    def _pronoun(self, word: str, sent: _Sentence, at: int) -> Span | str:
        """"I" is the article's subject; "she"/"he" the paragraph's topic, else the subject, except
        beside an "I" ("which he directed and I produced") or when the text rarely uses it ("he"
        in a piece about a woman): then the person named last before."""
        if word in FIRST_PERSON:
            if self.narrator is not None and at not in self.quoted:
                return self.narrator
            return SUBJECT if self.speaker is None else self.speaker
        if self.topic is not None and word not in self.others:
            if self._not_the_topic(word, sent, at):
                if (gender := _gender(word)) is not None:
                    self.genders.setdefault(self.topic.text, 1 - gender)
                return self.before_opener
            gender = _gender(word)
            known = self.genders.setdefault(self.topic.text, gender)
            if known is None or known == gender:
                return self.topic
            return SUBJECT  # "Chaudhry … his edit. … she directed": not the topic
        if self.section is not None and word not in self.others:  # a new paragraph of a section's bio
            gender = _gender(word)
            if self.genders.get(self.section.text, gender) == gender:
                return self.section
        if word in self.others or any(w in FIRST_PERSON for _, w in self._pronouns(sent)):
            before = [p for p in sent.persons if p.end <= at]
            other = before[-1] if before else self.last_person
            if other is not None:
                return other
        return SUBJECT

    def _not_the_topic(self, word: str, sent: _Sentence, at: int) -> bool:
        """The pronoun stands beside the topic this sentence named, so it is someone else: the doer
        of a second clause ("Moorhouse directed it and she edited it") or an object
        ("Farrow-Banks hired her as script supervisor")."""
        if not sent.span.start <= self.topic.start < at:
            return False
        if word in {"her", "him"} and at + 1 < len(self.toks) and self.toks[at + 1].lower_ in {"as", "to"}:
            return self.toks[at - 1].is_lower and self.toks[at - 1].lower_.endswith("ed")
        doing = any(v.start == self.topic.end for v in sent.verbs)
        return doing and self.toks[at - 1].lower_ in {"and", "but", "while"}

    # ---- helpers -------------------------------------------------------------------------
    def _ref(self, span: Span | None) -> Ref | None:
        return None if span is None else Ref.of(span, self.offset)

    def _evidence(self, sent: _Sentence) -> tuple[int, int]:
        """The sentence's characters without the white space around it."""
        span = sent.span
        first, last = span.start, span.end - 1
        while first <= last and self.toks[first].is_space:
            first += 1
        while last >= first and self.toks[last].is_space:
            last -= 1
        if first > last:  # only white space
            first, last = span.start, span.end - 1
        return self.toks[first].idx + self.offset, self.toks[last].idx + len(self.toks[last]) + self.offset

    def _pronouns(self, sent: _Sentence) -> list[tuple[int, str]]:
        """Positions of the sentence's personal pronouns, found once per sentence."""
        if sent.pronouns is None:
            sent.pronouns = [(t.i, t.lower_) for t in self.toks[sent.span.start:sent.span.end]
                             if t.lower_ in PRONOUNS or t.lower_ in OTHERS and not (
                                 t.i + 1 < len(self.toks) and self.toks[t.i + 1].text == "-")]  # "one-year"
        return sent.pronouns

    def _past_leader(self, i: int, end: int) -> int:
        """Past the dots or tab that join a label to its names in a credit block
        ("Editor ........ A", "Editor<TAB>A")."""
        while i < end and is_leader(self.toks[i]):
            i += 1
        return i

    def _in_parens(self, span: Span) -> bool:
        """The span is inside brackets: "(“A”)", "(A, B)"."""
        sent_start = self.starts[bisect_right(self.starts, span.start) - 1]
        for i in range(span.start - 1, max(sent_start, span.start - 20) - 1, -1):
            if self.toks[i].text in {"(", ")"}:
                return self.toks[i].text == "("
        return False

    def _fact(self, sent: _Sentence, agent: Span | str, rule: str, **kw) -> Fact:
        ref = agent if isinstance(agent, str) else self._ref(agent)
        last = self.last_film
        scene = self._ref(last) if last is not None and last.start >= self.line_start else None
        return Fact(kind=kw.pop("kind", "credit"), agent=ref, rule=rule, sentence=self._evidence(sent), scene=scene,
                    **kw)

    def _agent(self, sent: _Sentence, at: int, taken: set[int]) -> Span | str | None:
        """Who does the thing at token `at`: the nearest person or personal pronoun before it,
        else the first after it; a pronoun stands for the article's subject."""
        cands: list[tuple[int, Span | str]] = [
            (p.start, p) for p in sent.persons if p.start not in taken
            and not (p.start > 0 and self.toks[p.start - 1].lower_ in NOT_AGENT_BEFORE)]
        cands += [(i, self._pronoun(w, sent, i) if w in PRONOUNS else None) for i, w in self._pronouns(sent)]
        before = [c for c in cands if c[0] < at]
        after = [c for c in cands if c[0] > at]
        outside = [c for c in before if not self._in_aside(sent, c[0], at)]
        if before:
            return max(outside or before, key=lambda c: c[0])[1]
        if after:
            return min(after, key=lambda c: c[0])[1]
        return None

    def _in_aside(self, sent: _Sentence, i: int, at: int) -> bool:
        """Token i is inside a relative clause between commas that closes before `at`: "X, whom
        she met in Busan, shot Y" (X shot it, not she)."""
        opener = next((j for j in range(i - 1, max(sent.span.start, i - 4), -1)
                       if self.toks[j].lower_ in {"who", "whom", "whose", "which"}), None)
        return opener is not None and self.toks[opener - 1].text == "," \
            and any(self.toks[j].text == "," for j in range(i + 1, at))

    def _listed(self, sent: _Sentence, start: int) -> list[Span]:
        """People listed from token `start` on: "A, B and C", brackets and a lower-case word
        before a name ("newcomer Heather Gold") allowed; the list may open with a short
        description ("by his older sister, Priya Mehta", "by my classmate Ruth Okonjo")."""
        by_start = {p.start: p for p in sent.persons}
        verbs = {v.start for v in sent.verbs}  # "directed by X and starring Y": the list ends at "starring"
        out, i, end = [], start, sent.span.end
        lead = next((j for j in range(start, min(end, start + 7)) if j in by_start), None)
        if lead is not None and all(t.is_lower or t.text == "," or t.lower_ in PRONOUNS or t.is_title
                                    for t in self.doc[start:lead]) and (
                self.toks[start].lower_ in DESCRIBERS and lead - start < 5 or self._award_label(start, lead)):
            i = lead
        while i < end:
            tok = self.toks[i]
            if i in by_start:
                if by_start[i].end < end and self.toks[by_start[i].end].text in {"'s", "’s"}:
                    break  # "by Noor Haddad, Omar Haddad-Lennox's sister", "featuring Clancy's hero"
                if out and (self._opens_clause(by_start[i], end) or self._with_doing(by_start[i], end)
                            or self._own_role(sent, by_start[i])):
                    break  # "created by A, and Okafor served as ...", "by A, with B serving as ...", "B (DP)"
                out.append(by_start[i])
                i = by_start[i].end
            elif tok.lower_ == "as" and out and i in {out[-1].end, self._after_bracket(out[-1].end, end)} \
                    and self._character_end(i, end) > i + 1:
                i = self._character_end(i, end)  # "starred A as Helen, B as Menelaus and C"
            elif tok.text == "(":
                close = next((j for j in range(i, end) if self.toks[j].text == ")"), None)
                if close is None:
                    break
                i = close + 1
            elif i in verbs:
                break
            elif tok.lower_ in LIST_GLUE or (tok.is_lower and tok.is_alpha and i + 1 in by_start
                                             and tok.lower_ not in CLAUSE_WORDS):
                i += 1
            else:
                break
        return out

    def _award_label(self, start: int, lead: int) -> bool:
        """Capitalised words and one lower-case noun before a name: "from Sundance Grand Jury
        Prize winner Mei-lin Tsao", "by Oscar nominee X"."""
        toks = self.toks
        return lead - start >= 2 and toks[lead - 1].is_lower and toks[lead - 1].is_alpha \
            and all(t.is_title for t in toks[start:lead - 1])

    def _and_by(self, sent: _Sentence, verb: Span, start: int) -> list[Span]:
        """A second agent phrase of the same verb: "produced by A for X and by B for Y"."""
        stop = next((v.start for v in sent.verbs if v.start > verb.start), sent.span.end)
        j = next((j for j in range(start + 1, stop) if self.toks[j].lower_ == "by"
                  and self.toks[j - 1].lower_ == "and"), None)
        return [] if j is None else self._listed(sent, j + 1)

    def _with_doing(self, person: Span, end: int) -> bool:
        """"with B serving as executive producer": B does something else."""
        return self.toks[person.start - 1].lower_ == "with" and person.end < end and \
            self.toks[person.end].is_lower and self.toks[person.end].lower_.endswith("ing")

    def _own_role(self, sent: _Sentence, person: Span) -> bool:
        """A bracket with a role follows the person: "A film by A, with B (DP) and C (1st AD)"."""
        return person.end + 1 < sent.span.end and self.toks[person.end].text == "(" \
            and any(r.start == person.end + 1 for r in sent.roles)

    def _opens_clause(self, person: Span, end: int) -> bool:
        """The person after "and" is the subject of a new clause: a verb in the past or a
        helper verb follows ("and Okafor served", "and Lee has")."""
        if self.toks[person.start - 1].lower_ not in {"and", "&"} or person.end >= end:
            return False
        nxt = self.toks[person.end]
        return nxt.is_lower and nxt.is_alpha and (nxt.lower_ in CLAUSE_VERBS or nxt.lower_.endswith("ed"))

    def _after_bracket(self, i: int, end: int) -> int:
        """Past a bracket opening at token i ("A (Harrow Street) as the star"), else i."""
        if i >= end or self.toks[i].text != "(":
            return i
        return next((j + 1 for j in range(i, min(end, i + 20)) if self.toks[j].text == ")"), i)

    def _character_end(self, i: int, end: int) -> int:
        """End of the part a listed actor plays: "as Helen", "as Vice Admiral James Greer",
        "as a young nurse", up to the next comma, "and" or bracket (not "as well as")."""
        if i + 1 >= end or self.toks[i + 1].lower_ == "well":
            return i
        j = i + 1
        while j < end and j - i <= 8 and self.toks[j].lower_ not in {",", "and", ";", "(", ")", "."}:
            j += 1
        return j if j - i <= 8 else i

    def _paren_films(self, sent: _Sentence, person: Span) -> list[Span]:
        """Films in brackets right after a person: "X (“A”)" or "X, (“A”)"."""
        i = person.end
        if i < sent.span.end and self.toks[i].text == ",":
            i += 1
        if i >= sent.span.end or self.toks[i].text != "(":
            return []
        close = next((j for j in range(i, sent.span.end) if self.toks[j].text == ")"), sent.span.end)
        return [f for f in sent.films if i < f.start < close]

    def _context_film(self, sent: _Sentence, at: int) -> Span | None:
        """The film a "directed by" or "stars" phrase talks about: the nearest one before it in
        the sentence; in a sentence that opens with the credit ("Directed by X and produced by
        Y, “Film” follows ...") the first one after it; else the last one mentioned when the
        sentence is a bare credit line or refers back to a film ("the film stars X")."""
        before = [f for f in sent.films if f.end <= at and not self._in_parens(f)]
        if before:
            return before[-1]
        if self.last_heading is not None and at > sent.span.start and self.toks[at - 1].text == "|" and not sent.films:
            return self.last_heading  # "USA | 2024 | 19 min | Director: X" under the film's heading
        lead = [t for t in self.toks[sent.span.start:at] if not t.is_space and not t.is_punct]
        opening = not lead or self._credit_line(sent)
        if opening:  # not a film in a relative clause: "Cinematographer A, who also shot X, …"
            after = [f for f in sent.films if f.start > at and not self._in_parens(f) and not self._in_relative(at, f)]
            if after and not self._credit_line(sent, strict=True):
                return after[0]
            if self.last_heading is not None and self._credit_line(sent, strict=True):
                return self.last_heading  # "Director: X | Editor: Y" under an entry's heading
            return self.last_film
        if any(t.lower_ in FILM_REFERENCES and not (k and lead[k - 1].lower_ in {"new", "next", "another"})
               for k, t in enumerate(lead)):
            return self.last_film  # "the film stars X", not "her new project with X"
        return None

    def _credit_line(self, sent: _Sentence, strict: bool = False) -> bool:
        """The sentence opens with a credit ("Directed by", "DP:"); strict: it is only credits,
        the kind of line a programme prints under a film's title ("Directed by A | Written by B")."""
        first = self._first_word(sent)
        opens = any(s.start == first for s in sent.roles + sent.verbs)
        if not strict:
            return opens
        return opens and any(t.text in {"|", ":", "."} for t in self.toks[sent.span.start:sent.span.end]) and not sent.films

    # ---- credits -------------------------------------------------------------------------
    def _credits(self, sent: _Sentence) -> list[Fact]:
        if not (sent.roles or sent.verbs or (sent.films and sent.persons)):
            # "Filmography: X (2024); Y (2021)", "Her debut feature, “X,” premiered …"
            return self._filmography_roles(sent) + self._own_work(sent)
        # passive phrases ("directed by X") describe a film inside a longer credit; they do
        # not end the stretch of films that belongs to the role before them
        # nor does a verb in a relative clause ("X (2019), which he also co-produced; Y (2022)")
        triggers = sorted([(s.start, s.end) for s in sent.roles]
                          + [(v.start, v.end) for v in sent.verbs if self._mode(sent, v) == "active"
                             and not self._relative_clause(sent, v)])
        taken: set[int] = set()
        credited: list[tuple[Span, str]] = []
        out, shared = self._partner_credits(sent, taken)
        for verb in self._passive_first(sent):
            if verb.start not in shared:
                out += self._verb_credit(sent, verb, triggers, taken, credited)
        for group in self._role_groups(sent):
            out += self._noun_credit(sent, group, triggers, taken, credited)
        out += self._possessive_credits(sent) + self._own_work(sent)
        out += self._filmography_roles(sent)
        for person, role in credited:
            for film in self._paren_films(sent, person):
                out.append(self._fact(sent, person, "credit:paren", role=role, film=self._ref(film)))
        return out

    def _filmography_roles(self, sent: _Sentence) -> list[Fact]:
        """"Selected filmography: The Kite Market (2019, short, director)": the roles in a bracket
        right after a title, with nobody named in it, are those of the person the text is about.
        On a line labelled "Filmography" a title with no role in its bracket takes the label's
        ("Filmography (as editor): X (2018)"), else that person's own role; so does a line of
        the list under such a heading that names no role ("Ash Meadow, 2019")."""
        if not sent.films:
            return []
        out = []
        label = self._filmography_label(sent)
        for film in sent.films:
            if film.end >= sent.span.end or self.toks[film.end].text != "(":
                if film.id_ == "film:filmography":
                    out.append(self._fact(sent, self._about(), "credit:filmography", role=OWN_ROLE,
                                          film=self._ref(film)))
                continue
            close = next((j for j in range(film.end, min(sent.span.end, film.end + 12))
                          if self.toks[j].text == ")"), None)
            if close is None or any(film.end < p.start < close for p in sent.persons):
                continue
            roles = [r.label_ for r in sent.roles if film.end < r.start < close]
            if not roles and label is not None and film.start > label[1]:
                roles = label[0]
            out += [self._fact(sent, self._about(), "credit:filmography", role=r, film=self._ref(film)) for r in roles]
        return out

    def _filmography_label(self, sent: _Sentence) -> tuple[list[str], int] | None:
        """The roles a "Filmography:" label opening the sentence gives ("Filmography (as director):"
        -> director; none named -> the person's own role), and where the label ends."""
        first = self._first_word(sent)
        colon = next((j for j in range(first, min(sent.span.end, first + 8))
                      if self.toks[j].text in {":", "):"}), None)  # "):" is one token
        if colon is None or not any(t.lower_ == "filmography" for t in self.doc[first:colon]):
            return None
        return [r.label_ for r in sent.roles if r.start < colon] or [OWN_ROLE], colon

    def _about(self) -> Span | str:
        """Who the text is about here: the paragraph's topic, else an earlier one's, else the subject."""
        return self.topic or self.last_topic or SUBJECT

    def _partner_credits(self, sent: _Sentence, taken: set[int]) -> tuple[list[Fact], set[int]]:
        """"I starred opposite A and B in X", "he worked alongside A on X": the doer and the
        people named share the film, in the partner phrase's role or, where it names none, the
        role of the credit verb before it. Also the starts of the phrases so read."""
        out, shared = [], set()
        for phrase in sent.partners:
            people = self._listed(sent, phrase.end)
            film = self._film_after(sent, people[-1].end) if people else None
            role = phrase.label_ if phrase.label_ != OWN_ROLE else self._role_before(sent, phrase.start)
            if film is None or role is None:
                continue
            shared.add(phrase.start)
            verb = next((v for v in reversed(sent.verbs) if v.end <= phrase.start), phrase)
            agent = self._agent(sent, verb.start, {p.start for p in people})  # who did the verb
            taken.update(p.start for p in people)
            for person in ([agent] if agent is not None else []) + people:
                out.append(self._fact(sent, person, "credit:partner", role=role, film=self._ref(film)))
        return out, shared

    def _in_relative(self, at: int, film: Span) -> bool:
        """The film is inside a relative clause opened after token `at` and not yet closed by a
        comma: "A, who also shot X,", "A, who worked with B on her debut, X," (but not "A, who
        worked on X, is also aboard Y")."""
        words = [t.text.lower() for t in self.toks[at:film.start]]
        opener = max((k for k, w in enumerate(words) if w in {"who", "whose"}), default=None)
        if opener is None:
            return False
        clause = words[opener:]
        while clause and (clause[-1] == "," or clause[-1] in OPEN_QUOTES):
            clause.pop()  # the comma of an apposition right before the film: "her debut, “X”"
        return "," not in clause

    def _film_after(self, sent: _Sentence, i: int) -> Span | None:
        """The film of "in X", "on X", "in the 2009 film X" at token i."""
        if i >= sent.span.end or self.toks[i].lower_ not in {"in", "on"}:
            return None
        film = next((f for f in sent.films if f.start > i), None)
        if film is None or film.start - i > 7 or any(
                t.is_punct and not t.is_quote for t in self.doc[i + 1:film.start]):
            return None
        return film

    def _for_role(self, role: Span) -> bool:
        """The role follows "for (the)": "for the director X"."""
        i = role.start - 1
        if i > 0 and self.toks[i].lower_ in {"the", "a"}:
            i -= 1
        return i >= 0 and self.toks[i].lower_ == "for"

    def _film_run(self, sent: _Sentence, film: Span) -> list[Span]:
        """The films listed together ending with `film`: "A (1994), B and C (2002)"."""
        ends = {f.end: f for f in sent.films}
        run, i = [film], film.start - 1
        while i > sent.span.start:
            tok = self.toks[i]
            if tok.text == ")":
                i = next((j for j in range(i, sent.span.start, -1) if self.toks[j].text == "("), sent.span.start) - 1
            elif tok.lower_ in {",", "and"} or tok.is_quote:
                i -= 1
            elif i + 1 in ends and ends[i + 1] is not run[0]:
                run.insert(0, ends[i + 1])
                i = run[0].start - 1
            else:
                break
        return run

    def _credit_as_film(self, sent: _Sentence, first: Span, last: Span) -> Span | None:
        """The film of "(his first) credit as ROLE came (in 1971) with/on X": the next film,
        within a few words, right after "on", "with", "in" or "was"."""
        i = first.start - 1
        if i > sent.span.start and self.toks[i].lower_ in {"a", "an"}:
            i -= 1
        if i <= sent.span.start or self.toks[i].lower_ != "as" or self.toks[i - 1].lower_ not in CREDIT_WORDS:
            return None
        film = next((f for f in sent.films if f.start > last.end), None)
        if film is None or film.start - last.end > 8 or any(last.end <= r.start < film.start for r in sent.roles):
            return None
        j = film.start - 1
        while j > last.end and self.toks[j].is_quote:
            j -= 1
        return film if self.toks[j].lower_ in {"on", "with", "in", "was"} else None

    def _role_before(self, sent: _Sentence, at: int) -> str | None:
        """The role of the nearest credit verb before token `at` that names one."""
        verbs = [v for v in sent.verbs if v.end <= at and v.label_ != OWN_ROLE]
        return verbs[-1].label_ if verbs else None

    def _passive_first(self, sent: _Sentence) -> list[Span]:
        """Verbs that take their people after them come first, so the people they name are
        not taken as the doers of other phrases in the sentence."""
        return sorted(sent.verbs, key=lambda v: (self._mode(sent, v) == "active", v.start))

    def _mode(self, sent: _Sentence, verb: Span) -> str:
        kind = verb.id_.split(":")[1]
        if kind not in {"active", "character"}:
            return kind
        i = verb.end
        while i < sent.span.end and (self.toks[i].lower_ in {"and", ",", "&"} or any(
                v.start == i for v in sent.verbs)):
            nxt = next((v for v in sent.verbs if v.start == i), None)
            i = nxt.end if nxt else i + 1
        return "passive" if i < sent.span.end and self.toks[i].lower_ == "by" else "active"

    def _segment_films(self, sent: _Sentence, triggers, start: int) -> list[Span]:
        """Films from token `start` up to the next role word or active verb, brackets left out."""
        end = next((s for s, _ in triggers if s >= start), sent.span.end)
        films = [f for f in sent.films if start <= f.start < end and not self._in_parens(f)]
        semi = next((i for i in range(start, films[0].start) if self.toks[i].text == ";"), None) if films else None
        if semi is not None and any(t.is_alpha and t.text[0].isupper() for t in self.doc[start:semi]):
            return []  # the object was something else: "To Star In Kwan's Comedy; Peacock Orders 'Saltmarsh'"
        return films

    def _verb_credit(self, sent, verb, triggers, taken, credited) -> list[Fact]:
        mode, role = self._mode(sent, verb), verb.label_
        if mode in {"passive", "starring"}:
            start = verb.end
            if mode == "passive" and not verb.text.lower().endswith(("by", ":", ".", " of", " from")):  # "dir. X"
                while start < sent.span.end and self.toks[start].lower_ != "by":
                    start += 1
                start += 1
            start = self._past_leader(start, sent.span.end)  # "Directed by ...... X"
            verb_at = {v.start: v for v in sent.verbs}
            if start + 1 < sent.span.end and self.toks[start].lower_ == "and" and start + 1 in verb_at:
                start = verb_at[start + 1].end  # "written by and starring X": X did both
            film = self._context_film(sent, verb.start)
            if film is None and mode == "starring" and not any(not self._in_parens(f) for f in sent.films):
                film = self.last_film  # "I played the sister, opposite X": the film just talked about
            rule = "credit:by" if mode == "passive" else "credit:starring"
            films = self._film_run(sent, film) if film is not None and self._both(verb) else [film]
            out = []
            for p in self._listed(sent, start) + self._and_by(sent, verb, start):
                taken.add(p.start)
                credited.append((p, role))
                out += [self._fact(sent, p, rule, role=role, film=self._ref(f)) for f in films]
            return out
        if verb.start > sent.span.start and self.toks[verb.start - 1].lower_ in {"which", "that"}:
            return []  # "a drama that shot last year": the film is what the verb is about
        films = self._relative_film(sent, verb) if self._relative_clause(sent, verb) else []
        if not films:  # not "“Ruin Bar” (2019), which he also co-produced; ..."
            films = (self._segment_films(sent, triggers, self._chain_end(sent, verb))
                     or self._relative_film(sent, verb) or self._film_it(sent, verb) or self._films_below(sent, verb))
        if films and verb.id_ == "verb:character" and self._played_object(verb, films[0]):
            return []  # "she played Neil Young’s “Harvest Moon”": a record or a screening, not a part
        shared = None if films else self._participle_film(sent, verb)
        if shared is not None:  # "THE DRUMMER'S SON, co-directed with Abena Owusu, ..."
            partners = [self._about(), *self._verb_partners(sent, verb)]
            credited += [(a, role) for a in partners if not isinstance(a, str)]
            return [self._fact(sent, a, "credit:verb", role=role, film=self._ref(shared)) for a in partners]
        rule = "credit:verb"
        if not films:
            films, rule = self._project_film(sent, verb), "credit:project"
        objects = self._objects(sent, verb) if role == "director" and not films else []
        if not films and not objects:
            return []
        pair = self._pair_agent(sent, verb)
        agent = pair[0] if pair else (self._with_doer(sent, verb) or self._relative_doer(sent, verb)
                                      or self._agent(sent, verb.start, taken) or self._list_owner(verb))
        if agent is None or rule == "credit:project" and not isinstance(agent, str) and agent.start > verb.start:
            return []  # "will direct the pilot alongside A": A is no director
        partners = [agent, *pair[1:], *self._partners(sent, films[-1]), *self._verb_partners(sent, verb)] \
            if films else [agent, *pair[1:]]
        if not isinstance(agent, str) and agent.end <= verb.start and self._joined_before(sent, agent):
            partners = self._listed_before(sent, agent) + partners  # "A (Film) and B are set to star in Z"
        credited += [(a, role) for a in partners if not isinstance(a, str)]
        return [self._fact(sent, a, rule, role=role, film=self._ref(f)) for a in partners for f in films] + [
            self._fact(sent, agent, "credit:verb-object", role=r) for r in objects]

    def _both(self, verb: Span) -> bool:
        """"A and B, both directed by X": the credit is for every film listed before."""
        return verb.start > 1 and self.toks[verb.start - 1].lower_ in {"both", "all"} \
            and self.toks[verb.start - 2].text in {",", "”", '"'}  # "“A” and “B,” both directed by"

    def _films_below(self, sent: _Sentence, verb: Span) -> list[Span]:
        """The films listed one to a line under a line that ends in the verb and a colon ("Her
        producing credits include:" / "Dry County (1988)" / ...)."""
        end = verb.end if verb.end < sent.span.end and self.toks[verb.end].text == ":" else verb.end - 1
        if self.toks[end].text != ":" or not all(t.is_space for t in self.toks[end + 1:sent.span.end]):
            return []
        out = []
        for below in self.sentences[self.sentences.index(sent) + 1:]:
            line = [f for f in below.films if f.start == self._first_word(below) and self._whole_line(f)]
            if not line:
                break
            out.append(line[0])
        return out

    def _pair_agent(self, sent: _Sentence, verb: Span) -> tuple[Span, ...]:
        """"The pair, who run a New York company, produced X": the two people last named as "A
        and B" (no one else is named before the verb)."""
        first = self._first_word(sent)
        if self.pair is None or verb.start <= first + 1 or self.toks[first].lower_ != "the" \
                or self.toks[first + 1].lower_ not in PAIR_WORDS or any(p.start < verb.start for p in sent.persons):
            return ()
        return self.pair

    def _played_object(self, verb: Span, film: Span) -> bool:
        """The title is what "played" acts on (a part is played in a film): only an owner's
        name and quotes stand between them."""
        return film.start >= verb.end and all(t.is_title or t.lower_ in {"'s", "’s"} or t.is_quote
                                              for t in self.toks[verb.end:film.start])

    def _list_owner(self, verb: Span) -> Span | str | None:
        """"Notable film scores include X, Y": a list with nobody named in its sentence belongs
        to the person the paragraph is about, else the article's subject (not a list of "its"
        or "their" credits)."""
        if not verb.text.lower().split()[-1].startswith(LIST_WORDS):
            return None
        if verb.start > 0 and self.toks[verb.start - 1].lower_ in {"its", "their"}:
            return None  # "About Killer Films ... Its credits include X": a company's list
        return self.topic if self.topic is not None else SUBJECT

    def _partners(self, sent: _Sentence, film: Span) -> list[Span]:
        """"I co-produced “Second Harvest” with Desmond": who shares the credit."""
        i = film.end
        while i < sent.span.end and self.toks[i].text in {"”", '"', "’", ","}:
            i += 1
        return self._with_list(sent, i)

    def _verb_partners(self, sent: _Sentence, verb: Span) -> list[Span]:
        """"“Low Water”, which I co-directed with my partner, Deshawn Pruitt", "I produced it
        alongside A", "wrote the screenplay with A": who shares it."""
        i = self._chain_end(sent, verb)
        if i + 2 < sent.span.end and self.toks[i].lower_ == "the" and self.toks[i + 1].lower_ in FILM_REFERENCES:
            i += 2  # "wrote the screenplay with A"
        elif i + 1 < sent.span.end and self.toks[i].lower_ == "it":
            i += 1
        return self._with_list(sent, i)

    def _with_list(self, sent: _Sentence, i: int) -> list[Span]:
        """The people listed after "with" at token i, not those doing something else ("with A directing")."""
        if i >= sent.span.end or self.toks[i].lower_ not in {"with", "alongside"}:
            return []
        verb_starts = {v.start for v in sent.verbs}
        role_after_as = {r.start - 1 for r in sent.roles} | {r.start - 2 for r in sent.roles}
        return [p for p in self._listed(sent, i + 1) if p.end not in verb_starts
                and not (p.end in role_after_as and self.toks[p.end].lower_ == "as")]

    def _objects(self, sent: _Sentence, verb: Span) -> list[str]:
        """Roles from what is directed: "directed commercials and music videos"."""
        by_start = {o.start: o for o in sent.objects}
        i, skipped, roles = verb.end, 0, []
        while i < sent.span.end:
            if i in by_start:
                roles.append(by_start[i].label_)
                i = by_start[i].end
            elif self.toks[i].lower_ in {",", "and", "&"} and roles:
                i += 1
            elif self.toks[i].is_lower and self.toks[i].is_alpha and skipped < 2 and not roles:
                i, skipped = i + 1, skipped + 1
            else:
                break
        return roles

    def _participle_film(self, sent: _Sentence, verb: Span) -> Span | None:
        """"X, co-directed with A, ...": the film right before the verb and a comma, when "with"
        and a person follow it (the doer is the person the text is about)."""
        end = verb.start  # back over “X,” or X,
        while end > sent.span.start and self.toks[end - 1].is_quote:
            end -= 1
        if end - 1 <= sent.span.start or self.toks[end - 1].text != "," or not self._verb_partners(sent, verb):
            return None
        end -= 1
        while end > sent.span.start and self.toks[end - 1].is_quote:
            end -= 1
        return next((f for f in sent.films if f.end == end and not self._in_parens(f)), None)

    def _film_it(self, sent: _Sentence, verb: Span) -> list[Span]:
        """"we made a short called “X”. I wrote and directed it": "it" is the film named last
        before the verb (in this sentence, or with none here, before it); "both" and "them" are
        the films named before the verb."""
        end = self._chain_end(sent, verb)
        word = self.toks[end].lower_ if end < sent.span.end else ""
        if word == "it" or (word == "the" and end + 1 < sent.span.end and self.toks[end + 1].lower_ in FILM_REFERENCES):
            return self._named_last(sent, verb.start)  # "it", "the film", "the score": the film named last
        before = [f for f in sent.films if f.end <= verb.start and not self._in_parens(f)]
        if word in {"both", "them"}:  # "she wrote “A” and “B”, and he has edited both"
            return before[-2:] if word == "both" else before
        return []

    def _named_last(self, sent: _Sentence, at: int) -> list[Span]:
        """The film named last before token `at`: in this sentence, or with none here, before it."""
        before = [f for f in sent.films if f.end <= at and not self._in_parens(f)]
        main = [f for f in sent.films if not (self._in_parens(f) or self._aside_film(sent, f))]
        return before[-1:] or ([self.last_film] if self.last_film and not main else [])

    def _aside_film(self, sent: _Sentence, film: Span) -> bool:
        """A film named in passing, in a relative clause about someone: "I produced it with A, who
        also produced “X”" (not when the clause is the news: "Then there's A, who ... for “X”")."""
        first = self._first_word(sent)
        presents = any(t.lower_ == "there" for t in self.toks[first:first + 3])
        return not presents and self._in_relative(sent.span.start, film)

    def _keeps_film(self, sent: _Sentence) -> bool:
        """A sentence about "it" keeps the film talked about, whatever films it mentions: "It's
        the feature I wanted to make out of “X”" (unless it names it: "It's called “Y”")."""
        first = self._first_word(sent)
        if self.last_film is None or first >= sent.span.end:
            return False
        if self.toks[first].lower_ != "it":  # "I produced it with A, who also produced “X”"
            return all(self._aside_film(sent, f) for f in sent.films if not self._in_parens(f))
        return not any(self.toks[j].lower_ in NAMING_WORDS for f in sent.films
                       for j in range(max(sent.span.start, f.start - 2), f.start))

    def _film_back(self, sent: _Sentence, i: int, at: int) -> list[Span]:
        """"and I was the 1st AD on that.", "The UPM on that show, A,": "that", "it" or "that
        show" ending the clause is the film named last before token `at`."""
        j = self._that_film_end(sent, i)
        if j is None or not (j >= sent.span.end or self.toks[j].is_punct):
            return []
        return self._named_last(sent, at)

    def _that_film_end(self, sent: _Sentence, i: int) -> int | None:
        """Where "that", "it" or "that/this film" at token i ends."""
        if i >= sent.span.end or self.toks[i].lower_ not in {"that", "it", "this"}:
            return None
        if i + 1 < sent.span.end and self.toks[i].lower_ != "it" and self.toks[i + 1].lower_ in FILM_WORDS:
            return i + 2
        return i + 1 if self.toks[i].lower_ != "this" else None

    def _project_film(self, sent: _Sentence, verb: Span) -> list[Span]:
        """The film being talked about, for a role stated with no object: "A and B will executive
        produce.", "with A producing alongside the studio"."""
        end = self._chain_end(sent, verb)
        named = any(p.end == verb.start for p in sent.persons) or self.toks[verb.start - 1].lower_ in {"she", "he"}
        if verb.text.lower() in PRESENT_PARTS and named and self.last_film is not None and not sent.films \
                and end < sent.span.end and (self.toks[end].lower_ in ARTICLES | OWNERS or self.toks[end].is_title):
            return [self.last_film]  # "Ray Dumont plays the bartender." in a piece about the film
        if not (end >= sent.span.end or self.toks[end].is_punct or self.toks[end].lower_ in PROJECT_AFTER
                or self._part_of_project(sent, end)):
            return []
        if self._with_doer(sent, verb):  # "she starred in X with A directing"
            return self._named_last(sent, verb.start)
        named = any(not self._in_parens(f) for f in sent.films)  # "A (“X”) will star": X is not the project
        return [self.last_film] if self._of_project(sent, verb, end) and self.last_film and not named else []

    def _of_project(self, sent: _Sentence, verb: Span, end: int) -> bool:
        """The verb tells of the project at hand, not of a past work: "A and B will produce", "are
        set to star", "A is line producing", "Dara directed again" (the film just named), "A directs
        from a script", "a script she co-wrote with B"."""
        aux = self.toks[verb.start - 1].lower_ if verb.start > sent.span.start else ""
        after = self.toks[end].lower_ if end < sent.span.end else ""
        return "will" in {aux, verb[0].lower_} or verb[0].lower_ == "set" \
            or aux in {"is", "are", "am", "'m", "’m"} and _ing(verb) \
            or after == "again" \
            or after == "from" and verb[-1].lower_.endswith("s") \
            or verb.start - 2 > sent.span.start and self.toks[verb.start - 2].lower_ in SCRIPT_WORDS \
            and self.toks[verb.start - 1].lower_ in PRONOUNS

    def _part_of_project(self, sent: _Sentence, i: int) -> bool:
        """The object at `i` is a part of the project: "will direct the first block of episodes", "the pilot"."""
        if self.toks[i].lower_ != "the":
            return False
        for t in self.toks[i + 1:min(i + 7, sent.span.end)]:
            if t.lower_ in PROJECT_PARTS:
                return True
            if t.is_punct or not t.is_lower:
                return False
        return False

    def _relative_clause(self, sent: _Sentence, verb: Span) -> bool:
        """"which he also co-produced": the verb describes the film just named."""
        i = verb.start
        while i > sent.span.start and (self.toks[i - 1].lower_ in RELATIVE_ADVERBS or self.toks[i - 1].lower_ in PRONOUNS
                                       or self.toks[i - 1].lower_ in OTHERS):
            i -= 1
        if i == verb.start or i - 1 <= sent.span.start:
            return False
        word, before = self.toks[i - 1].lower_, self.toks[i - 2]
        if word == "that":  # "“X,” that he produced", not "Before that I appeared in"
            return before.text in {",", ")", "”", '"'} or any(f.end == i - 1 for f in sent.films)
        return word == "which" and before.lower_ not in PREPOSITIONS  # not "through which he wrote X"

    def _relative_doer(self, sent: _Sentence, verb: Span) -> Span | None:
        """"reteaming with A, who shot her debut X": A, named right before ", who"."""
        i = verb.start
        while i > sent.span.start and self.toks[i - 1].lower_ in RELATIVE_ADVERBS:
            i -= 1
        if i - 2 <= sent.span.start or self.toks[i - 1].lower_ != "who" or self.toks[i - 2].text != ",":
            return None
        return next((p for p in sent.persons if p.end == i - 2), None)

    def _with_doer(self, sent: _Sentence, verb: Span) -> Span | None:
        """"with A producing": A, named right before a verb in -ing after "with"."""
        if not _ing(verb):
            return None
        person = next((p for p in sent.persons if p.end == verb.start), None)
        if person is None or person.start <= sent.span.start or self.toks[person.start - 1].lower_ != "with":
            return None
        return person

    def _chain_end(self, sent: _Sentence, verb: Span) -> int:
        """End of coordinated verbs sharing one object: "wrote, directed and produced X"."""
        by_start = {v.start: v for v in sent.verbs}
        i = verb.end
        while True:
            j = i
            while j < sent.span.end and self.toks[j].lower_ in {",", "and", "&"}:
                j += 1
            if j == i or j not in by_start:
                return i
            i = by_start[j].end

    def _relative_film(self, sent: _Sentence, verb: Span) -> list[Span]:
        """"“Home,” which I wrote and directed": the film right before "which"/"that"."""
        person_ends = {p.end: p.start for p in sent.persons}
        verb_ends = {v.end: v.start for v in sent.verbs}
        i = verb.start
        while i > sent.span.start:
            prev = self.toks[i - 1]
            if prev.lower_ in {"which", "that"}:
                # the film just before, or the one a description after it is about:
                # "“The Orchard Keepers,” a drama directed by X, which Okafor produced"
                before = [f for f in sent.films if f.end <= i - 1]
                return before[-1:]
            if i in person_ends:
                i = person_ends[i]
            elif i in verb_ends:
                i = verb_ends[i]
            elif prev.lower_ in PRONOUNS or prev.lower_ in {"and", "also", "co", "later", "then", ","}:
                i -= 1
            else:
                return []
        return []

    def _possessive_credits(self, sent: _Sentence) -> list[Fact]:
        """A director named before a film: "Oliver Stone's controversial film Natural Born
        Killers", "Spike Lee's “Malcolm X”", "the Zhang Yimou film Coming Home"."""
        person_ends = {p.end: p for p in sent.persons}
        out = []
        for film in sent.films:
            i = film.start
            while i > sent.span.start and self.toks[i - 1].text in {"“", '"', "‘"}:
                i -= 1
            if i - 2 > sent.span.start and self.toks[i - 1].lower_ == "whose" and self.toks[i - 2].text == "," \
                    and i - 2 in person_ends:  # "Agnès Varda, whose “Cléo from 5 to 7” …"
                out.append(self._fact(sent, person_ends[i - 2], "credit:possessive", role="director",
                                      film=self._ref(film)))
                continue
            comma = i > sent.span.start and self.toks[i - 1].text == ","  # "Munro's new feature, “X”"
            i -= comma
            words = 0
            while i > sent.span.start and self.toks[i - 1].is_alpha and self.toks[i - 1].is_lower and words < 4:
                i, words = i - 1, words + 1
            between = {t.lower_ for t in self.toks[i:film.start]}
            if (words or comma) and not between & (FILM_WORDS | {"debut"}):
                continue  # "Oliver Stone's controversial play X" is no film credit; "Spike Lee's X" is
            role = "director"
            if "as" in between:  # "Lee's latest project as editor, X", "Owen's second feature as director, X"
                stated = [r for r in sent.roles if i <= r.start < film.start]
                if not stated:
                    continue
                role = stated[-1].label_
            if i - 1 > sent.span.start and i - 1 in person_ends and (self.toks[i - 1].text in {"'s", "’s"} or (
                    self.toks[i - 1].text in {"'", "’"} and self.toks[i - 2].lower_.endswith("s"))):
                person = person_ends[i - 1]  # "Spike Lee's X", "John Cassavetes' X"
            elif i in person_ends and self.toks[person_ends[i].start - 1].lower_ == "the":
                person = person_ends[i]
            else:
                continue
            out.append(self._fact(sent, person, "credit:possessive", role=role, film=self._ref(film)))
        return out + self._possessive_after(sent)

    def _own_work(self, sent: _Sentence) -> list[Fact]:
        """A film named as one of the person's own works: "Her debut feature, “X,”", "his second,
        “Y”", "my latest film X", "Her next project is “Z”": that person in their own role."""
        out = []
        for film in sent.films:
            i = film.start
            while i > sent.span.start and self.toks[i - 1].text in {"“", '"', "‘", ","}:
                i -= 1
            if i > sent.span.start and self.toks[i - 1].lower_ in {"is", "was"}:
                i -= 1  # "Her next project is “X”"
            words = []
            while i > sent.span.start and self.toks[i - 1].is_alpha and self.toks[i - 1].is_lower and len(words) < 3 \
                    and self.toks[i - 1].lower_ not in OWNERS:
                i -= 1
                words.append(self.toks[i].lower_)
            owner = self.toks[i - 1].lower_ if i > sent.span.start and words else ""
            if owner in {"her", "his", "my"} and any(w in ORDINAL_WORDS for w in words) \
                    and all(w in ORDINAL_WORDS or w in FILM_WORDS - {"it"} or w == "most" for w in words):
                out.append(self._fact(sent, self._pronoun(owner, sent, i - 1), "credit:own-work", role=OWN_ROLE,
                                      film=self._ref(film)))
        return out

    def _possessive_after(self, sent: _Sentence) -> list[Fact]:
        """A director named in an apposition after a film: "“The Quiet Part,” Marguerite
        Oyelaran's first feature, ...", "Harbor, Owen Castellano’s drama about ..."."""
        film_ends = {f.end: f for f in sent.films}
        out = []
        for person in sent.persons:
            i, end = person.end, sent.span.end
            if i >= end or self.toks[i].text not in {"'s", "’s"}:
                continue
            j = i + 1
            while j < end and j - i <= 4 and self.toks[j].is_alpha and self.toks[j].is_lower:
                j += 1
            kind = next((t.i for t in self.toks[i + 1:j] if t.lower_ in FILM_WORDS - {"it"}), None)
            if kind is None or (j < end and self.toks[j].text not in {",", ".", ";", ")"}
                                and self.toks[kind + 1].lower_ not in KIND_FOLLOWERS):
                continue
            k = person.start - 1
            while k > sent.span.start and self.toks[k].text in {",", "”", '"', "’"}:
                k -= 1
            if k + 1 in film_ends and self.toks[person.start - 1].text in {",", "”", "\""} and k + 1 < person.start:
                out.append(self._fact(sent, person, "credit:possessive", role="director",
                                      film=self._ref(film_ends[k + 1])))
        return out

    def _role_groups(self, sent: _Sentence) -> list[list[Span]]:
        """Role words joined by "/", "and", "or" ("producer or assistant director") form a group."""
        groups: list[list[Span]] = []
        for role in sent.roles:
            prev = groups[-1][-1] if groups else None
            if prev is not None and all(t.lower_ in ROLE_GLUE for t in self.doc[prev.end:role.start]) \
                    and role.start - prev.end <= 2:
                groups[-1].append(role)
            else:
                groups.append([role])
        return groups

    def _noun_credit(self, sent, group, triggers, taken, credited) -> list[Fact]:
        first, last = group[0], group[-1]
        roles = [r.label_ for r in group] + self._slash_roles(first)
        found = self._noun_agent(sent, first, last, taken)
        if found is None:
            return []
        agent, rule = found
        films: list[Span] = []
        after = self.toks[last.end].lower_ if last.end < sent.span.end else ""
        after2 = self.toks[last.end + 1].lower_ if last.end + 1 < sent.span.end else ""
        if after in FILM_LINK or after in CREDIT_WORDS or (after == "whose" and after2 in CREDIT_WORDS):
            films = self._segment_films(sent, triggers, last.end) or self._film_back(sent, last.end + 1, first.start)
        elif after in {"under", "for", "with", "to"} and (boss := next(
                (p for p in sent.persons if last.end < p.start <= last.end + 5), None)) is not None:
            # "worked as an art director under veteran production designer A on “X”", "as assistant to A on X"
            films = self._segment_films(sent, triggers, boss.end) if self._film_after(sent, boss.end) else []
        elif (credited_on := self._credit_as_film(sent, first, last)) is not None:
            films = [credited_on]  # "Her first credit as 2nd AD came on “X”"
        elif after in {",", "was", "is", ":"} and any(f.start in {last.end + 1, last.end + 2} for f in sent.films):
            # "as producer, “X”"; "my first feature as 1st AD was “X”"; "as DP: “X”"
            films = [f for f in sent.films if f.start in {last.end + 1, last.end + 2}][:1]
        elif (owner := self._relative_owner(sent, first)) is not None:
            films = [owner]  # "“Glasswork,” on which she was an executive producer"
        elif rule == "credit:with-as":  # the film before it here, else the last one
            films = [f for f in sent.films if f.end <= agent.start and not self._in_parens(f)][-1:] \
                or [f for f in [self.last_film] if f is not None]
        elif rule == "credit:apposition":  # "designer A on “X”", else the film talked about
            on = self._film_after(sent, agent.end) if not isinstance(agent, str) and agent.start >= last.end else None
            films = [f for f in [on or self._context_film(sent, first.start)] if f is not None]
            if films and not on and self._for_role(first):
                films = self._film_run(sent, films[0])  # "she edited A (1994) and B (2002) for the director X"
            if not films and self.last_film is not None and self.toks[last.end].lower_ in ROLE_COPULA \
                    and self.toks[first.start - 1].lower_ in DEFINITE | OWNERS:
                films = [self.last_film]  # "The director was Frank DeLuca": of the film just talked about
        elif rule == "credit:bracket":  # "A film by A, with B (DP) and C (1st AD)": the film talked about
            films = [f for f in [self._context_film(sent, first.start)] if f is not None]
        elif rule == "credit:named":  # "the director, X, ..." or "X, the director, ..."
            link = last.end
            if agent.start > last.end:
                link = agent.end + 1 if agent.end < sent.span.end and self.toks[agent.end].text == "," else agent.end
            if link < sent.span.end and self.toks[link].lower_ in FILM_LINK:
                films = self._segment_films(sent, triggers, link)
            elif self.toks[first.start - 1].lower_ in DEFINITE and self.last_film is not None:
                # "On “X,” the director, A, wanted ...": the film before it here, else the last one
                films = [f for f in sent.films if f.end <= first.start and not self._in_parens(f)][-1:] \
                    or [self.last_film]
        agents: list[Span | str] = [agent]
        leader = self._past_leader(last.end, sent.span.end)
        if rule == "credit:apposition" and (leader > last.end or self.toks[last.end].lower_ in {":"} | ROLE_COPULA):
            # "Producers: A, B", "Producers ........ A, B"
            agents += [p for p in self._listed(sent, max(leader, last.end + 1)) if p is not agent and p.start not in taken]
            taken.update(p.start for p in agents if not isinstance(p, str))
        plural = self.toks[last.end - 1].lower_.endswith("s") and not last.label_.endswith("s")
        if rule in {"credit:post", "credit:as"} and not isinstance(agent, str) and agent.end <= first.start and (
                self.toks[first.start - 1].lower_ == "are" or plural and self._joined_before(sent, agent)):
            agents = self._listed_before(sent, agent) + agents  # "A and B are executive producers", "will serve as"
        out = []
        for who in agents:
            for role in roles:
                if not isinstance(who, str):
                    credited.append((who, role))
                for film in films or [None]:
                    out.append(self._fact(sent, who, rule, role=role, film=self._ref(film)))
        return out

    def _listed_before(self, sent: _Sentence, person: Span) -> list[Span]:
        """The people listed before `person`: "A, B and [person]", each maybe with a bracket
        of credits ("A (Film One) and [person]")."""
        by_end = {p.end: p for p in sent.persons}
        out, i = [], self._description_start(sent, person.start)
        while i - 1 > sent.span.start and self.toks[i - 1].lower_ in {",", "and", "&"}:
            j = i - 1
            while j > sent.span.start and self.toks[j - 1].lower_ in {",", "and", "&"}:
                j -= 1
            j = self._before_bracket(sent, j)
            if j not in by_end:
                break
            out.insert(0, by_end[j])
            i = by_end[j].start
        return out

    def _joined_before(self, sent: _Sentence, person: Span) -> bool:
        """`person` ends a list joined by "and": "A and [person]", "A, B & [person]", also with a
        description before the name ("A and Albright's longtime manager B")."""
        i = self._description_start(sent, person.start)
        return i - 1 > sent.span.start and self.toks[i - 1].lower_ in {"and", "&"}

    def _description_start(self, sent: _Sentence, i: int) -> int:
        """Where a short description before the name at token i starts: "Albright's longtime
        manager", "producer"; i itself when there is none."""
        k = i
        while k - 1 > sent.span.start and i - k < 5 and (
                self.toks[k - 1].is_lower and self.toks[k - 1].is_alpha and self.toks[k - 1].lower_ not in {"and", "by"}
                or self.toks[k - 1].text in {"'s", "’s"} or self.toks[k].text in {"'s", "’s"}):
            k -= 1
        return k if k < i and self.toks[k - 1].lower_ in {",", "and", "&"} else i

    def _named_after_film(self, sent: _Sentence, i: int, by_start: dict[int, Span]) -> Span | None:
        """The person named right after "on FILM," or "on that show," from token i."""
        if i + 1 >= sent.span.end or self.toks[i].lower_ not in {"on", "for", "of"}:
            return None
        film = next((f for f in sent.films if f.start in {i + 1, i + 2}), None)
        j = film.end if film is not None else self._that_film_end(sent, i + 1)
        while j is not None and j < sent.span.end and self.toks[j].is_quote:
            j += 1
        if j is None or j + 1 >= sent.span.end or self.toks[j].text != ",":
            return None
        return by_start.get(j + 1)

    def _before_bracket(self, sent: _Sentence, end: int) -> int:
        """Where a bracket that closes right before `end` opens (else `end`)."""
        if end - 1 <= sent.span.start or self.toks[end - 1].text != ")":
            return end
        return next((j for j in range(end - 2, max(sent.span.start, end - 20) - 1, -1)
                     if self.toks[j].text == "("), end)

    def _role_opens(self, sent: _Sentence, first: Span) -> bool:
        """The role opens the sentence or a clause after ", and", maybe after "the" or an owner:
        "Executive producers are", "My producer was", "…, and the DP was"."""
        k, opening = first.start - 1, self._first_word(sent)
        if k >= opening and self.toks[k].lower_ in OWNERS | {"the"}:
            k -= 1
        return k < opening or (k > opening and self.toks[k].lower_ == "and" and self.toks[k - 1].text == ",")

    def _noun_agent(self, sent: _Sentence, first: Span, last: Span, taken: set[int]
                    ) -> tuple[Span | str, str] | None:
        """Who holds the role, and by which shape:
        apposition "director X" / "DP: X"; named "the director, X,"; bracket "X (Director)";
        as "as (a) ROLE", "is a ROLE", "her ROLE credits"."""
        by_start = {p.start: p for p in sent.persons}
        by_end = {p.end: p for p in sent.persons}
        end = self._past_leader(last.end, sent.span.end)
        label = next((v for v in sent.verbs if v.start == end + 1 and v.text.endswith(":")), None)
        if end < sent.span.end and self.toks[end].text == "/" and label is not None:
            end = label.end  # "Director / Camera: X": X holds both
        if end > last.end and end in by_start:  # "Producers ........ A, B", "Editor<TAB>A"
            taken.add(end)
            return by_start[end], "credit:apposition"
        nxt = self.toks[end].text if end < sent.span.end else ""
        if nxt.lower() in {"the", ":"} | ROLE_COPULA and end + 1 in by_start \
                and (nxt.lower() not in ROLE_COPULA or self._role_opens(sent, first)):
            end += 1  # "DP: X", "Executive producers are X and Y", "My producer was X, and the DP was Y"
        if end in by_start:
            taken.add(end)
            return by_start[end], "credit:apposition"
        if nxt == "," and end + 1 in by_start and first.start > sent.span.start \
                and (self.toks[first.start - 1].is_lower or self.toks[first.start - 1].lower_ in DESCRIBERS):
            taken.add(end + 1)
            return by_start[end + 1], "credit:named"
        named = self._named_after_film(sent, end, by_start)
        if named is not None and first.start > sent.span.start and self.toks[first.start - 1].lower_ in DEFINITE:
            taken.add(named.start)
            return named, "credit:named"  # "The 1st AD on Northbound, Ray Bellamy, taught me"
        if first.start >= 2 and self.toks[first.start - 1].text == "(" and first.start - 1 in by_end:
            return by_end[first.start - 1], "credit:bracket"
        if first.start >= 2 and self.toks[first.start - 1].text in {"-", "–", "—"} and first.start - 1 in by_end:
            return by_end[first.start - 1], "credit:apposition"  # "Amara Delacroix - director, “X”"
        partner = self._with_as(sent, first, by_end)
        if partner is not None:  # "co-producing “X,” with Sasha Abernathy as showrunner"
            taken.add(partner.start)
            return partner, "credit:with-as"
        described = self._described(sent, first, last, by_end)
        if described is not None:  # "Jo Park, the director of “Kestrel”,"
            taken.add(described.start)
            return described, "credit:named"
        if self._introduced(first, sent) or nxt.lower() in CREDIT_WORDS:
            agent = self._as_opener(sent, first, last) or self._agent(sent, self._owner_at(sent, first.start), taken)
            if agent is None:
                return None
            # a post, with no article: "X is line producer", "returns as director of photography"
            bare = first.start > 0 and self.toks[first.start - 1].lower_ in COPULA | {"as"}
            return agent, "credit:post" if bare else "credit:as"
        return None

    def _relative_owner(self, sent: _Sentence, first: Span) -> Span | None:
        """The film a relative clause hangs on, for a role in it: "“X,” on which she was the 1st
        AD", "“X” (2019), for which Ana Ruiz was producer", "“X,” whose showrunner, A, …"."""
        i = first.start - 1
        while i > sent.span.start and self.toks[i].lower_ in {"a", "an", "the"}:
            i -= 1
        if self.toks[i].lower_ != "whose":
            if self.toks[i].lower_ not in COPULA:
                return None
            person = next((p for p in sent.persons if p.end == i), None)
            k = person.start - 1 if person is not None else i - 2 + (self.toks[i - 1].lower_ not in PRONOUNS)
            if self.toks[k].lower_ != "which" or k <= sent.span.start \
                    or self.toks[k - 1].lower_ not in {"on", "for", "in"}:
                return None
            i = k - 1
        i -= 1
        while i > sent.span.start and (self.toks[i].text in {",", "”", '"', "’"} or self._bracket_end(i)):
            i = self._bracket_end(i) or i - 1
        return next((f for f in sent.films if f.end == i + 1), None)

    def _bracket_end(self, i: int) -> int:
        """Where a bracketed year such as "(2019)" ending at token i starts, minus one; else 0."""
        if self.toks[i].text == ")" and i >= 2 and self.toks[i - 1].like_num and self.toks[i - 2].text == "(":
            return i - 3
        return 0

    def _with_as(self, sent: _Sentence, first: Span, by_end: dict[int, Span]) -> Span | None:
        """The person in "with A as (a) ROLE", "with A (“F”) serving as ROLE": A holds the role on
        the film being talked about."""
        i = first.start - 1
        while i > sent.span.start and self.toks[i].lower_ in {"a", "an", "the"} | OWNERS:
            i -= 1
        if self.toks[i].lower_ != "as":
            return None
        if self.toks[i - 1].lower_ in {"serving", "acting", "working"}:
            i -= 1
        if self.toks[i - 1].text == ")":
            i = next((j for j in range(i - 1, sent.span.start, -1) if self.toks[j].text == "("), i)
        person = by_end.get(i)
        if person is None or person.start <= sent.span.start or self.toks[person.start - 1].lower_ != "with":
            return None
        return person

    def _owner_at(self, sent: _Sentence, i: int) -> int:
        """Where a possessive after a copula and before the role at token i stands ("who was his
        second AD": "his" says whose AD, not who), else i ("my credits as composer")."""
        k = i
        while k - 1 > sent.span.start and i - k < 2 and self.toks[k - 1].is_lower and self.toks[k - 1].is_alpha \
                and self.toks[k - 1].lower_ not in OWNERS:
            k -= 1
        owner = k - 1 > sent.span.start and self.toks[k - 1].lower_ in OWNERS and self.toks[k - 2].lower_ in COPULA
        return k - 1 if owner else i

    def _described(self, sent: _Sentence, first: Span, last: Span, by_end: dict[int, Span]) -> Span | None:
        """The person a role describes right after a name and a comma (and an age): "Jo Park, the
        director of X", "Ana Ruiz, his longtime editor,", "Bethany, 41, a casting director" (not
        "X, the director's brother")."""
        if last.end < sent.span.end and self.toks[last.end].text in {"'s", "’s"}:
            return None
        i = first.start - 1
        while i > sent.span.start and first.start - i <= 4 and (
                self.toks[i].text == "-" or self.toks[i].is_alpha and self.toks[i].is_lower):
            i -= 1
        if self.toks[i].text != "," or i + 1 < first.start and self.toks[i + 1].lower_ not in DESCRIPTION_OPENERS:
            return None
        if i - 2 > sent.span.start and self.toks[i - 1].like_num and self.toks[i - 2].text == ",":
            i -= 2  # "Bethany, 41, a casting director"
        return by_end.get(i)

    def _as_opener(self, sent: _Sentence, first: Span, last: Span) -> Span | str | None:
        """"as an AD I know", "As a producer, she ...": the one named right after the role."""
        i = first.start - 1
        while i > sent.span.start and self.toks[i].lower_ in {"a", "an"}:
            i -= 1
        if self.toks[i].lower_ != "as" or (i > sent.span.start and self.toks[i - 1].lower_ not in {",", "and", "but"}
                                            and i != self._first_word(sent)):
            return None
        j = last.end + (last.end < sent.span.end and self.toks[last.end].text == ",")
        film = next((f for f in sent.films if last.end < f.start <= last.end + 6), None)
        if j < sent.span.end and self.toks[j].lower_ in {"on", "for"} and film is not None:
            j = film.end  # "As script supervisor on the crime drama “X,” Marsh tracked"
            while j < sent.span.end and (self.toks[j].is_quote or self.toks[j].text == ","):
                j += 1
        if j >= sent.span.end:
            return None
        if self.toks[j].lower_ in PRONOUNS:
            return self._pronoun(self.toks[j].lower_, sent, j)
        return next((p for p in sent.persons if p.start == j), None)

    def _first_word(self, sent: _Sentence) -> int:
        return next((t.i for t in self.toks[sent.span.start:sent.span.end] if not t.is_space), sent.span.start)

    def _introduced(self, role: Span, sent: _Sentence) -> bool:
        """The role is what someone is: "as (a) ROLE", "is a ROLE", "became an ROLE", "rose to ROLE",
        also after "and" when the role before it is one ("was a writer on X and a producer on Y")."""
        i, seen = role.start - 1, 0
        while i >= sent.span.start and seen <= 5:
            tok = self.toks[i]
            if tok.lower_ == "as" or tok.lower_ in COPULA:
                return True
            if tok.lower_ == "to" and i > sent.span.start and self.toks[i - 1].lower_ in RISE_WORDS:
                return True  # "worked her way up to 2nd AD", "was promoted to producer"
            if tok.lower_ == "at" and i > sent.span.start and self.toks[i - 1].lower_ in TRY_WORDS:
                return True  # "my first shot at 1st AD"
            if tok.lower_ == "and" and seen and all(t.lower_ in ARTICLES | OWNERS | {"then", "later", "also"}
                                                    for t in self.toks[i + 1:role.start]):
                # "was a co-producer of X and an executive producer of Y" (not "and every line the actors")
                before = [r for r in sent.roles if r.end <= i]
                return bool(before) and self._introduced(before[-1], sent)
            if tok.lower_ in PREPOSITIONS or not (tok.is_alpha or tok.text in {"/", "-"}) or (tok.text[:1].isupper() and tok.lower_ != "a"):
                return False
            i, seen = i - 1, seen + 1
        return False

    def _slash_roles(self, role: Span) -> list[str]:
        """"narrative/commercial director": the word before the slash takes the role's head too."""
        i = role.start
        if i >= 2 and self.toks[i - 1].text in {"/", "and"} and self.toks[i - 2].is_alpha:
            combined = f"{self.toks[i - 2].lower_} {role[-1].lower_}"
            if combined in self.roles:
                return [self.roles[combined]]
        return []

    # ---- education -----------------------------------------------------------------------
    def _education(self, sent: _Sentence) -> list[Fact]:
        out, bracketed = self._bracket_degrees(sent)
        degrees = [d for d in sent.degrees if d not in bracketed]
        if not sent.schools and (degrees or _within(sent.span, self.graduated_at)):
            return out + self._schoolless_degrees(sent, degrees)
        if not sent.schools or not degrees and not _within(sent.span, self.cue_at) \
                and not any(shape in sc.text for sc in sent.schools for shape in ATTENDED_SHAPES):
            return out
        fields = [f for f in self._fields(sent) if not any(d.end + 1 == f.start for d in bracketed)]
        for school in sent.schools:
            agent = self._agent(sent, school.start, set())
            if agent is None:
                continue
            degree = self._linked(degrees, school, sent)
            fld = self._linked(fields, school, sent)
            out.append(self._fact(sent, agent, "education:sentence", kind="education",
                                  school=self._ref(school), degree=degree.label_ if degree else None,
                                  field=fld.text if fld else None))
        return out

    def _schoolless_degrees(self, sent: _Sentence, degrees: list[Span]) -> list[Fact]:
        """A degree, or "graduated", with no school in its sentence ("Petrakis, who graduated with a
        B.S. in Television-Radio"): rule education:bracket, the school left to the article (an
        alumni page's own school; elsewhere the fact is dropped)."""
        fields = self._fields(sent)
        out = []
        for d in degrees or [None]:  # "who graduated in 2011 with a degree in cinema"
            at = d.start if d is not None else self.graduated_at[bisect_left(self.graduated_at, sent.span.start)]
            agent = self._agent(sent, at, set())
            fld = next((f for f in fields if at < f.start), None)
            if agent is not None:
                out.append(self._fact(sent, agent, "education:bracket", kind="education",
                                      degree=d.label_ if d is not None else None, field=fld.text if fld else None))
        return out

    def _bracket_degrees(self, sent: _Sentence) -> tuple[list[Fact], list[Span]]:
        """A degree in brackets after a name, its school left to the article ("Megan Tran (BA in
        Film Production, 2014)" in an alumni page): rule education:bracket, school unknown; so is
        a class year after a name ("Naomi Petrakis '06"). Also gives the bracketed degrees."""
        ends = {p.end: p for p in sent.persons}
        out, bracketed = [], []
        for d in sent.degrees:
            if d.start >= 2 and self.toks[d.start - 1].text == "(" and d.start - 1 in ends:
                bracketed.append(d)
                fld = None
                if d.end + 1 < sent.span.end and self.toks[d.end].lower_ == "in":
                    end = self._field_end(sent, d.end + 1)
                    fld = self.doc[d.end + 1:end].text if end > d.end + 1 else None
                out.append(self._fact(sent, ends[d.start - 1], "education:bracket", kind="education",
                                      degree=d.label_, field=fld))
        for p in sent.persons:  # a class year after a name on an alumni page: "Naomi Petrakis '06"
            if p.end + 1 < sent.span.end and self.toks[p.end].text in {"'", "’"} and CLASS_YEAR.match(
                    self.toks[p.end + 1].text) and not any(f.agent == self._ref(p) for f in out):
                out.append(self._fact(sent, p, "education:bracket", kind="education"))
        return out, bracketed

    def _linked(self, items: list[Span], school: Span, sent: _Sentence) -> Span | None:
        """The degree or field of this school: the one that points to it ("an MA in Directing
        from the NFTS", "studied literature at Barnard"), else the nearest that points nowhere."""
        pointing = {id(i): self._points_to(i, sent) for i in items}
        mine = [i for i in items if pointing[id(i)] is school]
        if mine:
            return mine[-1]
        return self._nearest([i for i in items if pointing[id(i)] is None], school, sent.schools)

    def _points_to(self, item: Span, sent: _Sentence) -> Span | str | None:
        """The school named after `item` and "from" or "at" ("an MA in Directing from the NFTS"),
        ELSEWHERE when the name there is no known school ("a BS from U-Mich"), else None."""
        end = min(sent.span.end, item.end + 10)
        j = next((k for k in range(item.end, end) if self.toks[k].lower_ in {"from", "at"}
                  or self.toks[k].text in {",", ";", "."} or any(d.start == k for d in sent.degrees)), end)
        if j >= end or self.toks[j].lower_ not in {"from", "at"}:
            return None
        # the first school before the clause ends: "from Chapman's Dodge College", "from the
        # Scoring program at the USC Thornton School"
        stop = next((k for k in range(j + 1, min(sent.span.end, j + 16)) if self.toks[k].text in {",", ";", "."}
                     or any(d.start == k for d in sent.degrees)), min(sent.span.end, j + 16))
        school = next((s for s in sent.schools if j < s.start < stop), None)
        if school is not None:
            return school
        k = j + 1 + (j + 1 < sent.span.end and self.toks[j + 1].lower_ == "the")
        return ELSEWHERE if k < sent.span.end and self.toks[k].is_title else None

    @staticmethod
    def _nearest(items: list[Span], school: Span, schools: list[Span]) -> Span | None:
        """The item closest to this school, if no other school is closer to it."""
        def dist(a: Span, b: Span) -> int:
            return max(a.start - b.end, b.start - a.end, 0)
        mine = [i for i in items if min(schools, key=lambda s: dist(i, s)) is school]
        return min(mine, key=lambda i: dist(i, school), default=None)

    def _fields(self, sent: _Sentence) -> list[Span]:
        """Subjects of study: "degree in X", "BA in X", "to study X", "majored in X"."""
        starts = []
        for t in self.toks[sent.span.start:sent.span.end]:
            if t.lower_ in STUDY_WORDS:
                starts.append(t.i + 1)
            elif t.lower_ == "in" and t.i > sent.span.start and (
                    self.toks[t.i - 1].lower_ in FIELD_AFTER_IN
                    or any(d.end == t.i for d in sent.degrees)):
                starts.append(t.i + 1)
        out = []
        for s in starts:
            end = self._field_end(sent, s)
            if end > s:
                out.append(Span(self.doc, s, end, label="FIELD"))
        return out

    def _field_end(self, sent: _Sentence, s: int) -> int:
        school_tokens = {i for sc in sent.schools for i in range(sc.start, sc.end)}
        end, limit = s, sent.span.end
        if s >= limit or s in school_tokens:
            return s
        if self.toks[s].text[:1].isupper():
            first_comma = None
            while end < limit and end not in school_tokens and (
                    self.toks[end].text[:1].isupper() or self._joins_capitals(end, limit)):
                if self.toks[end].text == "," and first_comma is None:
                    first_comma = end
                end += 1
            # "Film, Television, and Media" is one field; "Film, Boston ..." ends at the comma
            listed = first_comma is not None and any(t.lower_ in {"and", "&"} for t in self.toks[first_comma:end])
            return end if first_comma is None or listed else first_comma
        while end < limit and end - s < 4 and self.toks[end].is_alpha and self.toks[end].is_lower \
                and (self.toks[end].lower_ not in FIELD_STOP or self._field_pair(end, limit)):
            end += 1
        return end

    def _joins_capitals(self, i: int, limit: int) -> bool:
        """Token i joins two capitalised words of a field: "Television-Radio", "Film and Media",
        "Film, Television, and Media"."""
        nxt = i + 2 if self.toks[i].text == "," and i + 1 < limit and self.toks[i + 1].lower_ in {"and", "&"} else i + 1
        return self.toks[i].lower_ in {"and", "&", "of", "-", "/", ","} and nxt < limit \
            and self.toks[nxt].text[:1].isupper()

    def _field_pair(self, i: int, limit: int) -> bool:
        """"and" at token i joins two fields: "film and television at NYU" (a word, then a stop)."""
        second = self.toks[i + 1] if i + 1 < limit else None
        return self.toks[i].lower_ == "and" and second is not None and second.is_lower and second.is_alpha \
            and not second.lower_.endswith("ed") and (i + 2 >= limit or self.toks[i + 2].is_punct
                                                       or self.toks[i + 2].lower_ in FIELD_PLACE)


def read_facts(doc: Doc, offset: int, persons: list[Span], rules: Rules) -> list[Fact]:
    """All credit and education facts of one processed Doc."""
    return SentenceReader(doc, offset, persons, rules).facts()


def _speaker_names(doc: Doc, persons: list[Span]) -> dict[str, Span]:
    """The labels that can open an answer by one of these people: initials ("PV"), given name or
    family name, each only when it points to one person; empty unless two or more are named."""
    found: dict[str, set[str]] = {}
    first: dict[str, Span] = {}
    for p in persons:
        text = text_of(doc, p.start, p.end)
        words = text.replace("-", " ").split()
        if len(words) < 2:
            continue
        first.setdefault(text, p)
        for label in ("".join(w[0] for w in words if w[0].isupper()), words[0], text.split()[-1]):
            found.setdefault(label, set()).add(text)
    if len(first) < 2:
        return {}
    return {label: first[next(iter(names))] for label, names in found.items() if len(names) == 1 and len(label) > 1}


def _gender(word: str) -> int | None:
    """0 for "she", "her"; 1 for "he", "him", "his"; None for other words."""
    return next((g for g, words in enumerate(GENDERED) if word in words), None)


def _ing(verb: Span) -> bool:
    """The verb phrase has an -ing form: "producing", "line producing", "rounding out the cast"."""
    return any(t.lower_.endswith("ing") for t in verb)


@lru_cache(maxsize=8)
def _hashes(words: frozenset[str]) -> np.ndarray:
    """The string ids of a word list, sorted (made once per list)."""
    return np.array(sorted(hash_string(w) for w in words), dtype="uint64")


def _within(span: Span | _Stretch, positions: list[int]) -> bool:
    """Whether one of the (sorted) token positions falls inside the span."""
    k = bisect_left(positions, span.start)
    return k < len(positions) and positions[k] < span.end
