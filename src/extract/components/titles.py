"""Film titles: quoted titles, titles after film cue words, and titles whose context says "song" or "album" are dropped."""
from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..rules import Rules
from ..settings import Settings
from .matching import Phrases, Positions, doc_text, line_breaks, make_span, sentence_starts, text_of, tokens

# nouns that make a film of whatever comes before them ("essay documentary"; unlike "video
# game series" or "musical comedy", which can be other things)
FILM_KINDS = {"film", "films", "documentary", "documentaries", "movie", "movies", "feature", "features"}
PLACE_BEFORE = {"in", "at", "from", "near", "outside"}
CREDIT_PARTICIPLES = {"directed", "co-directed", "written", "produced", "shot", "edited"}
OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’"}
CLOSE_QUOTES = set(OPEN_QUOTES.values())
DETERMINERS = {"a", "an", "the", "her", "his", "my", "their", "our", "its"}
# Words between a quoted title and the non-film word that describes it ("“X,” the lead single from").
DESCRIBING = DETERMINERS | {"lead", "first", "second", "third", "new", "latest", "debut", "hit", "next", "title",
                            "whole", "entire", "full", "original", "classic", "famous", "old", "best", "last",
                            "final", "is", "was", "later"}
# Nouns that make a film cue a modifier, not the head: "a film director", "a film critic".
NOT_HEAD_NOUNS = {"critic", "critics", "maker", "makers", "school", "schools", "festival", "industry",
                  "studies", "historian", "scholar", "company", "studio", "career", "music", "score",
                  "scores", "star", "stars", "composer", "producer", "director", "editor", "actor",
                  "actress", "writer", "designer", "franchise", "adaptation", "rights", "version", "filmmaker",
                  "filmmakers", "photographer", "artist", "programmer", "fellow", "fellowship", "student",
                  "teacher", "professor", "journalist", "department", "program", "programme", "lab"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "his", "her",
            "my", "our", "their", "its"}
# Small words that may stand inside a title ("Dawn of the Planet of the Apes").
INNER_SMALL_WORDS = {"a", "an", "the", "of", "or", "for", "from", "to", "in", "on", "at", "with", "by",
                     "but", "nor", "vs", "vs.", "&", "-", "–", ":", "'s", "’s", "de", "la", "n't", "n’t"}
# A title after a role verb ends before these: "shot Chungking Express for Wong Kar-wai".
VERB_OBJECT_STOPS = frozenset({"for", "with", "by", "at", "from", "in", "as", "opposite", "alongside"})
# After a list verb ("her credits include") "from" and "in" stay inside a title: "Girls from the Valley".
LIST_OBJECT_STOPS = VERB_OBJECT_STOPS - {"from", "in"}
PAGE_COUNT = re.compile(r"\s*(?:\(\d+\)|:)\s*$")  # "COMMENTS (2)", "Share this:"
YEAR = re.compile(r"^(1[89]|20)\d\d$")
YEARS = re.compile(r"^(1[89]|20)\d\d([–-]((1[89]|20)\d\d|\d\d))?$")  # "1994", "1994–1997", "1994-97"
LIST_LEAD = {"including", "like", ":", "titled", "called", "entitled", "named"}
NAMING_WORDS = {"titled", "called", "entitled", "named"}
SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "for", "from", "to", "in", "on", "at", "with",
               "by", "as", "but", "nor", "is", "vs", "vs.", "&", "-", "–", ":", "'s", "’s", "de", "la"}
TRAILING = {",", ".", "!", "?", ";", ":"}
DASHES = {"–", "—", "-"}
RUNTIME_WORDS = {"min", "min.", "minutes"}  # a running time on a details line
SHORT_RUNTIME = {"min", "mins"}  # its short forms, which are not the lower-case words of a sentence
LINE_MARKS = {":", ",", "|", "·"}  # what separates a year from a title on a list line
BYLINE_VERBS = {"posted", "published", "words"}  # before "by" in a page's byline


POSSESSIVES = {"'s", "’s"}
# Articles that open a quoted title in sentence case ("La stagione delle vespe").
FOREIGN_ARTICLES = {"La", "Le", "Les", "El", "Los", "Las", "Il", "Lo", "Gli", "Der", "Die", "Das", "Het"}


