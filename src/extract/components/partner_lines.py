"""Partners named by the page's structure: list items and sub-headings.

Most partnership pages are lists. A line names a partner when it is nothing
but the partner's name with what qualifies it, in one of the forms such
pages use::

    1960 Springfield - Frankreich          year, name, country
    Springfield – Frankreich (Normandie). Seit 1985
    Springfield, Frankreich                 a sub-heading; prose follows
    Springfield [FR]
    - Frankreich, Springfield               the country first
    Springfield (früher Oldtown) - Frankreich
    Partnerschaft mit der Stadt Springfield / Frankreich
    Städtefreundschaft Springfield seit 1988
    Ogdenville-Springfield (seit 05. Mai 2001)   a pair line: both sides named

Any other word on the line (a verb, a noun) makes it prose, not a list entry:
"Magistrat der Stadt Springfield" or "Springfield hat folgende Partnerstädte:"
are not partner lines. A partner line counts inside a partnership scope (under
a heading or lead-in with a partnership word, until a heading that has neither
a place nor such a word) or when it carries a partnership word itself or in
the line after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import CITY, COUNTRY, REGION, load_gazetteer
from ..lexicon import load_lexicon
from .bodies import (
    about_twinning,
    could_be_at_home,
    lex,
    name_key,
    names_district,
    resolved_at_home,
    states_bond,
    strong_kind,
)
from .extensions import UsesGazetteer, doc_text
from .places import country_codes
from .structure import HEADING, ITEM, LEAD_IN, PARAGRAPH, Block

_TOKEN = re.compile(r"\w[\w.'’]*|[^\w\s]")
# words a list line may hold besides names, dates and punctuation
_LINE_WORDS = {"seit", "von", "bis", "und", "ab", "im", "in", "jahr", "jahre", "am", "vom", "den", "dem", "der"}
# in parentheses after the name, these make the place named there the successor:
# "X (seit 2007 zur Y Kommune zugeordnet)", "X (heute Y)"
_SUCCESSOR_WORDS = {"zur", "zum", "heute", "jetzt", "eingemeindet", "zugeordnet", "aufgegangen", "gehört", "fusioniert"}
_AFTER_NAME_WORDS = {"kommune", "gemeinde", "municipality", "commune", "gmina", "kommun"}
_ALIAS_WORDS = {"früher", "ehemals", "vormals", "ehemalig", "ehemalige", "bis", "heute", "jetzt", "auch", "alt"}
_ARTICLES = {"der", "dem", "den", "die", "des"}
_LIST_PART_OPENERS = {"mit", "eine", "ein", "einer"}
_BODY_WORDS = {
    "stadt", "gemeinde", "marktgemeinde", "kommune", "ortsgemeinde", "städtchen", "markt", "stadtgemeinde",
    "flecken", "stadtbezirk", "bezirk", "ortsteil", "stadtteil",
    "gmina", "miasto", "obec", "město", "općina", "občina",  # "Gmina Musterow – Polen"
}  # fmt: skip
_DASHES = {"-", "–", "—"}
_PLACE = (CITY, REGION)

KindOf = Callable[[str], "str | None"]  # the partnership kind a lower-cased word names
EntsOf = Callable[[Block], "list[Span]"]  # the entities within a block
SplitPair = Callable[[Block, "list[Span]"], "tuple[Span, Span] | None"]


@dataclass
class PartnerLine:
    """A partner named by a list line or sub-heading (token spans)."""

    block: int
    partner: Span
    holder: Span | None = None  # a pair line's first side; else the scope's owner or the home
    aliases: list[Span] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)
    since: Span | None = None
    kind: str | None = None
    rule: str = ""
    country: Span | None = None  # a country line above it in the list ("- Frankreich")
    renamed: Span | None = None  # the date a successor took the partnership over


def _elements(doc: Doc, block: Block, ents: list[Span]) -> list[tuple[str, object]]:
    """The line as a stream of ("ent", Span) and ("word", lower-cased text)."""
    text = doc_text(doc)
    out: list[tuple[str, object]] = []
    pos = block.start
    for ent in ents:
        out += [("word", m.group(0).lower()) for m in _TOKEN.finditer(text, pos, ent.start_char)]
        out.append(("ent", ent))
        pos = ent.end_char
    out += [("word", m.group(0).lower()) for m in _TOKEN.finditer(text, pos, block.end)]
    return out


def parse_partner_line(doc: Doc, block: Block, ents: list[Span], kind_of: KindOf) -> PartnerLine | None:
    """The partner a line names, if the line is a list entry; else None.
    ``kind_of(word)`` gives the partnership kind of a word, or None."""
    items = _elements(doc, block, ents)
    i = 0
    line = PartnerLine(block=0, partner=None)  # type: ignore[arg-type]  # set below, or None is returned
    # a bullet, a leading year or date, "seit"
    while i < len(items) and items[i][0] == "word" and items[i][1] in {"-", "–", "—", "•", "·", "*", "+", "▪", "|"}:
        i += 1  # "|" opens a table row: "| Springfield | Frankreich | 1970 |"
    if _code_prefix(doc, block, items, i):
        i += 2  # "CZ-Springfield (seit 1990)": the country's code joined to the name
    if i < len(items) and items[i][0] == "word" and items[i][1] == "seit":
        i += 1
    if i < len(items) and items[i][0] == "ent" and items[i][1].label_ == "DATE":
        line.since = items[i][1]
        line.dates.append(items[i][1])
        i += 1
        while i < len(items) and items[i][0] == "word" and items[i][1] in {"-", "–", ":", ","}:
            i += 1
    # the parts of an inline list: "mit X in Frankreich", "eine Städtefreundschaft mit Y"
    while i < len(items) and items[i][0] == "word" and items[i][1] in _LIST_PART_OPENERS:
        i += 1
    # "Partnerschaft mit der Stadt X", "Städtefreundschaft X", "Partnerstadt X"
    if i < len(items) and items[i][0] == "word" and kind_of(items[i][1]):
        line.kind = kind_of(items[i][1])
        i += 1
        if i < len(items) and items[i][0] == "word" and items[i][1] in ("der", "des", "von", "unserer", "unseres"):
            return None  # "Partnergemeinden der Stadt X": X owns the list, it is no partner
        if i < len(items) and items[i] == ("word", "mit"):
            i += 1
        if i < len(items) and items[i][0] == "word" and items[i][1] in _ARTICLES:
            i += 1
        if i < len(items) and items[i][0] == "word" and items[i][1] in _BODY_WORDS:
            i += 1
    # "- Frankreich, X": the country first
    if (
        i + 2 < len(items)
        and items[i][0] == "ent"
        and items[i][1].label_ == COUNTRY
        and items[i + 1] in (("word", ","), ("word", ":"))
    ):
        i += 2
    elif (
        i + 1 < len(items)
        and items[i][0] == "ent"
        and items[i][1].label_ == COUNTRY
        and items[i + 1][0] == "ent"
        and items[i + 1][1].label_ == CITY
    ):
        i += 1  # "Frankreich Poitiers, Frankreich": an encyclopedia's flag before the town
    # country codes written in capitals on this line ("Springfield CZ"), lower-cased as the items are
    codes = {w.lower() for w in _CAPITALS.findall(doc_text(doc), block.start, block.end) if w in country_codes()}
    if (
        i + 1 < len(items)
        and items[i][0] == "word"
        and items[i][1] in codes
        and items[i + 1][0] == "ent"
        and items[i + 1][1].label_ == CITY
    ):
        i += 1  # "FR Poitiers – seit 1966": a flag's code before the town
    if i < len(items) and items[i][0] == "word" and items[i][1] in _BODY_WORDS:
        i += 1
        if i < len(items) and items[i] == ("word", ":"):
            i += 1  # "Stadt: Springfield", a card's field
    if i >= len(items) or items[i][0] != "ent" or items[i][1].label_ not in _PLACE:
        return None
    line.partner = items[i][1]
    i += 1
    if _dateline_after(items, i):
        return None  # "Musterstadt, den 3. Mai 2020": a report's dateline, not a partner
    extended = _name_with_particle(doc, line.partner, block)
    if extended is not line.partner:
        # "Springfield am Fluss": the place rules found only "Springfield"
        words_inside = len(_TOKEN.findall(doc_text(doc), line.partner.end_char, extended.end_char))
        i += words_inside
        line.partner = extended
    depth = 0
    alias_context = False
    successor: Span | None = None
    previous: object = line.partner
    paren_dates: list[Span] = []
    population = False  # the parentheses give the partner's size ("(100.000 Einwohner, 2020)")
    segment_event: str | None = None  # "signing" or "other": what the words of this part of the line tell
    signed_since = False  # line.since is a date a signing word gave
    event_words = _line_event_words()
    # "| 50.000 Einwohner": a count of inhabitants is a number the line may hold
    counted = any(kind == "word" and value in event_words["population"] for kind, value in items)
    for kind, value in items[i:]:
        if kind == "word":
            word = value
            if word in ("(", "["):
                depth += 1
            elif word in (")", "]"):
                depth = max(0, depth - 1)
                if population:
                    paren_dates.clear()  # the year of a count of inhabitants
                _settle_paren_dates(line, paren_dates, changed=alias_context)
                alias_context = population = False
            elif word in (",", "|", ";", "–", "-") and not depth:
                segment_event = None
            elif word in event_words["population"]:
                population = population or bool(depth)
                segment_event = "other"
            elif not depth and word in event_words["signing"]:
                segment_event = "signing"  # "gegründet 1984", "Partnerschaftsvertrag vom 5. Mai 1984"
            elif not depth and word in event_words["other"]:
                segment_event = "other"  # "erste Kontakte 1975", "erneuert 2009": no founding
            elif depth and word in _SUCCESSOR_WORDS:
                alias_context = True
                if line.aliases and successor is None:
                    successor = line.aliases[-1]
            elif depth and word in _ALIAS_WORDS:
                alias_context = True
            elif depth:
                pass  # a remark in parentheses: "(Provinz Verona, Italien)", "(seit 2007 ...)"
            elif previous is line.partner and word in _AFTER_NAME_WORDS:
                pass  # "X Kommune"
            elif previous is line.partner and word in codes:
                pass  # "Springfield CZ", "Springfield EST": the country's code after the name
            elif word in _LINE_WORDS or not word[0].isalnum():
                pass
            elif counted and word.replace(".", "").replace(",", "").isdigit():
                pass  # "50.000 Einwohner"
            elif word in _state_nouns() and previous is not line.partner:
                pass  # "X im US-Bundesstaat Ohio": the word before where the partner lies
            elif word in _link_label_words() and previous is not line.partner:
                pass  # "Springfield | Frankreich | seit 1966 | Weiterlesen": a card's link
            elif kind_of(word) and word.endswith(_PLURAL_ENDINGS) and not depth:
                return None  # "Musterstadts Partnerstädte": whose partners follow, not a partner
            elif kind_of(word) and (line.kind is None or kind_of(word) == "partnership"):
                # "Freundschaft seit 1990, Partnerschaft seit 1999": the partnership and its year
                line.kind, segment_event = kind_of(word), "signing"
                if line.since is not None and signed_since:
                    signed_since = False  # the partnership's own year follows
                    line.since = None
            else:
                return None
            previous = word
            continue
        span = value
        previous = span
        if span.label_ == "DATE":
            line.dates.append(span)
            if depth:
                paren_dates.append(span)  # since or the date of a change: settled at ")"
            elif segment_event == "other":
                pass  # first contacts, a renewal, a count of inhabitants: no founding
            elif line.since is None or segment_event == "signing" and not signed_since:
                line.since = span
                signed_since = segment_event == "signing"
        elif span.label_ in _PLACE and depth and (alias_context or span.label_ == CITY):
            line.aliases.append(span)
            if alias_context and successor is None and _successor_before(items, span):
                successor = span
        elif span.label_ in _PLACE and doc[span.start - 1].text == "/" and span.start - 1 == line.partner.end:
            if not _state_of_the_country_after(doc, span, block):  # "Springfield / Utah USA": where it lies
                line.aliases.append(span)  # "Oldtown/Newtown": two names of one place
        elif span.label_ == CITY and depth == 0 and line.holder is None and not line.aliases and _joined(doc, span):
            # "Ogdenville-Springfield (seit 2001)": a pair line
            line.holder, line.partner = line.partner, span
        elif span.label_ in (COUNTRY, REGION):
            pass  # where the partner lies
        elif span.label_ == CITY and depth == 0 and _qualifier_before_country(doc, line.partner, span, block):
            pass  # "Springfield, Cornwall (Vereinigtes Königreich)": the county a city's name shares
        else:
            return None
    _settle_paren_dates(line, paren_dates, changed=alias_context)
    if successor is not None:
        # the body it became is the partner now, the name on the list an alias
        line.aliases = [line.partner] + [a for a in line.aliases if a is not successor]
        line.partner = successor
    return line


@lru_cache(maxsize=1)
def _line_event_words() -> dict[str, frozenset[str]]:
    """Words a partner's list line may tell its story with ("gegründet 1984, erneuert 2009",
    "erste Kontakte 1975", "50.000 Einwohner"), by what the date after them is."""
    words = lex()["partnerships"]
    return {key: frozenset(words[f"partner_line_{key}"]) for key in ("signing", "other", "population")}


def _qualifier_before_country(doc: Doc, partner: Span, span: Span, block: Block) -> bool:
    """A second name right after the partner and a comma, then the country and nothing
    else: "Springfield, Cornwall (Vereinigtes Königreich)" names where the partner lies
    (a county the gazetteer knows as some city), not a second partner."""
    text = doc_text(doc)
    if text[partner.end_char : span.start_char].strip() != ",":
        return False
    rest = [e for e in doc.ents if e.start_char >= span.end_char and e.end_char <= block.end]
    return bool(rest) and rest[0].label_ == COUNTRY and all(e.label_ in (COUNTRY, "DATE") for e in rest)


def _a_state(span: Span) -> bool:
    """A country or a region above a district ("Frankreich", "Sachsen"): where a partner
    lies, never a partner of a list line."""
    return span.label_ == COUNTRY or span.label_ == REGION and not names_district(span.text)


@lru_cache(maxsize=1)
def _state_nouns() -> frozenset[str]:
    """The lexicon's nouns of a federal state ("Bundesstaat", "US-Bundesstaat"), lower-cased;
    place_roles._state_words adds the region words to them."""
    return frozenset(w.lower() for w in lex()["places"]["state_words"])


def _state_of_the_country_after(doc: Doc, span: Span, block: Block) -> bool:
    """A name the gazetteer knows as a state of the country named right after it on the
    line ("Florida USA", "Utah, USA"): where the partner before it lies, though some town
    bears the name too."""
    rest = [e for e in doc.ents if e.start >= span.end and e.end_char <= block.end]
    if not rest or rest[0].label_ != COUNTRY or rest[0]._.place is None:
        return False
    if not all(t.text in (",", "(", ")") for t in doc[span.end : rest[0].start]):
        return False
    code = rest[0]._.place.country
    return any(p.label == REGION and p.country == code for p in load_gazetteer().lookup(span.text))


def _rather_a_region(places: tuple, name: str) -> bool:
    """A name the gazetteer knows as a country or state and at most as a town smaller
    than the lexicon's ``town_population``."""
    wider = any(p.label == COUNTRY or p.label == REGION and not names_district(name) for p in places)
    town = load_lexicon()["places"]["town_population"]
    return wider and not any(p.label == CITY and p.population >= town for p in places)


