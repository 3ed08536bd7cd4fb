"""The publishing body (home): the municipality or district a text is by.

Each place mention votes for its body, and the vote depends on how the text
names it:

* a publisher's phrase counts most: "Magistrat der Stadt X", "Stadtverwaltung
  X", a postcode before the name (an address block), the owner of a partner
  list ("X hat folgende Partnerstädte:");
* a body word before the name ("Stadt X", "Marktgemeinde X") or a district's
  own word in the name ("Landkreis X", "Verbandsgemeinde X") counts more than
  a bare mention;
* the body that two or more "zwischen A und B" statements share is the hub
  of the page's partnerships;
* a mention that reads as someone else's does not vote: a partner named by a
  list line or sub-heading, a name qualified for the reader ("X (Frankreich)",
  "X/Ungarn"), a foreign adjective before it ("die polnische Stadt X"), a
  former body ("ehemaligen Landkreis X"), a country, a region without a
  district word ("Bayern"), a place outside Germany, Austria, Switzerland and
  Liechtenstein.

A page whose list lines each name both sides ("A-B (seit 2001)") for several
first sides is an overview of many bodies' partnerships: no single home,
unless a district or association names itself strongly.

Results: ``doc._.home_spans`` (the winning body's mentions, most telling
first) and ``doc._.home_why``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..addresses import DISTRICT, PageAddress, squash
from ..gazetteer import CITY, COUNTRY, REGION, load_gazetteer
from ..text import fold_name
from .bodies import (
    HomeBody,
    TextBefore,
    above_district_words,
    body_keys,
    canonical_name,
    could_be_at_home,
    given_home_body,
    keyword_category,
    lex,
    lies_at_home,
    mostly_abroad,
    name_key,
    names_district,
    strong_kind,
)
from .extensions import doc_text, token_table
from .places import defines_a_town

_PUBLISHER_WORDS = (
    "magistrat", "stadtverwaltung", "gemeindeverwaltung", "rathaus", "gemeindeamt", "stadtamt",
    "landratsamt", "kreisverwaltung", "bürgermeisteramt", "stadtrat", "gemeinderat",
    "marktgemeindeamt", "gemeindekanzlei", "stadtkanzlei", "bezirksamt", "bürgerbüro", "stadthaus",
    "verbandsgemeindeverwaltung", "samtgemeindeverwaltung", "amtsverwaltung", "bezirkshauptmannschaft",
)  # fmt: skip
_DISTRICT_PUBLISHERS = {"landratsamt", "kreisverwaltung", "bezirkshauptmannschaft"}
# on the name's own line: a year ending the line above is no postcode
_POSTCODE = re.compile(r"(?:\b[A-Z]{1,2}-)?\b\d{4,5}[ \t]+$")
_QUALIFIER_AFTER = re.compile(r"^\s*(?:\(|/|\[)")
_MIT_FILLERS = {"der", "dem", "den", "einer", "einem", "ihrer", "ihrem", "seiner", "seinem", "unserer", "unserem"}
_BETWEEN_STOP = {"sowie", "zwischen", ".", ";", ":"}


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Plain nouns of a place before its name ("mit dem Ort X"), lower-cased."""
    return frozenset(lex()["places"]["place_nouns"])


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Words that introduce a municipality by its own title ("Stadt", "Marktgemeinde")."""
    words = {w.lower() for w in lex()["places"]["city_words"]}
    return frozenset(w for w in words if not w.startswith("partner") and not w.endswith(("teil", "teils", "dorf")))


@lru_cache(maxsize=1)
def _home_adjectives() -> tuple[str, ...]:
    return tuple(lex()["home"]["home_adjectives"])


def _isch_stem(word: str) -> str | None:
    """The stem of a lower-cased "-isch" adjective with its case ending ("polnischen" ->
    "polnisch"), or None ("zwischen" and "inzwischen" are none)."""
    if word.endswith("zwischen"):
        return None
    stem = re.sub(r"(e|en|er|es|em)$", "", word)
    return stem if stem.endswith("isch") else None


def nationality_adjective(word: str) -> bool:
    """ "französischen", "polnische", "schweizer": a lower-cased adjective of a country."""
    return _isch_stem(word) is not None or word in _COUNTRY_ER_ADJECTIVES


# adjectives of countries formed with "-er", which no "-isch" ending marks
_COUNTRY_ER_ADJECTIVES = frozenset({"schweizer", "luxemburger", "liechtensteiner"})


def _adjective_before(doc: Doc, span: Span) -> Token | None:
    """The word right before the name, or before its body word ("die polnische Stadt X")."""
    k = span.start - 1
    if k >= 0 and doc[k].lower_ in _body_words():
        k -= 1
    return doc[k] if k >= 0 else None


def foreign_adjective_before(doc: Doc, span: Span) -> bool:
    """ "die polnische Stadt X", "mit dem chinesischen X": an adjective of
    nationality (ending in -isch) right before the name, or before its body word."""
    word = _adjective_before(doc, span)
    stem = _isch_stem(word.lower_) if word is not None else None
    return stem is not None and not stem.endswith(_home_adjectives())


def _described(doc: Doc, span: Span) -> bool:
    """ "die polnische Stadt X", "die bayerische Gemeinde X": an adjective of origin before
    the name (and its body word) describes a place for the reader; a publisher does not."""
    word = _adjective_before(doc, span)
    return word is not None and _isch_stem(word.lower_) is not None and not word.is_title


def qualified_for_reader(doc: Doc, span: Span) -> bool:
    """ "X (Frankreich)", "X/Ungarn", "X (Bayern)": a name followed by where it lies.
    A publisher does not locate itself for its readers."""
    if span.end >= len(doc):
        return False
    text = doc_text(doc)
    if not _QUALIFIER_AFTER.match(text[span.end_char : span.end_char + 2]):
        return False
    nxt = doc[span.end + 1] if doc[span.end].text in "(/[" and span.end + 1 < len(doc) else None
    return nxt is not None and nxt.ent_type_ in (COUNTRY, REGION)


_BETWEEN_REACH = 16  # tokens after "zwischen" in which the places it joins start


def between_statements(doc: Doc, places: list[Span], within: tuple[int, int] | None = None) -> list[list[Span]]:
    """Groups of places that a "zwischen A und B (, C)" phrase joins; with
    ``within`` (a sentence's token bounds) only the phrases that can reach its
    places, so that asking per sentence does not read the whole text each time."""
    table = token_table(doc)
    positions = table.positions("zwischen")
    if within is not None:
        start, end = within
        positions = positions[bisect_left(positions, start - _BETWEEN_REACH + 1) : bisect_left(positions, end)]
    if not positions:
        return []
    lower = table.lower
    by_start = {p.start: p for p in places}
    groups = []
    for i in positions:
        group: list[Span] = []
        k = i + 1
        while k < len(lower) and k - i < _BETWEEN_REACH:
            if k in by_start:
                group.append(by_start[k])
                k = by_start[k].end
                continue
            if lower[k] in LIES_WORDS:
                break  # "zwischen A und B gelegen": where a place lies
            if lower[k] in _BETWEEN_STOP or "\n" in table.words[k]:
                break
            k += 1
        lies = (k < len(lower) and lower[k] in LIES_WORDS) or (i and lower[i - 1] in LIES_WORDS)
        # "zwischen dem Gymnasium in A und dem Collège in B": bodies located in the places, not them
        institutions = sum(1 for p in group if p.start and lower[p.start - 1] in _IN_WORDS) >= 2
        if len(group) >= 2 and not lies and not institutions:
            groups.append(group)  # not "zwischen A und B gelegen", "liegt zwischen A und B": a place's location
    return groups


# words that say where a place lies: "zwischen A und B gelegen", "liegt zwischen A und B"
LIES_WORDS = frozenset({"gelegen", "gelegene", "gelegenen", "liegt", "liegen", "liegend", "liegende"})
_IN_WORDS = frozenset({"in", "im", "aus"})


@dataclass
class _Votes:
    score: float = 0.0
    strong: bool = False  # named by a publisher's phrase, body word or district word
    published: bool = False  # named by a publisher's phrase or as a partner list's owner
    partner_cues: int = 0  # mentions as the object of a partnership ("Partnerschaft mit X")
    spans: list[Span] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


_PART_WORDS = {"stadtteil", "ortsteil", "stadtbezirk", "ortschaft", "ortsteils", "stadtteils"}
# a district named after these is where something lies ("die im Bezirk X angesiedelt sind"), which
# weighs no more than any place's mention; named as a body ("Der Landkreis X pflegt") it weighs more
_LOCATING_WORDS = {"im", "in", "aus", "nach", "zum", "vom"}


def _add_inhabitant_votes(doc: Doc, votes: dict[str, _Votes]) -> None:
    """ "der Musterstädter Bürgermeister", "die Musterstädterinnen": a local report
    speaks of its own town's people and officials by the town's adjective; each such
    word (at most three) counts for the town as a plain mention does."""
    names = {}
    for key, v in votes.items():
        if v.spans and not v.partner_cues:
            name = doc_text(doc)[v.spans[0].start_char : v.spans[0].end_char].split(" ")[-1]
            if len(name) >= 4:
                names[name] = key
    if not names:
        return
    counts: dict[str, int] = defaultdict(int)
    pattern = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?:erinnen|erin|ern|er)\b"
    )
    for m in pattern.finditer(doc_text(doc)):
        counts[names[m.group(1)]] += 1
    for key, n in counts.items():
        votes[key].score += min(n, 3)
        votes[key].reasons.append("its inhabitants' adjective")


def choose_home(doc: Doc, places: list[Span], partner_lines: list) -> tuple[list[Span], str]:
    """The home body's mentions and why it won; ([], reason) where there is none."""
    text = doc_text(doc)
    keys = body_keys(places)
    key = lambda span: keys.get((span.start, span.end)) or name_key(span)  # noqa: E731
    partners = {key(line.partner) for line in partner_lines}
    holders = {key(line.holder) for line in partner_lines if line.holder is not None and "pair line" in line.rule}
    owners = {key(line.holder) for line in partner_lines if line.holder is not None and "owner" in line.rule}
    members: set[str] = set()
    if len(owners) > 1:
        # several owners are member towns whose partners a district's page lists, not the publisher
        members, owners = owners, set()
    markers = tuple(lex()["partnerships"]["predecessor_markers"])
    votes: dict[str, _Votes] = defaultdict(_Votes)
    district_named: list[str] = []
    for span in places:
        k = key(span)
        if k in partners or k in members or k in holders and len(holders) > 1:
            continue
        if not could_be_at_home(span):
            continue
        first_word = text[span.start_char : span.end_char].split(" ")[0]
        district = span.label_ == REGION and names_district(text[span.start_char : span.end_char])
        if span.label_ == REGION and (not district or first_word in above_district_words()):
            continue  # "Bayern", "Kanton X": a region named as such publishes no municipal page
        titled = _title_line(text, span)
        if _predecessor(doc, span, markers) or _described(doc, span):
            continue
        if qualified_for_reader(doc, span) and not titled:
            continue  # "Kempten (Allgäu)" as the page's title is its official name, not a location
        if span.start and doc[span.start - 1].lower_ in _PART_WORDS:
            continue  # "im Stadtteil X": a part of some town, not a publisher
        prev = doc[span.start - 1].lower_ if span.start else ""
        if mostly_abroad(span) and prev not in _body_words():
            continue  # "ein Treffen in Straßburg": the big city abroad, not a namesake publishing the page
        v = votes[k]
        v.spans.append(span)
        if partner_cue(doc, span) or partner_noun_before(doc, span):
            v.partner_cues += 1
            continue
        v.score += 1.0
        before = text[max(0, span.start_char - 40) : span.start_char]
        crumb = _breadcrumb_position(text, span)
        if crumb == "above":
            continue  # "Startseite > Landkreis Y > Gemeinde X > Partnerschaften": Y is above the page's body
        if district and prev not in _LOCATING_WORDS or prev in _body_words():
            v.score += 1.5
            v.strong = True
        if crumb == "last":
            v.score += 1.5
            v.reasons.append("last body of the page's breadcrumb")
        publisher = _publisher_before(before) or ("willkommen" if _WELCOME.search(before) else None)
        if publisher in _DISTRICT_PUBLISHERS and span.label_ == CITY:
            district_named.append(k)  # "Landratsamt X": the district X publishes, not the town
        elif publisher or _POSTCODE.search(before):
            v.score += 3.0
            v.strong = v.published = True
            v.reasons.append("publisher's phrase or address")
        if k in owners:
            v.score += 3.0
            v.strong = v.published = True
        if titled:
            v.score += 3.0  # "Landkreis Musterland" alone on the page's first line: its title
            v.strong = v.published = True
            v.reasons.append("page title")
        elif _association_title(text, span):
            v.score += 3.0  # "Partnerschaftsverein Musterstadt e.V." as the page's title: the town it serves
            v.strong = v.published = True
            v.reasons.append("title of the town's association")
        elif _dateline(text, span):
            v.score += 3.0  # "Springfield. Eine Delegation ...": a local report's place
            v.strong = True
            v.reasons.append("dateline")
    for k in district_named:
        district = votes.get("region:" + k.split(":", 1)[1]) if k.startswith("name:") else None
        target = district if district is not None else votes[k]
        target.score += 3.0
        target.strong = target.published = True
        target.reasons.append("district office's address")
    for group in between_statements(doc, places):
        for span in group:
            k = key(span)
            if k in votes:
                v = votes[k]
                others = {key(o) for o in group if key(o) != k}
                v.reasons.append("zwischen:" + ",".join(sorted(others)))
    for v in votes.values():
        partners_between = {o for r in v.reasons if r.startswith("zwischen:") for o in r[9:].split(",")}
        if len(partners_between) >= 2:
            v.score += 2.0 * (len(partners_between) - 1)
            v.reasons.append("shared by several 'zwischen' statements")
    for v in votes.values():
        if v.partner_cues:
            v.score *= 0.25
            v.reasons.append("named as a partner")
    _add_inhabitant_votes(doc, votes)
    votes = {k: v for k, v in votes.items() if v.score > 0}
    if not votes:
        return [], "no body of Germany, Austria or Switzerland that is not a partner"
    best_key = max(votes, key=lambda k: (votes[k].score, -votes[k].spans[0].start))
    best = votes[best_key]
    if (
        len(best.spans) == 1
        and best.spans[0].label_ == REGION
        and not best.published
        and _alone_on_its_line(doc, best.spans[0])
        and not _in_partnership_sentence(doc, best.spans[0])
    ):
        # "Landkreis Musterland" once, in a sidebar of links: a body the page links to; a body the
        # partnership statements speak of publishes it rather
        engaged = [k for k, v in votes.items() if any(_in_partnership_sentence(doc, s) for s in v.spans)]
        if not engaged:
            return [], "a district linked once outside the partnership statements"
        best_key = max(engaged, key=lambda k: (votes[k].score, -votes[k].spans[0].start))
        best = votes[best_key]
        best.reasons.append("named in the partnership statements; the top vote once outside them")
    if best.score <= 1.0 and not best.reasons and not _in_partnership_sentence(doc, best.spans[0]):
        # "Konzert der Stadtkapelle in Musterstadt" in a sidebar: one bare mention, not the
        # subject of any partnership statement, names a place the page speaks of, not its publisher
        return [], "one bare mention outside the partnership statements"
    district = best.spans[0].label_ == REGION  # a district's page lists its member towns' partners
    if (len(holders) > 1 or len(members) > 2 and not district) and not best.published:
        # pair lines of several first sides, or lines of three or more owners ("Musterau: X (China)",
        # "Beispielfeld: Y (Deutschland), Z (Frankreich)", "Musterberg: ..."): an overview, no one body's page
        return [], "overview of several bodies' partnerships"
    shown = sorted({r for r in best.reasons if not r.startswith("zwischen:")})  # the keys are working state
    why = f"most votes ({best.score:.1f})" + ("; " + "; ".join(shown) if shown else "")
    return sorted(best.spans, key=lambda s: s.start), why


# "Willkommen in Musterstadt", "Herzlich willkommen in der Gemeinde Musterdorf": the page greets
# its reader in its own town
_WELCOME = re.compile(r"willkommen\s+(?:in|im|bei)\s+(?:der\s+|dem\s+)?(?:[A-ZÄÖÜ]\w*\s+)?$", re.IGNORECASE)


def _alone_on_its_line(doc: Doc, span: Span) -> bool:
    """The name and its body word are all of their line (a link, a heading)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    after = text[span.end_char : len(text) if end < 0 else end]
    return not after.strip() and len(text[start : span.start_char].split()) <= 1


def _in_partnership_sentence(doc: Doc, span: Span) -> bool:
    """The mention's sentence, or the line its dateline opens ("Musterstadt. Vor 50 Jahren
    wurde die Partnerschaft ..."), has a partnership word, a weak one or a bond's ("verbunden")."""
    bonds = tuple(lex()["partnerships"]["bond_words"])
    tokens = list(span.sent)
    if all(span.start <= t.i < span.end or not t.text.strip(" \t\n.:–-") for t in tokens):
        # the name alone before a full stop or dash: a dateline, whose report is the rest of the line
        text = doc_text(doc)
        line_end = text.find("\n", span.end_char)
        line_end = len(text) if line_end < 0 else line_end
        tokens += [t for t in doc[span.sent.end : span.sent.end + 60] if t.idx < line_end]
    return any(keyword_category(t.lower_) or t.lower_.startswith(bonds) for t in tokens)


_DATELINE_END = re.compile(r"\s*(?:\(\w+\))?\s*(?:[.:–—]|-\s|,\s*(?:den\s+)?\d{1,2}\.)")


@lru_cache(maxsize=1)
def _partner_nouns() -> frozenset[str]:
    return frozenset(lex()["home"]["partner_nouns"])


def partner_noun_before(doc: Doc, span: Span) -> bool:
    """ "unsere Partnergemeinde X", "in der Partnerstadt X", "hat eine Partnergemeinde: X":
    the name right after a noun that calls it a partner (or after the noun and a colon);
    not a genitive ("eine Partnerstadt Musterstadts" names whose partner the town before is)."""
    k = span.start - 1
    if k > 0 and doc[k].text == ":":
        k -= 1
    return k >= 0 and doc[k].lower_ in _partner_nouns() and not _genitive(span)


def owner_after_partner_noun(doc: Doc, span: Span) -> bool:
    """ "Partnerstadt Musterstadts ist X": the genitive after a partner noun names
    whose partner the other town is."""
    return span.start > 0 and doc[span.start - 1].lower_ in _partner_nouns() and _genitive(span)


def _genitive(span: Span) -> bool:
    """A name in its genitive form: "Musterstadts", "Bad Musterbachs", "Musterhaus'"."""
    text = span.text
    if not text.endswith(("s", "'", "’")) or span._.place is None:
        return False
    gazetteer = load_gazetteer()
    return text not in gazetteer and text[:-1] in gazetteer


def _publisher_before(before: str) -> str | None:
    """ "Magistrat der Stadt X", "Rathaus X", "Stadtverwaltung X": the publisher's word
    right before the name (at most an article and a body word between), if any."""
    words = before.lower().split()[-3:]
    while words and (words[-1] in ("der", "des", "dem") or words[-1] in _body_words()):
        words.pop()
    return words[-1] if words and words[-1] in _PUBLISHER_WORDS else None


_TITLE_REACH = 300  # characters from the text's start within which its first line's names stand


_CRUMB_SEPARATOR = re.compile(r"\s[>»›]\s")


def _breadcrumb_position(text: str, span: Span) -> str | None:
    """Where a body stands in a breadcrumb line ("Startseite > Landkreis Y > Gemeinde X >
    Partnerschaften"): "last" for the last body named on it (the page's own), "above" for
    one before it; None off such a line."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(_CRUMB_SEPARATOR.findall(line)) < 2:
        return None
    line_end = line_start + len(line)
    named_later = any(
        e.label_ in ("CITY", "REGION") and span.end_char <= e.start_char < line_end for e in span.doc.ents
    )
    return "above" if named_later and _CRUMB_SEPARATOR.search(line, span.end_char - line_start) else "last"


def _title_line(text: str, span: Span) -> bool:
    """The page's first line is this body's name and nothing more, but for a title
    word: "Gemeinde Musterau", "Landkreis Musterland"."""
    if span.start_char > _TITLE_REACH:
        return False  # a first line starts near the text's start; a long text's later names need no look
    before = text[: span.start_char]
    line_start = before.rfind("\n") + 1
    if before[:line_start].strip(" \t\n#*"):
        return False
    title = before[line_start:].split()
    line_end = text.find("\n", span.end_char)
    after = text[span.end_char : line_end if line_end >= 0 else len(text)].strip()
    # "Frankfurt (Oder)", "Neustadt (Hessen)": a region in brackets is part of many official names
    return (after == "" or bool(_BRACKETED.fullmatch(after))) and len(title) <= 1 and (
        not title or title[0].lower() in _body_words()
    )


_BRACKETED = re.compile(r"\([^()\n]{1,40}\)")


def _association_title(text: str, span: Span) -> bool:
    """The page's first line is an association named after this town ("Partnerschaftsverein
    Musterstadt e.V.", "Deutsch-Französische Gesellschaft Musterstadt"): its page speaks of
    the town's partnerships."""
    if span.start_char > _TITLE_REACH:
        return False
    before = text[: span.start_char]
    line_start = before.rfind("\n") + 1
    if before[:line_start].strip(" \t\n#*"):
        return False
    words = before[line_start:].lower().split()
    line_end = text.find("\n", span.end_char)
    after = text[span.end_char : line_end if line_end >= 0 else len(text)].strip()
    association = any(w.endswith(tuple(lex()["places"]["association_endings"])) for w in words)
    return 1 <= len(words) <= 4 and after in ("", "e.V.", "e. V.") and association


def _dateline(text: str, span: Span) -> bool:
    """A place that opens the text, followed by a full stop, colon or dash, or that
    opens a line followed by a date: the dateline of a local report ("SPRINGFIELD –
    ...", "Springfield. Die Stadt ...", "Springfield, den 3. Mai 2020")."""
    before = text[: span.start_char]
    if _DATED_LINE.match(text, span.end_char):
        return not before or before.endswith("\n") or not before.strip(" \t\n#*")
    return not before.strip(" \t\n#*") and bool(_DATELINE_END.match(text, span.end_char))


_DATED_LINE = re.compile(r",\s*(?:den\s+)?\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s*\d{2,4}")


def partner_cue(doc: Doc, span: Span) -> bool:
    """ "Partnerschaft mit (der Stadt) X", "mit der Gemeinde X eine Partnerschaft": the
    name is the object of "mit" in a sentence with a partnership word."""
    start = span.start
    # "Musterdorf mit A, Musterberg mit B": a name before its own "mit" holds, it is not coordinated
    holds_own = span.end < len(doc) and doc[span.end].lower_ == "mit"
    for _ in range(6):  # "mit X, Y und der Stadt Z": each name of the coordination
        k = start - 1
        while k >= 0 and start - k <= 4 and (
            doc[k].lower_ in _body_words()
            or doc[k].lower_ in _MIT_FILLERS
            or doc[k].lower_ in place_nouns()
            or _inflected_adjective(doc[k].text)
        ):
            k -= 1
        if k >= 1 and doc[k].lower_ in ("und", "sowie", ","):
            previous = before_location(doc, k - 1)
            if previous >= 0 and doc[previous].ent_type_ in (CITY, REGION) and not holds_own:
                start = previous
                while start > 0 and doc[start].ent_iob_ == "I":
                    start -= 1  # to the first word of that name
                continue
            unmarked = _unmarked_name_before(doc, k - 1)
            if unmarked is not None and not holds_own:
                start = unmarked  # "mit Musterau-Bad Beispiel und X": a name the place rules did not mark
                continue
        if k > 0 and doc[k].text == ":":
            k -= 1  # "unterhält Partnerschaften mit: A, B und C"
        if k < 0 or not (doc[k].lower_ == "mit" or doc[k].lower_ == "zu" and _partnerships_to(doc, k)):
            return False
        if _relative_clause_subject(doc, k, span):
            return False  # "X, mit dem Musterstadt seit 1956 eine Partnerschaft verbindet": the subject
        sent = doc[span.start].sent
        return any(strong_kind(t.lower_) for t in sent)
    return False


def _relative_clause_subject(doc: Doc, k: int, span: Span) -> bool:
    """ "B, mit dem A seit 1956 eine Partnerschaft verbindet": "mit" at ``k`` opens a relative
    clause about the place before the comma, and the name right after its pronoun is the
    clause's subject (a town is named without an article: "mit dem A" is no object)."""
    return (
        k >= 2
        and doc[k - 1].text == ","
        and doc[k - 2].ent_type_ in (CITY, REGION)
        and span.start == k + 2
        and doc[k + 1].lower_ in ("dem", "der", "denen")
    )


def _partnerships_to(doc: Doc, k: int) -> bool:
    """ "Partnerschaften zu", "Beziehungen zu": the "zu" at token ``k`` follows a noun of a bond."""
    before = doc[k - 1].lower_ if k else ""
    return bool(strong_kind(before)) or before.startswith(("beziehung", "kontakt", "verbindung"))


def _unmarked_name_before(doc: Doc, k: int) -> int | None:
    """The first token of a run of capitalised words and hyphens (at most four tokens)
    that ends at token ``k`` and that no entity covers, or None."""
    j = k
    while j >= 0 and k - j < 4 and not doc[j].ent_type_ and (doc[j].text[:1].isupper() or doc[j].text == "-"):
        j -= 1
    first = j + 1
    if first > k or doc[first].text == "-":
        return None
    return first


_LOCATION_WORDS = {"in", "im", "aus", "der", "dem", "des", "/", "(", ")"}
_DATE_WORDS = {"seit", "ab", "von", "bis", "-", "–"}  # "X (seit 1976)", "X (1976–1990)": the name's own year


def before_location(doc: Doc, k: int) -> int:
    """The last token of a coordinated name, from the token before the conjunction:
    the name itself, or the name before its location ("X im Bundesland Y/Deutschland",
    "X in der Region Y in Frankreich", "X (Italien)", "X (seit 1976)"); -1 where no name is found."""
    j, found = k, k
    while j > 0 and k - j < 12 and (
        doc[j].ent_type_ in (COUNTRY, REGION, "DATE")
        or doc[j].lower_ in _LOCATION_WORDS
        or doc[j].lower_ in _body_words()
        or doc[j].lower_ in _DATE_WORDS and doc[j + 1].ent_type_ == "DATE"
    ):
        if doc[j].lower_ in ("in", "im", "aus", "(") and doc[j - 1].ent_type_ in (CITY, REGION):
            found = j - 1  # the earliest: "X in der Region Y in Frankreich" is X's location
        j -= 1
    return found


def before_coordination(doc: Doc, k: int, skip: Callable[[str], bool], floor: int = 0) -> int:
    """From token ``k``, the last before a name, back over the names coordinated before it
    ("aus Y, Z und W"; past a name's own location: "Y im Elsass, Z"), each with the words
    ``skip`` passes (articles, body words): the token before the first name, or the
    conjunction that joins no name."""
    for _ in range(6):
        while k > floor and skip(doc[k].lower_):
            k -= 1
        if k - 1 < floor or doc[k].lower_ not in ("und", "sowie", ","):
            break
        j = before_location(doc, k - 1)
        if j < floor or doc[j].ent_type_ not in (CITY, REGION):
            break
        while j > floor and doc[j].ent_iob_ == "I":
            j -= 1
        k = j - 1
    return k


def _inflected_adjective(word: str) -> bool:
    """ "fränkischen", "benachbarten": a lower-case inflected adjective before a name."""
    return word.islower() and len(word) > 4 and word.endswith(("en", "em", "er", "es")) and word != "zwischen"


def _predecessor(doc: Doc, span: Span, markers: tuple[str, ...]) -> bool:
    """ "damaligen Landkreis X", "der ehemaligen Gemeinde X"."""
    for tok in reversed(doc[max(0, span.start - 3) : span.start]):
        if tok.is_punct:
            return False
        if tok.lower_.startswith(markers):
            return True
    return False


_SHORT_FORM = re.compile(r" (?:am|an der|an|im|in der|in|ob der|bei|a\.|\() ")


def _title_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lex()["places"]["city_words"] + lex()["places"]["region_words"])


