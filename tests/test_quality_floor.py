"""Quality floor: the seed scores may not drop below the pinned figures.

Raise ``quality_floors.json`` when quality rises; never lower it to go green.
"""

import json
from pathlib import Path

import pytest
from tests.conftest import GOLD, SEEDS

from extract.evaluate import evaluate, load_gold_file

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(extract_text):
    gold, pred = {}, {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold[path.stem] = load_gold_file(GOLD / f"{path.stem}.json", text)
        pred[path.stem] = extract_text(text, doc_id=path.stem)
    result = evaluate(gold, pred)
    flat = {
        "pairs_f1": result.pairs.f1,
        "since_accuracy": result.since.value,
        "kind_accuracy": result.kind.value,
        "status_accuracy": result.status.value,
        "events_f1": result.events.f1,
        "people_f1": result.people.f1,
        "entities_exact_micro_f1": result.micro(result.exact).f1,
        "entities_overlap_micro_f1": result.micro(result.overlap).f1,
    }
    for label, counts in result.overlap.items():
        flat[f"entities_overlap_{label}_f1"] = counts.f1
    return flat


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_score_not_below_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], f"{metric} fell to {scores[metric]:.4f} (floor {FLOORS[metric]})"