def _code_prefix(doc: Doc, block: Block, items: list[tuple[str, object]], i: int) -> bool:
    """A country's code in capitals, a hyphen, then a place: "D-Musterstadt", "CZ-Springfield"."""
    if i + 2 >= len(items) or items[i + 1] != ("word", "-") or items[i + 2][0] != "ent":
        return False
    if items[i][0] != "word" or items[i + 2][1].label_ not in _PLACE:
        return False
    start = items[i + 2][1].start_char - 1 - len(items[i][1])
    code = doc_text(doc)[start : start + len(items[i][1])]
    return start >= block.start and code.isupper() and code in country_codes()


_CAPITALS = re.compile(r"\b[A-Z]{1,3}\b")


def _region_of_partner(partner: Span, region: Span) -> bool:
    """A state or province of the partner town's country, on the line after it ("Gotha" then
    "Thüringen"): the town's location, not a partner of its own (a district is a body)."""
    town, area = partner._.place, region._.place
    return (
        partner.label_ == CITY
        and region.label_ == REGION
        and not names_district(region.text)
        and town is not None
        and area is not None
        and town.country == area.country
    )


def _location_line(doc: Doc, block: Block, ents: list[Span], partner: Span) -> bool:
    """A line that is nothing but where the partner above it lies: its country, a state or
    province of its country, or both ("Frankreich", "Thüringen", "Frankreich, Bretagne",
    "Italien – Toskana"); a district's name is a body, not a location."""
    if not ents or len(ents) > 3:
        return False
    countries = [e for e in ents if e.label_ == COUNTRY]
    regions = [e for e in ents if e.label_ != COUNTRY]
    if any(e.label_ != REGION or names_district(e.text) for e in regions):
        return False
    if not countries and not all(_region_of_partner(partner, e) for e in regions):
        return False
    text = doc_text(doc)
    rest, at = [], block.start
    for e in ents:
        rest.append(text[at : e.start_char])
        at = e.end_char
    rest.append(text[at : block.end])
    return all(not part.strip(" \t-–•*,/()") for part in rest)


def _country_line(doc: Doc, block: Block, country: Span) -> bool:
    """A line that is nothing but a country's name."""
    text = doc_text(doc)
    return not text[block.start : country.start_char].strip(" -–•*") and not text[country.end_char : block.end].strip()


def _dateline_after(items: list[tuple[str, object]], i: int) -> bool:
    """A comma, perhaps "den", then a date to the day: the rest of a dateline."""
    rest = items[i : i + 3]
    if not rest or rest[0] != ("word", ","):
        return False
    rest = rest[1:]
    if rest and rest[0] == ("word", "den"):
        rest = rest[1:]
    if not rest or rest[0][0] != "ent":
        return False
    span = rest[0][1]
    return span.label_ == "DATE" and len(span._.date_value or "") == 10


_PARTICLES = {"am", "an", "im", "in", "ob", "bei", "auf", "unter", "sur", "sous", "en", "de", "di", "del", "la", "le"}


