"""The working state of one document while its partnerships are read.

``ReadingState`` holds what the rules ask of a document (its token table,
entities by sentence, partnership words, headings, event triggers, the home
and its former names); the component makes one per document and keeps none.
``Side`` and ``Pair`` are the pairs in the making; ``merge_spelling_variants``
joins one partner written several ways."""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..gazetteer import CITY, COUNTRY, REGION, Place, load_gazetteer
from ..text import fold_name
from .bodies import (
    body_keys,
    canonical_name,
    keyword_category,
    lex,
    name_key,
    names_district,
    states_bond,
)
from .events import triggers_by_sentence, triggers_in
from .extensions import TokenTable, token_table

PLACE_LABELS = (CITY, REGION)

_HEADING_MAX_TOKENS = 10  # tokens, hyphens uncounted


def _topic_compound(table: TokenTable, k: int) -> bool:
    """ "Verkehrsverbund-Partnerschaft", "Bildungs-Kooperation": the partnership word is the
    last part of a hyphenated compound whose whole is no partnership word and whose first
    part is no place (not "Städte-Partnerschaft", not "Musterau-Partnerschaft")."""
    if k < 2 or table.words[k - 1] != "-" or table.spaced[k - 2] or table.spaced[k - 1]:
        return False
    first = table.words[k - 2]
    if not first[:1].isupper() or keyword_category(table.lower[k - 2] + table.lower[k]) is not None:
        return False
    return not load_gazetteer().lookup(first)


@lru_cache(maxsize=1)
def _section_bond_words() -> dict[str, frozenset[str]]:
    words = lex()["partnerships"]
    return {"verbs": frozenset(words["section_bond_verbs"]), "means": frozenset(words["section_bond_means"])}


def binds_by_mit(words: list[str]) -> bool:
    """ "ist mit X verbunden", "verbindet die Stadt mit X": a bond verb and "mit" among a
    sentence's lower-cased words, by no means of transport ("durch die Bahn verbunden")."""
    bonds = _section_bond_words()
    return "mit" in words and any(w in bonds["verbs"] for w in words) and bonds["means"].isdisjoint(words)


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    return frozenset(lex()["partnerships"]["organisation_words"])


@lru_cache(maxsize=1)
def partnership_prefixes() -> tuple[str, ...]:
    return tuple(lex()["partnerships"]["partnership"])


def bucket_by_sentence(ents: list[Span], sentences: list[Span]) -> dict[int, list[Span]]:
    """Entities grouped by the start token of the sentence they begin in."""
    buckets: dict[int, list[Span]] = {}
    k = 0
    for ent in ents:
        while k + 1 < len(sentences) and sentences[k + 1].start <= ent.start:
            k += 1
        if sentences:
            buckets.setdefault(sentences[k].start, []).append(ent)
    return buckets


@lru_cache(maxsize=1)
def body_words_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in lex()["places"]["city_words"])


class CharRanges:
    """Character ranges (the partner lines' bounds), asked for each sentence whether
    one covers it or which overlap it: kept sorted with the running maximum of their
    ends, so that a page of hundreds of partner lines is not scanned per sentence."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]
        self.furthest = list(itertools.accumulate((b for _, b in self.ranges), max))

    def cover(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start)  # the ranges that start at or before ``start``
        return k > 0 and self.furthest[k - 1] >= end

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect_left(self.starts, end)  # the ranges that start before ``end``
        if k == 0 or self.furthest[k - 1] <= start:
            return []  # none of them reaches into start:end (most sentences)
        return [(a, b) for a, b in self.ranges[:k] if b > start]


def merge_spelling_variants(pairs: list[Pair], district_home: bool = False) -> list[Pair]:
    """One partner written several ways on a page ("Springfeld", "Springfield-sur-Mer"
    for "Springfield-sur-Mer"): pairs of the same side a whose b names agree up to
    one letter over the shorter name merge into the pair with the longest name. On a
    district's page (``district_home``) a partner district named after its town and
    the town's name alone ("Kreis Springfield", "Springfield") are one partner too."""
    kept: list[Pair] = []
    kept_by_a: dict[str, list[Pair]] = {}  # the kept pairs of each side a, in the order kept

    def same(long_name: str, short_name: str) -> bool:
        return _same_spelling(long_name, short_name) or district_home and _district_of_town(long_name, short_name)

    for pair in sorted(pairs, key=lambda p: -len(fold_name(p.b.names[0]))):
        same_a = kept_by_a.setdefault(pair.a.key, [])
        target = next((k for k in same_a if same(k.b.names[0], pair.b.names[0])), None)
        if target is None:
            kept.append(pair)
            same_a.append(pair)
            continue
        for name in pair.b.names:
            target.b.add_name(name)
        target.kinds |= pair.kinds
        target.events += [e for e in pair.events if e not in target.events]
        target.a_aliases += pair.a_aliases
        if pair.evidence is not None and (target.evidence is None or pair.evidence < target.evidence):
            target.evidence = pair.evidence
    order = {id(p): k for k, p in enumerate(pairs)}
    return sorted(kept, key=lambda p: order[id(p)])


