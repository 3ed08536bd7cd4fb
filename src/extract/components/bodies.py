"""Names of bodies and the partnership words: shared by the home, structure and
partnership components.

* ``canonical_name``: a place span's name with inflection undone;
* ``name_key`` / ``body_keys``: one identity per body across spellings;
* ``keyword_category`` / ``strong_kind``: the partnership kind a word names;
* ``HomeBody`` / ``TextBefore``: the home as plain data, and what one window of
  a long text passes on to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from ..gazetteer import CITY, COUNTRY, REGION, Place, load_gazetteer
from ..lexicon import load_lexicon
from ..text import fold_name
from .extensions import WORD_CACHE_SIZE, span_text


@dataclass(frozen=True)
class HomeBody:
    """The home of a text as plain data (no spans): its body key, its names (most
    used first) and its place."""

    key: str
    names: tuple[str, ...]
    place: Place | None = None


@dataclass(frozen=True)
class TextBefore:
    """What the windows before this one of a long text established
    (``doc._.text_before``): its home, for a window whose own text names none,
    and whether the text is about twinning, for a window whose own text does not
    say so again. Each window's Doc gives its own as ``doc._.home_body`` and
    ``doc._.about_twinning``."""

    home: HomeBody | None = None
    about_twinning: bool = False


@lru_cache(maxsize=1)
def lex() -> dict:
    return load_lexicon()


# prefixes of nouns that call a town a partner (lexicon ``partner_town_nouns``), for ``startswith``
PARTNER_TOWN_NOUNS: tuple[str, ...] = tuple(lex()["partnerships"]["partner_town_nouns"])


@lru_cache(maxsize=1)
def region_word_bases() -> dict[str, str]:
    words = lex()["places"]["region_words"] + lex()["places"]["weak_region_words"]
    bases = {}
    for word in words:
        for ending in ("es", "en", "s", ""):
            if word.endswith(ending) and ending and word[: -len(ending)] in words:
                bases[word] = word[: -len(ending)]
                break
        else:
            bases[word] = word
    return bases


@lru_cache(maxsize=1)
def above_district_words() -> frozenset[str]:
    """Administrative words of bodies above a district ("Kanton", "Bundesland", "Freistaat")."""
    return frozenset(lex()["home"]["not_home_region_words"])


def names_district(text: str) -> bool:
    """A region's name that says it is a district or association: "Landkreis X",
    "Amt X", "X-Y-Kreis", "X-Kreis Y" (not "Bayern", "Provence", "Freistaat Bayern":
    a body above a district)."""
    first = text.split(" ")[0]
    if first in above_district_words():
        return False
    # "Vogelsbergkreis": the place rules mark such a word a region only as a district's name
    return first in region_word_bases() or first.endswith(("-Kreis", "-Kreises", "kreis", "kreises"))


def canonical_name(span: Span) -> str:
    """The span's name with admin-word and genitive inflection undone:
    "Landkreises Musterland" -> "Landkreis Musterland", "Münchens" -> "München"; a name
    written in capitals as the gazetteer writes it ("SCHWABACH" -> "Schwabach")."""
    place = span._.place
    if span_text(span).isupper() and place is not None and fold_name(place.name) == fold_name(span_text(span)):
        return place.name  # "SCHWABACH" in a dateline: the town's name as it is written
    bases = region_word_bases()
    words = span_text(span).split(" ")
    has_admin_word = len(words) > 1 and words[0] in bases
    if has_admin_word:
        words[0] = bases[words[0]]
    text = " ".join(words)
    if text.endswith(("-Kreises", "kreises")):
        return text[:-2]  # "des Musterau-Beispiel-Kreises", "des Vogelsbergkreises"
    if span.label_ == COUNTRY or not text.endswith("s") or text.endswith("ss"):
        return text
    gazetteer = load_gazetteer()
    name = " ".join(words[1:]) if has_admin_word else text
    if name in gazetteer:
        return text
    for cut in (2, 1) if text.endswith("es") else (1,):
        if name[:-cut] in gazetteer:
            return text[:-cut]
    return text


def name_key(span: Span) -> str:
    """Identity of the body a place span names by its name: folded, without
    administrative word; regions and cities apart ("Landkreis X" is not "Stadt X")."""
    words = canonical_name(span).split(" ")
    is_region = len(words) > 1 and words[0] in region_word_bases().values()
    if is_region:
        words = words[1:]
    if span.label_ == REGION:
        place: Place | None = span._.place
        if place is not None:  # one identity across spellings, OCR slips included
            return "region:" + fold_name(place.name)
        return "region:" + fold_name(" ".join(w for w in words if w not in ("(", ")")))
    return "name:" + fold_name(" ".join(w for w in words if w not in ("(", ")")))


def body_keys(spans: list[Span]) -> dict[tuple[int, int], str]:
    """Key of each place span: its name key, unified across spellings of one
    GeoNames place ("Pressburg" and "Bratislava") in the document, and told apart for
    a namesake in another country that the text names with its country."""
    by_geo: dict[int, str] = {}
    country_of: dict[str, str] = {}  # the country of the first town each name key was given to
    keys = {}
    for span in spans:
        key = name_key(span)
        place: Place | None = span._.place
        if place is not None and place.geonames_id and span.label_ == CITY:
            first = country_of.setdefault(key, place.country or "")
            if first != place.country and place.geonames_id not in by_geo and _told_apart(span):
                # "Rheinfelden (Baden)" and "Rheinfelden in der Schweiz": namesakes partner each other
                key = f"{key}@{(place.country or '').lower()}"
            key = by_geo.setdefault(place.geonames_id, key)
        keys[(span.start, span.end)] = key
    return keys


def _told_apart(span: Span) -> bool:
    """A town named so that its reader knows which namesake it is: with its country right
    after it ("X in der Schweiz", "X (Schweiz)", "X/Schweiz")."""
    doc = span.doc
    for tok in doc[span.end : span.end + 4]:
        if tok.ent_type_ == COUNTRY:
            return True
        if tok.text not in ("(", "/", ",", "in", "der", "den", "im") and not tok.is_space:
            return False
    return False


@lru_cache(maxsize=1)
def _keyword_prefixes() -> list[tuple[str, str]]:
    words = lex()["partnerships"]
    pairs = [(w, kind) for kind in ("project", "partnership", "cooperation", "friendship", "weak") for w in words[kind]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _not_partnership() -> tuple[str, ...]:
    return tuple(lex()["partnerships"]["not_partnership"])


@lru_cache(maxsize=1)
def _twinning_terms() -> tuple[str, ...]:
    return tuple(lex()["partnerships"]["twinning_terms"])


@lru_cache(maxsize=1)
def _municipal_words() -> frozenset[str]:
    places = lex()["places"]
    words = places["city_words"] + places["plural_region_words"] + places["region_words"] + places["weak_region_words"]
    return frozenset(w.lower() for w in words if w.lower() not in ("land", "landes", "region", "regionen"))


@lru_cache(maxsize=1)
def _twinning_pattern() -> re.Pattern[str]:
    """A twinning-only word at a word start."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _twinning_terms())) + ")")


