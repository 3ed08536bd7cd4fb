"""Quality floors: the seed scores, and the development set's where it is beside
the repository (``../shared/dev``), may not drop below the pinned figures.

Raise the floors when quality rises; never lower them to go green.
"""

import json
from pathlib import Path

import pytest
from tests.conftest import GOLD, ROOT, SEEDS

from extract.evaluate import evaluate, load_gold_file

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
DEV_FLOORS = json.loads((Path(__file__).parent / "quality_floors_dev.json").read_text(encoding="utf-8"))
DEV = ROOT.parent / "shared" / "dev"
# development set 3: measured unseen, then released; its full-gold and pair-level parts
DEV3_FLOORS = json.loads((Path(__file__).parent / "quality_floors_dev3.json").read_text(encoding="utf-8"))
DEV3 = ROOT.parent / "shared" / "dev3"


def flat_scores(extract_text, texts: Path, gold_dir: Path) -> dict[str, float]:
    gold, pred = {}, {}
    for path in sorted(texts.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold[path.stem] = load_gold_file(gold_dir / f"{path.stem}.json", text)
        pred[path.stem] = extract_text(text, doc_id=path.stem)
    result = evaluate(gold, pred)
    flat = {
        "pairs_f1": result.pairs.f1,
        "since_accuracy": result.since.value,
        "kind_accuracy": result.kind.value,
        "status_accuracy": result.status.value,
        "alias_precision": result.aliases.value,
        "home_accuracy": result.home.value,
        "events_f1": result.events.f1,
        "events_on_matched_pairs_f1": result.matched_events.f1,
        "people_f1": result.people.f1,
        "entities_exact_micro_f1": result.micro(result.exact).f1,
        "entities_overlap_micro_f1": result.micro(result.overlap).f1,
    }
    for label, counts in result.overlap.items():
        flat[f"entities_overlap_{label}_f1"] = counts.f1
    return flat


@pytest.fixture(scope="module")
def seed_scores(extract_text):
    return flat_scores(extract_text, SEEDS, GOLD)


@pytest.fixture(scope="module")
def dev_scores(extract_text):
    if not (DEV / "texts").is_dir():
        pytest.skip("the development set (../shared/dev) is not beside the repository")
    return flat_scores(extract_text, DEV / "texts", DEV / "gold")


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_seed_score_not_below_floor(seed_scores, metric):
    assert seed_scores[metric] >= FLOORS[metric], f"{metric} fell to {seed_scores[metric]:.4f} (floor {FLOORS[metric]})"


@pytest.mark.parametrize("metric", sorted(DEV_FLOORS))
def test_dev_score_not_below_floor(dev_scores, metric):
    value = dev_scores[metric]
    assert value >= DEV_FLOORS[metric], f"development set: {metric} fell to {value:.4f} (floor {DEV_FLOORS[metric]})"


@pytest.fixture(scope="module")
def dev3_scores(extract_text):
    if not (DEV3 / "texts").is_dir():
        pytest.skip("development set 3 (../shared/dev3) is not beside the repository")
    return {
        "full": flat_scores(extract_text, DEV3 / "texts", DEV3 / "gold"),
        "pairs": flat_scores(extract_text, DEV3 / "pairs" / "texts", DEV3 / "pairs" / "gold"),
    }


@pytest.mark.parametrize(
    ("part", "metric"), [(part, metric) for part, floors in sorted(DEV3_FLOORS.items()) for metric in sorted(floors)]
)
def test_dev3_score_not_below_floor(dev3_scores, part, metric):
    value = dev3_scores[part][metric]
    floor = DEV3_FLOORS[part][metric]
    assert value >= floor, f"development set 3 ({part}): {metric} fell to {value:.4f} (floor {floor})"
