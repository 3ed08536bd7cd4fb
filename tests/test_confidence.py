"""Confidence: monotone in its evidence, and the shipped model is the one the
development gold fits (where ../shared/dev is beside the repository)."""

import importlib.util
import subprocess
import sys

import pytest
from tests.conftest import ROOT

from extract.confidence import FEATURES, load_model, pair_features, score
from extract.gazetteer import Place

POITIERS = Place("CITY", "Poitiers", "FR", 2986495, 88291, 46.58, 0.34)
HOME = Place("CITY", "Ansbach", "DE", 2955936, 41532, 49.3, 10.57)


def test_every_feature_is_weighted_by_the_shipped_model():
    model = load_model()
    assert model is not None and model["features"] == list(FEATURES)
    assert len(model["weights"]) == len(FEATURES)


def test_a_list_line_outranks_a_place_merely_named_near_a_partnership_word(extract_text):
    listed = extract_text("Partnerstädte der Stadt Ansbach\n\n- Poitiers (Frankreich), seit 1970\n")
    named = extract_text("Stadt Ansbach\n\nDie Partnerschaft mit Poitiers lebt.")
    assert listed.partnerships and named.partnerships
    assert listed.partnerships[0].confidence > named.partnerships[0].confidence


def test_confidence_rises_with_the_homes_and_the_partners_evidence():
    why = "sentence with a partnership word"
    weak = pair_features(why, "most votes (1.0)", True, True, HOME, None, False, False)
    strong = pair_features(why, "publisher's phrase", False, True, HOME, POITIERS, True, True)
    assert score(strong) > score(weak)


def test_confidence_is_written_to_the_tables(extract_text):
    record = extract_text("Die Stadt Ansbach und Poitiers sind seit 1970 Partnerstädte.")
    assert 0.0 < record.partnerships[0].confidence <= 1.0


@pytest.mark.skipif(
    not (ROOT.parent / "shared" / "dev").is_dir() or importlib.util.find_spec("sklearn") is None,
    reason="needs ../shared/dev and scikit-learn (pip install -e '.[fit]')",
)
def test_the_shipped_model_is_the_one_the_development_gold_fits():
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "fit_confidence.py"), "--check"],
                           capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 0, check.stdout + check.stderr
