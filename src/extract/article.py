"""From the processed Docs of one article to a validated Record: fold mentions into people,
films and schools, find the profiled person, and name the entities of every credit and
education fact."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from .components.matching import char_range, doc_text, sentence_starts, tokens
from .fold import BORN, Entity, fold_owned_schools, fold_people, fold_short_titles, fold_titles
from .io import Article
from .models import Credit, Education, Evidence, Record
from .relations import SUBJECT, Fact, Ref, read_facts
from .rules import OWN_ROLE, Rules
from .settings import Settings

LINE_START = re.compile(r"\n\s*")
BIRTH_WORDS = {"born", "née", "nee"}
FILM_ONLY_RULES = {"credit:by", "credit:starring", "credit:verb", "credit:paren", "credit:project", "credit:cast-list",
                   "credit:partner", "credit:filmography"}
# Shapes whose film may be the article's focus film when their sentence names none: a crew
# list ("cinematographer Astrid Holm", "casting is by X", "X is line producer"), not a
# description ("X is a producer").
FOCUS_RULES = {"credit:apposition", "credit:named", "credit:by", "credit:starring", "credit:bracket",
               "credit:post", "credit:project", "credit:cast-list"}


def _any_of(phrases: tuple[str, ...]) -> re.Pattern:
    """A pattern that finds any of the phrases as whole words."""
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in phrases) + r")\b")


def _after_born(span: Span) -> bool:
    """The name is a birth name: "Born Ruth Ellen Kerrigan in Dayton", "née Kerrigan"."""
    return span.start > 0 and tokens(span.doc)[span.start - 1].lower_ in BIRTH_WORDS


def _after_kin(span: Span, kin_words: frozenset[str]) -> bool:
    """The name follows a kinship word, maybe with a comma and lower-case words between: "His
    son, Thomas Brennan", "his wife, the costume designer Ruth Brennan", "the son of X"."""
    toks = tokens(span.doc)
    for i in range(span.start - 1, max(-1, span.start - 6), -1):
        word = toks[i].lower_
        if word in kin_words:
            return True
        if not (toks[i].is_lower or word in {",", "-"}):
            return False
    return False


def _sentence_starts(docs: list[tuple[int, Doc]]) -> frozenset[int]:
    """Where the articles' sentences start, at their first word."""
    out = set()
    for off, d in docs:
        for i in sentence_starts(d):
            while i < len(d) - 1 and d[i].is_space:
                i += 1
            out.add(d[i].idx + off)
    return frozenset(out)