def _name_with_particle(doc: Doc, span: Span, block: Block) -> Span:
    """The span extended over an official name part the place rules left out:
    "Springfield am Fluss", "Springfield an der Bahn", when the line ends there or
    at punctuation."""
    k = span.end
    if k >= len(doc) or doc[k].idx >= block.end or doc[k].lower_ not in _PARTICLES:
        return span
    k += 1
    if k < len(doc) and doc[k].lower_ in ("der", "dem", "den", "la", "le"):
        k += 1
    start_name = k
    while k < len(doc) and doc[k].idx < block.end and doc[k].text[:1].isupper() and not doc[k].ent_type_:
        k += 1
    if k == start_name:
        return span
    if k < len(doc) and doc[k].idx < block.end and (not doc[k].is_punct or doc[k].text == "-"):
        return span  # "Springfield im US-Bundesstaat Ohio": a compound goes on, no name part
    return Span(doc, span.start, k, label=span.label_)


def _municipal_title(doc: Doc, block: Block, place: Span, located: bool = False) -> bool:
    """A line that is nothing but a body at home with its title: "Stadt X", "Gemeinde X:";
    with ``located``, also with where it lies in brackets ("Gemeinde X (Landkreis Y)", a
    page's title)."""
    text = doc_text(doc)
    before = text[block.start : place.start_char].strip().lower()
    after = text[place.end_char : block.end].strip()
    plain = after in ("", ":") or located and bool(_QUALIFIER.fullmatch(after))
    return could_be_at_home(place) and before in _BODY_WORDS and plain


def _district_title(doc: Doc, block: Block, place: Span) -> bool:
    """A line that is nothing but a district at home, its word part of its name:
    "Landkreis X" as a page's title (further down, the same line heads a partner
    district's section)."""
    text = doc_text(doc)
    alone = not text[block.start : place.start_char].strip() and text[place.end_char : block.end].strip() in ("", ":")
    return alone and place.label_ == REGION and names_district(place.text) and could_be_at_home(place)


def _section_owner(doc: Doc, block: Block, following: Block) -> bool:
    """A heading that is only a place name, over a line "Partnerstädte: ..." or
    "Partnerstädte:" (or a label of one word, "Kreispartnerschaft:"): the town whose
    partners follow."""
    text = doc_text(doc)
    line = text[block.start : block.end].strip()
    head, colon, rest = text[following.start : following.end].partition(":")
    words = head.lower().split()
    label = len(words) == 1 and not rest.strip() and bool(strong_kind(words[0]))
    return (
        bool(colon)
        and 0 < len(words) <= 3
        # a plural: its partners follow ("Partnerstädte:"); "Partnerschaft seit: 1956",
        # "Gründung der Partnerschaft: 1956" describe the heading's own partnership
        and (label or any(strong_kind(w) and w.endswith(_PLURAL_ENDINGS) for w in words))
        and (label or not re.fullmatch(r"[\s\d.\-–]*", rest.replace("seit", "")))
        and not any(c in line for c in ",()[]-–")
    )


def _inline_list(doc: Doc, block: Block, ents: list[Span], kind_of: KindOf) -> list[PartnerLine]:
    """ "Stadt X: A (Frankreich), B (Polen) und C": the owner before the colon, one
    partner per part after it; nothing unless every part is a partner line."""
    text = doc_text(doc)
    colon = text.find(":", block.start, block.end)
    dashed = colon < 0 and _dash_after_owner(doc, block, ents)
    if dashed:
        colon = dashed  # "X – A (Frankreich, seit 1962), B (Polen, seit 1993)" in an overview
    if colon < 0 or colon >= block.end - 1:
        return []
    owners = [e for e in ents if e.label_ in _PLACE and e.end_char <= colon]
    head = text[block.start : colon].strip().lower().split()
    if len(owners) == 1 and _municipal_title(doc, Block(block.start, colon, block.kind, None), owners[0]):
        owner: Span | None = owners[0]  # "Stadt X: A (Frankreich), B (Polen)"
    elif (
        len(owners) == 1
        and not text[block.start : owners[0].start_char].strip(" \t-–•*·|")
        and could_be_at_home(owners[0])
    ):
        owner = owners[0]  # "X: A (seit 1990)", "• X: A (Frankreich)" in an overview
    elif not owners and len(head) <= 3 and any(kind_of(w) for w in head):
        owner = None  # "Partnerstädte: A (Frankreich), B (Polen)": the section's body holds them
    else:
        return []
    lines = []
    for start, end in _list_parts(text, colon + 1, block.end):
        segment = Block(start, end, ITEM, None)
        parsed = parse_partner_line(
            doc, segment, [e for e in ents if start <= e.start_char and e.end_char <= end], kind_of
        )
        date = _date_part(text, start, end, ents)
        if parsed is None and date is not None and lines and lines[-1].since is None:
            lines[-1].since, lines[-1].dates = date, [date]  # "A (Frankreich), seit 1968; B ...": A's year
        elif parsed is None:
            if text[start:end].strip() and not text[start:end].strip().startswith(("seit", "(")):
                return []
        elif dashed and parsed.partner.label_ != CITY:
            return []  # "Musterstadt – Sachsen, seit 1990": where a partner lies, not a second body
        else:
            parsed.holder = owner
            lines.append(parsed)
    return lines


def _parts_as_lines(doc: Doc, block: Block, ents: list[Span], kind_of: KindOf) -> list[PartnerLine]:
    """Each comma-separated part of the line as a partner line; [] unless every part is
    one and names a body (not "Springfield, Sachsen": a partner and where it lies)."""
    lines: list[PartnerLine] = []
    text = doc_text(doc)
    year_parts = 0
    for start, end in _list_parts(text, block.start, block.end):
        inside = [e for e in ents if start <= e.start_char and e.end_char <= end]
        date = _date_part(text, start, end, ents)
        if date is not None and lines and lines[-1].since is None:
            lines[-1].since, lines[-1].dates = date, [date]  # "A (Frankreich), seit 1968; B ...": A's year
            year_parts += 1
            continue
        part = Block(start, end, ITEM, None)
        parsed = parse_partner_line(doc, part, inside, kind_of)
        if parsed is None or parsed.holder is not None or _a_state(parsed.partner):
            return []
        after_slash = text[max(block.start, start - 3) : start].strip() == "/"
        if lines and after_slash and _state_of_the_country_after(doc, parsed.partner, part):
            return []  # "Springfield / Florida USA": a partner and where it lies
        lines.append(parsed)
    if year_parts and year_parts != len(lines):
        return []  # "A, Cornwall (Vereinigtes Königreich), seit 1989": one partner, where it lies, its year
    return lines


_DATE_PART = re.compile(r"[\s–—-]*(?:seit|ab|since|gegründet|im jahr|jahr)?\s*", re.IGNORECASE)


def _date_part(text: str, start: int, end: int, ents: list[Span]) -> Span | None:
    """The date a part of an inline list consists of ("seit 1968", "– seit 1968", "1968"):
    the year of the partner before it, split off at a comma."""
    dates = [e for e in ents if e.label_ == "DATE" and start <= e.start_char and e.end_char <= end]
    if len(dates) != 1:
        return None
    lead = _DATE_PART.match(text, start, dates[0].start_char)
    if lead is None or lead.end() != dates[0].start_char or text[dates[0].end_char : end].strip(" .)"):
        return None
    return dates[0]


_PART_SEPARATOR = re.compile(r",|;| und | sowie | [·•|/] |[()\[\]]")


