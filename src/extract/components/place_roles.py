"""What a place is in its sentence: a partner, or the home's part, former body,
region or designation, a town's location ("X (Utah)"), a reference point
("westlich von X"), a compound's head ("X-Straße"), a venue's region."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..gazetteer import CITY, COUNTRY, REGION, load_gazetteer
from ..text import fold_name
from .bodies import HOME_COUNTRIES, PARTNER_TOWN_NOUNS, could_be_at_home, lex, lies_at_home, names_district, strong_kind
from .home import LIES_WORDS, nationality_adjective
from .partnership_state import (
    PLACE_LABELS,
    ReadingState,
    Side,
    body_words_lower,
    organisation_words,
    partnership_prefixes,
)
from .places import names_compass_region

_LOCATION_LINK = {"in", "im", "bei", "am"}

_DIRECTIONS = ("lich", "wärts")  # "nördlich", "südöstlich", "landeinwärts"


# what may stand between a town and the region that locates it ("X (Provinz Y)", "X in der Y")
_QUALIFIER_WORDS = frozenset({"(", ",", "/", "in", "im", "der", "dem", "des", "aus", "–", "-", "provinz", "region"})


def _state_before_its_country(span: Span) -> bool:
    """ "X (Washington, USA)": a name the gazetteer knows as a state of the country named
    right after it, in the parentheses after a town: the town's state, not a city."""
    doc = span.doc
    k = span.end
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].ent_type_ != COUNTRY:
        return False
    country = next((e for e in doc.ents if e.start == k + 1), None)
    code = country._.place.country if country is not None and country._.place is not None else None
    return code is not None and any(p.label == REGION and p.country == code for p in load_gazetteer().lookup(span.text))


@lru_cache(maxsize=1)
def _body_and_state_words() -> frozenset[str]:
    return body_words_lower() | _state_words()


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Words that call the name after them a state or region ("im US-Bundesstaat X",
    "in der Region X"), lower-cased: a town named after one locates the town before it."""
    places = lex()["places"]
    words = places["region_words"] + places["weak_region_words"] + places["state_words"]
    return frozenset(w.lower() for w in words)

_QUALIFIER_GAP = 6


def _apposition_to_place(doc: Doc, k: int) -> bool:
    """ "Kaliningrad, dem früheren Königsberg", "Musterstadt (ehemals Y)": the marker at ``k``
    opens an apposition to the place before it, whose former name follows; not the home's."""
    j = k - 1
    while j >= 0 and doc[j].lower_ in ("dem", "der", "des", "das", "die", "den"):
        j -= 1
    return j >= 1 and doc[j].text in (",", "(") and doc[j - 1].ent_type_ in (CITY, REGION)


_NEAR = frozenset({"nähe", "unweit", "hauptstadt", "landeshauptstadt", "kreisstadt", "umgebung", "umland"})

_OPENING_QUOTES = {"„", "“", '"', "«", "»", "‚"}
# "rund 50 Kilometer von Y entfernt": a distance from a city that locates a town
_DISTANCES = frozenset({"kilometer", "km", "kilometern", "meter", "minuten", "stunden", "autostunden", "fahrminuten"})
_WATERS = frozenset({"golf", "bucht", "ufer", "küste", "mündung", "lagune", "halbinsel", "insel"})
_INDEFINITE = frozenset({"einer", "eine", "einen", "einem"})  # "die Anbahnung einer Partnerschaft"
_LIES = LIES_WORDS | {"lag"}
_BETWEEN_GROUP = frozenset({"und", ",", "sowie", "der", "dem", "den"})