def about_twinning(lower_words: list[str], sentence_bounds: list[tuple[int, int]]) -> bool:
    """Whether a document (its lower-cased tokens) is about municipal partnerships:
    a word only town twinning uses, or a partnership word in a sentence with a
    municipal word ("Partnerschaft mit der Stadt X", "zwischen Landkreisen")."""
    if _twinning_pattern().search(" ".join(lower_words)):
        return True
    municipal = _municipal_words()
    for start, end in sentence_bounds:
        words = lower_words[start:end]
        # the set test first: it is cheap, and few sentences of off-topic text pass it
        if not municipal.isdisjoint(words) and any(keyword_category(w) == "partnership" for w in words):
            return True
    return False


@lru_cache(maxsize=1)
def _keyword_matchers() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Keyword prefixes as one alternation, longest first (a regular expression
    tries alternatives in order, so the first prefix that matches wins, as a
    loop over the sorted list would find it), the excluded words likewise, and
    each prefix's category."""
    prefixes = _keyword_prefixes()
    categories: dict[str, str] = {}
    for prefix, category in prefixes:
        categories.setdefault(prefix, category)
    keywords = re.compile("|".join(re.escape(prefix) for prefix, _ in prefixes))
    excluded = re.compile("|".join(map(re.escape, _not_partnership())) or r"(?!)")
    return keywords, excluded, categories


