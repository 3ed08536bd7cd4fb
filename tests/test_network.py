"""The partnership network across documents: rows, identities, GeoJSON, the CLI."""

import csv
import json

from extract.cli import main
from extract.network import NetworkBuilder, network_geojson, write_network
from extract.records import DocumentRecord, PartnershipRecord


def pair(a, b, since=None, *, a_id=None, b_id=None, a_ll=(None, None), b_ll=(None, None), status="active", doc=""):
    return PartnershipRecord(
        a=a, b=b, b_country="FR", kind="partnership", status=status, since=since, a_country="DE",
        a_geonames_id=a_id, b_geonames_id=b_id, a_lat=a_ll[0], a_lon=a_ll[1], b_lat=b_ll[0], b_lon=b_ll[1],
        evidence=f"evidence of {doc}",
    )  # fmt: skip


def doc(doc_id, *partnerships):
    return DocumentRecord(doc_id, "x", [], [], list(partnerships), [])


def test_one_row_per_partnership_across_documents_spellings_and_order():
    builder = NetworkBuilder()
    builder.add(doc("d1", pair(["Celle"], ["Poitiers"], "1970", a_id=1, b_id=2, doc="d1")))
    # the partner's page: sides the other way round, another spelling of the same GeoNames place
    builder.add(doc("d2", pair(["Poitou-Stadt"], ["Celle"], "1970-05-03", a_id=2, b_id=1, doc="d2")))
    builder.add(doc("d3", pair(["Celle"], ["Tartu"], None, doc="d3")))
    rows = builder.rows()
    assert len(rows) == 2
    row = next(r for r in rows if r["n_documents"] == 2)
    assert (row["since"], row["since_seen"], row["doc_ids"]) == ("1970", "1970|1970-05-03", "d1|d2")
    assert row["evidence_doc"] == "d1" and row["evidence"] == "evidence of d1"
    assert {row["a"], row["b"]} == {"Celle", "Poitiers"}  # the most frequent name of each body


def test_an_ended_partnership_stays_ended_and_names_without_geonames_ids_match_folded():
    builder = NetworkBuilder()
    builder.add(doc("d1", pair(["Musterhausen"], ["Beispielville"], doc="d1")))
    builder.add(doc("d2", pair(["MUSTERHAUSEN"], ["Beispielville"], status="ended", doc="d2")))
    (row,) = builder.rows()
    assert row["status"] == "ended" and row["n_documents"] == 2


def test_geojson_points_and_lines_in_lon_lat_order():
    builder = NetworkBuilder()
    builder.add(doc("d1", pair(["Celle"], ["Poitiers"], a_id=1, b_id=2, a_ll=(52.6, 10.1), b_ll=(46.6, 0.3))))
    builder.add(doc("d2", pair(["Celle"], ["Nowhere"], a_id=1, a_ll=(52.6, 10.1))))
    collection = network_geojson(builder.rows())
    assert collection["type"] == "FeatureCollection"
    points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in collection["features"] if f["geometry"]["type"] == "LineString"]
    assert len(points) == 2 and len(lines) == 1  # the pair without a located end has no line
    celle = next(p for p in points if p["properties"]["name"] == "Celle")
    assert celle["geometry"]["coordinates"] == [10.1, 52.6] and celle["properties"]["n_partnerships"] == 2
    for feature in collection["features"]:
        coordinates = feature["geometry"]["coordinates"]
        for lon, lat in [coordinates] if feature["geometry"]["type"] == "Point" else coordinates:
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_write_network_is_byte_identical_on_reruns(tmp_path):
    records = [doc("d1", pair(["Celle"], ["Poitiers"], "1970", a_id=1, b_id=2, a_ll=(52.6, 10.1), b_ll=(46.6, 0.3)))]
    write_network(records, tmp_path)
    first = [(tmp_path / n).read_bytes() for n in ("network.csv", "network.geojson")]
    write_network(list(reversed(records)), tmp_path)
    assert first == [(tmp_path / n).read_bytes() for n in ("network.csv", "network.geojson")]
    json.loads(first[1])


def test_extract_network_merges_two_runs(tmp_path):
    for name, text in (
        ("one", "Die Stadt Celle pflegt seit 1970 eine Städtepartnerschaft mit der Stadt Goslar."),
        ("two", "Die Stadt Goslar pflegt eine Städtepartnerschaft mit der Stadt Celle."),
    ):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
        assert main(["run", str(tmp_path / name), "--out", str(tmp_path / f"out_{name}"), "--quiet"]) == 0
    assert (
        main(["network", str(tmp_path / "out_one"), str(tmp_path / "out_two"), "--out", str(tmp_path / "merged")]) == 0
    )
    (row,) = csv.DictReader((tmp_path / "merged" / "network.csv").open(encoding="utf-8"))
    assert (row["n_documents"], row["doc_ids"], row["since"]) == ("2", "one|two", "1970")
    assert {row["a"], row["b"]} == {"Celle", "Goslar"}


