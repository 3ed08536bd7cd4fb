"""When a pair was founded, where no event sentence dates it: "seit <date>" beside
the partner ("mit X seit 1969 und Y seit 1992"), a date attached to the partner's
name ("X (Frankreich, 1990)"), the sole bare year of the pair's evidence."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from ..gazetteer import COUNTRY
from .events import date_after_seit, founds_an_association
from .extensions import doc_text, span_text
from .partnership_state import PLACE_LABELS, Pair
from .place_roles import PlaceRoles

# words that join the parties of a stated partnership ("mit Y", "zwischen X und Y")
# at most this many tokens between a partner's name and the date that founds it ("X (1990)": 1;
# "X im Jahr 1990": 2); further, on the development sets, the date is as often another event's
_BESIDE = 3

# a sentence that dates an anniversary, a span of years or a renewal, not a founding
_NOT_FOUNDING = re.compile(r"\bjahren?\b|jährig|jubiläum|jahrestag|erneuer|verlänger|bekräftig")

_BESIDE_WORDS = frozenset({"(", ")", ",", "seit", "ab", "im", "jahr", "jahre", "-", "–", ":", "since", "/"})


# lower-case words after "und" that open no clause of their own (articles, prepositions, adverbs)
_NO_VERB = frozenset(
    "der die das dem den des ein eine einer einem einen mit in im zu zur zum von vom bei seit nach aus an auf "
    "für auch außerdem zudem dann später danach weitere weiteren dessen deren".split()
)


# adverbs that open a main clause of their own after a comma ("..., außerdem besteht ...")
_CLAUSE_ADVERBS = frozenset("außerdem zudem daneben ferner weiterhin überdies ebenso".split())


def clause_of(sent: Span, i: int) -> int:
    """Which main clause of the sentence token ``i`` stands in (0, 1, ...): clauses split at
    "und"/"sowie" before a finite verb ("X ist seit 1995 Partnerstadt von A und pflegt außerdem
    eine Freundschaft mit B"), at a semicolon, and at a comma before an adverb that opens a
    clause ("X ist seit 1995 mit A verbunden, außerdem besteht eine Freundschaft mit B"); a
    German verb is the lower-case word there that is no article, preposition or adverb and
    ends as finite verbs do."""
    doc = sent.doc
    return sum(
        1
        for t in doc[sent.start : min(i, sent.end - 1)]
        if t.text == ";"
        or (t.text == "," and doc[t.i + 1].lower_ in _CLAUSE_ADVERBS)
        or (
            t.lower_ in ("und", "sowie")
            and doc[t.i + 1].text[:1].islower()
            and doc[t.i + 1].lower_ not in _NO_VERB
            and doc[t.i + 1].lower_.endswith(("t", "en", "nd"))
        )
    )


class FoundingDates(PlaceRoles):
    """Dates that found a pair: by "seit", beside the partner's name, the sole year."""

    def _date_by_seit(self, doc: Doc, sent: Span, sent_places: list[Span], pair: Pair) -> None:
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
                date = self._seit_date_before(doc, sent, mention, places_at, pair.a.key)
            if date is None:
                jointly = [t for t in sent if t.lower_ == "jeweils"]
                if jointly and jointly[0].i + 2 < sent.end:
                    dates = {d.start: d for d in self._ents_in(sent, ("DATE",))}
                    date = date_after_seit(doc, jointly[0].i + 1, dates)
            if date is not None:
                evidence = " ".join(span_text(sent).split())
                pair.events.append({"type": "signed", "date": date._.date_value, "evidence": evidence, "by": "seit"})
                return

    def _seit_date_before(
        self, doc: Doc, sent: Span, mention: Span, places_at: set[int], holder_key: str | None = None
    ) -> Span | None:
        """ "seit 1990 eine Partnerschaft mit dem X ... und seit 2001 mit dem Y": the
        "seit <date>" between the previous place and this partner's "mit"."""
        dates = {d.start: d for d in self._ents_in(sent, ("DATE",))}
        places = self._ents_in(sent, PLACE_LABELS)
        ends = {p.end - 1 for p in places}
        holder_ends = {p.end - 1 for p in places if self._key(p) == holder_key}
        for k in range(mention.start - 1, max(sent.start, mention.start - 12) - 1, -1):
            if k in ends or doc[k].text in (";", ".", ")", ","):
                # a parenthesis closed before this partner belongs to the name before it; a comma
                # ends the clause of another ("Zu A bestehen seit 1985 Beziehungen, B kam 2001 hinzu")
                return None
            date = date_after_seit(doc, k, dates)
            if date is not None and date.end <= mention.start:
                if any(t.lower_.startswith("kontakt") for t in doc[date.end : mention.start]):
                    return None  # "Seit 1985 bestehen Kontakte nach X": when the contacts began
                # "mit A seit 1956 und eine Freundschaft mit B": right after a place, A's "seit";
                # right after the pair's holder, this pair's ("und Y seit 1975 mit B")
                return None if k - 1 in ends and k - 1 not in holder_ends else date
        return None

    def _seit_date_after(self, doc: Doc, sent: Span, mention: Span, places_at: set[int]) -> Span | None:
        depth = 0
        dates = {d.start: d for d in self._ents_in(sent, ("DATE",))}
        k = mention.end
        while k < sent.end and doc[k].is_space:
            k += 1  # "mit X (1970) und Y\n(1990)": a line break before the parenthesis
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
            elif depth == 0 and k in places_at and doc[k - 1].lower_ not in ("am", "an", "der", "bei", "in", "im"):
                return None  # the next place; "X am Y" is still X, "X in Sachsen (seit 1990)" X's year
            date = date_after_seit(doc, k, dates)
            if date is not None:
                return date
        return None

    @staticmethod
    def _own_year_signing(sent: Span, date: Span) -> list[dict]:
        """A partner's own bare year in a sentence that names each partner's in turn, as
        the signing; none in a sentence about an anniversary, a span of years or a renewal."""
        value = date._.date_value
        evidence = " ".join(span_text(sent).split())
        if not value or len(value) != 4 or _NOT_FOUNDING.search(evidence.lower()):
            return []
        return [{"type": "signed", "date": value, "evidence": evidence}]

    def _undated_founding(self, doc: Doc, pair: Pair) -> None:
        """Where no signing of the pair is dated, its evidence may still date the founding:
        a date attached to the partner's name (``_date_beside_partner``), else the sole
        bare year of the evidence (``_sole_year``)."""
        if pair.evidence is None or any(e["type"] == "signed" and e["date"] for e in pair.events):
            return
        lo, hi = pair.evidence
        # the entities starting in the evidence, by bisection: a long text has many of both
        starting = self._ents[bisect_left(self._ent_starts, lo) : bisect_left(self._ent_starts, hi)]
        inside = [e for e in starting if e.end_char <= hi]
        found, by = self._year_in_turn(pair, inside), "in turn"
        if found is None:
            found, by = self._date_beside_partner(doc, pair, inside), "beside"
        if found is None:
            found, by = self._sole_year(doc, pair, starting), "sole year"
        if found is not None:
            evidence = " ".join(doc_text(doc)[lo:hi].split())
            pair.events.append({"type": "signed", "date": found, "evidence": evidence, "by": by})

    def _year_in_turn(self, pair: Pair, inside: list[Span]) -> str | None:
        """ "1986 kam X hinzu, 1991 Y", "Es folgten 1986 X und 1991 Y": where the evidence
        opens with a year and each later year follows a partner, a partner's year is the last
        one before it; None otherwise."""
        marks = [
            (e.start, "date" if e.label_ == "DATE" else "place", e)
            for e in inside
            if e.label_ == "DATE" or e.label_ in PLACE_LABELS and self._key(e) != pair.a.key
        ]
        kinds = [kind for _, kind, _ in sorted(marks, key=lambda m: m[0])]
        years = [e for _, kind, e in marks if kind == "date"]
        if len(years) < 2 or not kinds or kinds[0] != "date" or "date date" in " ".join(kinds):
            return None
        if any(not e._.date_value or len(e._.date_value) != 4 for e in years):
            return None  # days and months: a report's visits, not the foundings of a list
        current: str | None = None
        for _, kind, e in sorted(marks, key=lambda m: m[0]):
            if kind == "date":
                current = e._.date_value
            elif self._key(e) == pair.b.key:
                return current
        return None

    def _date_beside_partner(self, doc: Doc, pair: Pair, inside: list[Span]) -> str | None:
        """A date attached to the partner's name in the pair's evidence ("X (Frankreich,
        1990)", "X seit 1990", "X, im Jahr 1990"); not across a verb ("X wurde 1990
        erneuert") or another place, and not a date another event of the pair has ("X
        (seit 2007 zur Y Kommune zugeordnet)")."""
        mentions = [e for e in inside if e.label_ in PLACE_LABELS and self._key(e) == pair.b.key]
        places = [e for e in inside if e.label_ in PLACE_LABELS]
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
    def _beside(doc: Doc, place: Span, date: Span) -> bool:
        """The date follows the place with only parentheses, "seit" and the like between."""
        return 0 <= date.start - place.end <= _BESIDE and all(
            t.lower_ in _BESIDE_WORDS or t.ent_type_ == COUNTRY for t in doc[place.end : date.start]
        )

    def _sole_year(self, doc: Doc, pair: Pair, starting: list[Span]) -> str | None:
        """The one date of the pair's evidence, if it is a bare year or month ("Die Partnerschaft
        mit X besteht seit 1990", "1990 kam X hinzu", "erfolgte im Mai 1990"); not a day's date (a visit: "Vom 24.
        bis 26. September 2020 besuchte …"), not a status date ("Stand 2014"), not in a
        sentence about an anniversary, a span of years or a renewal ("30 Jahre",
        "25-jährige", "Jubiläum", "erneuert"), and not another event's date."""
        lo, hi = pair.evidence or (0, 0)
        dates = [e for e in starting if e.label_ == "DATE" and e._.date_value]
        if len(dates) != 1 or len(dates[0]._.date_value) not in (4, 7):
            return None  # a year or a month ("im Mai 1990"); a day's date is a visit's
        text = doc_text(doc)
        value = dates[0]._.date_value
        status = "stand" in text[max(lo, dates[0].start_char - 8) : dates[0].start_char].lower()
        sentence = text[lo:hi].lower()
        if status or _NOT_FOUNDING.search(sentence) or founds_an_association(sentence):
            return None
        if any(e["date"] == value for e in pair.events):
            return None
        others = [e for e in starting if e.label_ in PLACE_LABELS and self._key(e) not in (pair.a.key, pair.b.key)]
        if any(self._beside(doc, place, dates[0]) for place in others):
            return None  # "mit A (seit 1985) und eine Freundschaft mit B": A's year, not B's
        sent = dates[0].sent
        partners = [e for e in starting if e.label_ in PLACE_LABELS and self._key(e) == pair.b.key]
        if partners and all(clause_of(sent, p.start) != clause_of(sent, dates[0].start) for p in partners):
            return None  # "ist seit 1995 Partnerstadt von A und pflegt eine Freundschaft mit B": A's year
        return value
