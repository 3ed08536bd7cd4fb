"""Doc and Span extension attributes shared by the components."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer, load_gazetteer


def register_extensions() -> None:
    for name in ("date_value", "place", "role"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in ("home", "partnerships", "people"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def add_entities(doc: Doc, group: str, spans: list[Span]) -> None:
    """Store ``spans`` under ``doc.spans[group]`` and add those that do not
    overlap an existing entity to ``doc.ents``."""
    doc.spans[group] = spans
    taken = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
    free = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not any(taken[span.start : span.end]):
            free.append(span)
            for i in range(span.start, span.end):
                taken[i] = True
    doc.set_ents(free, default="unmodified")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document (spaCy rebuilds it from the tokens
    on every access, which made loops over tokens quadratic)."""
    text = doc.user_data.get("twinning_text")
    if text is None:
        text = doc.user_data["twinning_text"] = doc.text
    return text


class UsesGazetteer:
    """Components that look names up: the gazetteer is loaded on first use, not
    when the pipeline is built (building it must stay cheap)."""

    _gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer
