"""Running the pipeline over many documents: in this process or a pool of workers.

``extract_one`` reads and extracts one document with the process's pipeline and
returns an ``Outcome``; the engines yield outcomes in input order, so whatever
runs them, the caller writes the same outputs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar, Union

from .corpora import CorpusEntry, CorpusOptions, SkipCounts, corpus_entries, is_corpus, read_input
from .documents import DocumentError, doc_id_for, read_bytes
from .records import DocumentRecord, read_record, set_aside_uncertain
from .writers import csv_chunks, write_document, write_text

Progress = Callable[..., Iterable]
T = TypeVar("T")


@dataclass
class Outcome:
    """What became of one input: its record, or the error. ``text`` is carried
    back only when the caller has to write the document's files itself."""

    path: Path | str  # the file, or a corpus entry's label
    doc_id: str | None = None
    record: DocumentRecord | None = None
    error: tuple[str, str, str] | None = None
    text: str | None = None
    csv: dict[str, str] | None = None  # the document's lines of each CSV
    n_pairs: int = 0  # partnerships written to the tables
    n_uncertain: int = 0  # partnerships set aside below --min-confidence
    warnings: tuple[str, ...] = ()  # the document was written, but read around these
    reused: bool = False  # --resume: an interrupted run's record of this very text stands


# loads the gazetteer and the lexicons before any worker is forked, so that the
# workers share them (dateparser is loaded only by a process that meets a date
# form the date step does not read itself, which most runs never do)
WARM_UP_TEXT = "Am 3. Mai 1990 unterzeichneten die Stadt Bonn und Oxford (England) die Partnerschaft."

_MODEL: str | None = None  # the --model of this run; forked workers inherit it
_HTML = "trafilatura"  # the --html main-text extractor of this run; likewise
_ADDRESSES: dict[str, str] = {}  # --urls: file name -> the page's address; likewise
_HOME: str | None = None  # --home: the publisher of every document; likewise
_MIN_CONFIDENCE = 0.0  # --min-confidence: pairs below it are set aside in the document's JSON; likewise
_DONE: dict[str, str] = {}  # --resume: doc id -> input hash of the records already written; likewise


def prepare(
    model: str | None = None,
    html: str = "trafilatura",
    addresses: dict[str, str] | None = None,
    home: str | None = None,
    min_confidence: float = 0.0,
) -> None:
    """Load the pipeline and the gazetteer in this process (raises on a bad model),
    and keep this run's options for its workers."""
    global _MODEL, _HTML, _ADDRESSES, _HOME, _MIN_CONFIDENCE
    from .pipeline import load, process

    _MODEL, _HTML, _ADDRESSES, _HOME, _MIN_CONFIDENCE = model, html, dict(addresses or {}), home, min_confidence
    process(WARM_UP_TEXT, load(model))


def keep_completed(done: dict[str, str]) -> None:
    """--resume: the records (doc id -> hash of the input bytes) that need not be extracted again;
    set before the workers are forked, which inherit it."""
    global _DONE
    _DONE = dict(done)


# what the engines take: a file, a document inside a corpus file, or an input
# that has already failed (its outcome passes through, in order)
Input = Union[Path, CorpusEntry, "Outcome"]


def input_label(item: Path | CorpusEntry) -> str:
    return item.label if isinstance(item, CorpusEntry) else str(item)


def expand_inputs(
    paths: Iterable[Path], options: CorpusOptions | None = None, skipped: SkipCounts | None = None
) -> Iterator[Input]:
    """Files as they are and corpus files entry by entry (streamed), each with a
    doc id of its own: a later input whose doc id is taken fails (the first wins)."""
    first: dict[str, str] = {}
    for path in paths:
        items: Iterable[Path | CorpusEntry | DocumentError] = (
            corpus_entries(path, options, skipped) if is_corpus(path) else (path,)
        )
        try:
            for item in items:
                if isinstance(item, DocumentError):
                    yield Outcome(item.subject, error=(item.subject, "read", str(item)))
                    continue
                doc_id = _doc_id_of(item)
                label = input_label(item)
                if doc_id in first:
                    message = f"{label}: same doc id {doc_id!r} as {first[doc_id]}"
                    yield Outcome(label, doc_id, error=(label, "read", message))
                    continue
                first[doc_id] = label
                yield item
        except DocumentError as exc:  # a corpus file that cannot be read (further)
            yield Outcome(path, error=(str(path), "read", str(exc)))


