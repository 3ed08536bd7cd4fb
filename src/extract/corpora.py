"""Corpus files: many documents in one file, as a crawl or a dataset keeps them.

* WARC (``.warc``, ``.warc.gz``): each HTML response record is a document, its
  doc id made from the record's URL; the URL, the record id and the crawl date
  go into the record's ``source``. Other records (requests, metadata, images,
  PDFs) are skipped and counted.
* CSV (``.csv``) and JSON Lines (``.jsonl``): one document per row, its text in
  the ``text`` column and its doc id in the ``id`` column (both configurable).

Every reader streams: one entry at a time, so a corpus larger than memory
costs no more memory than its largest document. A broken entry becomes a
``DocumentError`` in the stream and the next entry is read; a file that cannot
be read at all raises one.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .documents import (
    TABLE_SUFFIXES,
    WARC_SUFFIXES,
    Document,
    DocumentError,
    document_from_bytes,
    read_document,
    safe_id,
)

CORPUS_SUFFIXES = WARC_SUFFIXES + TABLE_SUFFIXES

_UNSAFE = re.compile(r"[^0-9A-Za-z._\-]+")
_MAX_ID = 100


@dataclass(frozen=True)
class CorpusEntry:
    """One document inside a corpus file: its bytes and where they came from."""

    doc_id: str
    corpus: Path
    label: str  # names the entry in messages: "crawl.warc.gz#12 (https://...)"
    data: bytes
    suffix: str  # how to read ``data``: ".html" or ".txt"
    meta: dict[str, str] = field(default_factory=dict)  # url, record id, crawl date, row


@dataclass(frozen=True)
class CorpusOptions:
    text_column: str = "text"
    id_column: str = "id"
    url_column: str = "url"  # the page's address, evidence for its publisher


@dataclass
class SkipCounts:
    """Entries a corpus held that are not documents (WARC requests, images, ...)."""

    by_corpus: dict[str, int] = field(default_factory=dict)

    def add(self, corpus: Path) -> None:
        self.by_corpus[str(corpus)] = self.by_corpus.get(str(corpus), 0) + 1


def read_input(item: Path | CorpusEntry, data: bytes | None = None, html: str = "trafilatura") -> Document:
    """The document of a file (``data``: its bytes, if already read) or of a
    corpus entry; raises ``DocumentError``."""
    if isinstance(item, CorpusEntry):
        return document_from_bytes(item.data, item.suffix, item.doc_id, item.corpus, item.label, item.meta, html=html)
    return read_document(item, data, html=html)


def is_corpus(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(CORPUS_SUFFIXES)


def corpus_entries(
    path: Path, options: CorpusOptions | None = None, skipped: SkipCounts | None = None
) -> Iterator[CorpusEntry | DocumentError]:
    """The documents of one corpus file, in file order, each unique doc id once."""
    options = options or CorpusOptions()
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        raw = _warc_entries(path, skipped or SkipCounts())
    elif name.endswith(".csv"):
        raw = _csv_entries(path, options)
    else:
        raw = _jsonl_entries(path, options)
    taken: set[str] = set()
    for entry in raw:
        if isinstance(entry, CorpusEntry) and entry.doc_id in taken:
            # a second record of the same URL or a repeated id: kept, under an id of its own
            digest = hashlib.sha1(entry.label.encode("utf-8")).hexdigest()[:8]
            entry = dataclasses.replace(entry, doc_id=f"{entry.doc_id}_{digest}")
        if isinstance(entry, CorpusEntry):
            taken.add(entry.doc_id)
        yield entry


def doc_id_from_url(url: str) -> str:
    """A file-safe, stable doc id from a URL: host and path without the scheme,
    ``www.`` and a trailing ``index.html``; a long one shortened with a hash."""
    rest = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", url.strip(), flags=re.I)
    rest = re.sub(r"^www\.", "", rest, flags=re.I)
    rest = re.sub(r"/(index\.html?)?$", "", rest, flags=re.I)
    safe = _UNSAFE.sub("_", rest).strip("._") or "page"
    if len(safe) > _MAX_ID:
        digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
        safe = f"{safe[: _MAX_ID - 11]}_{digest}"
    return safe


def _id_from_value(value: object, fallback: str) -> str:
    return safe_id(str(value or ""), fallback)


def _warc_entries(path: Path, skipped: SkipCounts) -> Iterator[CorpusEntry | DocumentError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = path.open("rb")
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror or exc})") from exc
    number = 0
    with stream:
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
                # the reader cannot find the next record after a broken one: the rest of the file is lost
                yield DocumentError(path, f"broken WARC after record {number} ({type(exc).__name__}: {exc})")
                return
            number += 1
            if record.rec_type != "response" or not _is_html(record):
                skipped.add(path)
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            label = f"{path}#{number} ({url})" if url else f"{path}#{number}"
            try:
                data = record.content_stream().read()
            except Exception as exc:  # a damaged payload (bad chunking, bad gzip) is this record's problem
                yield DocumentError(label, f"unreadable WARC record ({type(exc).__name__})")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside the record: a cut-off crawl
                yield DocumentError(label, "truncated WARC record (the file ends inside it)")
                continue
            meta = {
                "url": url,
                "warc_record_id": record.rec_headers.get_header("WARC-Record-ID") or "",
                "crawl_date": record.rec_headers.get_header("WARC-Date") or "",
            }
            doc_id = doc_id_from_url(url) if url else f"{_stem(path)}_{number}"
            yield CorpusEntry(doc_id, path, label, data, ".html", meta)


def _is_html(record) -> bool:  # noqa: ANN001 - warcio's record type
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or ""
    if headers is not None and not headers.get_statuscode().startswith("2"):
        return False
    return "html" in content_type.lower()


def _stem(path: Path) -> str:
    name = path.name
    for suffix in CORPUS_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return safe_id(name, "corpus")


def _row_entry(path: Path, row_number: int, row: dict, options: CorpusOptions) -> CorpusEntry | DocumentError:
    label = f"{path}:{row_number}"
    if options.text_column not in row:
        return DocumentError(label, f"no {options.text_column!r} column (see --text-column)")
    text = row[options.text_column]
    if not isinstance(text, str):
        return DocumentError(label, f"{options.text_column!r} is not a text")
    doc_id = _id_from_value(row.get(options.id_column), f"{_stem(path)}_{row_number}")
    meta = {"row": str(row_number)}
    url = row.get(options.url_column)
    if isinstance(url, str) and url.strip():
        meta["url"] = url.strip()
    return CorpusEntry(doc_id, path, label, text.encode("utf-8"), ".txt", meta)


def _csv_entries(path: Path, options: CorpusOptions) -> Iterator[CorpusEntry | DocumentError]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a whole page in one cell
    try:
        stream = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror or exc})") from exc
    with stream:
        try:
            reader = csv.DictReader(stream)
            if reader.fieldnames is None:
                raise DocumentError(path, "empty CSV")
            if options.text_column not in reader.fieldnames:
                raise DocumentError(path, f"no {options.text_column!r} column (see --text-column)")
            for number, row in enumerate(reader, start=1):
                yield _row_entry(path, number, row, options)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DocumentError(path, f"unreadable CSV ({type(exc).__name__}: {exc})") from exc


def _jsonl_entries(path: Path, options: CorpusOptions) -> Iterator[CorpusEntry | DocumentError]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror or exc})") from exc
    with stream:
        for number, raw in enumerate(stream, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield DocumentError(f"{path}:{number}", f"not UTF-8 (byte {exc.start})")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield DocumentError(f"{path}:{number}", f"not a JSON object ({exc})")
                continue
            if not isinstance(row, dict):
                yield DocumentError(f"{path}:{number}", "not a JSON object")
                continue
            yield _row_entry(path, number, row, options)


def read_address_list(path: Path) -> tuple[dict[str, str], list[str]]:
    """File name -> URL from a TSV or CSV of two columns (``--urls``), and a warning for
    each line that is not a file name and an address; a header line is skipped.
    Raises ``DocumentError`` when the file cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(path, f"cannot read the address list ({exc})") from exc
    addresses: dict[str, str] = {}
    warnings: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fields = line.split("\t") if "\t" in line else next(csv.reader([line]))
        name, url = (fields[0].strip(), fields[1].strip()) if len(fields) >= 2 else (line.strip(), "")
        if not re.match(r"^(?:[a-z][a-z0-9+.\-]*://)?[\w\-]+(?:\.[\w\-]+)+", url, flags=re.I):
            if number > 1 or not url:  # the first line may be a header ("file<TAB>source")
                warnings.append(f"{path}:{number}: not a file name and an address (skipped)")
            continue
        addresses[Path(name).name] = url
    return addresses, warnings
