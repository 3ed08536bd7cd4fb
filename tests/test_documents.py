import re
from pathlib import Path

import pytest

from extract.documents import DocumentError, doc_id_for, find_documents, read_document


def test_find_documents_recurses_and_sorts(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Text", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text", encoding="utf-8")
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    paths, missing = find_documents([tmp_path])
    assert [p.name for p in paths] == ["a.md", "z.txt"] and missing == []


def test_missing_path_is_reported_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text("Text", encoding="utf-8")
    paths, missing = find_documents([tmp_path / "nope", tmp_path / "a.txt"])
    assert [p.name for p in paths] == ["a.txt"]
    assert len(missing) == 1 and "nope: no such file" in str(missing[0])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n", "empty file"),
        (b"ab\x00cd", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        # binary by what the bytes are, each with its reason
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image"),
        (b"PK\x03\x04" + b"word/document.xml" + bytes(50), "a ZIP archive"),
        ("Die Stadt Lüneburg grüßt Clamart.".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
        (b"Titel" + bytes(64) + b"Daten", "runs of NUL bytes"),
    ],
)
def test_bad_documents_name_file_and_problem(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message) as info:
        read_document(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Stadt Fürth".encode(), "utf-8"),
        ("\ufeffStadt Fürth".encode(), "utf-8-sig"),
        ("Stadt Fürth".encode("utf-16"), "utf-16"),
        ("Stadt Fürth – „Partnerstadt“".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected_and_recorded(tmp_path, data, encoding):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text.startswith("Stadt Fürth") and doc.encoding == encoding
    assert doc.source["encoding"] == encoding


def test_read_document_keeps_text_and_hash(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("Fürth\n".encode())
    doc = read_document(path)
    assert doc.text == "Fürth\n" and doc.doc_id == "x" and len(doc.text_sha256) == 64


def test_doc_id_cannot_leave_output_folder():
    assert "/" not in doc_id_for(Path("../../etc/pass wd.txt"))
    assert doc_id_for(Path("..txt")) == "document"


def test_doc_ids_keep_names_apart_that_differ_only_in_non_ascii_letters():
    assert doc_id_for(Path("Ä-liste.txt")) == "Ae-liste"
    assert doc_id_for(Path("Ö-liste.txt")) == "Oe-liste"
    assert doc_id_for(Path("Partnerstädte Montréal.html")) == "Partnerstaedte_Montreal"
    # decomposed umlauts (as macOS writes file names) give the same id as composed ones
    assert doc_id_for(Path("U\u0308bersicht.txt")) == doc_id_for(Path("Übersicht.txt")) == "Uebersicht"
    greek, cyrillic = doc_id_for(Path("Αθήνα.txt")), doc_id_for(Path("Москва.txt"))
    assert greek != cyrillic
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", i) for i in (greek, cyrillic))


def test_two_files_differing_only_in_an_umlaut_are_two_documents(tmp_path):
    from extract.cli import main

    for name in ("Ä-liste.txt", "Ö-liste.txt"):
        (tmp_path / name).write_text("Die Stadt Musterhausen hat eine Partnerstadt.", encoding="utf-8")
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    assert sorted(p.name for p in (tmp_path / "o" / "docs").iterdir()) == ["Ae-liste.json", "Oe-liste.json"]


MUNICIPAL_PAGE = """<html><head><title>Partnerstädte</title><script>var menu = 1;</script></head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/rathaus">Rathaus</a></li></ul></nav>
<main><h1>Unsere Partnerstädte</h1>
<p>Die Stadt Beispielhausen pflegt seit 1972 eine Städtepartnerschaft mit Dijon in Frankreich.</p>
<p>Die Partnerschaftsurkunde unterzeichneten beide Bürgermeister im Rathaus.</p></main>
<footer><p>Impressum | Datenschutz</p></footer></body></html>"""


@pytest.mark.parametrize("extractor", ["trafilatura", "fast"])
def test_both_html_extractors_keep_the_main_text_and_drop_the_rest(extractor):
    from extract.documents import html_text

    text = html_text("page.html", MUNICIPAL_PAGE, extractor)
    assert "Die Stadt Beispielhausen pflegt seit 1972 eine Städtepartnerschaft mit Dijon in Frankreich." in text
    assert "var menu" not in text and "Startseite" not in text


def test_html_fast_needs_its_extra(tmp_path, capsys, monkeypatch):
    import importlib.util

    from extract.cli import main

    (tmp_path / "page.html").write_text(MUNICIPAL_PAGE, encoding="utf-8")
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "resiliparse" else real_find_spec(name)
    )
    assert main(["run", str(tmp_path / "page.html"), "--html", "fast", "--out", str(tmp_path / "o")]) == 2
    assert "pip install 'twinning-extract[fast]'" in capsys.readouterr().err


def test_html_fast_finds_the_same_partnership(tmp_path):
    import json

    from extract.cli import main

    (tmp_path / "page.html").write_text(MUNICIPAL_PAGE, encoding="utf-8")
    found = {}
    for extractor in ("trafilatura", "fast"):
        out = tmp_path / extractor
        assert main(["run", str(tmp_path / "page.html"), "--html", extractor, "--out", str(out), "--quiet"]) == 0
        record = json.loads((out / "docs" / "page.json").read_text(encoding="utf-8"))
        found[extractor] = [(p["a"], p["b"], p["since"]) for p in record["partnerships"]]
    assert found["trafilatura"] == [(["Beispielhausen"], ["Dijon"], "1972")]
    assert found["fast"] == found["trafilatura"]


def test_a_few_stray_control_characters_are_replaced_with_a_warning(tmp_path, capsys):
    from extract.cli import main

    line = "Die Stadt Musterhausen und Dijon sind seit 1962 Partnerstädte. Der Rat tagte.\n"
    text = line * 10 + "Seite 2\x00\x00\x0c\n" + line * 10 + "Ende\x0b\x00\n"  # a bad conversion's leftovers
    (tmp_path / "export.txt").write_bytes(text.encode("utf-8"))
    document = read_document(tmp_path / "export.txt")
    assert "\x00" not in document.text and "\x0b" not in document.text and "\x0c" in document.text  # form feed kept
    assert len(document.text) == len(text)  # one for one: offsets do not move
    assert document.warnings == (f"{tmp_path / 'export.txt'}: 4 stray control characters replaced by spaces",)

    out = tmp_path / "o"
    assert main(["run", str(tmp_path / "export.txt"), "--out", str(out), "--quiet"]) == 0
    rows = (out / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].endswith(
        ",read," + f"{tmp_path / 'export.txt'}: 4 stray control characters replaced by spaces,warning"
    )
    assert "1 with warnings" in capsys.readouterr().err
    assert (out / "docs" / "export.json").exists()


def test_clean_text_has_no_warning_and_binary_data_is_still_refused(tmp_path):
    (tmp_path / "clean.txt").write_text("Die Stadt Musterhausen grüßt Dijon.\n", encoding="utf-8")
    assert read_document(tmp_path / "clean.txt").warnings == ()
    (tmp_path / "data.txt").write_bytes(bytes(range(256)) * 50)
    with pytest.raises(DocumentError, match="binary"):
        read_document(tmp_path / "data.txt")


def nested_page(depth: int, tag: str = "div") -> str:
    body = "<p>Die Stadt Musterhausen pflegt seit 1962 eine Städtepartnerschaft mit Dijon in Frankreich.</p>"
    return f"<html><body><main>{f'<{tag}>' * depth}{body}{f'</{tag}>' * depth}</main></body></html>"


@pytest.mark.parametrize("depth", [400, 20000])
def test_deeply_nested_html_yields_its_main_text(depth):
    from extract.documents import html_text

    assert "seit 1962 eine Städtepartnerschaft mit Dijon" in html_text("deep.html", nested_page(depth))


def test_deeply_nested_html_without_text_says_so():
    from extract.documents import html_text, nesting_depth

    page = "<html><body>" + "<b>" * 3000 + "x" + "</b>" * 3000 + "</body></html>"
    assert nesting_depth(page) == 3002
    with pytest.raises(DocumentError, match="nested 3002 elements deep, no main text"):
        html_text("deep.html", page)


def test_nesting_depth_ignores_void_and_self_closed_elements():
    from extract.documents import nesting_depth

    assert nesting_depth("<html><body><p>a<br>b<img src=x><hr/></p></body></html>") == 3


def test_a_document_error_names_its_subject_and_survives_a_trip_to_a_worker():
    import pickle

    from extract.documents import DocumentError

    error = pickle.loads(pickle.dumps(DocumentError("corpus.jsonl:7", "not a JSON object")))
    assert (error.subject, error.problem, str(error)) == (
        "corpus.jsonl:7",
        "not a JSON object",
        "corpus.jsonl:7: not a JSON object",
    )


def test_a_short_text_with_two_stray_nuls_is_read_with_one_warning(tmp_path, capsys):
    # 2 NULs in 56 characters: a bad export, not binary data, however short the text
    path = tmp_path / "short.txt"
    path.write_bytes("Seit 1962 ist Lüneburg Partnerstadt von Clamart.\0\0 Ende.".encode())
    document = read_document(path)
    assert document.warnings == (f"{path}: 2 stray control characters replaced by spaces",)
    from extract.cli import main

    out = tmp_path / "o"
    assert main(["run", str(path), "--out", str(out), "--quiet"]) == 0
    rows = (out / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].endswith(",warning")
    assert "Clamart" in (out / "partnerships.csv").read_text(encoding="utf-8")
