import datetime

import pytest
from tests.conftest import ents

from extract.components.dates import find_dates, normalise_date, publication_date, relative_day


def values(nlp, text):
    return [(e.text, e._.date_value) for e in nlp(text).ents if e.label_ == "DATE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 10. März 1906 geschah es.", [("10. März 1906", "1906-03-10")]),
        ("Der Rat fasste am 20.11.1959 den Beschluss.", [("20.11.1959", "1959-11-20")]),
        ("Am 01.11.2019 war es soweit.", [("01.11.2019", "2019-11-01")]),  # day-month-year
        ("Im Juni 1970 wurde sie begründet.", [("Juni 1970", "1970-06")]),
        ("Im Frühjahr 1959 wurde sie gegründet.", [("Frühjahr 1959", "1959")]),
        ("Anfang 2003 wurde eine Erklärung abgeschlossen.", [("2003", "2003")]),
        ("Ende des Jahres 2003 kam der Vertrag.", [("2003", "2003")]),
        ("Stand: 09/2019", [("09/2019", "2019-09")]),
        ("In den Jahren 1992 bis 1998 lebten sie hier.", [("1992", "1992"), ("1998", "1998")]),
        # a range written with a dash between the years is two dates too
        ("Die Partnerschaft bestand 1956–2010.", [("1956", "1956"), ("2010", "2010")]),
        ("Die Partnerschaft bestand 1956-2010.", [("1956", "1956"), ("2010", "2010")]),
        ("Das Dokument entstand um 880 n. Chr. in Flandern.", [("880 n. Chr.", "0880")]),
        ("Bad Kissingen gründete bereits 1956.", [("1956", "1956")]),
        # a quantity word on the next line counts nothing: a fact box's next label
        ("Partnerstadt seit: 1956\nEinwohner: 100.000", [("1956", "1956")]),
    ],
)
def test_dates_and_their_precision(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Begegnungen gibt es seit 48 Jahren.",
        "Wir feiern das 60-jährige Bestehen und den 3. Oktober.",
        "Im Mai war das Fest, in den 1980er Jahren begann es.",
        "Der Kreis hat 816 910 Einwohner und 1 139,90 km² Fläche.",
        "T +49 2421 25-2235, 90762 Fürth",
        "Das 1000-jährige Kloster.",
        "Die Stadt hat 2500 Einwohner.",
        # a number after a dash that no year opens: a telephone extension
        "Telefon 09122 860-2010",
    ],
)
def test_no_dates_in_durations_ages_quantities_and_numbers(nlp, text):
    assert ents(nlp(text), "DATE") == []


def test_detection_does_not_read_weekday_words():
    # dateparser.search would read "die"/"mit" as weekdays; our detection does not
    assert find_dates("die Partnerschaft mit der Stadt") == []


def test_normalise_date_never_claims_more_precision_than_written():
    assert normalise_date("Juni 1970", "month") == "1970-06"
    assert normalise_date("1954", "year") == "1954"


def _by_dateparser(core: str, precision: str) -> str | None:
    """What ``normalise_date`` gave before its plain forms: dateparser alone."""
    from extract.components import dates

    parsed = dates._parser().get_date_data(core)
    if parsed.date_obj is None:
        return None
    period = parsed.period if parsed.period in dates._PRECISION else precision
    if dates._PRECISION[period] > dates._PRECISION[precision]:
        period = precision
    return parsed.date_obj.date().isoformat()[: dates._PRECISION[period]]


def _plain_forms() -> list[tuple[str, str]]:
    from extract.lexicon import load_lexicon

    months = load_lexicon()["dates"]["months"]
    forms = []
    for year in (1900, 1956, 2000, 2023):
        for month in months:
            forms += [(f"{month} {year}", "month"), (f"{month}\n{year}", "month")]
            forms += [(f"{day}. {month} {year}", "day") for day in (1, 9, 28, 29, 30, 31)]
            forms += [(f"0{day}.{month}  {year}", "day") for day in (1, 7)]
        for m in range(1, 13):
            forms += [(f"{m}/{year}", "month"), (f"{m:02d}/{year}", "month")]
            forms += [(f"{d}.{m}.{year}", "day") for d in (1, 12, 13, 29, 30, 31)]
            forms += [(f"{d:02d}.{m:02d}.{year}", "day") for d in (2, 31)]
    # impossible or unusual ones, which go to dateparser
    forms += [("3.13.1990", "day"), ("0. Mai 1990", "day"), ("13/1990", "month"), ("31.02.1990", "day")]
    return forms