def mentions_of(
    doc: Doc, places: list[Span], names: tuple[str, ...], district: bool, country: str | None = None
) -> list[Span]:
    """The mentions of the body whose squashed names (``addresses.squash``) are
    ``names``: "neustadt-muehlbach" finds "Neustadt (Mühlbach)", "landkreis-x" finds "Landkreis
    X" (or the town X where the text names no district). The body most mentioned
    wins; a district's address prefers district mentions, a town's town mentions, and an
    address's country ("musterau.at") mentions of places there (namesakes partner each other)."""
    titles = _title_words()
    organisations = frozenset(lex()["partnerships"]["organisation_words"])
    forms_of: list[tuple[Span, set[str]]] = []
    for span in places:
        if not could_be_at_home(span) or (span.start and doc[span.start - 1].lower_ in organisations):
            continue  # "Gymnasium X" on a school's site: the school's name, not a body
        words = canonical_name(span).split(" ")
        bare = words[1:] if len(words) > 1 and words[0].lower() in titles else words
        forms = {squash(" ".join(words)), squash(" ".join(bare))}
        place = span._.place
        if place is not None:
            forms.add(squash(place.name))
        # "Musterstadt an der Elbe" on the site "musterstadt.de"
        for form in (" ".join(bare), place.name if place else ""):
            forms.add(squash(_SHORT_FORM.split(form, maxsplit=1)[0]))
        forms_of.append((span, forms - {""}))
    matched: list[Span] = []
    for name in names:  # the most specific name the text mentions
        matched = [span for span, forms in forms_of if name in forms]
        if matched:
            break
    wanted = REGION if district else CITY
    preferred = [s for s in matched if s.label_ == wanted]
    matched = preferred or matched
    if country is not None:
        matched = [s for s in matched if s._.place is not None and s._.place.country == country] or matched
    if not matched:
        return []
    keys = body_keys(places)
    key = lambda span: keys.get((span.start, span.end)) or name_key(span)  # noqa: E731
    counts: dict[str, int] = defaultdict(int)
    for span in matched:
        counts[key(span)] += 1
    best = max(counts, key=lambda k: counts[k])
    chosen = [s for s in matched if key(s) == best]
    # "Berlin Musterbezirk" beside "Musterbezirk" on "berlin.de/ba-musterbezirk": the body
    # written with the city the address also names
    bare_names = {canonical_name(s).lower() for s in chosen}
    longer = []
    for span in places:
        name = canonical_name(span).lower()
        for bare in bare_names:
            prefix = name[: -len(bare)].rstrip(" -") if name.endswith(bare) and len(name) > len(bare) else ""
            if prefix and squash(prefix) in names and span not in chosen:
                longer.append(span)
                break
    return sorted(chosen + longer, key=lambda s: s.start)


