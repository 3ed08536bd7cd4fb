"""One partnership network across documents: ``network.csv`` and ``network.geojson``.

The same partnership is often stated by both partners' pages, under several
spellings ("Pressburg", "Bratislava") and with the sides either way round. A
body is identified by its GeoNames id where the record resolved one, else by
its folded name with its country; a partnership by the pair of its bodies'
identities, in sorted order. Records are read one at a time (from a run, or
from ``OUT/docs/*.json`` of earlier runs) and only the distinct partnerships
are kept, so memory grows with the network, not with the number of documents.

Per partnership row: each side's most frequent name (ties: alphabetical) and
all its names, country, GeoNames id and coordinates; the most frequent kind;
``ended`` where any document says so; ``since``, the earliest signing date any
document gives, and ``since_seen``, every distinct value, so that a conflict
between sources shows; the documents; the evidence of the document that gave
``since`` (else of the first document).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .records import KINDS, DocumentRecord, PartnershipRecord
from .text import fold_name
from .writers import neutralise_cell, write_atomic

NETWORK_COLUMNS = [
    "a",
    "a_country",
    "a_geonames_id",
    "a_lat",
    "a_lon",
    "b",
    "b_country",
    "b_geonames_id",
    "b_lat",
    "b_lon",
    "kind",
    "status",
    "since",
    "since_seen",
    "n_documents",
    "confidence",
    "doc_ids",
    "evidence",
    "evidence_doc",
    "a_names",
    "b_names",
]


@dataclass
class _Body:
    """One side of a partnership as the documents name it."""

    identity: str
    names: Counter[str] = field(default_factory=Counter)
    country: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None

    def add(self, names: list[str], country: str | None, geonames_id: int | None, lat, lon) -> None:
        if names:
            self.names[names[0]] += 1
            for alias in names[1:]:
                self.names[alias] += 0  # known, but not how this document calls it
        self.country = self.country or country
        self.geonames_id = self.geonames_id or geonames_id
        if self.lat is None and lat is not None and lon is not None:
            self.lat, self.lon = lat, lon

    @property
    def name(self) -> str:
        return min(self.names, key=lambda n: (-self.names[n], n)) if self.names else ""


@dataclass
class _Edge:
    a: _Body
    b: _Body
    kinds: Counter[str] = field(default_factory=Counter)
    ended: bool = False
    since: dict[str, tuple[str, str]] = field(default_factory=dict)  # date -> (doc id, evidence)
    docs: dict[str, str] = field(default_factory=dict)  # doc id -> evidence
    # the best document's confidence: copies of one page across a crawl add no evidence of their own
    confidence: float | None = None


def body_identity(name: str, country: str | None, geonames_id: int | None) -> str:
    """A body's identity: its GeoNames id, else its folded name with its country."""
    if geonames_id:
        return f"geonames:{geonames_id}"
    return f"name:{fold_name(name)}|{country or ''}"


def _date_key(value: str) -> tuple[int, ...]:
    """Sort key of an ISO date prefix: "1959" before "1959-04" before "1959-04-02"."""
    return tuple(int(part) for part in value.split("-") if part.isdigit())