class ArticleBuilder:
    """Turns the Docs of one article (with their character offsets) into a Record."""

    def __init__(self, rules: Rules, settings: Settings):
        self.rules, self.settings = rules, settings
        self.focus_cue, self.alumni_cue = _any_of(rules.focus_cues), _any_of(rules.alumni_cues)

    def build(self, article: Article, docs: list[tuple[int, Doc]]) -> Record:
        full = [(Ref.of(s, off), s.id_ + BORN * _after_born(s)) for off, d in docs for s in d.spans["people"]]
        parts = [Ref.of(s, off) for off, d in docs for s in d.spans["name_parts"]]
        cued = frozenset(char_range(s)[0] + off for off, d in docs for s in d.spans["subject_cues"])
        lines = frozenset(m.end() for m in LINE_START.finditer(article.text))
        if full and min(ref.start for ref, _ in full) < self.settings.subject_opening_chars:
            lines |= _sentence_starts(docs)  # a biography: "… Brewster. Brewster attended …" is its subject
        relatives = frozenset(char_range(s)[0] + off for off, d in docs for s in d.spans["people"]
                              if _after_kin(s, self.rules.kin_words))
        people = fold_people(full, parts, cued, self.settings.shared_name_near_chars, lines, self.rules.nicknames,
                             relatives)
        films = fold_short_titles(fold_titles([(Ref.of(s, off), s.label_, s.id_) for off, d in docs
                                               for s in d.spans["films"]]))
        schools = fold_owned_schools(fold_titles([(Ref.of(s, off), s.label_, s.id_) for off, d in docs
                                                  for s in d.spans["schools"]]), article.text)
        known = {m.start for e in people for m in e.mentions}
        facts: list[Fact] = []
        for off, d in docs:
            spans = [s for s in [*d.spans["people"], *d.spans["name_parts"]] if char_range(s)[0] + off in known]
            facts += read_facts(d, off, spans, self.rules)
        subject = self._subject(people, docs)
        text = article.text
        return Record.model_validate({
            "doc_id": article.doc_id, "source": article.source, "sha256": article.sha256,
            "encoding": article.encoding, "text_file": f"texts/{article.doc_id}.txt" if article.html else None,
            "subject": subject.name if subject else None,
            "people": [self._item(e, "name") for e in people],
            "films": [self._item(e, "title") for e in films],
            "schools": [self._item(e, "name") for e in schools],
            "credits": self._credits(facts, people, films, subject, text),
            "education": self._education(facts, people, schools, subject, text),
        }, context={"text": text})

    # ---- entities ------------------------------------------------------------------------
    def _item(self, e: Entity, name_field: str) -> dict:
        """An entity as the record's item (validated with the whole record)."""
        best = max(e.rules, key=self._confidence) if e.rules else "name:part"
        return {name_field: e.name, "aliases": e.aliases, "rule": best, "confidence": self._confidence(best),
                "mentions": [{"start": m.start, "end": m.end, "text": m.text}
                             for m in sorted(e.mentions, key=lambda m: m.start)]}

    def _confidence(self, rule: str) -> float:
        table = self.settings.confidence
        if rule in table:
            return table[rule]
        if rule.startswith("name:"):
            evidence = len(rule.split(":", 1)[1].split("+"))
            return min(0.95, table["name:base"] + table["name:step"] * evidence)
        return table.get(rule.split(":")[0], table["default"])

    def _subject(self, people: list[Entity], docs: list[tuple[int, Doc]]) -> Entity | None:
        """The person a subject cue introduces; else a person named at the very start; else
        one named in a headline and again later; else the clearly most-mentioned person."""
        for off, d in docs:
            for s in d.spans["subject_cues"]:
                ref = Ref.of(s, off)
                host = next((e for e in people if e.owns(ref)), None)
                if host:
                    return host
        first = lambda e: min(m.start for m in e.mentions)  # noqa: E731
        opening = [e for e in people if first(e) < self.settings.subject_opening_chars]
        if opening:
            return min(opening, key=first)
        # a headline ("IN CONVERSATION: Elías Montoya on ...") names the subject, who comes back
        # later; a kicker line in capitals above it ("IN CONVERSATION") is passed over
        start, end = self._headline(doc_text(docs[0][1]) if docs else "")
        if end - start <= self.settings.subject_headline_chars:
            named = [e for e in people if first(e) < end and len(e.mentions) >= 2]
            if named:
                return min(named, key=first)
        ranked = sorted(people, key=lambda e: -len(e.mentions))
        if ranked and len(ranked[0].mentions) >= self.settings.subject_min_mentions and (
                len(ranked) == 1 or len(ranked[0].mentions) > len(ranked[1].mentions)):
            return ranked[0]
        return None

    # ---- facts ---------------------------------------------------------------------------
    @staticmethod
    def _owner(entities: list[Entity], ref: Ref | None) -> Entity | None:
        if ref is None:
            return None
        return next((e for e in entities if e.owns(ref)), None)

    def _person(self, fact: Fact, people: list[Entity], subject: Entity | None) -> Entity | None:
        return subject if fact.agent == SUBJECT else self._owner(people, fact.agent)

    @staticmethod
    def _evidence(fact: Fact, text: str) -> Evidence:
        s, e = fact.sentence
        return Evidence(start=s, end=e, sentence=text[s:e])

    def _focus(self, films: list[Entity], text: str) -> Entity | None:
        """The one film an announcement is about. Its opening has an announcement cue
        (rules/focus_cues.txt), and either its headline (first line) names only this film,
        at least twice in all, or its opening names only this film, at least
        `focus_min_mentions` times and no other film more often."""
        chars = self.settings.focus_opening_chars
        if not self.focus_cue.search(text[:chars].lower()):
            return None
        start, end = self._headline(text)
        # a headline in title case hides its titles from the rules ("Star In Ana Ruiz's
        # Thriller Undertow"): a film found in the body and written there counts too
        line = text[start:end]
        seen = [(e, sum(start <= m.start < end for m in e.mentions)) for e in films]
        headline = [(e, n) for e, n in seen if n or re.search(rf"(?<!\w){re.escape(e.name)}(?!\w)", line)]
        if len(headline) == 1 and len(headline[0][0].mentions) + (not headline[0][1]) >= 2:
            return headline[0][0]
        opening = [e for e in films if min(m.start for m in e.mentions) < chars]
        if len(opening) != 1 or len(opening[0].mentions) < self.settings.focus_min_mentions:
            return None
        focus = opening[0]
        return focus if all(len(e.mentions) <= len(focus.mentions) for e in films) else None

    @staticmethod
    def _headline(text: str) -> tuple[int, int]:
        """Character range of the headline: the first line of two words or more with a lower-case
        letter (a section label in capitals such as "FILM | CASTING", a site's name or its menu
        "Films | News | About" comes before it)."""
        pos = 0
        for line in text.split("\n"):
            if any(c.islower() for c in line) and len(line.split()) > 1 and " | " not in line:
                return pos, pos + len(line)
            pos += len(line) + 1
        return 0, 0

    def _credits(self, facts, people, films, subject, text) -> list[Credit]:
        best: dict[tuple, Credit] = {}
        own = self._own_roles(facts, people, subject)
        focus = self._focus(films, text)
        slate = focus is None and self.focus_cue.search(text[:self.settings.focus_opening_chars].lower())
        for f in facts:
            if f.kind == "credit" and f.role == OWN_ROLE:
                counts = own.get(id(self._person(f, people, subject)))
                if counts is None:
                    continue
                # a bare filmography lists what the person directed, when they direct at all
                directs = counts["director"] or counts["co-director"]
                role = "director" if f.rule == "credit:filmography" and directs else counts.most_common(1)[0][0]
                f = replace(f, role=role)
            # in an announcement, a crew line's film is the announced one, not the last film
            # an earlier sentence named ("his Burn Season crew. Casting is by X")
            if f.kind == "credit" and focus is not None and f.rule in FOCUS_RULES and (
                    f.film is None or not f.sentence[0] <= f.film.start < f.sentence[1]):
                f = replace(f, rule="credit:focus")
            # an announcement of several films: a crew line is for the film its paragraph is about
            elif f.kind == "credit" and slate and f.rule in FOCUS_RULES and f.film is None and f.scene is not None:
                f = replace(f, film=f.scene)
            # "directed by X" with no film known says little: only role statements
            # ("X is a director", "as producer") give credits without a film
            if f.kind != "credit" or (f.film is None and f.rule in FILM_ONLY_RULES):
                continue
            person = self._person(f, people, subject)
            film = focus if f.rule == "credit:focus" else self._owner(films, f.film)
            if person is None or (f.film is not None and film is None):
                continue
            key = (person.name, f.role, film.name if film else None)
            conf = self._confidence(f.rule)
            if key not in best or best[key].confidence < conf:
                best[key] = Credit(person=key[0], role=f.role, film=key[2], rule=f.rule,
                                   confidence=conf, evidence=self._evidence(f, text))
        with_film = {(p, r) for p, r, film in best if film is not None}
        return [c for k, c in best.items() if k[2] is not None or (k[0], k[1]) not in with_film]

    def _own_roles(self, facts, people, subject) -> dict[int, Counter]:
        """In how many sentences the article gives each person each role, for phrases that name
        none ("her credits include"): the most frequent is the person's own role (on a tie, the
        first). A sentence listing three films states the role once."""
        counts: dict[int, Counter] = {}
        seen = set()
        for f in facts:
            if f.kind == "credit" and f.role != OWN_ROLE:
                person = self._person(f, people, subject)
                if person is not None and (id(person), f.role, f.sentence) not in seen:
                    seen.add((id(person), f.role, f.sentence))
                    counts.setdefault(id(person), Counter())[f.role] += 1
        return counts

    def _alma_mater(self, schools: list[Entity], text: str) -> Entity | None:
        """The school an alumni page is about: its opening has an alumni cue
        (rules/alumni_cues.txt), and of the schools named there this one is named most often."""
        chars = self.settings.focus_opening_chars
        if not self.alumni_cue.search(text[:chars].lower()):
            return None
        opening = sorted((e for e in schools if min(m.start for m in e.mentions) < chars),
                         key=lambda e: len(e.mentions), reverse=True)
        if not opening or (len(opening) > 1 and len(opening[1].mentions) == len(opening[0].mentions)):
            return None
        return opening[0]

    def _education(self, facts, people, schools, subject, text) -> list[Education]:
        best: dict[tuple, Education] = {}
        alma_mater = self._alma_mater(schools, text)
        for f in facts:
            if f.kind != "education":
                continue
            person = self._person(f, people, subject)
            school = alma_mater if f.rule == "education:bracket" else self._owner(schools, f.school)
            if person is None or school is None:
                continue
            key = (person.name, school.name)
            old = best.get(key)
            if old is not None and old.degree and old.rule != f.rule and f.rule == "education:bracket":
                continue  # a degree stated with its school named says more than one left to the page
            item = Education(person=key[0], school=key[1], degree=f.degree or (old.degree if old else None),
                             field=f.field or (old.field if old else None), rule=f.rule,
                             confidence=self._confidence(f.rule), evidence=self._evidence(f, text))
            best[key] = item if old is None or f.degree or f.field else old
        return list(best.values())
