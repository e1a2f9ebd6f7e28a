"""Building the spaCy pipeline: the one place where the project's components are registered."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_suffix_regex

from .components.degrees import Degrees
from .components.sentences import Sentences
from .components.names import PersonNames
from .components.roles import Roles
from .components.schools import Schools
from .components.titles import FilmTitles
from .errors import ExtractError
from .rules import Rules, fingerprint, load_rules
from .settings import Settings

# A reference marker copied from a wiki page ("Haye.[7]", "Borough.[4][5]") is a token of
# its own, so that the word and the full stop before it are read as usual.
CITATION_MARK = r"\[\d{1,3}\]"

COMPONENTS = ("extract_sentences", "extract_films", "extract_schools",
              "extract_roles", "extract_degrees", "extract_names")


@lru_cache(maxsize=4)
def _rules(rules_dir: str, print_: str) -> Rules:
    """Rules are read once per process and folder version (the fingerprint is part of the key)."""
    return load_rules(Path(rules_dir))


def rules_for(settings: Settings) -> Rules:
    """The validated rules of `settings.rules_dir`, loaded at most once per version."""
    d = Path(settings.rules_dir)
    return _rules(str(d.resolve()), fingerprint(d) if d.is_dir() else "")


def _settings(config: dict) -> Settings:
    return Settings.model_validate(config)


@Language.factory("extract_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp)


@Language.factory("extract_films", default_config={"settings": {}}, assigns=["doc.spans"])
def make_films(nlp: Language, name: str, settings: dict) -> FilmTitles:
    s = _settings(settings)
    return FilmTitles(nlp, rules_for(s), s)


@Language.factory("extract_schools", default_config={"settings": {}}, assigns=["doc.spans"])
def make_schools(nlp: Language, name: str, settings: dict) -> Schools:
    return Schools(nlp, rules_for(_settings(settings)))


@Language.factory("extract_roles", default_config={"settings": {}}, assigns=["doc.spans"])
def make_roles(nlp: Language, name: str, settings: dict) -> Roles:
    return Roles(nlp, rules_for(_settings(settings)))


@Language.factory("extract_degrees", default_config={"settings": {}}, assigns=["doc.spans"])
def make_degrees(nlp: Language, name: str, settings: dict) -> Degrees:
    return Degrees(nlp, rules_for(_settings(settings)))


@Language.factory("extract_names", default_config={"settings": {}},
                  requires=["token.is_sent_start"], assigns=["doc.spans"])
def make_names(nlp: Language, name: str, settings: dict) -> PersonNames:
    s = _settings(settings)
    return PersonNames(nlp, rules_for(s), s)


def _split_citation_marks(nlp: Language) -> None:
    suffixes = [*nlp.Defaults.suffixes, CITATION_MARK] if nlp.Defaults.suffixes else [CITATION_MARK]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def build_pipeline(settings: Settings | None = None, model: str | None = None) -> Language:
    """A blank English pipeline (or the installed pipeline `model`) plus the project's components."""
    settings = settings or Settings()
    rules_for(settings)  # fail fast on malformed rules, before any article is read
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ExtractError(f"could not load the spaCy pipeline {model!r}: {exc}") from exc
    else:
        nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, settings.max_chunk_chars + 1)
    _split_citation_marks(nlp)
    config = {"settings": settings.model_dump(mode="json")}
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("extract_sentences")  # a pretrained parser or senter sets its own
    for name in COMPONENTS[1:]:
        nlp.add_pipe(name, config=config)
    return nlp
