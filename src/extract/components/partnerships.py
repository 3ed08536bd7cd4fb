"""Partnerships and their events.

Reads the entities, the page's partner lines (``doc._.partner_lines``) and the
home (``doc._.home_spans``) that earlier components set, and writes
``doc._.home`` (the home's names) and ``doc._.partnerships`` (plain
dictionaries). Each pair says why it was made (``why``): which scope and rule.

* Gate: a document not about town twinning (no twinning-only word, no
  partnership word beside a municipal word) gives no pairs.
* Partner lines: list items and sub-headings pair their owner (the pair line's
  first side, the lead-in's body, else the home) with the partner.
* Sentences that name both sides ("zwischen A und B", "Partnerschaft A-B")
  pair them as stated; a place located in another ("X in der Gemeinde Y") is
  an alias of that one; a former body of the home ("der damaligen Gemeinde X")
  is the home, its name an alias on that partnership only.
* Member towns: on a district's or association's page a town at home that is
  not named as someone's partner holds the partnerships its sentence names.
* Other sentences with a partnership word pair the home with each place that
  could be a partner: not the home or its parts, not a venue's region, a
  designation, a reference point ("westlich von X"), or the home's own state.
  A weak word ("Kontakt", "Beziehungen") does so only next to an event verb.
* Focus: headings and pair sentences set the partners a text is talking
  about, so that "die Partnerschaft wurde 1959 gegründet" without a name goes
  to them.
* Events (read by ``events.py``): trigger words per type, each date of the
  sentence given to the nearest trigger; "seit <date>" after a partner dates
  its signing; "since" is the earliest signing; "ended" sets the status.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..confidence import pair_features, score
from ..gazetteer import CITY, COUNTRY, REGION, Place, load_gazetteer
from ..text import fold_name
from .bodies import (
    HOME_COUNTRIES,
    HomeBody,
    TextBefore,
    about_twinning,
    body_keys,
    canonical_name,
    could_be_at_home,
    keyword_category,
    lex,
    name_key,
    names_district,
    resolved_at_home,
    states_bond,
    strong_kind,
)
from .events import (
    event_order,
    is_coarser_signing,
    sentence_events,
    since_of,
    triggers_by_sentence,
    triggers_in,
    without_repeated_signing,
)
from .extensions import TokenTable, doc_text, span_text, token_table
from .home import between_statements, foreign_adjective_before, partner_cue, partner_noun_before
from .partner_lines import FORM_RULE, ents_by_block

_PLACE_LABELS = (CITY, REGION)
KIND_ORDER = ("project", "partnership", "cooperation", "friendship")
_LOCATION_LINK = {"in", "im", "bei", "am"}
_HEADING_MAX_TOKENS = 10
# nouns that call a town a partner (a sentence with one enumerates partner towns)
_PARTNER_TOWN_NOUNS = (
    "partnerstadt",
    "partnerstädte",
    "partnergemeinde",
    "partnerkommune",
    "partnerkreis",
    "partnerlandkreis",
)
_COPULAS = frozenset({"ist", "sind", "wurde", "wurden", "bleibt", "bleiben", "war", "waren", "wird", "werden"})
_DIRECTIONS = ("lich", "wärts")  # "nördlich", "südöstlich", "landeinwärts"
# words that join the parties of a stated partnership ("mit Y", "zwischen X und Y")
# at most this many tokens between a partner's name and the date that founds it ("X (1990)": 1;
# "X im Jahr 1990": 2); further, on the development sets, the date is as often another event's
_BESIDE = 3
# a sentence that dates an anniversary, a span of years or a renewal, not a founding
_NOT_FOUNDING = re.compile(r"\bjahren?\b|jährig|jubiläum|jahrestag|erneuer|verlänger|bekräftig")
_BESIDE_WORDS = frozenset({"(", ")", ",", "seit", "ab", "im", "jahr", "jahre", "-", "–", ":", "since", "/"})
_PARTY_LINKS = frozenset({"mit", "zwischen", "zu"})
_PAIR_JOINERS = frozenset({"und", "&", "-", "–", "—"})  # "A und B", "A – B" as the two parties
_LINK_ARTICLES = frozenset({"der", "den", "dem", "die", "des"})
_NATIONALITY_ENDINGS = ("ische", "ischen", "ischer", "isches")  # "der französischen Stadt", "die polnische Gemeinde"


def _link_filler(word: str) -> bool:
    """A word that may stand between a party link and its place: an article, a body word,
    a nationality adjective ("mit der französischen Stadt X", "X und die polnische Gemeinde Y")."""
    return word in _LINK_ARTICLES or word in _body_words_lower() or word.endswith(_NATIONALITY_ENDINGS)


# what may stand between a town and the region that locates it ("X (Provinz Y)", "X in der Y")
_QUALIFIER_WORDS = frozenset({"(", ",", "/", "in", "im", "der", "dem", "des", "aus", "–", "-", "provinz", "region"})
_QUALIFIER_GAP = 6
_MIT_WORDS = frozenset({"der", "dem", "den"})
_OPENING_QUOTES = {"„", "“", '"', "«", "»", "‚"}


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    return frozenset(lex()["partnerships"]["organisation_words"])


@lru_cache(maxsize=1)
def _partnership_prefixes() -> tuple[str, ...]:
    return tuple(lex()["partnerships"]["partnership"])


def _bucket_by_sentence(ents: list[Span], sentences: list[Span]) -> dict[int, list[Span]]:
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
def _body_words_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in lex()["places"]["city_words"])


class _CharRanges:
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


def _pair_lines_abroad(lines: list, about_organisation: Callable[[Span], bool]) -> bool:
    """Two or more lines that each pair a body at home with one abroad: "Stadt X – Y
    (Frankreich)" lines, or items under a lead-in naming their owner ("X unterhält
    Partnerschaften zu:", but not "Der Sportverein X ..."): a list of partnerships by
    its form, whatever its words."""
    pairs = [
        line for line in lines
        if line.partner._.place is not None and not resolved_at_home(line.partner)
        and (
            line.rule == "pair line of two bodies"
            or line.rule.endswith("under its owner") and resolved_at_home(line.holder)
            and not about_organisation(line.holder.sent)
        )
    ]  # fmt: skip
    return len(pairs) >= 2


def merge_spelling_variants(pairs: list[_Pair]) -> list[_Pair]:
    """One partner written several ways on a page ("Springfeld", "Springfield-sur-Mer"
    for "Springfield-sur-Mer"): pairs of the same side a whose b names agree up to
    one letter over the shorter name merge into the pair with the longest name."""
    kept: list[_Pair] = []
    kept_by_a: dict[str, list[_Pair]] = {}  # the kept pairs of each side a, in the order kept
    for pair in sorted(pairs, key=lambda p: -len(fold_name(p.b.names[0]))):
        same_a = kept_by_a.setdefault(pair.a.key, [])
        target = next((k for k in same_a if _same_spelling(k.b.names[0], pair.b.names[0])), None)
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
class _Side:
    key: str
    names: list[str] = field(default_factory=list)
    place: Place | None = None
    country: str | None = None

    def add_name(self, name: str) -> None:
        name = " ".join(name.split())
        if name and fold_name(name) not in {fold_name(n) for n in self.names}:
            self.names.append(name)


@dataclass
class _Pair:
    a: _Side
    b: _Side
    kinds: set[str] = field(default_factory=set)
    events: list[dict] = field(default_factory=list)
    evidence: tuple[int, int] | None = None
    why: str = ""
    # former names of side a that belong to this partnership only ("die damalige Gemeinde X schloss ...")
    a_aliases: list[str] = field(default_factory=list)
    # the pair was made with the home assumed, from a sentence that does not name it
    home_assumed: bool = False


@Language.factory("twinning_partnerships")
class PartnershipExtractor:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)
        self._table = table
        ents = self._ents = list(doc.ents)
        self._ent_starts = [e.start_char for e in ents]
        places = [e for e in ents if e.label_ in _PLACE_LABELS]
        self._countries = [e for e in ents if e.label_ == COUNTRY]
        bounds = table.sentence_bounds()
        before: TextBefore | None = doc._.text_before
        doc._.about_twinning = (
            about_twinning(table.lower, bounds)
            or (before is not None and before.about_twinning)
            or self._states_partnership(doc, bounds, places)
            or any(line.rule.endswith(FORM_RULE) for line in doc._.partner_lines or [])
            or _pair_lines_abroad(doc._.partner_lines or [], self._about_organisation)
        )
        if not doc._.about_twinning:
            self._keys = body_keys(places)
            home = self._home(doc)
            self._set_home(doc, home)
            doc._.partnerships = []
            self._table = None
            return doc
        sentences = [doc[start:end] for start, end in bounds]
        self._sentence_starts = [start for start, _ in bounds]
        self._ents_by_sentence = _bucket_by_sentence(ents, sentences)
        self._sentence_kinds = self._sentence_keywords(table, bounds)
        self._heading_cache: dict[int, bool] = {}
        char_bounds = [(table.starts[start], table.ends[end - 1]) for start, end in bounds]
        self._trigger_cache = {
            start: found
            for (start, _), found in zip(bounds, triggers_by_sentence(table.text, char_bounds), strict=True)
        }
        self._keys = body_keys(places)
        home = self._home_side = self._home(doc)
        home_keys = self._home_keys(home)
        self._predecessors: set[str] = set()
        pairs: dict[tuple[str, str], _Pair] = {}

        antecedents = self._antecedents(sentences, home_keys)

        # pass 0: partners named by the page's structure (list lines, sub-headings)
        line_spans = _CharRanges(self._pairs_from_partner_lines(doc, home, pairs))

        # pass 1: pairs from sentences and list blocks
        held_by: list[Span | None] = [None]  # the member town the last sentence named without a partner
        section_place: Span | None = None  # the place a heading names ("Naestved, Dänemark")
        for index, sent in enumerate(sentences):
            self._sentence_home_aliases = []  # former names of the home this sentence gives
            line = span_text(sent).strip()
            kinds, weak = self._keywords(sent)
            sent_places = self._ents_in(sent, _PLACE_LABELS)
            if self._is_heading(sent):
                section_place = self._section_place(sent, sent_places, home_keys)
            if line_spans.cover(sent.start_char, sent.end_char):
                continue  # a partner line, read above
            overlapping = line_spans.overlapping(sent.start_char, sent.end_char)
            if overlapping:
                # a caption run into a partner heading: read only the part outside the heading
                sent_places = [p for p in sent_places if not any(a <= p.start_char < b for a, b in overlapping)]
                kinds = {
                    k for t in sent if not any(a <= t.idx < b for a, b in overlapping) and (k := strong_kind(t.lower_))
                }
            if line.endswith(":") and kinds:
                continue  # "X hat folgende Partnerstädte:": the lines after it name the partners
            explicit = self._explicit_pairs(doc, sent, sent_places, home) if kinds else []
            if explicit:
                # "zwischen A und B", "die Partnerschaft A-B": the sentence names both sides
                for a_side, b_side in explicit:
                    if b_side is home:
                        a_side, b_side = b_side, a_side
                    pair = self._pair(pairs, a_side, b_side)
                    pair.kinds |= kinds
                    pair.why = pair.why or "sentence naming both sides"
                    if a_side is home:
                        pair.a_aliases.extend(self._sentence_home_aliases)
                    pair.evidence = pair.evidence or (sent.start_char, sent.end_char)
                continue
            located = self._in_x_mit_y(sent, sent_places, home_keys) if kinds else []
            if located:
                # "… gibt es in X mit der Gemeinde Y, in Z mit W …": each town holds its partner
                for holder, partner in located:
                    holder_side = home if home is not None and self._key(holder) in home_keys else self._side_of(holder)
                    why = "member town named as 'in X mit Y' in a partnership sentence"
                    self._held_pair(pairs, sent, sent_places, holder_side, self._side_of(partner), kinds, why)
                continue
            owner = self._colon_owner(sent, sent_places, home_keys) if kinds else None
            if owner is not None:
                # "Stadtbezirk X: Städtepartnerschaften mit Y seit 1957, mit Z ...": X holds them
                holder = self._side_of(owner)
                text = doc_text(doc)
                line_end = text.find("\n", owner.end_char)
                line_end = len(text) if line_end < 0 else line_end
                listed = [p for p in sent_places if p.start > owner.start and p.end_char <= line_end]
                for span in self._candidates(listed, home_keys):
                    if self._qualifier(span, sent_places) or self._compound_head(span):
                        continue
                    why = "partners listed after their holder and a colon"
                    self._held_pair(pairs, sent, sent_places, holder, self._side_of(span), kinds, why)
                continue
            # a town other than the home holds what its sentence names: a district's or
            # association's member towns, a newspaper's round-up ("In X besteht ... mit Y")
            members = self._member_pairs(doc, sent, sent_places, home_keys, kinds, held_by)
            if held_by[0] is not None:
                continue  # "Auf die längste Partnerschaft kann X zurückblicken": X's, not the home's
            if members:
                for holder, partner in members:
                    why = "member town named in a partnership sentence with its partner"
                    self._held_pair(pairs, sent, sent_places, holder, partner, kinds, why)
                continue
            if home is None:
                continue
            triggers = self._triggers(sent)
            # a weak word pairs only next to an event verb and the home, or when every
            # place is given with its country ("mit X (Frankreich) ... Beziehungen")
            weak_pairs = weak and (
                (triggers and self._names_home(sent_places, home_keys))
                or self._all_country_qualified(sent_places, home_keys)
            )
            if not kinds and not weak_pairs:
                # on a partnership page, "eine Delegation aus der polnischen Stadt X", "X (Frankreich)
                # war zu Gast": a town abroad named for the reader with its country is a partner
                for span in self._introduced_abroad(doc, sent, sent_places, home_keys):
                    pair = self._pair(pairs, home, self._side_of(span))
                    pair.kinds.add("partnership")
                    pair.home_assumed = pair.home_assumed or not self._names_home(sent_places, home_keys)
                    pair.why = pair.why or "town abroad named with its country on a partnership page"
                    pair.evidence = pair.evidence or (sent.start_char, sent.end_char)
                    self._date_by_seit(doc, sent, sent_places, pair)
                continue
            if self._about_organisation(sent) and not self._names_home(
                [p for p in sent_places if not self._in_designation(p)], home_keys
            ):
                continue  # "Der Musikverein X pflegt eine Partnerschaft ...": the club's, not X's
            partners = self._partners(sent, sent_places, home, home_keys)
            why = "sentence with a partnership word" if kinds else "sentence with a weak word"
            antecedent = antecedents[index]
            if not partners and kinds and antecedent is not None:
                # "Springfield ist mit X verbunden. Die Jumelage wurde 1962 besiegelt."
                partners = [self._side_of(antecedent)]
                why = "partnership sentence naming the previous sentence's partner"
            if not partners and kinds and section_place is not None:
                # a partnership sentence that names no partner, in a section headed by one
                side = _Side(self._key(section_place), place=section_place._.place)
                side.add_name(canonical_name(section_place))
                side.country = self._country_after(section_place)
                partners = [side]
                why = "partnership sentence under the partner's heading"
            named_home = self._names_home(sent_places, home_keys)
            for partner in partners:
                fresh = (home.key, partner.key) not in pairs
                pair = self._pair(pairs, home, partner)
                pair.home_assumed = (fresh or pair.home_assumed) and not named_home
                pair.kinds |= kinds or {"partnership"}
                pair.why = pair.why or why
                pair.a_aliases.extend(self._sentence_home_aliases)
                if pair.evidence is None:
                    pair.evidence = (sent.start_char, sent.end_char)
                self._date_by_seit(doc, sent, sent_places, pair)

        # pass 2: focus and events
        home_keys = self._home_keys(home)
        partner_keys = {k[1] for k in pairs}
        focus: list[tuple[str, str]] = []
        for index, sent in enumerate(sentences):
            sent_places = self._ents_in(sent, _PLACE_LABELS)
            named = self._named_pairs(sent_places, pairs)
            kinds, weak = self._keywords(sent)
            antecedent = antecedents[index]
            if not named and antecedent is not None and (kinds or weak):
                named = self._named_pairs([antecedent], pairs)
            if named and (kinds or weak or self._is_heading(sent)):
                focus = named
            elif self._is_heading(sent) and named:
                focus = named
            triggers = self._triggers(sent)
            if named and (kinds or weak or self._names_home(sent_places, home_keys)):
                # "verbindet die Städte A und X seit Mai 2002": the date after the partner's name
                for key in named:
                    self._date_by_seit(doc, sent, sent_places, pairs[key])
            if not (kinds or weak):
                continue
            # in the preamble, before any partner is named, "the partnership" is all of them
            preamble = not focus and not any(self._key(p) in partner_keys for p in places if p.start < sent.start)
            unfocused = [k for k in pairs if k[0] in home_keys] if preamble else []
            targets = named or focus or unfocused
            if not targets:
                continue
            for event in sentence_events(sent, triggers, self._ents_in(sent, ("DATE",)), bool(kinds)):
                for key in targets:
                    events = pairs[key].events
                    if any(e["type"] == event["type"] and e["date"] == event["date"] for e in events):
                        continue
                    if event["type"] == "signed" and any(
                        e.get("by") == "seit" and e["evidence"] == event["evidence"] for e in events
                    ):
                        continue  # this sentence dated this partner's signing already ("X seit 1978, Y seit 2004")
                    events.append(dict(event))

        if home is not None:
            # "Musterau" beside "Rhein-Kreis Musterau", "Berlin" beside "Berlin Musterbezirk": a part
            # of the home's own name is where it lies or what it is named after, not its partner
            parts = self._home_name_parts(home)
            pairs = {k: p for k, p in pairs.items() if not (p.a is home and p.b.key in parts)}
        if home is not None and self._round_up(doc, home, pairs):
            # a report on several towns' partnerships: a pair that only assumed the home
            # (its sentence names no holder) is nobody's
            pairs = {k: p for k, p in pairs.items() if not (p.a is home and p.home_assumed)}
            home = None
        for pair in pairs.values():
            self._undated_founding(doc, pair)
        self._set_home(doc, home)
        self._home_side, self._home_why = home, doc._.home_why
        doc._.partnerships = [self._to_dict(p) for p in merge_spelling_variants(list(pairs.values()))]
        self._table = None
        return doc

    def _pairs_from_partner_lines(
        self, doc: Doc, home: _Side | None, pairs: dict[tuple[str, str], _Pair]
    ) -> list[tuple[int, int]]:
        """Pairs from list lines and sub-headings; returns the lines' character bounds."""
        blocks = doc._.blocks or []
        inside = ents_by_block(doc, blocks)
        used = []
        for line in doc._.partner_lines or []:
            if line.holder is not None:
                holder = self._side_of(line.holder)
                if home is not None and holder.key == home.key:
                    holder = home
            elif home is not None:
                holder = home
            else:
                continue
            partner = self._side_of(line.partner)
            if partner.key == holder.key:
                continue
            for alias in line.aliases:
                partner.add_name(canonical_name(alias))
            countries = [e for e in inside[line.block] if e.label_ == COUNTRY and e._.place is not None]
            if line.country is not None and line.country._.place is not None:
                countries.append(line.country)  # "- Frankreich" on a line of its own before "- X"
            partner.country = partner.country or (countries[0]._.place.country if countries else None)
            pair = self._pair(pairs, holder, partner)
            pair.kinds.add(line.kind or "partnership")
            block = blocks[line.block]
            pair.evidence = pair.evidence or (block.start, block.end)
            pair.why = pair.why or line.rule
            if line.since is not None:
                evidence = " ".join(doc_text(doc)[block.start : block.end].split())
                event = {"type": "signed", "date": line.since._.date_value, "evidence": evidence}
                if event not in pair.events:
                    pair.events.append(event)
            if line.renamed is not None and line.aliases:
                evidence = " ".join(doc_text(doc)[block.start : block.end].split())
                pair.events.append({"type": "transferred", "date": line.renamed._.date_value, "evidence": evidence})
            used.append((block.start, block.end))
        return used

    def _explicit_pairs(
        self, doc: Doc, sent: Span, sent_places: list[Span], home: _Side | None
    ) -> list[tuple[_Side, _Side]]:
        """Pairs a sentence states outright: the bodies a "zwischen A und B (und C)"
        joins (every two of them), and "Partnerschaft A-B". A place located in
        another ("X in der Gemeinde Y", "X bei Y") is an alias of that one; a former
        body of the home ("der damals selbstständigen Gemeinde X") is the home."""
        places = [
            p
            for p in sent_places
            if not self._in_parentheses_after_place(doc, p, sent_places)
            and not self._in_designation(p)
            and not self._qualifier(p, sent_places)
            and not self._compound_head(p)
        ]
        groups: list[list[Span]] = []
        for group in between_statements(doc, places, within=(sent.start, sent.end)):
            groups.append([p for p in group if sent.start <= p.start < sent.end])
        by_start = {p.start: p for p in places}
        for tok in sent:
            if not strong_kind(tok.lower_) or tok.i + 3 > sent.end:
                continue
            a = by_start.get(tok.i + 1)
            if a is None and load_gazetteer().lookup(doc[tok.i + 1].text):
                # "Partnerschaft Ogdenville-Springfield": the place rules leave a name before a hyphen
                a = Span(doc, tok.i + 1, tok.i + 2, label=CITY)
                a._.place = max(load_gazetteer().lookup(a.text), key=lambda p: p.population)
            if a is not None and a.end + 1 in by_start and doc[a.end].text in ("-", "–"):
                if not doc[a.end - 1].whitespace_:
                    groups.append([a, by_start[a.end + 1]])
        markers = tuple(lex()["partnerships"]["predecessor_markers"])
        home_names = {fold_name(n) for n in home.names} if home is not None else set()
        found: list[tuple[_Side, _Side]] = []
        for group in groups:
            sides: list[_Side] = []
            for k, span in enumerate(group):
                if k and self._located_in(doc, group[k - 1], span):
                    sides[-1] = self._side_with_alias(span, sides[-1], home)  # "X in der Gemeinde Y"
                    continue
                is_home = home is not None and (
                    self._key(span) in (home.key, *self._predecessors)
                    or fold_name(canonical_name(span)) in home_names
                    or self._marked_as_predecessor(span, markers)
                    or self._earlier_district(span, home)
                )
                if is_home:
                    if self._key(span) != home.key:
                        self._predecessors.add(self._key(span))
                        self._sentence_home_aliases.append(canonical_name(span))
                    sides.append(home)
                else:
                    sides.append(self._side_of(span))
                    for alias in self._aliases_in_parentheses(doc, span, sent_places):
                        sides[-1].add_name(canonical_name(alias))
            for side in sides:
                if side is not home and side.country is None:
                    # "in X (Österreich) ... zwischen Y und X": the sentence's first mention
                    # is the one the place rules read with its country
                    mentions = [p for p in sent_places if self._key(p) == side.key]
                    countries = [self._country_after(p) for p in mentions]
                    side.country = next((c for c in countries if c), None)
                    side.place = mentions[0]._.place if mentions and mentions[0]._.place else side.place
            hub = self._group_hub(sides, group, home)
            for i, a in enumerate(sides):
                for b in sides[i + 1 :]:
                    if a.key != b.key and (hub is None or hub in (a, b)):
                        found.append((a, b))
        return found

    def _held_pair(
        self,
        pairs: dict[tuple[str, str], _Pair],
        sent: Span,
        sent_places: list[Span],
        holder: _Side,
        partner: _Side,
        kinds: set[str],
        why: str,
    ) -> None:
        """The pair of a holder the sentence names and its partner, dated by a "seit"
        after the partner's name."""
        pair = self._pair(pairs, holder, partner)
        pair.kinds |= kinds or {"partnership"}
        pair.why = pair.why or why
        pair.evidence = pair.evidence or (sent.start_char, sent.end_char)
        self._date_by_seit(sent.doc, sent, sent_places, pair)

    def _in_x_mit_y(self, sent: Span, sent_places: list[Span], home_keys: set[str]) -> list[tuple[Span, Span]]:
        """ "in X mit (der Gemeinde) Y": a town at home, right before "mit", and the
        partner after it; a round-up's way of naming each holder with its partner."""
        doc = sent.doc
        by_start = {p.start: p for p in sent_places}
        found = []
        for holder in sent_places:
            if holder.start == 0 or doc[holder.start - 1].lower_ not in ("in", "im") or holder.end >= sent.end:
                continue
            if doc[holder.end].lower_ != "mit" or not could_be_at_home(holder):
                continue
            k = holder.end + 1
            while k < sent.end and (doc[k].lower_ in _MIT_WORDS or doc[k].lower_ in _body_words_lower()):
                k += 1
            partner = by_start.get(k)
            if partner is not None and self._key(partner) not in home_keys:
                found.append((holder, partner))
        return found

    def _colon_owner(self, sent: Span, sent_places: list[Span], home_keys: set[str]) -> Span | None:
        """A body that opens a line of the sentence before a colon, when it is not the
        home: "Stadtbezirk X: Städtepartnerschaften mit ...", "Gemeinde Y: Partnergemeinde Z"."""
        doc = sent.doc
        text = doc_text(doc)
        for place in sent_places:
            if place.end >= sent.end or doc[place.end].text != ":" or self._key(place) in home_keys:
                continue
            line_start = text.rfind("\n", 0, place.start_char) + 1
            before = text[max(line_start, sent.start_char) : place.start_char].split()
            if len(before) > 1 or (before and before[0].lower() not in _body_words_lower()):
                continue
            if could_be_at_home(place):
                return place
        return None

    @staticmethod
    def _group_hub(sides: list[_Side], group: list[Span], home: _Side | None) -> _Side | None:
        """The side every other side of a "zwischen" group of three or more is paired
        with: the home (a ring is annotated as the home's pairs with each member), or
        the body before "ihren Partnerstädten" ("zwischen X und ihren Partnerstädten Y
        und Z"); None where every two sides are partners."""
        if len(sides) < 3:
            return None
        if home is not None and any(side is home for side in sides):
            return home
        if len(group) < 2:
            return None
        between = group[0].doc[group[0].end : group[1].start]
        if any(t.lower_.startswith(_PARTNER_TOWN_NOUNS) for t in between):
            return sides[0]
        return None

    def _earlier_district(self, span: Span, home: _Side) -> bool:
        """On a district's page, another district at home in a stated pair is the
        home's predecessor ("zwischen den Kreisen X und Y" before a district reform)."""
        place = span._.place
        return (
            span.label_ == REGION
            and home.key.startswith("region:")
            and (place is None or place.country in HOME_COUNTRIES)
            and (place is None or home.place is None or place.country == home.place.country)
        )

    def _member_pairs(
        self,
        doc: Doc,
        sent: Span,
        sent_places: list[Span],
        home_keys: set[str],
        kinds: set[str],
        held_by: list[Span | None],
    ) -> list[tuple[_Side, _Side]]:
        """Pairs of a member town with its partners in one sentence: towns at home
        (Germany, Austria, Switzerland) that are not named as someone's partner hold;
        foreign places and places named as a partner ("mit der Gemeinde Y") are
        partners, each of the holder named last before it. A sentence with
        "seit <date>" in a paragraph with a partnership word counts too
        ("Mit Y besteht der Austausch seit 1964"); a holder named alone carries
        over to the next sentence."""
        dated = any(
            doc[d.start - 1].lower_ == "seit" for d in self._ents_in(sent, ("DATE",)) if d.start > 0
        ) and self._paragraph_has_keyword(doc, sent)
        # the town an association is named after may hold partnerships of its own
        association_keys = {k for k in home_keys if k.startswith("region:")}
        if not kinds and not dated or self._names_home(sent_places, association_keys or home_keys):
            held_by[0] = None  # a sentence that names the home is about the home's partnerships
            return []
        markers = tuple(lex()["partnerships"]["predecessor_markers"])
        candidates = [
            p
            for p in self._candidates(sent_places, association_keys)
            if not self._in_parentheses_after_place(doc, p, sent_places)
            and not (p.label_ == REGION and doc[max(0, p.start - 1)].text == "(")
        ]
        holders, partners = [], []
        for p in candidates:
            place = p._.place
            at_home = place is None or place.country in HOME_COUNTRIES
            if self._marked_as_predecessor(p, markers):
                continue  # "durch den damaligen Landkreis X": the home's predecessor
            cued = (
                partner_cue(doc, p)
                or partner_noun_before(doc, p)
                or foreign_adjective_before(doc, p)
                or self._named_partner_town(sent, p)
            )
            if at_home and not cued:
                if self._can_hold(doc, sent, p):
                    holders.append(p)
            elif self._key(p) not in home_keys:
                partners.append(p)
        if holders and not partners:
            held_by[0] = holders[-1]
            return []
        if not holders and partners and held_by[0] is not None:
            holders = [held_by[0]]
        held_by[0] = None
        if not holders or not partners:
            return []
        found = []
        for partner in partners:
            before = [h for h in holders if h.start < partner.start]
            holder = before[-1] if before else holders[0]
            found.append((self._side_of(holder), self._side_of(partner)))
        return found

    @staticmethod
    def _can_hold(doc: Doc, sent: Span, span: Span) -> bool:
        """A town or district that can hold a partnership in this sentence: not a
        region such as a state, not a venue ("am 3. Mai in X"), unless it opens the
        sentence ("In X besteht eine Partnerschaft mit Y")."""
        if span.label_ == REGION and not names_district(span.text):
            return False
        previous = [t for t in doc[sent.start : span.start] if not t.is_space and not t.is_punct]
        if len(previous) <= 1:
            return True
        return previous[-1].lower_ not in ("in", "im", "nach", "aus", "bei", "von", "vom", "zu", "zum", "zur")

    def _date_by_seit(self, doc: Doc, sent: Span, sent_places: list[Span], pair: _Pair) -> None:
        """ "mit X seit 1969 und Y (Provinz Z) seit 1992", "Mit X besteht der Austausch
        schon seit 1964", "A zu X und B mit Y jeweils seit 1982": a "seit <date>" after
        the partner's name, before the next place and any comma, dates its signing."""
        if any(e["type"] == "signed" and e["date"] for e in pair.events):
            return
        mentions = [p for p in sent_places if self._key(p) == pair.b.key]
        places_at = {p.start for p in sent_places}
        for mention in mentions:
            date = self._seit_date_after(doc, sent, mention, places_at)
            if date is None:
                date = self._seit_date_before(doc, sent, mention, places_at)
            if date is None:
                jointly = [t for t in sent if t.lower_ == "jeweils"]
                if jointly and jointly[0].i + 2 < sent.end and doc[jointly[0].i + 1].lower_ == "seit":
                    date = next((d for d in self._ents_in(sent, ("DATE",)) if d.start == jointly[0].i + 2), None)
            if date is not None:
                evidence = " ".join(span_text(sent).split())
                pair.events.append({"type": "signed", "date": date._.date_value, "evidence": evidence, "by": "seit"})
                return

    def _seit_date_before(self, doc: Doc, sent: Span, mention: Span, places_at: set[int]) -> Span | None:
        """ "seit 1990 eine Partnerschaft mit dem X ... und seit 2001 mit dem Y": the
        "seit <date>" between the previous place and this partner's "mit"."""
        dates = {d.start: d for d in self._ents_in(sent, ("DATE",))}
        ends = {p.end - 1 for p in self._ents_in(sent, _PLACE_LABELS)}
        for k in range(mention.start - 1, max(sent.start, mention.start - 12) - 1, -1):
            if k in ends or doc[k].text in (";", "."):
                return None
            if doc[k].lower_ == "seit" and k + 1 in dates and dates[k + 1].end <= mention.start:
                return dates[k + 1]
        return None

    def _seit_date_after(self, doc: Doc, sent: Span, mention: Span, places_at: set[int]) -> Span | None:
        depth = 0
        dates = {d.start: d for d in self._ents_in(sent, ("DATE",))}
        k = mention.end
        if k + 2 < sent.end and doc[k].text == "(" and k + 1 in dates and doc[dates[k + 1].end].text == ")":
            return dates[k + 1]  # "mit X (1970) und Y (1990)": the year in parentheses after the name
        for k in range(mention.end, min(sent.end, mention.end + 10)):
            text = doc[k].text
            if text == "(":
                depth += 1
            elif text == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and text in (",", ";", ".", "und", "sowie", "mit"):
                return None
            elif depth == 0 and k in places_at and doc[k - 1].lower_ not in ("am", "an", "der", "bei"):
                return None  # the next place; "X am Y" is still X
            if doc[k].lower_ == "seit" and k + 1 in dates:
                return dates[k + 1]
        return None

    def _paragraph_has_keyword(self, doc: Doc, sent: Span) -> bool:
        text = doc_text(doc)
        start = text.rfind("\n", 0, sent.start_char) + 1
        end = text.find("\n", sent.end_char)
        words = text[start : end if end >= 0 else len(text)].lower().split()
        return any(strong_kind(w.strip('.,;:!?()„“"')) for w in words)

    def _side_with_alias(self, container: Span, located: _Side, home: _Side | None) -> _Side:
        """The side of the body ``container`` names, with the located place's names as aliases."""
        side = home if home is not None and self._key(container) == home.key else self._side_of(container)
        if located is not home:
            for name in located.names:
                side.add_name(name)
        return side

    @staticmethod
    def _located_in(doc: Doc, place: Span, container: Span) -> bool:
        """ "X in der Gemeinde Y", "X bei Y", "X im Landkreis Y" (the words between the two)."""
        between = [t.lower_ for t in doc[place.end : container.start]]
        return (
            0 < len(between) <= 3
            and between[0] in _LOCATION_LINK
            and all(w in ("der", "dem", "den") or w.capitalize() in lex()["places"]["city_words"] for w in between[1:])
        )

    @staticmethod
    def _qualifier(span: Span, places: list[Span]) -> bool:
        """A region that says where the town before it lies: "X (Utah)", "X, Provinz Y",
        "X in der Provinz Y", "X (Region, Land)": the town's location, not a partner."""
        if span.label_ != REGION:
            return False
        doc = span.doc
        current = span  # walks back over a chain of qualifiers: "X (Region, Landesteil)"
        for place in reversed([p for p in places if p.end <= span.start]):
            between = doc[place.end : current.start]
            if current.start - place.end > _QUALIFIER_GAP or not all(
                t.lower_ in _QUALIFIER_WORDS or t.ent_type_ in (REGION, COUNTRY) for t in between
            ):
                return False
            if place.label_ == CITY or (len(between) and between[0].text == "("):
                return True
            current = place
        return False

    @staticmethod
    def _compound_head(span: Span) -> bool:
        """ "Élysée-Vertrag", "Musterstadt-Straße": the first part of a compound whose
        last part is an ordinary noun names a thing, not the place."""
        doc = span.doc
        k = span.end
        if k + 1 >= len(doc) or doc[k].text != "-" or doc[k - 1].whitespace_ or doc[k].whitespace_:
            return False
        after = doc[k + 1]
        return not after.ent_type_ and after.text[:1].isupper() and load_gazetteer().zipf(after.text) >= 3.0

    @staticmethod
    def _in_parentheses_after_place(doc: Doc, span: Span, places: list[Span]) -> bool:
        """ "Pomorskie (Pommern)": the second name is the first's alias, not a body of its own."""
        return span.start >= 2 and doc[span.start - 1].text == "(" and any(p.end == span.start - 1 for p in places)

    def _aliases_in_parentheses(self, doc: Doc, span: Span, places: list[Span]) -> list[Span]:
        return [p for p in places if p.start == span.end + 1 and doc[span.end].text == "(" and p.label_ == span.label_]

    @staticmethod
    def _round_up(doc: Doc, home: _Side, pairs: dict[tuple[str, str], _Pair]) -> bool:
        """A report on several towns' partnerships (two or more towns hold pairs of their
        own) by no body that names itself as publisher: the text has no single home."""
        holders = {p.a.key for p in pairs.values() if p.a is not home and p.why.startswith("member town")}
        named_itself = any(w in (doc._.home_why or "") for w in ("publisher", "dateline", "district office"))
        return len(holders) >= 2 and home.key.startswith("name:") and not named_itself

    def _key(self, span: Span) -> str:
        return self._keys.get((span.start, span.end)) or name_key(span)

    # -- home -----------------------------------------------------------------
    def _home(self, doc: Doc) -> _Side | None:
        """The home side from the mentions the home component chose, its most
        used name first; else the home carried from a long text's window before."""
        spans = doc._.home_spans or []
        if not spans:
            before: TextBefore | None = doc._.text_before
            carried = before.home if before is not None else None
            return None if carried is None else _Side(carried.key, names=list(carried.names), place=carried.place)
        names = Counter(canonical_name(span) for span in spans)
        side = _Side(self._key(spans[0]), place=spans[0]._.place)
        for name, _ in names.most_common():
            side.add_name(name)
        return side

    @staticmethod
    def _set_home(doc: Doc, home: _Side | None) -> None:
        """``doc._.home_body`` (and so ``doc._.home``, its names)."""
        doc._.home_body = HomeBody(home.key, tuple(home.names), home.place) if home else None

    # -- pass 1 helpers ----------------------------------------------------------
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
            if category is None:
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
        return result

    def _keywords(self, sent: Span) -> tuple[set[str], bool]:
        """Partnership kinds named in the sentence, and whether a weak word is there."""
        return self._sentence_kinds[sent.start]

    def _states_partnership(self, doc: Doc, bounds: list[tuple[int, int]], places: list[Span]) -> bool:
        """Whether a sentence states a partnership between two places without a
        word only twinning uses: a partnership or friendship noun or verb, two
        different towns or districts as its parties ("X pflegt eine Partnerschaft
        mit Y", "die Freundschaft zwischen X und Y"), and no school, club or firm
        as its subject."""
        starts = [start for start, _ in bounds]
        keys_by_sentence: dict[int, set[str]] = {}
        linked: set[int] = set()  # sentences with a place right after "mit" or "zwischen"
        lower = self._table.lower
        previous: Span | None = None
        for place in places:
            k = bisect_right(starts, place.start) - 1
            if k < 0:
                continue
            keys_by_sentence.setdefault(k, set()).add(fold_name(canonical_name(place)))
            before = [w for w in lower[max(bounds[k][0], place.start - 4) : place.start] if not _link_filler(w)]
            if before and before[-1] in _PARTY_LINKS:
                linked.add(k)
            if previous is not None and previous.end >= bounds[k][0] and place.start > previous.end:
                # "A und B verbindet eine Partnerschaft", "A – B: Partnerschaft seit 1956"
                between = [w for w in lower[previous.end : place.start] if not _link_filler(w)]
                joined = bool(between) and all(w in _PAIR_JOINERS for w in between)
                if joined and canonical_name(previous) != canonical_name(place):
                    linked.add(k)
            previous = place
        at_home = {fold_name(canonical_name(p)) for p in places if p.label_ == CITY and resolved_at_home(p)}
        for k in linked:
            # the other party: a second place in the sentence, or the page's own town
            if len(keys_by_sentence[k]) < 2 and not (at_home - keys_by_sentence[k]):
                continue
            start, end = bounds[k]
            words = lower[start:end]
            if not any(keyword_category(w) in ("partnership", "friendship") for w in words) and not states_bond(words):
                continue
            if not self._about_organisation(doc[start:end]):
                return True
        return False

    def _about_organisation(self, sent: Span) -> bool:
        """A partnership sentence whose subject is a school, club or company."""
        org = _organisation_words()
        partnership_words = _partnership_prefixes()
        for low in self._table.lower[sent.start : sent.end]:
            stem = low[:-1] if low.endswith("s") else low  # "des Gymnasiums"
            if low in org or stem in org or stem.endswith(("schule", "gymnasium", "verein", "lyzeum")):
                return True
            if low.startswith(partnership_words):
                return False
        return False

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
            if not word.isspace():
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
            or "\n" in raw.rstrip(" ")[-1:]
            or "\n" in table.text[end_char : end_char + 2]
            or end == len(table)
        )

    @staticmethod
    def _home_keys(home: _Side | None) -> set[str]:
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

    def _introduced_abroad(self, doc: Doc, sent: Span, sent_places: list[Span], home_keys: set[str]) -> list[Span]:
        """The towns abroad a prose sentence introduces with their country ("X in
        Frankreich", "X (Polen)") or a nationality adjective ("die polnische Stadt X")."""
        if self._is_heading(sent) or self._about_organisation(sent):
            return []
        found = []
        for span in self._candidates(sent_places, home_keys):
            if span.label_ != CITY or resolved_at_home(span) or span._.place is None:
                continue
            if self._qualifier(span, sent_places) or self._compound_head(span):
                continue
            if self._country_after(span) or foreign_adjective_before(doc, span):
                found.append(span)
        return found

    @staticmethod
    def _home_name_parts(home: _Side) -> set[str]:
        """Keys of the words and hyphen parts of the home's names ("Rhein-Kreis Musterau":
        Musterau; "Musterau-Kleindorf": Musterau and Kleindorf), the home's own key aside."""
        body = _body_words_lower()
        parts: set[str] = set()
        for name in home.names:
            words = re.split(r"[\s\-–/]+", name)
            if len(words) < 2:
                continue
            for word in words:
                if len(word) >= 4 and word[0].isupper() and word.lower() not in body:
                    parts.add("name:" + fold_name(word))
        return parts - {home.key}

    @staticmethod
    def _genitive_owner(span: Span) -> bool:
        """ "Partnergemeinden der Stadt X, der Gemeinden Y und Z": a place in the genitive
        chain right after a partner-town noun owns the partners, it is not one."""
        doc = span.doc
        body = _body_words_lower()
        genitive = False
        for k in range(span.start - 1, max(-1, span.start - 20), -1):
            word = doc[k].lower_
            if strong_kind(word):
                return genitive and word.startswith(_PARTNER_TOWN_NOUNS)
            if word in ("der", "des"):
                genitive = True
            elif not (word in ("und", ",") or word in body or doc[k].ent_type_ in _PLACE_LABELS):
                return False
        return False

    @staticmethod
    def _domestic(span: Span, home: _Side) -> bool:
        """A place in the home's own country."""
        place = span._.place
        return place is not None and home.place is not None and place.country == home.place.country

    def _domestic_partner_cue(self, sent: Span, span: Span, sent_places: list[Span], home_keys: set[str]) -> bool:
        """What makes a town at home a partner in a sentence that names the home:
        "Partnerschaft mit X", "Partnerstadt X", "X und <home>" / "<home> und X"."""
        doc = sent.doc
        if partner_cue(doc, span):
            return True
        if span.start and strong_kind(doc[span.start - 1].lower_):
            return True
        if any(t.lower_.startswith(_PARTNER_TOWN_NOUNS) for t in sent):
            return True  # "Vertreter unserer Partnerstädte X, ... und dem pfälzischen Y"
        if self._named_partner_town(sent, span):
            return True
        for other in sent_places:
            if self._key(other) not in home_keys:
                continue
            if partner_cue(doc, other):
                return True  # "in X wurde die Partnerschaft mit <home> gefeiert": seen from the partner's side
            between = doc[min(span.end, other.end) : max(span.start, other.start)]
            if 0 < len(between) <= 3 and any(t.lower_ in ("und", "mit", "sowie") for t in between):
                return True
        return False

    @staticmethod
    def _named_partner_town(sent: Span, span: Span) -> bool:
        """ "Seit 1990 ist auch X Partnerstadt", "X wurde 1990 unsere Partnergemeinde": the
        name is the subject a partner noun after it calls a partner (a copula before the noun)."""
        doc = sent.doc
        for k in range(span.end, min(span.end + 4, sent.end)):
            tok = doc[k]
            if tok.lower_.startswith(_PARTNER_TOWN_NOUNS + ("schwesterstadt", "schwestergemeinde")):
                if k + 1 < sent.end and doc[k + 1].ent_type_:
                    return False  # "In X war die Partnerstadt Y zu Gast": the noun calls Y
                return any(t.lower_ in _COPULAS for t in doc[sent.start : k])
            if tok.is_punct or tok.ent_type_:
                return False
        return False

    def _home_region(self, span: Span) -> bool:
        """A region of the home's own country named without a district word
        ("Gemeindetag Baden-Württemberg", "das Land Hessen"): where the home lies."""
        home = self._home_side
        place = span._.place
        if span.label_ != REGION or home is None or place is None or names_district(span.text):
            return False
        if home.place is None:  # a home the gazetteer lacks lies at home too
            return place.country in HOME_COUNTRIES
        return place.country == home.place.country

    @staticmethod
    def _reference_point(span: Span) -> bool:
        """ "60 km westlich von X", "nördlich von X", a name inside a quoted designation
        („Euroregion X“): a place named to locate or to name something else."""
        doc = span.doc
        before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
        if len(before) == 2 and before[1] in ("von", "vor") and before[0].endswith(_DIRECTIONS):
            return True
        k = span.start - 1
        while k >= 0 and span.start - k <= 6 and doc[k].text not in _OPENING_QUOTES and "\n" not in doc[k].text:
            k -= 1
        if k < 0 or doc[k].text not in _OPENING_QUOTES:
            return False
        first = doc[k + 1] if k + 1 < span.start else None
        return first is not None and first.text[:1].isupper() and not first.ent_type_

    def _candidates(self, sent_places: list[Span], home_keys: set[str]) -> list[Span]:
        """Places in a sentence that could be a partner: not the home, not a former
        body of it, not a district or designation, not where something lies."""
        return [
            p
            for p in sent_places
            if self._key(p) not in home_keys
            and self._key(p) not in self._predecessors
            and not self._in_designation(p)
            and not self._is_locative_region(p)
            and not self._reference_point(p)
            and not self._home_region(p)
        ]

    def _antecedents(self, sentences: list[Span], home_keys: set[str]) -> list[Span | None]:
        """For a sentence that opens with "Die Jumelage ...", "Diese Partnerschaft ...",
        the partner of the sentence before it in the same paragraph, when that
        sentence names the home and exactly one other body ("Springfield ist mit X
        verbunden. Die Jumelage wurde 1962 besiegelt.")."""
        result: list[Span | None] = [None]
        text = doc_text(sentences[0].doc) if sentences else ""
        for previous, sent in zip(sentences, sentences[1:], strict=False):
            result.append(None)
            if not self._opens_with_definite_keyword(sent):
                continue
            if "\n\n" in text[previous.end_char - 1 : sent.start_char + 1]:
                continue
            places = self._ents_in(previous, _PLACE_LABELS)
            candidates = self._candidates(places, home_keys)
            if len({self._key(p) for p in candidates}) == 1 and self._names_home(places, home_keys):
                result[-1] = candidates[0]
        return result

    def _opens_with_definite_keyword(self, sent: Span) -> bool:
        table = self._table
        words: list[str] = []
        for k in range(sent.start, sent.end):
            if not table.words[k].isspace() and not table.is_punct[k]:
                words.append(table.lower[k])
                if len(words) == 2:
                    break
        return (
            len(words) >= 2
            and words[0] in ("die", "diese", "der", "dieser", "das", "dieses", "unsere", "ihre")
            and keyword_category(words[1]) not in (None, "weak")
        )

    def _side_of(self, span: Span) -> _Side:
        side = _Side(self._key(span), place=span._.place)
        side.add_name(canonical_name(span))
        side.country = self._country_after(span)
        return side

    def _all_country_qualified(self, sent_places: list[Span], home_keys: set[str]) -> bool:
        candidates = self._candidates(sent_places, home_keys)
        return bool(candidates) and all(self._country_after(p) for p in candidates)

    def _section_place(self, sent: Span, sent_places: list[Span], home_keys: set[str]) -> Span | None:
        """The partner a section heading names: "Naestved, Dänemark", "## Clamart".
        The heading must start with the place and stand after a blank line or a
        finished sentence (fact-box values such as "Lage: Oberösterreich" do not)."""
        text = doc_text(sent.doc)
        if not sent_places or self._key(sent_places[0]) in home_keys:
            return None
        first = sent_places[0]
        if text[sent.start_char : first.start_char].strip("#* \n\t"):
            return None
        before = text[: sent.start_char].rstrip(" \t")
        previous_line = before.rstrip("\n").rsplit("\n", 1)[-1].strip()
        if before.endswith("\n\n") or not before or previous_line[-1:] in ".!?" or text[sent.start_char] == "#":
            return first
        return None

    def _partners(self, sent: Span, sent_places: list[Span], home: _Side, home_keys: set[str]) -> list[_Side]:
        """Other bodies named in a partnership sentence, with their aliases."""
        markers = tuple(lex()["partnerships"]["predecessor_markers"])
        sides: dict[str, _Side] = {}
        alias_of: dict[int, int] = {}  # index of a place located in another
        for idx, span in enumerate(sent_places):
            nxt = sent_places[idx + 1] if idx + 1 < len(sent_places) else None
            if nxt is not None and nxt.label_ == CITY and span.label_ == CITY and self._located_in(sent.doc, span, nxt):
                alias_of[idx] = idx + 1  # "X in der Gemeinde Y", "X bei Y"
        # predecessors first, so that a later mention in the sentence marks an earlier one
        for span in sent_places:
            if self._marked_as_predecessor(span, markers):
                self._predecessors.add(self._key(span))
        fellows = self._fellow_holders(sent_places, home_keys)
        for idx, span in enumerate(sent_places):
            key = self._key(span)
            if idx in fellows:
                continue  # "Partnerstädte haben A, B, <home> und C": holders beside the home, not partners
            is_predecessor = key in self._predecessors
            target = alias_of.get(idx)
            if target is not None and self._key(sent_places[target]) in home_keys:
                is_predecessor = True
            if (
                key in home_keys
                or self._is_locative_region(span)
                or self._in_designation(span)
                or self._reference_point(span)
                or self._home_region(span)
                or self._qualifier(span, sent_places)
                or self._compound_head(span)
            ):
                continue
            if is_predecessor:
                self._predecessors.add(key)
                self._sentence_home_aliases.append(canonical_name(span))
                continue
            if target is not None:
                continue  # becomes an alias below
            if self._domestic(span, home) and not self._domestic_partner_cue(sent, span, sent_places, home_keys):
                continue  # a town at home named beside the home: a neighbour, a venue, a comparison
            if self._genitive_owner(span):
                continue  # "Partnergemeinden der Stadt X, der Gemeinde Y": whose partners, not a partner
            side = sides.setdefault(key, _Side(key, place=span._.place))
            side.add_name(canonical_name(span))
            side.country = side.country or self._country_after(span)
        for idx, target in alias_of.items():
            target_key = self._key(sent_places[target])
            if target_key in sides:
                sides[target_key].add_name(canonical_name(sent_places[idx]))
        return list(sides.values())

    def _fellow_holders(self, sent_places: list[Span], home_keys: set[str]) -> set[int]:
        """Indexes of the places in a run of three or more coordinated names ("A, B, C
        und D", "A und B oder C") that includes the home: towns named in the home's own
        role. Two names ("A und B sind Partnerstädte") are the pair itself."""
        doc = sent_places[0].doc if sent_places else None
        runs: list[list[int]] = []
        joints: list[list[str]] = []  # the words between each two names of a run
        for idx, span in enumerate(sent_places):
            if runs and doc is not None:
                previous = sent_places[runs[-1][-1]]
                between = [t.lower_ for t in doc[previous.end : span.start]]
                if 0 < len(between) <= 2 and all(w in (",", "und", "oder", "sowie") for w in between):
                    runs[-1].append(idx)
                    joints[-1].append(" ".join(between))
                    continue
            runs.append([idx])
            joints.append([])
        fellows: set[int] = set()
        for run, joint in zip(runs, joints, strict=True):
            at_home = [n for n, k in enumerate(run) if self._key(sent_places[k]) in home_keys]
            if len(run) < 3 or not at_home:
                continue
            fellows.update(run)
            if len(run) % 2 == 0 and all(j == "und" for j in joint[0::2]) and all(j != "und" for j in joint[1::2]):
                # "A und B, C und D oder E und F": pairs in a row, the home's own among them
                n = at_home[0]
                fellows.discard(run[n + 1 if n % 2 == 0 else n - 1])
        return fellows

    @staticmethod
    def _marked_as_predecessor(span: Span, markers: tuple[str, ...]) -> bool:
        """ "damaligen Landkreis X", "der damals noch selbstständigen Gemeinde X": a marker
        within the few words right before the name, with no punctuation between."""
        doc = span.doc
        for tok in reversed(doc[max(0, span.start - 4) : span.start]):
            if tok.is_punct or tok.ent_type_:
                return False
            if tok.lower_.startswith(markers):
                return True
        return False

    @staticmethod
    def _in_designation(span: Span) -> bool:
        """A place that names a district of the home ("Stadtteil X") or is part of an
        organisation's designation ("Musikverein X", "Gymnasium X")."""
        doc = span.doc
        start = span.start
        # walk back over a hyphen chain: "Männergesangverein Musterau-Beispielhausen"
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 2].whitespace_
            and doc[start - 2].text[:1].isupper()
        ):
            start -= 2
        if start == 0:
            return False
        prev = doc[start - 1].lower_
        prev = prev[:-1] if prev.endswith("s") else prev  # "Turnvereins X"
        districts = ("stadtteil", "ortsteil", "stadtbezirk", "ortschaft", "dorf")
        org = _organisation_words()
        return prev.startswith(districts) or prev in org or prev.endswith(("verein", "schule", "gymnasium", "club"))

    @staticmethod
    def _is_locative_region(span: Span) -> bool:
        """A region named as where something lies: "im Land X", "in der Region X"."""
        words = lex()["places"]["weak_region_words"]
        doc = span.doc
        before = doc[max(0, span.start - 2) : span.start].text.lower().split()
        if span.label_ != REGION:
            return False
        # "im Land X", "in der Region X", "in Pas-de-Calais", "in der Provence": where something lies
        if span[0].text in words and bool({"im", "in"} & set(before)):
            return True
        return bool(before) and (before[-1] in ("in", "im") or before[-2:] in (["in", "der"], ["in", "dem"]))

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
    def _pair(pairs: dict[tuple[str, str], _Pair], a: _Side, b: _Side) -> _Pair:
        key = (a.key, b.key)
        if key not in pairs:
            pairs[key] = _Pair(a=a, b=b)
        else:
            for name in b.names:
                pairs[key].b.add_name(name)
            pairs[key].b.country = pairs[key].b.country or b.country
        return pairs[key]

    def _named_pairs(self, sent_places: list[Span], pairs: dict[tuple[str, str], _Pair]) -> list[tuple[str, str]]:
        keys = {self._key(p) for p in sent_places}
        return [k for k in pairs if k[1] in keys]

    # -- events ----------------------------------------------------------------
    def _triggers(self, sent: Span) -> list[tuple[int, str]]:
        """(char offset, event type) of every trigger word in the sentence."""
        found = self._trigger_cache.get(sent.start)
        if found is None:  # not one of the document's sentences
            found = triggers_in(sent.text, sent.start_char)
        return list(found)

    def _undated_founding(self, doc: Doc, pair: _Pair) -> None:
        """Where no signing of the pair is dated, its evidence may still date the founding:
        a date attached to the partner's name (``_date_beside_partner``), else the sole
        bare year of the evidence (``_sole_year``)."""
        if pair.evidence is None or any(e["type"] == "signed" and e["date"] for e in pair.events):
            return
        lo, hi = pair.evidence
        # the entities starting in the evidence, by bisection: a long text has many of both
        starting = self._ents[bisect_left(self._ent_starts, lo) : bisect_left(self._ent_starts, hi)]
        found = self._date_beside_partner(doc, pair, [e for e in starting if e.end_char <= hi])
        by = "beside"
        if found is None:
            found, by = self._sole_year(doc, pair, starting), "sole year"
        if found is not None:
            evidence = " ".join(doc_text(doc)[lo:hi].split())
            pair.events.append({"type": "signed", "date": found, "evidence": evidence, "by": by})

    def _date_beside_partner(self, doc: Doc, pair: _Pair, inside: list[Span]) -> str | None:
        """A date attached to the partner's name in the pair's evidence ("X (Frankreich,
        1990)", "X seit 1990", "X, im Jahr 1990"); not across a verb ("X wurde 1990
        erneuert") or another place, and not a date another event of the pair has ("X
        (seit 2007 zur Y Kommune zugeordnet)")."""
        mentions = [e for e in inside if e.label_ in _PLACE_LABELS and self._key(e) == pair.b.key]
        places = [e for e in inside if e.label_ in _PLACE_LABELS]
        taken = {e["date"] for e in pair.events}
        best: tuple[int, Span] | None = None
        for mention in mentions:
            for date in (e for e in inside if e.label_ == "DATE"):
                value = date._.date_value
                if not value or len(value) < 4 or value in taken:
                    continue
                start, end = (mention.end, date.start) if date.start >= mention.end else (date.end, mention.start)
                if end - start > _BESIDE or any(start <= p.start < end for p in places):
                    continue
                if not all(t.lower_ in _BESIDE_WORDS or t.ent_type_ == COUNTRY for t in doc[start:end]):
                    continue  # "X wurde 1990 erneuert": a verb between, the date of something else
                if best is None or end - start < best[0]:
                    best = (end - start, date)
        return best[1]._.date_value if best is not None else None

    @staticmethod
    def _sole_year(doc: Doc, pair: _Pair, starting: list[Span]) -> str | None:
        """The one date of the pair's evidence, if it is a bare year ("Die Partnerschaft
        mit X besteht seit 1990", "1990 kam X hinzu"); not a day's date (a visit: "Vom 24.
        bis 26. September 2020 besuchte …"), not a status date ("Stand 2014"), not in a
        sentence about an anniversary, a span of years or a renewal ("30 Jahre",
        "25-jährige", "Jubiläum", "erneuert"), and not another event's date."""
        lo, hi = pair.evidence or (0, 0)
        dates = [e for e in starting if e.label_ == "DATE" and e._.date_value]
        if len(dates) != 1 or len(dates[0]._.date_value) != 4:
            return None
        text = doc_text(doc)
        value = dates[0]._.date_value
        status = "stand" in text[max(lo, dates[0].start_char - 8) : dates[0].start_char].lower()
        if status or _NOT_FOUNDING.search(text[lo:hi].lower()) or any(e["date"] == value for e in pair.events):
            return None
        return value

    # -- output ----------------------------------------------------------------
    def _to_dict(self, pair: _Pair) -> dict:
        kind = sorted(pair.kinds, key=KIND_ORDER.index)[0] if pair.kinds else "partnership"
        # one signing stated twice, once to the year ("seit 2002") and once to the day
        dated = [e["date"] for e in pair.events if e["type"] == "signed" and e["date"]]
        finest = [
            e for e in pair.events if not (e["type"] == "signed" and e["date"] and is_coarser_signing(e["date"], dated))
        ]
        pair.events = without_repeated_signing(finest)
        since = since_of([e["date"] for e in pair.events if e["type"] == "signed" and e["date"]])
        status = "ended" if any(e["type"] == "ended" for e in pair.events) else "active"
        b_country = pair.b.country or (pair.b.place.country if pair.b.place else None)
        home = self._home_side
        features = pair_features(
            pair.why, self._home_why, pair.home_assumed, home is not None and pair.a.key == home.key,
            pair.a.place, pair.b.place, pair.b.country is not None, since is not None,
        )  # fmt: skip
        a = _Side(pair.a.key, names=list(pair.a.names))
        for name in pair.a_aliases:
            a.add_name(name)
        return {
            "a": a.names,
            "b": list(pair.b.names),
            "a_place": pair.a.place,
            "b_place": pair.b.place,
            "b_country": b_country,
            "kind": kind,
            "status": status,
            "since": since,
            "events": sorted(pair.events, key=lambda e: event_order(e["type"], e["date"])),
            "evidence_span": pair.evidence,
            "why": pair.why,
            "features": features,
            "confidence": score(features),
        }
