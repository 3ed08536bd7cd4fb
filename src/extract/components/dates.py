"""DATE recognition: detection by pattern, normalisation by ``dateparser``.

Detection and normalisation are separate steps, as in ``dateparser`` itself:
patterns find a span and the part of it that carries the date; ``dateparser``
(day-month-year order) turns that part into a date and reports whether the text
fixed a day, a month or only a year, which sets the precision of the ISO value.
The most common forms ("3. Mai 1990", "3.5.1990", "Mai 1990", "5/1990") are
read directly, with the results dateparser gives them (``read_plain_date``).
``dateparser.search`` is not used: on German it reads "die" and "mit" as
weekdays and fills a missing day or month with today's.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_lexicon
from ..text import after_word_char
from .extensions import add_entities, doc_text

_PRECISION = {"day": 10, "month": 7, "year": 4}


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    core: str  # the part dateparser reads
    precision: str  # "day", "month" or "year"


# The patterns are written to start with a character class and check the
# character before the match after that first character ("\d(?<![\d.]\d)"
# rather than "(?<![\d.])\d"): Python's regex engine then skips ahead to
# candidate characters instead of trying the assertion at every position,
# which makes the scan several times faster. The word-boundary check of the
# month and season patterns is done on each match (``after_word_char``).
@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str, bool]]:
    """(pattern, precision, whether the match must start a word)."""
    lex = load_lexicon()["dates"]
    months = "|".join(lex["months"])
    seasons = "|".join(lex["seasons"])
    year = r"(?:1[0-9]{3}|20[0-9]{2})"
    not_after = r"(?![\d.,]?\d)"
    day_start = r"\d(?<![\d.]\d)\d?"  # one or two digits, no digit or "." before
    month_number = r"[0-9](?<![\d/.][0-9])(?:(?<=0)[1-9]|(?<=[1-9])|(?<=1)[0-2])"  # 1-12, 01-09
    return [
        (re.compile(rf"{day_start}\.\s?(?:{months})\s+{year}{not_after}"), "day", False),
        (re.compile(rf"{day_start}\.\d{{1,2}}\.{year}{not_after}"), "day", False),
        (re.compile(rf"(?:{months})\s+{year}{not_after}"), "month", True),
        (re.compile(rf"{month_number}/{year}{not_after}"), "month", False),
        (re.compile(rf"(?:{seasons})\s+{year}{not_after}"), "year", True),
        (re.compile(r"\d(?<![\d.]\d)\d{2,3}\s?n\.\s?Chr\."), "year", False),
    ]


_BARE_YEAR = re.compile(
    r"[12](?<![\d.,/+][12])"
    # not after a dash ("0711-2010", "A-1990"), unless a year opens the range ("1956–2010")
    r"(?:(?<![\-–][12])|(?<=(?<!\d)1\d{3}[\-–][12])|(?<=(?<!\d)20\d{2}[\-–][12]))"
    r"(?:(?<=1)[0-9]{3}|(?<=2)0[0-9]{2})"
    r"(?![\d]|[.,]\d|\s?-?\s?jährig|er\b|er-|\s\d{3}\b)"
)


@lru_cache(maxsize=1)
def _ELLIPTIC_MONTH() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built from the lexicon once
    """A month name joined to the month after it: "Juni und ", "Juni bis ", "Juni/"."""
    months = "|".join(load_lexicon()["dates"]["months"])
    return re.compile(rf"(?<!\w)({months})\s*(?:und|bis|oder|/|–|-)\s*$")


@lru_cache(maxsize=1)
def _DAY_AND_MONTH() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built from the lexicon once
    """A day and a month name without a year after them: "am 24. Mai", "vom 29. Mai bis"."""
    months = "|".join(load_lexicon()["dates"]["months"])
    return re.compile(rf"(\d{{1,2}})\.\s?({months})\b(?!\s*\d)")


_BARE_DAY = re.compile(r"(?<![\d.])(\d{1,2})\.(?=\s*(?:und|bis|–|-)\s*\d{1,2}\.\s?[A-ZÄÖÜ\d])")
_ELLIPSIS_REACH = 200  # characters back to the date whose year an elliptic day-month shares
_RANGE_JOIN = re.compile(r"\s*(?:bis(?: zum)?|–|-)\s*")


def _year_beside(found: list[DateMatch], text: str, start: int, end: int) -> str | None:
    """The year of the date that a range opened at ``start:end`` closes ("29. Mai bis 1. Juni
    1997"), else of the nearest date before it in the same paragraph, if one is near."""
    after = [d for d in found if d.start >= end and d.start - end <= 12 and d.precision == "day"]
    if after:
        closing = min(after, key=lambda d: d.start)
        if _RANGE_JOIN.fullmatch(text[end : closing.start]):
            return closing.core[-4:]
    before = [d for d in found if d.end <= start and start - d.end <= _ELLIPSIS_REACH and d.precision == "day"]
    if not before:
        return None
    nearest = max(before, key=lambda d: d.end)
    if "\n\n" in text[nearest.end : start]:
        return None
    return nearest.core[-4:] if nearest.core[-4:].isdigit() else None


@lru_cache(maxsize=1)
def _quantity_words() -> frozenset[str]:
    return frozenset(load_lexicon()["dates"]["quantity_words"])


def find_dates(text: str) -> list[DateMatch]:
    """All date mentions in ``text``, longest first where they overlap."""
    quantity = _quantity_words()
    found: list[DateMatch] = []
    claimed = bytearray(len(text))  # 1 where a mention found before lies: a long text has thousands

    def claim(start: int, end: int, core: str, precision: str) -> None:
        if claimed.find(1, start, end) != -1:
            return  # overlaps a longer mention found before
        found.append(DateMatch(start, end, core, precision))
        claimed[start:end] = b"\x01" * (end - start)

    for pattern, precision, word_start in _patterns():
        for m in pattern.finditer(text):
            if word_start and after_word_char(text, m.start()):
                continue  # a month or season name inside another word
            core = m.group(0)
            if precision == "year":
                core = re.search(r"\d{3,4}", core).group(0)
            claim(m.start(), m.end(), core, precision)
    for match in [d for d in found if d.precision == "month" and not d.core[:1].isdigit()]:
        # "im Juni und September 1969": the first month shares the second's year
        before = _ELLIPTIC_MONTH().search(text, max(0, match.start - 30), match.start)
        if before is not None:
            year = match.core[-4:]
            claim(before.start(1), before.end(1), f"{before.group(1)} {year}", "month")
    for m in _DAY_AND_MONTH().finditer(text):
        # "Am 8. Mai 1992 ..., am 24. Mai folgte ...": a day and month take the year of the
        # date just before them; "vom 29. Mai bis 1. Juni 1997" that of the date they open
        if claimed.find(1, m.start(), m.end()) != -1 or after_word_char(text, m.start()):
            continue
        year = _year_beside(found, text, m.start(), m.end())
        if year is not None:
            claim(m.start(), m.end(), f"{m.group(1)}. {m.group(2)} {year}", "day")
    for m in _BARE_DAY.finditer(text):
        # "am 4. und 5. Juni 1983", "vom 4. bis 6. Mai 1990": the first day shares the second's month and year
        closing = next((d for d in found if 0 <= d.start - m.end() <= 8 and d.precision == "day"), None)
        full = read_plain_date(closing.core) if closing is not None else None
        if full is not None and claimed.find(1, m.start(), m.end()) == -1:
            claim(m.start(), m.end(), f"{m.group(1)}.{full.month}.{full.year}", "day")
    for m in _BARE_YEAR.finditer(text):
        following = text[m.end() : m.end() + 30].split("\n", 1)[0].split()  # "1956\nEinwohner: ..." is a year
        if following and following[0].strip(".,;:)") in quantity:
            continue
        claim(m.start(), m.end(), m.group(0), "year")
    return sorted(found, key=lambda d: d.start)


@lru_cache(maxsize=4096)
def normalise_date(core: str, precision: str) -> str | None:
    """ISO 8601 prefix of ``core`` at the given precision, or None."""
    if precision == "year":
        year = int(core)
        return f"{year:04d}" if 1 <= year <= 2100 else None
    plain = read_plain_date(core)
    if plain is not None:
        return plain.isoformat()[: _PRECISION[precision]]
    parsed = _parser().get_date_data(core)
    if parsed.date_obj is None:
        return None
    # dateparser says which parts the text fixed; never claim more than that
    period = parsed.period if parsed.period in _PRECISION else precision
    if _PRECISION[period] > _PRECISION[precision]:
        period = precision
    return parsed.date_obj.date().isoformat()[: _PRECISION[period]]


# The patterns' common forms, read without dateparser: it takes about a
# millisecond per new string, most of the date step on a corpus of news. Each
# form gives what dateparser gives (tests compare them form by form); anything
# else, an impossible date included ("31.02.1990", "3.13.1990", which dateparser
# reads month first), goes to dateparser.
_MONTH_NUMBERS = {
    "Januar": 1, "Jänner": 1, "Februar": 2, "Feber": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6,
    "Juli": 7, "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
}  # fmt: skip
_PLAIN_FORMS = (
    re.compile(r"(?P<day>\d{1,2})\.\s?(?P<name>[^\W\d_]+)\s+(?P<year>\d{4})"),  # 3. Mai 1990
    re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"),  # 3.5.1990
    re.compile(r"(?P<name>[^\W\d_]+)\s+(?P<year>\d{4})"),  # Mai 1990
    re.compile(r"(?P<month>\d{1,2})/(?P<year>\d{4})"),  # 5/1990
)


def read_plain_date(core: str) -> datetime.date | None:
    """The date of a common, valid form (a missing day is the 1st), else None."""
    for form in _PLAIN_FORMS:
        m = form.fullmatch(core)
        if m is None:
            continue
        parts = m.groupdict()
        month = _MONTH_NUMBERS.get(parts["name"]) if "name" in parts else int(parts["month"])
        if month is None:
            return None
        try:
            return datetime.date(int(parts["year"]), month, int(parts.get("day") or 1))
        except ValueError:
            return None
    return None


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["de"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"},
    )


_DATELINE_WORDS = 8  # at most this many words on the line of a page's own date
_DATELINE_REACH = 400  # characters from the start of the text in which it stands


_TIMES_OF_DAY = ("", "vormittag", "nachmittag", "mittag", "abend", "morgen", "nacht")


@lru_cache(maxsize=1)
def _relative_words() -> tuple[list[str], dict[str, int]]:
    lex = load_lexicon()["dates"]
    return lex["weekdays"], lex["relative_days"]


def publication_date(doc: Doc) -> datetime.date | None:
    """The page's own date: the first day-precise DATE near the top that stands on a
    short line of its own ("03.08.2007", "Musterstadt, 12. Mai 2019", "Stand: 1.2.2020")."""
    text = doc_text(doc)
    for ent in doc.ents:
        if ent.start_char > _DATELINE_REACH:
            break
        value = ent._.date_value if ent.label_ == "DATE" else None
        if not value or len(value) != 10:
            continue
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        line_end = text.find("\n", ent.end_char)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line.split()) <= _DATELINE_WORDS:
            return datetime.date.fromisoformat(value)
    return None


