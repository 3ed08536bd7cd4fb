"""CITY, REGION and COUNTRY recognition from the gazetteer, with context rules.

Candidates are the longest token sequences the gazetteer knows, tried at every
capitalised token (inner particles such as "am", "de", "sur", "v." allowed; a
genitive "s"/"es" stripped when only the stem is known; an OCR "l" for "I"
tried when nothing else is). Around that lookup:

* Common words. GeoNames has villages called "Zentrum", "Osten", "Gassen".
  A single-word name is judged by its frequency as a German word (wordfreq):
  rare words are places; common ones need context (a place preposition, a
  conjunction after another place); very common ones need strong context (a
  city word before it, a country in parentheses after it, a list item) or the
  same name confirmed so elsewhere in the document (one reading per document).
  A determiner before a single word ("die Gassen", "im Zentrum") makes it a
  noun; a company form after it ("Leoni AG") a company.
* Administrative words make regions: "Landkreis Musterland", "Powiat (Landkreis) X",
  "Departement Nord"; after "Land"/"Region" only a known region (or an unknown
  hyphenated name after "Region"). After a plural ("Kreisen X und Y") each
  coordinated name is a region, without the word.
* City words vouch for names the gazetteer lacks ("Gemeinde Musterweiler"),
  and such a name is then marked wherever it recurs.
* List items under a country ("- Frankreich, Villars", "- Lisses") are places.
* Compass words: "West-Ukraine", "Ostpolens" are regions; "Huckarde-Nord" a city.
* Names in a compound honouring a person ("Leopold-Hoesch-Museum") and in URLs
  or e-mail addresses are no places.
* The same name naming several places is resolved by a country named right
  next to it or nearby, then by population.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.lex_attrs import like_email, like_url
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import CITY, COUNTRY, REGION, Place, load_gazetteer
from ..lexicon import load_lexicon
from ..text import fold_name
from .bodies import HOME_COUNTRIES, PARTNER_TOWN_NOUNS, lies_at_home, states_bond, strong_kind
from .extensions import WORD_CACHE_SIZE, TokenTable, UsesGazetteer, add_entities, token_table

_INNER = {
    "am",
    "an",
    "der",
    "die",
    "den",
    "dem",
    "im",
    "in",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "sur",
    "sous",
    "en",
    "el",
    "del",
    "di",
    "da",
    "do",
    "dos",
    "v.",
    "d.",
    "a.",  # "Neustadt a. d. Donau", "Frankfurt a. M."
    "b.",  # "Musterbach b. Wil"
    "i.",  # "Neumarkt i. d. OPf."
    "o.",
    "v",
    "d",
    "ob",
    "upon",
    "on",
    "-",
    "'",
    "’",
    "St.",
    "Sankt",
    "y",
    "i",
    "e",
    "et",
    "lès",
    "lez",
    "aux",
    "près",
    "bei",  # "Neustadt bei Coburg": the gazetteer's longest name wins over its two parts
    "and",  # "Brighton and Hove"
    "by",  # "Westcliff-by-the-Sea"-style English names
    "the",
    # Slavic, Italian, Dutch and Spanish particles: "Ústí nad Labem", "Gioia del Colle",
    # "Bergen op Zoom", "Alphen aan den Rijn"; a window is a name only if a gazetteer knows it whole
    "nad",
    "pod",
    "na",
    "dei",
    "della",
    "delle",
    "degli",
    "dello",
    "sul",
    "sulla",
    "al",
    "alla",
    "nel",
    "van",
    "aan",
    "op",
    "a",  # "Condeixa-a-Nova": a window is a name only if a gazetteer knows it whole
    "ter",
    "ten",
    "bij",  # "Wijk bij Duurstede"
    "à",  # "Pont-à-Mousson"
    "vor",  # "Rosbach vor der Höhe"
    "unter",  # names "X unter Y" (a Swabian form), whole where a gazetteer knows them
    "los",
    "las",
    "under",  # "Newcastle under Lyme"
    "auf",  # "Bergen auf Rügen"
    "pri",  # "Šempeter pri Gorici" (Slovene "bei")
}
_REGION_PARTICLES = frozenset({"de", "du", "di", "della", "of"})  # not the German "des": "im Kreis des Vereins"
_URL_NEEDS = re.compile(r"[.@]|http")
_URL_MARK = re.compile(r"(?=(@|www))", re.IGNORECASE)
_ELIDED = re.compile(r"^(?:[dl]|[dns]ell|dall|all|sull)['’][A-ZÀ-Ý]")  # "d'Auge", "l'Isle", "nell’Emilia"
_MAX_TOKENS = 8
_COUNTRY_WINDOW = 14  # tokens either side in which a named country steers resolution
_BIG_REGION_CITY = 10000  # a city this large beats a region of the same name
_COMPASS_SUFFIXES = {"Nord", "Süd", "Ost", "West", "Mitte", "Zentrum"}
_CONJUNCTIONS = {"und", "oder", "sowie", ",", "bzw."}
_UNKNOWN_NAME_ZIPF = 3.0
# a city district's name is written on the web as often as a rare word ("Musterfeld" ~3);
# the page furniture heading nothing ("Impressum", "Anfahrt", "Downloads") is commoner
_HEADING_NAME_ZIPF = 3.2
_RARE_PART_ZIPF = 2.0  # a hyphenated part this rare is no German word ("-Beigeordneten" is 2.7)
_COMPOUND_PART_ZIPF = 3.5  # both parts of a compound noun are words this frequent
_GLUED_WORDS = re.compile(r"[a-zäöüß]{3}[A-ZÄÖÜ]")  # "McDonald", "DeKalb" keep short prefixes

ACCEPT, REJECT, PENDING = "accept", "reject", "pending"


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    confirms: bool = False  # found in a context that vouches for the name
    key: str = ""  # folded name as looked up ("Dortmunds" -> "dortmund")
    population: int = 0  # of the largest place the name can be


@lru_cache(maxsize=1)
def _vocab() -> dict:
    lex = load_lexicon()
    places = lex["places"]
    return {
        "region": set(places["region_words"]),
        "home_district": set(places["home_district_words"]),
        "weak_region": set(places["weak_region_words"]),
        "plural_region": set(places["plural_region_words"]),
        "city": set(places["city_words"]),
        "partner_region": frozenset(places["partner_region_words"]),
        "prep": set(places["place_prepositions"]),
        "determiners": set(places["determiners"]),
        "company": set(places["company_suffixes"]),
        "association": tuple(places["association_endings"]),
        "compass": set(places["compass_prefixes"]),
        "months": set(lex["dates"]["months"]),
        "organisation": set(lex["partnerships"]["organisation_words"]),
        "zipf": float(places["common_word_zipf"]),
        "very_common": float(places["very_common_word_zipf"]),
        "big": int(places["common_word_min_population"]),
        "famous_margin": float(places["famous_margin"]),
        "famous_margin_at_home": float(places["famous_margin_at_home"]),
        "town": int(places["town_population"]),
        "town_zipf": float(places["town_max_zipf"]),
        "partnership": tuple(lex["partnerships"]["partnership"] + lex["partnerships"]["friendship"]),
        "circle_nouns": frozenset(places["circle_nouns"]),
        "district_compound_zipf": float(places["district_compound_max_zipf"]),
        "noun_suffixes": tuple(places["noun_suffixes"]),
    }


_HYPHEN_PARTICLES = {"sur", "sous", "en", "les", "le", "la", "de", "du", "des", "lès", "aux", "et"}


_SPACED_PARTICLES = {"sur", "sous", "lès"}  # French only: "X sur Y" is no German phrase
_FRENCH_ARTICLES = {"le", "la", "les"}


def _joined_by_particle(scan: _Scan, end: int) -> int:
    """How many tokens of a French name's particle tail follow a name at ``end``: "-sur-Mer",
    "-de-Ré", "-sur-le-Lac" (4 or 6), or written apart " sur le Lac" (2 or 3); else 0."""
    words, spaced, n = scan.words, scan.spaced, scan.n
    k = end
    if k + 3 < n and words[k] == "-" and words[k + 1] in _HYPHEN_PARTICLES and words[k + 2] == "-":
        k += 3
        if k + 2 < n and words[k] in _FRENCH_ARTICLES and words[k + 1] == "-":
            k += 2  # "-sur-le-"
        return k + 1 - end if _starts_name(words[k]) and not scan.blocked[k] else 0
    if k + 1 < n and spaced[k - 1] and words[k] in _SPACED_PARTICLES:
        k += 1
        if k + 1 < n and words[k] in _FRENCH_ARTICLES:
            k += 1
        return k + 1 - end if _starts_name(words[k]) and not scan.blocked[k] else 0
    return 0


# "die Burgstadt", "eine Domstadt": an epithet; after "dem" a town's name is read
# ("mit dem Neustadt bei Coburg" in a relative clause)
_EPITHET_ARTICLES = frozenset({"eine", "ein", "die", "der", "das"})
_EPITHET_ENDS = ("stadt",)
_DATELINE_MARKS = frozenset({".", "–", "-", "(", "/", ":"})


_CAPITALS_AT_LINE_START = re.compile(r"^[A-ZÄÖÜ]{4,}\b", re.MULTILINE)  # "SCHWABACH. ..."


_MENU_SEPARATORS = re.compile(r"\s*[|·•>»]\s*")


def _menu_line(scan: _Scan, i: int) -> bool:
    """Token ``i`` stands on a line of a site's menu or breadcrumb ("Rathaus | Bürgerservice |
    Tourismus"): three cells or more, two of them other capitalised German words the
    gazetteer does not know as places."""
    text = scan.table.text
    pos = scan.table.starts[i]
    begin = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    cells = [c for c in _MENU_SEPARATORS.split(text[begin : len(text) if end < 0 else end]) if c]
    if len(cells) < 3:
        return False
    gazetteer = load_gazetteer()
    word = scan.words[i]
    words = [c for c in cells if c != word and c[:1].isupper() and " " not in c]
    return sum(1 for c in words if c not in gazetteer and gazetteer.zipf(c) >= _vocab()["zipf"]) >= 2


def _gap_before(table: TokenTable, k: int) -> str:
    """The text between token ``k`` and the token before it."""
    return table.text[table.ends[k - 1] : table.starts[k]] if k else ""


def _particle_name_end(scan: _Scan, end: int) -> int:
    """The end of a name at ``end`` continued by particle tails ("Musterville-sur-Mer")."""
    while tail := _joined_by_particle(scan, end):
        end += tail
    return end


def _in_particle_tail(scan: _Scan, i: int) -> bool:
    """Token ``i`` ends a name joined by a particle ("-sur-Orne", "-sur-le-Doubs"): the
    word before it is a particle (or a French article after one), joined by hyphens
    without spaces."""
    words, spaced = scan.words, scan.spaced
    if i < 3 or words[i - 1] != "-" or spaced[i - 2] or spaced[i - 1]:
        return False
    k = i - 2
    if words[k] in _FRENCH_ARTICLES and k >= 2 and words[k - 1] == "-" and words[k - 2] in _HYPHEN_PARTICLES:
        k -= 2
    return words[k] in _HYPHEN_PARTICLES and words[k - 1] == "-" and not spaced[k - 1] and not spaced[k]


_DISTRICT_ENDS = {"Kreis", "Kreises"}
_KREIS = ("kreis", "kreises")


def _hyphen_tail(scan: _Scan, end: int) -> int:
    """The end of a name continued by unspaced hyphens and capitalised parts ("Musterau"
    in "Landkreis Musterau-Beispielfeld", a district named after two towns the gazetteer
    knows only apart); ``end`` where none follows."""
    words, n = scan.words, scan.n
    while (
        end + 1 < n
        and words[end] == "-"
        and not scan.spaced[end - 1]
        and not scan.spaced[end]
        and not scan.blocked[end + 1]
        and _starts_name(words[end + 1])
    ):
        end += 2
    return end


def _hyphen_district(scan: _Scan, i: int) -> _Candidate | None:
    """ "Rhein-Main-Kreis", "Musterau-Beispielfeld-Kreises": names joined by hyphens
    and ending in "-Kreis" name a district."""
    words, spaced = scan.words, scan.spaced
    k = i
    while k + 2 < scan.n and words[k + 1] == "-" and not spaced[k] and not spaced[k + 1]:
        if not _starts_name(words[k + 2]) or scan.blocked[k + 2]:
            return None
        k += 2
        if words[k] in _DISTRICT_ENDS:
            if k == i + 2 and not _district_part(words[i]):
                return None  # "Freundes-Kreis": a circle of people spelt with a hyphen
            if k + 1 < scan.n and spaced[k] and _single_name(words[k + 1]) and _starts_name(words[k + 1]):
                if not scan.blocked[k + 1] and words[k + 1] in load_gazetteer():
                    k += 1  # "Rhein-Kreis Musterau": the district's name after the word
            return _Candidate(i, k + 1, REGION, True)
    return None


# one name before "-Kreis" ("Hochsauerland-Kreis", "Rhein-Kreis") is a place or a rare word
_ONE_PART_DISTRICT_ZIPF = 3.5


def _district_part(word: str) -> bool:
    gazetteer = load_gazetteer()
    return word in gazetteer or gazetteer.zipf(word) < _ONE_PART_DISTRICT_ZIPF


def _compound_district(scan: _Scan, i: int) -> _Candidate | None:
    """ "Vogelsbergkreis", "des Enzkreises": one word of a landscape's or river's name and
    "kreis" names a district; "Arbeitskreis", "Freundeskreis" (a frequent word before
    "kreis") and the lexicon's circles of people do not."""
    word = scan.words[i]
    stem = word[:-7] if word.endswith("kreises") else word[:-5] if word.endswith("kreis") else ""
    vocab = _vocab()
    if len(stem) < 3 or not stem[0].isupper() or word in vocab["circle_nouns"]:
        return None
    if "partner" in stem.lower() or any(w in stem.lower() for w in vocab["partnership"]):
        return None  # "Partnerlandkreis": what a district is to another, no name
    stem = stem[:-1] if stem.endswith("s") and len(stem) > 3 else stem  # "Erzgebirgs-"
    if load_gazetteer().zipf(stem) >= vocab["district_compound_zipf"]:
        return None
    return _Candidate(i, _district_seat_after(scan, i + 1), REGION, True)


