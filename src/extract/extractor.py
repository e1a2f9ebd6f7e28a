"""One loaded pipeline that turns an article into a record; long texts are split first."""
from __future__ import annotations

import hashlib
import json
from functools import cached_property, lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import __version__
from .article import ArticleBuilder
from .components.matching import forget, make_doc
from .io import Article
from .models import Record
from .nlp import build_pipeline, rules_for
from .settings import Settings


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Pieces of at most `limit` characters with their offsets, cut at a paragraph break,
    else a line break, else a sentence end, else a space, else anywhere."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", ". ", " ")
                   if window.rfind(sep) > limit // 2), default=limit)
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


class Extractor:
    """A loaded pipeline (rules read and checked once) that turns articles into records."""

    def __init__(self, settings: Settings | None = None, model: str | None = None):
        self.settings = settings or Settings()
        self.model = model
        self.builder = ArticleBuilder(rules_for(self.settings), self.settings)  # checks the rules now
        if model:
            _ = self.nlp  # a missing pretrained pipeline is an error before any article is read

    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline, built on first use (a run that hands articles to worker
        processes never needs one of its own)."""
        return build_pipeline(self.settings, self.model)

    def record(self, article: Article) -> Record:
        pieces = split_text(article.text, self.settings.max_chunk_chars)
        docs = list(zip((o for o, _ in pieces), self.nlp.pipe(make_doc(self.nlp, t) for _, t in pieces)))
        try:
            return self.builder.build(article, docs)
        finally:
            for _, doc in docs:
                forget(doc)

    def school_aliases(self) -> dict[str, str]:
        """Every known other name of an institution, mapped to its official name."""
        return {alt: official for official, alts in rules_for(self.settings).institutions.items()
                for alt in alts}

    def versions(self) -> dict[str, str]:
        return {"extract": __version__, "spacy": spacy.__version__,
                "pipeline": self.model or "blank:en", "rules": rules_for(self.settings).fingerprint[:16]}

    def fingerprint(self) -> str:
        """Changes whenever anything that shapes a record changes: versions, the code itself,
        the pipeline, the rules, the settings."""
        parts = [json.dumps(self.versions(), sort_keys=True), _code_fingerprint(),
                 rules_for(self.settings).fingerprint, self.settings.model_dump_json(exclude={"rules_dir"})]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """sha256 of the package's source files: an edited checkout never reuses stale results."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()
