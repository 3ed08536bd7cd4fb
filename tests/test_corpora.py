"""Corpus files (WARC, CSV, JSONL) as inputs; each test writes its own corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests.conftest import output_files
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extract.corpora import CorpusOptions, SkipCounts, corpus_entries, doc_id_from_url
from extract.documents import DocumentError

ROOT = Path(__file__).resolve().parent.parent

PAGE = (
    "<html><head><title>Partnerstädte</title></head><body><nav>Start | Rathaus</nav>"
    "<main><h1>Unsere Partnerstädte</h1><p>{body}</p></main></body></html>"
)
TWINNING = "Die Stadt Beispielhausen pflegt seit 1987 eine Städtepartnerschaft mit Dijon in Frankreich."


def write_warc(path: Path, records: list[tuple[str, str, str, int, bytes]]) -> None:
    """records: (kind, url, content type, HTTP status, payload); kind 'response' or 'request'."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for kind, url, content_type, status, payload in records:
            if kind == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
            else:
                http = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
            writer.write_record(record)


def html(body: str) -> bytes:
    return PAGE.format(body=body).encode("utf-8")


def test_doc_ids_from_urls_are_file_safe_stable_and_short():
    url = "https://www.example.org/stadt/partnerstaedte/index.html"
    assert doc_id_from_url(url) == "example.org_stadt_partnerstaedte"
    assert doc_id_from_url("http://example.org/a?b=c&d=ü") == "example.org_a_b_c_d"
    long_url = "https://example.org/" + "x/" * 100
    assert len(doc_id_from_url(long_url)) <= 100
    assert doc_id_from_url(long_url) == doc_id_from_url(long_url)
    assert doc_id_from_url(long_url) != doc_id_from_url(long_url + "y")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_are_documents_and_the_rest_is_skipped(tmp_path, name):
    corpus = tmp_path / name
    write_warc(
        corpus,
        [
            ("request", "https://example.org/partner", "", 0, b""),
            ("response", "https://example.org/partner", "text/html; charset=utf-8", 200, html(TWINNING)),
            ("response", "https://example.org/logo.png", "image/png", 200, b"\x89PNG...."),
            ("response", "https://example.org/missing", "text/html", 404, html("Nicht gefunden.")),
            ("response", "https://example.org/partner", "text/html", 200, html(TWINNING + " Neu.")),
        ],
    )
    skipped = SkipCounts()
    entries = list(corpus_entries(corpus, skipped=skipped))
    assert [e.doc_id for e in entries][0] == "example.org_partner"
    assert len(entries) == 2 and entries[1].doc_id.startswith("example.org_partner_")  # same URL twice: own id
    assert entries[0].meta["url"] == "https://example.org/partner"
    assert entries[0].meta["warc_record_id"].startswith("<urn:uuid:") and entries[0].meta["crawl_date"]
    assert skipped.by_corpus == {str(corpus): 3}  # the request, the image and the 404


def test_csv_and_jsonl_rows_are_documents_with_their_ids(tmp_path):
    table = tmp_path / "pages.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["key", "body"])
        writer.writerow(["seite/1", TWINNING])
        writer.writerow(["", "Zweiter Text\nmit Zeilenumbruch."])
    entries = list(corpus_entries(table, CorpusOptions(text_column="body", id_column="key")))
    assert [e.doc_id for e in entries] == ["seite_1", "pages_2"]
    assert entries[1].data.decode("utf-8") == "Zweiter Text\nmit Zeilenumbruch."

    lines = tmp_path / "pages.jsonl"
    lines.write_text(
        json.dumps({"id": "a", "text": TWINNING}) + "\n{broken\n\n" + json.dumps({"id": "b", "text": 3}) + "\n",
        encoding="utf-8",
    )
    items = list(corpus_entries(lines))
    assert items[0].doc_id == "a"
    assert isinstance(items[1], DocumentError) and "pages.jsonl:2" in str(items[1])
    assert isinstance(items[2], DocumentError) and "pages.jsonl:4" in str(items[2])