def _district_seat_after(scan: _Scan, k: int) -> int:
    """The end of a district's name that goes on with a town's ("Vogelsbergkreis
    Musterau-Beispielfeld", as "Rhein-Kreis Musterau" does): a known place right after
    the word, with the names hyphenated to it; else ``k``."""
    words, spaced = scan.words, scan.spaced
    if k >= scan.n or not spaced[k - 1] or scan.blocked[k] or not _starts_name(words[k]):
        return k
    if words[k] not in load_gazetteer():
        return k
    end = k + 1
    while end + 1 < scan.n and words[end] == "-" and not (spaced[end - 1] or spaced[end]):
        if not _starts_name(words[end + 1]):
            break
        end += 2
    return end


# a city this large has quarters named after it ("Berlin-Spandau"); a quarter's own name is
# rarer as a word than this (Zipf)
_QUARTER_CITY = 100000
_QUARTER_ZIPF = 3.2
_NEIGHBOURS_KM = 30.0
# below this Zipf frequency a word is no German word: the second part of a double name
_UNKNOWN_WORD_ZIPF = 1.0


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _place_name_ending(word: str) -> bool:
    """ "Kleindorf", "Siebenhausen", "Altenburgs": a word ending as German place names do."""
    stem = word[:-1] if word.endswith("s") else word
    if any(c.isupper() for c in stem[1:]):
        return False  # "AichachStadt": two words glued by a lost line break
    return len(stem) >= 5 and stem.lower().endswith(tuple(load_lexicon()["places"]["place_name_endings"]))


def _near(a: Place, b: Place) -> bool:
    """Two places of one country within ``_NEIGHBOURS_KM`` (equirectangular distance,
    exact enough at this range)."""
    if a.country != b.country or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y) <= _NEIGHBOURS_KM


def _starts_name(word: str) -> bool:
    ch = word[:1]
    return bool(ch) and (ch.isupper() or "\u4e00" <= ch <= "\u9fff")


# -- facts about one word: pure functions of the word, memoised across documents --


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _ocr_form(word: str) -> bool:
    """A lower-case "l" that OCR made of an "I" ("lași" for "Iași")."""
    if len(word) < 3 or word[0] != "l" or word.isascii():
        return False
    gazetteer = load_gazetteer()
    return gazetteer.zipf(word) == 0 and ("I" + word[1:]) in gazetteer


_ADMIN, _NAME = 1, 2


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_kind(word: str) -> int:
    """Whether a place candidate can start at this word: ``_ADMIN`` for an
    administrative word, ``_NAME`` for a name-like word (bit flags)."""
    vocab = _vocab()
    admin = word in vocab["region"] or word in vocab["weak_region"]
    kind = _ADMIN if admin else 0
    # an administrative word alone is no place ("Freistaat", "Land"), whatever a gazetteer says
    ordinary = admin or word in vocab["city"] or word in vocab["months"]
    if (_starts_name(word) or _ocr_form(word)) and not ordinary:
        kind |= _NAME
    return kind


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _plain_name(word: str) -> bool:
    """A name-like word no place starts with on its own: no administrative or
    compass word, no gazetteer name starts with it. Only a list item or a city
    word before it ("Gemeinde Musterau") can make it a place."""
    return (
        _word_kind(word) == _NAME
        and word not in _vocab()["compass"]
        and not _compass_word(word)
        and not _may_start_place(word)
    )


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _name_part(word: str) -> bool:
    """A word that may stand inside a multi-word name."""
    return word in _INNER or _starts_name(word) or bool(_ELIDED.match(word))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _name_last(word: str) -> bool:
    """A word that may end a multi-word name; an abbreviated one too ("Frankfurt a. M.",
    "Weiden i. d. OPf."), which a name is only where the gazetteer knows it spelt out."""
    if _ABBREVIATED_END.match(word):
        return True
    return word[-1:].isalnum() and (_starts_name(word) or bool(_ELIDED.match(word)))


_ABBREVIATED_END = re.compile(r"^(?:M|OPf|Opf)\.$")


@lru_cache(maxsize=1)
def _joined_countries() -> dict[str, list[tuple[str, ...]]]:
    """Countries whose German name joins two names by "und" ("Trinidad und Tobago"),
    from CLDR, by first word; the name scan otherwise ends a name at "und"."""
    import babel

    joined: dict[str, list[tuple[str, ...]]] = {}
    for code, name in babel.Locale("de").territories.items():
        if len(code) == 2 and " und " in name and "-" not in name:
            words = tuple(name.split())
            joined.setdefault(words[0], []).append(words)
    return joined


def _single_name(word: str) -> bool:
    """A word that may be a one-word name: two capitals only as a country's name ("UK"),
    not as the codes of states and cantons."""
    if not (word[-1:].isalnum() and len(word) >= 2):
        return False
    if word.isupper() and len(word) <= 2:
        return any(p.label == COUNTRY for p in load_gazetteer().lookup(word))
    return True


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _may_start_place(word: str) -> bool:
    """Some gazetteer name starts with this word, its genitive stem or its OCR form."""
    gazetteer = load_gazetteer()
    forms = [word]
    if word.endswith("s"):
        forms += [word[:-1], word[:-2]]
    if word[:1] in "lL":
        forms.append("I" + word[1:])
    return any(gazetteer.may_start_name(form) for form in forms if form)


_SAINT_ABBREVIATION = re.compile(r"^(St|Ste)\.?(?=[ -])")
_SAINT_FORMS = {"St": ("Saint", "Sankt", "San"), "Ste": ("Sainte",)}


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _lookup_with_variants(text: str) -> tuple[tuple[Place, ...], str]:
    """Places for ``text``, else for its genitive stem, else for an OCR "l"->"I" form."""
    gazetteer = load_gazetteer()
    places = gazetteer.lookup(text)
    if places and " " in text and not gazetteer.has_parted_name(text):
        places = ()  # "TOP Ö" (an agenda item) folds as "Topo" does: words written apart need a name in parts
    if places:
        return places, text
    if len(text) >= 5 and text.endswith("s") and not text.endswith("ss"):
        for stem in (text[:-2], text[:-1]) if text.endswith("es") else (text[:-1],):
            places = gazetteer.lookup(stem)
            if places:
                return places, stem
    saint = _SAINT_ABBREVIATION.match(text)
    if saint:
        # "St Georges de X", "St. Gallen": the gazetteer spells the saint out
        for full in _SAINT_FORMS[saint.group(1)]:
            places = gazetteer.lookup(full + text[saint.end() :])
            if places:
                return places, full + text[saint.end() :]
    if text[:1] in "lL" and gazetteer.zipf(text) == 0:
        variant = "I" + text[1:]
        places = gazetteer.lookup(variant)
        if places:
            return places, variant
    if "." in text:
        # "Neustadt a. d. Aisch", "Mühldorf a. Inn", "Weiden i. d. OPf.": a name's particles abbreviated
        for variant in _spelt_out(text):
            places = gazetteer.lookup(variant)
            if places:
                return places, variant
    return (), text


# abbreviated particles of German official names, each with its spellings in full
_ABBREVIATED_PARTICLES = (
    (re.compile(r"\ba\.\s*d\.\s*"), ("an der ",)),
    (re.compile(r"\bi\.\s*d\.\s*"), ("in der ",)),
    (re.compile(r"\bv\.\s*d\.\s*"), ("vor der ",)),
    (re.compile(r"\ba\.\s*"), ("am ", "an ")),
    (re.compile(r"\bi\.\s*"), ("im ", "in ")),
    (re.compile(r"\bb\.\s*"), ("bei ",)),
    (re.compile(r"\bOPf\.?"), ("Oberpfalz",)),
    (re.compile(r"\bM\.$"), ("Main",)),  # "Frankfurt a. M."
)


def _spelt_out(text: str) -> list[str]:
    """The spellings in full of a name with abbreviated particles: "Mühldorf a. Inn" ->
    "Mühldorf am Inn", "Mühldorf an Inn"; "Weiden i. d. OPf." -> "Weiden in der Oberpfalz"."""
    variants = [text]
    for pattern, fulls in _ABBREVIATED_PARTICLES:
        variants = [pattern.sub(full, v) for v in variants for full in fulls] if any(
            pattern.search(v) for v in variants
        ) else variants
    return [v.strip() for v in variants if v != text]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _names_country(text: str) -> bool:
    return any(p.label == COUNTRY for p in load_gazetteer().lookup(text))


def _country_in_parentheses(words: list[str], k: int) -> bool:
    """ "(Österreich)", "(A)", "(PL)" from ``words[k]``: a country's name or its
    international vehicle code."""
    if k + 2 >= len(words) or words[k] != "(" or words[k + 2] != ")":
        return False
    inner = words[k + 1]
    return inner in _vehicle_codes() or (_starts_name(inner) and _names_country(inner))


@lru_cache(maxsize=1)
def _vehicle_codes() -> frozenset[str]:
    return frozenset(load_lexicon()["places"]["vehicle_codes"])


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """States' codes as lists write them after a name: the international vehicle
    signs (lexicon) and ISO 3166-1's two- and three-letter codes (``pycountry``)."""
    import pycountry

    iso = {code for c in pycountry.countries for code in (c.alpha_2, c.alpha_3)}
    return frozenset(iso | _vehicle_codes())


@lru_cache(maxsize=1)
def _swiss_cantons() -> frozenset[str]:
    import pycountry

    return frozenset(s.code.split("-")[1] for s in pycountry.subdivisions.get(country_code="CH"))