def _list_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of an inline list, split at commas, "und", "sowie" and spaced separators
    ("A · B", "A | B") outside parentheses: "A (Belgien, seit 1962), B" has two parts."""
    parts, depth, part_start = [], 0, start
    for m in _PART_SEPARATOR.finditer(text, start, end):
        sep = m.group()
        if sep in "([":
            depth += 1
        elif sep in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append((part_start, m.start()))
            part_start = m.end()
    parts.append((part_start, end))
    return parts


_OWNER_DASH = re.compile(r"\s[–—|-]\s")  # "X – A (...), B (...)"; a table row "| X | A (...), B (...) |"


def _dash_after_owner(doc: Doc, block: Block, ents: list[Span]) -> int:
    """Where a spaced dash (or a table's cell border) right after the line's first name
    splits a body from its partners, the dash's position; else -1. The name opens the
    line and is a body at home; at least one partner after it bears a parenthesised remark."""
    text = doc_text(doc)
    places = [e for e in ents if e.label_ in _PLACE]
    if len(places) < 2 or text[block.start : places[0].start_char].strip(" \t-–•*·|"):
        return -1
    m = _OWNER_DASH.match(text, places[0].end_char)
    if m is None or not could_be_at_home(places[0]) or "(" not in text[m.end() : block.end]:
        return -1
    return m.start() + 1


def _owner_heading(doc: Doc, block: Block, place: Span) -> bool:
    """ "Partnergemeinden der Stadt X", "Die Partnerstädte von X", "Xs Partnerstädte": a
    heading that names whose partners follow (the partnership word, a genitive, at most
    a body word, the name; or the name and a plural partnership word)."""
    after = [w for w in doc_text(doc)[place.end_char : block.end].lower().split() if w not in ("|", "-", "–", ":")]
    if after and after[0].endswith(_PLURAL_ENDINGS) and strong_kind(after[0]):
        return True  # "Xs Partnerstädte", "Stadt X | Partnerstädte", "Gemeinde X – Partnergemeinden"
    before = doc_text(doc)[block.start : place.start_char].lower().split()
    while before and before[-1] in _BODY_WORDS:
        before.pop()
    return len(before) >= 2 and before[-1] in ("der", "des", "von") and bool(strong_kind(before[-2]))


def _describes_previous(doc: Doc, block: Block, ents_of: EntsOf) -> bool:
    """A line that speaks of the sub-heading above it: prose, a dated detail
    ("Städtefreundschaft seit 1984") or a line naming places; not a lead-in or a bare
    heading ("Partnerstädte") that opens a list of its own."""
    if block.kind == PARAGRAPH:
        return True
    # a dated detail, or a line that names places ("Städtepartnerschaft zwischen A und B")
    return block.kind != LEAD_IN and any(e.label_ in ("DATE", CITY, REGION) for e in ents_of(block))


_ITEM_MARKS = frozenset("-–—•·*+▪")


def _detail_line(doc: Doc, block: Block, ents: list[Span], kind_of: KindOf) -> bool:
    """A line of dates and partnership words only: "seit 1970", "Städtefreundschaft seit 1984"."""
    text = doc_text(doc)
    pos, words = block.start, []
    for ent in ents:
        words += _TOKEN.findall(text, pos, ent.start_char)
        pos = ent.end_char
    words += _TOKEN.findall(text, pos, block.end)
    words = [w.lower() for w in words if w[0].isalnum()]
    has_date = any(e.label_ == "DATE" for e in ents)
    allowed = _LINE_WORDS | (_FOUNDING_LABELS if has_date else set())
    return (has_date or bool(words)) and all(w in allowed or kind_of(w) for w in words)


# "Gründung der Partnerschaft: 1956", "Unterzeichnung: 3. Mai 1990" under a partner's name
_FOUNDING_LABELS = {
    "gründung", "gegründet", "beginn", "unterzeichnung", "unterzeichnet", "besiegelung", "besiegelt",
    "beurkundet", "offiziell", "datum", "partnerschaftsvertrag", "vertrag", "urkunde",
}  # fmt: skip


def _link_or_number(doc: Doc, block: Block) -> bool:
    """A line that is a web address, an e-mail address or a number, not a heading."""
    text = doc_text(doc)[block.start : block.end]
    return bool(re.search(r"www\.|https?:|@|^[\d\s+/().-]+$", text))


@lru_cache(maxsize=1)
def _link_labels() -> frozenset[str]:
    return frozenset(lex()["partnerships"]["link_labels"])


@lru_cache(maxsize=1)
def _link_label_words() -> frozenset[str]:
    """The words of link labels that name no place or partnership ("weiterlesen", "mehr")."""
    common = {"zur", "zum", "sie", "dazu", "lesen", "read"}
    return frozenset(w for label in _link_labels() for w in label.split() if w not in common)


def _link_label(doc: Doc, block: Block) -> bool:
    """A line that is only a link's label ("mehr erfahren", "» Weiterlesen"), not a heading."""
    text = re.sub(r"[^\w\s]", " ", doc_text(doc)[block.start : block.end]).lower()
    return " ".join(text.split()) in _link_labels()


# "Einwohner: 14.000", "Bürgermeister: Jean Dupont": a label, a colon and its value
_FACT_LINE = re.compile(r"[A-ZÄÖÜ][\w.\-]*(?: [\w.\-]+){0,2}: +\S")


def _fact_line(doc: Doc, block: Block) -> bool:
    """A line of a partner's fact box: it describes the partner above, it opens no new
    section (the next partner's name may follow it)."""
    return bool(_FACT_LINE.match(doc_text(doc), block.start, block.end))


_INDEX_LETTER = re.compile(r"[=#\s]*[A-ZÄÖÜ](?:\s*[–-]\s*[A-ZÄÖÜ])?[=\s]*")


def _index_letter(doc: Doc, block: Block) -> bool:
    """An alphabetical index's heading ("A", "== B ==", "C–F") inside an overview: it
    closes no list."""
    return bool(_INDEX_LETTER.fullmatch(doc_text(doc), block.start, block.end))


# plural body words that head a group of an overview's towns ("Kreisfreie Städte", "Landkreise")
_BODY_PLURALS = frozenset(
    {"städte", "gemeinden", "kreisstädte", "märkte", "marktgemeinden", "verbandsgemeinden", "samtgemeinden",
     "ortsgemeinden", "ämter", "stadtbezirke", "bezirke", "kreise", "landkreise", "kantone"}
)  # fmt: skip


def _category_heading(doc: Doc, block: Block) -> bool:
    """A heading of at most three words that ends in a plural body word ("Kreisfreie
    Städte", "Landkreise", "Große Kreisstädte"): a group inside an overview, it closes
    no list."""
    words = doc_text(doc)[block.start : block.end].strip(" \t:").lower().split()
    return 0 < len(words) <= 3 and words[-1] in _BODY_PLURALS


def _column_header(doc: Doc, block: Block) -> bool:
    """A table's header row ("Stadt | Land | seit"): cells of a word or two, no
    numbers; or its rule ("|---|---|"). It closes no list."""
    text = doc_text(doc)[block.start : block.end]
    if "|" in text and re.fullmatch(r"[|:\-=+\s]+", text):
        return True
    cells = [c.strip() for c in re.split(r"[|\t]| {3,}", text)]
    cells = [c for c in cells if c]
    return len(cells) >= 2 and all(len(c.split()) <= 2 and not re.search(r"\d", c) for c in cells)


def _settle_paren_dates(line: PartnerLine, dates: list[Span], changed: bool) -> None:
    """Dates in parentheses date the partnership ("(seit 1998)"), or a change of
    name or body where the parentheses say so ("(seit 2007 zur Y zugeordnet)")."""
    for span in dates:
        if changed:
            line.renamed = line.renamed or span
        elif line.since is None:
            line.since = span
    dates.clear()


def _successor_before(items: list[tuple[str, object]], span: Span) -> bool:
    """Whether a successor word stands right before ``span`` (a determiner may be between)."""
    k = next(n for n, (kind, value) in enumerate(items) if value is span)
    before = [v for kind, v in items[max(0, k - 2) : k] if kind == "word"]
    return any(w in _SUCCESSOR_WORDS for w in before)


# "Ogdenville-Springfield (seit 05. Mai 2001)", "Ogdenville – Springfield (1998)"
_PAIR_LINE = re.compile(r"^[-–•*]?\s*(?P<pair>[^()\[\]:;,]+?)\s*\(\s*(?:seit|ab|since)?\s*(?P<date>[^()]+)\)\s*$")
_PAIR_DASH = re.compile(r"(?<=\w)-(?=[^\W\d])|\s[-–—]\s")
_NAME_PART = re.compile(r"^[^\W\d][\w.'’]*$")


def split_pair_line(doc: Doc, block: Block, ents: list[Span], known: Callable[[str], bool]) -> tuple[Span, Span] | None:
    """The two sides of a pair line that gives its date in parentheses, as token
    spans: where a dash splits it into two names, the split whose sides the
    gazetteer or the entities know best ("Alt-Ogdenville-Springfield": the
    split before "Springfield" if that is a known name)."""
    text = doc_text(doc)
    line = text[block.start : block.end]
    m = _PAIR_LINE.match(line)
    if m is None or not any(e.label_ == "DATE" and e.start_char >= block.start + m.start("date") for e in ents):
        return None
    pair_start = block.start + m.start("pair")
    pair_text = m.group("pair")
    best: tuple[int, int, int] | None = None
    whole_known = known(pair_text.strip())  # "Saint-Étienne (seit 1956)" is one partner, not a pair
    # "Aix-en-Provence in Frankreich (1990)": a hyphen inside a name the place rules found joins no pair
    inside_names = [(e.start_char, e.end_char) for e in ents if e.label_ in (CITY, REGION)]
    for dash in _PAIR_DASH.finditer(pair_text):
        if whole_known and not dash.group().isspace() and dash.group() == "-":
            continue
        at = pair_start + dash.start()
        if dash.group() == "-" and any(a < at < b for a, b in inside_names):
            continue
        left, right = pair_text[: dash.start()].strip(), pair_text[dash.end() :].strip()
        if not (_names(left) and _names(right)):
            continue
        score = (2 * known(right) + known(left), dash.start())
        if best is None or score > best[:2]:
            best = (*score, dash.end())
    if best is None:
        return None
    cut = best[1]
    dash_end = best[2]
    left_text = pair_text[:cut].rstrip()
    right_text = pair_text[dash_end:].strip()
    right_start = pair_start + pair_text.index(right_text, dash_end)
    left_span = doc.char_span(pair_start, pair_start + len(left_text), label=CITY, alignment_mode="expand")
    right_span = doc.char_span(right_start, right_start + len(right_text), label=CITY, alignment_mode="expand")
    if left_span is None or right_span is None or left_span.end > right_span.start:
        return None
    return left_span, right_span


def _names(text: str) -> bool:
    """One to six words that could be a name ("Neustadt a. Main", "Au b.Musterstadt i.d.OPf")."""
    words = text.replace("-", " ").split()
    return 0 < len(words) <= 6 and text[:1].isupper() and all(_NAME_PART.match(w) for w in words)


def _joined(doc: Doc, span: Span) -> bool:
    """A place right after a dash that follows another name: "A-B", "A – B"."""
    return span.start >= 2 and doc[span.start - 1].text in _DASHES and doc[span.start - 2].ent_type_ in _PLACE


def block_kinds(doc: Doc, block: Block, kind_of: KindOf) -> set[str]:
    """The strong partnership kinds named on a line; a lead-in stating a bond names one too
    ("Darüber hinaus bestehen freundschaftliche Beziehungen zu:", "partnerschaftlich verbunden
    ist X mit:"), whose lines name the towns it is with."""
    text = doc_text(doc)[block.start : block.end].lower()
    words = _TOKEN.findall(text)
    kinds = {k for w in words if (k := kind_of(w))}
    if not kinds and block.kind == LEAD_IN and not any(w.endswith(_organisation_endings()) for w in words):
        # (not "Die Firma unterhält freundschaftliche Beziehungen zu:", a school's, a club's)
        if states_bond(words):
            kinds.add("partnership")
        elif any(w.startswith("freundschaftlich") for w in words) and any(w.startswith(_BONDS) for w in words):
            kinds.add("friendship")
    return kinds


_BONDS = ("beziehung", "verbund", "verbind", "kontakt")


@lru_cache(maxsize=1)
def _organisation_endings() -> tuple[str, ...]:
    words = lex()["partnerships"]
    return tuple(words["organisation_words"] + words["organisation_heads"])


def find_partner_lines(
    doc: Doc,
    blocks: list[Block],
    ents_of: EntsOf,
    kind_of: KindOf,
    split_pair: SplitPair | None = None,
    known: Callable[[str], bool] | None = None,
) -> list[PartnerLine]:
    """Partner lines of the document, each with its owner decided by scope:
    ``holder`` is the pair line's own first side, else the place named in the
    scope's heading or lead-in ("Stadt Ogdenville:"), else None (the home)."""
    found: list[PartnerLine] = []
    in_scope = False
    opened_at = -2  # the block whose partnership word opened the scope
    owner: Span | None = None
    list_country: Span | None = None
    scope_kind: str | None = None  # the kind the scope's heading names ("Freundschaften")
    by_form = False  # the scope is a run of shaped lines, not a heading's partnership word
    country_line = -1  # the last line that gave the partner above it its country
    # only short lines and the line after one are read for partnership words
    wanted = {k for k, b in enumerate(blocks) if b.kind != PARAGRAPH} | {
        k + 1 for k, b in enumerate(blocks) if b.kind == HEADING
    }
    kinds_by_block = [block_kinds(doc, b, kind_of) if k in wanted else set() for k, b in enumerate(blocks)]
    shaped = _shaped_runs(doc, blocks, ents_of, kind_of)
    town_headings = _town_headings(doc, blocks, ents_of, kind_of)
    pair_lines = {k: sides for k, b in enumerate(blocks) if (sides := _two_bodies_line(doc, b, ents_of(b)))}
    table_rows, table_cells = _flattened_table(doc, blocks, ents_of, known)
    row_lines, row_blocks = _row_tables(doc, blocks, ents_of, known)
    table_rows.update(row_lines)
    table_cells |= row_blocks
    for index, block in enumerate(blocks):
        if index in table_cells:
            found += table_rows.get(index, [])
            continue
        after_heading = index and blocks[index - 1].kind == HEADING and bool(kinds_by_block[index - 1])
        if in_scope and index and (blocks[index - 1].kind == LEAD_IN or after_heading):
            # "Städtepartnerschaften der Stadt X:" (or a heading "Partnerstädte") over "A (seit 1972),
            # B (seit 1990), C": one line of partners
            parts = _parts_as_lines(doc, block, ents_of(block), kind_of)
            if len(parts) >= 2:
                for line in parts:
                    line.block, line.holder = index, owner
                    line.rule = "list on one line under its owner" if owner is not None else "list on one line"
                found += parts
                continue
        if block.kind == PARAGRAPH and in_scope and _dash_after_owner(doc, block, ents_of(block)) > 0:
            # a long overview line "X – A (Belgien, seit 1962), B (Frankreich, seit 1976)"
            inline = _inline_list(doc, block, ents_of(block), kind_of)
            for line in inline:
                line.block, line.rule = index, "list after its owner on one line"
            found += inline
            continue
        if block.kind == PARAGRAPH and _labelled_sentence(doc, block, kind_of):
            # "Partnerschaften: A (1984), B (1994).": a label's list written as a sentence
            inline = _inline_list(doc, block, ents_of(block), kind_of)
            for line in inline:
                line.block, line.rule = index, "list on one line"
                if owner is not None:
                    line.holder, line.rule = owner, "list on one line under its owner"
            found += inline
            if inline:
                continue
        if block.kind not in (HEADING, ITEM, LEAD_IN) and index not in shaped:
            continue
        ents = ents_of(block)
        places = _heading_places(doc, block, ents)
        kinds = kinds_by_block[index]
        if index in shaped and not in_scope:
            # a run of "X – Land (Region). Seit 1977" lines is a partner list by its form alone
            in_scope, scope_kind, by_form = True, None, True
            owner = _heading_owner(doc, blocks, index, ents_of, shaped)
        elif (
            in_scope
            and index + 1 in shaped
            and index not in shaped
            and len(places) == 1
            and _bare_name(doc, block, places[0])
        ):
            owner = places[0]  # the next town's heading in an overview ("Musterstadt" over its lines)
            continue
        if by_form and len(places) == 1 and _bare_name(doc, block, places[0]):
            owner = places[0]  # a bare name at home among lines of the form heads the next town's lines
            continue
        if in_scope and index in town_headings:
            owner = places[0]  # "Musterstadt" over "Springfield, Frankreich" in an overview of several towns
            continue
        if town_headings and len(places) == 1 and _none_below(doc, blocks, index) and _bare_name(doc, block, places[0]):
            owner = places[0]  # "Musterdorf" over "keine": a town of the overview without partners
            continue
        if places and (
            len(places) == 1
            and _municipal_title(doc, block, places[0])
            and (in_scope or block.kind == HEADING)
            or len(places) == 1
            and index == 0
            and block.kind == HEADING
            and _district_title(doc, block, places[0])
            # "Gemeinde X (Landkreis Y, Mittelfranken)" as the page's title: X, where it lies after it
            or index == 0
            and block.kind == HEADING
            and _municipal_title(doc, block, places[0], located=True)
        ):
            owner = places[0]  # "Stadt Ogdenville" over the partners it holds; a page's "Gemeinde X" title
            continue
        if (
            index == 0
            and block.kind == HEADING
            and not kinds
            and len(places) == 1
            and resolved_at_home(places[0])
            and _bare_name(doc, block, places[0])
        ):
            continue  # the page's title ("Musterstadt" over its article), not a partner's section
        if in_scope and len(places) == 1 and index + 1 < len(blocks) and _section_owner(doc, block, blocks[index + 1]):
            owner = places[0]  # "Springfield" over "Partnerstädte: ..." in an overview of several towns
            continue
        if (
            block.kind == HEADING
            and len(places) == 1
            and _bare_name(doc, block, places[0])
            and _names_its_own_partner(doc, blocks, index + 1, ents_of, kind_of, places[0])
        ):
            owner = places[0]  # "Springfield" over "Städtepartnerschaft mit Shelbyville": its holder
            continue
        inline = _inline_list(doc, block, ents, kind_of) if in_scope or kinds else []
        if inline:
            # "Stadt Ogdenville: Springfield (Frankreich), Shelbyville (Polen)"
            for line in inline:
                line.block = index
                line.rule = "list after its owner on one line" if line.holder is not None else "list on one line"
                if line.holder is None and owner is not None:
                    line.holder, line.rule = owner, "list on one line under its owner"
            found += inline
            in_scope = True
            continue
        if (
            found
            and found[-1].block == index - 1
            and not block.blank_before
            # "- Frankreich" items head the partners after them (below); an unmarked line of a
            # run of cells ("Springfield", "Frankreich", "1990") is the partner's country
            and not (block.kind == ITEM and doc_text(doc)[block.start : block.start + 1] in _ITEM_MARKS)
            and _location_line(doc, block, ents, found[-1].partner)
        ):
            # "Springfield" then "Frankreich" (or "Thüringen", "Frankreich, Bretagne") on a line of
            # its own: where the partner lies
            country = next((e for e in ents if e.label_ == COUNTRY), None)
            found[-1].country = found[-1].country or country
            country_line = index  # a detail line may follow this one
            continue
        if (
            found
            and index - 1 in (found[-1].block, country_line)
            and not block.blank_before
            and not places
            and _detail_line(doc, block, ents, kind_of)
        ):
            # "seit 1970", "Städtefreundschaft seit 1984" under the partner's line
            previous = found[-1]
            dates = [e for e in ents if e.label_ == "DATE"]
            previous.since = previous.since or (dates[0] if dates else None)
            previous.kind = (sorted(kinds)[0] if len(kinds) == 1 else None) or previous.kind
            continue
        if index in pair_lines and (in_scope or len(pair_lines) >= 2 or kinds):
            # "Stadt Musterau – Beispielby kommun", "Musterau & Beispielville": both sides named
            holder, partner = pair_lines[index]
            dates = [e for e in ents if e.label_ == "DATE"]
            found.append(
                PartnerLine(
                    block=index, partner=partner, holder=holder, dates=dates,
                    since=dates[0] if dates else None, rule="pair line of two bodies",
                    kind=sorted(kinds)[0] if len(kinds) == 1 else scope_kind,
                )
            )
            in_scope = True
            continue
        parsed = parse_partner_line(doc, block, ents, kind_of) if block.kind != LEAD_IN else None
        if in_scope and split_pair is not None and (parsed is None or parsed.holder is None):
            sides = split_pair(block, ents)
            if sides is not None:
                dates = [e for e in ents if e.label_ == "DATE" and e.start_char >= sides[1].end_char]
                parsed = PartnerLine(block=index, partner=sides[1], holder=sides[0], dates=dates)
                parsed.since = dates[0] if dates else None
        if parsed is not None:
            # a sub-heading followed by a line with a partnership word ("X [DK]" then
            # "Städtefreundschaft seit 1984"); a lead-in after a title is the list's owner's
            has_next = index + 1 < len(blocks) and _describes_previous(doc, blocks[index + 1], ents_of)
            if has_next and parse_partner_line(doc, blocks[index + 1], ents_of(blocks[index + 1]), kind_of):
                has_next = False  # the next line names a partner of its own ("Y (Polen), Freundschaft seit 1995")
            following = kinds_by_block[index + 1] if has_next else set()
            if in_scope or parsed.kind or (following and block.kind == HEADING):
                # one confirmed sub-heading makes its siblings of the same form partners too
                in_scope = True
                parsed.block = index
                if block.kind == HEADING and len(following) == 1:
                    parsed.kind = parsed.kind or sorted(following)[0]
                parsed.kind = parsed.kind or scope_kind
                parsed.rule = "pair line" if parsed.holder is not None else f"list {block.kind}"
                parsed.country = list_country
                if parsed.holder is None and owner is not None:
                    parsed.holder = owner
                    parsed.rule += " under its owner"
                if by_form:
                    parsed.rule += FORM_RULE
                found.append(parsed)
            continue
        if (
            in_scope
            and len(ents) == 1
            and ents[0].label_ == COUNTRY
            and (block.kind == ITEM or block.kind == HEADING and _country_line(doc, block, ents[0]))
        ):
            list_country = ents[0]  # "- Frankreich" or a heading "Frankreich", then "Springfield", "Shelbyville"
            continue
        list_country = None
        if kinds:
            # "Partnerstädte der Stadt Ogdenville:", "Ogdenville hat folgende Partnerstädte:"
            in_scope, by_form = True, False
            opened_at = index
            scope_kind = sorted(kinds)[0] if len(kinds) == 1 else None
            # a town's heading, then "Partnerstädte:" over its partners: the owner stays
            if places or owner is None or not _owner_just_before(doc, blocks, index, owner):
                named = places and (block.kind == LEAD_IN or _owner_heading(doc, block, places[0]))
                owner = places[0] if named else None
        elif block.kind == LEAD_IN and in_scope and places:
            owner = places[0]  # "Stadt Ogdenville:" inside a partnership list
        elif block.kind == LEAD_IN and _announces_towns(doc, block, bond=not in_scope):
            # "Unsere Stadt ist mit folgenden Städten verbunden:": the towns follow
            in_scope, by_form = True, False
        elif (
            block.kind in (HEADING, LEAD_IN)
            and not places
            and not _link_or_number(doc, block)
            and not _link_label(doc, block)
            and not _column_header(doc, block)
            and not (found and _fact_line(doc, block))
            and not _index_letter(doc, block)
            and not _category_heading(doc, block)
            # "Partnerstädte", then "Übersicht" over the lines: the section's subtitle
            and not (index == opened_at + 1 and not _stop_heading(doc, block))
        ):
            in_scope, owner, by_form = False, None, False  # "Kontakt", "Anschrift:"
    cut = _cut_last_line(doc, blocks, ents_of, found)
    if cut is not None:
        found.append(cut)
    return found


def _labelled_sentence(doc: Doc, block: Block, kind_of: KindOf) -> bool:
    """A short paragraph that opens with a partnership label and a colon ("Partnerstädte:",
    "Städtepartnerschaften:") and holds one sentence."""
    text = doc_text(doc)[block.start : block.end]
    label, colon, rest = text.partition(":")
    words = label.lower().split()
    return bool(colon) and 0 < len(words) <= 2 and any(kind_of(w) for w in words) and len(text) <= 200 and (
        "." not in rest.rstrip(". \n")
    )


def _stop_heading(doc: Doc, block: Block) -> bool:
    """A heading of the page's furniture that ends any list ("Kontakt", "Anschrift:",
    "Impressum"): a word the lexicon lists, or a line ending with a colon."""
    text = doc_text(doc)[block.start : block.end].strip()
    return text.endswith(":") or text.lower() in _stop_words()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lex()["partnerships"]["stop_headings"])


