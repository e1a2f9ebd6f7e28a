"""Role words ("assistant director", "1st AD", "DP") and role verbs ("directed by", "starring")."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules import Rules
from .matching import Phrases, claimed, make_span


class Roles:
    """Stores role nouns in `doc.spans["roles"]` (label: canonical role), role verbs in
    `doc.spans["role_verbs"]` (label: canonical role; span id: "verb:<kind>") and what a
    director directs in `doc.spans["role_objects"]` ("commercials": commercial director)."""

    def __init__(self, nlp: Language, rules: Rules):
        self.nouns = Phrases(nlp, rules.roles)
        self.verbs = Phrases(nlp, {p: f"{r}|{k}" for p, (r, k) in rules.role_verbs.items()})
        self.objects = Phrases(nlp, rules.role_objects)

    def __call__(self, doc: Doc) -> Doc:
        busy = claimed(doc, "films", "schools")
        verbs = []
        for s in self.verbs.spans(doc):
            if s.start in busy:
                continue
            role, kind = s.label_.split("|")
            verbs.append(make_span(doc, s.start, s.end, role, f"verb:{kind}"))
        # a noun inside a longer verb is part of it: "producing" in "co-producing"
        verb_len = {i: len(v) for v in verbs if len(v) > 1 for i in range(v.start, v.end)}
        doc.spans["roles"] = [make_span(doc, s.start, s.end, s.label_, "role:noun") for s in self.nouns.spans(doc)
                              if s.start not in busy and verb_len.get(s.start, 0) <= len(s)]
        doc.spans["role_verbs"] = verbs
        doc.spans["role_objects"] = [make_span(doc, s.start, s.end, s.label_, "role:object")
                                     for s in self.objects.spans(doc) if s.start not in busy]
        return doc
