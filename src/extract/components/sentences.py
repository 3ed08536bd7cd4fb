"""Sentence starts for municipal texts: punctuation, but also line structure.

Headings, list items, fact-box lines and captions carry no full stop, so a line
break starts a new sentence unless the text goes on in lower case (a line
wrapped or a page broken mid-sentence) or the line before is a long wrapped one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text

_FINAL = {".", "!", "?", "…"}  # not ":": "1954 ... belohnt : ein Akt wird unterzeichnet"
_WRAPPED_LINE = 90  # a line longer than this without final punctuation is a soft wrap


@Language.factory("twinning_sentences")
class LineAwareSentencizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        prev = None  # previous non-space token
        pending_break = False
        for token in doc:
            if token.is_space:
                token.is_sent_start = False if token.i else True
                if "\n" in token.text or token.whitespace_ == "\n":
                    pending_break = True
                continue
            start = token.i == 0 or prev is None
            if not start and prev.text in _FINAL or (prev is not None and prev.text.endswith("...")):
                start = True
            if not start and (pending_break or "\n" in prev.whitespace_):
                first = token.text[0]
                line_start = text.rfind("\n", 0, prev.idx) + 1
                prev_line_len = prev.idx + len(prev.text) - line_start
                start = not first.islower() and (prev_line_len <= _WRAPPED_LINE or "\n\n" in text[prev.idx : token.idx])
                if first in "-–•*#" or first.isdigit():
                    start = True
            token.is_sent_start = bool(start)
            prev = token
            pending_break = False
        return doc
