"""People with a public role, and the body each role belongs to.

Reads the PERSON spans the people component found (``span._.role``) and the
home the home component chose; writes ``doc._.people``: one dictionary per
person with ``name``, ``role`` and ``place``. The place is a body named just
before the name in its sentence ("Bürgermeister der Stadt X, Name"), else the
home.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import CITY, REGION
from ..text import fold_name
from .bodies import canonical_name
from .extensions import span_text, token_table

# a body named at most this many tokens before the name is the role's ("Bürgermeister von X, Name")
ROLE_PLACE_WINDOW = 6


def role_place(
    span: Span, places: list[Span], sentence_starts: list[int], home: list[str], partners: list[str]
) -> str | None:
    """The body a person's role belongs to: a place named right after the name ("X
    (Springfield)", "X aus Springfield"), or after a role that follows it ("X,
    Bürgermeister der Gemeinde Springfield"), or just before the name ("Bürgermeister von
    Springfield, X"); the partner for a counterpart ("sein Amtskollege X"); else the home."""
    doc = span.doc
    k = bisect_right(sentence_starts, span.start) - 1
    sent_start = sentence_starts[k] if k >= 0 else 0
    sent_end = sentence_starts[k + 1] if k + 1 < len(sentence_starts) else len(doc)
    by_start = {p.start: p for p in places}
    after = _place_after_name(doc, span, by_start, sent_end)
    if after is not None:
        return canonical_name(after)
    before = [
        p
        for p in places
        if sent_start <= p.start and p.end <= span.start <= p.end + ROLE_PLACE_WINDOW
        and not any(t.text == ")" for t in doc[p.end : span.start])  # another person's "(Musterstadt)"
    ]
    if before:
        return canonical_name(before[-1])
    if span._.role and span._.role.lower().startswith("amtskolleg"):
        others = [p for p in places if sent_start <= p.start < sent_end and canonical_name(p) not in home]
        if others:
            return canonical_name(others[0])
        if len(partners) == 1:
            return partners[0]
    return home[0] if home else None


_LINK_WORDS = {"aus", "von", "in", "der", "des", "dem", "die", "stadt", "gemeinde", "marktgemeinde", "kommune"}


def _place_after_name(doc: Doc, span: Span, by_start: dict[int, Span], sent_end: int) -> Span | None:
    k = span.end
    if k < sent_end and doc[k].text == "(" and k + 1 in by_start:
        return by_start[k + 1]  # "Max Muster (Springfield)"
    if k + 1 < sent_end and doc[k].text == "(" and span._.role and doc[k + 1].text.startswith(span._.role[:6]):
        # "Max Muster (Bürgermeister der Gemeinde Springfield)": the first place in the parentheses
        for j in range(k + 2, min(sent_end, k + 12)):
            if doc[j].text == ")":
                break
            if j in by_start:
                return by_start[j]
    if k < sent_end and doc[k].lower_ == "aus" and k + 1 in by_start:
        return by_start[k + 1]  # "Bürgermeister X aus Springfield"
    if k < sent_end and doc[k].text == ",":
        # "X, Bürgermeister der tschechischen Gemeinde Springfield", "X, seit Januar Bürgermeister in Y"
        role_seen = False
        for j in range(k + 1, min(sent_end, k + 9)):
            if j in by_start and role_seen:
                return by_start[j]
            word = doc[j]
            if span._.role and word.text.startswith(span._.role.split(" ")[-1][:6]):
                role_seen = True
            elif role_seen and not (word.lower_ in _LINK_WORDS or word.is_lower):
                return None
    return None


@Language.factory("twinning_roles")
class RolePlaces:
    """Sets ``doc._.people``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)
        starts = [start for start, _ in table.sentence_bounds()]
        ents = list(doc.ents)
        places = [e for e in ents if e.label_ in (CITY, REGION)]
        home = list(doc._.home or [])
        partners = sorted({p["b"][0] for p in doc._.partnerships or [] if p["a"] and home and p["a"][0] == home[0]})
        people: list[dict] = []
        seen: set[str] = set()
        persons = [e for e in ents if e.label_ == "PERSON"]
        # a surname alone is the person of a full name found elsewhere ("Vogt" after "Hans Vogt")
        surnames = {fold_name(span_text(e).split(" ")[-1]) for e in persons if len(e) >= 2}
        for span in persons:
            if not span._.role:
                continue
            name = span_text(span)
            key = fold_name(name)
            if key in seen or len(span) < 2 and key in surnames:
                continue
            seen.add(key)
            people.append(
                {"name": name, "role": span._.role, "place": role_place(span, places, starts, home, partners)}
            )
        doc._.people = people
        doc.user_data.pop("twinning_tokens", None)  # the last step: the table is not needed any more
        return doc
