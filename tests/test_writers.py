import pandas as pd

from extract.writers import read_table, write_tables


def test_csvs_load_in_pandas_with_intended_dtypes(tmp_path, extract_text):
    records = [
        extract_text("Die Stadt Fürth und Besançon (Frankreich) sind seit 1959 Partnerstädte.", doc_id="b"),
        extract_text("=HYPERLINK ohne Orte.", doc_id="a"),
    ]
    paths = write_tables(records, tmp_path)
    assert sorted(p.name for p in paths) == ["entities.csv", "events.csv", "partnerships.csv", "people.csv"]
    entities = read_table(tmp_path / "entities.csv")
    assert entities["start"].dtype == "int64" and str(entities["geonames_id"].dtype) == "Int64"
    partnerships = read_table(tmp_path / "partnerships.csv")
    assert list(partnerships["b"]) == ["Besançon"]
    assert partnerships["since"].iloc[0] == "1959"  # stays text, not the number 1959
    assert pd.read_csv(tmp_path / "events.csv")["type"].tolist() == ["signed"]
    assert not list(tmp_path.glob(".*.tmp"))  # nothing half-written left behind


def test_rows_are_in_document_order(tmp_path, extract_text):
    records = [extract_text("Stadt Fürth.", doc_id="z"), extract_text("Stadt Herne.", doc_id="a")]
    write_tables(records, tmp_path)
    assert read_table(tmp_path / "entities.csv")["doc_id"].tolist() == ["a", "z"]


def test_csv_files_are_what_pandas_writes_for_the_tables(tmp_path):
    """The CSVs are written with the csv module; they must be byte for byte the
    ``tables()`` DataFrames as ``to_csv`` writes them (formula cells neutralised)."""
    from extract.records import DocumentRecord, EntityRecord, EventRecord, PartnershipRecord, PersonRecord
    from extract.writers import _map_text_cells, neutralise_cell, tables

    record = DocumentRecord(
        "d1",
        "0" * 64,
        ["Ort"],
        [
            EntityRecord(0, 3, "CITY", "Ort", geonames_id=123, country="DE", lat=50.7766, lon=6.0834),
            EntityRecord(5, 9, "DATE", "1990", value="1990"),
            EntityRecord(10, 20, "PERSON", '=Name "quoted",\nline'),
        ],
        [
            PartnershipRecord(
                a=["Ort"],
                b=["-Andere", "@alias"],
                b_country=None,
                kind="partnership",
                status="active",
                since=None,
                events=[EventRecord("signed", None, "+evidence, with comma")],
                evidence_start=0,
                evidence_end=9,
                a_lat=1e-05,
            )
        ],
        [PersonRecord("Name", "Bürgermeister", None)],
    )
    write_tables([record], tmp_path)
    for name, frame in tables([record]).items():
        expected = _map_text_cells(frame, neutralise_cell).to_csv(index=False, lineterminator="\n")
        assert (tmp_path / name).read_text(encoding="utf-8") == expected, name


def test_table_spool_writes_documents_in_doc_id_order_and_leaves_no_temporary_file(tmp_path):
    from extract.writers import TABLE_COLUMNS, TableSpool

    with TableSpool(tmp_path) as spool:
        for doc_id in ("c", "a", "b"):
            spool.add(doc_id, {name: f"{doc_id},{name}\n" for name in TABLE_COLUMNS})
        spool.write()
        assert len(spool) == 3
    for name in TABLE_COLUMNS:
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        assert lines[1:] == [f"a,{name}", f"b,{name}", f"c,{name}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(TABLE_COLUMNS)


def test_a_document_json_written_entity_by_entity_is_the_same_text():
    from extract.records import DocumentRecord, EntityRecord, PartnershipRecord
    from extract.writers import document_json, document_json_chunks

    entities = [
        EntityRecord(0, 5, "CITY", 'Köln "am Rhein"\n', geonames_id=1, country="DE", lat=50.9, lon=6.9),
        EntityRecord(7, 11, "DATE", "1990", value="1990"),
        EntityRecord(12, 22, "PERSON", "Jean Dupont"),
    ]
    pair = PartnershipRecord(["Köln"], ["Lille"], "FR", "partnership", "active", "1958")
    for record in (
        DocumentRecord("d", "x"),
        DocumentRecord("d", "x", home=["Köln"], entities=entities[:1], source={"path": "a\nb"}),
        DocumentRecord("d", "x", home=["Köln"], entities=entities, partnerships=[pair]),
    ):
        assert "".join(document_json_chunks(record)) == document_json(record)
