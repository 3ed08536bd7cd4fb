"""Reading input documents: finding files, decoding, identifying them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md")


class DocumentError(Exception):
    """A document that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    text: str
    text_sha256: str


def doc_id_for(path: Path) -> str:
    """The file stem, reduced to characters safe in any output file name."""
    stem = re.sub(r"[^0-9A-Za-z._\-]+", "_", path.stem).strip("._") or "document"
    return stem[:120]


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Supported files given directly or found (recursively) under folders, sorted."""
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        elif path.is_file():
            found.add(path)
        else:
            raise DocumentError(f"{path}: no such file or folder")
    return sorted(found, key=lambda p: (doc_id_for(p), str(p)))


def read_document(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentError(f"{path}: empty file")
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path}: not valid UTF-8 (byte {exc.start})") from exc
    return Document(doc_id_for(path), path, text, hashlib.sha256(data).hexdigest())