def _is_cap(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def title_like(tokens: list[str]) -> bool:
    """Words written like a title: the first capitalised, and every other word either
    capitalised or a small word ("Good Friend from the West")."""
    words = [t for t in tokens if t.strip()]
    if not words or not _is_cap(words[0]):
        return False
    return all(_is_cap(w) or w.lower() in SMALL_WORDS or not w[:1].isalnum() for w in words)


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of the text's lines, white space left out."""
    if not len(doc):
        return []
    space = doc.to_array("IS_SPACE").astype(bool)
    lines, start = [], 0
    for b in [*line_breaks(doc), len(doc)]:
        end = b
        while end > start and space[end - 1]:
            end -= 1
        s = start
        while s < end and space[s]:
            s += 1
        if s < end:
            lines.append((s, end))
        start = b + 1
    return lines


def _details(tokens: Span) -> bool:
    """Screening details: a running time or a year ("Vietnam/USA, 2023, 15 min.")."""
    return any(t.lower_ in RUNTIME_WORDS or bool(YEAR.match(t.text)) for t in tokens)


def _runtime(tokens: Span) -> bool:
    """A line of screening details with a running time and no sentence in it ("Scotland, 2025, 22 min")."""
    return any(t.lower_ in RUNTIME_WORDS for t in tokens) and not _prose(list(tokens))


def _prose(tokens: list[Token]) -> bool:
    """Some part of a line between commas or bars holds more than three lower-case words: a
    sentence, not details ("UK, 2024, 16 min, English and Twi with English subtitles")."""
    words = 0
    for t in tokens:
        if t.text in LINE_MARKS:
            words = 0
        elif t.is_lower and t.is_alpha and t.lower_ not in SHORT_RUNTIME:
            words += 1
            if words > 3:
                return True
    return False


def _byline(doc: Doc, start: int, end: int) -> bool:
    """A line naming a page's writer: "Posted by Ana Ruiz · March 3, 2025" (a bare "by Ana Ruiz"
    under a programme entry names its director)."""
    toks = tokens(doc)
    return end - start > 2 and toks[start].lower_ in BYLINE_VERBS and toks[start + 1].lower_ == "by"


def _first_clause(doc: Doc, start: int, end: int) -> Span:
    """A line up to its first full stop ("Mexico, 2025, 41 min." of a longer details line); the
    stops of an abbreviation ("U.S.") or an ellipsis are none."""
    toks = tokens(doc)
    stop = next((i + 1 for i in range(start + 1, end) if toks[i].text.endswith(".") and toks[i].text.count(".") == 1),
                end)
    return doc[start:stop]


def _lead_end(doc: Doc, i: int) -> int:
    """Skips the words that open a list of titles: "such as", "including", "titled", ":"."""
    toks = tokens(doc)
    if i + 1 < len(doc) and toks[i].lower_ == "such" and toks[i + 1].lower_ == "as":
        return i + 2
    return i + 1 if i < len(doc) and toks[i].lower_ in LIST_LEAD else i


def _joined_hyphen(toks: list[Token], i: int) -> bool:
    """A hyphen inside a name, with no space either side: "Anne-Marie"."""
    return (toks[i].text == "-" and 0 < i < len(toks) - 1 and not toks[i - 1].whitespace_
            and not toks[i].whitespace_ and _is_cap(toks[i + 1].text))


def _abbreviation(token: Token) -> bool:
    """A role written short in capitals: AD, DP, PA."""
    return token.is_upper and token.is_alpha and len(token) <= 3


def _singular(cue: str) -> bool:
    """A film cue naming one work: "the documentary", "the drama series" (not "films", "shorts")."""
    return not cue.endswith("s") or cue.endswith("series")


def _bare_possessive(toks: list[Token], i: int) -> bool:
    """The apostrophe at i makes the word before it a possessive: "Adebayo-Kraus’ debut"."""
    return toks[i].text in {"'", "’"} and i > 0 and toks[i - 1].text.endswith("s") and not toks[i - 1].whitespace_ \
        and i + 1 < len(toks) and toks[i + 1].is_lower


def _credit_follows(toks: list[Token], comma: int) -> bool:
    """The comma is followed by a credit in the passive: ", directed by", ", written and directed by"."""
    words = [t.lower_ for t in toks[comma + 1:comma + 5]]
    if words[:1] == ["written"] and words[1:3] == ["and", "directed"]:
        words = words[2:]
    return len(words) > 1 and words[0] in CREDIT_PARTICIPLES and words[1] == "by"


QUESTION_WORDS = {"what", "whatever", "when", "where", "who", "why", "how"}
# After "the" in a description, words that place a film in a career ("X, the second feature from Y").
SEQUENCE_WORDS = {"first", "second", "third", "fourth", "fifth", "latest", "new", "next", "upcoming", "final"}


def _opening_adverb(tok: Token) -> bool:
    """A sentence's first word that is an adverb in -ly: "Definitely The Islands Between Us, my first"."""
    return tok.is_sent_start and tok.lower_.endswith("ly") and tok.is_title and len(tok) > 4


def _question_word_title(toks: list[Token], i: int) -> bool:
    """A capitalised question word before another capitalised word inside a sentence starts a
    title: "the cast of What We Carried From Home", "Where the Crawdads Sing, a drama"."""
    return toks[i].lower_ in QUESTION_WORDS and not toks[i].is_sent_start and i + 1 < len(toks) \
        and toks[i + 1].text[:1].isupper()


def _place_on(toks: list[Token], start: int, end: int) -> int:
    """Where a title starts in a run that opens with the place it is made in: "shooting in
    Albuquerque, New Mexico on Hollow Creek" (after "on"); else `start`."""
    k = start - 1
    if k >= 0 and toks[k].text == ",":  # "in Albuquerque, New Mexico": skip the city
        k -= 1
        while k > 0 and _is_cap(toks[k].text):
            k -= 1
    if k < 0 or toks[k].lower_ not in PLACE_BEFORE:
        return start
    on = next((j for j in range(start + 1, end - 1) if toks[j].lower_ == "on" and toks[j].is_lower), None)
    return start if on is None or not all(_is_cap(t.text) for t in toks[start:on]) else on + 1


# Words that join a place to a title run on from it: "returns to Tribeca with Here".
PLACE_LINKS = {"with", "on", "at", "in", "to", "from", "for"}


def _known_tails(doc: Doc, found: list[Span]) -> list[Span]:
    """A described title that runs on from a place over a small word keeps only the title found
    elsewhere in the text: "returns to Tribeca with Here, her second feature" (after "Here" above)."""
    texts = {s.text for s in found}
    out = []
    for span in found:
        if span.label_ == "FILM" and span.id_ == "film:described":
            k = next((k for k in range(span.start + 1, span.end - 1) if doc[k].is_lower
                      and doc[k].lower_ in PLACE_LINKS and text_of(doc, k + 1, span.end) in texts), None)
            span = span if k is None else make_span(doc, k + 1, span.end, "FILM", "film:described")
        out.append(span)
    return out


def _after_at(toks: list[Token], start: int) -> bool:
    """The words at `start` follow "at", alone or in a list of bracketed items ("at Cambridge
    (2007), Oxford (2009-2014), Harvard (2011)")."""
    k = start
    for _ in range(8):
        if k >= 3 and toks[k - 1].lower_ == "and" and toks[k - 2].text == ",":
            k -= 1  # ", and Stanford (2015)"
        if k < 2 or toks[k - 1].lower_ not in {",", "and"} or toks[k - 2].text != ")":
            return k > 0 and toks[k - 1].lower_ == "at"
        j = k - 2
        while j > max(0, k - 12) and toks[j].text != "(":
            j -= 1
        k = j
        while k > 0 and toks[k - 1].is_title:
            k -= 1
    return False


def _comma_items(start: int, end: int, toks: list[Token]) -> list[tuple[int, int]]:
    """The stretches of tokens [start, end) between commas ("A, The B" -> A, The B)."""
    cuts = [start - 1, *(j for j in range(start, end) if toks[j].text == ","), end]
    return [(a + 1, b) for a, b in zip(cuts, cuts[1:])]


def _skip_aside(doc: Doc, i: int) -> int:
    """Skips a bracket "(2019)" or a short clause ", directed by X," after a listed title."""
    toks = tokens(doc)
    if i < len(doc) and toks[i].text == "(":
        close = next((j for j in range(i, min(len(doc), i + 30)) if toks[j].text == ")"), None)
        return close + 1 if close is not None else i
    if i + 1 < len(doc) and toks[i].text == "," and toks[i + 1].is_lower and toks[i + 1].lower_ not in {"and", "or", "as"}:
        close = next((j for j in range(i + 1, min(len(doc), i + 9)) if toks[j].text == ","), None)
        if close is None or any(toks[j].is_sent_start for j in range(i + 1, close)):
            return i  # not past the end of the sentence: ", premiered at Slamdance. In X, ..."
        return close
    return i


def _skip_character(doc: Doc, i: int) -> int:
    """Skips the part played after a listed title: "Rain (2019) as Jakub, ..." (not "as well as")."""
    toks = tokens(doc)
    if i + 1 >= len(doc) or toks[i].lower_ != "as" or toks[i + 1].lower_ == "well" or not _is_cap(toks[i + 1].text):
        return i
    end = next((j for j in range(i + 1, min(len(doc), i + 8)) if toks[j].lower_ in {",", "and", ";", "."}
                or toks[j].is_sent_start), None)
    return end if end is not None else i


def _occurrences(lowers: np.ndarray, words: np.ndarray) -> list[int]:
    """Every start where the lower-case word ids `words` occur in `lowers`."""
    n = len(words)
    return [s for s in np.flatnonzero(lowers == words[0]).tolist()
            if s + n <= len(lowers) and not (lowers[s:s + n] != words).any()]


class FilmTitles:
    """Finds film and series titles and stores them in `doc.spans["films"]`."""

    def __init__(self, nlp: Language, rules: Rules, settings: Settings):
        self.nlp = nlp
        self.rules = rules
        self.film_cues = Phrases(nlp, rules.film_cues)
        self.cue_words = {c for c in rules.film_cues if " " not in c and c.islower()}
        self.non_film_cues = Phrases(nlp, rules.non_film_cues)
        self.stage_words = Phrases(nlp, rules.stage_words)
        self.partners = Phrases(nlp, rules.partners)
        self.verbs = Phrases(nlp, [p for p, (_, kind) in rules.role_verbs.items() if kind == "active"])
        # "her credits include": a list of titles follows, as after a film cue
        self.list_verbs = {p for p, (role, _) in rules.role_verbs.items() if role == "own"}
        self.character_verbs = Phrases(nlp, [p for p, (_, k) in rules.role_verbs.items() if k == "character"])
        self.credit_starts = Phrases(nlp, [p for p, (_, kind) in rules.role_verbs.items()])
        self.settings = settings
        self.quotes = Positions(nlp, OPEN_QUOTES)
        self.commas = Positions(nlp, [","])
        self.brackets = Positions(nlp, ["("])
        self.filmography = Positions(nlp, ["Filmography", "filmography", "FILMOGRAPHY"])
        self.credit_words = Positions(nlp, ["credits", "Credits", "CREDITS"])
        self.copulas = Positions(nlp, ["is", "was"])
        self.music = Positions(nlp, {v for w in rules.music_words for v in (w, w.title(), w.upper())})
        self.role_words = {w for phrase in rules.roles for w in phrase.lower().split()}
        self.programme_words = rules.programme_words
        self.role_labels = Phrases(nlp, rules.roles)
        self.networks = Phrases(nlp, rules.networks)
        self.network_names = frozenset(rules.networks)
        self.not_heads = NOT_HEAD_NOUNS | self.role_words

    def __call__(self, doc: Doc) -> Doc:
        # "AD" in capitals is an assistant director, not an ad
        film_cues = self.film_cues.spans(doc)
        # the last noun names the kind: "an essay documentary", "a concert film" are films
        heads = {c.start for c in film_cues if c[-1].lower_ in FILM_KINDS}
        non_film = [s for s in self.non_film_cues.spans(doc) if not s.text.isupper() and s.end not in heads]
        non_film_ends = {s.end for s in non_film}
        # "video game series": a film cue right after a non-film cue is no film cue
        # a cue ends in a lower-case word ("the Netflix series X"; not "Short Film Festival")
        cues = [s for s in film_cues if s[-1].text.islower() and s.start not in non_film_ends]
        # in a text about music ("song", "album" outnumber "film", "series"), a quoted title
        # is a film only when a film cue says so
        toks = tokens(doc)
        strict = sum(not (i + 1 < len(doc) and self._modifies(toks[i + 1])) for i in self.music(doc)) > len(cues)
        found = [q for q in self._quoted(doc, {s.end for s in non_film}, {s.start for s in non_film})
                 if not strict or self._cued({c.end for c in cues}, q.start - 1)
                 or self._described_as(doc, q.end + 1, {c.start for c in cues})]
        found += self._list_tail(doc, found)
        found += self._described(doc, {s.start for s in cues})
        found += self._defined(doc, {s.start: s.end for s in cues})
        found += self._after_cue(doc, cues)
        found += self._after_verb(doc)
        found += self._role_on(doc)
        found += self._after_name(doc)
        found += self._after_network(doc)
        found += self._after_character(doc)
        doc.spans["partners"] = self.partners.spans(doc)  # the credit step reads them too
        found += self._after_partner(doc)
        found += self._headings(doc)
        listed, asides = self._filmography_lines(doc)
        characters = [s for s in found if any(a <= s.start < b for a, b in asides)]
        doc.spans["characters"] = characters  # the person step leaves them out too
        found = [s for s in found if s not in characters] + listed
        found += [] if strict else self._dated(doc)
        found = _known_tails(doc, found)
        found = [self._sentence_case(doc, self._without_owner(doc, s)) for s in filter_spans(found)]
        found = self._rejoined(doc, found)
        found += self._repeats(doc, found)
        played = {e for _, _, e in self.character_verbs.ranges(doc)}  # "playing Emilia in Othello" says no more
        found = self._off_stage(doc, found, {c.end for c in cues}
                                | {e for _, _, e in self.credit_starts.ranges(doc) if e not in played})
        doc.spans["films"] = sorted(filter_spans(found), key=lambda s: s.start)
        return doc

    def _off_stage(self, doc: Doc, found: list[Span], film_ends: set[int]) -> list[Span]:
        """Drops plays: titles whose nearest cue before them in their sentence is a word of the
        stage ("I did theatre all through high school: “Our Town,” “Into the Woods”"), not a
        film word or a credit verb ("years on stage before his screen debut in X")."""
        toks = tokens(doc)
        strings = doc.vocab.strings  # a lower-case entry counts only written in lower case
        matches = self.stage_words.ranges(doc)
        stage_ends = {e for label, s, e in matches if toks[s].is_lower or strings[label] != strings[label].lower()}
        venues = {s for label, s, _ in matches if strings[label] != strings[label].lower()}  # "Geffen Playhouse"
        if not stage_ends:
            return found
        starts = sentence_starts(doc)
        kept = []
        for span in found:
            first = starts[bisect_right(starts, span.start) - 1]
            cue = next((i for i in range(span.start, first, -1) if i in stage_ends or i in film_ends), None)
            staged = cue is not None and cue in stage_ends and cue not in film_ends
            if not (staged or venues.intersection(range(span.end, span.end + 5))):
                kept.append(span)
        return kept

    def _without_owner(self, doc: Doc, span: Span) -> Span:
        """An unquoted title after a person's or a network's possessive is the title alone:
        "appeared in Nonzee Nimibutr's Queen of Langkasuka", "starred in Disney's Frozen" (a
        quoted title is kept as written)."""
        if span.id_ == "film:quoted":
            return span
        toks = tokens(doc)
        for i in range(span.start + 1, span.end - 1):
            if toks[i].text in POSSESSIVES and (self._owner_name(doc[span.start:i])
                                                 or doc[span.start:i].text in self.network_names
                                                 or (i == span.start + 1 and self._family_name(doc, i - 1))):
                return make_span(doc, i + 1, span.end, span.label_, span.id_)
        return span

    @staticmethod
    def _family_name(doc: Doc, at: int) -> bool:
        """The word at `at` ends a full name elsewhere in the text ("Paul Okafor" ... "Okafor's
        Northern Lights Motel"); "Cassandra's Kitchen" stays one title."""
        toks = tokens(doc)
        word = toks[at].text
        return any(t.text == word and t.i != at and t.i > 0 and toks[t.i - 1].is_title and toks[t.i - 1].is_alpha
                   and not toks[t.i - 1].is_sent_start for t in toks)

    def _sentence_case(self, doc: Doc, span: Span) -> Span:
        """A title in a language written in sentence case goes on through its lower-case words:
        "El alma no tiene color", "Contra viento y marea as ...", "Lo squartatore di New York"."""
        toks, particles = tokens(doc), self.rules.title_particles
        j = span.end
        while j < len(doc) and j - span.end < 8:
            t, prev = toks[j], toks[j - 1].lower_
            if t.is_sent_start or not t.is_alpha:
                break
            if not (t.is_lower and (t.lower_ in particles or t.lower_ not in STOP_WORDS)
                    or _is_cap(t.text) and j > span.end and (prev in particles or toks[j - 1].is_title)):
                break
            j += 1
        while j > span.end and toks[j - 1].lower_ in particles:
            j -= 1
        lower = [t.lower_ for t in doc[span.end:j] if t.is_lower]
        if not lower or lower[0] in self.rules.common_words or lower[0] in self.not_heads or lower[0] in self.cue_words:
            return span
        starts = [toks[span.start].lower_, *lower[:2]]
        if not any(w in particles and w not in STOP_WORDS for w in starts):
            return span
        return make_span(doc, span.start, j, span.label_, span.id_)

    def _owner_name(self, span: Span) -> bool:
        """Two to four capitalised words that read as a person's name: a known first or family
        name, or no everyday word among them ("Nonzee Nimibutr", "Enzo G. Castellari")."""
        words = span.text.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return False
        if words[0].lower() in {"the", "a", "an"}:
            return False  # "The Collector's Daughter" is one title
        return self._looks_like_person(span) or not any(w.lower() in self.rules.common_words for w in words)

    def _after_verb(self, doc: Doc) -> list[Span]:
        """Capitalised titles right after a role verb, one or a list ("shot Chungking Express",
        "appeared in Casualty, Doctors and Holby City"), unless the first reads as a name."""
        return [s for verb in self.verbs.spans(doc) if verb[0].is_lower
                for s in self._title_list(doc, verb.end, "film:after-verb", cued=verb.text.lower() in self.list_verbs,
                                          cut_at=LIST_OBJECT_STOPS if verb.text.lower() in self.list_verbs
                                          else VERB_OBJECT_STOPS)]

    def _after_character(self, doc: Doc) -> list[Span]:
        """The title after a named character: "played Maya in Harvest", "his role as Christopher
        Moltisanti on The Sopranos" (the character must be capitalised: "played guitar in
        Lagos" names no film; nor does a title followed by a possessive, "in CBS' drama")."""
        toks = tokens(doc)
        out = []
        leads = [v for v in self.verbs.spans(doc) if self._to_examples(toks, v.end) > v.end]
        for verb in self.character_verbs.spans(doc) + leads:  # "roles in a long career including A in X"
            i = verb.end
            while i < len(doc) and toks[i].lower_ in {"the", "role", "roles", "part", "voice", "of", "as"}:
                i += 1
            i = self._to_examples(toks, i)
            listed = False
            while (film := self._character_film(doc, i, listed)) is not None:
                out.append(film)  # and on down a list: "Merle Jackson in X, Mandy Cutler in Y and Mand in Z"
                listed = True
                i = film.end
                while i < len(doc) and toks[i].lower_ in {",", "and"}:
                    i += 1
                i = self._to_examples(toks, i)
                if i == film.end or toks[i].is_sent_start:
                    break
        return out

    @staticmethod
    def _to_examples(toks: list[Token], i: int) -> int:
        """Past a lowercase aside to the examples it leads to: "roles in a long career including
        Merle Jackson in X", "playing glamorous characters such as Anne-Marie in Y"; a one-word
        description before the character is skipped too ("such as nurse Sarah in Z")."""
        j = i
        while j < min(len(toks), i + 10) and toks[j].is_lower and toks[j].lower_ not in LIST_LEAD | {"such"}:
            j += 1
        if j == i or j >= len(toks) or toks[j].lower_ not in {"including", "such"}:
            return i
        j = _lead_end(toks[j].doc, j)
        return j + 1 if j + 1 < len(toks) and toks[j].is_lower and _is_cap(toks[j + 1].text) else j

    def _character_film(self, doc: Doc, i: int, listed: bool = False) -> Span | None:
        """The title after a character's name at token i and "in" or "on"; `listed`: further down
        a list, where "and" after the title starts the next item."""
        toks = tokens(doc)
        name_end = i
        while name_end < len(doc) and name_end - i < 5 and (
                _is_cap(toks[name_end].text) or _joined_hyphen(toks, name_end)):
            name_end += 1
        if name_end == i or name_end + 1 >= len(doc) or toks[name_end].lower_ not in {"in", "on"}:
            return None
        start = name_end + 1
        end = self._before_network(toks, start, self._title_end(doc, start))
        if end == start or end - start > self.settings.max_title_words or (
                self._modifier_or_cut(doc, end) and not (listed and toks[end].lower_ == "and")):
            return None
        return make_span(doc, start, end, "FILM", "film:after-character")

    def _before_network(self, toks: list[Token], start: int, end: int) -> int:
        """A title's end before the channel it ran on: "The Sarah Jane Adventures for the BBC"."""
        for k in range(start + 1, end - 1):
            if toks[k].lower_ in {"for", "on"}:
                rest = k + 2 if toks[k + 1].lower_ == "the" else k + 1
                if " ".join(t.text for t in toks[rest:end]) in self.network_names:
                    return k
        return end

    def _after_partner(self, doc: Doc) -> list[Span]:
        """The title after a co-worker's name: "starred opposite Helena Voss in Nightjar",
        "worked with my mentor Ava Marlowe on Selma Street" (the words between must read as names)."""
        toks = tokens(doc)
        out = []
        for e in (p.end for p in doc.spans["partners"]):
            i = self._names_end(doc, e)
            if i == e or i + 1 >= len(doc) or toks[i].lower_ not in {"in", "on"}:
                continue
            end = self._title_end(doc, i + 1)
            if i + 1 < end <= i + 1 + self.settings.max_title_words and not self._modifier_or_cut(doc, end) \
                    and not self._looks_like_person(doc[i + 1:end], cued=True):
                out.append(make_span(doc, i + 1, end, "FILM", "film:after-partner"))
        return out

    def _names_end(self, doc: Doc, i: int) -> int:
        """End of a list of names from token i ("Alyson Michalka and Vanessa Hudgens", "her
        mother Jane Haldane"); i itself when the words there are not names."""
        toks = tokens(doc)
        start, groups, lower = i, [], 0
        while i < len(doc) and i - start < 15 and not (i > start and toks[i].is_sent_start):
            if _is_cap(toks[i].text) and toks[i].is_alpha:
                j = i
                while j < len(doc) and _is_cap(toks[j].text) and not toks[j].is_sent_start and j - i < 4:
                    j += 1
                groups.append(doc[i:j])
                i, lower = j, 0
            elif toks[i].text in {",", "and", "&"} and groups:
                i += 1
            elif toks[i].is_lower and toks[i].is_alpha and lower < 2 and toks[i].lower_ not in {"in", "on"}:
                i, lower = i + 1, lower + 1  # "her mother", "fellow actor"
            else:
                break
        while i > start and toks[i - 1].text in {",", "and", "&"}:
            i -= 1
        if not groups or not all(len(g) > 1 or self._looks_like_person(g) for g in groups) \
                or groups[-1].end != i:
            return start
        return i

    def _title_start(self, doc: Doc, end: int) -> int:
        """Where a capitalised title ending at `end` starts, walking back over capitalised words
        and up to two small words between them ("Sons of the Estuary", "Salt and Iron"); a title
        is cut at an "and" that joins names ("Meg Ryan and Tom Hanks")."""
        toks = tokens(doc)
        start = end
        while start > 0 and not toks[start - 1].is_space and not toks[start].is_sent_start:
            if _is_cap(toks[start - 1].text):
                start -= 1
                continue
            k = start
            while k > 0 and start - k < 2 and (toks[k - 1].lower_ in INNER_SMALL_WORDS or toks[k - 1].lower_ == "and"):
                k -= 1
            if k == start or k == 0 or not _is_cap(toks[k - 1].text) or toks[k].is_sent_start:
                break
            start = k
        ands = [j for j in range(start, end) if toks[j].lower_ == "and"]
        if ands and (self._looks_like_person(doc[start:ands[0]]) or self._looks_like_person(doc[ands[-1] + 1:end])):
            start = ands[-1] + 1
        colon = next((j for j in range(start, end) if toks[j].text == ":"), None)
        if colon is not None and any(t.lower_ in self.programme_words for t in doc[start:colon]):
            start = colon + 1  # "Filmography: What the River Keeps (2024)"
        return start

    def _after_role(self, doc: Doc, start: int, end: int) -> int:
        """Where a title found by walking back from its end really starts: after a role and
        its preposition ("the 1st AD on Kudzu, a horror film" -> "Kudzu")."""
        toks = tokens(doc)
        for k in range(end - 2, start - 1, -1):
            if toks[k].lower_ in self.role_words and toks[k + 1].lower_ in {"on", "in", "for", "of"}:
                return k + 2
        return start

    @staticmethod
    def _modifier_or_cut(doc: Doc, end: int) -> bool:
        """The words before `end` are not a whole title: an owner ("CBS' drama"), a modifier
        ("The CW comedy series") or the first half of "Parks and Recreation"."""
        toks = tokens(doc)
        if end >= len(doc):
            return False
        nxt = toks[end]
        if nxt.text in {"'", "’", "'s", "’s"} or (nxt.is_alpha and nxt.is_lower and nxt.lower_ not in STOP_WORDS):
            return True
        return nxt.lower_ in {"and", "&"} and end + 1 < len(doc) and _is_cap(toks[end + 1].text)

    def _looks_like_person(self, span: Span, cued: bool = False) -> bool:
        """Two to three capitalised words with a known given name or family name ("Priya",
        "Hart Bochner"); a title with small words inside ("Hart of Dixie") is no name. Right
        after a film cue only a known given name first counts ("a western called Dry Wells")."""
        words = span.text.split()
        if not words or len(words) > 3 or any(w.lower() in SMALL_WORDS for w in words):
            return False
        if cued:  # "Ferris Wheel": a given name, then a word of the language that is no family name
            last = words[-1]
            return words[0] in self.rules.given_names and not (
                len(words) > 1 and last.lower() in self.rules.common_words and last not in self.rules.surnames)
        return (words[0] in self.rules.given_names or words[-1] in self.rules.surnames
                or words[0] in self.rules.surnames)

    def _dated(self, doc: Doc) -> list[Span]:
        """A capitalised title followed by its year in brackets: "Robot Jox (1990)"; life
        dates "(1918–2007)" and names are left alone, and so are places after "at", with the
        list they open ("professor at Cambridge (2007), Harvard (2011)")."""
        toks = tokens(doc)
        out = []
        starts = sentence_starts(doc)
        # a line labelled "Filmography:" lists titles, even ones that read as names ("Les Cousins (2018)")
        listing = {starts[bisect_right(starts, i) - 1] for i in self.filmography(doc)}
        for i in self.brackets(doc):
            t = toks[i]
            if t.i + 2 >= len(doc) or not YEAR.match(toks[t.i + 1].text):
                continue
            if toks[t.i + 2].text != ")" and toks[t.i + 2].lower_ not in {"film", "tv", "series", ","}:
                continue
            start = self._after_role(doc, self._title_start(doc, t.i), t.i)
            while start < t.i and toks[start - 1].text != ":" and (  # "Filmography: What the River Keeps"
                    toks[start].lower_ in SMALL_WORDS - {"the", "a", "an"}
                    or toks[start].lower_ in STOP_WORDS - {"the", "a", "an"}):
                start += 1
            if start < t.i and _after_at(toks, start):
                continue
            if start >= t.i or t.i - start > self.settings.max_title_words:
                continue
            # "Alfred Hitchcock's Frenzy (1972)": the title after its director's possessive
            span = self._without_owner(doc, make_span(doc, start, t.i, "FILM", "film:dated"))
            if starts[bisect_right(starts, start) - 1] in listing or not self._looks_like_person(span):
                out.append(span)
        return out

    def _after_name(self, doc: Doc) -> list[Span]:
        """Titles in brackets right after a name, in a sentence about credits, as the trade
        press writes them: "directed by Ana Ruiz (Copper Sky)", "Jo Kemp-Hale (Glass Harbor,
        The Long Year) is set to star". Places, acronyms and years in brackets are left alone."""
        brackets = self.brackets(doc)
        if not brackets:
            return []
        toks = tokens(doc)
        credit_at = {s for _, s, _ in self.credit_starts.ranges(doc)} | {s for _, s, _ in self.role_labels.ranges(doc)}
        out = []
        for b in brackets:
            close = next((j for j in range(b + 1, min(len(doc), b + 16)) if toks[j].text in {")", "("}), None)
            if close is None or toks[close].text != ")" or not self._after_full_name(toks, b):
                continue
            sent = toks[b].sent
            if not any(sent.start <= k < sent.end for k in credit_at):
                continue
            if close + 2 < len(doc) and toks[close + 1].lower_ in {"is", "was"} and toks[close + 2].lower_ in {"a", "an"}:
                continue  # "Khooni Khanjar (Fighting Blade) is a 1930 film": a translated title
            items = _comma_items(b + 1, close, toks)
            if all(self._bracket_title([t.text for t in doc[s:e]]) for s, e in items):
                out += [make_span(doc, s, e, "FILM", "film:after-name") for s, e in items]
        return out

    @staticmethod
    def _after_full_name(toks: list[Token], b: int) -> bool:
        """The bracket at b follows two capitalised words, the last maybe hyphenated ("Okonkwo-Bright")."""
        i = b - 1
        if i >= 2 and toks[i - 1].text == "-" and not toks[i - 1].whitespace_ and not toks[i - 2].whitespace_:
            i -= 2
        return i >= 1 and toks[i].is_title and toks[i].is_alpha and toks[i - 1].is_title \
            and toks[b - 1].is_title and toks[b - 1].is_alpha

    def _bracket_title(self, words: list[str]) -> bool:
        """Words in brackets after a name that can be a title: no year, acronym, company or place."""
        return bool(words) and title_like(words) and not any(w[:1].isdigit() or (len(w) > 1 and w.isupper())
                                                            for w in words) \
            and words[-1] not in self.rules.org_suffixes \
            and not (len(words) == 1 and (words[0] in self.rules.non_name_words or words[0] in self.rules.given_names
                                          or words[0] in self.rules.surnames)) \
            and not (len(words) == 2 and words[0] in self.rules.given_names and words[1] in self.rules.surnames)

    def _headings(self, doc: Doc) -> list[Span]:
        """Programme entries: a line that is only a title, followed by a line of screening
        details or credits ("Monsoon" / "Vietnam/USA, 2023, 15 min." or "Directed by ..."),
        or a line opening with a title and its details in brackets ("Night Swim (USA, 18 min.)").
        A translation in brackets may follow the title ("HÓVIRÁG (Snowdrop)"), and, before a
        credit line, a dash and a country ("SHIOKAZE (Salt Wind) – Japan")."""
        toks = tokens(doc)
        lines = _lines(doc)
        credit_starts = {s for _, s, _ in self.credit_starts.ranges(doc)}
        credit_starts |= {s for _, s, e in self.role_labels.ranges(doc) if e < len(doc) and toks[e].text == ":"}
        out = []
        for n, (start, end) in enumerate(lines):
            if end - start > self.settings.max_title_words + 30 or start in credit_starts \
                    or self._noise(text_of(doc, start, end)) and not (
                        n + 1 < len(lines) and _runtime(doc[slice(*lines[n + 1])])) \
                    or toks[start].lower_ in self.programme_words or toks[end - 1].lower_ in self.programme_words \
                    or toks[start].lower_ == "by":
                continue  # a paragraph, a credit line ("Directed by ...") or a byline, not a title
            named = self._named_entry(doc, start, end, lines[n + 1] if n + 1 < len(lines) else None)
            if named is not None:
                out.append(named)
                continue
            title_end = self._title_end(doc, start, line=True)
            if title_end == start or title_end - start > self.settings.max_title_words or any(
                    toks[i].lower_ in self.programme_words and toks[i + 1].like_num for i in range(start, title_end - 1)):
                continue  # "SCOTTISH COMPETITION 3: NIGHT WORK", a numbered block
            rest = title_end
            if title_end < end and toks[title_end].text == "(":
                close = _skip_aside(doc, title_end)
                if close == end and _details(doc[title_end:close]):
                    out.append(make_span(doc, start, title_end, "FILM", "film:heading"))
                    continue
                if close == title_end or not title_like([t.text for t in doc[title_end + 1:close - 1]]):
                    continue
                rest = close  # "TITLE (English Title)": the title, then its translation
            if n + 1 >= len(lines) or (rest < end and toks[rest].text not in DASHES):
                continue
            nxt = lines[n + 1]
            if rest < end:  # "TITLE – Country" only above a credit line
                if nxt[0] in credit_starts and not _details(doc[rest:end]):
                    out.append(make_span(doc, start, title_end, "FILM", "film:heading"))
                continue
            if toks[end - 1].text in TRAILING or _byline(doc, *nxt):
                continue
            entry = self._title_end(doc, nxt[0])
            if entry > nxt[0] and entry < nxt[1] and toks[entry].text == "(":
                continue  # the next line is itself an entry: this one is a programme heading
            # a details line ("USA | 17 min | World Premiere"), not a sentence ("In 2019 we made ...")
            first = _first_clause(doc, *nxt)
            prose = sum(t.is_lower and t.is_alpha and t.lower_ not in SHORT_RUNTIME for t in first) > 3
            if nxt[0] in credit_starts or not prose and _details(first):
                out.append(make_span(doc, start, title_end, "FILM", "film:heading"))
        return out

    def _named_entry(self, doc: Doc, start: int, end: int, nxt: tuple[int, int] | None) -> Span | None:
        """A programme entry naming its director and its film across a dash, above a line of
        screening details: "Ama Owusu-Bekoe — The Weight of Water" / "UK, 2024, 16 min"."""
        toks = tokens(doc)
        dash = next((i for i in range(start + 1, end - 1) if toks[i].text in {"—", "–"}), None)
        if dash is None or nxt is None or not _details(_first_clause(doc, *nxt)) or _prose(toks[nxt[0]:nxt[1]]):
            return None
        sides = [(start, dash), (dash + 1, end)]
        person = [self._looks_like_person(doc[a:b]) for a, b in sides]
        if person[0] == person[1]:
            return None
        a, b = sides[person.index(False)]
        words = [t.text for t in toks[a:b]]
        if not (0 < len(words) <= self.settings.max_title_words and title_like(words)):
            return None
        return make_span(doc, a, b, "FILM", "film:heading")

    def _filmography_lines(self, doc: Doc) -> tuple[list[Span], list[tuple[int, int]]]:
        """The lines under a heading "Selected filmography" or "Her credits include:", up to a
        blank line, each a title with its year before or after it and its roles in brackets:
        "2025 — Dunmore Road (editor)".
        Also the token ranges of those brackets, where a quoted name is a character
        ("Breakers (actor, “Eddie Malone”)")."""
        labels, credits = set(self.filmography(doc)), self.credit_words(doc)
        if not labels and not credits:
            return [], []
        toks, text, lines = tokens(doc), doc_text(doc), _lines(doc)
        titles, asides = [], []
        for n, (start, end) in enumerate(lines):
            # the heading ends with a colon, or with the word itself ("Selected filmography",
            # not "4 Filmography" in a table of contents): then each line opens with its year.
            # "Her producing credits include:" heads a list too.
            colon = toks[end - 1].text == ":"
            listing = colon and any(max(start, end - 8) <= i < end for i in credits)
            if not listing and (end - start > 6 or not any(start <= i < end for i in labels)
                                or not (colon or end - 1 in labels and not toks[start].like_num)):
                continue
            for k, ((_, before), (s, e)) in enumerate(zip(lines[n:], lines[n + 1:])):
                if k and text[toks[before - 1].idx:toks[s].idx].count("\n") > 1:
                    break  # a blank line ends the list (one may follow the heading)
                if not colon and not YEARS.match(toks[s].text):
                    continue
                title = self._listed_title(doc, s, e)
                if title is not None:
                    titles.append(title)
                    asides += [(k, e) for k in range(title.end, e) if toks[k].text == "("][:1]
        return titles, asides

    def _listed_title(self, doc: Doc, start: int, end: int) -> Span | None:
        """The title of one filmography line: after a leading year and its dash, before the
        bracket of roles, a table's next cell or a trailing ", 2019"."""
        toks = tokens(doc)
        i = start + 1 if YEARS.match(toks[start].text) else start
        while i < end and toks[i].text in DASHES | LINE_MARKS:
            i += 1
        j = next((k for k in range(i, end) if toks[k].text in {"(", "|"}), end)  # roles, or a table's next cell
        j = next((k for k in range(i, j - 1)
                  if toks[k].text in DASHES | LINE_MARKS and YEAR.match(toks[k + 1].text)), j)
        while j > i and toks[j - 1].text in TRAILING:
            j -= 1
        words = [t.text for t in toks[i:j]]
        if 0 < len(words) <= self.settings.max_title_words and title_like(words):
            return make_span(doc, i, j, "FILM", "film:filmography")
        return None

    def _noise(self, line: str) -> bool:
        """A line of page furniture: "Search", "COMMENTS (2)", "Leave a Reply:"."""
        return PAGE_COUNT.sub("", line).strip().lower() in self.rules.page_noise

    @staticmethod
    def _rejoined(doc: Doc, found: list[Span]) -> list[Span]:
        """A title with a comma or "and" in it, found whole once (in quotes, after a cue in the
        singular), is whole where it is repeated: "shot Dry County and Red Clay, Blue Sky" names
        two films, "my credits include Salt and Honey, ..." one."""
        toks = tokens(doc)
        whole = [s for s in found if any(t.lower_ in {",", "and", "&"} for t in toks[s.start:s.end])]
        if not whole:
            return found
        lowers = doc.to_array(LOWER)
        for title in whole:
            words = lowers[title.start:title.end]
            for s in _occurrences(lowers, words):
                e = s + len(words)
                if s == title.start:
                    continue
                parts = [f for f in found if f.start < e and f.end > s]
                if parts and all(s <= f.start and f.end <= e for f in parts):
                    found = [f for f in found if f not in parts] + [make_span(doc, s, e, "FILM", "film:repeat")]
        return found

    def _repeats(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Later mentions of a title already found in this text, written without quotes or cue."""
        toks = tokens(doc)
        if not found:
            return []
        lowers = doc.to_array(LOWER)
        taken = {i for s in found for i in range(s.start, s.end)}
        out, seen = [], set()
        for title in found:
            words = lowers[title.start:title.end]
            if words.tobytes() in seen:
                continue
            seen.add(words.tobytes())
            for s in _occurrences(lowers, words):
                e = s + len(words)
                if taken & set(range(s, e)):
                    continue
                if not title_like([t.text for t in doc[s:e]]):
                    continue
                if (e < len(doc) and _is_cap(toks[e].text) and not toks[e].is_sent_start) or (
                        s > 0 and _is_cap(toks[s - 1].text) and not toks[s].is_sent_start
                        and not (toks[s - 1].is_sent_start and toks[s - 1].lower_ in STOP_WORDS)):  # "In X, ..."
                    continue
                taken |= set(range(s, e))
                out.append(make_span(doc, s, e, "FILM", "film:repeat"))
        return out

    def _quoted(self, doc: Doc, not_film: set[int], not_film_starts: set[int]) -> list[Span]:
        """Title-like text between a pair of quotes on one line, unless a non-film cue precedes
        it ("the song “X”", "said, “X”") or describes it right after ("“X,” the lead single"),
        or names the same text elsewhere ("her album “X”" … "“X” is out now"), or it is a
        call ("“Rolling!”")."""
        toks = tokens(doc)
        n, last = len(doc), -1
        out, refused = [], set()
        for i in self.quotes(doc):
            close = OPEN_QUOTES.get(toks[i].text)
            if close is None or i <= last:
                continue
            j = i + 1
            while j < n and toks[j].text != close and "\n" not in toks[j].text and j - i <= 40:
                j += 1
            if j >= n or toks[j].text != close:
                continue
            last, start, end = j, i + 1, j
            while end > start and toks[end - 1].text in TRAILING:
                end -= 1
            words = [t.text for t in doc[start:end]]
            if not (0 < len(words) <= self.settings.max_title_words and (
                    title_like(words) or self._foreign_title(words))) or self._nickname(toks, i, j) \
                    or (end < j and toks[end].text == "!" and len(words) <= 2):
                continue
            if self._reported(toks, i, end, j):
                continue
            if self._cued(not_film, i, doc) or self._described_as(doc, j + 1, not_film_starts, DESCRIBING):
                refused.add(" ".join(words).lower())
            else:
                out.append(make_span(doc, start, end, "FILM", "film:quoted"))
        return [s for s in out if s.text.lower() not in refused]

    def _reported(self, toks: list[Token], start: int, end: int, close: int) -> bool:
        """A quotation: a quote that opens its sentence ends in a comma and a speech verb follows,
        alone or after a name or a pronoun ("“Easier,” says Idris.", "“Harder,” Farah said.")."""
        if start > 0 and not (toks[start].is_sent_start or "\n" in toks[start - 1].text
                              or toks[start - 1].text in {".", "?", "!"}):
            return False
        if not (end < close and toks[end].text == ",") and not (close + 1 < len(toks) and toks[close + 1].text == ","):
            return False
        k = close + 1 + (close + 1 < len(toks) and toks[close + 1].text == ",")
        for i in range(k, min(k + 3, len(toks))):
            if toks[i].lower_ in self.rules.speech_verbs:
                return True
            if not (toks[i].is_title or toks[i].lower_ in {"he", "she", "they", "i", "we"}):
                return False
        return False

    def _list_tail(self, doc: Doc, quoted: list[Span]) -> list[Span]:
        """The last title of a list of quoted ones, written without quotes: "edited “Harbor
        Lights” and A Map of Small Things,", "“Ash Wednesday,” “Common Ground” and Half Light."
        The title, two words or more, runs to the punctuation that ends the list and looks like
        no name ("and Tom Hanks.") and no company ("and Netflix.", "and Killer Films.")."""
        toks = tokens(doc)
        out = []
        for q in quoted:
            k = q.end
            while k < min(len(doc), q.end + 3) and (toks[k].text in CLOSE_QUOTES or toks[k].text == ","):
                k += 1  # past “Title,” or “Title”,
            if k + 1 >= len(doc) or toks[k].lower_ != "and" or toks[k].whitespace_ != " ":
                continue
            end = self._title_end(doc, k + 1, listed=True)
            words = [t.text for t in toks[k + 1:end]]
            closed = end < len(doc) and toks[end].text in {",", ".", ";"}
            if closed and 1 < len(words) <= self.settings.max_title_words \
                    and self._bracket_title(words) and not self._looks_like_person(doc[k + 1:end]):
                out.append(make_span(doc, k + 1, end, "FILM", "film:listed"))
        return out

    def _foreign_title(self, words: list[str]) -> bool:
        """A title in a language that writes titles in sentence case, opening with its article:
        "La stagione delle vespe", "El alma no tiene color"."""
        return len(words) > 1 and words[0] in FOREIGN_ARTICLES and words[0].lower() in self.rules.title_particles \
            and all(w.isalpha() for w in words)

    def _nickname(self, toks: list[Token], i: int, j: int) -> bool:
        """One quoted word between a first and a family name: Margaret "Peggy" Haldane."""
        return j == i + 2 and i > 0 and j + 1 < len(toks) and toks[i - 1].is_title and toks[i - 1].is_alpha \
            and toks[i - 1].text not in self.rules.non_name_words and toks[j + 1].is_title and toks[j + 1].is_alpha

    @staticmethod
    def _described_as(doc: Doc, i: int, cue_starts: set[int], between: set[str] | None = None) -> bool:
        """A cue follows at `i`, after at most a comma and three words ("X, the lead single",
        "X, a song by", "the X video", "X, a small Baltimore drama"); with `between`, only
        those words ("“X” he said," is no description)."""
        toks = tokens(doc)
        j = i
        if j < len(doc) and toks[j].text == ",":
            j += 1
        for _ in range(3):
            if j in cue_starts:
                return True
            if j >= len(doc) or not (toks[j].is_alpha and (toks[j].is_lower or toks[j].is_title)
                                     or between is None and toks[j].text[:1].isdigit()) \
                    or (between is not None and toks[j].lower_ not in between):  # "a 1970s-set drama"
                return False
            j += 1
            while between is None and j + 1 < len(doc) and toks[j].text == "-" and toks[j + 1].is_alpha:
                j += 2  # "a low-budget thriller": a hyphenated word counts as one
        return j in cue_starts

    def _described(self, doc: Doc, cue_starts: set[int]) -> list[Span]:
        """An unquoted title followed by a describing film cue ("Harvest, a feature directed by")
        or by its credit ("Glass Orchard, directed by Lucía Serrano", unless it reads as a name)."""
        toks = tokens(doc)
        out = []
        for i in self.commas(doc):
            t = toks[i]
            credited = _credit_follows(toks, i)
            if t.i == 0 or not (credited or self._described_as(doc, t.i, cue_starts)):
                continue
            if not credited and toks[t.i + 1].lower_ not in {"a", "an", "her", "his", "my", "their", "our"} and not (
                    toks[t.i + 1].lower_ == "the" and t.i + 2 < len(doc) and toks[t.i + 2].lower_ in SEQUENCE_WORDS):
                continue  # "X, the second feature from ...", not "Sam, the film's producer"
            start = t.i
            # described in the singular, "and" may be inside: "Tomorrow and Tomorrow, a documentary about"
            inner = SMALL_WORDS if not credited else SMALL_WORDS - {"and", "&"}
            while start > 0 and (_is_cap(toks[start - 1].text) or (
                    toks[start - 1].lower_ in inner and start - 2 >= 0
                    and _is_cap(toks[start - 2].text))) \
                    and not toks[start - 1].is_space:
                start -= 1
                if toks[start].is_sent_start:
                    break
            start = self._after_role(doc, start, t.i)
            # "in Atlanta on The Architecture of Leaving": a capitalised article after a small word starts the title
            article = next((k for k in range(t.i - 1, start, -1) if toks[k].text in {"The", "A", "An"} and (
                toks[k - 1].is_lower and toks[k - 1].lower_ in SMALL_WORDS or _opening_adverb(toks[k - 1]))), None)
            start = _place_on(toks, start, t.i) if article is None else article
            while article is None and start < t.i and toks[start].lower_ in SMALL_WORDS:
                start += 1
            if credited and (any(w.lower_ == "by" for w in toks[start:t.i])  # "Directed by X, produced by"
                             or t.i - start == 1 and start > 0 and toks[start - 1].lower_ in PLACE_BEFORE):
                continue  # "a scrapyard in Queens, directed by": a place
            if start < t.i and t.i - start <= self.settings.max_title_words \
                    and not self._looks_like_person(doc[start:t.i], cued=not credited) \
                    and not (start > 0 and toks[start - 1].lower_ in {"by", "at"}) \
                    and not (toks[start].lower_ in STOP_WORDS and toks[start].lower_ not in {"the", "a", "an"}
                             and not _question_word_title(toks, start)):
                out.append(make_span(doc, start, t.i, "FILM", "film:described"))
        return out

    def _cued(self, cue_ends: set[int], quote_at: int, doc: Doc | None = None) -> bool:
        """A cue ends within the window before the opening quote ("the song “X”", "single, “X”"),
        in the same sentence when `doc` is given ("… MFA Film/Video program." / "“Yard Sale”")."""
        window = self.settings.title_cue_window
        toks = tokens(doc) if doc is not None else None
        return any(quote_at - window <= e <= quote_at and not (toks and (any(
            t.text in {".", "!", "?", ";"} or "\n" in t.text_with_ws for t in toks[e - 1:quote_at])
            or self._modifies(toks[e]))) for e in cue_ends)

    @staticmethod
    def _modifies(after: Token) -> bool:
        """The cue word describes the noun after it: "over a single harvest, “X”"."""
        return after.is_alpha and after.is_lower and after.lower_ not in NAMING_WORDS | STOP_WORDS

    def _after_cue(self, doc: Doc, cues: list[Span]) -> list[Span]:
        """Unquoted capitalised titles right after a film cue, one or a list of them
        ("the documentary Silent Water", "films such as Up, Coco and Inside Out", "her first
        feature as director, X"). After a cue in the singular, one title, which may hold "and"
        ("the documentary Salt and Iron")."""
        toks = tokens(doc)
        role_ends = {start: end for _, start, end in self.role_labels.ranges(doc)}
        out = []
        for cue in sorted(cues, key=lambda c: c.end):
            e = cue.end
            if e < len(doc) and toks[e].lower_ == "as" and e + 1 in role_ends:
                e = role_ends[e + 1]  # "her latest project as editor, X"
            i = e + (1 if e < len(doc) and toks[e].text == "," else 0)
            lead = _lead_end(doc, i)
            # after "called" a title may be any word: "a drama called Still"
            named = lead > i and toks[i].lower_ in NAMING_WORDS
            # "series including A and B", "series such as A and B": a list, whatever the cue's number
            examples = lead > i and toks[i].lower_ in {"including", "such", "like"}
            out += self._title_list(doc, lead if lead > i else e, "film:after-cue", cued=True,
                                    one=_singular(cue.text) and not examples, named=named)
        return out

    def _after_network(self, doc: Doc) -> list[Span]:
        """A title after a network's or studio's possessive: "ITV's Holloway Green"."""
        toks = tokens(doc)
        return [s for _, start, e in self.networks.ranges(doc)
                if e + 1 < len(doc) and toks[e].text in {"'s", "’s"}
                for s in self._title_list(doc, e + 1, "film:network", cued=True)[:1]
                if not self._looks_like_person(s, cued=True) and s[0].text != toks[start].text]  # "Amazon's Amazon Prime"

    def _role_on(self, doc: Doc) -> list[Span]:
        """A title after a role and "on": "the director of photography on The Long Way Home"."""
        toks = tokens(doc)
        return [s for _, _, e in self.role_labels.ranges(doc)
                if e + 1 < len(doc) and toks[e].lower_ == "on" and (toks[e - 1].is_lower or _abbreviation(toks[e - 1]))
                for s in self._until_person(self._title_list(doc, e + 1, "film:after-role", cued=True))]

    def _until_person(self, titles: list[Span]) -> list[Span]:
        """A list of titles up to a person's name: not "The 1st AD on X, Ray Bellamy,"."""
        end = next((k for k, s in enumerate(titles) if k and self._looks_like_person(s)), len(titles))
        return titles[:end]

    def _title_list(self, doc: Doc, i: int, rule: str, cut_at: frozenset[str] = frozenset(),
                    cued: bool = False, one: bool = False, named: bool = False) -> list[Span]:
        """Titles from token i on: one, or a list joined by commas and "and", with brackets and
        short asides (", directed by X,") between them. After a comma the title must be closed
        by punctuation ("my first feature, The Last Ferry, which ..."). `one`: the first title
        may hold "and", unless a name follows it ("the film Moonlight and Barry Jenkins").
        `named`: the first title may start with any word ("called Still")."""
        toks = tokens(doc)
        out: list[Span] = []
        enclosed = i < len(doc) and toks[i].text == ","
        i += enclosed
        while i < len(doc) and not (out and toks[i].is_sent_start):
            end = self._title_end(doc, i, listed=bool(out), line=named and not out)
            if one and not out:
                joined = self._title_end(doc, i, allow_and=True)
                if joined > end and not self._looks_like_person(doc[end + 1:joined]):
                    end = joined
            end = next((k for k in range(i, end) if toks[k].lower_ in cut_at and toks[k].is_lower), end)  # not "From"
            if self._not_listed_title(doc, i, end, first=not out, cued=cued):
                break
            if self._modifier(toks, i, end):
                break  # "Pelletier's Québec epic La Grande Rivière": a modifier, not a title
            if enclosed and not out and (end >= len(doc) or toks[end].text not in {",", ".", ";", "("}):
                break
            out.append(make_span(doc, i, end, "FILM", rule))
            nxt = _skip_character(doc, _skip_aside(doc, end))
            while nxt < len(doc) and toks[nxt].lower_ in {",", "and", "as", "well"}:
                nxt += 1
            if nxt == end:
                break
            i = nxt
        return out

    def _modifier(self, toks: list[Token], start: int, end: int) -> bool:
        """Capitalised words before a noun that names a kind of work ("Québec epic"); one such word
        also before a person's or with one word between ("Cuban photographer", "British war films")."""
        if end < len(toks) and toks[end].lower_ in self.cue_words:
            return True
        if end >= len(toks) or end - start != 1 or not toks[end].is_lower:
            return False
        return toks[end].lower_ in self.not_heads or (end + 1 < len(toks) and toks[end + 1].lower_ in self.cue_words
                                                      and toks[end].is_alpha and toks[end].lower_ not in STOP_WORDS)

    def _not_listed_title(self, doc: Doc, i: int, end: int, first: bool, cued: bool) -> bool:
        """Tokens i..end are no title of a list: none, too long, a role word, a lone year, or
        (first in the list) a name: one that looks like a person or stands before a possessive."""
        toks = tokens(doc)
        if end == i or end - i > self.settings.max_title_words or doc[i:end].text in self.rules.roles \
                or (end - i == 1 and YEAR.match(toks[i].text)):
            return True
        if end < len(doc) and (toks[end].text in POSSESSIVES or _bare_possessive(toks, end)):
            return True  # "the film Orrin Gate, Tom Ruel's debut": an owner, not a title
        if end + 1 < len(doc) and toks[end].text == "-" and not toks[end - 1].whitespace_ and toks[end + 1].is_lower:
            return True  # "the cast of Atlanta-set family drama": a place made an adjective
        return first and self._looks_like_person(doc[i:end], cued=cued)

    @staticmethod
    def _title_end(doc: Doc, i: int, listed: bool = False, allow_and: bool = False, line: bool = False) -> int:
        """End of a capitalised title starting at token i (small words allowed inside). A title
        may not start with a function word ("It"), except further down a list ("Up", "Inside Out")
        or on a line of its own ("WHAT THE RIVER KEEPS")."""
        toks = tokens(doc)
        first = toks[i]
        if first.text in OPEN_QUOTES or not _is_cap(first.text):
            return i
        if not line and first.lower_ in (PRONOUNS if listed else STOP_WORDS - {"the", "a", "an"}) \
                and not _question_word_title(toks, i):
            return i
        end = i
        while end < len(doc) and not toks[end].is_space and not (end > i and toks[end].is_sent_start):
            if _is_cap(toks[end].text):
                if end > i and toks[end].text == "I" and end + 1 < len(doc) and toks[end + 1].is_lower:
                    break  # "On the series Quiet Hours I was writing": the pronoun, not a numeral
                end += 1
                continue
            # small words inside a title need a capitalised word after them: "Dawn of the Planet"
            inner = INNER_SMALL_WORDS | ({"and"} if allow_and else set())
            k = end
            while k < len(doc) and k - end < 2 and toks[k].lower_ in inner:
                k += 1
            if k == end or k >= len(doc) or not _is_cap(toks[k].text) or toks[k].is_sent_start \
                    or YEAR.match(toks[k].text):
                break
            end = k
        return end

    @staticmethod
    def _past_speaker(toks: list, start: int, end: int) -> int:
        """Where a sentence's words start, past spaces, an interview's speaker label ("Sam:")
        and an opening conjunction ("And Ledger is a very different film")."""
        while start < end and toks[start].is_space:
            start += 1
        if start + 2 < end and toks[start].is_title and toks[start + 1].text == ":":
            start += 2
        if start + 1 < end and toks[start].lower_ in {"and", "but", "so"}:
            start += 1
        return start

    @staticmethod
    def _asks(toks: list[Token], start: int, end: int) -> bool:
        """A title that is a question or an exclamation, commas and all: "They Shoot Horses,
        Don't They?" (capitalised words, small words and contractions only)."""
        return end - start > 1 and toks[end - 1].text in {"?", "!"} and _is_cap(toks[start].text) and all(
            _is_cap(t.text) or t.lower_ in SMALL_WORDS or t.text in {",", "'", "’"} or t.lower_ in {"n't", "n’t"}
            for t in toks[start:end - 1])

    def _defined(self, doc: Doc, cue_starts: dict[int, int]) -> list[Span]:
        """A sentence that defines a film: "Ocean Waves is a 1993 Japanese anime television
        film directed by ...", "Ebb is a feature documentary about ..." (between "is a" and
        the cue only adjectives, names and numbers; the cue is the head noun)."""
        toks = tokens(doc)
        out = []
        for verb_at in self.copulas(doc):
            if not any(j in cue_starts for j in range(verb_at + 2, verb_at + 12)):
                continue
            start = verb_at  # back to the start of the sentence, over at most a title and a bracket
            while start > 0 and not toks[start].is_sent_start and verb_at - start < 40:
                start -= 1
            if not toks[start].is_sent_start:
                continue
            sent = doc[start:verb_at + 1]
            start = self._past_speaker(toks, start, sent.end)
            end = self._title_end(doc, start, allow_and=True) if start < sent.end else start
            if end == start and start < sent.end and toks[start].is_title and toks[start].lower_ in self.rules.title_particles:
                end = start + 1  # "La prima notte di quiete is a 1972 film"
            if end > start:
                end = self._sentence_case(doc, doc[start:end]).end
            if self._asks(toks, start, verb_at):
                end = verb_at
            verb = _skip_aside(doc, end)
            if end == start or verb + 2 >= len(doc) or toks[verb].lower_ not in {"is", "was"}:
                continue
            if toks[verb + 1].lower_ not in DETERMINERS or self._looks_like_person(doc[start:end]):
                continue
            for j in range(verb + 2, min(len(doc), verb + 12)):
                if j in cue_starts:
                    k = cue_starts[j]
                    if k in cue_starts:  # "drama film", "television series": the last cue is the head
                        continue
                    after = toks[k] if k < len(doc) else None
                    if after is None or not after.is_alpha or after.lower_ not in self.not_heads:
                        out.append(make_span(doc, start, end, "FILM", "film:defined"))
                    break
                if toks[j].lower_ in self.rules.org_cues or toks[j].lower_ in {"whose", "who", "which", "that"}:
                    break  # "Blumhouse is a multimedia company producing feature films", "X is a producer whose films"
                hyphen = toks[j].text == "-" and not toks[j - 1].whitespace_  # "Tamil-language"
                joined = toks[j].lower_ == "and" and j + 1 < len(doc) and toks[j + 1].is_title  # "Italian and French"
                if not (toks[j].is_alpha or toks[j].like_num or hyphen) \
                        or (toks[j].lower_ in SMALL_WORDS and not (hyphen or joined)):
                    break
        return out
