"""Evaluator tests on small hand-made gold/prediction pairs; expected figures computed by hand."""

import hashlib
import json

import pytest

from extract.evaluate import GoldError, evaluate, load_gold_file, max_matching
from extract.records import (
    DocumentRecord,
    EntityRecord,
    EventRecord,
    PartnershipRecord,
    PersonRecord,
)


def doc(entities=(), partnerships=(), people=()):
    return DocumentRecord("d", "x", [], list(entities), list(partnerships), list(people))


def ent(start, end, label="CITY"):
    return EntityRecord(start, end, label, "x" * (end - start))


def pair(a, b, since=None, kind="partnership", status="active", events=()):
    return PartnershipRecord(a, b, None, kind, status, since, list(events))


def test_entity_exact_precision_two_thirds_recall_one_half():
    gold = doc([ent(0, 5), ent(10, 15), ent(20, 25), ent(30, 35)])
    pred = doc([ent(0, 5), ent(10, 15), ent(40, 45)])
    counts = evaluate({"d": gold}, {"d": pred}).exact["CITY"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 2)
    assert counts.precision == pytest.approx(2 / 3) and counts.recall == pytest.approx(1 / 2)
    assert counts.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))


def test_overlap_mode_matches_each_span_once():
    # one long predicted span overlaps two gold spans: only one of them is matched
    gold = doc([ent(0, 5), ent(6, 10)])
    pred = doc([ent(0, 10)])
    evaluation = evaluate({"d": gold}, {"d": pred})
    overlap = evaluation.overlap["CITY"]
    assert (overlap.tp, overlap.fp, overlap.fn) == (1, 0, 1)
    assert evaluation.exact["CITY"].tp == 0


def test_overlap_needs_same_label():
    evaluation = evaluate({"d": doc([ent(0, 5, "CITY")])}, {"d": doc([ent(0, 5, "REGION")])})
    assert evaluation.micro(evaluation.overlap).tp == 0


def test_max_matching_finds_the_larger_assignment():
    # greedy would pair 0-0 and leave 1 unmatched; the maximum matching pairs 0-1, 1-0
    edges = {(0, 0), (0, 1), (1, 0)}
    assert len(max_matching([0, 1], [0, 1], lambda a, b: (a, b) in edges)) == 2


def test_pairs_unordered_with_alias_matching():
    gold = doc(
        partnerships=[
            pair(["Fürth", "Stadt Fürth"], ["Saint-Étienne", "St-Étienne"], since="1954"),
            pair(["Fürth"], ["Lens"]),
            pair(["Fürth"], ["Lwiw"]),
        ]
    )
    pred = doc(
        partnerships=[
            pair(["st etienne"], ["FÜRTH"], since="1967"),  # swapped sides, alias, folded
            pair(["Fürth"], ["Lens"]),
            pair(["Fürth"], ["Suzhou"]),
        ]
    )
    evaluation = evaluate({"d": gold}, {"d": pred})
    assert (evaluation.pairs.tp, evaluation.pairs.fp, evaluation.pairs.fn) == (2, 1, 1)
    assert evaluation.since.correct == 1 and evaluation.since.total == 2  # 1967 != 1954


def test_only_the_predicted_first_name_is_matched():
    gold = doc(partnerships=[pair(["Landkreis Goslar"], ["Kreis Cluj"])])
    pred = doc(partnerships=[pair(["Goslar", "Landkreis Goslar"], ["Kreis Cluj"])])
    assert evaluate({"d": gold}, {"d": pred}).pairs.tp == 0


def test_events_count_unmatched_pairs_as_errors():
    gold = doc(
        partnerships=[
            pair(["A"], ["B"], events=[EventRecord("signed", "1959", ""), EventRecord("decided", None, "")]),
            pair(["A"], ["C"], events=[EventRecord("signed", "2001", "")]),
        ]
    )
    pred = doc(
        partnerships=[
            pair(["A"], ["B"], events=[EventRecord("signed", "1959", ""), EventRecord("initiated", None, "")]),
            pair(["A"], ["D"], events=[EventRecord("signed", "2001", "")]),
        ]
    )
    events = evaluate({"d": gold}, {"d": pred}).events
    # matched pair: 1 tp, 1 fp, 1 fn; unmatched pred pair: 1 fp; unmatched gold pair: 1 fn
    assert (events.tp, events.fp, events.fn) == (1, 2, 2)


def test_alias_precision_counts_names_of_matched_sides_in_either_order():
    # the prediction's sides are swapped; "Nowhere" is not an alias of the gold side it sits on
    gold = doc(partnerships=[pair(["Springfield", "Old Springfield"], ["Shelbyville"])])
    pred = doc(partnerships=[pair(["Shelbyville", "Nowhere"], ["Springfield", "Old Springfield"])])
    aliases = evaluate({"d": gold}, {"d": pred}).aliases
    assert (aliases.correct, aliases.total) == (3, 4)


def test_home_accuracy_counts_only_documents_whose_gold_names_a_home():
    def home_doc(home):
        return DocumentRecord("d", "x", home, [], [], [])

    gold = {"a": home_doc(["Springfield", "Stadt Springfield"]), "b": home_doc(["Shelbyville"]), "c": home_doc([])}
    pred = {"a": home_doc(["Stadt Springfield"]), "b": home_doc(["Springfield"]), "c": home_doc(["Ogdenville"])}
    evaluation = evaluate(gold, pred)
    assert (evaluation.home.correct, evaluation.home.total) == (1, 2)
    assert evaluation.details["c"]["home"] == ["predicted ['Ogdenville'], gold has none"]