def named_in_text(doc: Doc, names: tuple[str, ...]) -> str | None:
    """The text's own spelling of a body it names without the place rules marking it
    ("Amt Musterland", a town the gazetteer lacks): the first run of up to five
    capitalised words whose squashed form is one of ``names``."""
    words = [t for t in doc if not t.is_space]
    for name in names:
        for i, token in enumerate(words):
            if not token.text[:1].isupper():
                continue
            text = ""
            for j in range(i, min(len(words), i + 5)):
                text = doc[token.i : words[j].i + 1].text
                squashed = squash(text)
                if squashed == name:
                    return text
                if len(squashed) > len(name) or not name.startswith(squashed):
                    break
    return None


def given_names(name: str) -> tuple[tuple[str, ...], bool]:
    """The squashed names of a home given by name ("Landkreis Musterland") and
    whether it is a district."""
    words = name.split()
    district = bool(words) and names_district(name)
    bare = words[1:] if len(words) > 1 and words[0].lower() in _title_words() else words
    return tuple(dict.fromkeys((squash(name), squash(" ".join(bare))))), district


_ADJECTIVE = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]{2,})er\b")
_ADJECTIVE_MENTIONS = 2  # a town named only by its adjective once is as likely a visitor's


def home_by_adjective(doc: Doc) -> HomeBody | None:
    """The town at home that the text names only by its inhabitants' adjective, at least
    twice and no other town so ("die Musterstädter Gäste", "der Musterstädter Bürgermeister"):
    a town of at least the lexicon's ``town_population``, its adjective rarer than its name."""
    counts: dict[str, int] = defaultdict(int)
    for m in _ADJECTIVE.finditer(doc_text(doc)):
        counts[m.group(1)] += 1
    gazetteer = load_gazetteer()
    towns = lex()["places"]["town_population"]
    found = []
    for stem, n in counts.items():
        if n < _ADJECTIVE_MENTIONS or gazetteer.zipf(stem + "er") > gazetteer.zipf(stem):
            continue  # "Weiler", "Lehrer": a word more frequent than the town, no adjective of it
        places = [p for p in gazetteer.lookup(stem) if p.label == CITY and lies_at_home(p) and p.population >= towns]
        if places:
            found.append(given_home_body(max(places, key=lambda p: p.population).name))
    return found[0] if len(found) == 1 else None


