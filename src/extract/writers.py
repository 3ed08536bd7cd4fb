"""Writing records: one JSON per document and four CSV tables.

Every file is written to a temporary file in the target folder and renamed
into place, so an interrupted run never leaves a half-written output.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import json
import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .records import DocumentRecord

if TYPE_CHECKING:  # pandas is imported where a DataFrame is made: `extract run` does not need it
    import pandas as pd

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
    "why",
    "confidence",
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
ERROR_COLUMNS = ["path", "stage", "error", "kind"]  # kind: error (not written) or warning (written)
# OWASP CSV injection: a cell starting with one of these is a formula to a spreadsheet
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Column dtypes for pandas: integers that may be missing are nullable, dates stay text.
TABLE_COLUMNS = {
    "entities.csv": ENTITY_COLUMNS,
    "partnerships.csv": PARTNERSHIP_COLUMNS,
    "events.csv": EVENT_COLUMNS,
    "people.csv": PEOPLE_COLUMNS,
}
CSV_DTYPES = {
    "entities.csv": {"start": "int64", "end": "int64", "geonames_id": "Int64", "value": "string"},
    "partnerships.csv": {
        "since": "string",
        "n_events": "int64",
        "evidence_start": "Int64",
        "evidence_end": "Int64",
        "a_geonames_id": "Int64",
        "b_geonames_id": "Int64",
        "confidence": "Float64",
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
    """``content`` as UTF-8, line ends as they are, whole or not at all."""
    write_atomic_chunks(path, [content.encode("utf-8")])


def write_atomic_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """``path`` made of ``chunks`` in order, written to a temporary file and
    renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(chunks)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def document_json(record: DocumentRecord) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"


_JSON = json.JSONEncoder(ensure_ascii=False, indent=2)
_ENTITIES = '\n  "entities": []'  # a raw line break never stands inside a JSON string


def document_json_chunks(record: DocumentRecord) -> Iterator[str]:
    """``document_json(record)`` in pieces, entity by entity: the JSON of a long
    document with hundreds of thousands of entities is never one string, nor are
    its entities ever all dictionaries at once."""
    head, tail = document_json(dataclasses.replace(record, entities=[])).split(_ENTITIES, 1)
    yield head + _ENTITIES[:-2]
    for i, entity in enumerate(record.entities):
        yield ("[\n    " if i == 0 else ",\n    ") + _JSON.encode(entity.to_dict()).replace("\n", "\n    ")
    yield "\n  ]" if record.entities else "[]"
    yield tail


def write_document(record: DocumentRecord, folder: Path) -> Path:
    path = folder / f"{record.doc_id}.json"
    write_atomic_chunks(path, (chunk.encode("utf-8") for chunk in document_json_chunks(record)))
    return path


TableRows = dict[str, list[dict]]  # CSV name -> one document's rows


def table_rows(rec: DocumentRecord) -> TableRows:
    """One document's rows of the four CSV tables, in text order."""
    return {name: list(rows) for name, rows in iter_table_rows(rec).items()}


_ENTITY_FIELDS = ENTITY_COLUMNS[1:]


def iter_table_rows(rec: DocumentRecord) -> dict[str, Iterator[dict]]:
    """``table_rows``, each table's rows made as they are read (a long document
    has hundreds of thousands of entity rows)."""
    return {
        "entities.csv": ({"doc_id": rec.doc_id, **{k: getattr(e, k) for k in _ENTITY_FIELDS}} for e in rec.entities),
        "partnerships.csv": (row for row, _ in _partnership_rows(rec)),
        "events.csv": (event for _, events in _partnership_rows(rec) for event in events),
        "people.csv": ({"doc_id": rec.doc_id, **person.to_dict()} for person in rec.people),
    }


def _partnership_rows(rec: DocumentRecord) -> Iterator[tuple[dict, list[dict]]]:
    """Each partnership's row with the rows of its events."""
    for p in rec.partnerships:
        row = {"doc_id": rec.doc_id, "a": p.a[0] if p.a else None, "b": p.b[0] if p.b else None}
        row.update({k: getattr(p, k) for k in PARTNERSHIP_COLUMNS if k not in row and hasattr(p, k)})
        row.update(n_events=len(p.events), a_aliases="|".join(p.a), b_aliases="|".join(p.b))
        events = [{"doc_id": rec.doc_id, "a": row["a"], "b": row["b"], **ev.to_dict()} for ev in p.events]
        yield row, events


def tables(records: Iterable[DocumentRecord]) -> dict[str, pd.DataFrame]:
    """The four CSV tables as DataFrames, rows in document then text order."""
    return frames_from_rows({rec.doc_id: table_rows(rec) for rec in records})


