"""Real input formats and bad input, through the command line (issue: real inputs, safe outputs)."""

import io
import json

import pytest

from extract.cli import main
from extract.documents import read_document

GOOD_TEXT = "Die Stadt Fürth und Besançon (Frankreich) sind seit 1959 Partnerstädte."

HTML_PAGE = """<!DOCTYPE html><html><head><title>Partnerstädte</title>
<script>var tracking = "Stadt Paris";</script><style>.nav{color:red}</style></head>
<body><nav><ul><li><a href="/">Startseite</a></li><li><a href="/rathaus">Rathaus Hamburg</a></li></ul></nav>
<main><article><h1>Unsere Partnerstädte</h1>
<p>Die Stadt Fürth und Besançon (Frankreich) sind seit 1959 Partnerstädte. Die Partnerschaft
wurde im Frühjahr 1959 auf Beschluss beider Stadträte gegründet und lebt von vielen Begegnungen
zwischen Schulen, Vereinen und Feuerwehren beider Städte.</p>
<p>Bürgermeister Jean Dupont lädt alle Bürgerinnen und Bürger zum Partnerschaftsfest ein.</p>
</article></main><footer>Impressum · Datenschutz · Kontakt</footer></body></html>"""


def make_pdf(pages: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([GOOD_TEXT]))).pages:
        writer.add_page(page)
    writer.encrypt("geheim")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_html_main_text_without_navigation_or_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_document(path)
    assert "Besançon" in doc.text and doc.source_format == "html"
    assert "tracking" not in doc.text and "Startseite" not in doc.text and "Hamburg" not in doc.text


def test_pdf_pages_become_blank_line_separated_and_hyphenation_is_undone(tmp_path):
    path = tmp_path / "brochure.pdf"
    path.write_bytes(make_pdf(["Die Stadt Fürth pflegt die Partner-\nschaft mit Besançon.", "Seite zwei."]))
    doc = read_document(path)
    assert "Partnerschaft" in doc.text and "Partner-\nschaft" not in doc.text
    assert "\n\nSeite zwei." in doc.text and doc.source_format == "pdf"


def test_cp1252_file_keeps_umlauts_through_the_pipeline(tmp_path):
    (tmp_path / "alt.txt").write_bytes(GOOD_TEXT.encode("cp1252"))
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "alt.txt"), "--out", str(out), "--quiet"]) == 0
    record = json.loads((out / "docs" / "alt.json").read_text(encoding="utf-8"))
    assert record["source"]["encoding"] == "cp1252"
    assert record["partnerships"][0]["a"] == ["Fürth"]
    text = (out / "texts" / "alt.txt").read_text(encoding="utf-8")
    assert all(text[e["start"] : e["end"]] == e["text"] for e in record["entities"])


def write_inputs(folder, bad):
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    name, data = bad
    (folder / name).write_bytes(data)


BAD_INPUTS = [
    (("empty.txt", b""), "empty.txt: empty file"),
    (("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "image.txt: binary file"),
    (("broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "broken.pdf: corrupt PDF"),
    (("locked.pdf", None), "locked.pdf: encrypted PDF"),
    (
        ("nav.html", b"<html><body><nav><a href='/'>Start</a></nav><script>x()</script></body></html>"),
        "nav.html: HTML with no main text",
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD_INPUTS, ids=[b[0][0] for b in BAD_INPUTS])
def test_bad_input_is_reported_and_the_others_are_written(tmp_path, capsys, bad, message):
    if bad[1] is None:
        bad = (bad[0], encrypted_pdf())
    inputs = tmp_path / "in"
    write_inputs(inputs, bad)
    out = tmp_path / "out"
    status = main(["run", str(inputs), "--out", str(out), "--quiet"])
    assert status == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert message in errors
    for doc_id in ("good", "page"):
        record = json.loads((out / "docs" / f"{doc_id}.json").read_text(encoding="utf-8"))
        assert record["partnerships"], doc_id
        assert (out / "texts" / f"{doc_id}.txt").exists()
    assert "good" in (out / "partnerships.csv").read_text(encoding="utf-8")


def test_unreadable_file_is_reported(tmp_path, capsys, monkeypatch):
    # CI runs as root, which reads files whatever their mode: make the read fail as it would
    import pathlib

    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(GOOD_TEXT, encoding="utf-8")
    real_read = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    out = tmp_path / "out"
    assert main(["run", str(tmp_path), "--out", str(out), "--quiet"]) == 1
    assert "secret.txt: cannot read (Permission denied)" in capsys.readouterr().err
    assert (out / "docs" / "good.json").exists()


def test_missing_path_among_others(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "good.txt"), str(tmp_path / "gone.txt"), "--out", str(out), "--quiet"]) == 1
    assert "gone.txt: no such file or folder" in capsys.readouterr().err
    assert (out / "docs" / "good.json").exists()


def test_same_doc_id_twice(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out), "--quiet"]) == 1
    assert "same doc id 'same'" in capsys.readouterr().err
    assert (out / "docs" / "same.json").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: "{broken", "invalid JSON"),
        (lambda d: {**d, "text_sha256": "0" * 64}, "text_sha256 does not match"),
        (lambda d: {**d, "entities": [{"start": 70, "end": 999, "label": "CITY", "text": "x" * 929}]}, "do not fit"),
        (lambda d: {**d, "entities": [{"start": 10, "end": 15, "label": "TOWN", "text": "Fürth"}]}, "unknown label"),
    ],
    ids=["invalid-json", "wrong-sha", "offsets-outside", "unknown-label"],
)
def test_bad_gold_stops_the_scoring_with_exit_2(tmp_path, capsys, change, message):
    import hashlib

    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    data = {
        "doc_id": "good",
        "text_sha256": hashlib.sha256(GOOD_TEXT.encode()).hexdigest(),
        "home": [],
        "entities": [],
        "partnerships": [],
        "people": [],
    }
    changed = change(data)
    (gold / "good.json").write_text(changed if isinstance(changed, str) else json.dumps(changed), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "good.txt"), "--gold", str(gold), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "good.json" in err and message in err
    assert (out / "docs" / "good.json").exists()  # the extraction itself is kept


def test_outputs_are_byte_identical_whatever_the_input_order(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Die Stadt Herne und Lens sind Partnerstädte.", encoding="utf-8")
    main(["run", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(tmp_path / "o1"), "--quiet"])
    main(["run", str(tmp_path / "b.txt"), str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"), "--quiet"])
    for name in (
        "entities.csv",
        "partnerships.csv",
        "events.csv",
        "people.csv",
        "errors.csv",
        "docs/a.json",
        "docs/b.json",
    ):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes(), name


def test_formula_cells_are_neutralised_and_recoverable(tmp_path):
    from extract.records import DocumentRecord, PersonRecord
    from extract.writers import read_table, write_tables

    record = DocumentRecord("d", "x", people=[PersonRecord('=HYPERLINK("http://x")', "@Bürgermeister", "-Ort")])
    write_tables([record], tmp_path)
    raw = (tmp_path / "people.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and "'@Bürgermeister" in raw and "'-Ort" in raw
    people = read_table(tmp_path / "people.csv")
    assert people.loc[0, "name"] == '=HYPERLINK("http://x")' and people.loc[0, "place"] == "-Ort"
