import json

from tests.conftest import GOLD

from extract.records import DocumentRecord


def test_gold_files_round_trip_through_records():
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out = DocumentRecord.from_dict(data).to_dict()
        assert list(out) == list(data)  # same top-level keys in the same order
        for gold_p, out_p in zip(data["partnerships"], out["partnerships"], strict=True):
            assert {k: out_p[k] for k in gold_p if k != "events"} == {k: v for k, v in gold_p.items() if k != "events"}
        pairs = zip(data["entities"], out["entities"], strict=True)
        assert [{k: e[k] for k in g} for g, e in pairs] == data["entities"]


def test_pipeline_record_entities_index_the_text(extract_text):
    text = "Die Stadt Fürth und Besançon (Frankreich) sind seit 1959 Partnerstädte."
    record = extract_text(text, doc_id="t")
    for entity in record.entities:
        assert text[entity.start : entity.end] == entity.text
    cities = [e for e in record.entities if e.label == "CITY"]
    assert all(e.geonames_id and e.country and e.lat is not None for e in cities)


def test_a_record_read_back_from_its_json_file_is_the_same_record(tmp_path):
    from extract.records import DocumentRecord, EntityRecord, EventRecord, PartnershipRecord, PersonRecord, read_record
    from extract.writers import write_document

    entities = [EntityRecord(0, 5, "CITY", "Fürth", geonames_id=1, country="DE"), EntityRecord(6, 10, "DATE", "1990")]
    pair = PartnershipRecord(
        ["Fürth"], ["Limoges"], "FR", "partnership", "active", "1990", [EventRecord("signed", "1990", "1990 ...")]
    )
    source = {"path": "d.txt", "label": "a source key named like an entity's"}
    record = DocumentRecord("d", "x", ["Fürth"], entities, [pair], [PersonRecord("Jean Dupont", "Maire", None)], source)

    back = read_record(write_document(record, tmp_path))

    assert back.to_dict() == record.to_dict()
    assert all(isinstance(e, EntityRecord) for e in back.entities)