def test_plain_forms_read_as_dateparser_reads_them():
    forms = _plain_forms()
    differing = [(c, p, normalise_date(c, p), _by_dateparser(c, p)) for c, p in forms]
    assert [d for d in differing if d[2] != d[3]] == []
    # most of them never reached dateparser
    from extract.components.dates import read_plain_date

    assert sum(read_plain_date(c) is not None for c, _ in forms) > 0.9 * len(forms)


def test_a_relative_day_counts_back_from_the_publication_date():
    sunday = datetime.date(2019, 5, 12)
    assert relative_day(["am", "freitagabend"], sunday) == "2019-05-10"
    assert relative_day(["heute"], sunday) == "2019-05-12"
    assert relative_day(["am", "vergangenen", "sonntag"], sunday) == "2019-05-05"
    assert relative_day(["am", "sonntag"], sunday) == "2019-05-12"
    # every Friday, a plural noun, a compound that is no time of day: no day
    assert relative_day(["freitags"], sunday) is None
    assert relative_day(["die", "montage"], sunday) is None
    assert relative_day(["sonntagsreden"], sunday) is None


def test_the_publication_date_stands_on_a_short_line_near_the_top(nlp):
    assert publication_date(nlp("Aktuelles\n03.08.2007\n\nDie Stadt Celle feiert.")) == datetime.date(2007, 8, 3)
    # a date inside a sentence is what the sentence tells, not the page's date
    assert publication_date(nlp("Am 3. Mai 1990 unterzeichneten Celle und Tartu in Celle den Vertrag.")) is None
    # a year alone is not day-precise
    assert publication_date(nlp("Jahresbericht\n2007\n\nDie Stadt Celle feiert.")) is None


def test_a_month_joined_to_the_next_shares_its_year():
    assert [(d.core, d.precision) for d in find_dates("im Juni und September 1969 unterzeichnet")] == [
        ("Juni 1969", "month"),
        ("September 1969", "month"),
    ]
    assert [d.core for d in find_dates("von März bis Mai 2001")] == ["März 2001", "Mai 2001"]
    # a month inside a word, or one joined to another word, stays no date
    assert [d.core for d in find_dates("die Juni-Ausgabe und Mai 2001")] == ["Mai 2001"]
    assert [d.core for d in find_dates("Im Juni war Fest, im Mai 2001 auch")] == ["Mai 2001"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and month take the year of the date just before them, or of the range they open
        ("Am 8. Mai 1992 kam er, am 24. Mai folgte sie.", [("8. Mai 1992", "1992-05-08"), ("24. Mai", "1992-05-24")]),
        ("Vom 29. Mai bis 1. Juni 1997 wurde gefeiert.", [("29. Mai", "1997-05-29"), ("1. Juni 1997", "1997-06-01")]),
        ("Am 24. Mai kommt er.", []),  # no year anywhere near
        ("Am 8. Mai 1992 kam er.\n\nAm 24. Mai folgte sie.", [("8. Mai 1992", "1992-05-08")]),  # another paragraph
    ],
)
def test_a_day_and_month_without_a_year(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 4. und 5. Juni 1983 in Musterau", [("4.", "1983-06-04"), ("5. Juni 1983", "1983-06-05")]),
        ("vom 4. bis 6.5.1990", [("4.", "1990-05-04"), ("6.5.1990", "1990-05-06")]),
        # a number before "und" without a day-precise date after it is no day
        ("Die Plätze 4. und 5. gingen an Musterau.", []),
        ("am 3. und 4. Oktober", []),
    ],
)
def test_a_bare_day_before_another_day_shares_its_month_and_year(nlp, text, expected):
    assert [(e.text, e._.date_value) for e in nlp(text).ents if e.label_ == "DATE"] == expected