class NetworkBuilder:
    """Adds documents' partnerships one record at a time; ``rows()`` gives the network."""

    def __init__(self) -> None:
        self._edges: dict[tuple[str, str], _Edge] = {}
        self._bodies: dict[str, _Body] = {}
        self.homes: dict[str, dict] = {}  # the bodies the documents are by: name, lat, lon, doc ids

    def add(self, record: DocumentRecord) -> None:
        for partnership in record.partnerships:
            self._add(record.doc_id, partnership)
        if record.home:
            self._add_home(record)

    def _add_home(self, record: DocumentRecord) -> None:
        """The body a document is by, located through its first place mention of that name."""
        names = {fold_name(n) for n in record.home}
        located = [e for e in record.entities if e.lat is not None and fold_name(e.text) in names]
        first = located[0] if located else None
        identity = body_identity(record.home[0], first.country if first else None, first.geonames_id if first else None)
        home = self.homes.setdefault(identity, {"name": record.home[0], "lat": None, "lon": None, "doc_ids": set()})
        if first is not None and home["lat"] is None:
            home["lat"], home["lon"] = first.lat, first.lon
        home["doc_ids"].add(record.doc_id)

    def _body(self, names: list[str], country, geonames_id, lat, lon) -> _Body:
        identity = body_identity(names[0] if names else "", country, geonames_id)
        body = self._bodies.get(identity)
        if body is None:
            body = self._bodies[identity] = _Body(identity)
        body.add(names, country, geonames_id, lat, lon)
        return body

    def _add(self, doc_id: str, p: PartnershipRecord) -> None:
        a = self._body(p.a, p.a_country, p.a_geonames_id, p.a_lat, p.a_lon)
        b = self._body(p.b, p.b_country, p.b_geonames_id, p.b_lat, p.b_lon)
        if a.identity == b.identity:
            return
        if b.identity < a.identity:
            a, b = b, a
        key = (a.identity, b.identity)
        edge = self._edges.get(key)
        if edge is None:
            edge = self._edges[key] = _Edge(a, b)
        edge.kinds[p.kind] += 1
        edge.ended = edge.ended or p.status == "ended"
        evidence = " ".join((p.evidence or "").split())
        edge.docs.setdefault(doc_id, evidence)
        if p.confidence is not None:
            edge.confidence = max(edge.confidence or 0.0, p.confidence)
        if p.since:
            current = edge.since.get(p.since)
            if current is None or doc_id < current[0]:
                edge.since[p.since] = (doc_id, evidence)

    def __len__(self) -> int:
        return len(self._edges)

    def rows(self) -> list[dict[str, object]]:
        """The network's rows, sorted by the sides' names and identities."""
        rows = []
        for edge in self._edges.values():
            a, b = edge.a, edge.b
            seen = sorted(edge.since, key=_date_key)
            if seen:
                evidence_doc, evidence = edge.since[seen[0]]
            else:
                evidence_doc = min(edge.docs)
                evidence = edge.docs[evidence_doc]
            kind = min(edge.kinds, key=lambda k: (-edge.kinds[k], KINDS.index(k) if k in KINDS else len(KINDS)))
            rows.append(
                {
                    "a": a.name,
                    "a_country": a.country,
                    "a_geonames_id": a.geonames_id,
                    "a_lat": a.lat,
                    "a_lon": a.lon,
                    "b": b.name,
                    "b_country": b.country,
                    "b_geonames_id": b.geonames_id,
                    "b_lat": b.lat,
                    "b_lon": b.lon,
                    "kind": kind,
                    "status": "ended" if edge.ended else "active",
                    "since": seen[0] if seen else None,
                    "since_seen": "|".join(seen),
                    "n_documents": len(edge.docs),
                    "confidence": edge.confidence,
                    "doc_ids": "|".join(sorted(edge.docs)),
                    "evidence": evidence,
                    "evidence_doc": evidence_doc,
                    "a_names": "|".join(sorted(a.names)),
                    "b_names": "|".join(sorted(b.names)),
                    "_identities": (a.identity, b.identity),
                }
            )
        rows.sort(key=lambda r: (fold_name(str(r["a"])), fold_name(str(r["b"])), r["_identities"]))
        return rows


def network_csv(rows: list[dict[str, object]]) -> str:
    return table_csv(NETWORK_COLUMNS, rows)


def network_geojson(rows: list[dict[str, object]]) -> dict:
    """RFC 7946: a Point per body with coordinates, a LineString per partnership whose
    two ends have them; coordinates as [longitude, latitude]."""
    bodies: dict[str, dict] = {}
    lines = []
    for row in rows:
        ends = []
        for side, identity in zip(("a", "b"), row["_identities"], strict=True):
            lat, lon = row[f"{side}_lat"], row[f"{side}_lon"]
            if lat is None or lon is None:
                continue
            point = bodies.setdefault(
                identity,
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "name": row[side],
                        "country": row[f"{side}_country"],
                        "geonames_id": row[f"{side}_geonames_id"],
                        "n_partnerships": 0,
                    },
                },
            )
            point["properties"]["n_partnerships"] += 1
            ends.append([lon, lat])
        if len(ends) == 2:
            properties = {c: row[c] for c in NETWORK_COLUMNS}
            lines.append(
                {"type": "Feature", "geometry": {"type": "LineString", "coordinates": ends}, "properties": properties}
            )
    points = [bodies[k] for k in sorted(bodies, key=lambda k: (fold_name(str(bodies[k]["properties"]["name"])), k))]
    return {"type": "FeatureCollection", "features": points + lines}


def write_network(
    records: Iterable[DocumentRecord],
    folder: Path,
    reference: list[KnownPartnership] | None = None,
    min_confidence: float = 0.0,
) -> tuple[int, list[Path]]:
    """``network.csv`` and ``network.geojson`` in ``folder``; with a reference, also the
    ``in_reference`` column and ``reference_missing.csv``. Returns the row count and paths.
    Rows whose best confidence is below ``min_confidence`` are left out."""
    builder = NetworkBuilder()
    for record in records:
        builder.add(record)
    rows = builder.rows()
    if min_confidence > 0:
        rows = [r for r in rows if r["confidence"] is None or float(r["confidence"]) >= min_confidence]
    paths = [folder / "network.csv", folder / "network.geojson"]
    if reference is not None:
        for row in rows:
            row["in_reference"] = "true" if row_in_reference(row, reference) else "false"
        write_atomic(paths[0], table_csv([*NETWORK_COLUMNS, "in_reference"], rows))
        missing = reference_missing(rows, builder.homes, reference)
        paths.append(folder / "reference_missing.csv")
        write_atomic(paths[2], table_csv(REFERENCE_MISSING_COLUMNS, missing))
    else:
        write_atomic(paths[0], network_csv(rows))
    write_atomic(paths[1], json.dumps(network_geojson(rows), ensure_ascii=False, indent=1) + "\n")
    return len(rows), paths


