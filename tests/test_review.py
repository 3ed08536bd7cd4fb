"""The review site: every document linked, every entity highlighted, every evidence link resolves."""

import json
import re
from html.parser import HTMLParser

from tests.conftest import GOLD, SEEDS

from extract.cli import main


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.marks: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "mark":
            self.marks.append(attrs.get("class", ""))
        for key in ("src", "href"):
            if re.match(r"(https?:)?//", attrs.get(key) or ""):
                self.external.append(attrs[key])


def parse(path):
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_review_of_the_seeds_with_gold(tmp_path):
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    assert main(["review", str(out), "--gold", str(GOLD)]) == 0
    index = parse(out / "review" / "index.html")
    doc_ids = sorted(p.stem for p in (out / "docs").glob("*.json"))
    assert sorted(link for link in index.links) == [f"docs/{d}.html" for d in doc_ids]
    assert not index.external
    for doc_id in doc_ids:
        page = parse(out / "review" / "docs" / f"{doc_id}.html")
        record = json.loads((out / "docs" / f"{doc_id}.json").read_text(encoding="utf-8"))
        gold = json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))
        predicted = {(e["start"], e["end"]) for e in record["entities"]}
        drawn_spurious = sum("spurious" in m for m in page.marks)
        drawn_plain = sum("spurious" not in m and "missed" not in m for m in page.marks)
        # every predicted entity is highlighted, as right or as spurious
        assert drawn_plain + drawn_spurious == len(predicted), doc_id
        assert drawn_spurious == len(
            {(e["start"], e["end"], e["label"]) for e in record["entities"]}
            - {(e["start"], e["end"], e["label"]) for e in gold["entities"]}
        )
        anchors = [link[1:] for link in page.links if link.startswith("#")]
        assert len(anchors) == len(record["partnerships"])
        assert set(anchors) <= page.ids, doc_id
        assert not page.external


def test_review_refuses_a_folder_without_records(tmp_path, capsys):
    assert main(["review", str(tmp_path)]) == 2
    assert "no docs/ folder" in capsys.readouterr().err


def test_the_least_certain_pairs_come_first_and_set_aside_ones_are_shown(tmp_path):
    out = tmp_path / "out"
    # a threshold inside the seeds' range of confidences (about 0.91-0.99), so that some pairs are set aside
    assert main(["run", str(SEEDS), "--out", str(out), "--min-confidence", "0.95", "--quiet"]) == 0
    assert main(["review", str(out)]) == 0
    pages = sorted((out / "review" / "docs").glob("*.html"))
    shown = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        values = [float(v) for v in re.findall(r'<td class="num(?: low)?">(\d\.\d\d)', html)]
        assert values == sorted(values)  # least certain first
        shown += ["(set aside)" in html]
    assert any(shown)  # pairs below --min-confidence are on the page, marked
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    assert "lowest_confidence" in index
