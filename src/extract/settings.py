"""Tunables in one place: thresholds, limits and defaults with what they trade."""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field

PACKAGE_DIR = Path(__file__).resolve().parent
# The project's `rules/` folder sits at the top of the checkout (src layout);
# `--rules DIR` or EXTRACT_RULES points elsewhere.
DEFAULT_RULES_DIR = Path(os.environ.get("EXTRACT_RULES", PACKAGE_DIR.parents[1] / "rules"))


class Settings(BaseModel):
    """Every threshold the pipeline uses; change them here, not in the code."""

    rules_dir: Path = DEFAULT_RULES_DIR
    # Articles longer than this are split at paragraph or sentence breaks before
    # spaCy sees them (spaCy refuses texts over nlp.max_length).
    max_chunk_chars: int = Field(100_000, ge=1_000)
    # A file larger than this is reported as failed rather than read (--max-mb raises it):
    # an article is a few thousand words; a file this big is usually something else.
    max_file_mb: float = Field(20.0, gt=0)
    # A capitalised run becomes a person when its evidence score reaches this.
    # Lower finds more names (recall) and more false people (precision).
    person_min_score: float = 1.0
    # What a cue before a name ("photo by", "starring") adds to that score; below 1 a cue alone
    # never makes a person, it only tips a half-known name over.
    person_cue_weight: float = 0.5
    # a name's last word standing alone this many times elsewhere counts as evidence ("Dragomir said")
    person_alone_min: int = Field(2, ge=1)
    # review.html holds at most this many articles (the first ones), so that it stays quick.
    review_max_articles: int = Field(2000, ge=0)
    # Quoted spans longer than this many words are treated as speech, not titles.
    max_title_words: int = 12
    # How many tokens before a quoted title are searched for a cue ("the song").
    title_cue_window: int = 4
    # How many tokens before a name are searched for an organisation cue ("brands such as").
    org_cue_window: int = 6
    # A person named within this many characters of the article's start is its subject
    # when no headline cue ("Life & Work with X") names one.
    subject_opening_chars: int = 5
    # a first line at most this long is a headline: a person it names (and again later) is the subject
    subject_headline_chars: int = Field(160, ge=0)
    # Otherwise the most-mentioned person is the subject if named at least this often.
    subject_min_mentions: int = Field(3, ge=1)
    # A family name alone that two people of an article share ("Haldane") is the one named in
    # full within this many characters before it; farther on, the one the article names first.
    shared_name_near_chars: int = Field(200, ge=0)
    # An article about one film (a production announcement): the film named within this many
    # characters of its start, at least `focus_min_mentions` times, and no other film named there.
    # Roles stated there with no film ("Executive producers are X and Y") are taken as its credits.
    focus_opening_chars: int = Field(600, ge=0)
    focus_min_mentions: int = Field(3, ge=1)
    # Merging across articles (rapidfuzz ratio, 0-100). Higher: fewer wrong merges (precision),
    # more variants left apart (recall). Names shorter than `fuzzy_min_length` letters only
    # merge when equal once folded: short names are too alike ("Ann Lee" / "Anne Lee").
    person_fuzzy_min: float = 92.0
    # A person pair sharing a film or school may merge at this lower score.
    person_fuzzy_supported_min: float = 85.0
    film_fuzzy_min: float = 90.0
    fuzzy_min_length: int = 12
    # Confidence reported for each rule; "name:" rules add `name:step` per piece of evidence.
    confidence: dict[str, float] = {
        "default": 0.5,
        "name:base": 0.45, "name:step": 0.2, "name:part": 0.5,
        "film:quoted": 0.85, "film:after-cue": 0.75,
        "school:gazetteer": 0.95, "school:shape": 0.85,
        "credit:apposition": 0.85, "credit:as": 0.75, "credit:post": 0.75, "credit:by": 0.9, "credit:starring": 0.85,
        "credit:verb": 0.7, "credit:paren": 0.7, "credit:named": 0.8, "credit:bracket": 0.75, "credit:possessive": 0.65, "credit:verb-object": 0.7,
        "credit:focus": 0.6, "credit:project": 0.6, "credit:cast-list": 0.8, "credit:programme": 0.75,
        "credit:partner": 0.7, "credit:filmography": 0.7, "credit:own-work": 0.65, "film:after-partner": 0.7,
        "film:described": 0.75, "film:after-verb": 0.7, "film:after-role": 0.7, "film:after-name": 0.65, "film:heading": 0.8, "film:repeat": 0.7,
        "film:defined": 0.85, "film:dated": 0.7, "film:filmography": 0.8, "film:after-character": 0.7,
        "education:sentence": 0.8, "education:bracket": 0.6,
    }


DEFAULT_SETTINGS = Settings()