def _same_spelling(long_name: str, short_name: str) -> bool:
    """ "Springfeld" for "Springfield-sur-Mer" (one letter off), "Springfield" for
    "Springfield-sur-Mer" (the name before its hyphenated rest); not "Springfield"
    for "Springfield AG", a place of its own."""
    a, b = fold_name(long_name), fold_name(short_name)
    if len(b) < 6 or a == b:
        return False
    prefixes = [a[:n] for n in (len(b) - 1, len(b), len(b) + 1)]
    if b in prefixes:  # the name before its hyphenated rest
        return long_name[len(short_name) : len(short_name) + 1] == "-"
    return any(_one_edit_apart(prefix, b) for prefix in prefixes)


def _district_of_town(long_name: str, short_name: str) -> bool:
    """ "Kreis Springfield" for "Springfield": a district's word before the town's name."""
    word, _, rest = long_name.partition(" ")
    return bool(rest) and fold_name(rest) == fold_name(short_name) and names_district(long_name)


def _one_edit_apart(x: str, y: str) -> bool:
    """Whether one substitution, insertion or deletion (or none) turns ``x`` into
    ``y``: edit distance at most 1, in one pass (a page lists hundreds of partners,
    compared pairwise)."""
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    return x[i + 1 :] == y[i + 1 :] if len(x) == len(y) else x[i:] == y[i + 1 :]


@dataclass
class Side:
    key: str
    names: list[str] = field(default_factory=list)
    place: Place | None = None
    country: str | None = None

    def add_name(self, name: str) -> None:
        name = " ".join(name.split())
        if name and fold_name(name) not in {fold_name(n) for n in self.names}:
            if self.names and _latin(name) and not _latin(self.names[0]):
                self.names.insert(0, name)  # "Beijing" before "北京市": the name a German text's reader knows
            elif self.names and names_district(name) and name.endswith(" " + self.names[0]):
                self.names.insert(0, name)  # "Landkreis X" before "X" (a "Partnerlandkreis X"): its full name
            else:
                self.names.append(name)


def _latin(name: str) -> bool:
    """Whether a name starts in Latin script."""
    return name[:1].isascii() or "LATIN" in unicodedata.name(name[0], "")


@dataclass
class Pair:
    a: Side
    b: Side
    kinds: set[str] = field(default_factory=set)
    events: list[dict] = field(default_factory=list)
    evidence: tuple[int, int] | None = None
    why: str = ""
    # former names of side a that belong to this partnership only ("die damalige Gemeinde X schloss ...")
    a_aliases: list[str] = field(default_factory=list)
    # the pair was made with the home assumed, from a sentence that does not name it
    home_assumed: bool = False