def read_kept(out: Path, outcome: Outcome, keep_record: bool) -> None:
    """--resume: fill a reused outcome from the record the interrupted run wrote, as
    ``extract_one`` fills it from a record it extracts."""
    record = read_record(out / "docs" / f"{outcome.doc_id}.json")
    outcome.warnings = tuple((record.source or {}).get("warnings", ()))
    outcome.csv = csv_chunks(record)
    outcome.n_pairs, outcome.n_uncertain = len(record.partnerships), len(record.uncertain)
    outcome.record = record if keep_record else None


def write_outputs(out: Path, doc_id: str, text: str, record: DocumentRecord) -> None:
    """A document's own files: its record and the text its offsets index."""
    write_text(doc_id, text, out / "texts")
    write_document(record, out / "docs")


def extract_one(
    path: Input,
    data: bytes | None = None,
    model: str | None = None,
    out: Path | None = None,
    keep_record: bool = True,
    html: str | None = None,
) -> Outcome:
    """Read and extract one document with this process's pipeline (loaded once
    per process; ``model`` defaults to this run's). With ``out`` the document's
    files are written here, in the worker; without, the text comes back. The
    CSV lines always come back; the record only with ``keep_record`` (sending
    it back to the parent process costs time)."""
    from .windows import extract_record

    if isinstance(path, Outcome):
        return path
    html = html or _HTML
    item = path
    if isinstance(item, CorpusEntry):
        path = item.label  # names the entry in outcomes and messages
    try:
        if _DONE:
            # --resume: the interrupted run's record of these very bytes stands, and the
            # caller reads it back; the document is not even read (HTML extraction is costly)
            if isinstance(item, Path) and data is None:
                data = read_bytes(item)
            raw = item.data if isinstance(item, CorpusEntry) else data
            doc_id = _doc_id_of(item)
            if doc_id in _DONE and raw is not None and _DONE[doc_id] == hashlib.sha256(raw).hexdigest():
                return Outcome(path, doc_id, reused=True)
        document = read_input(item, data, html)
    except DocumentError as exc:
        return Outcome(path, error=(str(path), "read", str(exc)))
    url = _ADDRESSES.get(item.name) if isinstance(item, Path) else None
    if url and "url" not in dict(document.origin):  # --urls: the file's address, kept in its source
        document = dataclasses.replace(document, origin=(*document.origin, ("url", url)))
    try:
        record = extract_record(
            document.text, document.doc_id, document.text_sha256, document.source, model or _MODEL, home=_HOME
        )
    except Exception as exc:  # one bad document must not cost the others their results
        return Outcome(path, error=(str(path), "extract", f"{path}: extraction failed ({type(exc).__name__}: {exc})"))
    set_aside_uncertain(record, _MIN_CONFIDENCE)
    lines = csv_chunks(record)
    counts = {"n_pairs": len(record.partnerships), "n_uncertain": len(record.uncertain)}
    if out is None:
        text = document.text
        return Outcome(path, document.doc_id, record, text=text, csv=lines, warnings=document.warnings, **counts)
    write_outputs(out, document.doc_id, document.text, record)
    kept = record if keep_record else None
    return Outcome(path, document.doc_id, kept, csv=lines, warnings=document.warnings, **counts)


