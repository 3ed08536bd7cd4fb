import pytest

from extract.gazetteer import CITY, COUNTRY, REGION, cache_path, load_gazetteer


def places(name):
    return {(p.label, p.country) for p in load_gazetteer().lookup(name)}


def test_german_exonyms_and_old_names():
    assert (CITY, "CZ") in places("Karlsbad")
    assert (CITY, "RU") in places("Nischni Nowgorod")
    assert (CITY, "RO") in places("Schäßburg")
    assert (CITY, "UA") in places("Lemberg")


def test_countries_in_german_with_variants():
    assert places("Frankreich") == {(COUNTRY, "FR"), (COUNTRY, "FX")}
    assert (COUNTRY, "BA") in places("Bosnien-Herzegowina")
    assert (COUNTRY, "GB") in places("Großbritannien")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Vereinigten Staaten", "US"), ("Vereinigten Königreich", "GB"), ("Tschechischen Republik", "CZ"),
        ("Russischen Föderation", "RU"), ("Niederlanden", "NL"), ("Vereinigten Arabischen Emiraten", "AE"),
    ],
)  # fmt: skip
def test_a_states_name_after_an_article_in_the_dative_is_that_state(name, code):
    assert (COUNTRY, code) in places(name)


def test_only_a_names_leading_adjectives_are_inflected():
    from extract.gazetteer import inflected_name

    assert inflected_name("Demokratische Republik Kongo") == "Demokratischen Republik Kongo"
    assert inflected_name("Vereinigtes Königreich") == "Vereinigten Königreich"
    assert inflected_name("Republik Moldau") == "Republik Moldau"
    assert inflected_name("Ukraine") == "Ukraine"


def test_regions_from_iso_3166_2_in_german():
    assert (REGION, "AT") in places("Oberösterreich")
    assert (REGION, "PL") in places("Heiligkreuz")


def test_first_names_and_word_frequencies():
    gazetteer = load_gazetteer()
    assert gazetteer.is_first_name("Paul", 5)
    assert not gazetteer.is_first_name("Brand", 3)
    assert gazetteer.zipf("Ende") > 5 > gazetteer.zipf("Besançon")
    assert gazetteer.zipf("Groß") > 4  # wordfreq casefolds ß


def test_cache_file_is_written_and_keyed_by_versions():
    load_gazetteer()
    path = cache_path()
    assert path.exists() and "gazetteer-v" in path.name


def test_the_cache_keeps_only_the_most_recently_used_gazetteer_files(tmp_path):
    import os

    from extract.gazetteer import prune_cache

    for age in range(5):
        path = tmp_path / f"gazetteer-v{age}.pickle"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 - age * 100, 1_000_000 - age * 100))  # v0 the most recent
    (tmp_path / "notes.txt").write_text("not a cache file")

    deleted = prune_cache(tmp_path, keep=3)

    assert sorted(p.name for p in deleted) == ["gazetteer-v3.pickle", "gazetteer-v4.pickle"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "gazetteer-v0.pickle",
        "gazetteer-v1.pickle",
        "gazetteer-v2.pickle",
        "notes.txt",
    ]


def test_code_like_alternate_names_are_dropped_but_exonyms_and_state_codes_stay():
    from extract.gazetteer import _code_like, load_gazetteer

    assert _code_like("BGM") and _code_like("Bgm") and _code_like("TOP")
    assert not _code_like("Rom") and not _code_like("Ulm") and not _code_like("AG")
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Rom") and not gazetteer.lookup("Bgm")


def test_a_name_written_in_parts_is_told_from_one_written_as_one_word():
    gazetteer = load_gazetteer()
    assert gazetteer.has_parted_name("Frankfurt (Oder)") and gazetteer.has_parted_name("Bad Kissingen")
    assert gazetteer.lookup("Topo") and not gazetteer.has_parted_name("Top O")


def test_merged_municipalities_come_from_the_postal_localities():
    gazetteer = load_gazetteer()
    (ammerbuch,) = gazetteer.lookup("Ammerbuch")  # no GeoNames town: a merger of villages
    assert (ammerbuch.label, ammerbuch.country, ammerbuch.lat, ammerbuch.geonames_id) == ("CITY", "DE", None, None)
    # a qualified locality whose plain name GeoNames knows is read whole: a name of the one German
    # town of the plain name, or a town of its own beside several of that name
    (ellwangen,) = gazetteer.lookup("Ellwangen (Jagst)")
    assert ellwangen.geonames_id in {p.geonames_id for p in gazetteer.lookup("Ellwangen") if p.country == "DE"}
    # of two German Naumburgs, the one five times the other's size
    (naumburg,) = gazetteer.lookup("Naumburg (Saale)")
    towns = sorted((p for p in gazetteer.lookup("Naumburg") if p.country == "DE"), key=lambda p: -p.population)
    assert naumburg == towns[0] and towns[0].population >= 5 * towns[1].population
    # two qualified towns of one head: neither is GeoNames' one town of that name
    assert {p.geonames_id for name in ("Battenberg (Eder)", "Battenberg (Pfalz)") for p in gazetteer.lookup(name)} == {
        None
    }
    # an unincorporated forest with a postal code is no town
    assert gazetteer.lookup("Anzinger Forst") == ()


def test_a_saved_gazetteer_gives_back_what_was_built(tmp_path):
    # the cache format: tries and arrays, memory-mapped; None, order and accents survive
    from extract.gazetteer import Gazetteer, Place, save_gazetteer
    from extract.text import fold_name

    places = [
        (REGION, "Musterland", "DE", None, 0, None, None),
        (CITY, "Besançon", "FR", 3033123, 117912, 47.24878, 6.01815),
        (CITY, "Musterland", "AT", 12, 0, 0.0, -1.5),
        (COUNTRY, "Frankreich", "FR", None, 0, None, None),
    ]
    data = {
        "places": places,
        "index": {"musterland": (2, 0), "besancon": (1,), "frankreich": (3,)},
        "first_names": {"paul": 9},
        "female_names": ["anna"],
        "zipf": {"ende": 5.5},
        "first_words": frozenset({"musterland", "besancon", "frankreich"}),
        "parted": frozenset({fold_name("Frankfurt (Oder)")}),
    }
    save_gazetteer(data, tmp_path / "g")
    gazetteer = Gazetteer(tmp_path / "g")
    assert gazetteer.lookup("Musterland") == (Place(*places[2]), Place(*places[0]))  # the order of the index
    assert gazetteer.lookup("Besancon") == (Place(*places[1]),) and gazetteer.lookup("Nirgendwo") == ()
    assert "Frankreich" in gazetteer and "Franken" not in gazetteer and len(gazetteer) == 3
    assert gazetteer.may_start_name("Besançon") and not gazetteer.may_start_name("Paris")
    assert gazetteer.has_parted_name("Frankfurt (Oder)") and not gazetteer.has_parted_name("Besançon")
    assert gazetteer.is_first_name("Paul", 9) and gazetteer.is_female_name("Anna") and gazetteer.zipf("Ende") == 5.5


def test_pruning_removes_cache_folders_too(tmp_path):
    import os

    from extract.gazetteer import prune_cache

    for age in range(4):
        path = tmp_path / f"gazetteer-v{age}"
        path.mkdir()
        (path / "index.marisa").write_bytes(b"x")
        os.utime(path, (1_000_000 - age * 100, 1_000_000 - age * 100))
    deleted = prune_cache(tmp_path, keep=2)
    assert sorted(p.name for p in deleted) == ["gazetteer-v2", "gazetteer-v3"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-v0", "gazetteer-v1"]
