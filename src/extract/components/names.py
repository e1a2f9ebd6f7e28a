"""People's names from capitalised runs, scored with name lists and context cues.

A run of capitalised tokens ("Assistant Director Liv Li") is trimmed of words that are
never part of a name, split where such a word sits inside it, and kept as a person when
its evidence reaches `Settings.person_min_score`: a known given name first, a known
family name last (or first, for family-name-first order), a cue just before it ("photo
by", "starring"), a last word that stands alone elsewhere in the text ("Dragomir said").
A programme bio's capitalised name before its roles ("ADAEZE NWOSU (Director)") is a person. A name right before an organisation word ("Walt Disney Studios") or
after an organisation cue ("brands such as") is not a person. Single capitalised tokens
are kept apart in `doc.spans["name_parts"]`: the article step links them to full names.
"""
from __future__ import annotations

from collections import Counter

import re
import unicodedata

from spacy.attrs import SPACY
from spacy.language import Language
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from ..rules import Rules
from ..settings import Settings
from .matching import Phrases, claimed, is_leader, line_breaks, make_span, orths, text_of, tokens

PARTICLES = {"de", "van", "von", "da", "der", "den", "del", "della", "di", "du", "la", "le", "bin", "al", "y",
             "ó", "ní", "nic", "uí", "mac"}  # Irish: "Bríd Ní Fhlatharta", "Cormac Ó Dálaigh"
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
# Month names that are also given names: between two name words they are a middle name ("Henrik August Angell").
MONTH_NAMES = {"April", "May", "June", "August"}
LIST_GLUE = {",", "and", "&", "such", "as", "like", "including", "the", "for", "with", "or", "from"}
MAX_NAME_WORDS = 4
ROLE_GLUE = {"and", "&", ",", "/"}  # between the role words of a headline ("Editor and Colorist")
# Cues after which a list of names follows: a full name there is a person even when the
# name lists do not know it; after a cast cue (a "starring" phrase of rules/role_verbs.tsv)
# a single name too ("starring Jayaram"), not after "produced by" (companies produce).
CREW_LIST_CUES = {"directed by", "produced by", "written by", "music by", "shot by", "edited by", "created by"}
# The second half of a compound modifier after a place ("Belgrade-born", "Paris-based"; also
# any word in -ed): it ends a name, unlike the second half of "Kar-wai".
HYPHEN_MODIFIERS = {"born", "bound", "era", "style"}
# A romanised East Asian given name written with a hyphen (Kar-wai, Min-ji, Hsiao-hsien).
HYPHENATED = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
# A Mandarin given name in pinyin: one or two syllables (Wei, Shuyi, Jiayu, Xiaoqing).
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|ang|eng|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|ü)")
PINYIN = re.compile(rf"^(?:{_SYLLABLE}){{1,2}}$", re.IGNORECASE)
# Kept at the front of a name's mention ("Ms. Liu"); the article step folds them away.
HONORIFICS = {"Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mr", "Ms", "Mrs", "Dr", "Miss"}
# After these words a capitalised pair is more often a place than a person.
PLACE_BEFORE = {"in", "around", "near", "across", "outside", "inside", "from", "at", "to", "toward", "towards"}
PLACE_ADJECTIVE = re.compile(r"-(?:[a-z]+ed|born|based)$")
# Words that open a bracket of life dates after a name ("(born 1985)", "(née Okafor)").
LIFE_WORDS = {"born", "née", "nee", "b."}
LIFESPAN = re.compile(r"\b\d{4}\b.*[-–—].*\b\d{4}\b")  # "1940–2016", "22 June 1940 – 4 July 2016"
# Entity labels of pretrained pipelines (OntoNotes, WikiNER) that name people.
PERSON_LABELS = {"PERSON", "PER"}


def _name_text(text: str) -> bool:
    """Capitalised word with lower-case letters (Liv, FitzSimmons, Nguyễn) or an initial (J.)."""
    if not text[:1].isupper():
        return False
    if len(text) == 2 and text[1] == ".":
        return True
    return text[:1].isalpha() and any(c.islower() for c in text)


def is_name_token(token: Token) -> bool:
    return _name_text(token.text)


NAME, SUFFIX, PARTICLE, HYPHEN, ALPHA, QUOTE, OTHER = range(7)
QUOTES = {'"', "“", "”", "‘", "’", "'"}