def article_about_a_town_abroad(doc: Doc, places: list[Span]) -> list[Span]:
    """An encyclopedia's article about a town abroad: its first line is the town's name
    alone and a later sentence opens with it ("Musterville ist eine französische
    Gemeinde ...", "Musterville unterhält Partnerschaften mit ..."). The town's mentions;
    [] otherwise. Asked only where no body at home publishes the text."""
    text = doc_text(doc)
    first = next((s for s in doc.sents if text[s.start_char : s.end_char].strip()), None)
    if first is None:
        return []
    title = [p for p in places if p.start >= first.start and p.end <= first.end]
    if len(title) != 1 or title[0].label_ != CITY or not _alone_on_its_line(doc, title[0]):
        return []
    town = title[0]
    if town._.place is None or lies_at_home(town._.place):
        return []
    key = name_key(town)
    mentions = [p for p in places if name_key(p) == key]
    opens = any(m.start > first.end and m.start == m.sent.start for m in mentions)
    return mentions if opens else []


def article_about_a_town_at_home(doc: Doc, places: list[Span]) -> list[Span]:
    """The mentions of the town at home an encyclopedia's article is about: the page's first
    line is its name alone, and a sentence within the next lines defines it ("X ist eine
    Stadt im Landkreis Y"); [] otherwise. Long articles name their neighbours more often
    than themselves; the title and the definition say whose article it is."""
    text = doc_text(doc)
    first = next((s for s in doc.sents if text[s.start_char : s.end_char].strip()), None)
    if first is None:
        return []
    title = [p for p in places if p.start >= first.start and p.end <= first.end]
    if len(title) != 1 or not _alone_on_its_line(doc, title[0]) or not could_be_at_home(title[0]):
        return []
    key = name_key(title[0])
    mentions = [p for p in places if name_key(p) == key]
    words = token_table(doc).words
    defined = any(
        m.start >= first.end and m.start_char <= _TITLE_REACH * 2 and defines_a_town(words, m.start, m.end)
        for m in mentions
    )
    if not defined or any(partner_cue(doc, m) or partner_noun_before(doc, m) for m in mentions):
        return []
    return mentions


