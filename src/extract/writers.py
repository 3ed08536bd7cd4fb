"""Writing records: one JSON per document and four CSV tables.

Every file is written to a temporary file in the target folder and renamed
into place, so an interrupted run never leaves a half-written output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .records import DocumentRecord

ENTITY_COLUMNS = ["doc_id", "start", "end", "label", "text", "value", "geonames_id", "country", "lat", "lon"]
PARTNERSHIP_COLUMNS = [
    "doc_id",
    "a",
    "a_country",
    "b",
    "b_country",
    "kind",
    "status",
    "since",
    "n_events",
    "evidence",
    "evidence_start",
    "evidence_end",
    "a_aliases",
    "b_aliases",
    "a_geonames_id",
    "a_lat",
    "a_lon",
    "b_geonames_id",
    "b_lat",
    "b_lon",
]
EVENT_COLUMNS = ["doc_id", "a", "b", "type", "date", "evidence"]
PEOPLE_COLUMNS = ["doc_id", "name", "role", "place"]
ERROR_COLUMNS = ["path", "stage", "error"]
# OWASP CSV injection: a cell starting with one of these is a formula to a spreadsheet
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Column dtypes for pandas: integers that may be missing are nullable, dates stay text.
CSV_DTYPES = {
    "entities.csv": {"start": "int64", "end": "int64", "geonames_id": "Int64", "value": "string"},
    "partnerships.csv": {
        "since": "string",
        "n_events": "int64",
        "evidence_start": "Int64",
        "evidence_end": "Int64",
        "a_geonames_id": "Int64",
        "b_geonames_id": "Int64",
    },
    "events.csv": {"date": "string"},
    "people.csv": {},
    "errors.csv": {},
}


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would execute with an apostrophe;
    ``restore_cell`` takes it off again."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def write_atomic(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def document_json(record: DocumentRecord) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write_document(record: DocumentRecord, folder: Path) -> Path:
    path = folder / f"{record.doc_id}.json"
    write_atomic(path, document_json(record))
    return path


def tables(records: Iterable[DocumentRecord]) -> dict[str, pd.DataFrame]:
    """The four CSV tables as DataFrames, rows in document then text order."""
    entities, partnerships, events, people = [], [], [], []
    for rec in sorted(records, key=lambda r: r.doc_id):
        for e in rec.entities:
            entities.append({"doc_id": rec.doc_id, **{k: getattr(e, k) for k in ENTITY_COLUMNS[1:]}})
        for p in rec.partnerships:
            row = {"doc_id": rec.doc_id, "a": p.a[0] if p.a else None, "b": p.b[0] if p.b else None}
            row.update({k: getattr(p, k) for k in PARTNERSHIP_COLUMNS if k not in row and hasattr(p, k)})
            row.update(n_events=len(p.events), a_aliases="|".join(p.a), b_aliases="|".join(p.b))
            partnerships.append(row)
            for ev in p.events:
                events.append({"doc_id": rec.doc_id, "a": row["a"], "b": row["b"], **ev.to_dict()})
        for person in rec.people:
            people.append({"doc_id": rec.doc_id, **person.to_dict()})
    frames = {
        "entities.csv": pd.DataFrame(entities, columns=ENTITY_COLUMNS),
        "partnerships.csv": pd.DataFrame(partnerships, columns=PARTNERSHIP_COLUMNS),
        "events.csv": pd.DataFrame(events, columns=EVENT_COLUMNS),
        "people.csv": pd.DataFrame(people, columns=PEOPLE_COLUMNS),
    }
    for name, frame in frames.items():
        for column, dtype in CSV_DTYPES[name].items():
            frames[name][column] = frame[column].astype(dtype)
    return frames


def _map_text_cells(frame: pd.DataFrame, function) -> pd.DataFrame:
    """A copy of ``frame`` with ``function`` applied to every cell of its text columns."""
    frame = frame.copy()
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].map(function, na_action="ignore")
    return frame


def write_tables(records: Iterable[DocumentRecord], folder: Path) -> list[Path]:
    written = []
    for name, frame in tables(records).items():
        path = folder / name
        write_atomic(path, _map_text_cells(frame, neutralise_cell).to_csv(index=False, lineterminator="\n"))
        written.append(path)
    return written


def write_errors(errors: Iterable[tuple[str, str, str]], folder: Path) -> Path:
    """``errors.csv``: one row per document that failed, sorted by path."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ERROR_COLUMNS)
    writer.writerows([neutralise_cell(c) for c in row] for row in sorted(errors))
    path = folder / "errors.csv"
    write_atomic(path, buffer.getvalue())
    return path


def write_text(doc_id: str, text: str, folder: Path) -> Path:
    """The text that a record's offsets index, byte for byte as UTF-8."""
    path = folder / f"{doc_id}.txt"
    write_atomic(path, text)
    return path


def read_table(path: Path) -> pd.DataFrame:
    """Read one of our CSV tables back with its intended dtypes, formula
    neutralisation undone."""
    frame = pd.read_csv(path, dtype=CSV_DTYPES.get(path.name, {}), keep_default_na=False, na_values=[""])
    return _map_text_cells(frame, restore_cell)