def _fit(start: int, end: int, ents: list[tuple[int, int]]) -> tuple[int, int]:
    """Narrows a piece to the one pretrained PERSON entity inside it, if there is one."""
    inside = [(s, e) for s, e in ents if start <= s and e <= end]
    return inside[0] if len(inside) == 1 else (start, end)


def _known(word: str, names: frozenset[str]) -> bool:
    """In the list as written, without accents, or (hyphenated) by its first part."""
    return (word in names or fold_accents(word) in names
            or ("-" in word and word.split("-")[0] in names))


def fold_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _life_dates(toks: list[Token], end: int) -> bool:
    """A bracket of birth or life dates right after the name, as an encyclopaedia opens a
    biography: "(born 1 October 1985)", "(née Smith)", "(Hindi: …; born …)", "(1940–2016)"."""
    if end >= len(toks) or toks[end].text != "(":
        return False
    inside = []
    for tok in toks[end + 1:end + 16]:
        if tok.text == ")":
            break
        inside.append(tok)
    return bool({t.lower_ for t in inside} & LIFE_WORDS) or bool(LIFESPAN.search(" ".join(t.text for t in inside)))


class PersonNames:
    """Stores people in `doc.spans["people"]`, single name parts in `doc.spans["name_parts"]`
    and names introduced by a subject cue ("Life & Work with X") in `doc.spans["subject_cues"]`."""

    def __init__(self, nlp: Language, rules: Rules, settings: Settings):
        self.rules = rules
        self.settings = settings
        self.person_cues = Phrases(nlp, rules.person_cues)
        self.subject_cues = Phrases(nlp, rules.subject_cues)
        self.roles = Phrases(nlp, rules.roles)
        self.vocab = nlp.vocab
        self._kinds: dict[int, int] = {}
        self.role_words = {w for phrase in rules.roles for w in phrase.lower().split()}
        self.cast_cues = {p for p, (_, kind) in rules.role_verbs.items() if kind == "starring"}
        self.list_cues = self.cast_cues | CREW_LIST_CUES

    def __call__(self, doc: Doc) -> Doc:
        busy = claimed(doc, "films", "schools")
        # a person cue or a role word right before a name ("cinematographer Astrid Holm", "Director: X")
        roles = self.roles.ranges(doc)
        role_ends = {e for _, _, e in roles}
        cue_ends = {e for _, _, e in self.person_cues.ranges(doc)} | role_ends
        # a name right before "is" and a role with no article holds a post: "X is line producer"
        toks = tokens(doc)
        posts = {s - 1 for _, s, _ in roles if s > 1 and toks[s - 1].lower_ in {"is", "was"}}
        ents = [(e.start, e.end) for e in doc.ents if e.label_ in PERSON_LABELS]
        ner = {i for s, e in ents for i in range(s, e)}
        people, parts, rejected = [], [], []
        # "she played Nora Bevan": the name after a character verb is a part, not a person
        parts_played = {v.end for v in doc.spans["role_verbs"] if v.id_ == "verb:character"} \
            if "role_verbs" in doc.spans else set()
        # "roles including Merle Jackson in X, Mandy Cutler in Y": the names before such titles too
        parts_played |= {f.start - 1 for f in doc.spans["films"] if f.id_ == "film:after-character"}
        parts_played |= {c.start for c in doc.spans.get("characters", [])}  # "Breakers (actor, “Eddie Malone”)"
        runs = [r for r in self._runs(doc, busy) if r[0] not in parts_played and r[1] not in parts_played]
        # single capitalised words standing alone: a family name repeated in a profile ("Dragomir said")
        alone = Counter(toks[s].text for s, e in runs if e - s == 1 and not toks[s].is_upper)
        for run in runs:
            for start, end, after_word in self._pieces(doc, run):
                start, end = _fit(start, self._headline_word(toks, start, end), ents)
                if end - start == 1 or self._joined_word(toks, start, end):  # "Dragomir", "Ekdahl-Roos"
                    if not self._org_context(doc, start, end, busy) and not after_word:
                        parts.append(make_span(doc, start, end, "NAME_PART", "name:part"))
                    continue
                cued = end in posts or self._cued(doc, start, cue_ends)
                rule = self._judge(doc, start, end, cued, ner, need=2 if after_word else 1, alone=alone, busy=busy,
                                   block=self._in_credit_block(doc, start, role_ends))
                if rule:
                    people.append(make_span(doc, start, end, "PERSON", rule))
                elif end - start == 2 and toks[start].text in HONORIFICS:
                    parts.append(make_span(doc, start + 1, end, "NAME_PART", "name:part"))  # "Mr. Murgia's"
                else:
                    rejected.append((start, end))
        people = [self._caps_family(doc, p, busy) for p in people] + self._caps_bios(doc, busy)
        people, parts = self._listed(doc, people, parts, busy)
        known = {s.text for s in people}
        people += [make_span(doc, s, e, "PERSON", "name:repeat") for s, e in rejected
                   if text_of(doc, s, e) in known]
        people = list({(s.start, s.end): s for s in reversed(people)}.values())[::-1]  # each span once
        doc.spans["people"] = people
        doc.spans["name_parts"] = parts
        doc.spans["subject_cues"] = self._subject_names(doc, people + parts)
        return doc

    def _runs(self, doc: Doc, busy: set[int]) -> list[tuple[int, int]]:
        """Maximal runs of name tokens, joined by hyphens ("Min-ji") and name particles ("de").
        Works on the doc's arrays of token ids: only the tokens of a run become Token objects."""
        if not len(doc):
            return []
        known = self._kinds
        kinds = [known[o] if o in known else self._kind(o) for o in orths(doc).tolist()]
        spaced = doc.to_array(SPACY).tolist()  # 1 where a space follows the token
        n = len(doc)
        runs: list[tuple[int, int]] = []
        for start in [i for i, kind in enumerate(kinds) if kind == NAME]:
            if start in busy or (runs and start < runs[-1][1]):
                continue
            end = start + 1
            while end < n and end not in busy and self._continues(end, kinds, spaced):
                end += 1
            runs.append((start, end))
        return runs

    @staticmethod
    def _continues(i: int, kinds: list[int], spaced: list[int]) -> bool:
        """Token i extends the run before it: a name word, a suffix, a particle (or two: "von
        der") before a name word, a hyphen joining two words, or the quotes of a nickname
        (Margaret "Peggy" Haldane)."""
        kind, n = kinds[i], len(kinds)
        return (kind in (NAME, SUFFIX)
                or (kind == QUOTE and i + 3 < n and kinds[i + 1] == NAME and kinds[i + 2] == QUOTE
                    and kinds[i + 3] == NAME)
                or (kind == QUOTE and i >= 2 and kinds[i - 2] == QUOTE and kinds[i - 1] == NAME
                    and i + 1 < n and kinds[i + 1] == NAME)
                or (kind == PARTICLE and i + 1 < n and (kinds[i + 1] == NAME or (
                    kinds[i + 1] == PARTICLE and i + 2 < n and kinds[i + 2] == NAME)))
                or (kind == HYPHEN and not spaced[i - 1] and not spaced[i] and i + 1 < n
                    and kinds[i + 1] in (NAME, ALPHA))
                or (kind in (NAME, ALPHA) and kinds[i - 1] == HYPHEN and not spaced[i - 2]))

    def _caps_bios(self, doc: Doc, busy: set[int]) -> list[Span]:
        """A programme bio opening with a name in capitals and the person's roles in brackets or
        after a comma: "ADAEZE NWOSU (Director, Co-Writer) is ...", "COLIN THREADGILL, Actor"."""
        toks = tokens(doc)
        out = []
        for start in [0, *(b + 1 for b in line_breaks(doc))]:
            end = start
            while end < len(doc) and end - start < 5 and (toks[end].is_upper and toks[end].is_alpha
                                                           or toks[end].text == "-" and end > start):
                end += 1
            if 2 <= end - start <= 4 and end + 1 < len(doc) and toks[end].text in {"(", ","} \
                    and toks[end + 1].lower_ in self.role_words and not busy & set(range(start, end)):
                out.append(make_span(doc, start, end, "PERSON", "name:caps-bio"))
        return out

    def _caps_family(self, doc: Doc, person: Span, busy: set[int]) -> Span:
        """A family name in capitals before the given name, as festivals write East Asian and
        Vietnamese names: "Dir. KIM Seo-yeon", "NGUYỄN Thảo Vy"."""
        i = person.start - 1
        toks = tokens(doc)
        if i < 0 or i in busy or not (toks[i].is_upper and toks[i].is_alpha and len(toks[i]) > 1) \
                or not toks[i].whitespace_ or not _known(toks[i].text.title(), self.rules.surnames) \
                or (i > 0 and toks[i - 1].is_upper and toks[i - 1].is_alpha):
            return person
        return make_span(doc, i, person.end, "PERSON", f"{person.id_}+caps-family")

    def _kind(self, orth: int) -> int:
        """What a token text can be in a name, cached per text for the life of the component."""
        kind = self._kinds.get(orth)
        if kind is None:
            text = self.vocab.strings[orth]
            if _name_text(text):
                kind = NAME
            elif text in SUFFIXES:
                kind = SUFFIX
            elif text.lower() in PARTICLES:
                kind = PARTICLE
            elif text == "-":
                kind = HYPHEN
            elif text in QUOTES:
                kind = QUOTE
            elif text.isalpha() and text.islower() and (text.endswith("ed") or text in HYPHEN_MODIFIERS):
                kind = OTHER  # "Paris-based Ana Ruiz": the place is no part of the name after it
            elif text.isalpha():
                kind = ALPHA
            else:
                kind = OTHER
            self._kinds[orth] = kind
        return kind

    def _pieces(self, doc: Doc, run: tuple[int, int]) -> list[tuple[int, int, bool]]:
        """Splits a run at words that are never part of a name; drops pieces before an
        organisation word ("Walt Disney" in "Walt Disney Studios"). The flag says the piece
        follows a never-a-name word that is no title or role ("Antonio" in "San Antonio")."""
        toks = tokens(doc)
        pieces, start, after_word = [], None, False
        for i in range(run[0], run[1] + 1):
            token = toks[i] if i < run[1] else None
            # the second half of a hyphenated name is part of it ("Okonkwo-Bright")
            stop = token is None or (self._never_name(token) and not (
                start is not None and (self._after_hyphen(toks, i, start) or token.text in SUFFIXES
                                       or self._middle_month(toks, i, start, run[1])))) \
                or (start is None and self._hyphen_tail(toks, i, run[0]))
            if stop and start is not None:
                if not (token is not None and token.text in self.rules.org_suffixes):
                    pieces.append((start, i, after_word))
                start = None
            elif not stop and start is None:
                # "Ms. Nadia Okafor": the honorific belongs to the mention
                start = i - 1 if i > run[0] and toks[i - 1].text in HONORIFICS else i
            if stop and token is not None:
                # a capitalised first word of a sentence says nothing about what follows
                after_word = not (self._opener(token) or token.is_sent_start)
        return [p for p in pieces if sum(w.lower() not in PARTICLES for w in text_of(doc, p[0], p[1]).split())
                <= MAX_NAME_WORDS]

    def _headline_word(self, toks: list[Token], start: int, end: int) -> int:
        """A name in a title-case headline runs into the capitalised word after it: "Theodora
        Vance Steps Up to 1st AD". A last word of the language (no known name) before another
        capitalised word is left out, when two name words stay."""
        last = toks[end - 1].text
        if end - start >= 3 and end < len(toks) and toks[end].text[:1].isupper() \
                and last.lower() in self.rules.common_words \
                and not (_known(last, self.rules.given_names) or _known(last, self.rules.surnames)):
            return end - 1
        return end

    @staticmethod
    def _joined_word(toks: list[Token], start: int, end: int) -> bool:
        """Two capitalised words joined by a hyphen, no spaces: one word ("Ekdahl-Roos")."""
        return end - start == 3 and toks[start + 1].text == "-" and not toks[start].whitespace_ \
            and not toks[start + 1].whitespace_ and toks[start + 2].text[:1].isupper()

    @staticmethod
    def _hyphen_tail(toks: list[Token], i: int, run_start: int) -> bool:
        """A hyphen, or the word after it, whose left part is no name: "Writer-director" is no name."""
        return toks[i].text == "-" or (i - 1 > run_start and toks[i - 1].text == "-" and not toks[i - 2].whitespace_)

    @staticmethod
    def _after_hyphen(toks: list[Token], i: int, start: int) -> bool:
        """Token i follows a hyphen that joins it to the name word before it."""
        return i - 2 >= start and toks[i - 1].text == "-" and not toks[i - 2].whitespace_ \
            and not toks[i - 1].whitespace_ and is_name_token(toks[i - 2])

    def _middle_month(self, toks: list[Token], i: int, start: int, end: int) -> bool:
        """A month name between a known given name and another name word is a middle name."""
        return toks[i].text in MONTH_NAMES and i - 1 == start and i + 1 < end \
            and _known(toks[start].text, self.rules.given_names) and not self._never_name(toks[i + 1])

    def _opener(self, token: Token) -> bool:
        """A word that may stand before a name: an honorific, an office or a role word."""
        return (token.text in self.rules.name_openers or token.lower_ in self.role_words
                or token.lower_ in STOP_WORDS)

    def _never_name(self, token: Token) -> bool:
        text = token.text
        return (text in self.rules.non_name_words or text.lower() in STOP_WORDS
                and text not in self.rules.given_names and text not in self.rules.surnames)

    def _judge(self, doc: Doc, start: int, end: int, cued: bool, ner: set[int],
               need: int = 1, alone: Counter | None = None, block: bool = False, busy: set[int] = frozenset()
               ) -> str | None:
        """The rule that makes this span a person, or None. An optional pretrained pipeline's
        PERSON entity counts as one more piece of evidence; so does a last word that stands
        alone elsewhere in the text at least twice (a family name used on its own)."""
        toks = tokens(doc)
        text = text_of(doc, start, end)
        if PLACE_ADJECTIVE.search(text):
            return None  # "Austin-raised", "Lagos-born": a place made an adjective
        if self._org_context(doc, start, end, busy) or (text in self.rules.brands and not cued):
            return None
        if start > 0 and toks[start - 1].lower_ in PLACE_BEFORE and not (
                end < len(doc) and toks[end].text in {"'s", "’s"}):
            need = max(need, 2)  # "grew up in Monterey Park": a place unless the name is well known
        words = text.split()
        first, last = words[0], words[-2 if len(words) > 2 and words[-1] in SUFFIXES else -1]  # "… Jr."
        given, family = self.rules.given_names, self.rules.surnames
        if any(w.lower() in self.rules.common_words and not (_known(w, given) or _known(w, family))
               for w in words):
            need = max(need, 2)  # "Orlando Magic", "Jazz Singer": a word of the language, not a name
        evidence = []
        if _known(first, given):
            evidence.append("given")
        if _known(last, family) or self._surname_shape(last):
            evidence.append("surname")
        elif _known(first, family) and len(words) == 2 and (
                _known(last, given) or HYPHENATED.match(last) or PINYIN.match(last)):
            evidence.append("family-first")
        if ner.issuperset(range(start, end)):
            evidence.append("ner")
        if len(words) > 2 and words[1][:1] in QUOTES:
            evidence.append("nickname")  # Margaret "Peggy" Haldane
        # a family name used alone elsewhere; once is enough after a cue ("Composer Hanne Sørlie ... Sørlie said")
        if alone and alone[last] >= (1 if cued else self.settings.person_alone_min) and "surname" not in evidence \
                and last.lower() not in self.rules.common_words:
            evidence.append("repeated")
        if block:
            evidence.append("credit-block")
        if _life_dates(toks, end):
            evidence.append("born")
        score = len(evidence) + (self.settings.person_cue_weight if cued else 0.0)
        if cued:
            evidence.append("cue")
        if score >= max(need, self.settings.person_min_score):
            return "name:" + "+".join(evidence)
        return None

    def _surname_shape(self, word: str) -> bool:
        """A family name by its ending ("Sigurðardóttir", "Kowalski", "Petrović"), when the
        word is no everyday word."""
        low = word.lower()
        return len(low) > 5 and low.endswith(self.rules.surname_endings) and low not in self.rules.common_words

    @staticmethod
    def _cued(doc: Doc, start: int, cue_ends: set[int]) -> bool:
        """A person cue ends right before the name, or before "the", "a", "," or ":" and the name."""
        toks = tokens(doc)
        return start in cue_ends or (start - 1 in cue_ends and toks[start - 1].lower_ in {"the", "a", ",", ":"})

    @staticmethod
    def _in_credit_block(doc: Doc, start: int, role_ends: set[int]) -> bool:
        """The name follows a role and the dots or tab of a credit block ("Production Designer
        ........ Bríd Ní Fhlatharta"): that line shape names a person whatever the words."""
        toks = tokens(doc)
        i = start
        while i > 0 and is_leader(toks[i - 1]):
            i -= 1
        return i < start and i in role_ends

    def _org_context(self, doc: Doc, start: int, end: int, busy: set[int]) -> bool:
        """An organisation cue shortly before the name ("brands such as X", "the band X")
        or right after it ("a X sneaker campaign", "a X commercial")."""
        toks = tokens(doc)
        after = toks[end:end + 2]
        if after and after[0].is_lower and after[0].is_alpha and (
                after[0].lower_ in self.rules.org_cues
                or (len(after) > 1 and after[1].is_lower and after[1].lower_ in self.rules.org_cues)):
            return True
        window = self.settings.org_cue_window
        i = start - 1
        while i >= max(0, start - window) and not toks[i].is_sent_start:
            word = toks[i]
            if i in busy:
                return False  # a film's title ends the context: "the drama “Red Clay County,” Marsh"
            if self._org_cue(word):
                return True
            if not (word.lower_ in LIST_GLUE or is_name_token(word) or word.is_upper or word.is_punct):
                return False
            i -= 1
        return i >= 0 and self._org_cue(toks[i])

    def _org_cue(self, word: Token) -> bool:
        """An organisation cue word ("brand", "ad"); one in capitals is an abbreviation ("first AD")."""
        return word.lower_ in self.rules.org_cues and not (word.is_upper and len(word) > 1)

    def _listed(self, doc: Doc, people: list[Span], parts: list[Span], busy: set[int]
                ) -> tuple[list[Span], list[Span]]:
        """Names in a cast or crew list are people: full names after a list cue or a role label
        ("Producers: Ama Oduya, Jae Park"), single names too after a cast cue ("starring
        Jayaram, Priyamani and Narain")."""
        toks = tokens(doc)
        people_at = {s.start: s for s in people}
        parts_at = {s.start: s for s in parts}
        promoted, dropped = [], set()
        lists = [(cue.end, cue.text.lower() in self.cast_cues) for cue in self.person_cues.spans(doc)
                 if cue.text.lower() in self.list_cues or cue.text.endswith(":")]
        lists += [(end + 1, False) for _, _, end in self.roles.ranges(doc)
                  if end < len(doc) and toks[end].lower_ in {":", "is", "are", "was", "were"}]
        for i, singles in lists:
            while i < len(doc):
                item = self._cast_item(toks, i, busy) if singles else None
                if item and not (i in people_at and people_at[i].end >= item):
                    dropped.add(i)  # "Susannah York", "Red Buttons": the whole item is the name
                    parts_at.pop(i, None)
                    promoted.append(Span(doc, i, item))
                    i = item
                elif i in people_at:
                    i = people_at[i].end
                elif i in parts_at and singles:
                    promoted.append(parts_at.pop(i))
                    i += 1
                elif is_name_token(toks[i]) and i not in busy and not self._never_name(toks[i]):
                    end = i + 1
                    while end < len(doc) and end - i < MAX_NAME_WORDS and end not in busy \
                            and not toks[end].is_sent_start and not self._never_name(toks[end]) \
                            and (is_name_token(toks[end]) or toks[end].text == "-"):
                        end += 1
                    if (end < len(doc) and toks[end].text in self.rules.org_suffixes) or (
                            end - i == 1 and not singles):
                        break
                    promoted.append(Span(doc, i, end))
                    i = end
                elif toks[i].text in {",", "and", "&"}:
                    i += 1
                elif toks[i].text == "(":
                    i = next((j + 1 for j in range(i, min(len(doc), i + 12)) if toks[j].text == ")"), len(doc))
                else:
                    break
        people = [p for p in people if p.start not in dropped]
        people += [make_span(doc, s.start, s.end, "PERSON", "name:listed") for s in promoted]
        return sorted(people, key=lambda s: s.start), list(parts_at.values())

    @staticmethod
    def _cast_item(toks: list[Token], i: int, busy: set[int]) -> int | None:
        """The end of a cast list's item of two to four capitalised words that runs up to the
        list's next comma, "and" or full stop ("It stars A, Susannah York, Red Buttons and B"):
        such an item is one name even when its words are also places or ordinary words."""
        end = i
        while end < len(toks) and end - i < MAX_NAME_WORDS and end not in busy and _name_text(toks[end].text) \
                and (end == i or not toks[end].is_sent_start):
            end += 1
        if end - i < 2 or end >= len(toks) or toks[end].text not in {",", "and", "&", ".", ";"}:
            return None
        return end

    def _subject_names(self, doc: Doc, names: list[Span]) -> list[Span]:
        """Names right after a subject cue, role words in between skipped ("Spotlight: Stunt
        Coordinator and Second Unit Director X")."""
        starts = {s.start: s for s in names}
        role_ends = {s: e for _, s, e in self.roles.ranges(doc)}
        found = []
        for _, _, cue_end in self.subject_cues.ranges(doc):
            i = cue_end
            while i in role_ends or (i + 1 in role_ends and doc[i].lower_ in ROLE_GLUE and i > cue_end):
                i = role_ends.get(i, i + 1)
            if i in starts:
                s = starts[i]
                found.append(make_span(doc, s.start, s.end, "SUBJECT", "subject:cue"))
        return found
