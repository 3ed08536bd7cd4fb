"""Long texts read window by window: bounds, merging, and the same results as
one reading where the text fits."""

from __future__ import annotations

import pytest

from extract.records import DocumentRecord, EntityRecord, EventRecord, PartnershipRecord, PersonRecord
from extract.windows import add_window, extract_record, window_bounds

FILLER = (
    "Der Stadtrat beriet am Montag über den Haushalt, die Sanierung der Schulen und den Ausbau der Radwege. "
    "Die Verwaltung legte dazu einen Bericht vor, der die Kosten der nächsten Jahre aufschlüsselt. "
    "Mehrere Fraktionen forderten mehr Geld für Kindergärten und eine bessere Beleuchtung der Gehwege. "
)


def filler(sentences: int) -> str:
    return " ".join([FILLER] * (sentences // 3)) + "\n\n"


# the home is named on the first lines only; the partners far apart; one partner twice
LONG_TEXT = (
    "Städtepartnerschaften der Stadt Fürth\n\n"
    "Die Stadt Fürth pflegt seit vielen Jahren Partnerschaften mit Städten in Europa.\n\n"
    + filler(12)
    + "Besançon (Frankreich): Die Städtepartnerschaft mit Besançon wurde am 3. Mai 1960 unterzeichnet.\n\n"
    + filler(21)
    + "Seit 1985 ist Limoges in Frankreich unsere Partnerstadt.\n\n"
    + filler(21)
    + "Die Freundschaft mit Perugia (Italien) besteht seit 1992.\n\n"
    + filler(24)
    + "Die Partnerschaft mit Besançon wurde 1990 erneuert, Oberbürgermeisterin Anna Beispiel reiste hin.\n\n"
    + filler(9)
)


@pytest.mark.parametrize("limit", [1500, 2500, 4000])
def test_window_bounds_cover_the_text_in_overlapping_windows_cut_at_line_or_sentence_ends(limit):
    bounds = list(window_bounds(LONG_TEXT, limit))
    assert len(bounds) > 1
    assert bounds[0][0] == 0 and bounds[-1][1] == bounds[-1][2] == len(LONG_TEXT)
    for (start, end, own_end), (next_start, _, _) in zip(bounds, bounds[1:], strict=False):
        assert end - start <= limit
        assert start < next_start < own_end < end  # overlapping; owned up to the overlap's middle
        for cut in (end, next_start):
            assert LONG_TEXT[cut - 1] == "\n" or LONG_TEXT[cut - 2 : cut] == ". "  # a line or sentence end
        assert LONG_TEXT[own_end - 1].isspace()  # in the short overlap, at least between words

    # with neither in reach, at a space, never inside a word
    words = "Wort " * 2000
    assert all(words[end - 1] == " " for _, end, _ in window_bounds(words, 1000))


def test_a_short_text_is_one_window():
    assert list(window_bounds("Kurz.", 100)) == [(0, 5, 5)]


@pytest.mark.parametrize("limit", [1500, 2500, 4000])
def test_a_text_read_in_windows_gives_what_one_reading_gives(limit):
    whole = extract_record(LONG_TEXT, "d", "")
    assert len(whole.partnerships) == 3 and whole.home == ["Fürth"]  # the case is what it should be

    windowed = extract_record(LONG_TEXT, "d", "", window=limit)

    assert windowed.to_dict() == whole.to_dict()


def test_a_window_without_a_home_of_its_own_takes_the_home_before():
    # the Perugia paragraph's window has no home and no twinning word beside a municipal one
    windowed = extract_record(LONG_TEXT, "d", "", window=1500)
    perugia = [p for p in windowed.partnerships if p.b == ["Perugia"]]
    assert [(p.a, p.kind, p.since) for p in perugia] == [(["Fürth"], "friendship", "1992")]


def test_a_pair_found_in_two_windows_is_merged_with_its_events_and_earliest_signing():
    merged = DocumentRecord("d", "")
    first = PartnershipRecord(
        ["Fürth"], ["Besançon"], "FR", "friendship", "active", "1990",
        events=[EventRecord("signed", "1990", "1990 erneuert")], evidence_start=10, evidence_end=20,
    )  # fmt: skip
    second = PartnershipRecord(
        ["Besançon"], ["Fürth", "Fürth in Bayern"], None, "partnership", "active", "1960-05-03",
        events=[EventRecord("signed", "1960-05-03", "am 3. Mai 1960"), EventRecord("signed", "1960", "1960")],
        a_country="FR", b_lat=49.47, evidence_start=5, evidence_end=9,
    )  # fmt: skip
    add_window(merged, DocumentRecord("d", "", home=["Fürth"], partnerships=[first]), 0, 0, 100)
    add_window(merged, DocumentRecord("d", "", home=["Fürth"], partnerships=[second]), 100, 100, 200)

    [pair] = merged.partnerships
    assert (pair.a, pair.b) == (["Fürth", "Fürth in Bayern"], ["Besançon"])  # turned round to the kept order
    assert pair.since == "1960-05-03"  # the earliest signing, to the day (the year-only statement dropped)
    assert [(e.type, e.date) for e in pair.events] == [("signed", "1960-05-03"), ("signed", "1990")]
    assert pair.kind == "partnership" and pair.b_country == "FR"
    assert (pair.a_country, pair.a_lat, pair.b_lat) == (None, 49.47, None)  # each side keeps its own place


def test_entities_come_from_the_window_that_owns_them_and_never_overlap():
    merged = DocumentRecord("d", "")
    add_window(
        merged,
        DocumentRecord(
            "d", "", entities=[EntityRecord(0, 4, "CITY", "Bonn"), EntityRecord(50, 58, "CITY", "Besançon")]
        ),
        0,
        0,
        55,
    )  # noqa: E501
    # the next window starts at 40: its reading of 50-58 is the window before's, 60-64 its own
    add_window(
        merged,
        DocumentRecord(
            "d", "", entities=[EntityRecord(10, 18, "CITY", "Besançon"), EntityRecord(20, 24, "CITY", "Gent")]
        ),
        40,
        55,
        100,
    )  # noqa: E501

    assert [(e.start, e.end, e.text) for e in merged.entities] == [
        (0, 4, "Bonn"),
        (50, 58, "Besançon"),
        (60, 64, "Gent"),
    ]


def test_people_found_in_two_windows_are_one_person_with_what_either_knew():
    merged = DocumentRecord("d", "")
    add_window(merged, DocumentRecord("d", "", people=[PersonRecord("Anna Beispiel", None, None)]), 0, 0, 10)
    add_window(
        merged,
        DocumentRecord("d", "", people=[PersonRecord("Anna Beispiel", "Oberbürgermeisterin", "Fürth")]),
        5,
        10,
        20,
    )  # noqa: E501
    assert merged.people == [PersonRecord("Anna Beispiel", "Oberbürgermeisterin", "Fürth")]


def test_the_home_of_a_long_text_is_the_body_at_home_in_most_windows():
    other_town = (
        "Die Stadt Bonn stellt ihre Partnerstädte vor.\n\n"
        "Die Städtepartnerschaft mit Oxford (England) besteht seit 1947.\n\n"
    )
    text = LONG_TEXT + other_town + filler(12)
    windowed = extract_record(text, "d", "", window=2500)
    assert windowed.home == ["Fürth"]
    # the other town's pair keeps its own home
    assert (["Bonn"], ["Oxford"]) in [(p.a, p.b) for p in windowed.partnerships]


def test_a_partner_list_found_wherever_a_window_cut_falls():
    text = (
        "Die Stadt Fürth stellt ihre Städtepartnerschaften vor.\n\n"
        + filler(15)
        + "Unsere Partnerstädte:\n- Besançon (Frankreich), seit 1960\n- Limoges (Frankreich), seit 1985\n"
        + "- Perugia (Italien), seit 1992\n\n"
        + filler(15)
    )
    whole = extract_record(text, "d", "")
    assert [p.b for p in whole.partnerships] == [["Besançon"], ["Limoges"], ["Perugia"]]
    for limit in range(800, 3000, 100):  # cuts before, inside and after the list
        assert extract_record(text, "d", "", window=limit).to_dict() == whole.to_dict(), limit