class ReadingState:
    """One document's working state: made per document by ``PartnershipExtractor``,
    never kept on the component (documents of a batch or of workers share nothing)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._table: TokenTable = token_table(doc)
        self._ents: list[Span] = list(doc.ents)
        self._ent_starts = [e.start_char for e in self._ents]
        self._places = [e for e in self._ents if e.label_ in PLACE_LABELS]
        self._countries = [e for e in self._ents if e.label_ == COUNTRY]
        self._bounds = self._table.sentence_bounds()
        self._keys = body_keys(self._places)
        self._home_side: Side | None = None
        self._home_why: str | None = None
        self._predecessors: set[str] = set()  # keys of the home's former bodies the text names
        self._sentence_home_aliases: list[str] = []  # former names of the home the current sentence gives
        self._claimed: set[int] = set()  # starts of places the current sentence gave to another holder
        self._sentence_starts: list[int] = []
        self._ents_by_sentence: dict[int, list[Span]] = {}
        self._sentence_kinds: dict[int, tuple[set[str], bool]] = {}
        self._heading_cache: dict[int, bool] = {}
        self._trigger_cache: dict[int, list[tuple[int, str]]] = {}

    def _prepare_sentences(self) -> list[Span]:
        """The sentences, with their entities, partnership words and event triggers;
        only for a document about twinning (most of a crawl is not)."""
        doc, table, bounds = self.doc, self._table, self._bounds
        sentences = [doc[start:end] for start, end in bounds]
        self._sentence_starts = [start for start, _ in bounds]
        self._ents_by_sentence = bucket_by_sentence(self._ents, sentences)
        self._sentence_kinds = self._sentence_keywords(table, bounds)
        self._bonds_in_partnership_sections(bounds)
        char_bounds = [(table.starts[start], table.ends[end - 1]) for start, end in bounds]
        self._trigger_cache = {
            start: found
            for (start, _), found in zip(bounds, triggers_by_sentence(table.text, char_bounds), strict=True)
        }
        return sentences

    def _key(self, span: Span) -> str:
        return self._keys.get((span.start, span.end)) or name_key(span)

    def _ents_in(self, sent: Span, labels: tuple[str, ...]) -> list[Span]:
        return [e for e in self._ents_by_sentence.get(sent.start, ()) if e.label_ in labels]

    @staticmethod
    def _sentence_keywords(table: TokenTable, bounds: list[tuple[int, int]]) -> dict[int, tuple[set[str], bool]]:
        """For each sentence (by start token): the partnership kinds named in it,
        and whether a weak word is there."""
        result: dict[int, tuple[set[str], bool]] = {start: (set(), False) for start, _ in bounds}
        starts = [start for start, _ in bounds]
        for k, word in enumerate(table.lower):
            category = keyword_category(word)
            if category is None or _topic_compound(table, k):
                continue
            start = starts[bisect_right(starts, k) - 1]
            kinds, weak = result[start]
            if category == "weak":
                result[start] = (kinds, True)
            else:
                kinds.add(category)
        # "eine Absichtserklärung zur Zusammenarbeit": a cooperation by agreement
        lex_words = lex()["partnerships"]
        cooperation, agreement = tuple(lex_words["cooperation_by_agreement"]), tuple(lex_words["agreement_words"])
        for start, end in bounds:
            words = table.lower[start:end]
            if result[start][1] and any(w.startswith(cooperation) for w in words):
                if any(w.startswith(agreement) for w in words):
                    result[start][0].add("cooperation")
            if result[start][1] and not result[start][0] and states_bond(words):
                result[start][0].add("partnership")  # "partnerschaftlich verbunden": no other kind named
            elif result[start][1] and not result[start][0] and states_bond(words, friendship=True):
                result[start][0].add("friendship")  # "freundschaftlich verbunden"
        return result

    def _bonds_in_partnership_sections(self, bounds: list[tuple[int, int]]) -> None:
        """ "Partnerstädte" over "Seit 1970 ist die Stadt mit X verbunden": under a heading
        with a partnership word, a sentence binding a body to a place by "mit ... verbunden"
        or "verbindet ... mit" states that partnership, though it names none."""
        with_places = {start for start, _ in bounds if self._ents_by_sentence.get(start)}
        kinds_of = {start: self._sentence_kinds[start][0] for start, _ in bounds}
        for start, section_kind in self._section_bonds(bounds, kinds_of, with_places).items():
            self._sentence_kinds[start][0].add(section_kind)

    def _section_bonds(
        self, bounds: list[tuple[int, int]], kinds_of: dict[int, set[str]], with_places: set[int]
    ) -> dict[int, str]:
        """The sentences (by start token) that state a bond under a partnership heading, with
        the heading's kind; ``kinds_of`` gives each sentence's partnership kinds, ``with_places``
        the sentences that name a place. The section runs to the next heading that names
        neither a partnership nor a place."""
        table = self._table
        section_kind: str | None = None
        found: dict[int, str] = {}
        for start, end in bounds:
            kinds = kinds_of[start]
            if self._heading(table, start, end):
                if kinds:
                    section_kind = sorted(kinds)[0] if len(kinds) == 1 else "partnership"
                elif start not in with_places:
                    section_kind = None  # "Geschichte", "Wirtschaft": another section
                continue
            if section_kind is None or kinds or start not in with_places:
                continue
            if binds_by_mit(table.lower[start:end]):
                found[start] = section_kind
        return found

    def _keywords(self, sent: Span) -> tuple[set[str], bool]:
        """Partnership kinds named in the sentence, and whether a weak word is there."""
        return self._sentence_kinds[sent.start]

    def _names_home(self, sent_places: list[Span], home_keys: set[str]) -> bool:
        return any(self._key(p) in home_keys for p in sent_places)

    def _is_heading(self, sent: Span) -> bool:
        cached = self._heading_cache.get(sent.start)
        if cached is None:
            cached = self._heading_cache[sent.start] = self._heading(self._table, sent.start, sent.end)
        return cached

    @staticmethod
    def _heading(table: TokenTable, start: int, end: int) -> bool:
        """A short line of its own: a heading, a list item, a fact-box line."""
        words = 0
        for word in table.words[start:end]:
            # a hyphen joins a name's parts: "Saint-Martin-de-Ré (Nouvelle-Aquitaine, Frankreich)" is no
            # longer than "Musterau (Bretagne, Frankreich)"
            if not word.isspace() and word != "-":
                words += 1
                if words > _HEADING_MAX_TOKENS:
                    return False
        if not words:
            return False
        start_char, end_char = table.starts[start], table.ends[end - 1]
        raw = table.text[start_char:end_char]
        text = raw.strip()
        return text[-1:] not in ".!?:;," and (
            text.startswith("#")
            or "\n" in raw.rstrip(" \t")[-1:]
            or "\n" in table.text[end_char : end_char + 2]
            or end == len(table)
        )

    @staticmethod
    def _home_keys(home: Side | None) -> set[str]:
        """The home's key; for a district also the town it is named after, which is
        part of it, not its partner ("Landkreis X" and the town X)."""
        if home is None:
            return set()
        keys = {home.key}
        if home.key.startswith("region:"):
            keys.add("name:" + home.key.split(":", 1)[1])
        for name in home.names:
            # "Springfield am See" is also called "Springfield" on its own pages
            short = re.split(r" (?:am|an der|an|im|in der|ob der|bei|a\.) ", name, maxsplit=1)[0]
            if short != name:
                keys.add("name:" + fold_name(short))
        return keys

    def _side_of(self, span: Span) -> Side:
        side = Side(self._key(span), place=span._.place)
        side.add_name(canonical_name(span))
        side.country = self._country_after(span)
        return side

    def _country_after(self, span: Span) -> str | None:
        doc = span.doc
        for ent in self._countries:
            if 0 <= ent.start - span.end <= 3:
                gap = doc[span.end : ent.start].text
                if "\n" not in gap and all(w in ("(", ",", "in", "der", "dem", "im", "") for w in gap.split()):
                    place: Place | None = ent._.place
                    return place.country if place else None
        return None

    @staticmethod
    def _pair(pairs: dict[tuple[str, str], Pair], a: Side, b: Side) -> Pair:
        key = (a.key, b.key)
        reverse = pairs.get((b.key, a.key))
        if reverse is not None:
            # a partnership has no direction: "A – B" in a list and "B pflegt eine Partnerschaft mit A"
            for name in a.names:
                reverse.b.add_name(name)
            return reverse
        if key not in pairs:
            pairs[key] = Pair(a=a, b=b)
        else:
            for name in b.names:
                pairs[key].b.add_name(name)
            pairs[key].b.country = pairs[key].b.country or b.country
        return pairs[key]

    def _named_pairs(self, sent_places: list[Span], pairs: dict[tuple[str, str], Pair]) -> list[tuple[str, str]]:
        keys = {self._key(p) for p in sent_places}
        return [k for k in pairs if k[1] in keys]

    def _triggers(self, sent: Span) -> list[tuple[int, str]]:
        """(char offset, event type) of every trigger word in the sentence."""
        found = self._trigger_cache.get(sent.start)
        if found is None:  # not one of the document's sentences
            found = triggers_in(sent.text, sent.start_char)
        return list(found)
