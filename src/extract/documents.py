"""Reading input documents: finding files, decoding them, extracting their text.

Formats: ``.txt`` and ``.md`` as they are; ``.html``/``.htm`` reduced to their
main text by trafilatura (navigation, boilerplate and scripts dropped); ``.pdf``
through pypdf, pages separated by a blank line and words hyphenated at line
ends joined again. Encodings: UTF-8 with or without BOM, UTF-16 with BOM, and
legacy single-byte files (cp1252 when it decodes cleanly, else what
charset-normalizer detects). The text that entity offsets index is the text
returned here; ``extract run`` saves it beside the record.

Every problem is a ``DocumentError`` whose message names the file and the problem.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
# corpus files hold many documents (see corpora.py); a folder search finds
# WARC files, a crawl's output, but a CSV or JSONL file only when given by name
WARC_SUFFIXES = (".warc", ".warc.gz")
TABLE_SUFFIXES = (".csv", ".jsonl")

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_MIN_MAIN_TEXT_WORDS = 5  # trafilatura falls back to link texts ("Start") on pages without content
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=[a-zäöüß])")


class DocumentError(Exception):
    """A document that cannot be read: ``subject`` names it (a file, or an entry
    of a corpus file) and ``problem`` says why; the message is both in one line."""

    def __init__(self, subject: object, problem: str) -> None:
        super().__init__(str(subject), problem)  # the arguments again when unpickled
        self.subject, self.problem = str(subject), problem

    def __str__(self) -> str:
        return f"{self.subject}: {self.problem}"


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    text: str
    text_sha256: str  # of the text as UTF-8: the file's own hash for a plain UTF-8 text
    source_format: str = "text"
    encoding: str | None = "utf-8"
    source_sha256: str = ""
    origin: tuple[tuple[str, str], ...] = ()  # a corpus entry's URL, record id, crawl date or row
    warnings: tuple[str, ...] = ()  # problems read around ("3 stray control characters replaced")

    @property
    def source(self) -> dict[str, str | list[str] | None]:
        """Where the text came from, and what it was read around (a resumed run
        takes the warnings from here instead of reading the document again)."""
        out: dict[str, str | list[str] | None] = {
            "path": str(self.path),
            "format": self.source_format,
            "encoding": self.encoding,
            "sha256": self.source_sha256,
            **dict(self.origin),
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


_UNSAFE_ID_CHARS = re.compile(r"[^0-9A-Za-z._\-]+")
_GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def doc_id_for(path: Path) -> str:
    """The file stem as a doc id (see ``safe_id``)."""
    return safe_id(path.stem)


def safe_id(name: str, default: str = "document") -> str:
    """``name`` reduced to characters safe in any output file name
    (``[A-Za-z0-9._-]``, at most 120): German letters spelt out ("Ä-liste" ->
    "Ae-liste"), accents dropped ("Montréal" -> "Montreal"); where other letters
    had to go, a hash of the name keeps names that differ only in them apart."""
    name = unicodedata.normalize("NFC", name)
    ascii_name = name.translate(_GERMAN_LETTERS)
    ascii_name = "".join(c for c in unicodedata.normalize("NFKD", ascii_name) if not unicodedata.combining(c))
    safe = _UNSAFE_ID_CHARS.sub("_", ascii_name).strip("._")
    if not ascii_name.isascii():  # letters with no spelling in ASCII were replaced
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        return f"{safe[:110] or default}_{digest}"
    return (safe or default)[:120]


def find_documents(paths: Iterable[str | Path]) -> tuple[list[Path], list[DocumentError]]:
    """Supported files given directly or found (recursively) under folders,
    sorted; and an error for each given path that does not exist."""
    found: set[Path] = set()
    missing: list[DocumentError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(
                p
                for p in path.rglob("*")
                if p.is_file() and (p.suffix.lower() in SUPPORTED_SUFFIXES or p.name.lower().endswith(WARC_SUFFIXES))
            )
        elif path.is_file():
            found.add(path)
        else:
            missing.append(DocumentError(path, "no such file or folder"))
    return sorted(found, key=lambda p: (doc_id_for(p), str(p))), missing


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror or exc})") from exc


def read_document(path: Path, data: bytes | None = None, html: str = "trafilatura") -> Document:
    """The document at ``path``; ``data``, when given, are its bytes already read
    (a worker on another machine gets the bytes, not the file)."""
    if data is None:
        data = read_bytes(path)
    return document_from_bytes(data, path.suffix.lower(), doc_id_for(path), path, html=html)


def document_from_bytes(
    data: bytes,
    suffix: str,
    doc_id: str,
    path: Path,
    label: str | None = None,
    origin: dict[str, str] | None = None,
    html: str = "trafilatura",
) -> Document:
    """A document from its bytes, read as a file ending in ``suffix`` would be;
    ``label`` names it in messages (default: ``path``); ``html`` is the main-text
    extractor of an HTML page (see ``HTML_EXTRACTORS``)."""
    name = label or str(path)
    if not data.strip():
        raise DocumentError(name, "empty file")
    if suffix in PDF_SUFFIXES:
        text, encoding, fmt = pdf_text(name, data), None, "pdf"
    elif suffix in HTML_SUFFIXES:
        markup, encoding = decode_bytes(name, data)
        text, fmt = html_text(name, markup, html), "html"
    else:
        text, encoding = decode_bytes(name, data)
        fmt = "markdown" if suffix == ".md" else "text"
    text, warnings = replace_stray_controls(name, text)
    if not text.strip():
        raise DocumentError(name, "no text in the file")
    return Document(
        doc_id=doc_id,
        path=path,
        text=text,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        source_format=fmt,
        encoding=encoding,
        source_sha256=hashlib.sha256(data).hexdigest(),
        origin=tuple((origin or {}).items()),
        warnings=warnings,
    )


def decode_bytes(path: str | Path, data: bytes) -> tuple[str, str]:
    """(text, encoding used). Raises DocumentError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"broken {encoding} text (byte {exc.start})") from exc
    sample = data[:8192]
    kind = binary_kind(sample)
    if kind is not None:
        raise DocumentError(path, f"binary file, not text ({kind})")
    try:
        return _check_text(path, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # German legacy exports are nearly always cp1252 (a superset of latin-1's letters)
    try:
        return _check_text(path, data.decode("cp1252")), "cp1252"
    except (UnicodeDecodeError, DocumentError):
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(path, "binary file or unknown encoding")
    return _check_text(path, str(best)), best.encoding


def _check_text(path: str | Path, text: str) -> str:
    """Reject decoded data with many control characters: binary, not text (a few
    stray ones, as bad conversions leave, are replaced later)."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise DocumentError(path, "binary file, not text")
    return text


# Up to this share of control characters a decoded text is text with stray bytes (a NUL or
# two a bad export left: replaced by spaces, with a warning); beyond it, binary data.
_MAX_CONTROL_SHARE = 0.10
# the first bytes of binary formats a crawl or a folder of exports meets
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"RIFF", "a media file"),
)


def binary_kind(sample: bytes) -> str | None:
    """What makes ``sample`` (a file's first bytes) binary, or None: a binary format's
    signature, the alternating NULs of UTF-16 without a byte-order mark, or NULs in
    runs (binary formats pad with them; a bad export leaves one or two apart)."""
    for signature, kind in _SIGNATURES:
        if sample.startswith(signature):
            return kind
    nuls = sample.count(b"\x00")
    if not nuls:
        return None
    even, odd = sample[0::2].count(b"\x00"), sample[1::2].count(b"\x00")
    if len(sample) >= 8 and max(even, odd) >= 0.3 * (len(sample) // 2) and min(even, odd) <= 0.05 * len(sample):
        return "UTF-16 text without a byte-order mark"
    if b"\x00\x00\x00\x00" in sample or nuls > 0.3 * len(sample):
        return "runs of NUL bytes"
    return None


# control characters other than line breaks and tabs; DEL and C1 controls too
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def replace_stray_controls(path: str | Path, text: str) -> tuple[str, tuple[str, ...]]:
    """The text with each stray control character (a NUL a bad conversion left)
    replaced by a space, one for one so that no offset moves, and a warning
    that says how many."""
    text, count = _STRAY_CONTROL.subn(" ", text)
    if not count:
        return text, ()
    noun = "character" if count == 1 else "characters"
    return text, (f"{path}: {count} stray control {noun} replaced by spaces",)


# "trafilatura": the default, the closest main text; "fast": resiliparse's
# main-content extraction, about 14 times as fast (the optional extra "fast")
HTML_EXTRACTORS = ("trafilatura", "fast")


def html_text(path: str | Path, markup: str, extractor: str = "trafilatura") -> str:
    text = _main_text(path, markup, extractor)
    depth = 0 if _enough(text) or extractor != "trafilatura" else nesting_depth(markup)
    if depth > _MAX_PARSER_DEPTH:
        # lxml stops building the tree past about 255 levels, so the main text of a
        # page that broken generators nested thousands of wrappers deep is lost:
        # without its wrapper elements the page reads again
        text = _main_text(path, _WRAPPER_TAG.sub(_unwrap, markup), extractor)
        if not _enough(text):
            raise DocumentError(path, f"HTML nested {depth} elements deep, no main text found in it")
    if not _enough(text):
        raise DocumentError(path, "HTML with no main text")
    return text


_MAX_PARSER_DEPTH = 250
# elements that only wrap others (their boundaries are not paragraphs of their own)
_WRAPPER_TAG = re.compile(r"<(/?)(?:div|span|font|section|article|center|td|tr|tbody|table)\b[^>]*>", re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _unwrap(match: re.Match[str]) -> str:
    return "<br>" if match.group(1) else ""  # a closing wrapper ends a line


def nesting_depth(markup: str) -> int:
    """The deepest nesting of elements in ``markup`` (opening and closing tags
    counted; void and self-closed elements do not nest)."""
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(markup):
        if name.lower() in _VOID or self_closed:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _enough(text: str | None) -> bool:
    return bool(text) and len(text.split()) >= _MIN_MAIN_TEXT_WORDS


def _main_text(path: str | Path, markup: str, extractor: str) -> str | None:
    try:
        if extractor == "fast":
            from resiliparse.extract.html2text import extract_plain_text

            return extract_plain_text(markup, main_content=True)
        import trafilatura

        return trafilatura.extract(markup, include_comments=False, include_tables=True)
    except Exception as exc:  # trafilatura raises lxml's errors on broken markup
        raise DocumentError(path, f"unreadable HTML ({type(exc).__name__})") from exc


def pdf_text(path: str | Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(path, f"corrupt PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise DocumentError(path, f"corrupt PDF ({type(exc).__name__})") from exc
    if not any(page.strip() for page in pages):
        raise DocumentError(path, "PDF with no text layer (scanned?)")
    # a page break is a blank line; a word hyphenated at a line end is joined
    return "\n\n".join(_LINE_END_HYPHEN.sub("", page.strip("\n")) for page in pages)
