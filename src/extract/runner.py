"""Running the pipeline over many documents: in this process or a pool of workers.

``extract_one`` reads and extracts one document with the process's pipeline and
returns an ``Outcome``; the engines yield outcomes in input order, so whatever
runs them, the caller writes the same outputs.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from .documents import DocumentError, doc_id_for, read_bytes, read_document
from .records import DocumentRecord
from .writers import csv_chunks, write_document, write_text

Progress = Callable[..., Iterable]


@dataclass
class Outcome:
    """What became of one input: its record, or the error. ``text`` is carried
    back only when the caller has to write the document's files itself."""

    path: Path
    doc_id: str | None = None
    record: DocumentRecord | None = None
    error: tuple[str, str, str] | None = None
    text: str | None = None
    csv: dict[str, str] | None = None  # the document's lines of each CSV


# loads the gazetteer, the lexicons and dateparser's German data before any
# worker is forked, so that the workers share them
WARM_UP_TEXT = "Am 3. Mai 1990 unterzeichneten die Stadt Bonn und Oxford (England) die Partnerschaft."

_MODEL: str | None = None  # the --model of this run; forked workers inherit it


def prepare(model: str | None = None) -> None:
    """Load the pipeline and the gazetteer in this process (raises on a bad model)."""
    global _MODEL
    from .pipeline import load, process

    _MODEL = model
    process(WARM_UP_TEXT, load(model))


def unique_ids(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """Inputs whose doc id is free, in order, and an error outcome for each later
    input with a doc id already taken (the first in sorted order wins)."""
    first: dict[str, Path] = {}
    kept, clashes = [], []
    for path in paths:
        doc_id = doc_id_for(path)
        if doc_id in first:
            message = f"{path}: same doc id {doc_id!r} as {first[doc_id]}"
            clashes.append(Outcome(path, doc_id, error=(str(path), "read", message)))
        else:
            first[doc_id] = path
            kept.append(path)
    return kept, clashes


def write_outputs(out: Path, doc_id: str, text: str, record: DocumentRecord) -> None:
    """A document's own files: its record and the text its offsets index."""
    write_text(doc_id, text, out / "texts")
    write_document(record, out / "docs")


def extract_one(
    path: Path,
    data: bytes | None = None,
    model: str | None = None,
    out: Path | None = None,
    keep_record: bool = True,
) -> Outcome:
    """Read and extract one document with this process's pipeline (loaded once
    per process; ``model`` defaults to this run's). With ``out`` the document's
    files are written here, in the worker; without, the text comes back. The
    CSV lines always come back; the record only with ``keep_record`` (sending
    it back to the parent process costs time)."""
    from .pipeline import load, process
    from .records import record_from_doc

    try:
        document = read_document(path, data)
    except DocumentError as exc:
        return Outcome(path, error=(str(path), "read", str(exc)))
    try:
        doc = process(document.text, load(model or _MODEL))
        record = record_from_doc(doc, document.doc_id, document.text_sha256, document.source)
    except Exception as exc:  # one bad document must not cost the others their results
        return Outcome(path, error=(str(path), "extract", f"{path}: extraction failed ({type(exc).__name__}: {exc})"))
    lines = csv_chunks(record)
    if out is None:
        return Outcome(path, document.doc_id, record, text=document.text, csv=lines)
    write_outputs(out, document.doc_id, document.text, record)
    return Outcome(path, document.doc_id, record if keep_record else None, csv=lines)


def outcomes(
    paths: list[Path],
    n_workers: int = 1,
    progress: Progress | None = None,
    out: Path | None = None,
    keep_records: bool = True,
) -> Iterator[Outcome]:
    """Outcomes in input order, from this process or a pool of forked workers
    that write each document's files themselves."""
    task = partial(extract_one, out=out, keep_record=keep_records)
    if n_workers <= 1 or len(paths) < 2:
        items = progress(paths, False) if progress else paths
        yield from map(task, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork after prepare(): workers share the pipeline and gazetteer pages copy-on-write
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(4, len(paths) // (n_workers * 8)))  # small chunks: the workers finish together
    with ProcessPoolExecutor(n_workers, mp_context=context) as pool:
        batches = (paths[i : i + chunk] for i in range(0, len(paths), chunk))
        futures = submitted_in_order(lambda batch: pool.submit(extract_all, task, batch), batches, 32 * n_workers)
        results = (outcome for future in futures for outcome in future.result())
        yield from (progress(results, False, total=len(paths)) if progress else results)


def extract_all(task: Callable[[Path], Outcome], paths: list[Path]) -> list[Outcome]:
    """One batch of documents in a worker process."""
    return [task(path) for path in paths]


T = TypeVar("T")


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


def extract_batch(items: list[tuple[Path, bytes | DocumentError]], model: str | None) -> list[Outcome]:
    """A partition of documents on a Dask worker: bytes in, outcomes out."""
    results = []
    for path, data in items:
        if isinstance(data, DocumentError):
            results.append(Outcome(path, error=(str(path), "read", str(data))))
        else:
            results.append(extract_one(path, data, model))
    return results


def dask_outcomes(
    paths: list[Path],
    scheduler: str | None = None,
    n_workers: int = 2,
    model: str | None = None,
    partition_size: int = 16,
    progress: Progress | None = None,
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
        partitions = (paths[i : i + partition_size] for i in range(0, len(paths), partition_size))
        window = 4 * max(1, sum(client.nthreads().values()))  # partitions in flight, files read lazily

        def submit(part: list[Path]) -> Future:
            return client.submit(extract_batch, _read_all(part), model, pure=False)

        futures = submitted_in_order(submit, partitions, window)
        results = (outcome for future in futures for outcome in future.result())
        yield from (progress(results, False, total=len(paths)) if progress else results)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _read_all(paths: list[Path]) -> list[tuple[Path, bytes | DocumentError]]:
    items: list[tuple[Path, bytes | DocumentError]] = []
    for path in paths:
        try:
            items.append((path, read_bytes(path)))
        except DocumentError as exc:
            items.append((path, exc))
    return items
