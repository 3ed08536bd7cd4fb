"""Whole-pipeline outputs on the seeds, pinned with pytest-regressions.

A change in these files is a change in what the tool extracts: review the diff
and say in the commit why the expected output changed.
"""

import pytest
from tests.conftest import SEEDS

from extract.writers import tables

SEED_PATHS = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_records(extract_text):
    return {p.stem: extract_text(p.read_text(encoding="utf-8"), doc_id=p.stem) for p in SEED_PATHS}


@pytest.mark.parametrize("doc_id", [p.stem for p in SEED_PATHS])
def test_seed_document_record(doc_id, seed_records, data_regression):
    data = seed_records[doc_id].to_dict()
    data["text_sha256"] = data["text_sha256"][:16]  # enough to tell texts apart in review
    data_regression.check(data)


@pytest.mark.parametrize("table", ["entities.csv", "partnerships.csv", "events.csv", "people.csv"])
def test_seed_tables(table, seed_records, dataframe_regression):
    frame = tables(seed_records.values())[table]
    # compare every column as text: names, ISO dates and ids must match exactly
    dataframe_regression.check(frame.astype("string").fillna("<NA>").astype(object).reset_index(drop=True))
