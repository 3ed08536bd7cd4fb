"""Per-document records: plain dataclasses in the gold schema.

``DocumentRecord.to_dict()`` gives exactly the gold file's keys in the gold
file's order, followed by extra keys (GeoNames links, evidence offsets) that
gold files do not have; ``from_dict`` reads either.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .components.extensions import doc_text
from .gazetteer import Place

PLACE_LABELS = ("CITY", "REGION", "COUNTRY")
LABELS = ("CITY", "REGION", "COUNTRY", "PERSON", "DATE")
EVENT_TYPES = ("initiated", "decided", "signed", "transferred", "ended")
KINDS = ("partnership", "friendship", "cooperation", "project")
STATUSES = ("active", "ended")


@dataclass(slots=True)  # a long document has hundreds of thousands of them
class EntityRecord:
    start: int
    end: int
    label: str
    text: str
    value: str | None = None
    geonames_id: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label, "text": self.text}
        if self.label == "DATE":
            out["value"] = self.value
        if self.label in PLACE_LABELS:
            out.update(geonames_id=self.geonames_id, country=self.country, lat=self.lat, lon=self.lon)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityRecord:
        return cls(
            start=data["start"],
            end=data["end"],
            label=data["label"],
            text=data["text"],
            value=data.get("value"),
            geonames_id=data.get("geonames_id"),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
        )


@dataclass
class EventRecord:
    type: str
    date: str | None
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "date": self.date, "evidence": self.evidence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRecord:
        return cls(type=data["type"], date=data.get("date"), evidence=data.get("evidence", ""))


@dataclass
class PartnershipRecord:
    a: list[str]
    b: list[str]
    b_country: str | None
    kind: str
    status: str
    since: str | None
    events: list[EventRecord] = field(default_factory=list)
    a_country: str | None = None
    a_geonames_id: int | None = None
    b_geonames_id: int | None = None
    a_lat: float | None = None
    a_lon: float | None = None
    b_lat: float | None = None
    b_lon: float | None = None
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    # which scope and rule made the pair ("list item", "sentence", ...), so an error can be read off
    why: str | None = None
    # how sure the pair is, 0..1 (confidence.py); None in gold
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": list(self.a),
            "b": list(self.b),
            "b_country": self.b_country,
            "kind": self.kind,
            "status": self.status,
            "since": self.since,
            "events": [e.to_dict() for e in self.events],
            "a_country": self.a_country,
            "a_geonames_id": self.a_geonames_id,
            "b_geonames_id": self.b_geonames_id,
            "a_lat": self.a_lat,
            "a_lon": self.a_lon,
            "b_lat": self.b_lat,
            "b_lon": self.b_lon,
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "why": self.why,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartnershipRecord:
        extra = {k: data.get(k) for k in cls.__dataclass_fields__ if k not in ("a", "b", "events")}
        extra.update(
            b_country=data.get("b_country"),
            kind=data.get("kind", "partnership"),
            status=data.get("status", "active"),
            since=data.get("since"),
        )
        return cls(
            a=list(data["a"]),
            b=list(data["b"]),
            events=[EventRecord.from_dict(e) for e in data.get("events", [])],
            **extra,
        )


@dataclass
class PersonRecord:
    name: str
    role: str | None
    place: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "place": self.place}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PersonRecord:
        return cls(name=data["name"], role=data.get("role"), place=data.get("place"))


@dataclass
class DocumentRecord:
    doc_id: str
    text_sha256: str
    home: list[str] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)
    partnerships: list[PartnershipRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    # where the text came from (path, format, encoding, sha256 of the file); not in gold
    source: dict[str, Any] | None = None
    # "pairs" for pair-level gold (home and partnerships only, docs/gold-format.md); else "full"
    level: str = "full"
    home_why: str | None = None  # what decided the home (the text's evidence, the page's address); not in gold
    # pairs below the run's --min-confidence: kept here for review, not in the tables or the scores
    uncertain: list[PartnershipRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "doc_id": self.doc_id,
            "text_sha256": self.text_sha256,
            "home": list(self.home),
            "entities": [e.to_dict() for e in self.entities],
            "partnerships": [p.to_dict() for p in self.partnerships],
            "people": [p.to_dict() for p in self.people],
        }
        if self.source is not None:
            out["source"] = dict(self.source)
        if self.level != "full":
            out["level"] = self.level
        if self.home_why is not None:
            out["home_why"] = self.home_why
        if self.uncertain:
            out["uncertain_partnerships"] = [p.to_dict() for p in self.uncertain]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentRecord:
        return cls(
            doc_id=data["doc_id"],
            text_sha256=data.get("text_sha256", ""),
            home=list(data.get("home", [])),
            entities=[_entity(e) for e in data.get("entities", [])],
            partnerships=[PartnershipRecord.from_dict(p) for p in data.get("partnerships", [])],
            people=[PersonRecord.from_dict(p) for p in data.get("people", [])],
            source=data.get("source"),
            level=data.get("level", "full"),
            home_why=data.get("home_why"),
            uncertain=[PartnershipRecord.from_dict(p) for p in data.get("uncertain_partnerships", [])],
        )


def record_from_doc(doc: Doc, doc_id: str, text_sha256: str, source: dict[str, Any] | None = None) -> DocumentRecord:
    """The record of a processed ``Doc``: entities, partnerships and people."""
    text = doc_text(doc)
    entities = []
    for ent in sorted(doc.ents, key=lambda e: (e.start_char, e.end_char)):
        record = EntityRecord(ent.start_char, ent.end_char, ent.label_, text[ent.start_char : ent.end_char])
        if ent.label_ == "DATE":
            record.value = ent._.date_value
        place: Place | None = ent._.place if ent.label_ in PLACE_LABELS else None
        if place is not None:
            record.geonames_id, record.country = place.geonames_id, place.country
            record.lat, record.lon = place.lat, place.lon
        entities.append(record)
    partnerships = [_partnership_record(text, p) for p in doc._.partnerships or []]
    partnerships.sort(key=lambda p: (p.evidence_start if p.evidence_start is not None else -1, p.a, p.b))
    people = [PersonRecord(**p) for p in doc._.people or []]
    record = DocumentRecord(doc_id, text_sha256, list(doc._.home or []), entities, partnerships, people, source)
    record.home_why = doc._.home_why if record.home else None
    return record


def _partnership_record(text: str, data: dict[str, Any]) -> PartnershipRecord:
    a_place: Place | None = data.get("a_place")
    b_place: Place | None = data.get("b_place")
    span = data.get("evidence_span")
    return PartnershipRecord(
        a=data["a"],
        b=data["b"],
        b_country=data["b_country"],
        kind=data["kind"],
        status=data["status"],
        since=data["since"],
        events=[EventRecord(e["type"], e["date"], e["evidence"]) for e in data["events"]],
        why=data.get("why") or None,
        confidence=data.get("confidence"),
        a_country=a_place.country if a_place else None,
        a_geonames_id=a_place.geonames_id if a_place else None,
        b_geonames_id=b_place.geonames_id if b_place else None,
        a_lat=a_place.lat if a_place else None,
        a_lon=a_place.lon if a_place else None,
        b_lat=b_place.lat if b_place else None,
        b_lon=b_place.lon if b_place else None,
        evidence=" ".join(text[span[0] : span[1]].split()) if span else None,
        evidence_start=span[0] if span else None,
        evidence_end=span[1] if span else None,
    )


_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class RecordError(ValueError):
    """A document record that does not follow the gold schema."""


def validate_record(data: dict[str, Any]) -> None:
    """Check a record dictionary against the gold schema (gold-format.md); raise RecordError."""

    def need(condition: bool, message: str) -> None:
        if not condition:
            raise RecordError(f"{data.get('doc_id', '?')}: {message}")

    need(isinstance(data.get("doc_id"), str) and data["doc_id"] != "", "doc_id must be a non-empty string")
    need(isinstance(data.get("text_sha256"), str), "text_sha256 must be a string")
    need(isinstance(data.get("home"), list) and all(isinstance(h, str) for h in data["home"]), "home: list of names")
    starts = []
    for e in data.get("entities", []):
        need(e.get("label") in LABELS, f"unknown label {e.get('label')!r}")
        need(isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and e["start"] < e["end"], "bad offsets")
        need(len(e.get("text", "")) == e["end"] - e["start"], f"text length does not fit offsets at {e['start']}")
        if e["label"] == "DATE":
            need(e.get("value") is None or bool(_ISO_PREFIX.match(e["value"])), f"DATE value {e.get('value')!r}")
        starts.append(e["start"])
    need(starts == sorted(starts), "entities not in order of start")
    for p in data.get("partnerships", []):
        need(bool(p.get("a")) and bool(p.get("b")), "a partnership needs names on both sides")
        need(p.get("kind") in KINDS, f"kind {p.get('kind')!r}")
        need(p.get("status") in STATUSES, f"status {p.get('status')!r}")
        need(p.get("since") is None or bool(_ISO_PREFIX.match(p["since"])), f"since {p.get('since')!r}")
        need(p.get("b_country") is None or (isinstance(p["b_country"], str) and len(p["b_country"]) == 2), "b_country")
        for ev in p.get("events", []):
            need(ev.get("type") in EVENT_TYPES, f"event type {ev.get('type')!r}")
            need(ev.get("date") is None or bool(_ISO_PREFIX.match(ev["date"])), f"event date {ev.get('date')!r}")
    for person in data.get("people", []):
        need(isinstance(person.get("name"), str) and person["name"] != "", "person without a name")


def records_in(
    folders: Iterable[Path],
    doc_ids: set[str] | None = None,
    listed: Callable[[Path], set[str] | None] | None = None,
) -> Iterator[DocumentRecord]:
    """The document records of output folders (``OUT/docs/*.json``), one at a time, each
    doc id once (the first folder that has it), optionally only the given doc ids, or
    only those that ``listed(folder)`` gives for each folder (None: all of its records)."""
    seen: set[str] = set()
    for folder in folders:
        wanted = listed(folder) if listed is not None else doc_ids
        for path in sorted((folder / "docs").glob("*.json")):
            if path.stem in seen or (wanted is not None and path.stem not in wanted):
                continue
            seen.add(path.stem)
            yield read_record(path)


def _entity(data: dict[str, Any] | EntityRecord) -> EntityRecord:
    return data if isinstance(data, EntityRecord) else EntityRecord.from_dict(data)


def read_record(path: Path) -> DocumentRecord:
    """A document record from its JSON file. Entities become ``EntityRecord``s as
    the parser meets them: a long document's hundreds of thousands of entity
    dictionaries never exist all at once."""
    data = json.loads(path.read_text(encoding="utf-8"), object_hook=_entity_hook)
    return DocumentRecord.from_dict(data)


def _entity_hook(obj: dict[str, Any]) -> Any:
    # only entities have a label and offsets (pairs, events, people and sources do not)
    return EntityRecord.from_dict(obj) if "label" in obj and "start" in obj and "end" in obj else obj


def set_aside_uncertain(record: DocumentRecord, min_confidence: float) -> None:
    """Move the pairs whose confidence is below ``min_confidence`` to ``record.uncertain``."""
    if min_confidence <= 0:
        return
    kept: list[PartnershipRecord] = []
    for pair in record.partnerships:
        (kept if pair.confidence is None or pair.confidence >= min_confidence else record.uncertain).append(pair)
    record.partnerships = kept
