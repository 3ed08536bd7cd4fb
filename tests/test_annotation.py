"""Label Studio and doccano: export, import, and the round trip of gold."""

import json

import pytest
from tests.conftest import GOLD, SEEDS

from extract.cli import main

TEXT = "Die Stadt Celle pflegt seit 1970 eine Städtepartnerschaft mit Poitiers. Bürgermeisterin Anna Muster dankt."


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano"])
def test_round_trip_of_the_seeds_gold_is_identical(tmp_path, fmt):
    exported = tmp_path / f"tasks.{fmt}"
    assert main(["export", str(GOLD), "--texts", str(SEEDS), "--format", fmt, "--out", str(exported)]) == 0
    assert (
        main(["import-gold", str(exported), "--format", fmt, "--texts", str(SEEDS), "--out", str(tmp_path / "g")]) == 0
    )
    for path in sorted(GOLD.glob("*.json")):
        assert json.loads((tmp_path / "g" / path.name).read_text(encoding="utf-8")) == json.loads(
            path.read_text(encoding="utf-8")
        ), path.name


def _texts(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "celle.txt").write_text(TEXT, encoding="utf-8")
    return texts


LABEL_STUDIO_EXPORT = [
    {
        "id": 7,
        "data": {"text": TEXT, "doc_id": "celle", "home": ["Celle"], "partnerships": [], "people": []},
        "annotations": [
            {
                "id": 1,
                "completed_by": 1,
                "result": [
                    {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
                     "value": {"start": 10, "end": 15, "text": "Celle", "labels": ["CITY"]}},
                    {"id": "a2", "from_name": "label", "to_name": "text", "type": "labels",
                     "value": {"start": 28, "end": 32, "text": "1970", "labels": ["DATE"]}},
                    {"id": "a2", "from_name": "date_value", "to_name": "text", "type": "textarea",
                     "value": {"start": 28, "end": 32, "text": ["1970"]}},
                    {"id": "a3", "from_name": "label", "to_name": "text", "type": "labels",
                     "value": {"start": 62, "end": 70, "text": "Poitiers", "labels": ["CITY"]}},
                    {"type": "relation", "from_id": "a1", "to_id": "a3", "direction": "right",
                     "labels": ["friendship"]},
                ],
            }
        ],
    }
]  # fmt: skip


def test_import_of_a_label_studio_export_of_completed_tasks(tmp_path):
    texts = _texts(tmp_path)
    (tmp_path / "export.json").write_text(json.dumps(LABEL_STUDIO_EXPORT), encoding="utf-8")
    assert (
        main(["import-gold", str(tmp_path / "export.json"), "--texts", str(texts), "--out", str(tmp_path / "g")]) == 0
    )
    gold = json.loads((tmp_path / "g" / "celle.json").read_text(encoding="utf-8"))
    assert [(e["text"], e["label"], e.get("value")) for e in gold["entities"]] == [
        ("Celle", "CITY", None),
        ("1970", "DATE", "1970"),
        ("Poitiers", "CITY", None),
    ]
    assert [(p["a"], p["b"], p["kind"]) for p in gold["partnerships"]] == [(["Celle"], ["Poitiers"], "friendship")]


def test_import_of_a_doccano_export(tmp_path):
    texts = _texts(tmp_path)
    line = {
        "id": 3, "text": TEXT, "doc_id": "celle", "home": ["Celle"],
        "entities": [
            {"id": 11, "label": "CITY", "start_offset": 10, "end_offset": 15},
            {"id": 12, "label": "CITY", "start_offset": 62, "end_offset": 70},
            {"id": 13, "label": "PERSON", "start_offset": 88, "end_offset": 99},
        ],
        "relations": [{"id": 1, "from_id": 11, "to_id": 12, "type": "partnership"}],
        "people": [{"name": "Anna Muster", "role": "Bürgermeisterin", "place": "Celle"}],
    }  # fmt: skip
    (tmp_path / "export.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    args = ["import-gold", str(tmp_path / "export.jsonl"), "--format", "doccano", "--texts", str(texts)]
    assert main([*args, "--out", str(tmp_path / "g")]) == 0
    gold = json.loads((tmp_path / "g" / "celle.json").read_text(encoding="utf-8"))
    assert [e["text"] for e in gold["entities"]] == ["Celle", "Poitiers", "Anna Muster"]
    assert gold["people"] == line["people"] and len(gold["partnerships"]) == 1


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r[0]["value"].update(text="Celler"), "not 'Celler'"),
        (lambda r: r[0]["value"].update(labels=["TOWN"]), "unknown label 'TOWN'"),
        (lambda r: r[4].update(to_id="gone"), "a span that is not there"),
    ],
)
def test_a_bad_task_gets_one_line_and_no_file(tmp_path, capsys, change, message):
    texts = _texts(tmp_path)
    export = json.loads(json.dumps(LABEL_STUDIO_EXPORT))
    change(export[0]["annotations"][0]["result"])
    (tmp_path / "export.json").write_text(json.dumps(export), encoding="utf-8")
    assert (
        main(["import-gold", str(tmp_path / "export.json"), "--texts", str(texts), "--out", str(tmp_path / "g")]) == 2
    )
    err = capsys.readouterr().err
    assert "task 7 (celle)" in err and message in err
    assert not (tmp_path / "g" / "celle.json").exists()


def test_export_of_a_run_and_the_labelstudio_config(tmp_path, capsys):
    texts = _texts(tmp_path)
    assert main(["run", str(texts), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert main(["export", str(tmp_path / "out"), "--format", "doccano", "--out", str(tmp_path / "t.jsonl")]) == 0
    task = json.loads((tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert {e["label"] for e in task["entities"]} >= {"CITY", "PERSON", "DATE"}
    assert task["relations"] and task["relations"][0]["type"] == "partnership"
    assert main(["export", "--labelstudio-config"]) == 0
    config = capsys.readouterr().out
    assert '<Labels name="label" toName="text">' in config and '<Relation value="friendship"/>' in config
