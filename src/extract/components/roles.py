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


def role_place(span: Span, places: list[Span], sentence_starts: list[int], home: list[str]) -> str | None:
    """The body a person's role belongs to."""
    k = bisect_right(sentence_starts, span.start) - 1
    sent_start = sentence_starts[k] if k >= 0 else 0
    before = [p for p in places if sent_start <= p.start and p.end <= span.start <= p.end + ROLE_PLACE_WINDOW]
    if before:
        return canonical_name(before[-1])
    return home[0] if home else None


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
            people.append({"name": name, "role": span._.role, "place": role_place(span, places, starts, home)})
        doc._.people = people
        doc.user_data.pop("twinning_tokens", None)  # the last step: the table is not needed any more
        return doc