def frames_from_rows(rows_by_doc: dict[str, TableRows]) -> dict[str, pd.DataFrame]:
    """The four tables from each document's rows, documents in doc id order."""
    import pandas as pd

    frames = {}
    for name, names in TABLE_COLUMNS.items():
        rows = [row for doc_id in sorted(rows_by_doc) for row in rows_by_doc[doc_id][name]]
        frame = pd.DataFrame(rows, columns=names)
        for column, dtype in CSV_DTYPES[name].items():
            frame[column] = frame[column].astype(dtype)
        frames[name] = frame
    return frames


def _map_text_cells(frame: pd.DataFrame, function) -> pd.DataFrame:
    """A copy of ``frame`` with ``function`` applied to every cell of its text columns."""
    import pandas as pd

    frame = frame.copy()
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].map(function, na_action="ignore")
    return frame


def write_tables(records: Iterable[DocumentRecord], folder: Path) -> list[Path]:
    with TableSpool(folder) as spool:
        for rec in records:
            spool.add(rec.doc_id, csv_chunks(rec))
        return spool.write()


def csv_chunks(rec: DocumentRecord) -> dict[str, str]:
    """One document's lines of each CSV (no header), made where the document
    was extracted so that a pool of workers shares the work. Written with the
    csv module as pandas' ``to_csv`` writes the DataFrames of ``tables()``
    (tested byte for byte), at a fraction of the cost."""
    chunks = {}
    for name, rows in iter_table_rows(rec).items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        columns = TABLE_COLUMNS[name]
        writer.writerows([_csv_cell(row.get(column)) for column in columns] for row in rows)
        chunks[name] = buffer.getvalue()
    return chunks


class TableSpool:
    """The four CSVs, from each document's lines (``csv_chunks``) as they come,
    written in doc id order at the end.

    The lines wait in unnamed temporary files in the output folder, not in
    memory: a run over a million pages makes GBs of them. Memory per document
    is its doc id and eight offsets.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._files = {name: tempfile.TemporaryFile(dir=folder) for name in TABLE_COLUMNS}
        self._doc_ids: list[str] = []
        self._spans = {name: array("q") for name in TABLE_COLUMNS}  # offset, length per document

    def __len__(self) -> int:
        return len(self._doc_ids)

    def __enter__(self) -> TableSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, doc_id: str, chunks: dict[str, str]) -> None:
        """One document's lines of each CSV (doc ids are unique in a run)."""
        self._doc_ids.append(doc_id)
        for name, fh in self._files.items():
            data = chunks[name].encode("utf-8")
            spans = self._spans[name]
            offset = spans[-2] + spans[-1] if spans else 0  # the previous document's end
            spans.extend((offset, len(data)))
            fh.write(data)

    def write(self) -> list[Path]:
        """The four CSVs: a header, then each document's lines in doc id order,
        each file written whole or not at all."""
        order = sorted(range(len(self._doc_ids)), key=self._doc_ids.__getitem__)
        written = []
        for name, columns in TABLE_COLUMNS.items():
            header = io.StringIO()
            csv.writer(header, lineterminator="\n").writerow(columns)
            path = self.folder / name
            write_atomic_chunks(path, itertools.chain([header.getvalue().encode("utf-8")], self._lines(name, order)))
            written.append(path)
        return written

    def _lines(self, name: str, order: list[int]) -> Iterator[bytes]:
        """The documents' lines of one CSV, documents in ``order``."""
        source, spans = self._files[name], self._spans[name]
        source.flush()
        for k in order:
            source.seek(spans[2 * k])
            yield source.read(spans[2 * k + 1])

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()


def _csv_cell(value: object) -> object:
    """A cell as pandas writes it: missing values empty, text neutralised."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str):
        return neutralise_cell(value)
    return value


def write_errors(
    errors: Iterable[tuple[str, str, str]], folder: Path, warnings: Iterable[tuple[str, str, str]] = ()
) -> Path:
    """``errors.csv``: one row per document that failed (kind ``error``) and per
    problem read around in a document that was written (kind ``warning``),
    sorted by path."""
    rows = sorted([(*row, "error") for row in errors] + [(*row, "warning") for row in warnings])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ERROR_COLUMNS)
    writer.writerows([neutralise_cell(c) for c in row] for row in rows)
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
    import pandas as pd

    frame = pd.read_csv(path, dtype=CSV_DTYPES.get(path.name, {}), keep_default_na=False, na_values=[""])
    return _map_text_cells(frame, restore_cell)