def _cut_last_line(doc: Doc, blocks: list[Block], ents_of: EntsOf, found: list[PartnerLine]) -> PartnerLine | None:
    """The last line of a text cut off in the middle of a list ("Musterville – Fr" after
    lines "X – Frankreich (Region). Seit 1990"): the partner its name gives, held as the
    line above it is, where that line is the list's last partner line and the cut line
    opens with a place and the separator the lines above put after theirs."""
    if not found or len(blocks) < 2:
        return None
    last = len(blocks) - 1
    block, previous = blocks[last], found[-1]
    text = doc_text(doc)
    if previous.block not in (last - 1, last - 2) or block.end < len(text.rstrip(" \t")) or text.endswith("\n"):
        return None  # not the text's end, or the text ends with its line
    places = [e for e in ents_of(block) if e.label_ in _PLACE]
    if not places or places[0].start_char != block.start + _leading_marks(text[block.start : block.end]):
        return None
    above = text[previous.partner.end_char : previous.partner.end_char + 3]
    here = text[places[0].end_char : places[0].end_char + 3]
    if not above.strip() or above.strip()[:1] != here.strip()[:1] or places[0].end_char == block.end:
        return None  # "X – Fr" under "Y – Frankreich": the same separator after the name
    line = PartnerLine(block=last, partner=places[0], holder=previous.holder, kind=previous.kind)
    line.rule = previous.rule + ", cut at the text's end"
    return line


