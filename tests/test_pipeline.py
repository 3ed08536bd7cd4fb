"""The pipeline's assembly and its renewal on a grown vocabulary."""

from __future__ import annotations

import pytest

from extract import pipeline
from extract.records import record_from_doc

TEXT = "Am 3. Mai 1990 unterzeichneten die Stadt Bonn und Oxford (England) die Partnerschaft."


def test_load_returns_the_same_pipeline_while_its_vocabulary_is_small(monkeypatch):
    first = pipeline.load()
    monkeypatch.setattr(pipeline, "VOCAB_LIMIT", len(first.vocab.strings) + 1000)
    assert pipeline.load() is first


def test_a_pipeline_whose_vocabulary_outgrew_the_limit_is_built_anew_with_the_same_results(monkeypatch):
    first = pipeline.load()
    expected = record_from_doc(pipeline.process(TEXT, first), "d", "").to_dict()
    monkeypatch.setattr(pipeline, "VOCAB_LIMIT", len(first.vocab.strings) + 10)
    pipeline.process(" ".join(f"Neuwort{i}" for i in range(50)), first)  # 50 new word types

    renewed = pipeline.load()

    assert renewed is not first
    assert len(renewed.vocab.strings) < len(first.vocab.strings)
    assert record_from_doc(pipeline.process(TEXT, renewed), "d", "").to_dict() == expected
    assert pipeline.load() is renewed


def test_no_span_is_kept_in_user_data():
    # a Span in doc.user_data refers back to its Doc: a cycle spaCy never frees, so a long
    # run would keep every document in memory
    from dataclasses import fields, is_dataclass

    from spacy.tokens import Doc, Span

    from extract.pipeline import process

    doc = process("Unsere Partnerstädte\n\n1960 Poitiers - Frankreich\nTartu, Estland\n\nMagistrat der Stadt Celle\n")

    def holds_span(value) -> bool:
        if isinstance(value, Span | Doc):
            return True
        if isinstance(value, list | tuple):
            return any(holds_span(v) for v in value)
        if isinstance(value, dict):
            return any(holds_span(v) for v in value.values())
        if is_dataclass(value) and not isinstance(value, type):
            return any(holds_span(getattr(value, f.name)) for f in fields(value))
        return False

    assert doc._.partner_lines and doc._.home_spans  # the results are there, as spans
    assert not [key for key, value in doc.user_data.items() if holds_span(value)]


def test_the_rules_read_only_the_lexical_attributes_the_pipeline_computes():
    """A rule that read ``token.like_num`` would silently get False: the blank
    pipeline computes only ``LEXICAL_ATTRS`` for each new word type."""
    import re
    from pathlib import Path

    from spacy.attrs import IDS

    source = "\n".join(p.read_text() for p in Path(pipeline.__file__).parent.rglob("*.py"))
    lexical = {"lower_", "norm_", "shape_", "prefix_", "suffix_", "lang_"} | {
        name.lower() for name in IDS if name.startswith(("IS_", "LIKE_"))
    }
    read = {m for m in re.findall(r"\.(\w+)\b", source) if m in lexical}
    read |= {m.lower() for m in re.findall(r"\b((?:IS|LIKE)_[A-Z]+)\b", source)}
    computed = {name.lower() for name, attr in IDS.items() if attr in pipeline.LEXICAL_ATTRS}
    computed |= {f"{name}_" for name in computed}
    assert read - {"is_sent_start"} <= computed
    assert set(pipeline.build().vocab.lex_attr_getters) == set(pipeline.LEXICAL_ATTRS)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("» Besançon\n» Nowy Targ\n", "• Besançon\n• Nowy Targ\n"),
        ("1. Besançon\n2. Nowy Targ\n10. Kuopio\n", "•  Besançon\n•  Nowy Targ\n•   Kuopio\n"),
        ("a) Besançon\nb) Nowy Targ\n", "•  Besançon\n•  Nowy Targ\n"),
        # a lone numbered line, a quotation mark glued to its word: no list
        ("1. FC Musterstadt spielt.\n", "1. FC Musterstadt spielt.\n"),
        ("»Zitat« sagte er\n", "»Zitat« sagte er\n"),
    ],
)
def test_list_items_marked_otherwise_are_bulleted_in_place(text, cleaned):
    from extract.pipeline import clean_text

    assert clean_text(text) == cleaned


@pytest.mark.parametrize(
    "lines",
    [
        "» Besançon\n» Nowy Targ\n» Kuopio\n",
        "> Besançon\n> Nowy Targ\n> Kuopio\n",
        "1. Besançon\n2. Nowy Targ\n3. Kuopio\n",
        "a) Besançon\nb) Nowy Targ\nc) Kuopio\n",
    ],
)
def test_a_partner_list_marked_otherwise_is_read_as_bulleted(extract_text, lines):
    record = extract_text("Stadt Fürth\n\nStädtepartnerschaften\n\n" + lines)
    assert sorted(p.b[0] for p in record.partnerships) == ["Besançon", "Kuopio", "Nowy Targ"]


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        # an encyclopedia's reference marks glued to what they annotate: spaces, offsets kept
        ("Partnerschaften:[12]\n", "Partnerschaften:    \n"),
        ("seit 1963[3][14] und", "seit 1963        und"),
        ("Kalisz[A 2], Polen", "Kalisz     , Polen"),
        ("Tartu[Anm. 1]", "Tartu" + " " * 8),
        # a bracket after a space, or holding words, is the text's own
        ("Liste [1] der Orte", "Liste [1] der Orte"),
        ("Tartu[Estland]", "Tartu[Estland]"),
    ],
)
def test_reference_marks_of_an_encyclopedia_are_spaces(text, cleaned):
    from extract.pipeline import clean_text

    assert clean_text(text) == cleaned


def test_a_partner_list_with_reference_marks_gives_every_partner(extract_text):
    text = (
        "Städtepartnerschaften\n"
        "Fürth unterhält mit folgenden Städten Partnerschaften:[12]\n"
        "Frankreich Poitiers, Frankreich, seit 1966[13]\n"
        "Polen Kalisz, Polen, seit 1993[14][15]\n"
    )
    record = extract_text(text)
    assert sorted((p.b[0], p.since) for p in record.partnerships) == [("Kalisz", "1993"), ("Poitiers", "1966")]