def _between_where_it_lies(doc: Doc, span: Span) -> bool:
    """The place is one of a "zwischen Y und Z" phrase that says where something lies:
    "zwischen Y und Z gelegen", "liegt zwischen Y und Z"."""
    k = span.start - 1
    while k >= 0 and span.start - k <= 8 and (doc[k].ent_type_ or doc[k].lower_ in _BETWEEN_GROUP):
        k -= 1
    if k < 0 or doc[k].lower_ != "zwischen":
        return False
    if k and doc[k - 1].lower_ in _LIES:
        return True
    j = span.end
    while j < len(doc) and j - span.end <= 8 and (doc[j].ent_type_ or doc[j].lower_ in _BETWEEN_GROUP):
        j += 1
    return j < len(doc) and doc[j].lower_ in _LIES


# "X im Großraum Y", "im Raum Y": an area around a city that locates a town in it
_AREAS = frozenset({"großraum", "raum", "ballungsraum", "einzugsgebiet", "speckgürtel", "umland"})


_CLAUSE_ENDS = frozenset({",", ";", ":", "–", "sondern", "aber", "wie", "doch", "jedoch"})
_INNER_ADVERBS = frozenset({"aber", "doch", "jedoch"})
_PART_WORDS = ("stadtteil", "ortsteil", "stadtbezirk", "ortschaft")
_ARTICLES_LOWER = frozenset({"der", "die", "dem", "den", "des", "ihrer", "seiner", "unserer"})
_ELLIPSIS_FILLERS = frozenset({"jahre", "jahren", "seit", "schon", "bereits", "ebenfalls", "auch", "–", "-"})


# after a comma, these open a new main clause with a subject of its own
_MAIN_CLAUSE_CONJUNCTIONS = {"und", "aber", "doch", "sowie", "denn"}


_UNREAD_NAME_ZIPF = 2.5  # a capitalised word rarer than this is a name, not a German word