def _code_after_name(previous: str, word: str) -> bool:
    """ "PL" after "Springfield": a state's code in capitals after a name not itself in
    capitals ("KLEIN ORT" is a name in capitals)."""
    return word.isupper() and not previous.isupper() and word in country_codes()


@lru_cache(maxsize=1)
def _compass_prefixes() -> tuple[str, ...]:
    return tuple(_vocab()["compass"])


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _compass_word(word: str) -> bool:
    """ "Ostpolens": a compass prefix glued to a country's name."""
    if not word.startswith(_compass_prefixes()):
        return False  # most words
    for prefix in _vocab()["compass"]:
        if word.startswith(prefix) and len(word) > len(prefix) + 3:
            rest = word[len(prefix) :]
            rest = rest[0].upper() + rest[1:]
            if any(_names_country(form) for form in (rest, rest[:-1], rest[:-2])):
                return True
    return False


def names_compass_region(text: str) -> bool:
    """ "Südfrankreich", "Ostpolens", "West-Ukraine": a country's part by a compass prefix, a
    region no body governs (so never a partner)."""
    if "-" in text:
        prefix, _, rest = text.partition("-")
        return prefix in _vocab()["compass"] and _names_country(rest)
    return _compass_word(text)


_SUBJECT_VERBS = {"unterhält", "pflegt", "ist", "hat", "verbindet", "schloss", "feiert", "unterzeichnete"}


def _bare_subject(table: TokenTable, cand: _Candidate) -> bool:
    """A name opening its sentence or clause without an article, right before the verb:
    "Hof unterhält eine Partnerschaft mit …", "…, Essen ist mit … verschwistert". The
    common noun ("der Hof", "das Essen") needs its article there; a pronoun ("Er pflegt",
    "Man unterhält") needs none and is no town."""
    words = table.words
    if cand.end >= len(words) or words[cand.end] not in _SUBJECT_VERBS:
        return False
    if cand.end - cand.start == 1 and words[cand.start].lower() in _PRONOUNS:
        return False
    return cand.start == 0 or table.sent_starts[cand.start] or words[cand.start - 1] in (",", ";", "\n") or (
        "\n" in words[cand.start - 1]
    )


_COPULAS = frozenset({"ist", "sind", "wurde", "wurden", "auch", "als"})
_PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ihr", "dies", "diese", "dieser", "dieses", "jene", "beide"})
_DEFINING_VERBS = {"ist", "war"}
_ARTICLES = {"eine", "ein", "die", "der", "das"}
_PLACE_NOUN_ENDINGS = ("stadt", "gemeinde", "dorf", "markt", "kommune", "metropole", "ortschaft")


def _defined_as_place(scan: _Scan, i: int, end: int) -> bool:
    return defines_a_town(scan.words, i, end)


def defines_a_town(words: list[str], i: int, end: int) -> bool:
    """A sentence that opens with the name at tokens ``i:end`` and defines it as a town:
    "Musterau ist eine Gemeinde im Landkreis …", "Erlangen ist eine kreisfreie Großstadt"
    (an encyclopedia's or a town page's first sentence). The verb "erlangen" or the noun
    "Essen" open no such sentence."""
    if i and not ("\n" in words[i - 1] or words[i - 1] in (".", "!", "?")):
        return False
    if end + 2 >= len(words) or words[end] not in _DEFINING_VERBS or words[end + 1].lower() not in _ARTICLES:
        return False
    city_words = _vocab()["city"]
    for word in words[end + 2 : end + 6]:
        if word in city_words or word.lower().endswith(_PLACE_NOUN_ENDINGS):
            return True
        if word in (",", ".", ";", ":") or "\n" in word:
            return False
    return False


