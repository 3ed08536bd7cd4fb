"""Doc and Span extension attributes shared by the components."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from spacy.attrs import IDX, IS_PUNCT, LENGTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer, load_gazetteer

# Entries in each memo of facts about a word (places, people, keywords). Word
# frequencies follow Zipf's law, so the most recent 65k words cover nearly all
# tokens, and the memos stay within some tens of MB on any corpus.
WORD_CACHE_SIZE = 1 << 16


def register_extensions() -> None:
    for name in ("date_value", "place", "role"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    names = ("blocks", "home_why", "home_body", "text_before", "about_twinning", "partnerships", "people")
    # the page's address (addresses.PageAddress) and a home the caller gives (--home)
    for name in (*names, "address", "given_home"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("home"):  # the home's names, read off the home body
        Doc.set_extension("home", getter=lambda doc: list(doc._.home_body.names) if doc._.home_body else [])
    # Results that hold spans are kept as token bounds: a Span kept in ``doc.user_data``
    # refers back to its Doc, and that cycle is never freed (spaCy's Doc does not take
    # part in garbage collection), so every document would stay in memory.
    for name in ("partner_lines", "home_spans"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_span_free_getter(name), setter=_span_free_setter(name))


def _span_free_setter(name: str):
    def setter(doc: Doc, value: Any) -> None:
        doc.user_data["twinning_" + name] = _freeze(value)

    return setter


def _span_free_getter(name: str):
    def getter(doc: Doc) -> Any:
        value = doc.user_data.get("twinning_" + name)
        return None if value is None else _thaw(doc, value)

    return getter


@dataclass(frozen=True)
class _SpanBounds:
    start: int
    end: int
    label: str


def _freeze(value: Any) -> Any:
    """``value`` with every Span in it (also in lists and dataclass fields) as bounds."""
    if isinstance(value, Span):
        return _SpanBounds(value.start, value.end, value.label_)
    if isinstance(value, list):
        return [_freeze(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _freeze(getattr(value, f.name)) for f in fields(value)})
    return value


def _thaw(doc: Doc, value: Any) -> Any:
    if isinstance(value, _SpanBounds):
        return Span(doc, value.start, value.end, label=value.label)
    if isinstance(value, list):
        return [_thaw(doc, v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _thaw(doc, getattr(value, f.name)) for f in fields(value)})
    return value


def add_entities(doc: Doc, group: str, spans: list[Span]) -> None:
    """Store ``spans`` under ``doc.spans[group]`` and add those that do not
    overlap an existing entity to ``doc.ents``."""
    doc.spans[group] = spans
    if not spans:
        return
    taken: set[int] = set()
    for ent in doc.ents:
        taken.update(range(ent.start, ent.end))
    free = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        tokens = range(span.start, span.end)
        if taken.isdisjoint(tokens):
            free.append(span)
            taken.update(tokens)
    doc.set_ents(free, default="unmodified")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document (spaCy rebuilds it from the tokens
    on every access, which made loops over tokens quadratic)."""
    text = doc.user_data.get("twinning_text")
    if text is None:
        text = doc.user_data["twinning_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text (spaCy joins it from the tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


class UsesGazetteer:
    """Components that look names up: the gazetteer is loaded on first use, not
    when the pipeline is built (building it must stay cheap)."""

    _gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer


class TokenTable:
    """A Doc's tokens as plain lists, built once per document.

    The rule components index these lists instead of ``doc[i]``: creating a
    spaCy ``Token`` or ``Span`` object costs more than most rules it feeds, and
    the rules look at every token several times.
    """

    __slots__ = (
        "doc",
        "text",
        "words",
        "starts",
        "ends",
        "spaced",
        "_lower",
        "_punct",
        "_sent_starts",
        "_by_start",
        "_by_end",
        "_positions",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text = doc_text(doc)
        arrays = doc.to_array([IDX, LENGTH, SPACY])
        self.starts: list[int] = arrays[:, 0].tolist()
        self.ends: list[int] = (arrays[:, 0] + arrays[:, 1]).tolist()
        self.spaced: list[int] = arrays[:, 2].tolist()  # 1 where a space follows the token
        self.words: list[str] = [text[a:b] for a, b in zip(self.starts, self.ends, strict=True)]
        self._lower: list[str] | None = None
        self._punct: list[int] | None = None
        self._sent_starts: list[bool] | None = None
        self._by_start: dict[int, int] | None = None
        self._by_end: dict[int, int] | None = None
        self._positions: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.text[self.starts[start] : self.ends[end - 1]] if end > start else ""

    @property
    def lower(self) -> list[str]:
        """``token.lower_`` of every token."""
        if self._lower is None:
            self._lower = [w.lower() for w in self.words]
        return self._lower

    def positions(self, lower_word: str) -> list[int]:
        """Indices of the tokens whose lower case is ``lower_word`` (found once per
        document: a step that asks per sentence would otherwise scan the whole text
        per sentence)."""
        found = self._positions.get(lower_word)
        if found is None:
            found = self._positions[lower_word] = [k for k, w in enumerate(self.lower) if w == lower_word]
        return found

    @property
    def is_punct(self) -> list[int]:
        """``token.is_punct`` of every token (1 or 0)."""
        if self._punct is None:
            self._punct = self.doc.to_array(IS_PUNCT).tolist() if self.words else []
        return self._punct

    @property
    def sent_starts(self) -> list[bool]:
        """``token.is_sent_start`` of every token (read when first asked for)."""
        if self._sent_starts is None:
            self._sent_starts = [v == 1 for v in self.doc.to_array(SENT_START).tolist()]
        return self._sent_starts

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """(start, end) token indices of each sentence, as ``doc.sents`` gives them."""
        starts = [i for i, s in enumerate(self.sent_starts) if s or i == 0]
        return list(zip(starts, starts[1:] + [len(self.words)], strict=True)) if self.words else []

    def char_span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Token indices of the span covering exactly these characters, if any."""
        if self._by_start is None:
            self._by_start = {a: i for i, a in enumerate(self.starts)}
            self._by_end = {b: i + 1 for i, b in enumerate(self.ends)}
        start = self._by_start.get(start_char)
        end = self._by_end.get(end_char) if self._by_end is not None else None
        if start is None or end is None or end <= start:
            return None
        return start, end


def token_table(doc: Doc) -> TokenTable:
    """The document's ``TokenTable``, built on first use."""
    table = doc.user_data.get("twinning_tokens")
    if table is None or table.doc is not doc:
        table = doc.user_data["twinning_tokens"] = TokenTable(doc)
    return table