def _after_an_unread_name(span: Span) -> bool:
    """A region right after a comma or bracket that follows a capitalised word no rule read
    as a place, and before a country or the bracket's end ("Musterhill, Utah, USA", "Musterhill
    (Utah)"): the region where that name lies, not a body of its own."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in (",", "("):
        return False
    name = doc[span.start - 2]
    if not (name.text.isalpha() and name.text[:1].isupper() and not name.ent_type_) or name.is_sent_start:
        return False
    if load_gazetteer().zipf(name.text) >= _UNREAD_NAME_ZIPF or strong_kind(name.lower_):
        return False  # "Partnerregion (Bretagne, Frankreich)": a word, not a name
    after = doc[span.end : span.end + 3]
    if doc[span.start - 1].text == "(" and len(after) and after[0].text == ")":
        return True
    if len(after) < 2 or after[0].text not in (",", "("):
        return False
    code = after[1].text.replace(".", "")
    return after[1].ent_type_ == COUNTRY or (code.isupper() and 2 <= len(code) <= 3)  # "USA", "U.S.A."


class PlaceRoles(ReadingState):
    """Predicates on a place in its sentence, asked by the rules that pair."""

    @staticmethod
    def _located_in(doc: Doc, place: Span, container: Span) -> bool:
        """ "X in der Gemeinde Y", "X bei Y", "X im Landkreis Y" (the words between the two)."""
        between = [t.lower_ for t in doc[place.end : container.start]]
        if between == ["bei"]:
            return False  # "Meudon bei Paris": near the city, not in it (a qualifier, see below)
        return (
            0 < len(between) <= 3
            and between[0] in _LOCATION_LINK
            and all(w in ("der", "dem", "den") or w.capitalize() in lex()["places"]["city_words"] for w in between[1:])
        )

    @staticmethod
    def _qualifier(span: Span, places: list[Span]) -> bool:
        """A region that says where the town before it lies: "X (Utah)", "X, Provinz Y",
        "X in der Provinz Y", "X (Region, Land)", "X bei Paris": the town's location, not a partner."""
        doc = span.doc
        states = _state_words()
        if span.label_ == CITY and span.start and doc[span.start - 1].lower_ in states:
            pass  # "X im US-Bundesstaat Washington", "X in der Region Y": named as a state, though a city's name
        elif span.label_ == CITY:
            # "Meudon bei Paris": the city the town lies near, where the gazetteer lacks the whole name
            return span.start >= 2 and doc[span.start - 1].lower_ in ("bei", "(") and any(
                p.end == span.start - 1 and p.label_ == CITY for p in places
            ) and (doc[span.start - 1].lower_ == "bei" or _state_before_its_country(span))
        elif span.label_ != REGION:
            return False
        if _after_an_unread_name(span):
            return True  # "Musterhill, Utah, U.S.A.": where a town the place rules did not read lies
        current = span  # walks back over a chain of qualifiers: "X (Region, Landesteil)"
        for place in reversed([p for p in places if p.end <= span.start]):
            between = doc[place.end : current.start]
            if current.start - place.end > _QUALIFIER_GAP or not all(
                t.lower_ in _QUALIFIER_WORDS
                or t.lower_ in states
                or t.ent_type_ in (REGION, COUNTRY)
                or nationality_adjective(t.lower_)  # "X im Schweizer Kanton Y", "X in der französischen Region Y"
                for t in between
            ):
                return False
            if place.label_ == CITY or (len(between) and between[0].text == "("):
                return True
            current = place
        return False

    def _partner_of_another(self, span: Span, places: list[Span], home_keys: set[str]) -> Span | None:
        """ "aus Kalisz, der polnischen Partnerstadt von Musterville, ...": the body whose
        partner an apposition after the place calls it, where that is not the home; or
        "die Partnergemeinde von Musterville, Kalisz, ...": the apposition before it."""
        doc = span.doc
        before = next((p for p in places if p.end == span.start - 1), None)
        if (
            before is not None
            and doc[span.start - 1].text == ","
            and before.start >= 2
            and doc[before.start - 1].lower_ == "von"
            and doc[before.start - 2].lower_.startswith(PARTNER_TOWN_NOUNS)
            and self._key(before) not in home_keys
        ):
            return before
        k = span.end
        if k >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        while k < len(doc) and k - span.end <= 5 and (doc[k].lower_ in _ARTICLES_LOWER or doc[k].text[:1].islower()):
            if doc[k].lower_.startswith(PARTNER_TOWN_NOUNS):
                break
            k += 1
        if k + 2 >= len(doc) or not doc[k].lower_.startswith(PARTNER_TOWN_NOUNS) or doc[k + 1].lower_ != "von":
            return None
        owner = next((p for p in places if p.start == k + 2), None)
        return owner if owner is not None and self._key(owner) not in home_keys else None

    def _elliptical_partner(self, span: Span, places: list[Span], home_keys: set[str]) -> Span | None:
        """ "X feiert 30 Jahre Partnerschaft mit A, Y 50 Jahre mit B": a town at home after a
        comma, whose clause repeats only "mit" and a partner, holds that partner (the verb and
        the partnership are the clause's before it); the partner, or None."""
        doc = span.doc
        if self._key(span) in home_keys or not could_be_at_home(span):
            return None
        k = span.start - 1
        while k > 0 and (doc[k].lower_ in _ARTICLES_LOWER or doc[k].lower_ in body_words_lower()):
            k -= 1  # ", die Gemeinde Y mit B"
        if k <= 0 or doc[k].text != ",":
            return None
        k = span.end
        while k < len(doc) and k - span.end < 5 and (
            doc[k].text.isdigit() or doc[k].ent_type_ == "DATE" or doc[k].lower_ in _ELLIPSIS_FILLERS
        ):
            k += 1
        if k >= len(doc) or doc[k].lower_ != "mit":
            return None
        k += 1
        while k < len(doc) and (doc[k].lower_ in _ARTICLES_LOWER or doc[k].lower_ in body_words_lower()):
            k += 1
        partner = next((p for p in places if p.start == k), None)
        return partner if partner is not None and self._key(partner) not in home_keys else None

    def _first_clause_of_ellipsis(
        self, sent: Span, places: list[Span], home_keys: set[str]
    ) -> tuple[Span, Span] | None:
        """ "A ist mit B verschwistert, C mit D": where an elliptical clause (``_elliptical_partner``,
        the home's or another's) follows, the sentence's first place, a town at home other than the
        home, holds the first place after its "mit"; None otherwise."""
        doc = sent.doc
        elliptic = [p for p in places if self._elliptical_partner(p, places, set()) is not None]
        if not elliptic or not places or places[0] in elliptic:
            return None
        subject = places[0]
        colon = max((t.i for t in doc[sent.start : subject.start] if t.text == ":"), default=sent.start)
        if self._key(subject) in home_keys or not could_be_at_home(subject) or subject.start > colon + 3:
            return None  # the clause's subject: at most an article or title word after its start or a colon
        mit = next((t.i for t in doc[subject.end : elliptic[0].start] if t.lower_ == "mit"), None)
        partner = next((p for p in places if mit is not None and mit < p.start < elliptic[0].start), None)
        return (subject, partner) if partner is not None and self._key(partner) not in home_keys else None

    @staticmethod
    def _unread_partner(sent: Span) -> bool:
        """ "Außerdem besteht eine Partnerschaft mit der Region Musterland": the sentence names
        its partner after "mit", though the place rules did not read the name; it is not the
        partner of the sentence before."""
        doc = sent.doc
        bodies = _body_and_state_words()
        for tok in sent:
            if tok.lower_ != "mit":
                continue
            k = tok.i + 1
            while k < sent.end and (doc[k].lower_ in _ARTICLES_LOWER or doc[k].text[:1].islower()) and k - tok.i < 4:
                k += 1
            # a body's or region's word, then a name no rule read: "mit der Region Musterland"
            if k + 1 < sent.end and doc[k].lower_ in bodies and doc[k + 1].text[:1].isupper():
                if not doc[k].ent_type_ and not doc[k + 1].ent_type_:
                    return True
        return False

    def _part_as_holder(self, sent: Span, places: list[Span], home_keys: set[str]) -> tuple[Span, list[Span]] | None:
        """ "Der Stadtbezirk X pflegt seit 1969 eine Partnerschaft mit Y", "Im Ortsteil X besteht
        ... mit Y": a part of the home named as its sentence's subject holds the partners named
        after "mit" (as "Stadtbezirk X: Partnerschaft mit Y" lines do); None otherwise."""
        doc = sent.doc
        first = places[0] if places else None
        if first is None or first.start < 1 or first.start - sent.start > 3:
            return None
        if not doc[first.start - 1].lower_.startswith(_PART_WORDS) or self._key(first) in home_keys:
            return None
        mit = next((t.i for t in doc[first.end : sent.end] if t.lower_ == "mit"), None)
        if mit is None:
            return None
        partners = [
            p
            for p in places
            if p.start > mit and self._key(p) not in home_keys and not self._qualifier(p, places)
        ]
        return (first, partners) if partners else None

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

    def _about_organisation(self, sent: Span) -> bool:
        """A partnership sentence whose subject is a school, club or company: one named
        before the first partnership word in its clause ("Vereine besuchen sich, und seit
        1975 besteht eine Partnerschaft mit X" is the town's: a new main clause)."""
        org = organisation_words()
        partnership_words = partnership_prefixes()
        words = self._table.lower[sent.start : sent.end]
        named = anywhere = False
        for k, low in enumerate(words):
            stem = low[:-1] if low.endswith("s") else low  # "des Gymnasiums"
            if low in org or stem in org or stem.endswith(("schule", "gymnasium", "verein", "lyzeum")):
                named = anywhere = True
            elif low.startswith(partnership_words):
                return named
            elif low == ";" or low == "," and k + 1 < len(words) and words[k + 1] in _MAIN_CLAUSE_CONJUNCTIONS:
                named = False
        return anywhere  # no partnership word: "Der Sportverein fuhr nach X" is the club's trip

    def _denied_places(self, sent: Span, places: list[Span]) -> list[Span]:
        """The places of a clause that says their partnership does not exist or was not
        made: "Eine offizielle Partnerschaft mit X besteht nicht", "X hat keine
        Partnerstadt", "Eine Partnerschaft ist nicht geplant". A place in another clause
        ("..., wie X sie seit 1998 mit Y unterhält") may still be a partner. (One that
        ended, "besteht nicht mehr", is a partnership, and "nicht nur" denies nothing.)"""
        clauses = self._denied_clauses(sent)
        return [p for p in places if any(low <= p.start and p.end <= high for low, high in clauses)]

    def _only_denied_partnerships(self, sent: Span) -> bool:
        """Every partnership word of the sentence stands in a denying clause: "X hat
        Kontakte nach Y, eine offizielle Partnerschaft gibt es aber nicht" states none."""
        clauses = self._denied_clauses(sent)
        if not clauses:
            return False
        words = self._table.lower
        # not "Mit X besteht keine Partnerschaft, wie sie Y mit Z pflegt": a clause after the denial
        # may state one by its verb alone
        return not any(
            strong_kind(words[k]) and not any(low <= k < high for low, high in clauses)
            for k in range(sent.start, sent.end)
        ) and all(high == sent.end or not words[high:sent.end] or words[high] == "." for _, high in clauses[-1:])

    def _denied_clauses(self, sent: Span) -> list[tuple[int, int]]:
        """The token ranges of the sentence's clauses that deny a partnership."""
        words = self._table.lower[sent.start : sent.end]
        vocab = lex()["partnerships"]
        no_words, not_made = set(vocab["denial_words"]), set(vocab["not_made_words"])
        possible, checking = set(vocab["possibility_words"]), set(vocab["checking_words"])
        prospects = set(vocab["prospect_nouns"])
        clauses: list[tuple[int, int]] = []
        for k, word in enumerate(words):
            if word in no_words:
                denies = any(strong_kind(w) for w in words[k + 1 : k + 4])  # "keine (offizielle) Partnerschaft"
            elif word in possible:
                denies = any(strong_kind(w) for w in words[k + 1 : k + 3])  # "eine mögliche Partnerschaft"
            elif word in prospects:
                # "die Anbahnung einer Partnerschaft", "Interesse an einer Partnerschaft": one to come
                after = words[k + 1 : k + 4]
                denies = any(w in _INDEFINITE and strong_kind(n) for w, n in zip(after, after[1:], strict=False))
            elif word in checking:
                # "Eine Partnerschaft mit Y soll geprüft werden": the partnership word earlier in the clause
                before = words[max(0, k - 16) : k]
                cut = max((j + 1 for j, w in enumerate(before) if w in _CLAUSE_ENDS), default=0)
                # ... or right after it: "X erwägt eine Städtepartnerschaft mit Y"
                denies = any(strong_kind(w) for w in before[cut:]) or any(strong_kind(w) for w in words[k + 1 : k + 4])
            elif word in ("nicht", "nie") and k + 1 < len(words):
                after, verb = words[k + 1], words[max(0, k - 3) : k]
                # "besteht nicht.", "gibt es aber nicht."
                ends = after in (".", ",", ";") and ("besteht" in verb or "gibt" in verb)
                denies = (after in not_made or ends) and any(strong_kind(w) for w in words[:k])
            else:
                continue
            if not denies:
                continue
            first, last = k, k
            # "gibt es aber nicht": an adverb inside the clause opens none (", aber" stops at the comma)
            while first > 0 and (words[first - 1] not in _CLAUSE_ENDS or words[first - 1] in _INNER_ADVERBS):
                first -= 1
            while last + 1 < len(words) and words[last + 1] not in _CLAUSE_ENDS:
                last += 1
            clauses.append((sent.start + first, sent.start + last + 1))
        return clauses

    @staticmethod
    def _home_name_parts(home: Side) -> set[str]:
        """Keys of the words and hyphen parts of the home's names ("Rhein-Kreis Musterau":
        Musterau; "Musterau-Kleindorf": Musterau and Kleindorf), the home's own key aside."""
        body = body_words_lower()
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
        body = body_words_lower()
        genitive = False
        for k in range(span.start - 1, max(-1, span.start - 20), -1):
            word = doc[k].lower_
            if strong_kind(word):
                return genitive and word.startswith(PARTNER_TOWN_NOUNS)
            if word in ("der", "des"):
                genitive = True
            elif not (word in ("und", ",") or word in body or doc[k].ent_type_ in PLACE_LABELS):
                return False
        return False

    @staticmethod
    def _domestic(span: Span, home: Side) -> bool:
        """A place in the home's own country."""
        place = span._.place
        return place is not None and home.place is not None and place.country == home.place.country

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
        # "in der Nähe von X", "unweit von X", "nahe X", "Dijon, der Hauptstadt von X"
        if before[-1:] == ["nahe"] or len(before) == 2 and before[1] in ("von", "des", "der") and before[0] in _NEAR:
            return True
        if len(before) == 2 and before[1] in _AREAS and before[0] in ("im", "in", "dem", "den"):
            return True  # "Arcueil im Großraum Paris": where the partner lies
        if len(before) == 2 and before[1] == "von" and before[0] in _DISTANCES:
            return True  # "rund 50 Kilometer von X entfernt"
        if len(before) == 2 and before[1] in ("von", "des", "der") and before[0] in _WATERS:
            return True  # "am Golf von X", "an der Mündung der X": a landscape named after a place
        if _between_where_it_lies(doc, span):
            return True  # "X, zwischen Y und Z gelegen", "liegt zwischen Y und Z"
        lies_at = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
        if lies_at[-1:] == ["am"] and lies_at[-2:-1] and lies_at[-2] in LIES_WORDS:
            return True  # "liegt am X": a lake or a river that shares a place's name
        if lies_at[-2:] == ["an", "der"] and len(lies_at) == 3 and lies_at[0] in LIES_WORDS:
            return True  # "liegt an der Loire"
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

    @staticmethod
    def _marked_as_predecessor(span: Span, markers: tuple[str, ...]) -> bool:
        """ "damaligen Landkreis X", "der damals noch selbstständigen Gemeinde X": a marker
        within the few words right before the name, with no punctuation between."""
        doc = span.doc
        for tok in reversed(doc[max(0, span.start - 4) : span.start]):
            if tok.is_punct or tok.ent_type_ or "\n" in tok.text:
                return False  # not a heading "Ehemalige Partnerschaften" over the line
            if strong_kind(tok.lower_):
                return False  # "die ehemalige Partnerstadt X": a former partner, not the home's former body
            if tok.lower_.startswith(markers):
                return not _apposition_to_place(doc, tok.i)
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
        org = organisation_words()
        heads = tuple(lex()["partnerships"]["organisation_heads"])
        if prev.startswith(districts) and span.label_ == CITY and span._.place is not None:
            # "mit dem Stadtbezirk Praha 9": a city's district abroad is a body of its own
            return lies_at_home(span._.place)
        return prev.startswith(districts) or prev in org or prev.endswith(heads)

    @staticmethod
    def _is_locative_region(span: Span) -> bool:
        """A region named as where something lies: "im Land X", "in der Region X"; a part of a
        country by a compass prefix ("nach Südfrankreich"), wherever it stands."""
        words = lex()["places"]["weak_region_words"]
        doc = span.doc
        before = doc[max(0, span.start - 2) : span.start].text.lower().split()
        if span.label_ != REGION:
            return False
        if names_compass_region(span.text):
            return True
        # "im Land X", "in der Region X", "in Pas-de-Calais", "in der Provence": where something lies
        if span[0].text in words and bool({"im", "in"} & set(before)):
            return True
        return bool(before) and (before[-1] in ("in", "im") or before[-2:] in (["in", "der"], ["in", "dem"]))