def relative_day(words: list[str], published: datetime.date) -> str | None:
    """The day a sentence's "heute", "gestern" or weekday ("am Freitagnachmittag", "am
    vergangenen Samstag") names, counted back from the publication date; None if none."""
    weekdays, back = _relative_words()
    for k, word in enumerate(words):
        if word in back:
            return (published - datetime.timedelta(days=back[word])).isoformat()
        # "freitag", "freitagnachmittag"; not "freitags" (every Friday) nor "Montage"
        day = next((n for n, name in enumerate(weekdays) if word.startswith(name)), None)
        if day is None or word[len(weekdays[day]) :] not in _TIMES_OF_DAY:
            continue
        days_back = (published.weekday() - day) % 7
        if days_back == 0 and k and words[k - 1].startswith(("vergangen", "letzt", "vorig")):
            days_back = 7
        return (published - datetime.timedelta(days=days_back)).isoformat()
    return None


@Language.factory("twinning_dates")
class DateRecognizer:
    """Marks DATE spans and stores their ISO value on ``span._.date_value``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match in find_dates(doc_text(doc)):
            span = doc.char_span(match.start, match.end, label="DATE", alignment_mode="strict")
            value = normalise_date(match.core, match.precision)
            if span is None or value is None:
                continue
            span._.date_value = value
            spans.append(span)
        add_entities(doc, "dates", spans)
        return doc
