"""The output contract: pydantic models of a record, the single definition of the JSON Schema."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

SCHEMA_VERSION = "1.1"
Degree = Literal["bachelor", "master", "doctorate", "diploma", "certificate"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Strict):
    """Where a name occurs: `text[start:end]` of the decoded article is exactly `text`."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(gt=0, description="Character offset just past the last character.")
    text: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end - self.start != len(self.text):
            raise ValueError(f"mention {self.text!r}: end - start must equal the text length")
        return self


class Evidence(_Strict):
    """The sentence a credit or education item was read from."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    sentence: str


class _Fact(_Strict):
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the rule is, 0 to 1.")
    rule: str = Field(min_length=1, description="Name of the rule that produced the item.")
    source: Literal["extracted", "correction"] = Field(
        "extracted", description="'correction' for an item a researcher added on the review page.")


class _Entity(_Fact):
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)

    @model_validator(mode="after")
    def _found_somewhere(self) -> _Entity:
        if not self.mentions and self.source != "correction":
            raise ValueError("an extracted item needs at least one mention")
        return self


class Person(_Entity):
    id: str | None = Field(None, description="Id of the entity across the collection (people.jsonl).")
    name: str = Field(min_length=1, description="Fullest name the article gives.")


class Film(_Entity):
    id: str | None = Field(None, description="Id of the entity across the collection (films.jsonl).")
    title: str = Field(min_length=1)


class School(_Entity):
    id: str | None = Field(None, description="Id of the entity across the collection (schools.jsonl).")
    name: str = Field(min_length=1)


class Credit(_Fact):
    person: str
    person_id: str | None = None
    film_id: str | None = None
    role: str = Field(pattern=r"^[a-z0-9][a-z0-9 \-/]*$", description="Canonical role, lower case.")
    film: str | None = None
    evidence: Evidence | None = Field(None, description="Null only for an item added as a correction.")


class Education(_Fact):
    person: str
    person_id: str | None = None
    school_id: str | None = None
    school: str
    degree: Degree | None = None
    field: str | None = None
    evidence: Evidence | None = Field(None, description="Null only for an item added as a correction.")


class Record(_Strict):
    """Everything extracted from one article."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str = Field(min_length=1, description="File name without its extension.")
    source: str = Field(description="The input path as given.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the file's bytes.")
    encoding: str = Field("utf-8", description="How the file's bytes were decoded.")
    text_file: str | None = Field(
        None, description="For an HTML page: the file (in the output folder) holding the readable text "
                          "the offsets refer to; null when they refer to the decoded input file.")
    subject: str | None = Field(None, description="The person the article profiles.")
    people: list[Person] = Field(default_factory=list)
    films: list[Film] = Field(default_factory=list)
    schools: list[School] = Field(default_factory=list)
    credits: list[Credit] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Record:
        people = {p.name for p in self.people}
        films = {f.title for f in self.films}
        schools = {s.name for s in self.schools}
        if self.subject is not None and self.subject not in people:
            raise ValueError(f"subject {self.subject!r} is not among the people")
        for fact in [*self.credits, *self.education]:
            if fact.evidence is None and fact.source != "correction":
                raise ValueError("an extracted credit or education item needs its evidence")
        for c in self.credits:
            if c.person not in people:
                raise ValueError(f"credit names unknown person {c.person!r}")
            if c.film is not None and c.film not in films:
                raise ValueError(f"credit names unknown film {c.film!r}")
        for e in self.education:
            if e.person not in people or e.school not in schools:
                raise ValueError(f"education item {e.person!r} at {e.school!r} names an unknown entity")
        text = (info.context or {}).get("text")
        if text is not None:
            self._check_offsets(text)
        return self

    def _check_offsets(self, text: str) -> None:
        """With the article text as validation context, every offset must slice it exactly."""
        for item in [*self.people, *self.films, *self.schools]:
            for m in item.mentions:
                if text[m.start:m.end] != m.text:
                    raise ValueError(f"mention {m.text!r} at {m.start}-{m.end} does not match the text")
        for fact in [*self.credits, *self.education]:
            ev = fact.evidence
            if ev is not None and text[ev.start:ev.end] != ev.sentence:
                raise ValueError(f"evidence at {ev.start}-{ev.end} does not match the text")


def record_schema() -> dict:
    """JSON Schema of a record, generated from the models."""
    return Record.model_json_schema()
