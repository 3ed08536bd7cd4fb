"""Running the pipeline over many documents: in this process or a pool of workers.

``extract_one`` reads and extracts one document with the process's pipeline and
returns an ``Outcome``; the engines yield outcomes in input order, so whatever
runs them, the caller writes the same outputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .documents import Document, DocumentError, read_document
from .records import DocumentRecord

Progress = Callable[..., Iterable]


@dataclass
class Outcome:
    """What became of one input: its document and record, or the error."""

    path: Path
    document: Document | None = None
    record: DocumentRecord | None = None
    error: tuple[str, str, str] | None = None


_MODEL: str | None = None  # the --model of this run; forked workers inherit it


def prepare(model: str | None = None) -> None:
    """Load the pipeline and the gazetteer in this process (raises on a bad model)."""
    global _MODEL
    from .pipeline import load, process

    _MODEL = model
    process("Stadt.", load(model))


def extract_one(path: Path) -> Outcome:
    """Read and extract one document with this process's pipeline."""
    from .pipeline import load, process
    from .records import record_from_doc

    try:
        document = read_document(path)
    except DocumentError as exc:
        return Outcome(path, error=(str(path), "read", str(exc)))
    try:
        doc = process(document.text, load(_MODEL))
        record = record_from_doc(doc, document.doc_id, document.text_sha256, document.source)
    except Exception as exc:  # one bad document must not cost the others their results
        return Outcome(path, error=(str(path), "extract", f"{path}: extraction failed ({type(exc).__name__}: {exc})"))
    return Outcome(path, document, record)


def outcomes(paths: list[Path], n_workers: int = 1, progress: Progress | None = None) -> Iterator[Outcome]:
    """Outcomes in input order, from this process or a pool of forked workers."""
    if n_workers <= 1 or len(paths) < 2:
        items = progress(paths, False) if progress else paths
        yield from map(extract_one, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork after prepare(): workers share the pipeline and gazetteer pages copy-on-write
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(16, len(paths) // (n_workers * 8)))
    with ProcessPoolExecutor(n_workers, mp_context=context) as pool:
        results = pool.map(extract_one, paths, chunksize=chunk)
        yield from (progress(results, False, total=len(paths)) if progress else results)
