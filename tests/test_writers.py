import pandas as pd

from extract.writers import read_table, write_tables


def test_csvs_load_in_pandas_with_intended_dtypes(tmp_path, extract_text):
    records = [
        extract_text("Die Stadt Düren und Valenciennes (Frankreich) sind seit 1959 Partnerstädte.", doc_id="b"),
        extract_text("=HYPERLINK ohne Orte.", doc_id="a"),
    ]
    paths = write_tables(records, tmp_path)
    assert sorted(p.name for p in paths) == ["entities.csv", "events.csv", "partnerships.csv", "people.csv"]
    entities = read_table(tmp_path / "entities.csv")
    assert entities["start"].dtype == "int64" and str(entities["geonames_id"].dtype) == "Int64"
    partnerships = read_table(tmp_path / "partnerships.csv")
    assert list(partnerships["b"]) == ["Valenciennes"]
    assert partnerships["since"].iloc[0] == "1959"  # stays text, not the number 1959
    assert pd.read_csv(tmp_path / "events.csv")["type"].tolist() == ["signed"]
    assert not list(tmp_path.glob(".*.tmp"))  # nothing half-written left behind


def test_rows_are_in_document_order(tmp_path, extract_text):
    records = [extract_text("Stadt Düren.", doc_id="z"), extract_text("Stadt Herne.", doc_id="a")]
    write_tables(records, tmp_path)
    assert read_table(tmp_path / "entities.csv")["doc_id"].tolist() == ["a", "z"]
