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

The rules live by scope, each module's class built on the one before:
``partnership_state`` (the document's working state, made per document and
never kept on the component), ``place_roles`` (what a place is in its
sentence), ``founding_dates``, ``statements`` (sentences about the home's
partnerships), ``several_bodies`` (member towns, round-ups); this module reads
the page in passes with them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..confidence import pair_features, score
from ..gazetteer import COUNTRY
from ..text import fold_name
from .bodies import (
    HomeBody,
    TextBefore,
    about_twinning,
    canonical_name,
    could_be_at_home,
    keyword_category,
    lex,
    names_district,
    resolved_at_home,
    strong_kind,
)
from .dates import publication_date, relative_day
from .events import (
    FIRST_TWINNING_YEAR,
    after_seit,
    event_order,
    fact_line_events,
    is_coarser_signing,
    occasion_date,
    sentence_events,
    since_of,
    without_repeated_signing,
)
from .extensions import doc_text, span_text
from .founding_dates import clause_of
from .home import before_coordination, between_statements, partner_noun_before
from .partner_lines import FORM_RULE, ents_by_block
from .partnership_state import PLACE_LABELS, CharRanges, Pair, Side, merge_spelling_variants
from .several_bodies import SeveralBodies

# said in a pair's why when it was read as held by a predecessor named in the home's double name
_PREDECESSOR = " (by the home's predecessor named in its double name)"

KIND_ORDER = ("project", "partnership", "cooperation", "friendship")
_ANNOUNCED = "sentence naming the partners the sentence before announced ('X hat drei Partnerstädte.')"
_ANTECEDENT = "partnership sentence naming the previous sentence's partner"
_SUCCESSION = "sentence continuing the partnership sentence before it ('Danach folgten Y und Z')"
_PREPOSITIONS = {
    "in", "im", "nach", "aus", "zu", "zum", "zur", "bei", "beim", "von", "vom", "über", "durch", "ab", "auf", "an",
    "am", "unter", "vor", "um", "bis", "gegen",
}  # fmt: skip
_POSSESSIVES = {
    "unsere", "unserer", "unseren", "unserem", "ihre", "ihrer", "ihren", "ihrem", "seine", "seiner", "seinen",
}  # fmt: skip
_PLURAL_KIND_ENDINGS = ("schaften", "städte", "gemeinden", "kommunen", "kreise")
_BONDS = frozenset({"verbunden", "verbindet", "verband"})
# the words of a bond that date it by "seit" in a partner's section ("Die Verbindung besteht seit 1999")
_SECTION_BONDS = _BONDS | {"verbindung", "verbindungen", "beziehung", "beziehungen"}
_BODY_WORDS = {"stadt", "gemeinde", "marktgemeinde", "kreisstadt", "landkreis", "kreis", "region"}


def _lines_abroad(doc: Doc, lines: list, about_organisation: Callable[[Span], bool]) -> bool:
    """Two or more lines of a partner list that each name a body abroad: "Stadt X – Y
    (Frankreich)" pair lines, "X: Y (Frankreich)" lines of an overview, items under a
    lead-in naming their owner ("X unterhält Partnerschaften zu:", but not "Der
    Sportverein X ..."), or, under a partnership heading ("Partnerschaften"), items with
    their year or country ("Springfield (Frankreich), seit 1990"), or a label's line of them
    ("Partnerschaften: Springfield, Shelbyville"). A plural "Partnerschaften" alone is no
    twinning word, but such a list is one by its form."""
    blocks = doc._.blocks or []
    found = 0
    for line in lines:
        if line.partner._.place is None or resolved_at_home(line.partner):
            continue
        if line.holder is not None:
            at_home = resolved_at_home(line.holder) or line.holder._.place is None and could_be_at_home(line.holder)
            owned = (line.rule.endswith("under its owner") and at_home) or (
                line.rule.startswith("list after its owner") and could_be_at_home(line.holder)
            )
            found += line.rule == "pair line of two bodies" or (owned and not about_organisation(line.holder.sent))
        elif line.rule.startswith("list on one line"):
            found += 1  # "Partnerschaften: A, B": a label over towns abroad, all of them
        elif line.rule.startswith("list "):
            block = blocks[line.block]
            country = any(e.label_ == COUNTRY and block.start <= e.start_char < block.end for e in doc.ents)
            found += bool(line.since is not None or country)
    return found >= 2


def _abroad_of(home: Side, side: Side) -> bool:
    """A side in another country than the home: "Rheinfelden" in Switzerland beside the
    home "Rheinfelden (Baden)" is its namesake partner, not a part of its name."""
    return home.place is not None and side.place is not None and home.place.country != side.place.country


def _same_body(a: Side, b: Side) -> bool:
    """Two sides that are one body ("Marktgemeinde Musterau" and "in Musterau"): the same
    key or place, or the same name where the gazetteer does not tell two places apart (a
    namesake partnership, "Rheinfelden" in Germany and in Switzerland, has two places)."""
    if a.key == b.key:
        return True
    if a.place is not None and b.place is not None:
        return a.place == b.place
    return bool(a.names and b.names) and fold_name(a.names[0]) == fold_name(b.names[0])


