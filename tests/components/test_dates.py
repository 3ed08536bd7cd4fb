import pytest
from tests.conftest import ents

from extract.components.dates import find_dates, normalise_date


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
        ("Das Dokument entstand um 880 n. Chr. in Flandern.", [("880 n. Chr.", "0880")]),
        ("Bad Kissingen gründete bereits 1956.", [("1956", "1956")]),
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
