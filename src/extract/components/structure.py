"""Page structure: the text's lines as blocks (heading, lead-in, list item,
paragraph), each with the heading it stands under.

Municipal pages are mostly structure: a title, a lead-in ("Springfield hat
folgende Partnerstädte:"), one line per partner, sub-headings per partner
followed by prose. Later components read scopes off these blocks instead of
guessing them from sentences. Results: ``doc._.blocks``, a list of ``Block``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text

HEADING = "heading"
LEAD_IN = "lead-in"
ITEM = "item"
PARAGRAPH = "paragraph"

# a short line of its own is a heading or a list item; longer ones are prose
SHORT_LINE_WORDS = 12
_BULLET = re.compile(r"^(?:[-–—•·▪*+]|\d{1,2}[.)])\s+")
_YEAR_START = re.compile(r"^(?:1[89]|20)\d\d\b(?![.:]\d)")
_WORD = re.compile(r"\S+")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
# a sentence ends inside the line: "Die Urkunde wurde unterzeichnet. Externer Link"
_SENTENCE_INSIDE = re.compile(r"[a-zäöüß]{5}[.!?] +[A-ZÄÖÜ]")  # not after "Hann.", "Dr."


@dataclass(frozen=True, slots=True)
class Block:
    """One non-empty line: character offsets of its text without surrounding
    white space, its kind, and the index of the heading block above it."""

    start: int
    end: int
    kind: str
    parent: int | None
    bulleted: bool = False
    blank_before: bool = False


def line_blocks(text: str) -> list[Block]:
    """The blocks of ``text``, one per non-empty line."""
    blocks: list[Block] = []
    heading: int | None = None
    offset = 0
    blank_before = True
    for raw in text.split("\n"):
        line_start, line_end = offset, offset + len(raw)
        offset = line_end + 1
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        marker = _MARKDOWN_HEADING.match(stripped)
        if marker and marker.end() < len(stripped):
            # "## Stadt Musterau – Beispielby kommun": a converter's heading mark; the line is its text
            start += marker.end()
            stripped = stripped[marker.end() :]
            kind, _ = _line_kind(stripped, blocks[-1] if blocks else None, blank_before)
            kind, bulleted = (LEAD_IN if kind == LEAD_IN else HEADING), False
        else:
            kind, bulleted = _line_kind(stripped, blocks[-1] if blocks else None, blank_before)
        blocks.append(Block(start, end, kind, heading if kind != HEADING else None, bulleted, blank_before))
        if kind in (HEADING, LEAD_IN):
            heading = len(blocks) - 1
        blank_before = False
    return blocks


def _line_kind(line: str, previous: Block | None, blank_before: bool) -> tuple[str, bool]:
    bulleted = bool(_BULLET.match(line))
    words = len(_WORD.findall(line))
    last = line[-1]
    if last == ":" and words <= 2 * SHORT_LINE_WORDS:
        return LEAD_IN, bulleted
    if words > SHORT_LINE_WORDS or last in ".!?;," or _SENTENCE_INSIDE.search(line):
        return (ITEM if bulleted and words <= 2 * SHORT_LINE_WORDS else PARAGRAPH), bulleted
    in_list = previous is not None and previous.kind in (LEAD_IN, ITEM) and not blank_before
    if bulleted or _YEAR_START.match(line) or in_list:
        return ITEM, bulleted
    return HEADING, bulleted


@Language.factory("twinning_structure")
class PageStructure:
    """Sets ``doc._.blocks``: the document's lines as ``Block`` objects."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.blocks = line_blocks(doc_text(doc))
        return doc
