"""A document's record, in bounded memory whatever the length of its text.

A text of up to ``nlp.max_length`` characters (a million, some 300 pages) is one
spaCy ``Doc``. A longer one is read in windows of at most that length, cut at
paragraph (else line, else sentence) ends, each overlapping the window before
by ``OVERLAP`` of its length, so that a statement crossing a cut lies whole in
one window. Each window runs the whole pipeline; its record is taken, its
offsets moved to the document's, and its ``Doc`` dropped before the next one is
built. What stays in memory is one window's ``Doc``, the text, and the records
found so far, however long the document.

Carried from one window to the next (``TextBefore``): the home, which a window
whose own text names none takes from the windows before (an annual report names
its town on its first pages, not on every one), and whether the text is about
twinning, which a window that does not say so again takes likewise.

Merged: entities by ownership (a window owns its text up to a line end in the
middle of its overlap with the next), partnerships and people found in several
windows once (a pair by its sides' names, its events joined and its "since"
recomputed from them). The document's home is the body that is home in most
windows (a concatenation of several towns' pages has one per part; each pair
keeps the home of its own window).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from .addresses import page_address
from .components.bodies import HomeBody, TextBefore
from .components.events import event_order, is_coarser_signing, since_of
from .components.partnerships import KIND_ORDER
from .pipeline import load, process
from .records import DocumentRecord, PartnershipRecord, record_from_doc
from .text import fold_name

OVERLAP = 0.1  # of the window length: some 30 pages of a million characters


def extract_record(
    text: str,
    doc_id: str,
    text_sha256: str,
    source: dict[str, Any] | None = None,
    model: str | None = None,
    window: int | None = None,
    home: str | None = None,
) -> DocumentRecord:
    """The record of ``text``: in one piece when it fits ``window`` characters
    (default: the pipeline's ``max_length``), else window by window. The page's
    address (``source["url"]``) and a given ``home`` are evidence for its home."""
    limit = window or load(model).max_length  # process() cleans each piece (every offset stays)
    address = page_address((source or {}).get("url"))
    if len(text) <= limit:
        return record_from_doc(process(text, load(model), None, address, home), doc_id, text_sha256, source)
    merged = DocumentRecord(doc_id, text_sha256, source=source)
    before = TextBefore()
    home_names: dict[str, list[str]] = {}  # each home body's names, by its key
    home_whys: dict[str, str] = {}  # what decided each home body, in the first window it won
    windows_at_home: Counter[str] = Counter()
    own_start = 0
    for start, end, own_end in window_bounds(text, limit):
        # load() per window: the pipeline is renewed when its vocabulary has grown too large
        doc = process(text[start:end], load(model), before, address, home)
        body: HomeBody | None = doc._.home_body
        if body is not None:
            windows_at_home[body.key] += 1
            _add_names(home_names.setdefault(body.key, []), body.names)
            home_whys.setdefault(body.key, doc._.home_why)
        before = TextBefore(body or before.home, before.about_twinning or bool(doc._.about_twinning))
        part = record_from_doc(doc, doc_id, text_sha256, source)
        del doc
        add_window(merged, part, start, own_start, own_end)
        own_start = own_end
    if windows_at_home:  # the body that is home in most windows (the first of equals)
        key = windows_at_home.most_common(1)[0][0]
        merged.home, merged.home_why = home_names[key], home_whys[key]
    return merged


def window_bounds(text: str, limit: int, overlap: float = OVERLAP) -> Iterator[tuple[int, int, int]]:
    """(start, end, owned up to) of each window: at most ``limit`` characters,
    cut at a paragraph, line or sentence end (else a space), the next window
    starting ``overlap`` of ``limit`` before this one ends; each window owns
    its text up to a cut in the middle of that overlap."""
    start, back = 0, max(1, int(limit * overlap))
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        next_start = _cut(text, max(start + 1, end - 2 * back), end - back)
        own_end = _cut(text, next_start + 1, max(next_start + 2, (next_start + end) // 2))
        yield start, end, own_end
        start = next_start
    yield start, len(text), len(text)


def _cut(text: str, lo: int, hi: int) -> int:
    """The position after the last paragraph, line or sentence end in
    ``text[lo:hi]``, else after its last space, else ``hi``."""
    for mark in ("\n\n", "\n", ". ", " "):
        found = text.rfind(mark, lo, hi)
        if found >= 0:
            return found + len(mark)
    return hi


def add_window(merged: DocumentRecord, part: DocumentRecord, offset: int, own_start: int, own_end: int) -> None:
    """Merge one window's record (offsets relative to ``offset``) into the
    document's (all but the home, which ``extract_record`` chooses); of its
    entities, those that start in ``own_start:own_end``."""
    last_end = merged.entities[-1].end if merged.entities else 0
    for entity in part.entities:
        start = entity.start + offset
        if max(own_start, last_end) <= start < own_end:  # not the window before's, not the next one's
            merged.entities.append(dataclasses.replace(entity, start=start, end=entity.end + offset))
    for pair in part.partnerships:
        if pair.evidence_start is not None:
            pair.evidence_start += offset
            pair.evidence_end = (pair.evidence_end or 0) + offset
        same = next((p for p in merged.partnerships if _same_pair(p, pair)), None)
        if same is None:
            merged.partnerships.append(pair)
        else:
            _merge_pair(same, pair)
    merged.partnerships.sort(key=lambda p: (p.evidence_start if p.evidence_start is not None else -1, p.a, p.b))
    people = {fold_name(p.name): p for p in merged.people}
    for person in part.people:
        same_person = people.get(fold_name(person.name))
        if same_person is None:
            merged.people.append(person)
            people[fold_name(person.name)] = person
        else:
            _fill(same_person, person)


def _names(names: list[str]) -> set[str]:
    return {fold_name(n) for n in names}


def _add_names(names: list[str], more: Iterable[str]) -> None:
    """``more`` appended to ``names``, each name once (folded comparison)."""
    seen = _names(names)
    for name in more:
        if fold_name(name) not in seen:
            names.append(name)
            seen.add(fold_name(name))


def _same_pair(p: PartnershipRecord, q: PartnershipRecord) -> bool:
    """The same two bodies: each side shares a name (either way round)."""
    a, b = _names(p.a), _names(p.b)
    return bool(a & _names(q.a) and b & _names(q.b)) or bool(a & _names(q.b) and b & _names(q.a))


def _merge_pair(kept: PartnershipRecord, other: PartnershipRecord) -> None:
    """One pair found in two windows: names and events joined, since, status and
    kind as one reading of both windows would give them."""
    if not _names(kept.a) & _names(other.a):  # found the other way round
        other = _turned_round(other)
    _add_names(kept.a, other.a)
    _add_names(kept.b, other.b)
    events = kept.events + [e for e in other.events if e not in kept.events]
    signed = [e.date for e in events if e.type == "signed" and e.date]
    events = [e for e in events if not (e.type == "signed" and e.date and is_coarser_signing(e.date, signed))]
    kept.events = sorted(events, key=lambda e: event_order(e.type, e.date))
    kept.since = since_of([e.date for e in kept.events if e.type == "signed" and e.date])
    kept.status = "ended" if "ended" in (kept.status, other.status) else kept.status
    kept.kind = min(kept.kind, other.kind, key=KIND_ORDER.index)
    _fill(kept, other)


# the fields of each side of a pair, a's and b's
_SIDE_FIELDS = [("a", "b"), ("a_country", "b_country"), ("a_geonames_id", "b_geonames_id")]
_SIDE_FIELDS += [("a_lat", "b_lat"), ("a_lon", "b_lon")]


def _turned_round(pair: PartnershipRecord) -> PartnershipRecord:
    """The pair with its sides swapped, each with its own names, country and place."""
    swapped = {}
    for a, b in _SIDE_FIELDS:
        swapped[a], swapped[b] = getattr(pair, b), getattr(pair, a)
    return dataclasses.replace(pair, **swapped)


def _fill(kept: Any, other: Any) -> None:
    """Fields the kept record lacks, from the other one."""
    for f in dataclasses.fields(kept):
        if getattr(kept, f.name) is None and getattr(other, f.name) is not None:
            setattr(kept, f.name, getattr(other, f.name))
