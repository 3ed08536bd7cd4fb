"""Sentence starts for municipal texts: punctuation, but also line structure.

Headings, list items, fact-box lines and captions carry no full stop, so a line
break starts a new sentence unless the text goes on in lower case (a line
wrapped or a page broken mid-sentence) or the line before is a long wrapped one.

The rules run over token arrays and set every start with one ``Doc.from_array``:
assigning ``token.is_sent_start`` token by token was the pipeline's slowest step.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text

_FINAL = {".", "!", "?", "…"}  # not ":": "1954 ... belohnt : ein Akt wird unterzeichnet"
_WRAPPED_LINE = 90  # a line longer than this without final punctuation is a soft wrap
_LINE_OPENERS = "-–•*#"


def sentence_starts(text: str, idx: list[int], length: list[int], is_space: list[bool]) -> list[bool]:
    """Whether each token starts a sentence, from token offsets, lengths and spaces."""
    n = len(idx)
    starts = [False] * n
    prev = -1  # previous non-space token
    pending_break = False
    for i in range(n):
        token_text = text[idx[i] : idx[i] + length[i]]
        if is_space[i]:
            starts[i] = i == 0
            if "\n" in token_text:
                pending_break = True
            continue
        if prev < 0:
            starts[i] = True
        else:
            prev_text = text[idx[prev] : idx[prev] + length[prev]]
            start = prev_text in _FINAL or prev_text.endswith("...")
            if not start and pending_break:
                first = token_text[0]
                prev_end = idx[prev] + length[prev]
                line_start = text.rfind("\n", 0, idx[prev]) + 1
                start = not first.islower() and (
                    prev_end - line_start <= _WRAPPED_LINE or "\n\n" in text[idx[prev] : idx[i]]
                )
                if first in _LINE_OPENERS or first.isdigit():
                    start = True
            starts[i] = start
        prev = i
        pending_break = False
    return starts


@Language.factory("twinning_sentences")
class LineAwareSentencizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arrays = doc.to_array([IDX, LENGTH, IS_SPACE])
        starts = sentence_starts(
            doc_text(doc), arrays[:, 0].tolist(), arrays[:, 1].tolist(), [bool(v) for v in arrays[:, 2]]
        )
        # -1 ("not a start") wraps around in the uint64 array spaCy expects
        values = numpy.array([[1 if s else -1] for s in starts], dtype="int64").astype("uint64")
        doc.from_array([SENT_START], values)
        return doc
