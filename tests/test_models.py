from __future__ import annotations

import pytest
from pydantic import ValidationError

from extract.models import Record, record_schema

TEXT = "Meet Ana Ruiz. She directed “Tides” after studying at Emerson College."


def good() -> dict:
    def m(s):
        i = TEXT.index(s)
        return {"start": i, "end": i + len(s), "text": s}

    ev = {"start": 15, "end": len(TEXT), "sentence": TEXT[15:]}
    return {
        "doc_id": "a", "source": "a.txt", "sha256": "0" * 64, "subject": "Ana Ruiz",
        "people": [{"name": "Ana Ruiz", "aliases": [], "mentions": [m("Ana Ruiz")], "confidence": 0.9, "rule": "r"}],
        "films": [{"title": "Tides", "aliases": [], "mentions": [m("Tides")], "confidence": 0.9, "rule": "r"}],
        "schools": [{"name": "Emerson College", "aliases": [], "mentions": [m("Emerson College")],
                     "confidence": 0.9, "rule": "r"}],
        "credits": [{"person": "Ana Ruiz", "role": "director", "film": "Tides", "evidence": ev,
                     "confidence": 0.8, "rule": "r"}],
        "education": [{"person": "Ana Ruiz", "school": "Emerson College", "degree": None, "field": None,
                       "evidence": ev, "confidence": 0.8, "rule": "r"}],
    }


def test_good_record_validates_with_offsets():
    rec = Record.model_validate(good(), context={"text": TEXT})
    assert rec.schema_version and rec.credits[0].film == "Tides"


@pytest.mark.parametrize("breakage", [
    pytest.param(lambda r: r["credits"][0].update(person="Nobody"), id="credit-unknown-person"),
    pytest.param(lambda r: r["credits"][0].update(film="Other"), id="credit-unknown-film"),
    pytest.param(lambda r: r["education"][0].update(degree="phd"), id="degree-not-canonical"),
    pytest.param(lambda r: r["credits"][0].update(role="Director"), id="role-not-lower-case"),
    pytest.param(lambda r: r["people"][0].update(confidence=1.5), id="confidence-out-of-range"),
    pytest.param(lambda r: r.update(surprise=1), id="unknown-field"),
    pytest.param(lambda r: r.update(subject="Someone Else"), id="subject-not-a-person"),
    pytest.param(lambda r: r["people"][0]["mentions"][0].update(start=1, end=9), id="mention-off-text"),
    pytest.param(lambda r: r["people"][0]["mentions"][0].update(end=100), id="mention-wrong-length"),
    pytest.param(lambda r: r.update(sha256="xyz"), id="bad-sha256"),
])
def test_bad_records_are_rejected(breakage):
    data = good()
    breakage(data)
    with pytest.raises(ValidationError):
        Record.model_validate(data, context={"text": TEXT})


def test_schema_names_every_field():
    props = record_schema()["properties"]
    for key in ("doc_id", "source", "sha256", "subject", "people", "films", "schools", "credits", "education"):
        assert key in props
