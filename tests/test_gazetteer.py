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
    # a qualified locality whose plain name GeoNames knows adds nothing: the qualifier is read as such
    assert gazetteer.lookup("Naumburg (Saale)") == ()
    assert {p.geonames_id for p in gazetteer.lookup("Naumburg") if p.country == "DE"} != {None}
    # an unincorporated forest with a postal code is no town
    assert gazetteer.lookup("Anzinger Forst") == ()
