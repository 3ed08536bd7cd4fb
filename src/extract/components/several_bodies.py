"""Pages about several bodies' partnerships: a district's or association's member
towns, a newspaper's round-up ("in X mit Y, in Z mit W"), a holder before a colon
("Stadtbezirk X: Städtepartnerschaften mit ..."): the pair's first side is the
town its sentence names as holder, not the page's home."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..gazetteer import CITY, COUNTRY, REGION
from .bodies import (
    HOME_COUNTRIES,
    PARTNER_TOWN_NOUNS,
    could_be_at_home,
    lex,
    named_abroad,
    names_district,
    states_bond,
    strong_kind,
)
from .events import after_seit
from .extensions import doc_text
from .home import (
    foreign_adjective_before,
    nationality_adjective,
    owner_after_partner_noun,
    partner_cue,
    partner_noun_before,
    place_nouns,
)
from .partnership_state import Pair, Side, body_words_lower
from .statements import Statements

# words between a holder and its "mit": "A ist seit 1990 auch mit B verbunden"
# verbs right after a clause's subject town: "..., B pflegt eine Freundschaft mit Y"
_CLAUSE_VERBS = frozenset({"pflegt", "unterhält", "ist", "hat", "verbindet", "feiert", "besitzt"})
_COPULA_FILLERS = frozenset({"ist", "sind", "war", "seit", "auch", "zudem", "bereits", "schon", "außerdem"})
_MIT_WORDS = frozenset({"der", "dem", "den"})


_SUBJECT_OPENERS = {"unsere", "unser", "die", "der", "auch", "stadt", "gemeinde"}
_OWNER_OPENERS = {"weitere", "die", "der", "andere", "zu", "den", "auch", "ebenfalls", "außerdem"}


def _clause_start(sent: Span, noun: int, owner: Span) -> int:
    """Where the clause of the partner noun at ``noun`` opens: after a semicolon before it
    ("Man besucht sich oft; Partnerstädte von X sind Y und Z"), or after a comma when the
    owner is followed by the clause's verb ("..., Partnerstädte von X sind Y"); else the
    sentence's start."""
    doc = sent.doc
    verb_after = owner.end < sent.end and doc[owner.end].lower_ in ("sind", "ist", "waren", "gehören")
    for k in range(noun - 1, sent.start - 1, -1):
        if doc[k].text == ";" or (doc[k].text == "," and verb_after):
            return k + 1
    return sent.start


def _location_word(token: Token) -> bool:
    """A token of a location given after a name: "in", "im", brackets, a country or region."""
    return token.lower_ in ("in", "im", "(", ")") or token.ent_type_ in (COUNTRY, REGION)


def _genitive_attribute(span: Span) -> bool:
    """A place in the genitive before a noun that is no place: "Musterstadts Nachbarstadt"."""
    doc = span.doc
    return (
        span.text.endswith("s")
        and span.end < len(doc)
        and doc[span.end].text[:1].isupper()
        and not doc[span.end].ent_type_
        and not doc[span.end].lower_.startswith(PARTNER_TOWN_NOUNS)
    )