class PageReading(SeveralBodies):
    """One document's partnerships, read in passes: partner lines, then sentences
    (both sides named, member towns, the home's partnership sentences), then focus
    and events, then the founding dates."""

    def read(self) -> None:
        """Sets ``doc._.about_twinning``, the home (``doc._.home_body``) and ``doc._.partnerships``."""
        doc, table, bounds = self.doc, self._table, self._bounds
        before: TextBefore | None = doc._.text_before
        doc._.about_twinning = (
            about_twinning(table.lower, bounds)
            or (before is not None and before.about_twinning)
            or self._states_partnership(doc, bounds, self._places)
            or any(line.rule.endswith(FORM_RULE) for line in doc._.partner_lines or [])
            or _lines_abroad(doc, doc._.partner_lines or [], self._about_organisation)
        )
        if not doc._.about_twinning:
            self._set_home(doc, self._home(doc))
            doc._.partnerships = []
            return
        sentences = self._prepare_sentences()
        home = self._home_side = self._home(doc)
        home_keys = self._home_keys(home)
        pairs: dict[tuple[str, str], Pair] = {}

        antecedents = self._antecedents(sentences, home_keys)

        # partners named by the page's structure (list lines, sub-headings), then by its sentences
        line_spans = CharRanges(self._pairs_from_partner_lines(doc, home, pairs))
        self._pairs_from_sentences(sentences, antecedents, line_spans, home, pairs)
        self._focus_and_events(sentences, antecedents, home, pairs)
        self._finish(home, pairs)

    def _pairs_from_sentences(
        self,
        sentences: list[Span],
        antecedents: list[Span | None],
        line_spans: CharRanges,
        home: Side | None,
        pairs: dict[tuple[str, str], Pair],
    ) -> None:
        """Pass 1: pairs from sentences, each read by the first rule whose scope it is in:
        both sides named, a member town 'in X mit Y', a holder before a colon, member
        towns, the home's partnership sentence, a town abroad introduced with its country."""
        doc = self.doc
        home_keys = self._home_keys(home)
        held_by: list[Span | None] = [None]  # the member town the last sentence named without a partner
        section_place: Span | None = None  # the place a heading names ("Naestved, Dänemark")
        paired_at = -2  # the last sentence that paired the home with partners it names
        paired_by: Side | None = None  # whose partners it named: the home, or a member town
        announced_at = -2  # the last that announced the home's partners without naming them
        for index, sent in enumerate(sentences):
            self._sentence_home_aliases = []  # former names of the home this sentence gives
            line = span_text(sent).strip()
            kinds, weak = self._keywords(sent)
            sent_places = self._ents_in(sent, PLACE_LABELS)
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
            if kinds and self._only_denied_partnerships(sent):
                continue  # "X hat Kontakte nach Y, eine offizielle Partnerschaft gibt es aber nicht"
            denied = self._denied_places(sent, sent_places) if kinds else []
            if denied:
                # "Eine offizielle Partnerschaft mit X besteht nicht, wie Y sie mit Z pflegt"
                sent_places = [p for p in sent_places if p not in denied]
                if not sent_places:
                    continue
            both = self._both_of_previous(sent, sentences[index - 1] if index else None, sent_places)
            if both is not None:
                # "Eine Delegation aus A besuchte B. Die beiden Städte sind seit 1979 partnerschaftlich verbunden."
                sides = [home if home is not None and self._key(s) in home_keys else self._side_of(s) for s in both]
                a_side, b_side = sides if sides[1] is not home else sides[::-1]
                pair = self._pair(pairs, a_side, b_side)
                pair.kinds |= kinds or {"partnership"}
                pair.why = pair.why or "'die beiden Städte' after a sentence naming both"
                pair.evidence = pair.evidence or (sent.start_char, sent.end_char)
                continue
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
                covered = {side.key for both in explicit for side in both}
                groups = between_statements(doc, sent_places, (sent.start, sent.end))
                phrases = [(g[0].start, g[-1].end) for g in groups]
                rest = [
                    p
                    for p in sent_places
                    if self._key(p) in home_keys
                    or self._key(p) not in covered
                    and not any(a <= p.start < b for a, b in phrases)
                    and not self._qualifier(p, sent_places)
                ]
                if not any(self._key(p) not in home_keys for p in rest):
                    continue
                # "Die Stadt pflegt Partnerschaften mit A, B und C; der Austausch zwischen den Schulen
                # in X und A ...": the places outside the "zwischen" phrase are read as in any sentence
                sent_places = rest
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
            owned = self._partners_of_a_partner(sent, sent_places, home_keys, pairs, section_place) if kinds else None
            if owned is not None:
                # "Weitere Partnerstädte von X sind Y und Z"; under X's heading, "Die Stadt unterhält
                # weitere Partnerschaften mit Y und Z": X's, not the home's
                holder_span, listed = owned
                holder = self._side_of(holder_span)
                partner_of_home = any(k[0] in home_keys and k[1] == holder.key for k in pairs)
                why = (
                    "a partner's own partnership named on the home's page"
                    if partner_of_home
                    else "town named as the owner of a partner noun ('Partnerstadt von X ist Y')"
                )
                for span in self._candidates(listed, home_keys):
                    if self._key(span) == holder.key or self._qualifier(span, sent_places):
                        continue
                    self._held_pair(pairs, sent, sent_places, holder, self._side_of(span), kinds, why)
                continue
            subject = self._partner_as_subject(sent, sent_places, home_keys, pairs) if kinds and home else None
            if subject is not None:
                # "Unsere Partnerstadt X pflegt ihrerseits Partnerschaften mit Y und Z": X's, not the home's
                holder = self._side_of(subject)
                if partner_noun_before(doc, subject):
                    # "Unsere Partnerstadt X ...": the noun makes X the home's partner too
                    why = "partner named by a partner noun, holding partnerships of its own"
                    self._held_pair(pairs, sent, sent_places, home, holder, kinds, why)
                for span in self._candidates([p for p in sent_places if p.start >= subject.end], home_keys):
                    if self._key(span) == holder.key or self._qualifier(span, sent_places):
                        continue
                    why = "a partner's own partnership named on the home's page"
                    self._held_pair(pairs, sent, sent_places, holder, self._side_of(span), kinds, why)
                continue
            clauses = self._clause_subjects(sent, sent_places, home_keys) if kinds else []
            for holder_span, partner_span, _ in clauses:
                # "A ist mit X verbunden, B pflegt eine Freundschaft mit Y": B holds Y, and the rest
                # of the sentence is read without B's clause
                why = "town opening its own clause of a partnership sentence"
                holder, partner = self._side_of(holder_span), self._side_of(partner_span)
                self._held_pair(pairs, sent, sent_places, holder, partner, kinds, why)
            if clauses:
                sent_places = [p for p in sent_places if not any(h.start <= p.start < end for h, _, end in clauses)]
            # a town other than the home holds what its sentence names: a district's or
            # association's member towns, a newspaper's round-up ("In X besteht ... mit Y")
            members = self._member_pairs(doc, sent, sent_places, home_keys, kinds, held_by)
            if held_by[0] is not None and kinds and self._part_as_holder(sent, sent_places, home_keys) is not None:
                held_by[0] = None  # "Der Ortsteil X ist mit dem Ort Y verbunden": the part holds Y, read below
            if held_by[0] is not None:
                continue  # "Auf die längste Partnerschaft kann X zurückblicken": X's, not the home's
            if members:
                for holder, partner in members:
                    why = "member town named in a partnership sentence with its partner"
                    self._held_pair(pairs, sent, sent_places, holder, partner, kinds, why)
                holders = {holder.key: holder for holder, _ in members}
                if len(holders) == 1:
                    # "In X bestehen Partnerschaften mit Y und Z. Danach folgten ...": X's too
                    paired_at, paired_by = index, next(iter(holders.values()))
                continue
            if home is None:
                continue
            triggers = self._triggers(sent)
            # a weak word pairs only next to an event verb and the home, or when every
            # place is given with its country ("mit X (Frankreich) ... Beziehungen")
            weak_pairs = weak and (
                (triggers and self._names_home(sent_places, home_keys))
                or self._all_country_qualified(sent_places, home_keys) and not self._only_contacts(sent)
            )
            announced = announced_at == index - 1 and not self._is_heading(sent)
            continued = paired_at == index - 1 and self._continues_with_partners(sent)
            if not kinds and not weak_pairs and (announced or continued):
                # "Die Stadt X hat drei Partnerstädte. Es sind Y, Z und W."; "Die Partnerschaft
                # mit X besteht seit 1965. Danach folgten Y und Z."
                why = _ANNOUNCED if announced else _SUCCESSION
                holder = paired_by if continued and paired_by is not None else home
                if self._pair_following_sentence(pairs, holder, sent, sent_places, home_keys, why):
                    paired_at = index  # a sentence after it may continue the list ("Z kam 1990 hinzu")
                continue
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
            self._claimed = set()
            for span in sent_places:
                owner = self._partner_of_another(span, sent_places, home_keys) if kinds else None
                if owner is not None:
                    # "Vertreter aus X, der polnischen Partnerstadt von Y": Y's partner, not the home's
                    why = "a partner's own partnership named on the home's page"
                    self._held_pair(pairs, sent, sent_places, self._side_of(owner), self._side_of(span), kinds, why)
                elliptical = self._elliptical_partner(span, sent_places, home_keys) if kinds else None
                if elliptical is not None:
                    # "X feiert 30 Jahre Partnerschaft mit A, Y 50 Jahre mit B": Y holds B
                    why = "member town of an elliptical clause after the home's"
                    holder, partner = self._side_of(span), self._side_of(elliptical)
                    self._held_pair(pairs, sent, sent_places, holder, partner, kinds, why)
                    self._claimed |= {span.start, elliptical.start}
            part = self._part_as_holder(sent, sent_places, home_keys) if kinds else None
            if part is not None:
                # "Der Stadtbezirk X pflegt eine Partnerschaft mit Y": the city's part holds it
                why = "part of the home named as its partnership's holder"
                for span in part[1]:
                    self._held_pair(pairs, sent, sent_places, self._side_of(part[0]), self._side_of(span), kinds, why)
                    self._claimed.add(span.start)
            first_clause = self._first_clause_of_ellipsis(sent, sent_places, home_keys) if kinds else None
            if first_clause is not None:
                # "A ist mit B verschwistert, Musterstadt mit C": A, not the home named after it, holds B
                holder, partner = self._side_of(first_clause[0]), self._side_of(first_clause[1])
                why = "member town of the clause an elliptical one follows"
                self._held_pair(pairs, sent, sent_places, holder, partner, kinds, why)
                self._claimed |= {first_clause[0].start, first_clause[1].start}
            partners = self._partners(sent, sent_places, home, home_keys)
            why = "sentence with a partnership word" if kinds else "sentence with a weak word"
            if not partners and self._announces_partners(sent, sent_places, home_keys):
                announced_at = index
            antecedent = antecedents[index]
            if not partners and kinds and antecedent is not None and not self._unread_partner(sent):
                # "Springfield ist mit X verbunden. Die Jumelage wurde 1962 besiegelt."
                partners = [self._side_of(antecedent)]
                why = _ANTECEDENT
            if not partners and kinds and section_place is not None:
                # a partnership sentence that names no partner, in a section headed by one
                side = Side(self._key(section_place), place=section_place._.place)
                side.add_name(canonical_name(section_place))
                side.country = self._country_after(section_place)
                partners = [side]
                why = "partnership sentence under the partner's heading"
            named_home = self._names_home(sent_places, home_keys)
            if partners and why == "sentence with a partnership word":
                paired_at, paired_by = index, home
            for partner in partners:
                fresh = (home.key, partner.key) not in pairs
                pair = self._pair(pairs, home, partner)
                pair.home_assumed = (fresh or pair.home_assumed) and not named_home
                pair.kinds |= self._own_kind(sent, sent_places, partner, kinds) or {"partnership"}
                pair.why = pair.why or why
                pair.a_aliases.extend(self._sentence_home_aliases)
                if pair.evidence is None and why == _ANTECEDENT:
                    # "Seit 1995 ist X mit Y verbunden. Die Jumelage ...": both sentences state it
                    pair.evidence = (antecedent.sent.start_char, sent.end_char)
                if pair.evidence is None:
                    pair.evidence = (sent.start_char, sent.end_char)
                self._date_by_seit(doc, sent, sent_places, pair)

    def _pronoun_signed(self, sent: Span) -> bool:
        """A sentence opening with a pronoun that is signed or founded: "Sie wurde 1956 begründet"."""
        if self._table.lower[sent.start] not in ("sie", "diese"):
            return False
        return any(etype == "signed" for _, etype in self._triggers(sent))

    def _agreement_signed(self, sent: Span) -> bool:
        """The sentence names an agreement ("Vertrag", "Abkommen") and a signing verb."""
        words = lex()["partnerships"]
        agreements, verbs = tuple(words["succession_agreements"]), tuple(words["succession_signing_verbs"])
        lower = self._table.lower[sent.start : sent.end]
        return any(w.startswith(agreements) for w in lower) and any(w.startswith(verbs) for w in lower)

    def _own_kind(self, sent: Span, sent_places: list[Span], partner: Side, kinds: set[str]) -> set[str]:
        """ "eine Städtepartnerschaft mit A und eine Freundschaft mit B": where a sentence
        names several kinds, each partner's is the nearest kind word before it."""
        if len(kinds) < 2:
            return kinds
        mention = next((p for p in sent_places if self._key(p) == partner.key), None)
        if mention is None:
            return kinds
        for k in range(mention.start - 1, sent.start - 1, -1):
            kind = strong_kind(self._table.lower[k])
            if kind is not None:
                return {kind}
        return kinds

    def _continues_with_partners(self, sent: Span) -> bool:
        """A prose sentence whose verb adds partners to those of the sentence before it:
        "Danach folgten Y und Z", "1990 kam Y hinzu", "Mit Y wurde 1990 ein Vertrag
        unterzeichnet"; not a heading or a club's news."""
        words = lex()["partnerships"]
        succession = set(words["succession_words"])
        verbs, agreements = tuple(words["succession_signing_verbs"]), tuple(words["succession_agreements"])
        lower = [t.lower_ for t in sent]
        signs = any(w.startswith(verbs) for w in lower) and any(w.startswith(agreements) for w in lower)
        return (
            not self._is_heading(sent)
            and (signs or any(w in succession for w in lower))
            and not self._about_organisation(sent)
        )

    def _only_contacts(self, sent: Span) -> bool:
        """The sentence's only weak words are contacts ("Darüber hinaus bestehen Kontakte zu
        X in Italien"): a relation the page sets beside its partnerships, never one of them."""
        weak = [w for w in self._table.lower[sent.start : sent.end] if keyword_category(w) == "weak"]
        return bool(weak) and all(w.startswith("kontakt") for w in weak)

    def _about_partnerships_in_general(self, sent: Span, sent_places: list[Span], home_keys: set[str]) -> bool:
        """A sentence that speaks of partnerships in the plural without saying whose:
        no home named, no possessive ("unsere Partnerschaften"), every partnership word
        plural ("Städtepartnerschaften entstanden nach dem Krieg")."""
        if self._names_home(sent_places, home_keys):
            return False
        if any(t.lower_ in _POSSESSIVES for t in sent):
            return False
        return self._only_plural_partnerships(sent)

    @staticmethod
    def _only_plural_partnerships(sent: Span) -> bool:
        """Every partnership word of the sentence is plural ("die Partnerschaften", "unserer
        Partnerstädte"): it speaks of several partnerships, not of the one in focus."""
        words = [t.lower_ for t in sent if strong_kind(t.lower_)]
        return bool(words) and all(w.endswith(_PLURAL_KIND_ENDINGS) for w in words)

    def _pair_following_sentence(
        self, pairs: dict, holder: Side, sent: Span, sent_places: list[Span], home_keys: set[str], why: str
    ) -> bool:
        """Pairs the holder (the home, or the member town the sentence before paired) with the
        places a sentence names as subjects (not "ein Besuch in Y": a place visited); whether it
        paired any."""
        added = [p for p in sent_places if not self._after_preposition(p)]
        partners = self._partners(sent, added, holder, home_keys, continued=why == _SUCCESSION)
        for partner in [p for p in partners if p.key != holder.key]:
            pair = self._pair(pairs, holder, partner)
            pair.kinds.add("partnership")
            pair.home_assumed = pair.home_assumed or not self._names_home(sent_places, home_keys)
            pair.why = pair.why or why
            pair.evidence = pair.evidence or (sent.start_char, sent.end_char)
            self._date_by_seit(self.doc, sent, sent_places, pair)
        return bool(partners)

    def _announces_partners(self, sent: Span, sent_places: list[Span], home_keys: set[str]) -> bool:
        """ "Die Stadt X hat drei Partnerstädte.", "X pflegt Partnerschaften zu vier Städten.":
        the home and a plural partnership word, no other place; the partners follow."""
        others = [p for p in sent_places if self._key(p) not in home_keys]
        # a partnership word, not "Freundschaften" (people's friendships as often as towns')
        plural = any(strong_kind(t.lower_) == "partnership" and t.lower_.endswith(_PLURAL_KIND_ENDINGS) for t in sent)
        return plural and not others and not self._is_heading(sent) and not self._about_organisation(sent)

    @staticmethod
    def _after_preposition(span: Span) -> bool:
        """ "in Y", "nach der Stadt Y": a place named as where or whither, not as a subject."""
        k = span.start - 1
        doc = span.doc
        # "Gäste aus Y und Z", "aus Y im Elsass, Z": back over the names coordinated after the preposition
        k = before_coordination(doc, k, lambda w: w in ("der", "die", "dem", "den", "des") or w in _BODY_WORDS)
        if k >= 1 and doc[k].lower_ == "um" and doc[k - 1].lower_ == "sich":
            return False  # "Es handelt sich um Y und Z": the partners named, no place gone to
        return k >= 0 and doc[k].lower_ in _PREPOSITIONS

    def _focus_and_events(
        self,
        sentences: list[Span],
        antecedents: list[Span | None],
        home: Side | None,
        pairs: dict[tuple[str, str], Pair],
    ) -> None:
        """Pass 2: the partners each sentence is about (named, carried from a heading or the
        sentence before) get the events its trigger words and dates state."""
        doc, places = self.doc, self._places
        published = publication_date(doc)  # "haben am Freitag unterzeichnet" in a dated release
        home_keys = self._home_keys(home)
        partner_keys = {k[1] for k in pairs}
        focus: list[tuple[str, str]] = []
        for index, sent in enumerate(sentences):
            sent_places = self._ents_in(sent, PLACE_LABELS)
            named = self._named_pairs(sent_places, pairs)
            kinds, weak = self._keywords(sent)
            # "Der Vertrag wurde 1990 unterzeichnet": an agreement signed is the pair's it names or the focus's
            weak = weak or (bool(focus or named) and self._agreement_signed(sent))
            # "Sie wurde 1956 begründet.": the partnership in focus, named by a pronoun
            weak = weak or (bool(focus) and not sent_places and self._pronoun_signed(sent))
            antecedent = antecedents[index]
            if not named and (kinds or weak) and self._unread_partner(sent):
                focus = []  # "Außerdem besteht seit 1991 eine Partnerschaft mit der Region Musterland": not in focus
                continue
            if not named and kinds and self._only_denied_partnerships(sent):
                focus = []  # "X pflegt seit 1990 Kontakte nach Y, eine Partnerschaft besteht nicht": no event
                continue
            if not named and antecedent is not None and (kinds or weak):
                named = self._named_pairs([antecedent], pairs)
            if named and (kinds or weak or self._is_heading(sent)):
                focus = named
            elif self._is_heading(sent) and named:
                focus = named
            triggers = self._triggers(sent)
            bonded = named and any(t.lower_ in _BONDS for t in sent)  # "Mit X sind wir seit 1992 verbunden"
            if named and (kinds or weak or bonded or self._names_home(sent_places, home_keys)):
                # "verbindet die Städte A und X seit Mai 2002": the date after the partner's name
                for key in named:
                    self._date_by_seit(doc, sent, sent_places, pairs[key])
            if focus and not sent_places and self._is_heading(sent):
                # "Seit: 1956", "Unterzeichnung: 12. Mai 1956": a fact line of the partner's section
                facts = fact_line_events(sent, triggers, self._ents_in(sent, ("DATE",)))
                for key in focus:
                    events = pairs[key].events
                    events += [dict(e) for e in facts if not any(e["date"] == f["date"] for f in events)]
                if facts:
                    continue
            if focus and not sent_places and not kinds and not triggers:
                # in the partner's section, "Die Verbindung besteht seit 1999", "Seit 1999 sind
                # beide Städte verbunden": the bond's "seit" dates the partnership in focus
                since = [d for d in self._ents_in(sent, ("DATE",)) if after_seit(d)]
                if since and any(t.lower_ in _SECTION_BONDS for t in sent):
                    event = {"type": "signed", "date": since[0]._.date_value, "by": "seit"}
                    event["evidence"] = " ".join(span_text(sent).split())
                    for key in focus:
                        if not any(e["type"] == "signed" and e["date"] for e in pairs[key].events):
                            pairs[key].events.append(dict(event))
                    continue
            if not (kinds or weak):
                if named and not self._is_heading(sent):
                    self._partner_merger(sent, triggers, named, pairs)
                continue
            # in the preamble, before any partner is named, "the partnership" is all of them
            preamble = not focus and not any(self._key(p) in partner_keys for p in places if p.start < sent.start)
            if preamble and self._about_partnerships_in_general(sent, sent_places, home_keys):
                preamble = False  # "Partnerschaften zwischen Städten wurden vor 70 Jahren ins Leben gerufen"
            unfocused = [k for k in pairs if k[0] in home_keys] if preamble else []
            if not named and not unfocused and self._only_plural_partnerships(sent):
                continue  # "Die Partnerschaften wurden zu unterschiedlichen Zeitpunkten gegründet": all, none in focus
            targets = named or focus or unfocused
            if not targets:
                continue
            dates = self._ents_in(sent, ("DATE",))
            day = None
            if published and triggers and not dates:
                # "haben am Freitag ... vereinbart. Beide Seiten haben ... unterzeichnet.": the day
                # the sentence names, or else the one before it, dates its undated signing
                day = relative_day([t.lower_ for t in sent], published) or (
                    relative_day([t.lower_ for t in sentences[index - 1]], published) if index else None
                )
            if triggers and not dates and day is None:
                # "Vom 29. Mai bis 1. Juni 1997 fand das Europafest statt. Im Rahmen des Europafestes
                # wurde die Partnerschaft besiegelt": the occasion named, dated the sentence before
                earlier = [(s, self._ents_in(s, ("DATE",))) for s in sentences[max(0, index - 2) : index]]
                day = occasion_date(sent, earlier)
            in_turn = self._dates_in_turn(sent_places, dates, named) or self._dates_after_partners(
                sent_places, dates, named
            )
            for key, own in in_turn.items():
                # "Am 8. Mai 1992 ... mit A, am 24. Mai folgte ... mit B": each partner its own date
                events = sentence_events(sent, triggers, [own], bool(kinds), day)
                if not triggers and kinds and not events:
                    # "A wurde 1985 Partnerstadt, B kam 2001 hinzu": no event word, each partner its year
                    events = self._own_year_signing(sent, own)
                for event in events:
                    if not any(e["type"] == event["type"] and e["date"] == event["date"] for e in pairs[key].events):
                        pairs[key].events.append(dict(event))
            targets = [key for key in targets if key not in in_turn]
            if not triggers and len(named) >= 2 and dates:
                # "X ist seit 1995 Partnerstadt von A und pflegt außerdem eine Freundschaft mit B": the
                # "seit" of a sentence without a trigger dates the partners of its own clause
                own_clause = self._partners_in_clause_of(sent, sent_places, dates[0], named)
                targets = [key for key in own_clause if key not in in_turn] or targets
            # a date one partner's "seit" claimed ("A (seit 1985) und eine Freundschaft mit B") is not B's
            sentence_text = " ".join(span_text(sent).split())
            claimed = {
                e["date"]: key
                for key in named
                for e in pairs[key].events
                if e.get("by") == "seit" and e["evidence"] == sentence_text
            }
            for event in sentence_events(sent, triggers, dates, bool(kinds), day):
                for key in targets:
                    if event["type"] == "signed" and claimed.get(event["date"], key) != key:
                        continue
                    events = pairs[key].events
                    if any(e["type"] == event["type"] and e["date"] == event["date"] for e in events):
                        continue
                    if event["type"] == "signed" and any(
                        e.get("by") in ("seit", "list") and e["evidence"] == event["evidence"] for e in events
                    ):
                        # this sentence dated this partner's signing already, by its "seit" or as a
                        # list ("X seit 1978, Y seit 2004"; "Partnerstädte: X (Land) seit 1978, Y ...")
                        continue
                    events.append(dict(event))

    def _partners_in_clause_of(
        self, sent: Span, sent_places: list[Span], date: Span, named: list[tuple[str, str]]
    ) -> list[tuple[str, str]]:
        """The named pairs whose partner stands in the date's main clause (``clause_of``)."""
        keys = {self._key(p): clause_of(sent, p.start) for p in sent_places}
        return [k for k in named if keys.get(k[1]) == clause_of(sent, date.start)]

    def _marks_in_order(
        self, sent_places: list[Span], dates: list[Span], named: list[tuple[str, str]]
    ) -> list[tuple[int, str, object]] | None:
        """The sentence's dates and each named pair's first mention, in text order, as
        (token, "date" or "partner", the date or the pair's key); None unless two or more
        pairs are named and each is mentioned."""
        if len(named) < 2:
            return None
        first: dict[tuple[str, str], Span] = {}
        for span in sent_places:
            key = next((k for k in named if k[1] == self._key(span)), None)
            if key is not None and key not in first:
                first[key] = span
        if len(first) != len(named):
            return None
        return sorted([(d.start, "date", d) for d in dates] + [(s.start, "partner", k) for k, s in first.items()])

    def _dates_after_partners(
        self, sent_places: list[Span], dates: list[Span], named: list[tuple[str, str]]
    ) -> dict[tuple[str, str], Span]:
        """ "Zu A bestehen seit 1985 Beziehungen, B kam 2001 hinzu": strictly partner, date,
        partner, date, each partner's own date the one after it; else empty."""
        marks = self._marks_in_order(sent_places, dates, named) if len(dates) == len(named) else None
        if marks is None or [kind for _, kind, _ in marks] != ["partner", "date"] * len(named):
            return {}
        return {marks[k][2]: marks[k + 1][2] for k in range(0, len(marks), 2)}

    def _dates_in_turn(
        self, sent_places: list[Span], dates: list[Span], named: list[tuple[str, str]]
    ) -> dict[tuple[str, str], Span]:
        """Each named pair's own date where a sentence names dates and partners in turn
        (date, partner, date, partner): a date belongs to the partners after it, up to the
        next date. Empty unless the first partner follows a date and two dates are used."""
        named_keys = {k[1] for k in named}
        first = min((p.start for p in sent_places if self._key(p) in named_keys), default=0)
        # "mit A seit 1957, mit B seit 1960": a "seit" after a partner is its own; one before
        # every partner opens the turns ("Seit 1956 ist X mit A verschwistert, 1990 kam B hinzu")
        dates = [d for d in dates if not after_seit(d) or d.start < first]
        marks = self._marks_in_order(sent_places, dates, named) if len(dates) >= 2 else None
        if marks is None:
            return {}
        own: dict[tuple[str, str], Span] = {}
        current: Span | None = None
        for _, kind, value in marks:
            if kind == "date":
                current = value
            elif current is None:
                return {}  # a partner before any date: the dates are not each partner's
            else:
                own[value] = current  # "mit A und B, 1990 kam C hinzu": B shares A's date
        return own if len({d.start for d in own.values()}) >= 2 else {}

    def _partner_merger(
        self, sent: Span, triggers: list[tuple[int, str]], named: list[tuple[str, str]], pairs: dict
    ) -> None:
        """ "Der Landkreis X entstand 2008 durch den Zusammenschluss zweier Kreise": a merger
        that made a partner is the partnership's transfer to it, though the sentence names no
        partnership (a merger word, lexicon ``merger_words``; other transfer words need one)."""
        text = doc_text(self.doc)
        mergers = tuple(lex()["event_context"]["merger_words"])
        merging = [(pos, t) for pos, t in triggers if t == "transferred" and text[pos:].lower().startswith(mergers)]
        if not merging:
            return
        for event in sentence_events(sent, merging, self._ents_in(sent, ("DATE",))):
            for key in named:
                events = pairs[key].events
                if not any(e["type"] == "transferred" and e["date"] == event["date"] for e in events):
                    events.append(dict(event))

    @staticmethod
    def _predecessors_to_home(
        home: Side, parts: set[str], pairs: dict[tuple[str, str], Pair]
    ) -> dict[tuple[str, str], Pair]:
        """A town named by a part of a merged municipality's double name is its predecessor:
        "die Partnerschaft zwischen der Stadt Musterau und Y wird auf die Stadt Musterau-Land
        erweitert" gives the home's pair, not Musterau's. A district's part ("Landkreis
        Musterau-Land": the town Musterau) is one of its member towns and keeps its own."""
        if any(names_district(n) or "kreis" in n.lower() for n in home.names):
            return pairs
        kept: dict[tuple[str, str], Pair] = {}
        for key, pair in pairs.items():
            if pair.a is home or pair.a.key not in parts or pair.b is home:
                kept.setdefault(key, pair)
                continue
            merged = kept.setdefault((home.key, pair.b.key), Pair(a=home, b=pair.b, why=pair.why))
            merged.kinds |= pair.kinds
            merged.events.extend(e for e in pair.events if e not in merged.events)
            merged.evidence = merged.evidence or pair.evidence
            merged.a_aliases.extend(n for n in pair.a.names if n not in merged.a_aliases)
            merged.why = merged.why or pair.why
            if not merged.why.endswith(_PREDECESSOR):
                merged.why += _PREDECESSOR
        return kept

    def _finish(self, home: Side | None, pairs: dict[tuple[str, str], Pair]) -> None:
        """Drops the parts of the home's name and, on a round-up, the pairs that only
        assumed the home; dates the foundings; writes the home and the partnerships."""
        doc = self.doc
        pairs = {k: p for k, p in pairs.items() if not _same_body(p.a, p.b)}
        if home is not None:
            # "Musterau" beside "Rhein-Kreis Musterau", "Berlin" beside "Berlin Musterbezirk": a part
            # of the home's own name is where it lies or what it is named after, not its partner
            parts = self._home_name_parts(home)
            pairs = {
                k: p for k, p in pairs.items() if not (p.a is home and p.b.key in parts and not _abroad_of(home, p.b))
            }
            pairs = self._predecessors_to_home(home, parts, pairs)
        if home is not None and self._round_up(doc, home, pairs):
            # a report on several towns' partnerships: a pair that only assumed the home
            # (its sentence names no holder) is nobody's
            pairs = {k: p for k, p in pairs.items() if not (p.a is home and p.home_assumed)}
            home = None
        for pair in pairs.values():
            self._undated_founding(doc, pair)
        self._set_home(doc, home)
        self._home_side, self._home_why = home, doc._.home_why
        district_home = home is not None and any(names_district(n) for n in home.names)
        doc._.partnerships = [self._to_dict(p) for p in merge_spelling_variants(list(pairs.values()), district_home)]

    def _pairs_from_partner_lines(
        self, doc: Doc, home: Side | None, pairs: dict[tuple[str, str], Pair]
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
                event = {"type": "signed", "date": line.since._.date_value, "evidence": evidence, "by": "list"}
                if not any(e["type"] == "signed" and e["date"] == event["date"] for e in pair.events):
                    pair.events.append(event)
            if line.renamed is not None and line.aliases:
                evidence = " ".join(doc_text(doc)[block.start : block.end].split())
                pair.events.append({"type": "transferred", "date": line.renamed._.date_value, "evidence": evidence})
            used.append((block.start, block.end))
        return used

    def _home(self, doc: Doc) -> Side | None:
        """The home side from the mentions the home component chose, its most
        used name first; else the home carried from a long text's window before."""
        spans = doc._.home_spans or []
        if not spans:
            before: TextBefore | None = doc._.text_before
            carried = before.home if before is not None else None
            return None if carried is None else Side(carried.key, names=list(carried.names), place=carried.place)
        names = Counter(canonical_name(span) for span in spans)
        side = Side(self._key(spans[0]), place=spans[0]._.place)
        for name, _ in names.most_common():
            side.add_name(name)
        return side

    @staticmethod
    def _set_home(doc: Doc, home: Side | None) -> None:
        """``doc._.home_body`` (and so ``doc._.home``, its names)."""
        doc._.home_body = HomeBody(home.key, tuple(home.names), home.place) if home else None

    def _to_dict(self, pair: Pair) -> dict:
        kind = sorted(pair.kinds, key=KIND_ORDER.index)[0] if pair.kinds else "partnership"
        # no town twinning is older than the 20th century: "Gegründet 1030", "1259 im Städtebund"
        # date the town or an older league, not this partnership
        pair.events = [e for e in pair.events if not (e["date"] and e["date"][:4] < FIRST_TWINNING_YEAR)]
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
        a = Side(pair.a.key, names=list(pair.a.names))
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


@Language.factory("twinning_partnerships")
class PartnershipExtractor:
    """The pipeline component: reads each document with a ``PageReading`` of its own."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        PageReading(doc).read()
        return doc
