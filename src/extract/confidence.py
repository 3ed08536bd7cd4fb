"""How sure a partnership is: explicit features of the decision that made it,
combined by a logistic model fitted on the development gold.

The features say which scope and rule made the pair (``why``), how the page's
home was decided, and how strong the name evidence for the partner is. The
weights are data (``data/confidence.json``), written by
``scripts/fit_confidence.py``, which also measures their calibration
leave-one-document-out; refit them whenever the rules change.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from .gazetteer import Place

MODEL_PATH = Path(__file__).parent / "data" / "confidence.json"

# the rule families a pair's ``why`` names, most specific first
RULE_FAMILIES = (
    ("pair line", "pair_line"),
    ("with country and date", "shaped_list"),
    ("list", "list"),
    ("naming both sides", "both_sides"),
    ("member town", "member"),
    ("holder", "member"),
    ("weak word", "weak"),
    ("with its country on a partnership page", "introduced_abroad"),
    ("sentence with a partnership word", "sentence"),
)
FEATURES = (
    "rule_pair_line", "rule_shaped_list", "rule_list", "rule_both_sides", "rule_member", "rule_weak", "rule_sentence",
    "rule_introduced_abroad",
    "home_published", "home_by_address", "home_assumed", "a_not_home",
    "b_in_gazetteer", "b_population", "b_abroad", "b_country_named", "has_since",
)  # fmt: skip


def rule_family(why: str | None) -> str | None:
    for marker, family in RULE_FAMILIES:
        if marker in (why or ""):
            return family
    return None


def pair_features(
    why: str | None,
    home_why: str | None,
    home_assumed: bool,
    a_is_home: bool,
    a_place: Place | None,
    b_place: Place | None,
    b_country_named: bool,
    has_since: bool,
) -> dict[str, float]:
    """The features of one partnership decision, each 0..1."""
    family = rule_family(why)
    features = {name: 0.0 for name in FEATURES}
    if family is not None:
        features["rule_" + family] = 1.0
    home_why = home_why or ""
    features["home_published"] = float(any(w in home_why for w in ("publisher", "title", "dateline", "owner")))
    features["home_by_address"] = float("address (" in home_why or "given" in home_why)
    features["home_assumed"] = float(home_assumed)
    features["a_not_home"] = float(not a_is_home)
    if b_place is not None and b_place.geonames_id:
        features["b_in_gazetteer"] = 1.0
        features["b_population"] = min(1.0, math.log10(1 + b_place.population) / 7)
    if a_place is not None and b_place is not None and a_place.country and b_place.country:
        features["b_abroad"] = float(a_place.country != b_place.country)
    features["b_country_named"] = float(b_country_named)
    features["has_since"] = float(has_since)
    return features


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any] | None:
    """The fitted model, or None where none has been fitted yet."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def score(features: dict[str, float], model: dict[str, Any] | None = None) -> float | None:
    """The model's probability that the pair is right (None without a model)."""
    model = model if model is not None else load_model()
    if model is None:
        return None
    weights = zip(model["features"], model["weights"], strict=True)
    z = model["intercept"] + sum(w * features.get(name, 0.0) for name, w in weights)
    return round(1 / (1 + math.exp(-z)), 4)