def test_a_csv_without_the_text_column_names_the_column(tmp_path):
    table = tmp_path / "pages.csv"
    table.write_text("id,inhalt\n1,Hallo\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="no 'text' column"):
        list(corpus_entries(table))


def test_run_on_a_warc_keeps_the_source_and_reports_broken_records(tmp_path, capsys):
    from extract.cli import main

    corpus = tmp_path / "crawl.warc.gz"
    write_warc(
        corpus,
        [
            ("response", "https://example.org/partner", "text/html", 200, html(TWINNING)),
            ("response", "https://example.org/leer", "text/html", 200, b"<html><body></body></html>"),
        ],
    )
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 1  # one page without text
    record = json.loads((out / "docs" / "example.org_partner.json").read_text(encoding="utf-8"))
    assert record["source"]["url"] == "https://example.org/partner"
    assert record["source"]["format"] == "html"
    assert [p["b"] for p in record["partnerships"]] == [["Dijon"]]
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert "crawl.warc.gz#2 (https://example.org/leer)" in errors and "no main text" in errors


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path, capsys):
    from extract.cli import main

    corpus = tmp_path / "crawl.warc.gz"
    write_warc(
        corpus,
        [
            ("response", "https://example.org/partner", "text/html", 200, html(TWINNING)),
            ("response", "https://example.org/zwei", "text/html", 200, html(TWINNING.replace("Dijon", "Tours"))),
        ],
    )
    corpus.write_bytes(corpus.read_bytes()[:-40])  # the crawl stopped inside the last record
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 1
    assert (out / "docs" / "example.org_partner.json").exists()
    assert not (out / "docs" / "example.org_zwei.json").exists()
    assert "example.org/zwei): truncated WARC record" in (out / "errors.csv").read_text(encoding="utf-8")


def seeds_as_warc(path: Path) -> None:
    """Each seed as an HTML page, each line a <p>, in one WARC."""
    records = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs = seed.read_text(encoding="utf-8").splitlines()
        body = "".join(f"<p>{p.strip()}</p>" for p in paragraphs if p.strip())
        page = f"<html><head><title>{seed.stem}</title></head><body><article>{body}</article></body></html>"
        records.append(("response", f"https://example.org/{seed.stem}", "text/html", 200, page.encode("utf-8")))
    write_warc(path, records)


def partner_pairs(out: Path) -> dict[str, set[tuple]]:
    pairs = {}
    for path in (out / "docs").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        pairs[path.stem.removeprefix("example.org_")] = {
            (tuple(p["a"]), tuple(p["b"]), p["kind"], p["since"]) for p in record["partnerships"]
        }
    return pairs


def test_the_seeds_as_a_warc_give_the_seeds_partnerships(tmp_path):
    from extract.cli import main

    corpus = tmp_path / "seeds.warc.gz"
    seeds_as_warc(corpus)
    assert main(["run", str(ROOT / "seeds"), "--out", str(tmp_path / "txt"), "--quiet"]) == 0
    assert main(["run", str(corpus), "--out", str(tmp_path / "warc"), "--quiet"]) == 0
    expected = partner_pairs(tmp_path / "txt")
    assert sum(len(p) for p in expected.values()) > 10
    assert partner_pairs(tmp_path / "warc") == expected


def test_corpus_runs_are_the_same_with_workers_and_dask(tmp_path):
    from extract.cli import main

    table = tmp_path / "pages.jsonl"
    rows = [{"id": f"d{i}", "text": TWINNING.replace("1987", str(1960 + i))} for i in range(6)]
    table.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outputs = {}
    for name, extra in (("one", []), ("two", ["--workers", "2"]), ("dask", ["--engine", "dask", "--workers", "2"])):
        out = tmp_path / name
        assert main(["run", str(table), "--out", str(out), "--quiet", *extra]) == 0
        outputs[name] = output_files(out)
    assert len(outputs["one"]) > 6
    assert outputs["two"] == outputs["one"] and outputs["dask"] == outputs["one"]