@lru_cache(maxsize=WORD_CACHE_SIZE)
def keyword_category(word: str) -> str | None:
    """The category of the longest keyword prefix of a lower-cased word."""
    keywords, excluded, categories = _keyword_matchers()
    if excluded.match(word):
        return None
    found = keywords.match(word)
    return categories[found.group()] if found else None


def states_bond(words: list[str], friendship: bool = False) -> bool:
    """ "partnerschaftlich verbunden", "partnerschaftliche Beziehungen": a weak adjective
    right before a word of a bond (lower-cased words of one sentence); with
    ``friendship``, "freundschaftlich verbunden"."""
    words_lex = lex()["partnerships"]
    prefix = "friendship_" if friendship else ""
    adjectives, bonds = tuple(words_lex[prefix + "bond_adjectives"]), tuple(words_lex[prefix + "bond_words"])
    return any(
        w.startswith(adjectives) and any(x.startswith(bonds) for x in words[k + 1 : k + 3])
        for k, w in enumerate(words)
    )


def strong_kind(word: str) -> str | None:
    """The partnership kind a lower-cased word names; None for weak and other words."""
    category = keyword_category(word)
    return None if category == "weak" else category


# where the publishing bodies this tool reads are: Germany, Austria, Switzerland,
# Liechtenstein, Luxembourg, and the German-speaking parts of Belgium and Italy
# (``lies_at_home``)
HOME_COUNTRIES = frozenset({"DE", "AT", "CH", "LI", "LU"})


@lru_cache(maxsize=1)
def _german_speaking_areas() -> list[tuple[str, float, float, float, float]]:
    areas = lex()["home"]["german_speaking_areas"]
    return [(a["country"], *a["lat"], *a["lon"]) for a in areas.values()]


def lies_at_home(place: Place) -> bool:
    """A place where German-language municipal pages are published: a home country, or
    a German-speaking area of another (South Tyrol, East Belgium), by its coordinates."""
    if place.country in HOME_COUNTRIES:
        return True
    if place.lat is None or place.lon is None:
        return False
    return any(
        place.country == country and lat0 <= place.lat <= lat1 and lon0 <= place.lon <= lon1
        for country, lat0, lat1, lon0, lon1 in _german_speaking_areas()
    )


def given_home_body(name: str) -> HomeBody:
    """The home a caller names ("Musterstadt", "Landkreis Musterland"), as a body:
    the largest place of that name at home, if the gazetteer has one."""
    words = name.split()
    district = len(words) > 1 and names_district(name)
    bare = " ".join(words[1:]) if district else name
    places = [p for p in load_gazetteer().lookup(bare) if lies_at_home(p)]
    place = max(places, key=lambda p: p.population) if places else None
    key = ("region:" if district else "name:") + fold_name(bare)
    return HomeBody(key, (name,), place)


def resolved_at_home(span: Span) -> bool:
    """The place the span was resolved to lies at home (an unresolved name does not
    count: compare ``could_be_at_home``)."""
    place = span._.place
    return place is not None and lies_at_home(place)


_DWARFED = 50  # a foreign reading this many times larger than every namesake at home is the one meant


def mostly_abroad(span: Span) -> bool:
    """The name's reading abroad is a city that dwarfs its namesakes at home: "Straßburg"
    is Strasbourg, not the Carinthian market town, unless the text says otherwise."""
    place = span._.place
    if place is None or lies_at_home(place) or place.label != CITY or place.population < 100_000:
        return False
    at_home = [p.population for p in load_gazetteer().lookup(span_text(span)) if lies_at_home(p)]
    return bool(at_home) and max(at_home) * _DWARFED < place.population


def could_be_at_home(span: Span) -> bool:
    """Whether the place lies in a home country on any reading of its name: the place
    rules may have chosen a namesake abroad because a country was named nearby
    ("Stadt X" over a list of French partners)."""
    place = span._.place
    if place is None:
        return not named_abroad(span)
    if lies_at_home(place):
        return True
    return any(lies_at_home(p) for p in load_gazetteer().lookup(span_text(span)))


@lru_cache(maxsize=1)
def _foreign_region_words() -> frozenset[str]:
    return frozenset(lex()["places"]["foreign_region_words"])


def named_abroad(span: Span) -> bool:
    """ "Powiat Kaliski", "Județ Musterești": a region whose administrative word only
    other countries use, whether or not the gazetteer knows the name."""
    first = span_text(span).split(" ", 1)[0]
    return first in _foreign_region_words()
