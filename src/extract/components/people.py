"""PERSON recognition from roles, titles, a first-name lexicon and layout cues.

A name is two or three capitalised tokens (hyphenated surnames and particles
such as "de" included). It counts as a person when

* a role word or title stands right before it ("Bürgermeister Hans Vogt",
  "Amtskollegen Max Mustermann", "Dr. Erika Musterfrau"), or a fact-box
  role label ("Bürgermeisterin:" and the name on the next line);
* it follows a credit word ("Foto: Reinhold Weissenbrunner");
* its first token is a known first name (also in capitals: "ERIKA MUSTERFRAU").

Once a full name is known, its surname alone is a PERSON too ("Vogt").
Titles are left out of the span; the role as written (nominative, with its
adjective: "stellvertretender Bürgermeister") goes to ``span._.role``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_lexicon
from ..text import fold_name
from .extensions import WORD_CACHE_SIZE, TokenTable, UsesGazetteer, add_entities, token_table

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


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _role_of(word: str) -> str | None:
    """The nominative role a word names ("Bürgermeisterin", "**Landrat**"), if any."""
    text = word.strip("*")
    if not text:
        return None
    return role_forms().get(fold_name(text))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_name_token(text: str) -> bool:
    return (
        len(text) >= 2
        and text[0].isupper()
        and text.replace("-", "").replace("'", "").isalpha()
        and not (text.isupper() and len(text) <= 2)
    )


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _may_start_person(word: str) -> bool:
    """A word a name can start with: name-like, not a role or a title."""
    return _is_name_token(word) and not _role_of(word) and word not in _titles()


def _name_end(table: TokenTable, i: int, max_tokens: int = 3) -> int:
    """End index of a name starting at token i (i itself if none)."""
    words, spaced, n = table.words, table.spaced, len(table)
    j = i
    parts = 0
    while j < n and parts < max_tokens:
        word = words[j]
        if _is_name_token(word):
            j += 1
            parts += 1
            # hyphenated surname: "Prinz-Gollek" split by the tokenizer
            while (
                j + 1 < n and words[j] == "-" and not spaced[j - 1] and not spaced[j] and _is_name_token(words[j + 1])
            ):
                j += 2
            if j < n and "\n" in words[j]:
                break
            continue
        if word in _PARTICLES and parts >= 1 and j + 1 < n and _is_name_token(words[j + 1]):
            j += 1
            continue
        break
    return j


# words before a name that make it a place or a saint's name ("Saint Georges de X")
_SAINTS = {"Saint", "Sainte", "St", "St.", "Ste", "Ste.", "Sankt", "San", "Santa", "Santo", "São"}


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
        table = token_table(doc)
        words, n = table.words, len(table)
        found: list[_Found] = []
        people: set[int] = set()  # tokens of the names found so far (and of earlier PERSON entities)
        taken = [False] * n
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                taken[i] = True
                if ent.label_ == "PERSON":
                    people.add(i)
        i = 0
        while i < n:
            # a name has two parts at least: the next token is a name, a hyphen or a particle
            if (
                taken[i]
                or not _may_start_person(words[i])
                or i + 1 == n
                or not (_is_name_token(words[i + 1]) or words[i + 1] == "-" or words[i + 1] in _PARTICLES)
            ):
                i += 1
                continue
            hit = self._person_at(table, i, people)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            for k in range(hit.start, hit.end):
                taken[k] = True
                people.add(k)
            i = hit.end
        found += self._surname_mentions(table, found, taken, people)
        spans = []
        for hit in found:
            span = Span(doc, hit.start, hit.end, label="PERSON")
            span._.role = hit.role
            spans.append(span)
        add_entities(doc, "people", spans)
        return doc

    # -- one name -----------------------------------------------------------
    def _person_at(self, table: TokenTable, i: int, people: set[int]) -> _Found | None:
        words = table.words
        end = _name_end(table, i)
        if end == i:
            return None
        tails = {k + 1 for k in range(i, end) if words[k] == "-"}
        n_parts = sum(1 for k in range(i, end) if _is_name_token(words[k]) and k not in tails)
        if n_parts < 2:
            return None  # cheap checks first: most capitalised words end here
        parts = [k for k in range(i, end) if _is_name_token(words[k])]
        if any(words[k] in _classifiers() for k in parts):
            return None  # "Stadt Lüneburg" in a photo credit is no person
        hyphenated = {k for k in parts if k + 1 < len(words) and words[k + 1] == "-" or k > 0 and words[k - 1] == "-"}
        if any(self._is_common(words[k]) for k in parts[1:] if k not in hyphenated):
            return None  # "Paul Stadt": the second word is an ordinary word
        role, role_token, credit, _ = self._context_before(table, i, people)
        adjacent_role = (
            role_token is not None
            and self._only_markup_between(words, role_token + 1, i)
            and self._role_line_ok(table, role_token, i)
        )
        first = words[i]
        first_known = (
            first not in _NOT_FIRST_NAMES
            and self.gazetteer.is_first_name(first, _MIN_FIRST_NAME_FREQUENCY)
            and self.gazetteer.zipf(first) < 5.0
        )
        if first.isupper():
            # capitals: only a contact block name that starts with a first name
            if not first_known:
                return None
        elif not (adjacent_role or credit or first_known):
            return None
        if self._is_place_name(table.span_text(i, end), first):
            return None
        if i > 0 and words[i - 1] in _SAINTS and not adjacent_role:
            return None  # "Saint Georges de X", "St. Martin": a place or a saint, not a person
        return _Found(i, end, role, role_token)

    @staticmethod
    def _only_markup_between(words: list[str], start: int, end: int) -> bool:
        """Only titles, markup, colons and white space between two tokens."""
        return all(w.isspace() or not w.strip("*:#_·") or w in _titles() for w in words[start:end])

    @staticmethod
    def _role_line_ok(table: TokenTable, role_token: int, name_start: int) -> bool:
        """Across a line break a role labels the name only when it stands alone on
        its line ("**Bürgermeister:**", "ANSPRECHPARTNERIN"), not in "Fachbereich Landrat"."""
        text = table.text
        role_idx = table.starts[role_token]
        if "\n" not in text[role_idx : table.starts[name_start]]:
            return True
        line_start = text.rfind("\n", 0, role_idx) + 1
        return not text[line_start:role_idx].strip("*#_ \t")

    def _is_common(self, word: str) -> bool:
        return self.gazetteer.zipf(word) >= _COMMON_SURNAME_ZIPF or _role_of(word) is not None

    def _is_place_name(self, text: str, first: str) -> bool:
        """A name the gazetteer knows as a place and no first name starts."""
        places = self.gazetteer.lookup(text)
        if not places:
            return False
        first_is_name = first not in _NOT_FIRST_NAMES and self.gazetteer.is_first_name(first, 5)
        return not first_is_name or max(p.population for p in places) >= 50000

    def _context_before(self, table: TokenTable, i: int, people: set[int]) -> tuple[str | None, int | None, bool, bool]:
        """(role, role token index, after a credit word, after a fact-box label).
        ``people``: tokens of names already found, whose roles are their own."""
        credit_words = _credit_words()
        words = table.words
        sent_starts = table.sent_starts
        j = i - 1
        steps = 0
        saw_comma = False
        while j >= 0 and steps < _ROLE_WINDOW:
            word = words[j]
            text = word.strip("*")
            if word.isspace() or not text.strip("_#·"):
                if word.count("\n") > 2:
                    break
                j -= 1
                continue
            if sent_starts[j] and j < i - 1 and not _role_of(word):
                break
            if j in people:
                break  # another person's role: "Bundeskanzler A und B"
            role = _role_of(word)
            if role:
                label_line = j + 1 < len(words) and words[j + 1] in (":", "*")
                # take the leftmost role of a coordinated phrase ("Direktor und Chirurg")
                k = j - 1
                while k >= 0 and (words[k] in ("und", "sowie") or _role_of(words[k])):
                    if _role_of(words[k]):
                        j, role = k, _role_of(words[k])
                    k -= 1
                return self._with_adjective(words, j, role), j, False, label_line
            if text in credit_words:
                return None, None, True, False
            if text == ",":
                saw_comma = True
            if saw_comma and steps > 5:
                break
            j -= 1
            steps += 1
        return None, None, False, False

    @staticmethod
    def _with_adjective(words: list[str], j: int, role: str) -> str:
        if j == 0:
            return role
        prev = words[j - 1].lower()
        for adjective in _role_adjectives():
            if prev.startswith(adjective) and len(prev) - len(adjective) <= 3:
                feminine = role.endswith("in") and not role.endswith("ein")
                return f"{adjective}{'e' if feminine else 'er'} {role}"
        return role

    # -- surname alone --------------------------------------------------------
    def _surname_mentions(
        self, table: TokenTable, found: list[_Found], taken: list[bool], people: set[int]
    ) -> list[_Found]:
        words = table.words
        surnames: dict[str, str | None] = {}
        for hit in found:
            last = words[hit.end - 1]
            # a surname that is also a place name stays a place when it stands alone
            if len(last) >= 3 and not last.isupper() and not self._is_common(last) and last not in self.gazetteer:
                surnames[last] = hit.role
        if not surnames:
            return []
        extra = []
        for k, word in enumerate(words):
            if word in surnames and not taken[k]:
                next_is_name = k + 1 < len(words) and _is_name_token(words[k + 1])
                if next_is_name:
                    continue
                role, role_token, _, _ = self._context_before(table, k, people)
                extra.append(_Found(k, k + 1, role, role_token))
                taken[k] = True
        return extra
