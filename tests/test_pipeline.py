"""The pipeline's assembly and its renewal on a grown vocabulary."""

from __future__ import annotations

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
