"""The statistical-NER merge path, with a tiny model trained here (no download)."""

import pytest
import spacy
from spacy.training import Example

from extract.cli import main
from extract.pipeline import build

TRAIN = [
    ("Gestern sprach Xarbel Quodrin im Rat.", [(15, 29, "PER")]),
    ("Die Delegation reiste nach Zbrovnitsa weiter.", [(27, 37, "LOC")]),
    ("Schüler des Lycée Edouard Branly kamen.", [(12, 32, "ORG")]),
    ("Xarbel Quodrin besuchte Zbrovnitsa.", [(0, 14, "PER"), (24, 34, "LOC")]),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    for label in ("PER", "LOC", "ORG"):
        ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_de_ner"
    nlp.to_disk(path)
    return str(path)


def labelled(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_rules_alone_miss_what_the_model_knows(nlp):
    doc = nlp("Gestern sprach Xarbel Quodrin im Rat.")
    assert ("Xarbel Quodrin", "PERSON") not in labelled(doc)


def test_model_people_and_places_are_merged(tiny_model):
    nlp = build(tiny_model)
    doc = nlp("Gestern sprach Xarbel Quodrin im Rat.")
    assert ("Xarbel Quodrin", "PERSON") in labelled(doc)
    doc = nlp("Die Delegation reiste nach Zbrovnitsa weiter.")
    assert ("Zbrovnitsa", "CITY") in labelled(doc)


def test_rule_entities_are_kept_and_names_inside_organisations_dropped(tiny_model):
    nlp = build(tiny_model)
    doc = nlp("Schüler des Lycée Edouard Branly kamen.")
    assert all(label != "PERSON" for _, label in labelled(doc))
    doc = nlp("Die Stadt Fürth grüßt Xarbel Quodrin.")
    assert ("Fürth", "CITY") in labelled(doc)
    assert doc.ents[0]._.place is not None  # rule entities keep their GeoNames link


def test_cli_model_option(tiny_model, tmp_path):
    (tmp_path / "a.txt").write_text("Xarbel Quodrin besuchte Zbrovnitsa.", encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--model", tiny_model, "--quiet"]) == 0
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"), "--model", "no_such_model"]) == 2
