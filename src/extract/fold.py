"""Folding the mentions of one article into entities: every way the article writes one
person, film or school becomes one item with aliases.

People: a full name folds into the longest name holding its words in order, or the same
words in another order (family name first). A single word ("Li", "Lizzy", "Ms. Liu") joins
the one person whose name has that word. When two people share it, it is the profiled
person's if the headline names one of them ("Artist Spotlight: Director Julian Cho" makes
a later "Cho" Julian's); otherwise a full mention just before it decides, else the person
named first; with no full mention before it the word stays unattached.
Films and schools: the same folded name, a gazetteer's official name, or an all-capitals
short form spelling the initials or opening word of another name ("BFA", "UCLA").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .namekeys import HONORIFICS, person_words, subsequence
from .relations import Ref
from .textnorm import normalize

# Small words after which a title goes on ("Last Call at the Lucky Star"): the words before are a short form.
TITLE_JOINERS = {"at", "of", "in", "on", "for", "from", "with", "to", "and", "by"}
BORN = "+born"  # the rule suffix of a name written after "born" or "née"
# A nickname in quotes inside a full name: Margaret "Peggy" Haldane
NICKNAME = re.compile(r' (["“‘])([^"“”‘’]+)["”’] ')


@dataclass
class Entity:
    """Mentions folded into one person, film or school."""

    key: tuple[str, ...]
    mentions: list[Ref] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    official: str | None = None  # a known institution's gazetteer name
    person: bool = True  # a film's or school's name keeps its first word ("Mrs. Okonkwo Is Not at Home")
    born: frozenset[int] = frozenset()  # where a birth name is written ("Born Ruth Ellen Kerrigan"): never the name

    @cached_property
    def name(self) -> str:
        """The fullest mention, without a leading honorific ("Mrs. Patricia Owens" -> "Patricia Owens").
        Read once folding is done."""
        named = [m for m in self.mentions if m.start not in self.born] or self.mentions
        full = max(named, key=lambda m: (len(name_key(m.text)), not m.text.isupper(), len(m.text), -m.start)).text
        first, _, rest = full.partition(" ")
        if not self.person:
            return full
        return NICKNAME.sub(" ", rest if rest and first.rstrip(".").casefold() in HONORIFICS else full)

    @property
    def aliases(self) -> list[str]:
        seen, out = {normalize(self.name)}, []
        for m in sorted(self.mentions, key=lambda m: m.start):
            nick = NICKNAME.search(m.text)
            # Margaret "Peggy" Haldane is also Peggy Haldane
            for text in (m.text, f"{nick.group(2)} {m.text[nick.end():]}" if nick else ""):
                folded = normalize(text)
                if text and folded not in seen:
                    seen.add(folded)
                    out.append(text)
        if self.official and normalize(self.official) not in seen:
            out.append(self.official)  # "UCLA's School of …" is the gazetteer's "UCLA School of …"
        return out

    @cached_property
    def starts(self) -> frozenset[int]:
        """Where its mentions start. Read once folding is done."""
        return frozenset(m.start for m in self.mentions)

    def owns(self, ref: Ref) -> bool:
        return ref.start in self.starts


def name_key(text: str) -> tuple[str, ...]:
    """Name words, folded, without honorifics ("Ms. Liu" -> ("liu",), "Zoë" -> ("zoe",))."""
    return person_words(text)


def fold_people(full: list[tuple[Ref, str]], parts: list[Ref], subject_at: frozenset[int] = frozenset(),
                near: int = 200, line_starts: frozenset[int] = frozenset(),
                nicknames: Mapping[str, frozenset[str]] | None = None,
                relatives: frozenset[int] = frozenset()) -> list[Entity]:
    """People of one article from full-name mentions (with the rule that found each) and
    single-word mentions; see the module docstring for the rules. `subject_at`: where the
    headline names the profiled person, whose claim to a shared short form comes first;
    `near`: how close before a shared short form a full mention must be to claim it;
    `line_starts`: where lines start (a shared short form opening a paragraph is the main person's);
    `nicknames`: folded given name -> the given names it may stand for ("walt" -> {"walter"});
    `relatives`: where a full name follows a kinship word ("His son, Thomas Brennan"): a person
    named in full only there leaves a shared short form to the others."""
    nick = _Nicknames(nicknames or {})
    entities: list[Entity] = []
    full = list({ref.start: (ref, rule) for ref, rule in full}.values())  # a span found twice counts once
    for ref, rule in sorted(full, key=lambda x: (-len(name_key(x[0].text)), x[0].start)):
        key = name_key(ref.text)
        hosts = [e for e in entities if e.key == key or subsequence(key, e.key)
                 or (len(key) == len(e.key) and set(key) == set(e.key))]
        if not hosts:  # "Walt Brezinski" is "Walter J. Brezinski"; "William H. Armstrong" "William Hepburn Armstrong"
            hosts = [e for e in entities if len(key) > 1 and nick.same(key[0], e.key[0])
                     and subsequence(key[1:], e.key[1:]) or _initialled(key, e.key) or _initialled(e.key, key)]
        if len(hosts) == 1:
            hosts[0].mentions.append(ref)
            hosts[0].rules.append(rule)
        elif not hosts:
            entities.append(Entity(key, [ref], [rule]))
    entities = _fold_into(entities, _birth_name_host(entities))
    for ref in parts:
        key = name_key(ref.text)
        if len(key) != 1:
            continue
        hosts = [e for e in entities if key[0] in e.key] or [
            e for e in entities if len(e.key) > 1 and nick.same(key[0], e.key[0])]  # "Maddie"
        if len(hosts) > 1:
            hosts = [e for e in hosts if not _relative(e, relatives)] or hosts
        if len(hosts) > 1:
            profiled = [e for e in hosts if any(m.start in subject_at for m in e.mentions)]
            hosts = profiled if len(profiled) == 1 else _nearest_before(hosts, ref, 0 if ref.start in line_starts else near)
        if len(hosts) == 1:
            hosts[0].mentions.append(ref)
    return entities


def _relative(e: Entity, relatives: frozenset[int]) -> bool:
    """Every full mention of the person follows a kinship word."""
    return all(m.start in relatives for m in e.mentions if len(m.text.split()) > 1)


def _birth_name_host(entities: list[Entity]) -> Callable[[Entity], Entity | None]:
    """For a person named only by a birth name ("Born Ruth Ellen Kerrigan", rule "+born"), the one
    other person with the same given name: "Ruth Kerrigan Abernathy", who records where the birth
    name is written so that it never becomes the name."""
    def host_of(e: Entity) -> Entity | None:
        if not all(r.endswith(BORN) for r in e.rules):
            return None
        hosts = [o for o in entities if o is not e and o.key[0] == e.key[0] and not o.rules[0].endswith(BORN)]
        if len(hosts) != 1:
            return None
        hosts[0].born |= {m.start for m in e.mentions}
        return hosts[0]
    return host_of


class _Nicknames:
    """Whether two given names may name one person: the same, or one a short form of the other."""

    def __init__(self, table: Mapping[str, frozenset[str]]):
        self.table = table

    def same(self, a: str, b: str) -> bool:
        return a == b or bool(self.table.get(a, frozenset((a,))) & self.table.get(b, frozenset((b,))))


def _initialled(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The same name with some words written as initials ("William H. Armstrong"), family name in full."""
    return len(short) == len(long) > 1 and short[-1] == long[-1] and all(
        a == b or (len(a) == 1 and b.startswith(a)) for a, b in zip(short, long))


def _nearest_before(hosts: list[Entity], ref: Ref, near: int) -> list[Entity]:
    """The host named in full nearest before `ref` when that is within `near` characters,
    else the host named first (the article's main person: "the son of Andrzej Wierzbicki.
    ... After drama school, Wierzbicki ..." is about Tomasz)."""
    before = [(max(m.start for m in e.mentions if m.start < ref.start and len(m.text.split()) > 1), e)
              for e in hosts if any(m.start < ref.start and len(m.text.split()) > 1 for m in e.mentions)]
    if not before:
        return []
    at, nearest = max(before, key=lambda x: x[0])
    if ref.start - at <= near:
        return [nearest]
    return [min(before, key=lambda x: min(m.start for m in x[1].mentions))[1]]


def fold_titles(refs: list[tuple[Ref, str, str]]) -> list[Entity]:
    """Films or schools with the same normalised name (or gazetteer name) are one entity;
    an all-capitals mention joins the entity whose initials it spells ("BFA")."""
    entities: dict[tuple[str, ...], Entity] = {}
    acronyms = []
    for ref, label, rule in sorted(refs, key=lambda x: x[0].start):
        if ref.text.isupper() and len(ref.text) <= 6 and label in {"SCHOOL", "FILM"}:
            acronyms.append((ref, rule))
            continue
        key = (normalize(label if label not in {"SCHOOL", "FILM"} else ref.text),)
        entities.setdefault(key, Entity(key, person=False)).mentions.append(ref)
        entities[key].rules.append(rule)
        if label not in {"SCHOOL", "FILM"} and label[:1].isupper():
            entities[key].official = label
    for ref, rule in acronyms:
        host = next((e for e in entities.values() if _initials(_fullest(e)) == ref.text), None) or next(
            (e for e in entities.values() if _fullest(e).split()[0] == ref.text), None)
        if host is None:
            host = entities.setdefault((normalize(ref.text),), Entity((normalize(ref.text),), person=False))
        host.mentions.append(ref)
        host.rules.append(rule)
    return _fold_leading_acronyms(list(entities.values()))


def fold_short_titles(films: list[Entity]) -> list[Entity]:
    """A film called by the opening words of another film's title, cut before a small word, is
    that film: "Last Call" beside "Last Call at the Lucky Star" (not "Toy Story" beside "Toy Story 2")."""
    def host_of(e: Entity) -> Entity | None:
        words = normalize(_fullest(e)).split()
        if len(words) < 2:
            return None
        return next((o for o in films if o is not e and _continues(normalize(_fullest(o)).split(), words)), None)
    return _fold_into(films, host_of)


def fold_owned_schools(schools: list[Entity], text: str) -> list[Entity]:
    """A school named after its university's possessive ("New York University’s Tisch School of
    the Arts") is one school with that university: every mention of the university joins it."""
    def host_of(e: Entity) -> Entity | None:
        owned = {m.end + 3 for m in e.mentions if text[m.end:m.end + 3] in ("'s ", "’s ")}
        return next((o for o in schools if o is not e and any(x.start in owned for x in o.mentions)), None)
    return _fold_into(schools, host_of)


def _continues(long: list[str], short: list[str]) -> bool:
    return len(long) > len(short) + 1 and long[:len(short)] == short and long[len(short)] in TITLE_JOINERS


def _fold_leading_acronyms(entities: list[Entity]) -> list[Entity]:
    """An entity known only by one all-capitals word that opens another entity's name
    ("UCLA" beside "UCLA School of Theater, Film and Television") is that entity."""
    def host_of(e: Entity) -> Entity | None:
        words = {m.text for m in e.mentions}
        word = next(iter(words))
        if len(words) != 1 or not word.isupper() or " " in word:
            return None
        return next((o for o in entities if o is not e and _fullest(o).split()[0] == word
                     and len(_fullest(o).split()) > 1), None)
    return _fold_into(entities, host_of)


def _fold_into(entities: list[Entity], host_of: Callable[[Entity], Entity | None]) -> list[Entity]:
    """The entities, each one `host_of` gives a host folded into that host."""
    out = []
    for e in entities:
        host = host_of(e)
        if host is None:
            out.append(e)
        else:
            host.mentions += e.mentions
            host.rules += e.rules
    return out


def _fullest(e: Entity) -> str:
    return max((m.text for m in e.mentions), key=len)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())