class SeveralBodies(Statements):
    """The rules for a sentence whose holder is a town other than the home."""

    def _held_pair(
        self,
        pairs: dict[tuple[str, str], Pair],
        sent: Span,
        sent_places: list[Span],
        holder: Side,
        partner: Side,
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

    def _clause_subjects(
        self, sent: Span, sent_places: list[Span], home_keys: set[str]
    ) -> list[tuple[Span, Span, int]]:
        """ "A ist seit 2003 mit X verbunden, B pflegt seit 1987 eine Freundschaft mit Y": a
        town other than the home opening a main clause after a comma, right before its verb,
        holds the partner its clause names (the clause runs to the next comma or the end):
        (holder, partner, the clause's end token) each."""
        doc = sent.doc
        found = []
        for k, span in enumerate(sent_places):
            if (
                span.label_ != CITY
                or self._key(span) in home_keys
                or span.start <= sent.start
                or doc[span.start - 1].text not in (",", ";")
                or span.end >= sent.end
                or doc[span.end].lower_ not in _CLAUSE_VERBS
            ):
                continue
            clause_end = next((t.i for t in doc[span.end : sent.end] if t.text in (",", ";")), sent.end)
            partners = [
                p
                for p in sent_places[k + 1 :]
                if p.end <= clause_end
                and p.label_ != COUNTRY
                and self._key(p) not in home_keys
                and not self._qualifier(p, sent_places)
            ]
            if partners and any(t.lower_ == "mit" for t in doc[span.end : partners[0].start]):
                found.append((span, partners[0], clause_end))
        return found

    def _partner_as_subject(
        self, sent: Span, sent_places: list[Span], home_keys: set[str], pairs: dict[tuple[str, str], Pair]
    ) -> Span | None:
        """ "Unsere Partnerstadt X pflegt ihrerseits Partnerschaften mit Y und Z": a partner
        of the home opening the sentence as its subject holds the partnerships it states
        (the home is not named). The home's partner: called so by a partner noun before
        it, or paired with the home before."""
        # "Musterstadts Nachbarstadt X": the home named only as another place's attribute is no party
        if not sent_places or self._names_home([p for p in sent_places if not _genitive_attribute(p)], home_keys):
            return None
        first = sent_places[0]
        opening = [t.lower_ for t in sent.doc[sent.start : first.start] if not t.is_space]
        if len(opening) > 3 or any(w not in _SUBJECT_OPENERS and not w.startswith(PARTNER_TOWN_NOUNS) for w in opening):
            return None  # "Unsere Partnerstadt X", "Auch X", "X": the sentence opens with it
        partner_of_home = any(k[1] == self._key(first) and k[0] in home_keys for k in pairs)
        if not (partner_noun_before(sent.doc, first) or partner_of_home):
            return None
        after = sent.doc[first.end : sent.end]
        words = [t.lower_ for t in after]
        stated = any(strong_kind(w) for w in words) or states_bond(words) or states_bond(words, friendship=True)
        if not stated or not any(w in ("mit", "zu") for w in words):
            return None  # "X pflegt Partnerschaften mit Y", "X ist außerdem mit Y befreundet"
        return first

    def _partners_of_a_partner(
        self,
        sent: Span,
        sent_places: list[Span],
        home_keys: set[str],
        pairs: dict[tuple[str, str], Pair],
        section_place: Span | None,
    ) -> tuple[Span, list[Span]] | None:
        """A partner of the home, or another town at home, that holds the partnerships a
        sentence names without the home: "(Weitere) Partnerstädte von X sind Y und Z",
        "Partnerstadt von X ist Y" (X after a partner noun and "von"), or, under a
        partner X's own heading, a sentence whose subject is "die Stadt", "die
        Gemeinde" or "sie" ("Die Stadt unterhält weitere Partnerschaften mit Y und Z").
        (X, the places it holds) or None."""
        if not sent_places or self._names_home(sent_places, home_keys):
            return None
        doc = sent.doc
        partners_of_home = {k[1] for k in pairs if k[0] in home_keys}
        for span in sent_places:
            if span.start < 2 or doc[span.start - 1].lower_ != "von":
                continue
            if self._key(span) not in partners_of_home and not could_be_at_home(span):
                continue  # a town at home the page names as a partner noun's owner holds its partners too
            noun = span.start - 2
            opening = {t.lower_ for t in doc[_clause_start(sent, noun, span) : noun] if not t.is_space}
            # the noun opens the sentence or clause as its subject: "(Weitere) Partnerstädte von X sind ...",
            # "Zu den Partnerstädten von X gehören ..."; not a predicate ("A ist Partnerkommune von X und ...")
            if doc[noun].lower_.startswith(PARTNER_TOWN_NOUNS) and opening <= _OWNER_OPENERS:
                return span, [p for p in sent_places if p is not span]
        if section_place is None or self._key(section_place) not in partners_of_home:
            return None
        opening = [t.lower_ for t in doc[sent.start : min(sent.end, sent.start + 2)]]
        if opening[:2] not in (["die", "stadt"], ["die", "gemeinde"]) and opening[:1] != ["sie"]:
            return None
        after = [t.lower_ for t in doc[sent.start : sent.end]]
        if not any(w in ("mit", "zu") for w in after):
            return None
        return section_place, [p for p in sent_places if self._key(p) != self._key(section_place)]

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
            while k < sent.end and (
                doc[k].lower_ in _MIT_WORDS
                or doc[k].lower_ in body_words_lower()
                or nationality_adjective(doc[k].lower_)  # "mit der polnischen Gemeinde Y"
            ):
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
            # "• Stadtbezirk X:", "- Gemeinde Y:": a list mark before the line's body word
            before = text[max(line_start, sent.start_char) : place.start_char].lstrip(" \t-–•*·»").split()
            if len(before) > 1 or (before and before[0].lower() not in body_words_lower()):
                continue
            if could_be_at_home(place):
                return place
        return None

    def _member_pairs(
        self,
        doc: Doc,
        sent: Span,
        sent_places: list[Span],
        home_keys: set[str],
        kinds: set[str],
        held_by: list[Span | None],
    ) -> list[tuple[Side, Side]]:
        """Pairs of a member town with its partners in one sentence: towns at home
        (Germany, Austria, Switzerland) that are not named as someone's partner hold;
        foreign places and places named as a partner ("mit der Gemeinde Y") are
        partners, each of the holder named last before it. A sentence with
        "seit <date>" in a paragraph with a partnership word counts too
        ("Mit Y besteht der Austausch seit 1964"); a holder named alone carries
        over to the next sentence."""
        dated = any(after_seit(d) for d in self._ents_in(sent, ("DATE",))) and self._paragraph_has_keyword(doc, sent)
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
            at_home = not named_abroad(p) if place is None else place.country in HOME_COUNTRIES
            if self._marked_as_predecessor(p, markers):
                continue  # "durch den damaligen Landkreis X": the home's predecessor
            cued = (
                partner_cue(doc, p)
                or partner_noun_before(doc, p)
                or foreign_adjective_before(doc, p)
                or self._named_partner_town(sent, p)
                or self._coordinated_with(doc, p, partners)
                or self._party_of_bond(sent, p)  # "A ist mit Musterdorf partnerschaftlich verbunden"
                or self._with_holder_before(doc, p, holders)
            )
            if at_home and not cued:
                if self._can_hold(doc, sent, p):
                    holders.append(p)
            elif self._key(p) not in home_keys:
                partners.append(p)
        owners = [h for h in holders if owner_after_partner_noun(doc, h)]
        if owners and not partners:
            # "Partnergemeinde Musterdorfs ist Musterberg": the other town is the owner's partner
            partners = [h for h in holders if h not in owners and self._key(h) != self._key(owners[0])]
            holders = owners
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
    def _with_holder_before(doc: Doc, span: Span, holders: list[Span]) -> bool:
        """ "A ist mit Musterdorf verbunden", "..., der Markt B mit Musterdorf": in a partnership
        sentence, the name after a holder's own "mit" is that holder's partner, wherever it lies."""
        if not holders:
            return False
        k = span.start - 1
        while k > 0 and (
            doc[k].lower_ in body_words_lower()
            or doc[k].lower_ in _MIT_WORDS
            or doc[k].lower_ in place_nouns()
            or doc[k].is_lower and nationality_adjective(doc[k].lower_)
        ):
            k -= 1  # "mit dem österreichischen Ort Musterdorf"
        if doc[k].lower_ != "mit":
            return False
        k -= 1
        while k > 0 and (doc[k].lower_ in _COPULA_FILLERS or doc[k].ent_type_ == "DATE"):
            k -= 1  # "A ist seit 1990 auch mit ..."
        return any(h.end - 1 == k for h in holders)

    @staticmethod
    def _coordinated_with(doc: Doc, span: Span, partners: list[Span]) -> bool:
        """ "mit A (Frankreich), B und Musterdorf", "A | B | Musterdorf": a town joined by a comma,
        "und" or a separator to a partner named right before it, and not followed by words of its
        own, is a partner as well, wherever it lies."""
        if not partners:
            return False
        # "A in Frankreich, B in Polen sowie C in Thüringen": each name's location is no word of its own
        between = [t.lower_ for t in doc[partners[-1].end : span.start] if not t.is_space and not _location_word(t)]
        following = [t for t in doc[span.end : span.end + 6] if not t.is_space and not _location_word(t)]
        after = following[0].lower_ if following else "."
        # "..., Musterdorf mit Y": a round-up's next holder, not one more partner
        joints = ([","], ["und"], ["sowie"], ["|"], ["·"], ["•"], [";"])
        return between in joints and after in (",", "und", "sowie", ".", ";", "(", "|", "·", "•")

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

    def _paragraph_has_keyword(self, doc: Doc, sent: Span) -> bool:
        text = doc_text(doc)
        start = text.rfind("\n", 0, sent.start_char) + 1
        end = text.find("\n", sent.end_char)
        words = text[start : end if end >= 0 else len(text)].lower().split()
        return any(strong_kind(w.strip('.,;:!?()„“"')) for w in words)

    @staticmethod
    def _round_up(doc: Doc, home: Side, pairs: dict[tuple[str, str], Pair]) -> bool:
        """A report on several towns' partnerships (two or more towns hold pairs of their
        own) by no body that names itself as publisher: the text has no single home."""
        held = ("member town", "town opening its own clause")
        holders = {p.a.key for p in pairs.values() if p.a is not home and p.why.startswith(held)}
        named_itself = any(w in (doc._.home_why or "") for w in ("publisher", "dateline", "district office"))
        return len(holders) >= 2 and home.key.startswith("name:") and not named_itself
