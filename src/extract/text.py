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


_LIST_OPENER = re.compile(r"(?:[-–—•·▪*+|#]|\d{1,2}[.)])\s")
_WRAP_MIN_WIDTH = 50  # narrower "paragraphs" are columns of short lines (fact boxes, lists)
_WRAP_MAX_WIDTH = 130  # wider lines are a page's own paragraphs, not a wrap
_WRAP_SLACK = 20  # a wrapped line ends within this many characters of the width
_WRAP_MIN_LINES = 4  # full lines ending inside a sentence it takes to show that a text is wrapped
_WRAP_MIN_SHARE = 0.5
_INSIDE_SENTENCE = re.compile(r"[^\W\d_]|[,\-–]")  # a letter, comma or dash; a list line ends in a year


def _open_alike(line: str, after: str) -> bool:
    """Two lines open with the same word, or both with a number ("1963 X – Y", "1969 Z – W"):
    lines of a list."""
    first, second = line.split()[0], after.split()[0]
    return first == second or first[:1].isdigit() and second[:1].isdigit()


def soft_wraps(text: str) -> frozenset[int]:
    """Offsets of the line breaks that wrap a paragraph (PDF text, e-mail, a page
    saved as plain text at a fixed width): where the text is wrapped at all, a line
    that nearly fills the width and is followed directly by text goes on in that text.

    The width is read off the text: the longest line of at most ``_WRAP_MAX_WIDTH``
    characters that has a line after it, when at least ``_WRAP_MIN_LINES`` such
    lines that end inside a sentence come within ``_WRAP_SLACK`` of it. A text with no such band (the usual
    web page: one line per paragraph, heading or item) has no soft wraps."""
    lines: list[tuple[int, int, str]] = []  # (start, end, stripped line)
    offset = 0
    for raw in text.split("\n"):
        lines.append((offset, offset + len(raw), raw.strip()))
        offset += len(raw) + 1
    followed = [
        (end, len(line))
        for (_, end, line), (_, _, after) in zip(lines, lines[1:], strict=False)
        if line
        and after
        and not _LIST_OPENER.match(after)  # a wrapped item goes on in a line without a mark of its own
        and not _open_alike(line, after)  # lines of a list open alike, wrapped ones rarely
    ]
    widths = [n for _, n in followed if n <= _WRAP_MAX_WIDTH]
    if not widths or max(widths) < _WRAP_MIN_WIDTH:
        return frozenset()
    width = max(widths)
    full = [end for end, n in followed if width - _WRAP_SLACK <= n <= width]
    # wrapped lines mostly end inside a sentence (full lines of a list end in ")" or "."),
    # and most lines that go on in the next one are such lines where the text is wrapped
    inside = sum(1 for end in full if _INSIDE_SENTENCE.match(text, end - 1))
    if inside < _WRAP_MIN_LINES or inside < _WRAP_MIN_SHARE * sum(1 for _, n in followed if n >= 30):
        return frozenset()
    return frozenset(end for end in full if not text[end - 1 : end].endswith(":"))
