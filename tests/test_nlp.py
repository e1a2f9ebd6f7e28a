"""The pipeline's shape, and the optional pretrained-pipeline path on a tiny pipeline built here."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from extract.errors import ExtractError
from extract.io import Article
from extract.nlp import COMPONENTS, build_pipeline
from extract.extractor import Extractor

SENTENCE = "Yesterday Zorblat Quixx smiled at the crowd."


def test_blank_pipeline_has_the_project_components():
    nlp = build_pipeline()
    assert nlp.pipe_names == list(COMPONENTS)
    doc = nlp("Director Ana Ruiz directed “Tides”.\nShe studied at Emerson College.")
    assert [s.text for s in doc.spans["films"]] == ["Tides"]
    assert [s.text for s in doc.spans["schools"]] == ["Emerson College"]
    assert len(list(doc.sents)) == 2


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A blank English pipeline with an NER trained until it tags one invented name."""
    random.seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    start = SENTENCE.index("Zorblat")
    examples = [Example.from_dict(nlp.make_doc(SENTENCE),
                                  {"entities": [(start, start + len("Zorblat Quixx"), "PERSON")]})]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    path = tmp_path_factory.mktemp("model") / "tiny"
    nlp.to_disk(path)
    return path


def _people(extractor: Extractor) -> dict[str, str]:
    rec = extractor.record(Article(Path("t.txt"), "t.txt", "t", "0" * 64, SENTENCE, "utf-8"))
    return {p.name: p.rule for p in rec.people}


def test_pretrained_entities_add_evidence(tiny_model, extractor):
    assert "Zorblat Quixx" not in _people(extractor)  # unknown words, no cue: the rules alone say no
    with_model = Extractor(model=str(tiny_model))
    names = with_model.nlp.pipe_names
    assert "ner" in names and names.index("ner") < names.index("extract_names")
    assert "ner" in _people(with_model)["Zorblat Quixx"]
    assert with_model.versions()["pipeline"] == str(tiny_model)


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ExtractError, match="could not load the spaCy pipeline"):
        build_pipeline(model="no_such_pipeline_xyz")
