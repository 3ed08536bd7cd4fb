"""Sentence starts for municipal texts: punctuation, but also line structure.

Headings, list items, fact-box lines and captions carry no full stop, so a line
break starts a new sentence unless the text goes on in lower case (a line
wrapped or a page broken mid-sentence) or the line before is a long wrapped one.

The rules run over token arrays and set every start with one ``Doc.from_array``:
assigning ``token.is_sent_start`` token by token was the pipeline's slowest step.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import TokenTable, token_table

_FINAL = (".", "!", "?", "…")  # not ":": "1954 ... belohnt : ein Akt wird unterzeichnet"
_ELLIPSIS = re.compile(r"(?=\.\.\.)")  # a token ending in "..." ends a sentence too
_WRAPPED_LINE = 90  # a line longer than this without final punctuation is a soft wrap
_LINE_OPENERS = "-–•*#"


def sentence_starts(table: TokenTable, is_space: numpy.ndarray, is_final: numpy.ndarray) -> numpy.ndarray:
    """Whether each token starts a sentence.

    A token starts one when it is the first that is not white space, when the
    token before it (white space skipped) ends a sentence, or when a line break
    lies between them and the line rules say so. Only the few tokens after a
    line break reach Python code; the rest is array arithmetic.
    """
    n = len(table)
    starts = numpy.zeros(n, dtype=bool)
    starts[0] = True
    words = numpy.flatnonzero(~is_space)  # tokens that are not white space
    if not len(words):
        return starts
    starts[words[0]] = True
    after_final = words[1:][is_final[words[:-1]]]
    starts[after_final] = True
    text = table.text
    for k in numpy.flatnonzero(is_space).tolist():
        if "\n" not in table.words[k]:
            continue
        j = int(numpy.searchsorted(words, k))  # the first word after the break
        if j == 0 or j == len(words):
            continue
        prev, i = int(words[j - 1]), int(words[j])
        if is_final[prev] or starts[i]:
            continue
        first = table.words[i][0]
        line_start = text.rfind("\n", 0, table.starts[prev]) + 1
        start = not first.islower() and (
            table.ends[prev] - line_start <= _WRAPPED_LINE or "\n\n" in text[table.starts[prev] : table.starts[i]]
        )
        if first in _LINE_OPENERS or first.isdigit():
            start = True
        elif first.islower() and _same_opening(text, line_start, table.starts[i], table.ends[i]):
            start = True  # "seit 1956: X" over "seit 1990: Y": lines of one shape, not a wrapped sentence
        elif first == "(" and not start_of_line_starts_sentence(table, words, starts, line_start):
            # wrapped prose, "… Partnerschaften\nmit X (seit 1972) und Y\n(2018) …": a parenthesis goes
            # with the line it follows where that line itself went on from the one before; after a
            # heading ("X in Frankreich\n(www.x.fr)") it starts its own
            start = "\n\n" in text[table.starts[prev] : table.starts[i]]
        starts[i] = start
    return starts


_DATED_OPENING = re.compile(r"(\w+) \d")


def _same_opening(text: str, previous_line: int, start: int, end: int) -> bool:
    """Whether this line and the one before open with the same word and a number
    ("seit 1956: X" over "seit 1990: Y"); wrapped prose may repeat a word ("mit")."""
    here, before = _DATED_OPENING.match(text, start), _DATED_OPENING.match(text, previous_line)
    return here is not None and before is not None and here.group(1) == before.group(1)


def start_of_line_starts_sentence(
    table: TokenTable, words: numpy.ndarray, starts: numpy.ndarray, line_start: int
) -> bool:
    """Whether the first word at or after character ``line_start`` starts a sentence
    (decided already: the breaks are visited in order)."""
    w = int(numpy.searchsorted(words, bisect_left(table.starts, line_start)))
    return w >= len(words) or bool(starts[int(words[w])])


@Language.factory("twinning_sentences")
class LineAwareSentencizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = token_table(doc)
        arrays = doc.to_array([IS_SPACE, ORTH])
        final_hashes = [doc.vocab.strings[mark] for mark in _FINAL]
        is_final = numpy.isin(arrays[:, 1], final_hashes)
        for m in _ELLIPSIS.finditer(table.text):
            k = bisect_right(table.starts, m.start()) - 1
            if k >= 0 and table.ends[k] == m.start() + 3:
                is_final[k] = True
        starts = sentence_starts(table, arrays[:, 0].astype(bool), is_final)
        # -1 ("not a start") wraps around in the uint64 array spaCy expects
        values = numpy.where(starts, 1, -1).astype("int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc
