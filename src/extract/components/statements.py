"""Sentences that state a partnership of the home: the gate's statement test
("X pflegt eine Partnerschaft mit Y" without a municipal word), sentences that
name both sides ("zwischen A und B", "Partnerschaft A-B"), the partners of a
partnership sentence (not the home, its parts, fellow holders, neighbours at
home), towns abroad introduced with their country, a partner carried over from
the sentence before ("Die Jumelage wurde 1962 besiegelt")."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..gazetteer import CITY, REGION, load_gazetteer
from ..text import fold_name
from .bodies import (
    HOME_COUNTRIES,
    PARTNER_TOWN_NOUNS,
    canonical_name,
    could_be_at_home,
    keyword_category,
    lex,
    names_district,
    resolved_at_home,
    states_bond,
    strong_kind,
)
from .extensions import doc_text
from .founding_dates import FoundingDates
from .home import LIES_WORDS, before_coordination, between_statements, foreign_adjective_before, partner_cue
from .partnership_state import PLACE_LABELS, Side, binds_by_mit, body_words_lower

_COPULAS = frozenset({"ist", "sind", "wurde", "wurden", "bleibt", "bleiben", "war", "waren", "wird", "werden"})

_PARTY_LINKS = frozenset({"mit", "zwischen", "zu"})


_PAIR_JOINERS = frozenset({"und", "&", "-", "–", "—"})  # "A und B", "A – B" as the two parties

_LINK_ARTICLES = frozenset({"der", "den", "dem", "die", "des"})


_NATIONALITY_ENDINGS = ("ische", "ischen", "ischer", "isches")  # "der französischen Stadt", "die polnische Gemeinde"


_CONTACTS = ("kontakt", "beziehung", "verbindung")  # nouns of a relation weaker than a partnership


def _link_filler(word: str) -> bool:
    """A word that may stand between a party link and its place: an article, a body word,
    an administrative word, a nationality adjective ("mit der französischen Stadt X",
    "X und die polnische Gemeinde Y", "mit der Region X")."""
    return (
        word in _LINK_ARTICLES
        or word in body_words_lower()
        or word in _admin_words()
        or word.endswith(_NATIONALITY_ENDINGS)
    )


@lru_cache(maxsize=1)
def _admin_words() -> frozenset[str]:
    places = lex()["places"]
    return frozenset(w.lower() for w in places["region_words"] + places["weak_region_words"])


_PAIR_JOINS = frozenset({"und", "der", "die", "dem", "den", "des"})
_PAIR_SEPARATORS = frozenset({",", ";", "sowie"})


# verbs of a statement whose subject (or object, inverted) is the pair itself: "A und B sind
# Partnergemeinden", "Seit 1990 verbindet A und B eine Partnerschaft", "A und B besiegelten ..."
_PAIR_VERBS = frozenset(
    "sind waren wurden verbindet verband verbinden pflegen pflegten unterhalten feiern feierten besiegelten "
    "unterzeichneten schlossen gründeten begründeten".split()
)


def coordinated_pair(sent: Span, places: list[Span]) -> tuple[Span, Span] | None:
    """ "A und B sind seit 1995 Partnergemeinden", "Seit 1995 verbindet A und B eine
    Partnerschaft": two places joined by "und" as the subject (or inverted object) of a
    verb of the statement, with the partnership word after them and no place after it
    ("A und B sind Partnerstädte von C" names C's partners); None otherwise."""
    doc = sent.doc
    for first, second in zip(places, places[1:], strict=False):
        between = [t.lower_ for t in doc[first.end : second.start]]
        if between != ["und"]:
            continue
        before = [t for t in doc[sent.start : first.start] if not t.is_space]
        after = doc[second.end] if second.end < sent.end else None
        verb_after = after is not None and after.lower_ in _PAIR_VERBS
        verb_before = bool(before) and before[-1].lower_ in _PAIR_VERBS
        if not (verb_after or verb_before):
            continue
        kind_at = next((t.i for t in doc[second.end : sent.end] if strong_kind(t.lower_)), None)
        if kind_at is None or any(p.start > kind_at for p in places) or any(p.start < first.start for p in places):
            continue
        return first, second
    return None


def _paired_off(group: list[Span]) -> list[list[Span]]:
    """ "zwischen A und B, C und D sowie E und F": pairs joined by "und", separated by
    commas or "sowie", each a group of its own; otherwise the group as it is (a ring
    "zwischen A, B und C" joins every two)."""
    if len(group) < 4 or len(group) % 2:
        return [group]
    doc = group[0].doc
    for k in range(len(group) - 1):
        between = {t.lower_ for t in doc[group[k].end : group[k + 1].start] if not t.is_space}
        inside_pair = k % 2 == 0
        if inside_pair and not ("und" in between and between <= _PAIR_JOINS):
            return [group]
        if not inside_pair and not (between & _PAIR_SEPARATORS and between <= _PAIR_SEPARATORS | _PAIR_JOINS):
            return [group]
    return [group[k : k + 2] for k in range(0, len(group), 2)]


# "die beiden Städte", "beide Gemeinden": the two bodies the sentence before named
_BOTH = frozenset({"beiden", "beide"})
_BODIES_PLURAL = frozenset(
    "städte gemeinden orte kommunen kreise landkreise partnerstädte partnergemeinden partner".split()
)


_PARTS = frozenset({"stadtteil", "ortsteil", "gemeindeteil", "ortschaft", "stadtbezirk"})


_DISTRICT_GENITIVES = frozenset({"landkreises", "landkreis", "kreises", "bezirks", "bezirkes", "kantons"})
_LIES_VERBS = LIES_WORDS | {"lag", "grenzt", "befindet"}
_BETWEEN_FILLERS = frozenset({"der", "dem", "den", "stadt", "städten", "gemeinde", "gemeinden", "kreis", "landkreis"})


_NAME_PARTICLES = frozenset({"am", "an", "der", "im", "in", "bei", "ob", "unter", "-"})


@lru_cache(maxsize=1)
def _alias_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lex()["places"]["alias_in_brackets"])


def _named_otherwise_in_brackets(doc: Doc, span: Span, other: Span) -> bool:
    """ "Kreis X (deutsch: Y)", "Bratislava (dt. Pressburg)", "Tartu (früher Dorpat)":
    ``other`` is another name of ``span``, given in brackets after a language's or a
    time's word (lexicon ``alias_in_brackets``)."""
    between = [t.lower_ for t in doc[span.end : other.start]]
    if len(between) < 2 or between[0] != "(":
        return False
    words = [w for w in between[1:] if w not in (":", ",")]
    if not (1 <= len(words) <= 2 and all(w in _alias_words() for w in words)):
        return False
    # the bracket closes after the name, or after the rest of it the place rules did not read
    # ("Neumarkt am Dunajec" where only "Neumarkt" is known)
    for tok in doc[other.end : other.end + 4]:
        if tok.text in (")", ",", ";"):
            return True
        if not (tok.text[:1].isupper() or tok.lower_ in _NAME_PARTICLES):
            return False
    return False


def _abroad(place: Span) -> bool:
    """A place the gazetteer puts in a country outside the home countries."""
    resolved = place._.place
    return resolved is not None and resolved.country is not None and resolved.country not in HOME_COUNTRIES


class Statements(FoundingDates):
    """The rules that read a sentence's statement of the home's partnerships."""

    def _district_partner_on_town_page(self, span: Span, home: Side) -> bool:
        """ "die Partnerschaft des Landkreises mit X": the partnership of a district the
        sentence does not name, on a page whose home is a town, is the district's."""
        if any(names_district(name) for name in home.names):
            return False
        lower = self._table.lower
        k = span.start - 1
        while k > 0 and lower[k] in ("dem", "der", "den"):
            k -= 1
        return k >= 2 and lower[k] == "mit" and lower[k - 1] in _DISTRICT_GENITIVES and lower[k - 2] == "des"

    def _both_of_previous(self, sent: Span, previous: Span | None, sent_places: list[Span]) -> tuple[Span, Span] | None:
        """ "Eine Delegation aus A besuchte B. Die beiden Städte sind seit 1979 partnerschaftlich
        verbunden": a partnership statement of "die beiden Städte" that names no place of its
        own pairs the two bodies the sentence before named (exactly two, locations aside)."""
        if previous is None or self._candidates(sent_places, set()):
            return None
        words = [t.lower_ for t in sent]
        if not any(w in _BOTH and nxt in _BODIES_PLURAL for w, nxt in zip(words, words[1:], strict=False)):
            return None
        if not (any(strong_kind(w) for w in words) or states_bond(words) or states_bond(words, friendship=True)):
            return None
        before = self._ents_in(previous, PLACE_LABELS)
        bodies: dict[str, Span] = {}
        for span in self._candidates(before, set()):
            part = span.start and sent.doc[span.start - 1].lower_.rstrip("s") in _PARTS  # "des Ortsteils X"
            # "X liegt am Y", "liegt in Y": where the town lies, not the other body
            located = span.start >= 2 and sent.doc[span.start - 2].lower_ in _LIES_VERBS
            if span.label_ != "COUNTRY" and not self._qualifier(span, before) and not part and not located:
                bodies.setdefault(self._key(span), span)
        if len(bodies) != 2:
            return None
        first, second = bodies.values()
        return first, second

    def _explicit_pairs(
        self, doc: Doc, sent: Span, sent_places: list[Span], home: Side | None
    ) -> list[tuple[Side, Side]]:
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
            and not self._reference_point(p)
        ]
        groups: list[list[Span]] = []
        for group in between_statements(doc, places, within=(sent.start, sent.end)):
            groups += _paired_off([p for p in group if sent.start <= p.start < sent.end])
        by_start = {p.start: p for p in places}
        by_end = {p.end: p for p in sent_places}  # "X-Partnerschaft": a compound head, here a side
        for tok in sent:
            if strong_kind(tok.lower_) and tok.i >= 4 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_:
                # "die Musterau-Beispielville-Partnerschaft": both sides before the partnership word
                b = by_end.get(tok.i - 1)
                a = by_end.get(b.start - 1) if b is not None and doc[b.start - 1].text == "-" else None
                if a is not None and b is not None and not doc[a.end - 1].whitespace_:
                    groups.append([a, b])
            if not strong_kind(tok.lower_) or tok.i + 3 > sent.end:
                continue
            a = by_start.get(tok.i + 1)
            if a is None and load_gazetteer().lookup(doc[tok.i + 1].text):
                # "Partnerschaft Ogdenville-Springfield": the place rules leave a name before a hyphen
                a = Span(doc, tok.i + 1, tok.i + 2, label=CITY)
                a._.place = max(load_gazetteer().lookup(a.text), key=lambda p: p.population)
            if a is not None and a.end + 1 in by_start and doc[a.end].text in ("-", "–"):
                # "Partnerschaft A-B"; spaced ("Städtepartnerschaft A – B") where B is a marked place
                if not doc[a.end - 1].whitespace_ or a.start == tok.i + 1 and a.label_ in PLACE_LABELS:
                    groups.append([a, by_start[a.end + 1]])
        if not groups and (both := coordinated_pair(sent, places)) is not None:
            groups.append(list(both))  # "A und B sind seit 1995 Partnergemeinden"
        markers = tuple(lex()["partnerships"]["predecessor_markers"])
        home_names = {fold_name(n) for n in home.names} if home is not None else set()
        found: list[tuple[Side, Side]] = []
        for group in groups:
            sides: list[Side] = []
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

    @staticmethod
    def _group_hub(sides: list[Side], group: list[Span], home: Side | None) -> Side | None:
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
        if any(t.lower_.startswith(PARTNER_TOWN_NOUNS) for t in between):
            return sides[0]
        return None

    def _earlier_district(self, span: Span, home: Side) -> bool:
        """On a district's page, another district at home in a stated pair is the
        home's predecessor where it bears the home's name ("Kreis Musterau" on the page
        of "Rhein-Kreis Musterau") or its sentence speaks of a reform or merger
        ("zwischen den Kreisen X und Y" before a district reform); otherwise it is a
        partner district ("zwischen dem Landkreis X und dem Landkreis Y")."""
        place = span._.place
        at_home = (
            span.label_ == REGION
            and home.key.startswith("region:")
            and (place is None or place.country in HOME_COUNTRIES)
            and (place is None or home.place is None or place.country == home.place.country)
        )
        if not at_home:
            return False
        core = fold_name(span.text.split()[-1])
        if any(core in fold_name(name) for name in home.names):
            return True
        words = self._table.lower[span.sent.start : span.sent.end]
        mergers = tuple(lex()["event_context"]["merger_words"]) + tuple(lex()["partnerships"]["predecessor_markers"])
        return any(w.startswith(mergers) for w in words)

    def _side_with_alias(self, container: Span, located: Side, home: Side | None) -> Side:
        """The side of the body ``container`` names, with the located place's names as aliases."""
        side = home if home is not None and self._key(container) == home.key else self._side_of(container)
        if located is not home:
            for name in located.names:
                side.add_name(name)
        return side

    def _partnership_word_between_bodies(self, sent: Span, sent_places: list[Span]) -> bool:
        """A partnership word ("Partnerschaft", "Freundschaft") right before "zwischen"
        and two towns or regions named as themselves, not in a club's or school's name
        ("die Partnerschaft zwischen A und B"): the bodies are its parties, whoever fosters it."""
        lower = self._table.lower
        for k in range(sent.start, sent.end - 2):
            if lower[k + 1] != "zwischen" or keyword_category(lower[k]) is None:
                continue
            for group in between_statements(sent.doc, sent_places, (sent.start, sent.end)):
                first = group[0].start
                if not k + 2 <= first <= k + 4 or any(lower[j] not in _BETWEEN_FILLERS for j in range(k + 2, first)):
                    continue
                bodies = [p for p in group if p.label_ in (CITY, REGION) and not self._in_designation(p)]
                if len(bodies) == len(group) >= 2:
                    return True
        return False

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
        at_home = {
            fold_name(canonical_name(p))
            for p in places
            if p.label_ == CITY and resolved_at_home(p)
            or p.label_ == REGION and names_district(p.text) and could_be_at_home(p)  # "Landkreis X" as title
        }
        section_bonds: dict[int, str] | None = None  # found only where a linked sentence needs them
        for k in linked:
            # the other party: a second place in the sentence, or the page's own town
            if len(keys_by_sentence[k]) < 2 and not (at_home - keys_by_sentence[k]):
                continue
            start, end = bounds[k]
            words = lower[start:end]
            stated = any(keyword_category(w) in ("partnership", "friendship") for w in words)
            # read only where it decides: a sentence naming its kind and no organisation needs no more
            between_bodies = (not stated or self._about_organisation(doc[start:end])) and (
                self._partnership_word_between_bodies(doc[start:end], places)
            )
            if not (stated or between_bodies or states_bond(words) or states_bond(words, friendship=True)):
                if section_bonds is None:
                    kinds_of = {s: kinds for s, (kinds, _) in self._sentence_keywords(self._table, bounds).items()}
                    section_bonds = self._section_bonds(bounds, kinds_of, {bounds[j][0] for j in keys_by_sentence})
                if start not in section_bonds:
                    continue  # "Partnerschaften" over "Die Stadt X ist mit Y verbunden" states one
            if not self._about_organisation(doc[start:end]) or between_bodies:
                return True
        return self._announced_and_named(doc, bounds, places, keys_by_sentence, at_home)

    def _announced_and_named(
        self,
        doc: Doc,
        bounds: list[tuple[int, int]],
        places: list[Span],
        keys_by_sentence: dict[int, set[str]],
        at_home: set[str],
    ) -> bool:
        """ "X pflegt seit Jahren Partnerschaften. Dazu gehören A und B.": a sentence of the
        home and a plural partnership word, no other place, then one naming two or more
        places abroad, states partnerships as a sentence with both parties does."""
        lower = self._table.lower
        for k, keys in keys_by_sentence.items():
            if not keys or not keys <= at_home or k + 1 not in keys_by_sentence:
                continue
            start, end = bounds[k]
            plural = any(
                keyword_category(w) == "partnership" and w.endswith(("schaften", "städte", "gemeinden"))
                for w in lower[start:end]
            )
            abroad = keys_by_sentence[k + 1] - at_home
            if plural and len(abroad) >= 2 and not self._about_organisation(doc[start:end]):
                return True
        return False

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
            if self._reached_by_contact(sent, span):
                continue  # "Darüber hinaus bestehen Kontakte zu X in Italien": a contact, not a partner
            if self._country_after(span) or foreign_adjective_before(doc, span):
                found.append(span)
        return found

    def _domestic_partner_cue(self, sent: Span, span: Span, sent_places: list[Span], home_keys: set[str]) -> bool:
        """What makes a town at home a partner in a sentence that names the home:
        "Partnerschaft mit X", "Partnerstadt X", "X und <home>" / "<home> und X"."""
        doc = sent.doc
        if partner_cue(doc, span):
            return True
        if span.start and strong_kind(doc[span.start - 1].lower_):
            return True
        if any(t.lower_.startswith(PARTNER_TOWN_NOUNS) for t in sent):
            return True  # "Vertreter unserer Partnerstädte X, ... und dem pfälzischen Y"
        if self._named_partner_town(sent, span):
            return True
        if self._party_of_bond(sent, span):
            return True  # "<home> ist mit X partnerschaftlich verbunden": a bond's party, no neighbour
        for other in sent_places:
            if self._key(other) not in home_keys:
                continue
            if partner_cue(doc, other):
                return True  # "in X wurde die Partnerschaft mit <home> gefeiert": seen from the partner's side
            between = doc[min(span.end, other.end) : max(span.start, other.start)]
            if 0 < len(between) <= 3 and any(t.lower_ in ("und", "mit", "sowie") for t in between):
                return True
        return False

    def _contact_only(self, sent: Span, span: Span, others: list[Span]) -> bool:
        """A place reached by a word of contact ("Kontakte zu Y", "Beziehungen nach Y") in a
        sentence whose partnership word names other partners (``others``, the sentence's other
        candidates): a relation of another kind. "partnerschaftliche Beziehungen zu Y" and
        "Partnerschaften und Kontakte zu Y" bind Y; so does the partnership of a sentence that
        names no other and tells its beginning and signing ("Erste Kontakte zu Y gab es 1985, die
        Partnerschaft wurde 1990 besiegelt")."""
        if not self._reached_by_contact(sent, span):
            return False
        lower, doc = self._table.lower, sent.doc
        contacts = {p.start for p in others if self._reached_by_contact(sent, p)}
        if (
            all(p.start in contacts for p in others if p.start != span.start)
            and self._contacts_began(sent)
            and any(etype == "signed" for _, etype in self._triggers(sent))
        ):
            return False  # "Erste Kontakte zu Y gab es 1985, die Partnerschaft wurde 1990 besiegelt"
        k = before_coordination(doc, span.start - 1, _link_filler, sent.start)
        # the words right before the contact noun, back to a place: "Partnerschaften und enge Kontakte"
        j = k - 1
        while j > max(sent.start, k - 4) and not doc[j - 1].ent_type_:
            j -= 1
        near = lower[j : k]
        if any(strong_kind(w) for w in near) or states_bond(near) or states_bond(near, friendship=True):
            return False
        return any(strong_kind(w) for w in lower[sent.start : sent.end])

    def _reached_by_contact(self, sent: Span, span: Span) -> bool:
        """ "Kontakte zu Y, Z und W", "Beziehungen nach Y": the place is the object of a word
        of contact."""
        lower = self._table.lower
        k = before_coordination(sent.doc, span.start - 1, _link_filler, sent.start)
        return k - 1 >= sent.start and lower[k] in ("zu", "nach", "mit") and lower[k - 1].startswith(_CONTACTS)

    def _contacts_began(self, sent: Span) -> bool:
        """The sentence says the contacts came first ("erste Kontakte", "Kontakte entstanden"),
        not that they are the partnership's present life."""
        beginnings = lex()["event_context"]["contact_beginnings"]
        return not set(self._table.lower[sent.start : sent.end]).isdisjoint(beginnings)

    def _party_of_bond(self, sent: Span, span: Span) -> bool:
        """The name after "mit" or "zu" in a sentence that states a bond ("mit X
        partnerschaftlich verbunden", "partnerschaftliche Beziehungen zu X")."""
        lower = self._table.lower
        k = span.start - 1
        while k > sent.start and _link_filler(lower[k]):
            k -= 1
        if k < sent.start or lower[k] not in ("mit", "zu"):
            return False
        if k > sent.start and lower[k - 1] in ("zusammen", "gemeinsam"):
            return False  # "gründeten sie zusammen mit X einen Bund": a companion, not a party of the bond
        words = lower[sent.start : sent.end]
        return states_bond(words) or states_bond(words, friendship=True)

    @staticmethod
    def _named_partner_town(sent: Span, span: Span) -> bool:
        """ "Seit 1990 ist auch X Partnerstadt", "X wurde 1990 unsere Partnergemeinde": the
        name is the subject a partner noun after it calls a partner (a copula before the noun)."""
        doc = sent.doc
        for k in range(span.end, min(span.end + 4, sent.end)):
            tok = doc[k]
            if tok.lower_.startswith(PARTNER_TOWN_NOUNS + ("schwestergemeinde",)):
                if k + 1 < sent.end and doc[k + 1].ent_type_:
                    return False  # "In X war die Partnerstadt Y zu Gast": the noun calls Y
                return any(t.lower_ in _COPULAS for t in doc[sent.start : k])
            if tok.is_punct or tok.ent_type_:
                return False
        return False

    def _antecedents(self, sentences: list[Span], home_keys: set[str]) -> list[Span | None]:
        """For a sentence that opens with "Die Jumelage ...", "Diese Partnerschaft ...",
        the partner of the sentence before it in the same paragraph, when that
        sentence names the home and exactly one other body ("Springfield ist mit X
        verbunden. Die Jumelage wurde 1962 besiegelt.")."""
        result: list[Span | None] = [None]
        text = doc_text(sentences[0].doc) if sentences else ""
        for previous, sent in zip(sentences, sentences[1:], strict=False):
            result.append(None)
            opens = self._opens_with_definite_keyword(sent)
            if not opens and not self._names_definite_partnership(sent):
                continue
            if "\n\n" in text[previous.end_char - 1 : sent.start_char + 1]:
                continue
            places = self._ents_in(previous, PLACE_LABELS)
            candidates = self._candidates(places, home_keys)
            if len({self._key(p) for p in candidates}) != 1:
                continue
            bonded = opens or self._states_a_bond(previous)
            if (bonded and self._names_home(places, home_keys)) or self._subject_abroad(previous, candidates[0]):
                # "Springfield ist mit X verbunden. Die Jumelage ..."; "X liegt in Frankreich. Seit
                # 1956 besteht die Partnerschaft.": the town abroad the sentence before was about
                result[-1] = candidates[0]
            elif self._sealed_after_beginning(previous, sent, candidates[0]) and (
                self._names_home(places, home_keys) or _abroad(candidates[0])
            ):
                # "Erste Kontakte nach X knüpfte ein Chor 1985. 1990 wurde die Partnerschaft besiegelt."
                result[-1] = candidates[0]
        return result

    def _sealed_after_beginning(self, previous: Span, sent: Span, place: Span) -> bool:
        """The sentence signs the definite partnership, and the one before tells how the
        relation with ``place`` began (contacts with it, a first visit, an initiative)."""
        if not any(etype == "signed" for _, etype in self._triggers(sent)):
            return False
        return (
            self._reached_by_contact(previous, place)
            or self._contacts_began(previous)
            or any(etype == "initiated" for _, etype in self._triggers(previous))
        )

    def _states_a_bond(self, sent: Span) -> bool:
        """A sentence that binds two bodies ("Seit 1995 ist X mit Y verbunden"): a bond verb
        and "mit", by no means of transport; the definite partnership word after it is theirs
        wherever it stands ("Der Bürgermeister besuchte 2015 die Partnergemeinde")."""
        return binds_by_mit(self._table.lower[sent.start : sent.end])

    def _names_definite_partnership(self, sent: Span) -> bool:
        """ "Seit 1956 besteht die Partnerschaft", "wurde diese Städtepartnerschaft besiegelt":
        a singular partnership word after a definite article, anywhere in the sentence."""
        lower = [t.lower_ for t in sent]
        return any(
            a in ("die", "diese") and keyword_category(w) == "partnership" and not w.endswith(("schaften", "städte"))
            for a, w in zip(lower, lower[1:], strict=False)
        )

    @staticmethod
    def _subject_abroad(sent: Span, place: Span) -> bool:
        """The sentence opens with this place, a town abroad, as its subject ("X liegt in ...")."""
        first = next((t for t in sent if not t.is_space), None)
        return first is not None and first.i == place.start and _abroad(place)

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

    def _partners(
        self, sent: Span, sent_places: list[Span], home: Side, home_keys: set[str], continued: bool = False
    ) -> list[Side]:
        """Other bodies named in a partnership sentence, with their aliases; with ``continued``
        (a sentence adding partners to the one before: "Danach folgten X und Y"), a town at
        home is a partner as a town abroad is, needing no partnership word beside it."""
        markers = tuple(lex()["partnerships"]["predecessor_markers"])
        sides: dict[str, Side] = {}
        alias_of: dict[int, int] = {}  # index of a place located in another
        for idx, span in enumerate(sent_places):
            nxt = sent_places[idx + 1] if idx + 1 < len(sent_places) else None
            if nxt is not None and nxt.label_ == CITY and span.label_ == CITY and self._located_in(sent.doc, span, nxt):
                alias_of[idx] = idx + 1  # "X in der Gemeinde Y", "X bei Y"
            elif nxt is not None and _named_otherwise_in_brackets(sent.doc, span, nxt):
                alias_of[idx + 1] = idx  # "Kreis X (deutsch: Y)", "Tartu (früher Dorpat)"
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
            if (
                not continued
                and self._domestic(span, home)
                and not self._domestic_partner_cue(sent, span, sent_places, home_keys)
            ):
                continue  # a town at home named beside the home: a neighbour, a venue, a comparison
            if self._genitive_owner(span):
                continue  # "Partnergemeinden der Stadt X, der Gemeinde Y": whose partners, not a partner
            if self._district_partner_on_town_page(span, home):
                continue  # "die Partnerschaft des Landkreises mit X" on a town's page: the district's partner
            if self._contact_only(sent, span, self._candidates(sent_places, home_keys)):
                continue  # "Neben den Partnerstädten A und B pflegt X Kontakte zu Y": Y is a contact
            if self._partner_of_another(span, sent_places, home_keys) is not None or span.start in self._claimed:
                continue  # "Kalisz, der Partnerstadt von Musterville": Musterville's partner, read in pass 1
            side = sides.setdefault(key, Side(key, place=span._.place))
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