def _leading_marks(line: str) -> int:
    """How many characters of bullets and spaces open the line."""
    return len(line) - len(line.lstrip(" \t-–•*·"))


def _column_of(doc: Doc, block: Block, ents: list[Span]) -> str | None:
    """The role of a table's header cell on a line of its own: "holder", "partner",
    "country", "since", "other" (a short cell of words that names nothing), or None."""
    if block.kind == PARAGRAPH:
        return None
    return _header_role(doc_text(doc)[block.start : block.end], ents)


def _header_role(text: str, ents: list[Span]) -> str | None:
    """The role of a table's header cell: "holder", "partner", "country", "since",
    "other" (a short cell of words that names nothing), or None. A body noun with an
    adjective ("Deutsche Gemeinde", "Französische Stadt") heads a body's column, which
    the header's order makes holder or partner (``_header_sides``)."""
    cell = text.strip(" \t:|").lower()
    if not cell or len(cell.split()) > 3 or re.search(r"[\d.,;()]", cell) or ents:
        return None
    words = lex()["partnerships"]
    for role in ("holder", "partner", "country", "since"):
        if cell in words[f"{role}_columns"]:
            return role
    parts = cell.split()
    if len(parts) == 2 and parts[1] in _BODY_COLUMN_NOUNS and parts[0].endswith(("e", "er", "es")):
        return "holder"
    return "other"


_BODY_COLUMN_NOUNS = frozenset({"stadt", "gemeinde", "kommune", "ort", "landkreis", "kreis", "partnerstadt"})


def _header_sides(header: list[str]) -> list[str] | None:
    """The header with its holder's and partner's columns, or None where it has not
    both: "Stadt | Partnerstadt", or two bodies' columns, the first the holder's
    ("Deutsche Gemeinde | Französische Gemeinde"); of several bodies' columns beside a
    partner's, the first."""
    if header.count("holder") == 1 and header.count("partner") == 1:
        return header
    if header.count("holder") >= 2 and header.count("partner") == 1:
        # "Kommune | Landkreis | Partnerkommune": the first body's column holds, the next
        # says where it lies
        first = header.index("holder")
        return [role if role != "holder" or k == first else "other" for k, role in enumerate(header)]
    if header.count("holder") == 2 and "partner" not in header:
        second = [k for k, role in enumerate(header) if role == "holder"][1]
        return [*header[:second], "partner", *header[second + 1 :]]
    return None


def _flattened_table(
    doc: Doc, blocks: list[Block], ents_of: EntsOf, known: Callable[[str], bool] | None
) -> tuple[dict[int, list[PartnerLine]], set[int]]:
    """Rows of a table flattened to one cell per line under a header of a holder's and a
    partner's column ("Stadt", "Partnerstadt", "Land", "seit", then "Musterau",
    "Springfield", "Frankreich", "1990", ...): each row's pair by its columns, keyed by
    the row's first block; and every block of the header and the rows read. A body's
    cell that is a name the gazetteer knows (``known``) is that body even where the
    place rules left it, a common word ("Hof"), unmarked: its column says what it is."""
    rows: dict[int, list[PartnerLine]] = {}
    cells: set[int] = set()
    k = 0
    while k < len(blocks):
        header: list[str] = []
        while k + len(header) < len(blocks) and len(header) < _TABLE_COLUMNS:
            role = _column_of(doc, blocks[k + len(header)], ents_of(blocks[k + len(header)]))
            if role is None:
                break
            header.append(role)
        width = len(header)
        sides = _header_sides(header)
        if width < 3 or header[0] == "other" or sides is None:
            k += 1  # a table's title before its header ("Partnerschaften im Landkreis") starts none
            continue
        header = sides
        start = k + width
        read = []
        while start + width <= len(blocks):
            line = _table_row(doc, blocks, start, header, ents_of, known)
            if line is None:
                break
            read.append(line)
            start += width
        if len(read) >= 2:
            for line in read:
                rows[line.block] = [line]
            cells.update(range(k, start))
        k = start if len(read) >= 2 else k + 1
    return rows, cells


