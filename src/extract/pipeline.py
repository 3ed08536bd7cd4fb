"""Assembling the spaCy pipeline and running it on one text."""

from __future__ import annotations

import re

import spacy
from spacy.attrs import IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from . import components  # noqa: F401  (registers the factories)
from .addresses import PageAddress
from .components.bodies import TextBefore, given_home_body
from .lexicon import load_lexicon
from .text import soft_wraps

COMPONENTS = (
    "twinning_sentences",
    "twinning_dates",
    "twinning_people",
    "twinning_places",
    "twinning_structure",
    "twinning_partner_lines",
    "twinning_home",
    "twinning_partnerships",
    "twinning_roles",
)


_QUOTE_INFIX = "\\)\\]\\(\\[])(?=["  # the tail of spaCy's infix for quotes and brackets between letters


def customise_tokenizer(nlp: Language) -> None:
    """Split hyphens, en dashes and slashes between letters ("Bad Musterbad-Aarau",
    "Oberdorf/Winterthur", "Partnerschaft Fürth–Besançon"), an en dash between years ("1956–2010")
    and a full stop after a year ("1956."), so that
    place and date spans fall on token boundaries."""
    # a typographic apostrophe between letters stays inside its word, as "'" does: "Villeneuve-d’Ascq",
    # "Sant’Agata", "O’Neill" (spaCy's German infixes split it off as a closing quote)
    defaults = [x.replace("’", "") if _QUOTE_INFIX in x else x for x in nlp.Defaults.infixes]
    infixes = defaults + [r"(?<=[^\W\d_])[-–/](?=[^\W_])", r"(?<=\d)/(?=\d{4})", r"(?<=\d{4})–(?=\d{4})"]
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=\b\d{4})\.", r"(?<=[\)\]])[:;,]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # emoticon exceptions such as "):" would glue "(Oder):" together
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if any(c.isalnum() for c in k)}
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # abbreviated role titles stay one token ("Bgm. Muster"), as "Dr." does
    lexicon = load_lexicon()
    for role in lexicon["people"]["roles"]:
        if role.endswith(".") and " " not in role:
            nlp.tokenizer.add_special_case(role, [{ORTH: role}])
    # "Bratislava (dt. Pressburg)": a language's abbreviation ends no sentence
    for word in lexicon["places"]["alias_in_brackets"]:
        if word.endswith("."):
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])


# The lexical attributes the rules read (token.lower_, is_punct, is_space,
# is_title, is_lower). spaCy computes every attribute it has a getter for once
# per new word type; on real text, where most word types are new, the other
# eighteen (shape, prefix, suffix, norm, is_stop, like_url, ...) cost about a
# quarter of the tokenizer's time and nobody reads them (the places step tests
# like_url itself, on the few words with a "." in them). An installed model
# keeps all of its getters: its own layers read them.
LEXICAL_ATTRS = frozenset({LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, IS_LOWER})


def build(model: str | None = None) -> Language:
    """A fresh pipeline: ``spacy.blank("de")``, or an installed spaCy pipeline
    (name or path) whose NER is merged with ours, plus our components."""
    if model is None:
        nlp = spacy.blank("de")
        getters = nlp.vocab.lex_attr_getters
        nlp.vocab.lex_attr_getters = {attr: get for attr, get in getters.items() if attr in LEXICAL_ATTRS}
    else:
        nlp = spacy.load(model)
        if nlp.lang != "de":
            raise ValueError(f"{model}: a German pipeline is needed, this one is {nlp.lang!r}")
        nlp.add_pipe("twinning_model_stash")
    customise_tokenizer(nlp)
    for name in COMPONENTS:
        if model is not None and name == "twinning_structure":
            nlp.add_pipe("twinning_model_merge")
        nlp.add_pipe(name)
    return nlp


# spaCy's vocabulary keeps every word type it has seen, about 0.5 KB each, for as
# long as the pipeline lives: over hundreds of thousands of pages that is GBs.
# Past this many strings, load() builds a fresh pipeline (0.1 s for the blank
# one); the rules keep no state across documents, so outputs stay the same.
VOCAB_LIMIT = 300_000

_PIPELINES: dict[str | None, Language] = {}


def load(model: str | None = None) -> Language:
    """The shared pipeline: built once per process, and again whenever its
    vocabulary has grown past ``VOCAB_LIMIT`` strings (call it per document, do
    not keep the result, so that memory stays bounded on any number of pages)."""
    nlp = _PIPELINES.get(model)
    if nlp is not None and len(nlp.vocab.strings) <= VOCAB_LIMIT:
        return nlp
    nlp = None  # with the cache's reference popped next, the old vocabulary is freed
    _PIPELINES.pop(model, None)  # before a new one is built
    nlp = _PIPELINES[model] = build(model)
    return nlp


