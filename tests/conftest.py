"""Shared fixtures: the pipeline is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "gold"
# a report from the partner's town on the publisher's site: the text alone reads the partner as home
VISIT = (
    "Besuch in Fürth\n\nEine Delegation aus Ansbach besuchte die Stadt Fürth. Die Stadt Fürth empfing die "
    "Gäste im Rathaus Fürth. In Fürth wurde die Partnerschaft mit Ansbach gefeiert, die seit 1970 besteht."
)


@pytest.fixture(scope="session")
def nlp():
    import extract

    return extract.load()


@pytest.fixture(scope="session")
def extract_text(nlp):
    from extract import extract_text as run

    return run


def ents(doc, label=None):
    """(text, label) of the document's entities, optionally of one label."""
    return [(e.text, e.label_) for e in doc.ents if label is None or e.label_ == label]


def output_files(folder: Path) -> dict[Path, bytes]:
    """Every file of a run's output folder, by its path there. ``run.json`` enters
    without what differs between two runs of the same work: when they ran, and how
    many documents a resumed run took over from the interrupted one."""
    import json

    files = {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    if Path("run.json") in files:
        run = json.loads(files[Path("run.json")])
        run.pop("started"), run.pop("finished")
        run["counts"].pop("extracted"), run["counts"].pop("kept")
        files[Path("run.json")] = json.dumps(run, sort_keys=True).encode()
    return files