# -- a knowledge base of known partnerships ----------------------------------------
# Two coordinates this close name the same town; neighbouring villages are often 3-10 km
# apart, so farther than this the names must agree too (labels may be English: "Cologne").
SAME_PLACE_KM = 3.0
NAMED_PLACE_KM = 15.0


@dataclass(frozen=True)
class KnownPartnership:
    origin: str
    origin_lat: float
    origin_lon: float
    partner: str
    partner_lat: float
    partner_lon: float
    partner_country: str


def read_reference(path: Path) -> list[KnownPartnership]:
    """Known partnerships from a TSV with Wikidata's sister-city columns (origincityLabel,
    originlat, originlong, sistercityLabel, destinationlat, destinationlong,
    destination_countryLabel); rows without coordinates are left out."""
    known = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        needed = {"origincityLabel", "originlat", "originlong", "sistercityLabel", "destinationlat", "destinationlong"}
        if not needed <= set(reader.fieldnames or ()):
            raise ValueError(f"{path}: a reference needs the columns {', '.join(sorted(needed))}")
        for row in reader:
            try:
                coordinates = [float(row[c]) for c in ("originlat", "originlong", "destinationlat", "destinationlong")]
            except ValueError:
                continue
            known.append(
                KnownPartnership(
                    row["origincityLabel"],
                    coordinates[0],
                    coordinates[1],
                    row["sistercityLabel"],
                    coordinates[2],
                    coordinates[3],
                    row.get("destination_countryLabel") or "",
                )  # fmt: skip
            )
    return known


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _same_place(lat, lon, names: str, known_lat: float, known_lon: float, known_name: str) -> bool:
    """Within a few km; or farther, up to 15 km, with the same folded name; or, where the
    tool has no coordinates or misplaced the town, the same folded name."""
    folded = fold_name(known_name)
    same_name = any(fold_name(n) == folded for n in str(names).split("|") if n)
    if lat not in (None, "") and lon not in (None, ""):
        distance = distance_km(float(lat), float(lon), known_lat, known_lon)
        if distance <= SAME_PLACE_KM or distance <= NAMED_PLACE_KM and same_name:
            return True
    return same_name


def row_in_reference(row: dict[str, object], known: list[KnownPartnership]) -> bool:
    for k in known:
        for x, y in (("a", "b"), ("b", "a")):
            if _same_place(row[f"{x}_lat"], row[f"{x}_lon"], row[f"{x}_names"], k.origin_lat, k.origin_lon, k.origin):
                if _same_place(
                    row[f"{y}_lat"], row[f"{y}_lon"], row[f"{y}_names"], k.partner_lat, k.partner_lon, k.partner
                ):
                    return True
    return False


REFERENCE_MISSING_COLUMNS = [
    "home",
    "doc_ids",
    "known_origin",
    "known_partner",
    "partner_country",
    "partner_lat",
    "partner_lon",
]


def reference_missing(
    rows: list[dict[str, object]], homes: dict[str, dict], known: list[KnownPartnership]
) -> list[dict[str, object]]:
    """Known partnerships of the documents' homes that no document yielded."""
    missing = []
    for home in sorted(homes.values(), key=lambda h: (fold_name(h["name"]), sorted(h["doc_ids"]))):
        for k in known:
            if not _same_place(home["lat"], home["lon"], home["name"], k.origin_lat, k.origin_lon, k.origin):
                continue
            found = any(
                _same_place(r[f"{x}_lat"], r[f"{x}_lon"], r[f"{x}_names"], k.origin_lat, k.origin_lon, k.origin)
                and _same_place(r[f"{y}_lat"], r[f"{y}_lon"], r[f"{y}_names"], k.partner_lat, k.partner_lon, k.partner)
                for r in rows
                for x, y in (("a", "b"), ("b", "a"))
            )
            if not found and not any(
                m["home"] == home["name"] and m["known_partner"] == k.partner for m in missing
            ):  # a knowledge base may state one partnership twice
                missing.append(
                    {
                        "home": home["name"],
                        "doc_ids": "|".join(sorted(home["doc_ids"])),
                        "known_origin": k.origin,
                        "known_partner": k.partner,
                        "partner_country": k.partner_country,
                        "partner_lat": k.partner_lat,
                        "partner_lon": k.partner_lon,
                    }
                )
    return missing


def table_csv(columns: list[str], rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else neutralise_cell(row[c]) for c in columns])
    return buffer.getvalue()