def outcomes(
    paths: Iterable[Input],
    n_workers: int = 1,
    progress: Progress | None = None,
    out: Path | None = None,
    keep_records: bool = True,
    total: int | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order, from this process or a pool of forked workers
    that write each document's files themselves. ``paths`` may be a stream (a
    corpus file's entries); ``total``, when known, sizes the batches and the
    progress bar."""
    task = partial(extract_one, out=out, keep_record=keep_records)
    if n_workers <= 1 or (total is not None and total < 2):
        items = progress(paths, False, total=total) if progress else paths
        yield from map(task, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork after prepare(): workers share the pipeline and gazetteer pages copy-on-write
    context = multiprocessing.get_context("fork")
    # small chunks: the workers finish together
    chunk = 4 if total is None else max(1, min(4, total // (n_workers * 8)))
    with ProcessPoolExecutor(n_workers, mp_context=context) as pool:
        futures = submitted_in_order(
            lambda batch: pool.submit(extract_all, task, batch), batched(paths, chunk), 32 * n_workers
        )
        results = (outcome for future in futures for outcome in future.result())
        yield from (progress(results, False, total=total) if progress else results)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def extract_all(task: Callable[[Input], Outcome], paths: list[Input]) -> list[Outcome]:
    """One batch of documents in a worker process."""
    return [task(path) for path in paths]


class Future(Protocol):
    """A batch's outcomes to come (from a process pool or a Dask cluster)."""

    def result(self) -> list[Outcome]: ...


def submitted_in_order(submit: Callable[[T], Future], batches: Iterable[T], window: int) -> Iterator[Future]:
    """The futures of ``batches`` in order, each submitted only when fewer than
    ``window`` are waiting to be taken: however many documents a run has, only
    a window of them is in memory (a pool's own ``map`` submits them all at once,
    and its results wait until taken)."""
    waiting: deque[Future] = deque()
    for batch in batches:
        waiting.append(submit(batch))
        if len(waiting) >= window:
            yield waiting.popleft()
    while waiting:
        yield waiting.popleft()


def extract_batch(
    items: list[tuple[Input, bytes | DocumentError | None]],
    model: str | None,
    html: str = "trafilatura",
    addresses: dict[str, str] | None = None,
    home: str | None = None,
    min_confidence: float = 0.0,
    done: dict[str, str] | None = None,
) -> list[Outcome]:
    """A partition of documents on a Dask worker: bytes in, outcomes out."""
    global _ADDRESSES, _HOME, _MIN_CONFIDENCE, _DONE
    _ADDRESSES, _HOME, _MIN_CONFIDENCE, _DONE = dict(addresses or {}), home, min_confidence, dict(done or {})
    results = []
    for path, data in items:
        if isinstance(data, DocumentError):
            results.append(Outcome(path, error=(str(path), "read", str(data))))
        else:
            results.append(extract_one(path, data, model, html=html))
    return results


def dask_outcomes(
    paths: Iterable[Input],
    scheduler: str | None = None,
    n_workers: int = 2,
    model: str | None = None,
    partition_size: int = 16,
    progress: Progress | None = None,
    total: int | None = None,
    html: str = "trafilatura",
) -> Iterator[Outcome]:
    """Outcomes in input order, computed on a Dask cluster.

    Without ``scheduler`` a local cluster of ``n_workers`` processes is started
    and stopped. The client reads each file and sends its bytes, so workers need
    the installed package but not the input files. Each worker process loads the
    pipeline once, on its first partition.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(1, n_workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    try:
        partitions = batched(paths, partition_size)
        window = 4 * max(1, sum(client.nthreads().values()))  # partitions in flight, files read lazily

        def submit(part: list[Input]) -> Future:
            # each partition carries the addresses of its own files only
            addresses = {p.name: _ADDRESSES[p.name] for p in part if isinstance(p, Path) and p.name in _ADDRESSES}
            done = {i: _DONE[i] for p in part if (i := _doc_id_of(p)) in _DONE} if _DONE else None
            return client.submit(
                extract_batch, _read_all(part), model, html, addresses, _HOME, _MIN_CONFIDENCE, done, pure=False
            )

        futures = submitted_in_order(submit, partitions, window)
        results = (outcome for future in futures for outcome in future.result())
        yield from (progress(results, False, total=total) if progress else results)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _doc_id_of(item: Input) -> str | None:
    if isinstance(item, Outcome):
        return item.doc_id
    return item.doc_id if isinstance(item, CorpusEntry) else doc_id_for(item)


def _read_all(paths: list[Input]) -> list[tuple[Input, bytes | DocumentError | None]]:
    """Each file's bytes (corpus entries and failed inputs carry what they need)."""
    items: list[tuple[Input, bytes | DocumentError | None]] = []
    for path in paths:
        if not isinstance(path, Path):
            items.append((path, None))
            continue
        try:
            items.append((path, read_bytes(path)))
        except DocumentError as exc:
            items.append((path, exc))
    return items