def test_extract_network_refuses_a_folder_without_records(tmp_path, capsys):
    assert main(["network", str(tmp_path)]) == 2
    assert "no docs/ folder" in capsys.readouterr().err


def test_seeds_and_a_copy_of_one(tmp_path):
    from tests.conftest import SEEDS

    from extract.network import body_identity

    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    copied = sorted(SEEDS.glob("001_*.txt"))[0]
    (folder / "copy_of_001.txt").write_bytes(copied.read_bytes())
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    rows = list(csv.DictReader((tmp_path / "out" / "network.csv").open(encoding="utf-8")))

    def identity(side, data, i=0):
        gid = data[f"{side}_geonames_id"]
        name = data[side][i] if isinstance(data[side], list) else data[side]
        return body_identity(name, data.get(f"{side}_country") or None, int(gid) if gid else None)

    keys = [tuple(sorted((identity("a", r), identity("b", r)))) for r in rows]
    assert len(keys) == len(set(keys))
    for path in (tmp_path / "out" / "docs").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        for p in record["partnerships"]:
            assert tuple(sorted((identity("a", p), identity("b", p)))) in set(keys), (path.stem, p["a"], p["b"])
    copy_rows = [r for r in rows if "copy_of_001" in r["doc_ids"].split("|")]
    assert copy_rows and all(r["n_documents"] == "2" for r in copy_rows)
    points = json.loads((tmp_path / "out" / "network.geojson").read_text(encoding="utf-8"))["features"]
    (dortmund,) = [f for f in points if f["geometry"]["type"] == "Point" and f["properties"]["name"] == "Dortmund"]
    lon, lat = dortmund["geometry"]["coordinates"]
    assert abs(lon - 7.47) < 0.05 and abs(lat - 51.51) < 0.05


REFERENCE = (
    "origincityLabel\torigincountry\toriginlat\toriginlong\toriginpopulation\tsistercityLabel\tdestinationlat\t"
    "destinationlong\tdestinationpopulation\tdestination_countryLabel\tdist\teu\n"
    "Celle\tGermany\t52.62\t10.08\t\tPoitiers\t46.58\t0.34\t\tFrance\t900\tEU\n"
    "Celle\tGermany\t52.62\t10.08\t\tTartu\t58.38\t26.72\t\tEstonia\t1200\tEU\n"
    "Celle\tGermany\t52.62\t10.08\t\tTartu\t58.38\t26.72\t\tEstonia\t1200\tEU\n"
    "Wietze\tGermany\t52.65\t9.83\t\tOdense\t55.4\t10.38\t\tDenmark\t300\tEU\n"
)


def test_reference_marks_known_rows_and_lists_the_homes_missing_partners(tmp_path):
    from extract.network import read_reference
    from extract.records import EntityRecord

    (tmp_path / "ref.tsv").write_text(REFERENCE, encoding="utf-8")
    known = read_reference(tmp_path / "ref.tsv")
    celle = EntityRecord(0, 5, "CITY", "Celle", geonames_id=1, country="DE", lat=52.625, lon=10.081)
    record = DocumentRecord(
        "d1", "x", ["Celle"], [celle],
        [
            pair(["Celle"], ["Poitiers"], a_id=1, b_id=2, a_ll=(52.625, 10.081), b_ll=(46.58, 0.345)),
            pair(["Celle"], ["Odense"], a_id=1, b_id=3, a_ll=(52.625, 10.081), b_ll=(55.4, 10.38)),
        ],
        [],
    )  # fmt: skip
    write_network([record], tmp_path, known)
    rows = {r["b"]: r["in_reference"] for r in csv.DictReader((tmp_path / "network.csv").open(encoding="utf-8"))}
    # Odense is a known partner of Wietze, a neighbour 17 km away, not of Celle
    assert rows == {"Poitiers": "true", "Odense": "false"}
    missing = list(csv.DictReader((tmp_path / "reference_missing.csv").open(encoding="utf-8")))
    assert [(m["home"], m["known_partner"]) for m in missing] == [("Celle", "Tartu")]


def test_a_reference_without_the_needed_columns_is_refused(tmp_path, capsys):
    (tmp_path / "ref.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    (tmp_path / "out" / "docs").mkdir(parents=True)
    assert main(["network", str(tmp_path / "out"), "--reference", str(tmp_path / "ref.tsv")]) == 2
    assert "cannot read the reference" in capsys.readouterr().err
