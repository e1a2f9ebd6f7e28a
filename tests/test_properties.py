"""Property-based: arbitrary Unicode never crashes the pipeline, every record validates and
every offset slices the text exactly."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.io import Article
from extract.models import Record

WORDS = st.sampled_from(["Director", "Ana", "Ruiz", "“Tides”", "directed", "by", "studied", "at",
                         "Emerson", "College", "Ms.", "Li", "she", "as", "producer", "on", "(", ")",
                         "\n", ",", ".", "MFA", "Film", "Academy", "starring", "’s", "-", "&", "2019"])
TEXT = st.one_of(
    st.text(min_size=1, max_size=400),  # any code point, control characters included
    st.lists(st.one_of(WORDS, st.text(max_size=8)), min_size=1, max_size=120).map(" ".join),
    st.builds(lambda a, n, b: a + "x" * n + b, st.text(max_size=50), st.integers(1000, 20000),
              st.text(max_size=50)),  # one very long token
)


def _check(record: Record, text: str) -> None:
    again = Record.model_validate(record.model_dump(), context={"text": text})
    for item in [*again.people, *again.films, *again.schools]:
        for m in item.mentions:
            assert text[m.start:m.end] == m.text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_a_valid_record(extractor, text):
    if not text.strip():
        return
    article = Article(Path("p.txt"), "p.txt", "p", "0" * 64, text, "utf-8")
    _check(extractor.record(article), text)