def process(
    text: str,
    nlp: Language | None = None,
    before: TextBefore | None = None,
    address: PageAddress | None = None,
    home: str | None = None,
) -> Doc:
    """Run the pipeline on ``text`` (at most ``nlp.max_length`` characters: a
    longer text is read in windows, see ``windows.extract_record``).
    ``before``: what the windows before this one established, for a window of
    a long text. ``address``: what the page's URL says of its publisher;
    ``home``: the publisher, where the caller knows it (``--home``)."""
    nlp = nlp or load()
    doc = _make_doc(nlp, clean_text(text))
    if home and (before is None or before.home is None):
        # the given home holds the pairs of a text that never names it
        before = TextBefore(given_home_body(home), before is not None and before.about_twinning)
    doc._.text_before = before
    doc._.address = address
    doc._.given_home = home
    return nlp(doc)


def clean_text(text: str) -> str:
    """``text`` with every offset where it was: lone surrogates replaced by U+FFFD
    (spaCy cannot hash them; no file decodes to one, but a caller's string may hold
    one), spaces of other widths ("seit&nbsp;1990" in a page's HTML) made plain
    spaces, which the tokenizer and every rule read as spaces, an encyclopedia's
    reference marks glued to a word ("Partnerschaften:[12]", "seit 1963[3][4]") made
    spaces, list items marked with other signs ("» X", "1. X") marked "•", and the line
    breaks that wrap a paragraph (``soft_wraps``) made spaces."""
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub("\ufffd", text)
    if _OTHER_SPACE.search(text):
        text = text.translate(_SPACES)
    if "[" in text and _REFERENCE_MARK.search(text):
        text = _REFERENCE_MARK.sub(lambda m: " " * len(m.group()), text)
    if _OTHER_BULLET.search(text):
        text = _OTHER_BULLET.sub(lambda m: m.group(1) + "•", text)
    if _NUMBERED_LINE.search(text):
        text = _bulleted_numbered_lists(text)
    wraps = soft_wraps(text)
    if wraps:
        # a paragraph wrapped at a fixed width (PDF text, a page saved as text) is read
        # as the one line a web page would give it: names and sentences go on across
        chars = list(text)
        for k in wraps:
            chars[k] = " "
        text = "".join(chars)
    return text


# a reference mark of a text copied from an encyclopedia, glued to the word, number or
# sign it annotates: "[12]", "[A 3]", "[Anm. 2]", "[a]"; a bracket after a space is text
_REFERENCE_MARK = re.compile(
    r"(?<=[^\s\[])\[(?:\d{1,3}|[a-z]|[A-Z] ?\d{1,3}|(?:Anm|Fn)\. ?\d{1,3}|Anmerkung \d{1,3})\]"
)

# list items a page marks with other signs than "-", "•", "*": the rules read them as "•"
_OTHER_BULLET = re.compile(r"(?m)^([ \t]*)[»>→►▶▸‣◦○●■□◆◇✓✔➤➜❯](?=[ \t])")
_NUMBERED_LINE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)]|[a-z]\))(?=[ \t]+\S)")


def _bulleted_numbered_lists(text: str) -> str:
    """ "1. X\n2. Y", "a) X\nb) Y": runs of two or more numbered lines, their numbers
    made bullets ("•" and spaces, offsets kept); a lone "1. FC Musterstadt" stays."""
    lines = text.split("\n")
    numbered = [bool(_NUMBERED_LINE.match(line)) for line in lines]
    for k, line in enumerate(lines):
        neighbour = (k > 0 and numbered[k - 1]) or (k + 1 < len(lines) and numbered[k + 1])
        if numbered[k] and neighbour:
            m = _NUMBERED_LINE.match(line)
            marker = line[: m.end()].lstrip(" \t")
            indent = m.end() - len(marker)
            lines[k] = line[:indent] + "•" + " " * (len(marker) - 1) + line[m.end() :]
    return "\n".join(lines)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_OTHER_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_OTHER_SPACE = re.compile(f"[{_OTHER_SPACES}]")
_SPACES = str.maketrans(_OTHER_SPACES, " " * len(_OTHER_SPACES))


def _make_doc(nlp: Language, text: str) -> Doc:
    """The tokenised ``text``, which remembers its text: spaCy rebuilds
    ``doc.text`` from the tokens, which costs as much as tokenising."""
    doc = nlp.make_doc(text)
    doc.user_data["twinning_text"] = text
    return doc