def test_people_on_name_and_role():
    gold = doc(
        people=[
            PersonRecord("ERIKA MUSTERMANN", "Ansprechpartnerin", "Fürth"),
            PersonRecord("Jean Dupont", "Bürgermeister", None),
        ]
    )
    pred = doc(
        people=[
            PersonRecord("Erika Mustermann", "Ansprechpartnerin", None),
            PersonRecord("Jean Dupont", "Oberbürgermeister", None),
        ]
    )
    people = evaluate({"d": gold}, {"d": pred}).people
    assert (people.tp, people.fp, people.fn) == (1, 1, 1)


def test_missing_prediction_scores_as_empty():
    evaluation = evaluate({"d": doc([ent(0, 5)])}, {})
    assert evaluation.exact["CITY"].fn == 1


def write_gold(tmp_path, text, entities, sha=None):
    path = tmp_path / "d.json"
    data = {
        "doc_id": "d",
        "text_sha256": sha or hashlib.sha256(text.encode()).hexdigest(),
        "home": [],
        "entities": entities,
        "partnerships": [],
        "people": [],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_gold_with_wrong_hash_is_refused(tmp_path):
    path = write_gold(tmp_path, "Fürth", [], sha="0" * 64)
    with pytest.raises(GoldError, match="text_sha256") as info:
        load_gold_file(path, "Fürth")
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        ({"start": 0, "end": 4, "label": "CITY", "text": "Düre"}, "is not"),
        ({"start": 3, "end": 9, "label": "CITY", "text": "ren xx"}, "do not fit"),
        ({"start": 0, "end": 5, "label": "TOWN", "text": "Fürth"}, "unknown label"),
    ],
)
def test_gold_with_bad_entities_is_refused(tmp_path, entity, message):
    text = "Fürth"
    entity = dict(entity)
    if entity["text"] == "Düre":
        entity["text"] = "Dxre"
    path = write_gold(tmp_path, text, [entity])
    with pytest.raises(GoldError, match=message):
        load_gold_file(path, text)


def test_invalid_json_gold_is_refused(tmp_path):
    path = tmp_path / "d.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match="invalid JSON"):
        load_gold_file(path)


def test_project_gold_files_are_valid(tmp_path):
    from tests.conftest import GOLD, SEEDS

    for path in sorted(GOLD.glob("*.json")):
        text = (SEEDS / f"{path.stem}.txt").read_text(encoding="utf-8")
        record = load_gold_file(path, text)
        assert record.doc_id == path.stem


def test_pair_level_gold_scores_pairs_and_home_but_not_entities_events_or_people(tmp_path):
    text = "Seit 1961 ist Musterstadt Partnerstadt von Beispielville."
    data = {
        "doc_id": "d",
        "level": "pairs",
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "home": ["Musterstadt"],
        "partnerships": [
            {"a": ["Musterstadt"], "b": ["Beispielville"], "b_country": "FR", "kind": "partnership",
             "status": "active", "since": "1961"}
        ],
        "excluded": [{"a": ["Musterstadt"], "b": ["Nirgendwo"], "reason": "a school exchange"}],
    }
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    gold = load_gold_file(path, text)
    assert gold.level == "pairs"
    pred = DocumentRecord(
        "d", "x", ["Musterstadt"], [ent(14, 25)],
        [pair(["Musterstadt"], ["Beispielville"], since="1961", events=[EventRecord("signed", "1961", "")])],
        [PersonRecord("Erika Muster", "Bürgermeisterin", "Musterstadt")],
    )
    evaluation = evaluate({"d": gold}, {"d": pred})
    assert (evaluation.pairs.tp, evaluation.pairs.fp, evaluation.pairs.fn) == (1, 0, 0)
    assert evaluation.since.value == 1.0 and evaluation.home.correct == 1
    # nothing of what pair-level gold leaves out is counted against the prediction
    assert evaluation.micro(evaluation.exact).fp == 0
    assert (evaluation.events.tp, evaluation.events.fp) == (0, 0)
    assert (evaluation.people.tp, evaluation.people.fp) == (0, 0)


def test_gold_without_entities_or_pair_level_is_refused(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"doc_id": "d", "partnerships": []}), encoding="utf-8")
    with pytest.raises(GoldError, match="not a gold document"):
        load_gold_file(path)


def test_confidence_report_ranks_and_calibrates():
    from extract.evaluate import confidence_report

    scored = [(0.95, True), (0.92, True), (0.85, True), (0.55, False), (0.45, True), (0.3, False)]
    report = confidence_report(scored, n_gold=5)
    at = {a["threshold"]: a for a in report["at_threshold"]}
    assert at[0.9]["precision"] == 1.0 and at[0.9]["recall"] == 0.4
    assert at[0.5]["precision"] == 0.75 and at[0.5]["pairs"] == 4
    # average precision over the gold pairs: (1 + 1 + 1 + 4/5) / 5
    assert report["pr_auc"] == 0.76
    assert sum(row["count"] for row in report["reliability"]) == 6
    assert 0 <= report["expected_calibration_error"] <= 1