@Language.factory("twinning_home")
class HomeFinder:
    """Sets ``doc._.home_spans`` and ``doc._.home_why``: from the text's votes
    (``choose_home``), unless the caller gave the home (``doc._.given_home``) or the
    page's address names a body the text mentions (``doc._.address``)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        places = [e for e in doc.ents if e.label_ in (CITY, REGION)]
        spans, why = choose_home(doc, places, doc._.partner_lines or [])
        subject = article_about_a_town_at_home(doc, places)
        if subject and (not spans or name_key(spans[0]) != name_key(subject[0])):
            spans, why = subject, f"page title and its defining sentence (the text's votes: {why})"
        if not spans and (abroad := article_about_a_town_abroad(doc, places)):
            spans, why = abroad, "page title: a town abroad that the article is about"
        given: str | None = doc._.given_home
        address: PageAddress | None = doc._.address
        if given:
            names, district = given_names(given)
            spans, why = mentions_of(doc, places, names, district), "given by the caller (--home)"
        elif address is not None:
            found = mentions_of(doc, places, address.names, address.kind == DISTRICT, address.country)
            text_said = f"the text alone: {spans[0].text if spans else 'none'}"
            if found:
                agrees = bool(spans) and name_key(spans[0]) == name_key(found[0])
                spans, why = found, f"page's address ({address.host}); " + ("the text agrees" if agrees else text_said)
            elif (body := self._body_of_address(doc, address)) is not None:
                # a body the place rules did not mark: it holds the page's pairs as a long
                # text's later window holds the home of its first
                doc._.text_before = TextBefore(body, doc._.text_before is not None and doc._.text_before.about_twinning)
                spans, why = [], f"page's address ({address.host}): {body.names[0]}; {text_said}"
        if not spans and not given and address is None and doc._.text_before is None:
            body = home_by_adjective(doc)
            if body is not None:
                # "Eine Musterstädter Delegation reiste nach Y": a local report names its town
                # only by its people's adjective; the town then holds the page's pairs
                doc._.text_before = TextBefore(body, False)
                why = f"its inhabitants' adjective only ({body.names[0]})"
        doc._.home_spans, doc._.home_why = spans, why
        if not spans and doc._.text_before is not None and doc._.text_before.home is not None:
            if not why.startswith(("given", "page's address")):
                doc._.home_why = "carried from the window before"  # a long text's later window
        return doc

    @staticmethod
    def _body_of_address(doc: Doc, address: PageAddress) -> HomeBody | None:
        """The body an address names that the text names only in words the place rules
        did not mark ("Amt Musterland"), or not at all: a name the text writes with a
        body's title, or one the gazetteer lists at home."""
        written = named_in_text(doc, address.names)
        if written is not None:
            body = given_home_body(written)
            if body.place is not None or written.split(" ")[0].lower() in _title_words():
                return body
        if address.kind == DISTRICT and written is None:
            # the gazetteer lists towns, not districts: the host's own title names it
            return given_home_body(address.official) if address.official else None
        body = given_home_body(written or address.title)
        if body.place is None or body.place.label != CITY:
            # "amt-musterland.de": the host names the body with its title
            return given_home_body(address.official) if address.official and written is None else None
        name = written or body.place.name
        return HomeBody(body.key if written else "name:" + fold_name(name), (name,), body.place)