def _alone_on_line(scan: _Scan, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are all their line holds."""
    text, table = scan.table.text, scan.table
    before = text[text.rfind("\n", 0, table.starts[start]) + 1 : table.starts[start]]
    line_end = text.find("\n", table.ends[end - 1])
    after = text[table.ends[end - 1] : len(text) if line_end < 0 else line_end]
    return not before.strip() and not after.strip()


_ITEM_BOUNDS = ("-", "•", "–", "|", ",", "/", "*", "(", ")", ":", ";")


def _whole_item(scan: _Scan, i: int, end: int) -> bool:
    """Tokens ``i:end`` are a whole list item or table cell, up to a remark in parentheses:
    between a bullet, "|", comma or line break on each side."""
    text, table = scan.table.text, scan.table

    def bound(k: int, gap: str) -> bool:
        return k < 0 or k >= scan.n or scan.words[k] in _ITEM_BOUNDS or "\n" in scan.words[k] or "\n" in gap

    return bound(i - 1, text[table.ends[i - 1] : table.starts[i]] if i else "") and bound(
        end, text[table.ends[end - 1] : table.starts[end]] if end < scan.n else ""
    )


class _Scan:
    """One document's working state while places are marked."""

    __slots__ = ("table", "words", "spaced", "n", "blocked", "list_line", "capitals_line", "accepted")

    def __init__(self, table: TokenTable, blocked: list[bool], list_line: list[bool]) -> None:
        self.table = table
        self.words = table.words
        self.spaced = table.spaced
        self.n = len(table)
        self.blocked = blocked
        self.list_line = list_line
        self.capitals_line = _capitals_heading_tokens(table)
        self.accepted: list[_Candidate] = []

    def run(self, start: int) -> int:
        """How many tokens from ``start`` on could form one name (not blocked, name parts)."""
        words, blocked = self.words, self.blocked
        end = start
        limit = min(self.n, start + _MAX_TOKENS)
        while end < limit and not blocked[end] and _name_part(words[end]):
            end += 1
        return end - start

    def windows(self, start: int) -> list[int]:
        """Ends of the token windows from ``start`` that could be a whole name, longest first."""
        words = self.words
        run = self.run(start)
        ends = [end for end in range(start + run, start + 1, -1) if _name_last(words[end - 1])]
        for joined in _joined_countries().get(words[start], ()):
            # "Bosnien und Herzegowina": "und" joins no other name's parts
            if tuple(words[start : start + len(joined)]) == joined:
                ends.insert(0, start + len(joined))
        if _single_name(words[start]):
            ends.append(start + 1)
        return ends


@Language.factory("twinning_places", default_config={"min_population": 1})
class PlaceRecognizer(UsesGazetteer):
    """Marks CITY/REGION/COUNTRY spans; ``span._.place`` holds the resolved Place.

    ``min_population``: a rare single word that the gazetteer knows only as a
    smaller place than this needs context (GeoNames lists hamlets of 0).
    """

    def __init__(self, nlp: Language, name: str, min_population: int) -> None:
        self.name = name
        self.min_population = min_population

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)
        scan = _Scan(table, self._blocked_tokens(doc, table), _list_line_tokens(table))
        words, blocked, list_line = scan.words, scan.blocked, scan.list_line
        accepted = scan.accepted
        pending: list[_Candidate] = []
        confirmed: set[str] = set()
        city_words, partner_region_words = _vocab()["city"], _vocab()["partner_region"]
        next_free = 0  # tokens before this are inside an accepted place
        # a lower-case word starts no place (but OCR's "l" for "I"): most tokens skip the memoised test
        starts = [k for k, word in enumerate(words) if (not word[:1].islower() or word[:1] == "l") and _word_kind(word)]
        for dateline in self._capitals_datelines(scan):
            accepted.append(dateline)  # "SCHWABACH. Die Stadt ...": a press release's dateline in capitals
        for i in starts:
            if i < next_free or blocked[i]:
                continue
            if (
                _plain_name(words[i])
                and not list_line[i]
                and not (i and (words[i - 1] in city_words or words[i - 1] in partner_region_words))
                and not _country_in_parentheses(words, _particle_name_end(scan, i + 1))
                and not _partner_located_after(scan, i)
                and not (i and _POSTCODE_WORD.fullmatch(words[i - 1]))
                and not (i + 1 < scan.n and words[i + 1].lower().startswith(PARTNER_TOWN_NOUNS))
                and not (i + 1 < scan.n and words[i + 1] == "-" and _hyphen_district(scan, i))
                and not words[i].endswith(_KREIS)
            ):
                continue  # most capitalised words: what _candidate_at would decide, decided fast
            if _in_particle_tail(scan, i):
                continue  # "Orne" of "Musterville-sur-Orne": the end of a longer name, no place of its own
            if i and words[i - 1].lower() in _EPITHET_ARTICLES and words[i].lower().endswith(_EPITHET_ENDS):
                continue  # "die Burgstadt", "der Hansestadt": a town's epithet, whatever town it spells
            found = self._candidate_at(scan, i)
            if found is None:
                continue
            verdict, cand = found
            if verdict == PENDING:
                pending.append(cand)
                continue
            accepted.append(cand)
            if cand.confirms:
                confirmed.add(cand.key or fold_name(table.span_text(cand.start, cand.end)))
            next_free = cand.end
        taken = {k for c in accepted for k in range(c.start, c.end)}
        parties = (
            self._statement_parties(table, pending, accepted)
            | _list_block_peers(scan, pending)
            | _headings_over_partners(scan, pending)
            | _pair_headings(scan, pending)
        )
        for cand in pending:  # one reading per document
            key = cand.key or fold_name(table.span_text(cand.start, cand.end))
            if (key in confirmed or id(cand) in parties) and taken.isdisjoint(range(cand.start, cand.end)):
                accepted.append(cand)
        accepted += self._unknown_headings_over_partners(scan)
        found_places = sorted(((c.start, c.end, c.label) for c in accepted), key=lambda c: c[0])
        found_places = self._remember_names(scan, found_places)
        found_places = self._join_neighbours(scan, found_places)
        spans = []
        for (start, end, label), place in zip(found_places, self._resolve(table, found_places), strict=True):
            span = Span(doc, start, end, label=label)
            if place is not None:
                span._.place = place
            spans.append(span)
        add_entities(doc, "places", spans)
        return doc

    def _statement_parties(self, table: TokenTable, pending: list[_Candidate], accepted: list[_Candidate]) -> set[int]:
        """Pending towns that stand in a sentence stating a partnership with another place
        ("Erlangen ist seit 1956 mit Rennes verschwistert": the verb "erlangen" opens no such
        sentence): the statement is the context that vouches for them."""
        wanted = [c for c in pending if c.label == CITY and self._may_be_statement_party(table, c)]
        if not wanted:
            return set()
        bounds = table.sentence_bounds()
        starts = [b[0] for b in bounds]
        found: set[int] = set()
        for cand in wanted:
            start, end = bounds[bisect_right(starts, cand.start) - 1]
            if not any(start <= c.start < end and c.label != COUNTRY for c in accepted):
                continue
            words = table.lower[start:end]
            if any(strong_kind(w) for w in words) or states_bond(words) or states_bond(words, friendship=True):
                found.add(id(cand))
        return found

    def _may_be_statement_party(self, table: TokenTable, cand: _Candidate) -> bool:
        """A pending town a partnership statement can vouch for: one of some size that is no
        very common word or opens its clause; a name that is no word at all (a municipality
        the gazetteer lists without its size, "Gemeinde X" formed of villages of other
        names); a smaller town opening its clause (", X pflegt seit 1987 eine Freundschaft
        mit Y"). Never a first name."""
        vocab = _vocab()
        text = table.span_text(cand.start, cand.end)
        zipf = self.gazetteer.zipf(text)
        if self.gazetteer.is_first_name(text, 3):
            return False
        if cand.population >= vocab["town"] and (zipf < vocab["very_common"] or _bare_subject(table, cand)):
            return True
        return zipf == 0 or cand.population >= _HAMLET and _bare_subject(table, cand)

    # -- where places cannot be ------------------------------------------------
    def _blocked_tokens(self, doc: Doc, table: TokenTable) -> list[bool]:
        words, spaced, n = table.words, table.spaced, len(table)
        blocked = [False] * n
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                blocked[k] = True
        # URLs and e-mail addresses, by spaCy's tests, run only on the tokens with
        # the "." or "@" (or "http") they need: the pipeline does not compute them per word
        starts, ends = table.starts, table.ends
        for m in _URL_NEEDS.finditer(table.text):
            k = bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < ends[k] and not blocked[k]:
                blocked[k] = like_url(words[k]) or like_email(words[k])
        for m in _URL_MARK.finditer(table.text):
            k = bisect_right(table.starts, m.start()) - 1
            if k >= 0 and m.start() + len(m.group(1)) <= table.ends[k]:
                blocked[k] = True  # a token with "@" or "www" in it
        # hyphen compounds that honour a person: "Leopold-Hoesch-Museum"
        links = [h for h, w in enumerate(words) if w == "-" and 0 < h < n - 1 and not spaced[h - 1] and not spaced[h]]
        chains: list[list[int]] = []  # runs of links "A-B-C", scanned left to right
        for h in links:
            if chains and h == chains[-1][-1] + 2:
                chains[-1].append(h)
            elif not chains or h >= chains[-1][-1] + 3:  # the token before is free
                chains.append([h])
        zipf_common = _vocab()["zipf"]
        for chain in chains:
            i, j = chain[0] - 1, chain[-1] + 1
            parts = words[i : j + 1 : 2]
            # a first name, then a common noun at the end: "Heinrich-Heine-Gymnasium"
            honours = any(self.gazetteer.is_first_name(p, 3) for p in parts[:-1]) and (
                self.gazetteer.zipf(parts[-1]) >= zipf_common
            )
            # "Horn-Bad Meinberg": a town's name runs on past the compound's last part
            longer = j + 2 <= n and table.span_text(i, j + 2) in self.gazetteer
            if honours and not longer and table.span_text(i, j + 1) not in self.gazetteer:
                for k in range(i, j + 1):
                    blocked[k] = True
        return blocked

    # -- candidates at one token ---------------------------------------------------
    def _candidate_at(self, scan: _Scan, i: int) -> tuple[str, _Candidate] | None:
        word = scan.words[i]
        kind = _word_kind(word)
        if kind & _ADMIN:
            region = self._admin_region(scan, i)
            if region:
                return ACCEPT, region
        if not kind & _NAME:
            return None
        if i and scan.words[i - 1] in _vocab()["partner_region"]:
            # "Partnerlandkreis Musterland": the district the noun calls a partner, whatever the gazetteer knows
            region = self._admin_region(scan, i - 1)
            if region is not None:
                return ACCEPT, _Candidate(i, region.end, REGION, True)
        district = _hyphen_district(scan, i) or (_compound_district(scan, i) if word.endswith(_KREIS) else None)
        if district is not None:
            return ACCEPT, district
        compass = self._compass_region(scan, i)
        if compass:
            return ACCEPT, compass
        if scan.list_line[i] and self._list_item_is_place(scan, i):
            item = self._list_item(scan, i)
            if item is not None:
                return ACCEPT, item
        if not _may_start_place(word):
            unknown = self._unknown_named_place(scan, i)
            return (ACCEPT, unknown) if unknown else None
        table = scan.table
        spa_town = self._spa_town(scan, i)
        if spa_town is not None:
            return ACCEPT, spa_town
        for end in scan.windows(i):
            places, looked_up = _lookup_with_variants(table.span_text(i, end))
            if not places or _region_added(table, i, end, places):
                continue
            label = self._label(scan, i, places, looked_up, end)
            end = self._extend(scan, end, label, i)
            verdict, confirms = self._judge(scan, i, end, places, looked_up, label)
            if verdict == REJECT:
                return None
            population = max(p.population for p in places)
            return verdict, _Candidate(i, end, label, confirms, fold_name(looked_up), population)
        unknown = self._unknown_named_place(scan, i)
        return (ACCEPT, unknown) if unknown else None

    def _extend(self, scan: _Scan, end: int, label: str, start: int) -> int:
        """Official name parts after a city: "Musterstadt-Nord", "Frankfurt (Oder)",
        "Stadt Musterstadt - Aue" (a merged town written with spaces, after a city word)."""
        words = scan.words
        if label != CITY or end + 1 >= scan.n:
            return end
        if start and words[start - 1].lower() in _NUMBERED_PART_WORDS and _DISTRICT_NUMBER.fullmatch(words[end]):
            if words[end + 1] != ".":
                return end + 1  # "mit dem Stadtbezirk Praha 9": a city's numbered district
        if self._spaced_name_part(scan, start, end):
            return end + 2
        if (
            words[end] == "/"
            and _starts_name(words[end + 1])
            and self.gazetteer.lookup(scan.table.span_text(start, end + 2))
        ):
            # "Eislingen/Fils": the gazetteer knows the name with its river; "Musterdorf / Mustrovo":
            # a bilingual municipality's two names
            return end + 2
        if words[end] == "-" and not scan.spaced[end - 1] and words[end + 1] in _COMPASS_SUFFIXES:
            return end + 2
        quarter = self._city_quarter(scan, start, end)
        if quarter:
            return quarter
        if (
            words[end] == "-"
            and not scan.spaced[end - 1]
            and not scan.spaced[end]
            and not scan.blocked[end + 1]
            and _starts_name(words[end + 1])
            and not self.gazetteer.lookup(words[end + 1])
            and self.gazetteer.zipf(words[end + 1]) < _RARE_PART_ZIPF
            and not self._german_noun(words[end + 1])
            and not self._ends_in_german_word(words[end + 1])
            and not any(lies_at_home(p) for p in self.gazetteer.lookup(scan.table.span_text(start, end)))
        ):
            # "La Chapelle-Vaudrin" where only "La Chapelle" is known: a name abroad joined by
            # hyphens to a rare part the gazetteer lacks is one name (a German town's part is a
            # quarter; "Corona-Pandemie", "Elysée-Vertrag", "X-Tropfsteinhöhlen" join a German word)
            return _hyphen_tail(scan, end)
        if _joined_by_particle(scan, end):
            # "Villiers-sur-Orgeval" where only "Villiers" is known
            while tail := _joined_by_particle(scan, end):
                end += tail
            return end
        if words[end] == "(" and end + 2 < scan.n and words[end + 2].startswith(")"):
            inner = words[end + 1]
            # a qualifier, not a country, region or another known city: "(Oder)" but not "(Frankreich)",
            # "(Bayern)", "(Lemberg)"
            readings = self.gazetteer.lookup(inner)
            known = any(p.label in (COUNTRY, CITY, REGION) for p in readings)
            code = inner.isupper() and len(inner) <= 3  # "(F)", "(EST)": a country's code, not a name part
            plain = not known and not code and inner not in _vocab()["city"]
            towns = self.gazetteer.lookup(scan.table.span_text(start, end))
            # a river's or lake's name that only a hamlet or a foreign city's alternate name spells,
            # after a town at home: "Lindau (Bodensee)", "Bernkastel-Kues (Mosel)" (Mosul), part of the name
            # (not another name of the town itself: "Lemberg (Lwiw)")
            landscape = (
                known
                and not code
                and any(p.label == CITY and p.country in HOME_COUNTRIES for p in towns)
                and all(p.label == CITY and (p.population < _HAMLET or not lies_at_home(p)) for p in readings)
                and not {p.geonames_id for p in towns if p.geonames_id} & {p.geonames_id for p in readings}
            )
            # part of the name where the gazetteer knows it whole, or where the bare name is borne by
            # several places at home, as official names tell namesakes apart ("Neustadt (Harz)");
            # "Gengenbach (Schwarzwald)" is Gengenbach, and the forest where it lies
            whole = bool(self.gazetteer.lookup(scan.table.span_text(start, end + 3)))
            namesakes = sum(p.label == CITY and p.country in HOME_COUNTRIES for p in towns)
            # a name the gazetteer knows with its brackets ("Rheinfelden (Baden)") is whole, though the
            # word inside is a town's name too
            known_whole = whole and not code
            if _starts_name(inner) and words[end + 2] == ")" and (landscape or known_whole or plain and namesakes >= 2):
                return end + 3
        return end

    def _city_quarter(self, scan: _Scan, start: int, end: int) -> int:
        """The end of a city's name joined to one of its quarters ("Musterstadt-Nordend",
        "Musterstadt-Bad Beispielbrunn", as "Berlin-Spandau" is written), else 0: a city of
        ``_QUARTER_CITY`` people, a hyphen without spaces, and a part that is a smaller
        place in the city's country or a rare word; no route between two cities
        ("Berlin-Hamburg"), no compound ("Berlin-Marathon", "Berlin-Reise")."""
        words, spaced = scan.words, scan.spaced
        k = end + 1
        if end != start + 1 or k >= scan.n or words[end] != "-" or spaced[end - 1] or spaced[end]:
            return 0
        cities = [p for p in self.gazetteer.lookup(words[start]) if p.label == CITY]
        if not cities or max(p.population for p in cities) < _QUARTER_CITY:
            return 0
        first = k
        if words[k] == "Bad" and spaced[k] and k + 1 < scan.n and _single_name(words[k + 1]):
            k += 1  # "-Bad Beispielbrunn"
        part = words[k]
        if not (_starts_name(part) and _single_name(part)) or scan.blocked[k] or part in _vocab()["city"]:
            return 0
        if k + 1 < scan.n and words[k + 1] == "-" and not spaced[k]:
            return 0  # "A-B-Kreis", "A-B-Straße": a longer compound
        countries = {p.country for p in cities if p.population >= _QUARTER_CITY}  # not the other Berlins
        places = self.gazetteer.lookup(scan.table.span_text(first, k + 1))
        if any(p.label != CITY or p.population >= _QUARTER_CITY for p in places):
            return 0
        if any(p.country in countries for p in places) or (not places and self.gazetteer.zipf(part) < _QUARTER_ZIPF):
            return k + 1
        return 0

    def _spaced_name_part(self, scan: _Scan, start: int, end: int) -> bool:
        words, vocab = scan.words, _vocab()
        if start == 0 or words[start - 1] not in vocab["city"] or words[end] != "-" or end + 1 >= scan.n:
            return False
        if not (scan.spaced[end - 1] and scan.spaced[end]):
            return False
        part = words[end + 1]
        if not _starts_name(part) or part in vocab["city"] or part in self.gazetteer or scan.blocked[end + 1]:
            return False
        if self.gazetteer.zipf(part) >= 4.0 or self.gazetteer.is_first_name(part, 3):
            return False  # "Stadt X - Herzlich willkommen", "Stadt X - Peter Muster"
        after = words[end + 2] if end + 2 < scan.n else ""
        return not _starts_name(after)

    def _judge(
        self,
        scan: _Scan,
        i: int,
        end: int,
        places: tuple[Place, ...],
        looked_up: str,
        label: str,
    ) -> tuple[str, bool]:
        """(verdict, whether the context confirms the name for the whole document)."""
        vocab = _vocab()
        words, table = scan.words, scan.table
        names = [w for w in words[i:end] if _starts_name(w)]
        strong = self._strong_context(scan, i, end) or self._alias_in_parentheses(scan, i, end)
        if len(names) > 1:
            # "Im Zentrum", "Am Ende": a sentence-initial article before a common word
            opener = words[i].lower()
            rest = table.span_text(i + 1, end)
            if (opener in vocab["determiners"] or opener in vocab["prep"]) and self.gazetteer.zipf(rest) >= vocab[
                "zipf"
            ]:
                return REJECT, False
            return ACCEPT, True
        word = names[0] if names else words[i]
        labels = {p.label for p in places}
        if COUNTRY in labels:
            return ACCEPT, True  # "USA", "UK", "DDR": a state's own short form, in capitals too
        if word.isupper() and not scan.list_line[i] and not scan.capitals_line[i]:
            return REJECT, False  # capitals outside lists and headings set in capitals are acronyms or shouting
        if words[i].lower() in vocab["determiners"] | vocab["prep"] and not (
            end + 1 < scan.n and words[end] in ("(", ",") and _names_country(words[end + 1])
        ):
            return REJECT, False  # "Die Partnerstädte:" on a list line: the article, not the town Die
        if strong:
            return ACCEPT, True
        if (
            end < scan.n
            and words[end] in vocab["company"]
            and not scan.list_line[i]
            and not (i and words[i - 1].lower().endswith(vocab["association"]))
        ):
            return REJECT, False  # "Bauer GmbH"; not "Partnerschaftsverein Musterstadt e.V.", named after its town
        zipf = max(self.gazetteer.zipf(word), self.gazetteer.zipf(looked_up))
        prev = words[i - 1].lower() if i else ""
        if words[i].lower() in vocab["organisation"]:
            return REJECT, False  # "Collège", "Lycée": an institution
        if label == REGION:
            if zipf < vocab["very_common"] or prev in vocab["prep"] or self._after_place_conjunction(scan, i):
                return ACCEPT, False
            return PENDING, False
        if prev in vocab["determiners"] and zipf >= vocab["zipf"]:
            return REJECT, False  # "die Gassen", "im Zentrum": a noun
        # a place whose size outweighs the word's frequency: "Dresden" (565k, zipf 4.8), but not
        # "Norden" (25k, zipf 4.7) or "Essen" (583k, zipf 5.3), a big city and a common word
        famous = any(
            p.population >= vocab["big"]
            and (zipf < 5.0 or fold_name(p.name) == fold_name(looked_up))
            or p.population >= 10 ** (zipf + vocab["famous_margin"])
            or lies_at_home(p)
            and fold_name(p.name) == fold_name(looked_up)
            and p.population >= 10 ** (zipf + vocab["famous_margin_at_home"])
            for p in places
        )
        if famous:
            return ACCEPT, True
        weak = prev in vocab["prep"] or self._after_place_conjunction(scan, i)
        if zipf < vocab["zipf"]:
            if max(p.population for p in places) >= self.min_population or weak:
                return ACCEPT, False
            return PENDING, False
        if zipf < vocab["very_common"] and weak:
            if all(fold_name(p.name) != fold_name(looked_up) for p in places):
                # "von Rathaus zu Rathaus": a common word that only some place's alternate name
                # spells (a city quarter's), and no place of that name itself
                return PENDING, False
            return ACCEPT, True
        if zipf < vocab["town_zipf"] and max(p.population for p in places) >= vocab["town"]:
            return ACCEPT, False  # "Zwickau", "Aarau": rare as words, and real towns
        if zipf < vocab["very_common"] and _place_name_ending(word) and not word.endswith("bau") and any(
            p.population >= vocab["town"] and lies_at_home(p) and fold_name(p.name) == fold_name(looked_up)
            for p in places
        ):
            # "Bamberg", "Rosenheim": frequent in text because they are towns, and shaped as German
            # town names are; a common noun is neither a town at home of that name nor so shaped
            # ("Neubau", "Umbau" end as "-au" towns do, and are buildings)
            return ACCEPT, False
        return PENDING, False

    @staticmethod
    def _strong_context(scan: _Scan, i: int, end: int) -> bool:
        words = scan.words
        if i > 0 and words[i - 1] in _vocab()["city"]:
            return True
        if i > 0 and _POSTCODE_WORD.fullmatch(words[i - 1]):
            return True  # "90596 Musterau", "D-12345 Musterau": an address's town
        if _defined_as_place(scan, i, end):
            return True
        gazetteer = load_gazetteer()
        rare = gazetteer.zipf(words[i]) < _vocab()["very_common"]
        common = gazetteer.zipf(words[i]) >= _vocab()["zipf"]
        if (
            scan.list_line[i]
            and (rare or _whole_item(scan, i, end) and _own_name(scan.table.span_text(i, end)))
            and not (common and _menu_line(scan, i))
        ):
            # a name that is its item or cell; "Seit 1977" (a town abroad) is a word, and "• Art" a
            # common word that only an alternate name of some place spells
            return True
        # "Cannes (Frankreich)", "York, England"
        if end + 1 < scan.n and words[end] in ("(", ","):
            return _names_country(words[end + 1])
        return False

    @staticmethod
    def _alias_in_parentheses(scan: _Scan, i: int, end: int) -> bool:
        """ "Lwiw (Lemberg)": another name of the place just before."""
        return (
            i >= 2
            and scan.words[i - 1] == "("
            and end < scan.n
            and scan.words[end] == ")"
            and bool(scan.accepted)
            and scan.accepted[-1].end == i - 1
        )

    @staticmethod
    def _after_place_conjunction(scan: _Scan, i: int) -> bool:
        """ "Bochum und Gelsenkirchen", "Lille, Lens": a name coordinated with a place."""
        if i < 2 or scan.words[i - 1] not in _CONJUNCTIONS:
            return False
        return bool(scan.accepted) and scan.accepted[-1].end == i - 1

    def _label(self, scan: _Scan, i: int, places: tuple[Place, ...], looked_up: str, end: int) -> str:
        labels = {p.label for p in places}
        if COUNTRY in labels:
            return COUNTRY
        if self._after_plural_region_word(scan, i):
            return REGION
        if REGION in labels and self._region_of_the_country_after(scan, end, places):
            return REGION  # "Roanoke in Virginia (USA)": the state, though towns abroad share its name
        if REGION in labels:
            # a city of that very name, not one whose longer name begins with it
            # ("Sachsen" is the state, not the village "Sachsen bei Ansbach")
            shortened = looked_up.casefold() + " "
            biggest_city = max(
                (p.population for p in places if p.label == CITY and not p.name.casefold().startswith(shortened)),
                default=0,
            )
            if biggest_city < _BIG_REGION_CITY:
                return REGION
        return CITY

    def _region_of_the_country_after(self, scan: _Scan, end: int, places: tuple[Place, ...]) -> bool:
        """A region's name right before its own country ("Virginia (USA)", "Virginia, USA"),
        where no large town of the name lies in that country."""
        if end + 1 >= scan.n or scan.words[end] not in ("(", ","):
            return False
        countries = {p.country for p in self.gazetteer.lookup(scan.words[end + 1]) if p.label == COUNTRY}
        regions = {p.country for p in places if p.label == REGION}
        towns = {p.country for p in places if p.label == CITY and p.population >= _BIG_REGION_CITY}
        return bool(countries & regions) and not countries & towns

    @staticmethod
    def _after_plural_region_word(scan: _Scan, i: int) -> bool:
        """In "Kreisen X und Y" or "Kreise A, B und C": after a plural admin word."""
        plural = _vocab()["plural_region"]
        j = i - 1
        while j >= 0 and i - j <= 12:
            text = scan.words[j]
            if text in plural:
                return True
            if not (text in _CONJUNCTIONS or text == "-" or _starts_name(text)):
                return False
            j -= 1
        return False

    # -- administrative and compass regions ---------------------------------------
    # Austria's and Switzerland's districts bear their capital's name ("Bezirk Imst"); in
    # Germany a "Bezirk" is a Berlin borough or a Bavarian Bezirk, each its own name
    def _admin_region(self, scan: _Scan, i: int) -> _Candidate | None:
        vocab = _vocab()
        words, blocked, n = scan.words, scan.blocked, scan.n
        weak = words[i] in vocab["weak_region"]
        j = i + 1
        # "Powiat (Landkreis) Nowotarski": a translation in parentheses
        if j + 2 < n and words[j] == "(" and words[j + 1] in vocab["region"] and words[j + 2] == ")":
            j += 3
        # "Comté de Kerry", "Département du Nord", "Provincia di Pistoia", "County of Kerry": a particle
        if j + 1 < n and words[j] in _REGION_PARTICLES and scan.spaced[j - 1] and _starts_name(words[j + 1]):
            j += 1
        if j >= n or blocked[j] or not (_starts_name(words[j]) or _ocr_form(words[j])):
            return None
        # the longest known name after the word, else capitalised words
        run = scan.run(j)
        top = min(n, j + _MAX_TOKENS)
        for end in range(top, j, -1):
            if end > j + 1 and (end - j > run or not _name_last(words[end - 1])):
                continue
            places, _ = _lookup_with_variants(scan.table.span_text(j, end))
            if places and words[i] in _BEZIRK and any(p.label == CITY and p.country in ("AT", "CH") for p in places):
                return _Candidate(i, end, REGION, True)  # "Bezirk Imst": a district named after its capital
            if places and (not weak or any(p.label == REGION for p in places)):
                if not weak:
                    end = _hyphen_tail(scan, end)  # "Landkreis Musterau-Beispielfeld": two towns, one district
                return _Candidate(i, end, REGION, True)
            if (
                places
                and words[i] == "Region"
                and any(p.label == CITY for p in places)
                and _alone_on_line(scan, i, end)
            ):
                # a heading "Region Musterstadt": the body of that name (a city's region), not the city;
                # in prose "die Region Musterstadt" is as often the country around the city
                return _Candidate(i, end, REGION, True)
        end = j
        while end < n and (_starts_name(words[end]) or _ocr_form(words[end])) and not blocked[end] and end - j < 3:
            if words[end] in vocab["city"] or words[end] in vocab["region"]:
                break
            end += 1
            if not scan.spaced[end - 1]:
                if end + 1 < n and words[end] == "-" and not scan.spaced[end]:
                    end += 1
                    continue
                break
        if end == j:
            return None
        hyphenated = "-" in words[j:end]
        if weak and not (words[i] == "Region" and hyphenated and self.gazetteer.zipf(words[j]) < vocab["zipf"]):
            return None
        # the administrative word is context enough, except for the most common words
        if self.gazetteer.zipf(words[j]) >= 5.0:
            return None
        return _Candidate(i, end, REGION, True)

    @staticmethod
    def _compass_region(scan: _Scan, i: int) -> _Candidate | None:
        words = scan.words
        word = words[i]
        # "West-Ukraine"
        if word in _vocab()["compass"] and i + 2 < scan.n and words[i + 1] == "-" and not scan.spaced[i]:
            if _names_country(words[i + 2]):
                return _Candidate(i, i + 3, REGION, True)
        # "Ostpolens"
        if _compass_word(word):
            return _Candidate(i, i + 1, REGION, True)
        return None

    def _spa_town(self, scan: _Scan, i: int) -> _Candidate | None:
        """ "Bad Musterbrunn": "Bad" and a rare capitalised word name a spa town,
        whether or not the gazetteer has it (when it has it, the lookup reads it)."""
        words = scan.words
        if words[i] != "Bad" or i + 1 >= scan.n or not scan.spaced[i] or scan.blocked[i + 1]:
            return None
        name = words[i + 1]
        if (
            not _starts_name(name)
            or name.endswith(("er", "ers"))
            or self.gazetteer.zipf(name) >= _vocab()["very_common"]
        ):
            return None  # "Bad Ischler Kurhaus": an adjective of a town, not its name
        if i == 0 or (words[i - 1] not in _vocab()["prep"] and words[i - 1] not in _vocab()["city"]):
            return None  # "in Bad X", "Gemeinde Bad X"; not "Bad Banks" in running text
        text = scan.table.span_text(i, i + 2)
        if text in self.gazetteer:
            return None
        return _Candidate(i, i + 2, CITY, True, fold_name(text))

    def _unknown_named_place(self, scan: _Scan, i: int) -> _Candidate | None:
        """A capitalised name the gazetteer lacks, vouched for by a city word
        before it or by a list of places."""
        vocab = _vocab()
        words, n = scan.words, scan.n
        word = words[i]
        by_city_word = i > 0 and words[i - 1] in vocab["city"]
        name_end = _particle_name_end(scan, i + 1)  # "Musterville-sur-Mer (Frankreich)"
        by_country = _country_in_parentheses(words, name_end) and (
            self._starts_own_name(scan, i) or _opens_line(scan.table, i) and _dated_line_end(scan, name_end + 3)
        )
        by_location = not by_country and _partner_located_after(scan, i) and self._starts_own_name(scan, i)
        # "Seit 1990 ist X Partnergemeinde von Y": a name that is no word, called a partner by the noun after it
        by_noun = (
            i > 0
            and words[i - 1].lower() in _COPULAS
            and i + 1 < n
            and words[i + 1].lower().startswith(PARTNER_TOWN_NOUNS)
            and self.gazetteer.zipf(word) == 0
        )
        by_country = by_country or by_noun
        if not by_city_word and not scan.list_line[i] and not by_country and not by_location:
            return None  # the common case, decided before the checks below
        if word in vocab["city"] or word in vocab["region"] or (word.isupper() and len(word) < 3):
            return None
        by_list = scan.list_line[i] and self._list_item_is_place(scan, i)
        if not (by_city_word or by_list or by_country or by_location):
            return None
        if by_list and not by_city_word and (
            self.gazetteer.zipf(word) >= _UNKNOWN_NAME_ZIPF or any(w in word.lower() for w in vocab["partnership"])
        ):
            return None  # "- Partnerschaft seit 1979", "- Impressum": a German word heads the item, no village
        if by_list and not by_city_word and (_GLUED_WORDS.search(word) or self._german_noun(word)):
            return None  # "- BezeichnungInhalt", "- Grunddaten": header cells run together, a compound noun
        if self.gazetteer.zipf(word) >= vocab["very_common"] or (self.gazetteer.is_first_name(word, 3) and not by_list):
            return None
        if not by_list and not by_country and self.gazetteer.zipf(word) >= _UNKNOWN_NAME_ZIPF:
            # "mit folgenden Städten Partnerschaften", "die Stadt Protestanten aufnahm": a German
            # word the gazetteer lacks; the places it lacks are villages with rare names
            return None
        if (by_country or by_location) and not (by_city_word or by_list):
            # "Musterweiler (Österreich)", "mit Musterweiler in Frankreich": one word the gazetteer
            # lacks (or one joined by its particles), named with its country or region
            return _Candidate(i, name_end, CITY, True)
        end = i + 1
        # "Stadt Yeni Foça": an unknown word before a known name
        if scan.spaced[i] and end < n and _starts_name(words[end]) and not scan.blocked[end]:
            nxt = words[end]
            if nxt in self.gazetteer and self.gazetteer.zipf(nxt) < vocab["zipf"]:
                return _Candidate(i, end + 1, CITY, True)
        # "Villers-sur-Mer", "Saint-Martin-de-Ré": French names joined by their particles
        while tail := _joined_by_particle(scan, end):
            end += tail
        # "Musterdorf am See", "Neustadt an der Weinstraße"
        for link in (("am",), ("an", "der")):
            k = end + len(link)
            if k < n and tuple(words[end:k]) == link and _starts_name(words[k]):
                end = k + 1
                break
        return _Candidate(i, end, CITY, True)

    def _capitals_datelines(self, scan: _Scan) -> list[_Candidate]:
        """A town at home written in capitals at a line's start, before ".", "–", "(" or "/"
        ("SCHWABACH. Die Stadt ...", "ROTH (ab) – "): a press dateline, which the place rules
        otherwise skip as they skip every word in capitals."""
        table, words = scan.table, scan.words
        found = []
        for m in _CAPITALS_AT_LINE_START.finditer(table.text):
            bounds = table.char_span(m.start(), m.end())
            if bounds is None or bounds[1] != bounds[0] + 1 or bounds[1] >= scan.n:
                continue
            i = bounds[0]
            if words[i + 1] not in _DATELINE_MARKS:
                continue
            places = [p for p in self.gazetteer.lookup(words[i]) if p.label == CITY and lies_at_home(p)]
            population = max((p.population for p in places), default=0)
            if population >= _vocab()["town"]:
                found.append(_Candidate(i, i + 1, CITY, True, fold_name(words[i]), population))
        return found

    def _unknown_headings_over_partners(self, scan: _Scan) -> list[_Candidate]:
        """Lines of one to three capitalised words the gazetteer and the German vocabulary
        lack ("Musterfeld", "Bad Beispielberg"), each right above a line that opens with a
        town and its country ("Springfield (Frankreich), seit 1957"), where two lines or more
        of the page head such lines: an overview's heading per city district or village
        holding the partners under it, which GeoNames lists under its city."""
        table, words, n = scan.table, scan.words, scan.n
        text, starts, ends = table.text, table.starts, table.ends
        qualified = set()  # line starts of partner lines "X (Land)" / "X, Land"
        for c in scan.accepted:
            if c.label == CITY and c.end + 1 < n and words[c.end] in ("(", ",") and _names_country(words[c.end + 1]):
                qualified.add(starts[c.start])
        if len(qualified) < 2:
            return []
        taken = {k for c in scan.accepted for k in range(c.start, c.end)}
        heads, found = 0, []
        i = 0
        while i < n:
            if words[i].isspace() or (i and "\n" not in _gap_before(table, i) and "\n" not in words[i - 1]):
                i += 1
                continue  # not the first word of a line
            end = i
            while end < n and end - i < 4 and not words[end].isspace() and "\n" not in _gap_before(table, end):
                end += 1
            below = _next_line_start(text, ends[end - 1])
            if below in qualified and end - i <= 3:
                heads += 1
                if taken.isdisjoint(range(i, end)) and self._unknown_name(scan, i, end):
                    found.append(_Candidate(i, end, CITY, True))
            i = end
        return found if heads >= 2 else []

    def _unknown_name(self, scan: _Scan, start: int, end: int) -> bool:
        """Tokens ``start:end`` are a name nothing else reads: capitalised words, no German
        word, first name or partnership word, unknown to the gazetteer ("Bad" may open it)."""
        words = scan.words[start:end]
        if any(scan.blocked[k] for k in range(start, end)) or not all(_starts_name(w) for w in words):
            return False
        if scan.table.span_text(start, end) in self.gazetteer:
            return False  # a known place the rules above did not take stays untaken
        rest = words[1:] if words[0] in ("Bad", "Sankt", "St.") and len(words) > 1 else words
        vocabulary = _vocab()["partnership"]
        return all(
            self.gazetteer.zipf(w) < _HEADING_NAME_ZIPF
            and not self.gazetteer.is_first_name(w, 3)
            and not self._german_noun(w)
            and not any(p in w.lower() for p in vocabulary)
            for w in rest
        )

    def _starts_own_name(self, scan: _Scan, i: int) -> bool:
        """The word stands alone, not after another name ("Jean Muster (Frankreich)" is a
        person) nor at a sentence's or line's start, where a capital says nothing."""
        if i == 0:
            return False
        prev = scan.words[i - 1]
        return prev in _CONJUNCTIONS or prev in _vocab()["prep"] or prev in ("mit", "und", "–", "-", ":")

    def _list_item(self, scan: _Scan, i: int) -> _Candidate | None:
        """A list item's whole name ("Rheinfelden AG", "Les Sables-d'Olonne"), up to a
        comma, parenthesis, slash, city word or the line end, when it is a short run of names."""
        vocab = _vocab()
        words = scan.words
        if (
            i + 2 < scan.n
            and words[i].isupper()
            and words[i] in country_codes()
            and words[i + 1] == "-"
            and not scan.spaced[i]
            and not scan.spaced[i + 1]
        ):
            return None  # "• D-Musterstadt": a country's code before the name; the name is read on its own
        end = i
        parts = 0  # words of the name, its hyphens aside: "Saint-Jean-de-Luz" is four
        while end < scan.n and not scan.blocked[end] and parts < 5:
            word = words[end]
            parts += word != "-"
            if word.isspace() or word in (",", "(", "/", ":", ";") or "\n" in word or word in vocab["city"]:
                break
            known = end > i and (
                scan.table.span_text(i, end + 1) in self.gazetteer
                or word in _swiss_cantons()
                and any(p.country == "CH" for p in self.gazetteer.lookup(scan.table.span_text(i, end)))
            )  # "Musterdorf AG": a Swiss municipality's official name holds its canton's code
            if end > i and _code_after_name(words[end - 1], word) and not known:
                break  # "- Springfield PL": a country's code after the name
            if not (_starts_name(word) or word in _INNER):
                return None
            end += 1
        while end > i and not _starts_name(words[end - 1]):
            end -= 1
        if end == i or (end - i == 1 and self.gazetteer.zipf(words[i]) >= vocab["very_common"]):
            return None
        text = scan.table.span_text(i, end)
        if _names_country(text):
            return _Candidate(i, end, COUNTRY, True)
        for k in range(end - 1, i, -1):
            if _names_country(scan.table.span_text(i, k)):
                # "- Frankreich Poitiers, Frankreich": an encyclopedia's flag, then the town
                return _Candidate(i, k, COUNTRY, True)
        for k in range(i + 1, end - 1):
            if words[k] in ("in", "im") and _names_country(scan.table.span_text(k + 1, end)):
                end = k  # "- Springfield in Frankreich (1956)": the country is where it lies
                text = scan.table.span_text(i, end)
                break
        if end - i == 1 and text not in self.gazetteer:
            return None  # a single unknown word: left to the unknown-name rule
        if text not in self.gazetteer and (self._known_parts(text) or self._words_of_a_phrase(words[i:end])):
            # "- Fürth-Poitiers (seit 1961)": a pair of known places, left to the place rules;
            # "- Unsere Partnerstädte", "- Zum Stadtplan": a menu's or heading's words, no village
            return None
        return _Candidate(i, end, CITY, True)

    def _german_noun(self, word: str) -> bool:
        """A word shaped as a German noun, not a village: an abstract noun's ending, or a
        compound of two frequent words whose second is no place-name ending
        ("Grund|daten", "Magistrats|kanzlei"; "Rosen|heim" ends as towns do)."""
        lower = word.lower()
        if lower.endswith(_vocab()["noun_suffixes"]) or any(w in lower for w in ("partner", "pate")):
            return True
        if _place_name_ending(word):
            return False
        for k in range(3, len(lower) - 2):
            head, tail = lower[:k], lower[k:]
            if self.gazetteer.zipf(tail) >= _COMPOUND_PART_ZIPF and (
                self.gazetteer.zipf(head) >= _COMPOUND_PART_ZIPF
                or head.endswith("s") and self.gazetteer.zipf(head[:-1]) >= _COMPOUND_PART_ZIPF
            ):
                return True
        return False

    def _ends_in_german_word(self, word: str) -> bool:
        """A compound ending in a frequent German word of five letters or more
        ("Tropfstein|höhlen"), though its first part is rare."""
        lower = word.lower()
        return any(self.gazetteer.zipf(lower[k:]) >= _COMPOUND_PART_ZIPF for k in range(1, len(lower) - 4))

    def _words_of_a_phrase(self, words: list[str]) -> bool:
        """Some word of an unknown multi-word item is an article, a preposition, a
        partnership word or a German word the gazetteer does not know as a place."""
        vocab = _vocab()
        for word in words:
            if word.lower() in vocab["determiners"] or word.lower() in vocab["prep"]:
                return True
            if any(w in word.lower() for w in vocab["partnership"]):
                return True
            if (
                len(word) >= 3
                and not word.isupper()
                and word not in self.gazetteer
                and self.gazetteer.zipf(word) >= _UNKNOWN_NAME_ZIPF
                and not _may_start_place(word)  # "Saint-Musterville", "Bad Musterau"
            ):
                return True
        return False

    def _known_parts(self, text: str) -> bool:
        """A hyphenated name whose parts the gazetteer knows as places of different
        countries ("Fürth-Poitiers"); "Saint-Musterville" and "Musterau-Beispielfeld" are one name."""
        parts = [p.strip() for p in text.split("-")]
        if len(parts) < 2:
            return False
        readings = [self.gazetteer.lookup(p) if p else () for p in parts]
        if not all(readings):
            return False
        countries = [max(places, key=lambda place: place.population).country for places in readings]
        return len(set(countries)) == len(countries)

    @staticmethod
    def _list_item_is_place(scan: _Scan, i: int) -> bool:
        """In a list item, a name right after the dash or after "Country," is a place."""
        if i == 0:
            return False
        prev = scan.words[i - 1]
        if prev in ("-", "•", "–") and (i < 2 or "\n" in scan.words[i - 2]):
            return True
        if prev == "," and i >= 2:
            return _names_country(scan.words[i - 2])
        if prev == "/" and i >= 2:
            return True
        return False

    def _remember_names(self, scan: _Scan, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """One name, one reading per document: a city name the gazetteer lacks,
        found in a clear context, is marked wherever the same words recur."""
        table = scan.table
        names = {
            text
            for start, end, label in found
            if label == CITY
            and (text := table.span_text(start, end)) not in self.gazetteer
            and self.gazetteer.zipf(text) < _vocab()["zipf"]
        }
        if not names:
            return found
        starts = {start for start, _, _ in found}
        # inside a longer name found already it is part of that name: "Musterau-Beispielfeld" stays
        # one merged town where the text names its part "Ortsteil Beispielfeld" too (a longer
        # remembered name still replaces a shorter one found: "Nowe Miasto Lubawskie" over "Nowe Miasto")
        def inside(first: int, last: int) -> bool:
            return any(start <= first and last <= end and end - start > last - first for start, end, _ in found)
        hits: list[tuple[int, int, int, int]] = []  # (token, name order, start, end)
        for order, name in enumerate(names):
            pos = table.text.find(name)
            while pos >= 0:
                bounds = table.char_span(pos, pos + len(name))
                if (
                    bounds
                    and bounds[0] not in starts
                    and not inside(bounds[0], bounds[1])
                    and _starts_name(scan.words[bounds[0]])
                ):
                    if not any(scan.blocked[bounds[0] : bounds[1]]):
                        hits.append((bounds[0], order, *bounds))
                pos = table.text.find(name, pos + 1)
        if not hits:
            return found
        extra = [(start, end, CITY) for _, _, start, end in sorted(hits)]
        kept = [f for f in found if not any(e[0] < f[1] and f[0] < e[1] for e in extra)]
        return sorted(kept + extra, key=lambda f: f[0])

    def _join_neighbours(self, scan: _Scan, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A double name of neighbouring places is one body: a merged municipality or
        district ("Musterau-Beispielfeld", "Landkreis Nordheim-Südstadt"), when the
        two parts, joined by a hyphen without spaces, lie within ``_NEIGHBOURS_KM`` of
        each other in one country. Two distant places so written stay two ("Bad
        Kissingen-Chur", a project of two towns)."""
        words, spaced, table = scan.words, scan.spaced, scan.table
        by_start = {start: (end, label) for start, end, label in found}
        joined: list[tuple[int, int, str]] = []
        skip_to = -1
        for start, end, label in found:
            if start < skip_to:
                continue
            j = end + 1
            if label == COUNTRY or j >= scan.n or words[end] != "-" or spaced[end - 1] or spaced[end]:
                joined.append((start, end, label))
                continue
            second = by_start.get(j)
            second_end = second[0] if second else j + 1
            if second is None and (not _starts_name(words[j]) or scan.blocked[j]):
                joined.append((start, end, label))
                continue
            if second_end < scan.n and words[second_end] == "-" and not spaced[second_end - 1]:
                joined.append((start, end, label))  # "A-B-Kreis", "A-B-Museum": not two places' double name
                continue
            firsts = self._lookup_span(table, start, end, label)
            seconds = _lookup_with_variants(table.span_text(j, second_end))[0]
            titled = start > 0 and words[start - 1] in _vocab()["city"]
            second_zipf = self.gazetteer.zipf(words[j])
            town_like = label == CITY and second_zipf < _UNKNOWN_WORD_ZIPF and _place_name_ending(words[j])
            # "Gemeinde Musterau-Beispielfeld": after a municipal word, one body's double name however
            # far apart namesakes of its parts lie (not "Stadt Musterau-Sachsen", a town and its state)
            double_name = titled and label == CITY and words[start - 1] not in _PARTNER_WORDS
            double_name = double_name and all(b.label == CITY for b in seconds)
            if not seconds and (town_like or (titled and second_zipf < _vocab()["zipf"])):
                # "Gemeinde Musterau-Kleindorf", "Musterau-Kleindorfs Partnerstadt": a double name
                # whose second part is no listed place and no German word but shaped like a
                # town's name: a merged municipality
                joined.append((start, second_end, label))
                skip_to = second_end
            elif double_name or any(
                _near(a, b) for a in firsts for b in seconds if a.label != COUNTRY and b.label != COUNTRY
            ):
                joined.append((start, second_end, label))
                skip_to = second_end
            else:
                joined.append((start, end, label))
        return joined

    # -- resolution ------------------------------------------------------------
    def _resolve(self, table: TokenTable, found: list[tuple[int, int, str]]) -> list[Place | None]:
        """The place each span names."""
        vocab = _vocab()
        countries = [
            (start, end, self._country_of(table, start, end, label)) for start, end, label in found if label == COUNTRY
        ]
        # in text order, starts and ends alike (spans never overlap): a window of them is two bisections
        c_starts, c_ends = [c[0] for c in countries], [c[1] for c in countries]
        # the place each country qualifies ("Y (Polen)", "Y, Polen"): its start, or None
        f_starts = [f[0] for f in found]
        qualified = {c: self._qualified_by(table, found, f_starts, c) for c in c_starts}
        resolved: list[Place | None] = []
        for start, end, label in found:
            candidates = self._lookup_span(table, start, end, label)
            wanted = [p for p in candidates if p.label == label] or list(candidates)
            if not wanted:
                resolved.append(None)
                continue
            near = countries[
                bisect_left(c_starts, start - _COUNTRY_WINDOW) : bisect_right(c_starts, start + _COUNTRY_WINDOW)
            ]
            nearby = {code for _, _, code in near if code}
            after = [  # "X (Land)", "X, Land", "X in Land"; not "X liegen in Land"
                c
                for c in countries[bisect_left(c_starts, end) : bisect_right(c_starts, end + 2)]
                if all(w in ("(", ",", "-", "–", "/", "[", "in", "im") for w in table.words[end : c[0]] if w.strip())
            ]
            before = [  # "Land: X", "Land - X"; not "... (Land). X" nor "A in Land, X in ..."
                c
                for c in countries[bisect_left(c_ends, start - 2) : bisect_right(c_ends, start)]
                if all(w in (":", "-", "–") for w in table.words[c[1] : start] if w.strip())
                or all(w == "," for w in table.words[c[1] : start] if w.strip()) and _opens_line(table, c[0])
            ]
            adjacent = {code for _, _, code in after + before if code}
            in_context = [p for p in wanted if p.country in nearby]
            if not in_context and table.words[start] in vocab["home_district"]:
                # "(Oblast X / Kreis Y)": a district named beside places abroad lies with them
                beside = {
                    place.country
                    for (s, _, _), place in zip(found[: len(resolved)], resolved, strict=True)
                    if place is not None and s >= start - _COUNTRY_WINDOW
                }
                in_context = [p for p in wanted if p.country in beside - HOME_COUNTRIES] or [
                    p for p in wanted if p.country in HOME_COUNTRIES
                ]
            if in_context and not adjacent and (label == CITY or table.words[start] in vocab["home_district"]):
                # "... mit Springfield (USA). Musterberg ist ...": a country named in the sentence
                # before does not move a town at home to a hamlet of its name there, nor a
                # "Landkreis X" over a list of partners abroad to a town there
                at_home = [p for p in wanted if lies_at_home(p) and p.population >= vocab["town"]]
                # "A – B (Polen)": a country that qualifies another name is no context of A's
                elsewhere = all(qualified[c[0]] not in (None, start) for c in near)
                factor = 1 if elsewhere else 10
                if at_home and max(p.population for p in in_context) * factor < max(p.population for p in at_home):
                    in_context = at_home
            pool = in_context or wanted
            if label == CITY and adjacent and not any(p.country in adjacent for p in wanted):
                pool = []  # "X (Land)": the text puts it elsewhere than any gazetteer entry
            best = max(pool, key=lambda p: (p.population, -(p.geonames_id or 0))) if pool else None
            if best is not None and not in_context and not adjacent:
                best = _own_name_at_home(pool, table.span_text(start, end)) or best
            resolved.append(best)
        return _short_forms_as_named_in_full(table, found, resolved)

    @staticmethod
    def _qualified_by(
        table: TokenTable, found: list[tuple[int, int, str]], starts: list[int], country_start: int
    ) -> int | None:
        """The start of the place a country right after it qualifies ("Y (Polen)", "Y, Polen"), or None."""
        k = bisect_right(starts, country_start - 1) - 1
        while k >= 0 and found[k][2] == COUNTRY:
            k -= 1
        if k < 0 or country_start - found[k][1] > 2:
            return None
        between = [w for w in table.words[found[k][1] : country_start] if w.strip()]
        return found[k][0] if all(w in ("(", ",", "/") for w in between) else None

    @staticmethod
    def _lookup_span(table: TokenTable, start: int, end: int, label: str) -> tuple[Place, ...]:
        vocab = _vocab()
        words = table.words
        first = start
        # drop administrative words: "Landkreis Musterland" -> "Musterland"
        while first < end and (
            words[first] in vocab["region"] or words[first] in vocab["weak_region"] or words[first] in "()"
        ):
            first += 1
        if first == end:
            return ()
        found, _ = _lookup_with_variants(table.span_text(first, end))
        if not found and end - first > 1 and label == CITY and words[first] != "Bad":
            # a spa town "Bad X" is not the village X; other unknown names fall back to a part
            found, _ = _lookup_with_variants(words[end - 1])
            if not found:
                found, _ = _lookup_with_variants(words[first])
        return found

    def _country_of(self, table: TokenTable, start: int, end: int, label: str) -> str | None:
        places = [p for p in self._lookup_span(table, start, end, label) if p.label == COUNTRY]
        return max(places, key=lambda p: p.population).country if places else None


_ROW_SEPARATORS = {",", "(", "–", "-", "|", ":"}

# words before a city whose district is named by a number after it ("Stadtbezirk Praha 9")
_NUMBERED_PART_WORDS = frozenset({"stadtbezirk", "stadtbezirks", "stadtteil", "arrondissement", "distrikt"})
_DISTRICT_NUMBER = re.compile(r"\d{1,2}|[IVX]{1,5}")


_FULL_NAME_JOINERS = frozenset({"in", "an", "am", "im", "bei", "ob", "("})


def _short_forms_as_named_in_full(
    table: TokenTable, found: list[tuple[int, int, str]], resolved: list[Place | None]
) -> list[Place | None]:
    """A short name that no place bears itself names the town the page names in full:
    "Neumarkt" beside "Neumarkt in der Oberpfalz" is that town, not the largest of the
    places so shortened (and so never that town's partner). A place of the short name
    itself may be the full one's namesake partner ("Musterbach" and "Musterbach am See");
    where the page names several towns of that head ("Neustadt an der Aisch", "Neustadt in
    Holstein"), the short name is one of them: as resolved, or else the larger."""
    words = table.words
    full: dict[str, set[Place]] = {}
    for (start, end, label), place in zip(found, resolved, strict=True):
        if label == CITY and place is not None and end - start >= 3 and words[start + 1] in _FULL_NAME_JOINERS:
            full.setdefault(words[start], set()).add(place)
    if not full:
        return resolved
    out = list(resolved)
    for k, (start, end, label) in enumerate(found):
        named = full.get(words[start]) if end - start == 1 and label == CITY else None
        if named is not None and len(named) > 1 and out[k] not in named:
            # "Musterbach am See" and "Musterbach an der Aue" on one page: "Musterbach" is one of
            # them (the larger, as any reading), not a city elsewhere that also goes by the name
            out[k] = max(named, key=lambda p: (p.population, -(p.geonames_id or 0)))
            continue
        if named is None or len(named) != 1:
            continue
        short = fold_name(words[start])
        if not any(fold_name(p.name) == short for p in PlaceRecognizer._lookup_span(table, start, end, label)):
            out[k] = next(iter(named))
    return out


_LINE_DATE_WORDS = frozenset({",", "seit", "ab", "-", "–", ".", "(", ")"})


def _dated_line_end(scan: _Scan, k: int) -> bool:
    """The line ends at token ``k`` or after a few tokens of a date ("X (Frankreich), seit
    1990"): a partner line of its own, whose first word is its partner's name."""
    for j in range(k, min(scan.n, k + 6)):
        word = scan.words[j]
        if "\n" in word:
            return True
        if word not in _LINE_DATE_WORDS and not word.isdigit():
            return False
    return k + 6 > scan.n


def _region_added(table: TokenTable, i: int, end: int, places: tuple[Place, ...]) -> bool:
    """ "Brixen in Südtirol": a window that only an alternate name spells, whose first word
    alone names the same place abroad: the words after it say where it lies. At home an
    official name keeps its "in Y" ("Micheldorf in Oberösterreich")."""
    words = table.words
    if end - i < 3 or words[i + 1] not in ("in", "im"):
        return False
    window = fold_name(table.span_text(i, end))
    if any(fold_name(p.name) == window or p.country in HOME_COUNTRIES for p in places):
        return False  # a German, Austrian or Swiss name's "in Y" tells namesakes apart ("Weilheim in Oberbayern")
    ids = {p.geonames_id for p in places if p.geonames_id}
    short, _ = _lookup_with_variants(words[i])
    return bool(ids & {p.geonames_id for p in short})


def _opens_line(table: TokenTable, k: int) -> bool:
    """Whether token ``k`` opens its line (after a bullet at most): "- Frankreich, X"."""
    j = k - 1
    while j >= 0 and table.words[j] in ("-", "–", "•", "*", "|"):
        j -= 1
    return j < 0 or "\n" in table.words[j]


def _own_name_at_home(pool: list[Place], text: str) -> Place | None:
    """A town at home whose own name the text is, where the largest reading is a city
    abroad known by that name only as one of its alternate names: "Cham" is the Bavarian
    town, not Damascus (whose French name it is). A hamlet at home does not count
    ("Straßburg" stays Strasbourg); a town is the lexicon's ``town_population``."""
    folded = fold_name(text)
    own = [
        p for p in pool
        if p.label == CITY and lies_at_home(p) and p.population >= _vocab()["town"] and fold_name(p.name) == folded
    ]  # fmt: skip
    if not own:
        return None
    biggest = max(pool, key=lambda p: p.population)
    return None if fold_name(biggest.name) == folded else max(own, key=lambda p: p.population)


_PARTNER_WORDS = frozenset({"Partnerstadt", "Partnergemeinde", "Partnerstädte", "Partnergemeinden"})


def _own_name(text: str) -> bool:
    """Some place's main name is this text (not only an alternate name of one)."""
    places, looked_up = _lookup_with_variants(text)
    return any(fold_name(p.name) == fold_name(looked_up) for p in places)


def _list_block_peers(scan: _Scan, pending: list[_Candidate]) -> set[int]:
    """Pending towns that open a line of a bare list whose other lines open with places:
    " Rennes, Frankreich, seit 1964 / Jena, Thüringen, seit 1987 / Kalisz, Polen" (a list
    without bullets, as an encyclopedia's flags leave it). A town whose name is also a
    common word is then one more row of the list; two other rows must vouch for it."""
    table = scan.table
    text, starts = table.text, table.starts

    def row(cand: _Candidate) -> tuple[int, int] | None:
        """(line start, line end) if the candidate opens its line and a separator follows it."""
        if cand.label == COUNTRY or cand.end >= scan.n or scan.words[cand.end] not in _ROW_SEPARATORS:
            return None
        begin = text.rfind("\n", 0, starts[cand.start]) + 1
        if text[begin : starts[cand.start]].strip(" \t-•–*"):
            return None
        end = text.find("\n", starts[cand.start])
        end = len(text) if end < 0 else end
        return (begin, end) if end - begin <= 100 else None

    lone = [(r, c) for c in pending if (r := row(c))]
    if not lone:
        return set()
    rows = sorted(r for c in scan.accepted if (r := row(c)))
    found: set[int] = set()
    while True:
        # a row vouched for vouches in turn: "Musterau – X / Musterau – Y / Z – W / Z – V", the first
        # row's neighbour is the second, itself pending until the rows after it vouch for it
        vouched = _vouched_rows(text, rows, [(r, c) for r, c in lone if id(c) not in found])
        if not vouched:
            return found
        found |= {id(c) for _, c in vouched}
        rows = sorted(rows + [r for r, _ in vouched])


def _headings_over_partners(scan: _Scan, pending: list[_Candidate]) -> set[int]:
    """Pending towns at home alone on their line, right above a line that opens with a
    place qualified by its country ("Musterau" over "Springfield (Frankreich), seit 1980"):
    an overview's heading per town over its partners. A town whose name is also a word
    ("Spalt", a gap) is that heading here; a word that only a hamlet or a quarter's other
    name spells stays a word."""
    table, words = scan.table, scan.words
    text, starts = table.text, table.starts
    opening = {starts[c.start]: c for c in scan.accepted if c.label == CITY}
    found: set[int] = set()
    for cand in pending:
        if cand.label != CITY or not _alone_on_line(scan, cand.start, cand.end):
            continue
        below = _next_line_start(text, table.ends[cand.end - 1])
        partner = opening.get(below) if below is not None else None
        if (
            partner is None
            or partner.end + 1 >= scan.n
            or words[partner.end] not in ("(", ",")
            or not _names_country(words[partner.end + 1])
        ):
            continue
        name = fold_name(table.span_text(cand.start, cand.end))
        if any(
            lies_at_home(p) and p.population >= _HAMLET and fold_name(p.name) == name
            for p in PlaceRecognizer._lookup_span(table, cand.start, cand.end, CITY)
        ):
            found.add(id(cand))  # a town of its own name ("Rathaus" names only a city quarter)
    return found


_PAIR_DASHES = ("–", "-", "—")


def _pair_headings(scan: _Scan, pending: list[_Candidate]) -> set[int]:
    """Pending towns at home that open a line "X – Y" whose other side is an accepted town
    abroad, on a page with a partnership word ("Musterau – Springfield" heading the section
    on that pair): the pair's holder, whatever else its name spells."""
    table, words = scan.table, scan.words
    dashed = [c for c in pending if c.label == CITY and c.end + 1 < scan.n and words[c.end] in _PAIR_DASHES]
    if not dashed:
        return set()
    cities = {c.start: c for c in scan.accepted if c.label == CITY}
    found: set[int] = set()
    for cand in dashed:
        partner = cities.get(cand.end + 1)
        if partner is None or not _alone_on_line(scan, cand.start, partner.end):
            continue
        if _at_home(table, cand) and not _at_home(table, partner) and any(strong_kind(w) for w in table.lower):
            found.add(id(cand))
    return found


def _at_home(table: TokenTable, cand: _Candidate) -> bool:
    """The candidate's name is a town at home of some size (not only a hamlet's)."""
    name = fold_name(table.span_text(cand.start, cand.end))
    return any(
        lies_at_home(p) and p.population >= _HAMLET and fold_name(p.name) == name
        for p in PlaceRecognizer._lookup_span(table, cand.start, cand.end, CITY)
    )


def _next_line_start(text: str, pos: int) -> int | None:
    """Where the first non-blank line after the line holding ``pos`` starts its text,
    after a bullet ("- Springfield (Frankreich)")."""
    line_end = text.find("\n", pos)
    if line_end < 0:
        return None
    rest = text[line_end:]
    stripped = rest.lstrip()
    if stripped[:1] in _BULLETS:
        stripped = stripped[1:].lstrip(" \t")
    return len(text) - len(stripped) if stripped else None


_BULLETS = ("-", "•", "*", "–", "·")


def _vouched_rows(
    text: str, rows: list[tuple[int, int]], lone: list[tuple[tuple[int, int], _Candidate]]
) -> list[tuple[tuple[int, int], _Candidate]]:
    """The lone rows with at least two accepted rows next to them, nothing but blank lines between."""
    found = []
    for (begin, end), cand in lone:
        peers = 0
        # the accepted rows just before and after, with nothing but blank lines between
        k = bisect_left(rows, (begin, end))
        edge = begin
        for r_begin, r_end in reversed(rows[:k]):
            if text[r_end:edge].strip():
                break
            peers, edge = peers + 1, r_begin
        edge = end
        for r_begin, r_end in rows[k:]:
            if text[edge:r_begin].strip():
                break
            peers, edge = peers + 1, r_end
        if peers >= 2:
            found.append(((begin, end), cand))
    return found


_CAPITALS_HEADING_WORDS = 6


def _capitals_heading(line: str) -> bool:
    """A short line in capitals ("NIORT, FRANKREICH", "PARTNERSTADT NIORT"): a heading set
    in capitals, whose names are read as a list item's are."""
    words = line.split()
    return (
        0 < len(words) <= _CAPITALS_HEADING_WORDS
        and line.isupper()
        and any(len(w) >= 4 and w.isalpha() for w in words)
    )


_BEZIRK = frozenset({"Bezirk", "Bezirks", "Bezirkes"})
_HAMLET = 1000  # fewer inhabitants than this: a place no text names as another town's qualifier


_POSTCODE_WORD = re.compile(r"(?:D-)?\d{5}|(?:A|CH)-\d{4}")  # a German, Austrian or Swiss postcode

_LOCATING_REGION_WORDS = frozenset(
    {"Département", "Departement", "Provinz", "Region", "Woiwodschaft", "Kanton", "Bezirk", "Landkreis", "Kreis"}
)


def _partner_located_after(scan: _Scan, i: int) -> bool:
    """ "mit X in Frankreich", "mit X im Département Y", "mit X in der Provinz Y", "mit X aus
    der Region Y", "mit X in Niedersachsen": a word after "mit" located by a country, an
    administrative region or a region the gazetteer knows right after it."""
    words, n = scan.words, scan.n
    if i == 0 or words[i - 1] != "mit" or i + 2 >= n or words[i + 1] not in ("in", "im", "aus"):
        return False
    k = i + 2
    if words[i + 1] in ("in", "aus") and words[k] in ("der", "dem") and k + 1 < n:
        k += 1
    if words[k] in _LOCATING_REGION_WORDS:
        return True
    # "mit X in Frankreich", "mit X in Niedersachsen", "mit X in der Normandie": a state or a region
    return words[i + 1] != "im" and (
        k == i + 2 and _names_country(words[k])
        or _starts_name(words[k]) and any(p.label == REGION for p in load_gazetteer().lookup(words[k]))
    )


def _capitals_heading_tokens(table: TokenTable) -> list[bool]:
    """Tokens on a short line set in capitals: its names are read as if written normally."""
    text = table.text
    flags = [False] * len(table)
    start = 0
    while start <= len(text):
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        if _capitals_heading(text[start:stop]):
            for t in range(bisect_right(table.starts, start - 1), bisect_right(table.starts, stop - 1)):
                flags[t] = True
        start = stop + 1
    return flags


def _list_line_tokens(table: TokenTable) -> list[bool]:
    """Tokens on a list-item line ("- X", "* X", "• X") or a table row ("X | Y | 1975", or
    cells between tabs):
    a name alone in its item or cell is what the list or table is about."""
    text = table.text
    n = len(table)
    flags = [False] * n
    line_starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        line_starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    for k, start in enumerate(line_starts):
        head = text[start : start + 3].lstrip()
        stop = line_starts[k + 1] if k + 1 < len(line_starts) else len(text) + 1
        bulleted = head[:1] in ("-", "•", "–") and head[1:2] == " "
        row = text.count("|", start, stop) >= 2 or text.count("\t", start + 1, stop - 1) >= 2  # cells
        if not bulleted and not row:
            continue
        # the tokens whose line (the last line break before their start) is this one
        first = bisect_right(table.starts, start - 1)
        last = bisect_right(table.starts, stop - 1)
        for t in range(first, last):
            flags[t] = True
    return flags
