"""PERSON recognition from roles, titles, a first-name lexicon and layout cues.

A name is two or three capitalised tokens (hyphenated surnames and particles
such as "de" included). It counts as a person when

* a role word or title stands right before it ("Bürgermeister Hans Vogt",
  "Amtskollegen Ferhat Mustafić", "Dr. Wolfgang Spithaler"), or a fact-box
  role label ("Bürgermeisterin:" and the name on the next line);
* it follows a credit word ("Foto: Reinhold Weissenbrunner");
* its first token is a known first name (also in capitals: "SABINE KIEVEN").

Once a full name is known, its surname alone is a PERSON too ("Vogt").
Titles are left out of the span; the role as written (nominative, with its
adjective: "stellvertretender Bürgermeister") goes to ``span._.role``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon import load_lexicon
from ..text import fold_name
from .extensions import UsesGazetteer, add_entities, doc_text

# Articles and particles of other languages that nam_dict also lists as names.
_NOT_FIRST_NAMES = {
    "Le",
    "La",
    "Les",
    "Il",
    "El",
    "Los",
    "Las",
    "De",
    "Di",
    "Da",
    "Du",
    "Van",
    "Von",
    "San",
    "Santa",
    "Saint",
    "St",
    "Sankt",
}
_MIN_FIRST_NAME_FREQUENCY = 3  # gender-guesser's scale 1-13: rarer "names" are mostly words ("Brand", "Burg")
_PARTICLES = {"de", "von", "van", "da", "di", "del", "du", "le", "la", "ten", "bin"}
_ROLE_WINDOW = 7  # tokens between a role word and the name it introduces
_COMMON_SURNAME_ZIPF = 4.3  # capitalised words this frequent are not surnames


@lru_cache(maxsize=1)
def role_forms() -> dict[str, str]:
    """Inflected role word (folded) -> its nominative form."""
    forms: dict[str, str] = {}
    for role in load_lexicon()["people"]["roles"]:
        endings = ["", "s", "n", "en", "es", "nen", "e"]
        if role.endswith("er") and not role.endswith("ter"):
            endings.append("ern")
        if role.endswith("ter"):  # Beigeordneter, Abgeordneter: adjectival nouns
            endings += ["en"]
            forms[fold_name(role[:-1] + "n")] = role
        for ending in endings:
            forms.setdefault(fold_name(role + ending), role)
    return forms


@lru_cache(maxsize=1)
def _credit_words() -> frozenset[str]:
    return frozenset(load_lexicon()["people"]["credit_words"])


@lru_cache(maxsize=1)
def _classifiers() -> frozenset[str]:
    places = load_lexicon()["places"]
    return frozenset(places["city_words"]) | frozenset(places["region_words"])


@lru_cache(maxsize=1)
def _titles() -> set[str]:
    return set(load_lexicon()["people"]["titles"])


@lru_cache(maxsize=1)
def _role_adjectives() -> list[str]:
    return load_lexicon()["people"]["role_adjectives"]


def _role_of(token: Token) -> str | None:
    text = token.text.strip("*")
    if not text:
        return None
    return role_forms().get(fold_name(text))


def _is_name_token(token: Token) -> bool:
    text = token.text
    return (
        len(text) >= 2
        and text[0].isupper()
        and text.replace("-", "").replace("'", "").isalpha()
        and not (text.isupper() and len(text) <= 2)
    )


def _name_end(doc: Doc, i: int, max_tokens: int = 3) -> int:
    """End index of a name starting at token i (i itself if none)."""
    j = i
    parts = 0
    while j < len(doc) and parts < max_tokens:
        tok = doc[j]
        if _is_name_token(tok):
            j += 1
            parts += 1
            # hyphenated surname: "Prinz-Gollek" split by the tokenizer
            while (
                j + 1 < len(doc)
                and doc[j].text == "-"
                and not doc[j - 1].whitespace_
                and not doc[j].whitespace_
                and _is_name_token(doc[j + 1])
            ):
                j += 2
            if doc[j - 1].whitespace_ not in (" ", "") or (j < len(doc) and "\n" in doc[j].text):
                break
            continue
        if tok.text in _PARTICLES and parts >= 1 and j + 1 < len(doc) and _is_name_token(doc[j + 1]):
            j += 1
            continue
        break
    return j


class _Found:
    __slots__ = ("start", "end", "role", "role_token")

    def __init__(self, start: int, end: int, role: str | None, role_token: int | None) -> None:
        self.start, self.end, self.role, self.role_token = start, end, role, role_token


@Language.factory("twinning_people")
class PersonRecognizer(UsesGazetteer):
    """Marks PERSON spans and stores the role as written on ``span._.role``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found: list[_Found] = []
        self._found_tokens: set[int] = set()
        taken = [False] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                taken[i] = True
        i = 0
        while i < len(doc):
            hit = None if taken[i] else self._person_at(doc, i)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            for k in range(hit.start, hit.end):
                taken[k] = True
                self._found_tokens.add(k)
            i = hit.end
        found += self._surname_mentions(doc, found, taken)
        spans = []
        for hit in found:
            span = Span(doc, hit.start, hit.end, label="PERSON")
            span._.role = hit.role
            spans.append(span)
        add_entities(doc, "people", spans)
        return doc

    # -- one name -----------------------------------------------------------
    def _person_at(self, doc: Doc, i: int) -> _Found | None:
        tok = doc[i]
        if not _is_name_token(tok) or _role_of(tok) or tok.text in _titles():
            return None
        end = _name_end(doc, i)
        if end == i:
            return None
        tails = self._hyphen_tails(doc, i, end)
        n_parts = sum(1 for t in doc[i:end] if _is_name_token(t) and t.i not in tails)
        if n_parts < 2:
            return None  # cheap checks first: most capitalised words end here
        parts = [t for t in doc[i:end] if _is_name_token(t)]
        if any(t.text in _classifiers() for t in parts):
            return None  # "Stadt Lüneburg" in a photo credit is no person
        hyphenated = {
            t.i
            for t in parts
            if t.i + 1 < len(doc) and doc[t.i + 1].text == "-" or t.i > 0 and doc[t.i - 1].text == "-"
        }
        if any(self._is_common(t.text) for t in parts[1:] if t.i not in hyphenated):
            return None  # "Paul Stadt": the second word is an ordinary word
        role, role_token, credit, _ = self._context_before(doc, i)
        adjacent_role = (
            role_token is not None
            and self._only_markup_between(doc, role_token + 1, i)
            and self._role_line_ok(doc, role_token, i)
        )
        first = doc[i].text
        first_known = (
            first not in _NOT_FIRST_NAMES
            and self.gazetteer.is_first_name(first, _MIN_FIRST_NAME_FREQUENCY)
            and self.gazetteer.zipf(first) < 5.0
        )
        if tok.text.isupper():
            # capitals: only a contact block name that starts with a first name
            if not first_known:
                return None
        elif not (adjacent_role or credit or first_known):
            return None
        if self._is_place_name(doc[i:end]):
            return None
        return _Found(i, end, role, role_token)

    @staticmethod
    def _only_markup_between(doc: Doc, start: int, end: int) -> bool:
        """Only titles, markup, colons and white space between two tokens."""
        return all(t.is_space or not t.text.strip("*:#_·") or t.text in _titles() for t in doc[start:end])

    @staticmethod
    def _role_line_ok(doc: Doc, role_token: int, name_start: int) -> bool:
        """Across a line break a role labels the name only when it stands alone on
        its line ("**Bürgermeister:**", "ANSPRECHPARTNERIN"), not in "Fachbereich Landrat"."""
        text = doc_text(doc)
        role = doc[role_token]
        if "\n" not in text[role.idx : doc[name_start].idx]:
            return True
        line_start = text.rfind("\n", 0, role.idx) + 1
        return not text[line_start : role.idx].strip("*#_ \t")

    @staticmethod
    def _hyphen_tails(doc: Doc, start: int, end: int) -> set[int]:
        return {t.i + 1 for t in doc[start:end] if t.text == "-"}

    def _is_common(self, word: str) -> bool:
        return self.gazetteer.zipf(word) >= _COMMON_SURNAME_ZIPF or _role_of_text(word) is not None

    def _is_place_name(self, span: Span) -> bool:
        """A span the gazetteer knows as a place and no first name starts."""
        places = self.gazetteer.lookup(span.text)
        if not places:
            return False
        first_is_name = span[0].text not in _NOT_FIRST_NAMES and self.gazetteer.is_first_name(span[0].text, 5)
        return not first_is_name or max(p.population for p in places) >= 50000

    def _context_before(self, doc: Doc, i: int) -> tuple[str | None, int | None, bool, bool]:
        """(role, role token index, after a credit word, after a fact-box label)."""
        credit_words = _credit_words()
        j = i - 1
        steps = 0
        saw_comma = False
        while j >= 0 and steps < _ROLE_WINDOW:
            tok = doc[j]
            text = tok.text.strip("*")
            if tok.is_space or not text.strip("_#·"):
                if tok.text.count("\n") > 2:
                    break
                j -= 1
                continue
            if tok.is_sent_start and j < i - 1 and not _role_of(tok):
                break
            if tok.ent_type_ == "PERSON" or j in self._found_tokens:
                break  # another person's role: "Bundeskanzler A und B"
            role = _role_of(tok)
            if role:
                label_line = j + 1 < len(doc) and doc[j + 1].text in (":", "*")
                # take the leftmost role of a coordinated phrase ("Direktor und Chirurg")
                k = j - 1
                while k >= 0 and (doc[k].text in ("und", "sowie") or _role_of(doc[k])):
                    if _role_of(doc[k]):
                        j, role = k, _role_of(doc[k])
                    k -= 1
                return self._with_adjective(doc, j, role), j, False, label_line
            if text in credit_words:
                return None, None, True, False
            if text == ",":
                saw_comma = True
            if saw_comma and steps > 5:
                break
            j -= 1
            steps += 1
        return None, None, False, False

    def _with_adjective(self, doc: Doc, j: int, role: str) -> str:
        if j == 0:
            return role
        prev = doc[j - 1].text.lower()
        for adjective in _role_adjectives():
            if prev.startswith(adjective) and len(prev) - len(adjective) <= 3:
                feminine = role.endswith("in") and not role.endswith("ein")
                return f"{adjective}{'e' if feminine else 'er'} {role}"
        return role

    # -- surname alone --------------------------------------------------------
    def _surname_mentions(self, doc: Doc, found: list[_Found], taken: list[bool]) -> list[_Found]:
        surnames: dict[str, str | None] = {}
        for hit in found:
            last = doc[hit.end - 1].text
            # a surname that is also a place name stays a place when it stands alone
            if len(last) >= 3 and not last.isupper() and not self._is_common(last) and last not in self.gazetteer:
                surnames[last] = hit.role
        extra = []
        for tok in doc:
            if tok.text in surnames and not taken[tok.i]:
                next_is_name = tok.i + 1 < len(doc) and _is_name_token(doc[tok.i + 1])
                if next_is_name:
                    continue
                role, role_token, _, _ = self._context_before(doc, tok.i)
                extra.append(_Found(tok.i, tok.i + 1, role, role_token))
                taken[tok.i] = True
        return extra


def _role_of_text(word: str) -> str | None:
    return role_forms().get(fold_name(word))