_TABLE_COLUMNS = 6


def _table_row(
    doc: Doc, blocks: list[Block], start: int, header: list[str], ents_of: EntsOf, known: Callable[[str], bool] | None
) -> PartnerLine | None:
    """One row of a flattened table from ``start`` on, or None where a cell does not fit its column."""
    cells = [(blocks[start + k].start, blocks[start + k].end, ents_of(blocks[start + k])) for k in range(len(header))]
    line = _row_of_cells(doc, cells, header, known, start)
    if line is not None:
        line.rule = "pair line of a table flattened to one cell per line"
    return line


def _row_of_cells(
    doc: Doc,
    cells: list[tuple[int, int, list[Span]]],
    header: list[str],
    known: Callable[[str], bool] | None,
    block: int,
) -> PartnerLine | None:
    """A table row's pair from its cells ((start char, end char, entities) each) by
    their columns' roles, or None where a cell does not fit its column."""
    sides: dict[str, Span] = {}
    country = since = None
    for (cell_start, cell_end, ents), role in zip(cells, header, strict=True):
        raw = doc_text(doc)[cell_start:cell_end]
        text = raw.strip(" \t|")
        if role in ("holder", "partner"):
            places = [e for e in ents if e.label_ in _PLACE]
            if not places and known is not None and text and known(text):
                begin = cell_start + raw.index(text)
                cell = doc.char_span(begin, begin + len(text))
                places = [Span(doc, cell.start, cell.end, label=CITY)] if cell is not None else []
            if not places or len(text) > len(places[0].text) + 12:
                return None  # a body's cell is its name, at most with a qualifier
            sides[role] = places[0]
        elif role == "country":
            countries = [e for e in ents if e.label_ == COUNTRY]
            if not countries:
                return None
            country = countries[0]
        elif role == "since":
            dates = [e for e in ents if e.label_ == "DATE"]
            if not dates and text not in ("", "-", "–"):
                return None
            since = dates[0] if dates else None
    line = PartnerLine(
        block=block, partner=sides["partner"], holder=sides["holder"], dates=[since] if since else [],
        since=since, rule="pair line of a table row",
    )  # fmt: skip
    line.country = country
    return line


def _row_tables(
    doc: Doc, blocks: list[Block], ents_of: EntsOf, known: Callable[[str], bool] | None
) -> tuple[dict[int, list[PartnerLine]], set[int]]:
    """Tables written a row per line, cells between tabs or "|" ("Stadt | Partnerstadt |
    Land | seit", then "| Musterau | Springfield | Frankreich | 1990 |"): each row's pair
    by its header's columns, keyed by the row's block; and every block of the table read."""
    rows: dict[int, list[PartnerLine]] = {}
    read: set[int] = set()
    k = 0
    while k < len(blocks):
        cells = _line_cells(doc, blocks[k], ents_of(blocks[k]))
        header = [_header_role(doc_text(doc)[a:b], ents) for a, b, ents in cells] if cells else []
        sides = _header_sides(header) if header and None not in header else None
        if sides is None:
            k += 1
            continue
        found = []
        j = k + 1
        while j < len(blocks) and len(row := _line_cells(doc, blocks[j], ents_of(blocks[j]))) == len(cells):
            line = _row_of_cells(doc, row, sides, known, j)
            if line is not None:
                found.append(line)
            j += 1
        if found:
            for line in found:
                rows[line.block] = [line]
            read.update(range(k, j))
        k = j
    return rows, read


