"""twinning-extract: town-twinning partnerships from German municipal texts.

>>> import extract
>>> nlp = extract.load()                      # the spaCy Language
>>> record = extract.extract_text("Die Stadt Lüneburg und Clamart sind seit 1960 Partnerstädte.")
>>> record.to_dict()["partnerships"][0]["b"]
['Clamart']
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from .records import DocumentRecord

__all__ = ["load", "extract_text"]
__version__ = "0.1.0"


def load(model: str | None = None) -> Language:
    """The spaCy pipeline: ``spacy.blank("de")`` plus the twinning components; with
    ``model`` (an installed German spaCy pipeline), its NER merged in."""
    from .pipeline import load as _load

    return _load(model)


def extract_text(text: str, doc_id: str = "text", model: str | None = None) -> DocumentRecord:
    """Run the pipeline on one text and return its document record."""
    from .pipeline import clean_text
    from .windows import extract_record

    # the hash of the text the offsets index (lone surrogates replaced, see pipeline)
    text = clean_text(text)
    return extract_record(text, doc_id, hashlib.sha256(text.encode("utf-8")).hexdigest(), model=model)
