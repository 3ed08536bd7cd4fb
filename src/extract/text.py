"""Small text helpers shared by every layer (no project imports)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―/]+")


@lru_cache(maxsize=262144)
def fold_name(name: str) -> str:
    """Normalise a place or person name for comparison.

    Case folding, NFKD with diacritics stripped, ``ß`` -> ``ss``, and hyphens
    and spaces collapsed, as docs/gold-format.md defines name matching.
    """
    name = name.replace("ß", "ss").replace("β", "ss")
    if name.isascii():  # nothing to decompose or strip (most words)
        stripped = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub("", stripped.casefold())


_WORD_CHAR = re.compile(r"\w")


def after_word_char(text: str, pos: int) -> bool:
    """Whether the character before ``pos`` is a word character (``pos`` is not
    at a word start, as ``\b`` or ``(?<!\\w)`` would test)."""
    return pos > 0 and _WORD_CHAR.match(text, pos - 1) is not None
