import json

from tests.conftest import GOLD, SEEDS, VISIT

from extract.cli import main


def test_run_writes_all_outputs_and_reports_bad_documents(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("Die Stadt Fürth und Besançon sind seit 1959 Partnerstädte.", encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    status = main(["run", str(inputs), "--out", str(out), "--quiet"])
    assert status == 1  # one document failed, the rest were written
    assert json.loads((out / "docs" / "good.json").read_text(encoding="utf-8"))["partnerships"]
    for name in ("entities.csv", "partnerships.csv", "events.csv", "people.csv"):
        assert (out / name).exists()
    errors = (out / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert errors[0] == "path,stage,error,kind" and "empty file" in errors[1] and errors[1].endswith(",error")
    assert "empty.txt: empty file" in capsys.readouterr().err


def test_run_with_missing_path_cannot_run(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_run_scores_and_evaluate_reproduces_them(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "--gold", str(GOLD), "--out", str(out), "--quiet"]) == 0
    run_scores = json.loads((out / "evaluation.json").read_text(encoding="utf-8"))
    printed = capsys.readouterr().out
    assert "Partnership pairs" in printed and "micro" in printed
    assert main(["evaluate", "--gold", str(GOLD), "--pred", str(out / "docs"), "--texts", str(SEEDS)]) == 0
    again = json.loads((out / "docs" / "evaluation.json").read_text(encoding="utf-8"))
    assert again == run_scores


def test_evaluate_refuses_a_gold_file_with_wrong_hash(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    data = json.loads((GOLD / "004_1dff4b7fa2350568.json").read_text(encoding="utf-8"))
    data["text_sha256"] = "0" * 64
    (gold / "004_1dff4b7fa2350568.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(gold), "--texts", str(SEEDS)]) == 2
    assert "004_1dff4b7fa2350568.json: text_sha256 does not match" in capsys.readouterr().err


def test_help_has_examples(capsys):
    for command in ("run", "evaluate"):
        try:
            main([command, "--help"])
        except SystemExit as exit_:
            assert exit_.code == 0
        assert "example:" in capsys.readouterr().out


def test_a_missing_gold_folder_fails_before_any_document_is_extracted(tmp_path, capsys):
    from extract.cli import main

    (tmp_path / "a.txt").write_text("Die Stadt Celle pflegt eine Städtepartnerschaft mit Tartu.", encoding="utf-8")
    assert (
        main(["run", str(tmp_path / "a.txt"), "--gold", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    )
    err = capsys.readouterr().err
    assert "no gold JSON files" in err and "docs/gold-format.md" in err
    assert not (tmp_path / "o").exists()  # nothing was extracted, nothing written


def test_a_folder_of_unsupported_files_says_which_are_read(tmp_path, capsys):
    from extract.cli import main

    (tmp_path / "notes.docx").write_bytes(b"x")
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert ".txt, .md, .html, .htm, .pdf or .warc(.gz)" in capsys.readouterr().err


def test_run_reads_page_addresses_from_urls(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "besuch.txt").write_text(VISIT, encoding="utf-8")
    urls = tmp_path / "urls.tsv"
    urls.write_text(
        "file\tsource\nbesuch.txt\thttps://www.ansbach.de/aktuelles/\nkaputt\nfehlt.txt\thttps://www.fuerth.de/\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--urls", str(urls), "--quiet"]) == 0
    record = json.loads((out / "docs" / "besuch.json").read_text(encoding="utf-8"))
    assert record["home"][0] == "Ansbach" and "address" in record["home_why"]
    assert record["source"]["url"] == "https://www.ansbach.de/aktuelles/"
    err = capsys.readouterr().err
    assert "urls.tsv:3: not a file name and an address" in err  # the malformed line, by number
    assert "1 addresses for files not in this run (e.g. fehlt.txt)" in err


def test_run_with_a_missing_address_list_cannot_run(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Die Stadt Fürth und Besançon sind Partnerstädte.", encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--urls", str(tmp_path / "no.tsv")]) == 2
    assert "no.tsv: cannot read the address list" in capsys.readouterr().err


def test_a_csv_corpus_carries_each_rows_address(tmp_path):
    corpus = tmp_path / "pages.csv"
    corpus.write_text(
        "id,url,text\nbesuch,https://www.ansbach.de/x,\"Besuch in Fürth. Die Stadt Fürth empfing die Gäste im "
        "Rathaus Fürth. In Fürth wurde die Partnerschaft mit Ansbach gefeiert.\"\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    record = json.loads((out / "docs" / "besuch.json").read_text(encoding="utf-8"))
    assert record["home"][0] == "Ansbach" and record["source"]["url"] == "https://www.ansbach.de/x"


def test_home_names_the_publisher_of_every_document(tmp_path):
    (tmp_path / "liste.txt").write_text("Unsere Partnerstädte\n\nPoitiers (Frankreich), seit 1970\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "liste.txt"), "--out", str(out), "--home", "Rinteln", "--quiet"]) == 0
    record = json.loads((out / "docs" / "liste.json").read_text(encoding="utf-8"))
    assert record["home"] == ["Rinteln"] and record["partnerships"][0]["a"][0] == "Rinteln"


def test_min_confidence_sets_uncertain_pairs_aside(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "Partnerstädte der Stadt Ansbach\n\n- Poitiers (Frankreich), seit 1970\n\n"
        "Die Partnerschaft mit Lucca lebt.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--quiet"]) == 0
    everything = json.loads((out / "docs" / "a.json").read_text(encoding="utf-8"))["partnerships"]
    cut = sorted(p["confidence"] for p in everything)[-1]  # keep only the surest pair
    out2 = tmp_path / "out2"
    assert main(["run", str(inputs), "--out", str(out2), "--min-confidence", str(cut), "--quiet"]) == 0
    record = json.loads((out2 / "docs" / "a.json").read_text(encoding="utf-8"))
    assert len(record["partnerships"]) == 1 and len(record["uncertain_partnerships"]) == len(everything) - 1
    assert all(p["confidence"] < cut for p in record["uncertain_partnerships"])
    rows = (out2 / "partnerships.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and "confidence" in rows[0]
    assert f"1 partnerships, {len(everything) - 1} more below {cut:.2f} set aside" in capsys.readouterr().err
    assert main(["network", str(out), "--out", str(tmp_path / "net"), "--min-confidence", str(cut)]) == 0
    assert len((tmp_path / "net" / "network.csv").read_text(encoding="utf-8").splitlines()) == 2