def _line_cells(doc: Doc, block: Block, ents: list[Span]) -> list[tuple[int, int, list[Span]]]:
    """The cells of a line split by tabs, "|" or runs of three or more spaces (a table laid
    out in a PDF's text), three cells or more, with their entities; else []."""
    text = doc_text(doc)[block.start : block.end]
    sep = _cell_separator(text)
    if sep is None:
        return []
    cells = []
    pos = 0
    for m in [*sep.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if text[pos:end].strip():
            start_char, end_char = block.start + pos, block.start + end
            inside = [e for e in ents if start_char <= e.start_char and e.end_char <= end_char]
            cells.append((start_char, end_char, inside))
        pos = m.end() if m is not None else pos
    return cells if len(cells) >= 3 else []


_TAB, _BAR, _SPACES = re.compile("\t"), re.compile(r"\|"), re.compile(r"(?<=\S) {3,}(?=\S)")


def _cell_separator(text: str) -> re.Pattern[str] | None:
    """How a table's line separates its cells: tabs, "|", or runs of spaces between words."""
    for sep in (_TAB, _BAR, _SPACES):
        if len(sep.findall(text)) >= 2:
            return sep
    return None


def _owner_just_before(doc: Doc, blocks: list[Block], index: int, owner: Span) -> bool:
    """Whether the block at ``index`` is a label with a word only twinning uses
    ("Kreispartnerschaft:", "Partnerstädte:") right under the block that names the scope's
    owner. A plain "Partnerschaften" (firms and clubs have them) names no owner's list."""
    label = doc_text(doc)[blocks[index].start : blocks[index].end].lower().split()
    return (
        index > 0
        and blocks[index - 1].start <= owner.start_char < blocks[index - 1].end
        and about_twinning(label, [(0, len(label))])
    )


_TOWNS_PLURAL = frozenset({"städte", "städten", "gemeinden", "kommunen", "orte", "orten", "landkreisen", "kreisen"})


def _announces_towns(doc: Doc, block: Block, bond: bool) -> bool:
    """A lead-in that announces a list of towns ("mit folgenden Städten", "mit diesen
    Gemeinden:"); with ``bond``, only one that binds the body to them ("... verbunden:",
    "verbindet ... mit"), which opens a partner list without a partnership word."""
    words = doc_text(doc)[block.start : block.end].lower().replace(":", " ").split()
    announcing = any(w.startswith(("folgend", "dies", "nachstehend")) for w in words)
    if not announcing or not any(w in _TOWNS_PLURAL for w in words):
        return False
    if not bond:
        return True
    means = set(lex()["partnerships"]["section_bond_means"])
    bonds = ("verbunden", "verbind", "befreundet", "verschwister")
    return means.isdisjoint(words) and any(w.startswith(bonds) for w in words)


# plural partnership nouns: "Partnerstädte", "Städtepartnerschaften", "Partnergemeinden"
_PLURAL_ENDINGS = ("städte", "gemeinden", "schaften", "kreise", "kommunen", "regionen")
_PAIR_JOINERS = {"-", "–", "—", "&", "und", "+", "mit", "|"}
_PAIR_LINE_WORDS = _BODY_WORDS | {
    "amt", "kommun", "gmina", "ville", "city", "town", "municipality", "commune", "comune", "seit", "(", ")", ":",
    "ortsgemeinde", "ortsteil", "stadtteil", "stadtbezirk", "bezirk", ",",
}


def _two_bodies_line(doc: Doc, block: Block, ents: list[Span]) -> tuple[Span, Span] | None:
    """The two sides of a line that is nothing but two bodies joined by a dash, "&"
    or "und" (with their titles and a date at most): "Stadt Musterau – Beispielby
    kommun", "Musterau & Beispielville (1990)". The first must lie at home."""
    if block.kind not in (HEADING, ITEM, LEAD_IN) or block.end - block.start > 120:
        return None
    places = [e for e in ents if e.label_ in _PLACE]
    if len(places) != 2:
        return None
    a, b = places
    if any(e.label_ == COUNTRY and e.start_char < b.end_char for e in ents):
        return None  # a country may only follow the partner: "X – Y (Frankreich)"
    text = doc_text(doc)
    joiner = [w.lower() for w in _TOKEN.findall(text, a.end_char, b.start_char)]
    if not joiner and "\t" in text[a.end_char : b.start_char]:
        joiner = ["|"]  # "Musterau<TAB>Springfield<TAB>Frankreich<TAB>1990": a table row's cells
    if joiner == [":"] and a.label_ == CITY:
        pass  # "Musterau: Springfield (Frankreich)": a member town's line, its partner after the colon
    elif not any(w in _PAIR_JOINERS for w in joiner) or not all(w in _PAIR_JOINERS | _PAIR_LINE_WORDS for w in joiner):
        return None
    rest = _TOKEN.findall(text, block.start, a.start_char) + _TOKEN.findall(text, b.end_char, block.end)
    skipped = "".join(text[e.start_char : e.end_char] for e in ents if e.label_ in ("DATE", COUNTRY))
    rest = [w for w in rest if w not in skipped]
    if not all(w.lower() in _PAIR_LINE_WORDS or w in "-–•*.,|" for w in rest):
        return None
    if not could_be_at_home(a) or a.text.casefold() == b.text.casefold():
        return None
    if _a_state(b) and could_be_at_home(b):
        return None  # "| Springfield | Sachsen | 1990 |": the state a partner at home lies in
    return a, b


def _shaped_runs(doc: Doc, blocks: list[Block], ents_of: EntsOf, kind_of: KindOf) -> set[int]:
    """The lines that name a partner with its country and a date ("X – Land (Region).
    Seit 1977", "1990 X, Land"), in runs of at least ``_SHAPED_RUN`` such lines with at
    most one other line between two of them: a list of that form needs no heading with a
    partnership word (an overview of several towns' partners often has none)."""
    candidates = []
    for k, block in enumerate(blocks):
        if not _one_line(doc, block):
            continue
        ents = ents_of(block)
        if not any(e.label_ == COUNTRY for e in ents) or not any(e.label_ == "DATE" for e in ents):
            continue
        line = parse_partner_line(doc, block, ents, kind_of)
        if line is not None and line.holder is None and not resolved_at_home(line.partner):
            candidates.append(k)
    runs: list[list[int]] = []
    for k in candidates:
        if runs and k - runs[-1][-1] <= 2:
            runs[-1].append(k)
        else:
            runs.append([k])
    if not any(len(run) >= _SHAPED_RUN for run in runs):
        return set()
    # once the page has the form, a town with one or two partners under its heading has it too
    return {k for run in runs if len(run) >= _SHAPED_RUN or _under_bare_name(doc, blocks, run[0], ents_of) for k in run}


_SHAPED_RUN = 3
_ONE_LINE_WORDS = 16


def _one_line(doc: Doc, block: Block) -> bool:
    """A heading or item, or a short one-line paragraph ("Musterville – Frankreich. Seit
    1990."): a sentence end makes a line a paragraph, not a list line, by its kind alone."""
    if block.kind in (HEADING, ITEM):
        return True
    text = doc_text(doc)[block.start : block.end]
    return block.kind == PARAGRAPH and "\n" not in text.strip() and len(text.split()) <= _ONE_LINE_WORDS


def _under_bare_name(doc: Doc, blocks: list[Block], index: int, ents_of: EntsOf) -> bool:
    """The line right above ``index`` is one body's bare name (an overview's town heading)."""
    if index == 0:
        return False
    places = _heading_places(doc, blocks[index - 1], ents_of(blocks[index - 1]))
    return len(places) == 1 and _bare_name(doc, blocks[index - 1], places[0])


def _heading_places(doc: Doc, block: Block, ents: list[Span]) -> list[Span]:
    """The places of a line, less a qualifier in parentheses right after the first
    ("Musterau (Altmark)": the region names which Musterau, it is no second body)."""
    places = [e for e in ents if e.label_ in _PLACE]
    text = doc_text(doc)
    if len(places) == 2 and text[places[0].end_char : places[1].start_char] == " (" and text[
        places[1].end_char : block.end
    ].strip() == ")":
        return places[:1]
    return places


def _town_headings(doc: Doc, blocks: list[Block], ents_of: EntsOf, kind_of: KindOf) -> set[int]:
    """Lines that are nothing but one town's name, each followed by partner lines
    that qualify their partner ("Springfield, Frankreich, seit 1970", "Shelbyville
    (Polen)"): an overview's heading per town and its partners under it. Two such
    headings make the form; one bare name over qualified lines is just a partner."""
    found = []
    for k in range(len(blocks) - 1):
        block, below = blocks[k], blocks[k + 1]
        if block.kind not in (HEADING, ITEM) or below.kind not in (HEADING, ITEM):
            continue
        places = [e for e in ents_of(block) if e.label_ in _PLACE]
        if len(places) != 1 or places[0].label_ != CITY or not _bare_name(doc, block, places[0]):
            continue
        below_ents = ents_of(below)
        line = parse_partner_line(doc, below, below_ents, kind_of)
        if line is None or line.holder is not None:
            continue
        qualified = [e for e in below_ents if e.label_ in (COUNTRY, REGION, "DATE") and e.start >= line.partner.end]
        if qualified:
            found.append(k)
    return set(found) if len(found) >= 2 else set()
FORM_RULE = ", in a list of partners with country and date"


_NONE_LINES = frozenset({"keine", "keine.", "derzeit keine", "zurzeit keine", "bisher keine", "noch keine"})


def _none_below(doc: Doc, blocks: list[Block], index: int) -> bool:
    """The line after ``index`` says there is none ("keine", "derzeit keine")."""
    if index + 1 >= len(blocks):
        return False
    below = blocks[index + 1]
    return doc_text(doc)[below.start : below.end].strip(" \t-–•*:").lower() in _NONE_LINES


def _heading_owner(doc: Doc, blocks: list[Block], index: int, ents_of: EntsOf, shaped: set[int]) -> Span | None:
    """The body a run of shaped lines belongs to: the heading right above it (at most
    two lines up) that is nothing but one body's name ("Landeshauptstadt Musterstadt")."""
    for k in range(index - 1, max(-1, index - 3), -1):
        if k in shaped:
            return None
        places = [e for e in ents_of(blocks[k]) if e.label_ in _PLACE]
        if len(places) == 1 and _bare_name(doc, blocks[k], places[0]):
            return places[0]
    return None


def _names_its_own_partner(
    doc: Doc, blocks: list[Block], index: int, ents_of: EntsOf, kind_of: KindOf, above: Span
) -> bool:
    """The line at ``index`` is a partnership heading that names another place
    ("Städtepartnerschaft mit Shelbyville", "Partnerstadt Shelbyville"): the bare name
    above it holds that partnership; it is not a partner the line describes."""
    if index >= len(blocks) or blocks[index].kind != HEADING:
        return False
    ents = ents_of(blocks[index])
    parsed = parse_partner_line(doc, blocks[index], ents, kind_of)
    return (
        parsed is not None
        and parsed.kind is not None
        and parsed.holder is None
        and name_key(parsed.partner) != name_key(above)
    )


def _bare_name(doc: Doc, block: Block, place: Span) -> bool:
    """A line that is one body at home and at most a title word: "Musterstadt",
    "Hansestadt Musterstadt", "Landkreis Musterland"."""
    text = doc_text(doc)
    before = text[block.start : place.start_char].lstrip(" \t-–•*·»").split()  # "• Hansestadt Musterstadt"
    after = text[place.end_char : block.end].strip()
    return could_be_at_home(place) and len(before) <= 1 and (after in ("", ":") or bool(_QUALIFIER.fullmatch(after)))


_QUALIFIER = re.compile(r"\([^()\d]{2,40}\)")  # "Musterau (Altmark)"


def ents_by_block(doc: Doc, blocks: list[Block]) -> list[list[Span]]:
    """The entities that lie within each block."""
    ents = sorted(doc.ents, key=lambda e: e.start_char)
    out: list[list[Span]] = []
    k = 0
    for block in blocks:
        while k < len(ents) and ents[k].start_char < block.start:
            k += 1
        j = k
        inside = []
        while j < len(ents) and ents[j].end_char <= block.end:
            inside.append(ents[j])
            j += 1
        out.append(inside)
    return out


@Language.factory("twinning_partner_lines")
class PartnerLines(UsesGazetteer):
    """Sets ``doc._.partner_lines``: the partners that list lines and sub-headings
    name. Names of a pair line that the place rules missed ("Ogdenville-Springfield
    (seit 2001)") become CITY entities here, placed through the gazetteer."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        blocks = doc._.blocks or []
        inside = ents_by_block(doc, blocks)
        index = {id(b): i for i, b in enumerate(blocks)}
        added: list[Span] = []

        def known(name: str) -> bool:
            return name in self.gazetteer or any(doc_text(doc)[e.start_char : e.end_char] == name for e in doc.ents)

        def split_pair(block: Block, ents: list[Span]) -> tuple[Span, Span] | None:
            sides = split_pair_line(doc, block, ents, known)
            if sides is None:
                return None
            if any(side.text.isupper() and side.text in country_codes() for side in sides):
                return None  # "CZ-Springfield (seit 1990)": a country's code, not a body
            out = []
            for side in sides:
                same = [e for e in ents if e.start == side.start and e.end == side.end]
                if same and _a_state(same[0]):
                    return None  # "Springfield – Frankreich (seit 1985)": where the partner lies, no pair
                if same:
                    out.append(same[0])
                    continue
                places = self.gazetteer.lookup(side.text)
                if _rather_a_region(places, side.text):
                    return None  # "Springfield – Sachsen (seit 1990)": the state, not a village of its name
                side._.place = max(places, key=lambda p: p.population) if places else None
                added.append(side)
                out.append(side)
            return out[0], out[1]

        lines = find_partner_lines(doc, blocks, lambda b: inside[index[id(b)]], strong_kind, split_pair, known)
        known_bounds = {(e.start, e.end) for e in doc.ents} | {(a.start, a.end) for a in added}
        for line in lines:
            for span in (line.partner, line.holder):
                # a name extended by its particle; a table cell's name the place rules left
                if span is not None and (span.start, span.end) not in known_bounds:
                    places = self.gazetteer.lookup(span.text)
                    span._.place = max(places, key=lambda p: p.population) if places else None
                    added.append(span)
                    known_bounds.add((span.start, span.end))
        if added:
            taken = {i for span in added for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))]
            doc.ents = sorted(kept + added, key=lambda e: e.start)
            # the new entities replace what overlapped them; keep the spans the lines hold
            by_bounds = {(e.start, e.end): e for e in doc.ents}
            for line in lines:
                for name in ("holder", "partner"):
                    span = getattr(line, name)
                    if span is not None and (span.start, span.end) in by_bounds:
                        setattr(line, name, by_bounds[(span.start, span.end)])
        doc._.partner_lines = lines
        return doc
