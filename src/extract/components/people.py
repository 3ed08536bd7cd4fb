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

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import COUNTRY, REGION, load_gazetteer
from ..lexicon import load_lexicon
from ..text import fold_name
from .bodies import keyword_category
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
_NAME_LINKS = {"-", *_PARTICLES}  # what may follow a name's first word besides another name
_ADDRESS_WORDS = {"Herr", "Herrn", "Frau"}
_ARTICLE_PARTICLES = {"der", "den", "dem", "la", "las", "los", "le"}
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


_OFFICE_ENDINGS = ("verwaltung", "amt", "rathaus", "kanzlei", "büro", "magistrat")


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    """An office's or an association's word ("Stadtverwaltung Musterau", "Partnerschaftskomitee
    Musterau" in a contact block): the name after it is the body's, not a person's."""
    return _OFFICE_ENDINGS + tuple(load_lexicon()["places"]["association_endings"])


@lru_cache(maxsize=1)
def _classifiers() -> frozenset[str]:
    places = load_lexicon()["places"]
    return frozenset(places["city_words"]) | frozenset(places["region_words"])


@lru_cache(maxsize=1)
def _label_roles() -> frozenset[str]:
    return frozenset(load_lexicon()["people"]["label_roles"])


@lru_cache(maxsize=1)
def _titles() -> set[str]:
    return set(load_lexicon()["people"]["titles"])


@lru_cache(maxsize=1)
def _role_adjectives() -> list[str]:
    return load_lexicon()["people"]["role_adjectives"]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _role_of(word: str) -> str | None:
    """The nominative role a word names ("Bürgermeisterin", "**Landrat**",
    "VG-Bürgermeister", "Kultur-Beigeordneten" -> "Kultur-Beigeordneter"), if any."""
    text = word.strip("*")
    if not text:
        return None
    known = role_forms().get(fold_name(text))
    if known and known.isupper() and not text.startswith(known):
        return None  # "OB" is written in capitals; "ob" is a conjunction
    if known and text.endswith("en") and known.endswith("e") and known.lower().endswith(_adjectival_roles()):
        return known + "r"  # "des Vorsitzenden X" -> "Vorsitzender"
    return known or _family_role(text)


@lru_cache(maxsize=1)
def _role_suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon()["people"]["role_suffixes"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _adjectival_roles() -> tuple[str, ...]:
    return tuple(load_lexicon()["people"]["adjectival_roles"])


@lru_cache(maxsize=1)
def _role_suffix_pattern() -> re.Pattern[str]:
    """A role suffix with an optional case ending at the end of a word, after a prefix."""
    alternatives = "|".join(map(re.escape, _role_suffixes()))
    return re.compile(rf"^(.{{2,}}?)({alternatives})(s|es|n|en)?$")


@lru_cache(maxsize=1)
def _role_endings() -> tuple[str, ...]:
    """Every role suffix with every case ending the pattern allows."""
    return tuple(suffix + ending for suffix in _role_suffixes() for ending in ("", "s", "es", "n", "en"))


def _family_role(text: str) -> str | None:
    """A compound of a role noun, as written in the nominative singular:
    "Ausschussvorsitzende", "Stadtkämmerer", "VHS-Vorsitzenden" -> "VHS-Vorsitzender",
    "Stadträte" -> "Stadtrat", "Stadträtinnen" -> "Stadträtin"."""
    if not text[:1].isupper() or not text.replace("-", "").isalpha():
        return None
    low = text.lower()
    if low.endswith("innen"):
        text, low = text[:-3], low[:-3]  # "Stadträtinnen" -> "Stadträtin"
    elif low.endswith("räte"):
        text, low = text[:-4] + "rat", low[:-4] + "rat"  # "Stadträte" -> "Stadtrat"
    if not low.endswith(_role_endings()):
        return None  # the pattern's necessary condition, tested in C (most words fail it)
    m = _role_suffix_pattern().match(low)
    if m is None:
        return None
    ending = m.group(3) or ""
    stem = text[: len(text) - len(ending)] if ending else text
    if ending == "n" and stem.lower().endswith(_adjectival_roles()):
        return stem + "r"  # "des Kultur-Beigeordneten" -> "Kultur-Beigeordneter"
    return stem


def plural_role(word: str, before: str) -> bool:
    """ "Stadträtinnen", "Stadträte", "die Bürgermeister": a role word naming several people."""
    low = word.lower()
    if low.endswith(("innen", "räte")):
        return True
    return before.lower() in ("die", "den") and not low.endswith("in") and bool(_role_of(word))


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
            if _is_place(words[j + 1]):
                break  # "Ingo Muster von Springfield": where he is from
            j += 1
            continue
        if word in _PARTICLES and parts >= 1 and j + 2 < n and words[j + 1] in _ARTICLE_PARTICLES:
            # "von der", "van den", "de la"; not "von der Indigena-Partei", "von der Stadt X"
            name = words[j + 2]
            if _is_name_token(name) and not name.isupper() and not (j + 3 < n and words[j + 3] == "-"):
                if not _is_place(name):
                    j += 2
                    continue
        break
    return j


_TOWN_BEFORE = frozenset({"mit", "in", "aus", "nach", "von", "bei"})
# words before a name that make it a place or a saint's name ("Saint Martin de X")
_SAINTS = {"Saint", "Sainte", "St", "St.", "Ste", "Ste.", "Sankt", "San", "Santa", "Santo", "São"}


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_place(word: str) -> bool:
    return bool(load_gazetteer().lookup(word))


def _role_right_before(words: list[str], i: int) -> bool:
    """A role word right before token i on the same line, perhaps with "Herrn"/"Frau" (and
    a comma) between: "Oberbürgermeister Muster", "Oberbürgermeister, Herrn Muster"."""
    k = i - 1
    while k >= 0 and (words[k].isspace() or words[k] in _titles() or words[k] == ","):
        if "\n" in words[k]:
            return False  # "Der Bürgermeister\nRathaus": an address block
        k -= 1
    return k >= 0 and _role_of(words[k]) is not None


def _complement_end(words: list[str], j: int) -> int | None:
    """The end of a genitive complement after the role word at j ("Vorsitzender des
    Partnerschaftsausschusses", "Leiter der regionalen Entwicklungsabteilung"): a body that
    is no place and no name; None when none follows."""
    k = j + 1
    if k >= len(words) or words[k] not in ("des", "der"):
        return None
    k += 1
    while k < len(words) and words[k].islower() and words[k].endswith(("e", "en", "er", "es")):
        k += 1  # adjectives
    if k >= len(words):
        return None
    noun = words[k]
    if not (noun[:1].isupper() and noun.isalpha() and len(noun) > 3) or noun in _classifiers():
        return None
    if _role_of(noun) or _is_place(noun) or load_gazetteer().is_first_name(noun, _MIN_FIRST_NAME_FREQUENCY):
        return None
    return k + 1


_RETIRED = {"a.", "D.", "a.D."}
# what may follow a role's complement in parentheses: its end, or the place ("der Region X")
_COMPLEMENT_ENDS = {")", ",", "der", "des", "in"}
# words inside a place after "aus" ("aus dem Landkreis X", "aus Neustadt an der Y")
_ORIGIN_LINKS = {"der", "dem", "den", "am", "an", "im", "in", "bei", "-"}


def _retired(words: list[str], k: int) -> bool:
    """ "a. D." (außer Dienst) from token k: part of the role before it."""
    return words[k : k + 2] == ["a.", "D."] or words[k : k + 1] == ["a.D."]


class _Found:
    __slots__ = ("start", "end", "role", "role_token", "plural")

    def __init__(self, start: int, end: int, role: str | None, role_token: int | None) -> None:
        self.start, self.end, self.role, self.role_token = start, end, role, role_token
        self.plural = False  # the role word names several people: "die Bürgermeister A, B und C"


@lru_cache(maxsize=1)
def _vocab_months() -> frozenset[str]:
    return frozenset(load_lexicon()["dates"]["months"])


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
        next_free = 0
        # a name starts with a capitalised word that is no role or title: only those tokens are tried, in order
        # (the first letter's case, tested inline, spares most tokens the memoised test)
        for i in [k for k, word in enumerate(words) if word[:1].isupper() and _may_start_person(word)]:
            if i < next_free or taken[i]:
                continue
            # a name has two parts at least: the next token is a name, a hyphen or a particle
            if (
                (i + 1 == n or not (_is_name_token(words[i + 1]) or words[i + 1] in _NAME_LINKS))
                and not (i > 0 and words[i - 1] in _ADDRESS_WORDS)
                and not _role_right_before(words, i)
            ):
                continue
            hit = self._person_at(table, i, people)
            if hit is None:
                continue
            found.append(hit)
            for k in range(hit.start, hit.end):
                taken[k] = True
                people.add(k)
            next_free = hit.end
        self._share_plural_roles(table, found)
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
            # "Oberbürgermeister Muster", "Bürgermeister, Herrn Wolf": a role vouches for a surname alone
            return self._surname_after_role(table, i, end, people)
        parts = [k for k in range(i, end) if _is_name_token(words[k])]
        if any(words[k] in _classifiers() for k in parts):
            return None  # "Stadt Lüneburg" in a photo credit is no person
        if words[i].lower().endswith(_body_endings()):
            return None  # "Stadtverwaltung Musterau", "Bürgermeisteramt X" in a contact block: an office
        hyphenated = {k for k in parts if k + 1 < len(words) and words[k + 1] == "-" or k > 0 and words[k - 1] == "-"}
        common = any(self._is_common(words[k]) for k in parts[1:] if k not in hyphenated)
        if common and not self._role_word_before(words, i):
            return None  # as below, decided before the context is read: no role word can be adjacent
        role, role_token, credit, _ = self._context_before(table, i, people)
        if role_token is not None and role_token < i - 1 and self._names_an_institution(words, i):
            role = role_token = None  # "Rektor der Grundschule Max Muster": the school's name
        adjacent_role = (
            role_token is not None
            and self._only_markup_between(words, role_token + 1, i)
            and self._role_line_ok(table, role_token, i)
        )
        if not adjacent_role and common:
            return None  # "Paul Stadt": the second word is an ordinary word (a role vouches for "Anna Koch")
        first = words[i]
        first_known = first not in _NOT_FIRST_NAMES and self._known_first_name(first)
        if first_known and i + 2 < end and words[i + 1] == "-" and not table.spaced[i]:
            # "Hans-Jürgen" is a first name, "Baden-Baden" a place
            first_known = self.gazetteer.is_first_name(words[i + 2], _MIN_FIRST_NAME_FREQUENCY)
        if first.isupper():
            # capitals: only a contact block name that starts with a first name
            if not first_known:
                return None
        elif not (adjacent_role or credit or first_known):
            return None
        if self._is_place_name(table.span_text(i, end), first):
            return None
        last = words[parts[-1]]
        if not adjacent_role and last.endswith("s") and self._names_country_or_region(last[:-1]):
            return None  # "im Osten Frankreichs", "die Regierung Polens": a country's genitive, no surname
        if not adjacent_role and self._placed_as_town(table, i, end):
            return None  # "mit Maria Musterwörth – Österreich": a town named after a saint
        if i > 0 and words[i - 1] in _SAINTS and not adjacent_role:
            return None  # "Saint Martin de X", "St. Anton": a place or a saint, not a person
        if role is None or not adjacent_role and self._role_in_parentheses(words, end):
            role, role_token = self._role_after(table, end)
        found = _Found(i, end, role, role_token)
        found.plural = role_token is not None and plural_role(
            words[role_token], self._article_before(words, role_token)
        )
        return found

    def _names_country_or_region(self, word: str) -> bool:
        return len(word) >= 4 and any(p.label in (COUNTRY, REGION) for p in self.gazetteer.lookup(word))

    @classmethod
    def _article_before(cls, words: list[str], k: int) -> str:
        """The word before a role, past its adjectives: "die damaligen Bürgermeister" -> "die"."""
        before = cls._word_before(words, k)
        while before.islower() and before.endswith("en") and before not in ("den",) and k > 0:
            k -= 1
            while k > 0 and words[k].isspace():
                k -= 1
            before = cls._word_before(words, k)
        return before

    @staticmethod
    def _word_before(words: list[str], k: int) -> str:
        k -= 1
        while k >= 0 and words[k].isspace():
            k -= 1
        return words[k] if k >= 0 else ""

    def _surname_after_role(self, table: TokenTable, i: int, end: int, people: set[int]) -> _Found | None:
        words = table.words
        word = words[i]
        if end != i + 1 or word.isupper() or self.gazetteer.zipf(word) >= 5.0:
            return None  # a function word stays what it is
        if self._big_place(word) or word.endswith("s") and self._big_place(word[:-1]):
            return None  # "Bürgermeister Potsdams", "Oberbürgermeister München"
        role, role_token, _, _ = self._context_before(table, i, people)
        if i > 0 and words[i - 1] in _ADDRESS_WORDS and (role_token is None or role_token < i - 4):
            # "Herrn Muster", "Frau Beispiel": an address vouches for a surname; a role may follow ("als Lehrer")
            role, role_token = self._role_after(table, end)
            found = _Found(i, end, role, role_token)
            found.plural = False
            return found
        if role_token is None or role_token < i - 4:
            return None
        between = words[role_token + 1 : i]
        if any("\n" in w for w in between):
            return None
        addressed = any(w in ("Herr", "Herrn", "Frau") for w in between)
        if not all(w.isspace() or w in _titles() or (w == "," and addressed) for w in between):
            return None
        found = _Found(i, end, role, role_token)
        found.plural = False
        return found

    def _starts_another_name(self, word: str) -> bool:
        return word[:1].isupper() and self.gazetteer.is_first_name(word, _MIN_FIRST_NAME_FREQUENCY)

    def _als_role(self, words: list[str], k: int) -> int | None:
        """The role token of "als <adjectives> <role>" within the clause after a name."""
        for j in range(k, min(len(words), k + 6)):
            word = words[j]
            if word == "als":
                r = j + 1
                while r < len(words) and words[r].islower() and words[r].endswith(("e", "en", "er", "es", "em")):
                    r += 1  # "als neuen Maire", "als erster Bürgermeister"
                return r if r < len(words) and _role_of(words[r]) else None
            if not (word.isspace() or word.isalpha()) or word == "und" or self._starts_another_name(word):
                return None  # a comma, another name, a date: the clause is another's
        return None

    @staticmethod
    def _role_in_parentheses(words: list[str], end: int) -> bool:
        return end + 1 < len(words) and words[end] == "(" and _role_of(words[end + 1]) is not None

    def _role_after(self, table: TokenTable, end: int) -> tuple[str | None, int | None]:
        """ "Name, Bürgermeister der Gemeinde X", "Name, seit Januar Bürgermeister in X"."""
        words = table.words
        k = end
        while k < len(words) and words[k].isspace():
            k += 1
        als = self._als_role(words, k)
        if als is not None:
            # "X als Schulleiter", "die Wahl von X als neuen Maire", "X wurde in seinem Amt als Maire bestätigt"
            return self._with_adjective(words, als, _role_of(words[als]) or ""), als
        if self._role_in_parentheses(words, k):
            # "Max Muster (Bürgermeister der Gemeinde X)", "(Leiter der regionalen Abteilung der Region X)"
            j, role = k + 1, _role_of(words[k + 1]) or ""
            complement = _complement_end(words, j)
            closed = complement is not None and complement < len(words) and words[complement] in _COMPLEMENT_ENDS
            if complement is not None and closed:
                return role + table.text[table.ends[j] : table.ends[complement - 1]], j
            return role, j
        if k >= len(words) or words[k] != ",":
            return None, None
        for j in range(k + 1, min(len(words), k + 6)):
            word = words[j]
            role = _role_of(word)
            if role:
                following = next((w for w in words[j + 1 : j + 4] if not w.isspace()), "")
                if _is_name_token(following) and not _role_of(following):
                    return None, None  # "A, Ministerin B": the role is B's
                complement = _complement_end(words, j)
                if complement is not None and complement < len(words) and words[complement] in (",", ".", ")", "und"):
                    # "Max Muster, Vorsitzender des Partnerschaftsausschusses, sagte"
                    role += table.text[table.ends[j] : table.ends[complement - 1]]
                return self._with_adjective(words, j, role), j
            if not (word.isspace() or word.islower() or word.isdigit() or word in _vocab_months()):
                return None, None
        return None, None

    @classmethod
    def _role_word_before(cls, words: list[str], i: int) -> bool:
        """A role word before token i with only markup between: what an adjacent
        role (``_context_before`` and ``_only_markup_between``) needs at least."""
        k = i - 1
        while k >= 0 and not _role_of(words[k]) and (cls._only_markup_between(words, k, k + 1) or words[k] in _RETIRED):
            k -= 1
        return k >= 0 and _role_of(words[k]) is not None

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

    @staticmethod
    def _names_an_institution(words: list[str], i: int) -> bool:
        """The name right after a noun or an opening quote: part of an institution's name
        ("Grundschule Max Muster", "Universität „Max Muster“"), not the person a role before it names."""
        if i == 0:
            return False
        prev = words[i - 1]
        if prev in ("„", "\"", "«", "»", "“", "‚"):
            return True
        return (
            prev[:1].isupper()
            and prev.isalpha()
            and _role_of(prev) is None
            and prev not in _titles()
            and prev not in _ADDRESS_WORDS
            and prev not in _classifiers()
            and not _is_place(prev)  # "Bürgermeister von Musterstadt Max Muster"
        )

    def _known_first_name(self, word: str) -> bool:
        """A first name, unless it is mostly an ordinary word ("Will", "Ernst"); the most
        frequent first names ("Peter", "Thomas") are frequent words because they are names."""
        if not self.gazetteer.is_first_name(word, _MIN_FIRST_NAME_FREQUENCY):
            return False
        zipf = self.gazetteer.zipf(word)
        if zipf < 5.0:
            return True
        return zipf < 5.6 and self.gazetteer.is_first_name(word, 9) and word not in _vocab_months()

    def _is_common(self, word: str) -> bool:
        """An ordinary word, no surname: frequent as a word ("Stadt"), unless it is frequent
        as a first name ("Werner", "Paul" as the surname of "Pierre Werner")."""
        if _role_of(word) is not None or keyword_category(word.lower()) is not None:
            return True  # a role or a partnership word ("Partnergemeinden"), rare as a word as it may be
        zipf = self.gazetteer.zipf(word)
        as_first_name = len(word) >= 4 and zipf < 5.0 and self.gazetteer.is_first_name(word, 6)
        return zipf >= _COMMON_SURNAME_ZIPF and not as_first_name

    def _big_place(self, name: str) -> bool:
        """A town large enough that a role word before its name is its office's title."""
        return any(p.population >= 100000 or p.label != "CITY" for p in self.gazetteer.lookup(name))

    def _placed_as_town(self, table: TokenTable, i: int, end: int) -> bool:
        """A name the gazetteer knows whole as a town, where the text puts a town: after
        "mit", "in", "aus", "nach", or before its country ("X – Österreich", "X (Italien)",
        "X in Italien")."""
        if not any(p.label == "CITY" for p in self.gazetteer.lookup(table.span_text(i, end))):
            return False
        words = table.words
        if i > 0 and words[i - 1].lower() in _TOWN_BEFORE:
            return True
        k = end
        while k < len(words) and k - end < 2 and words[k] in ("-", "–", "(", ",", "in"):
            k += 1
        return k > end and k < len(words) and any(p.label == "COUNTRY" for p in self.gazetteer.lookup(words[k]))

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
                nearest = j
                # take the leftmost role of a coordinated phrase ("Direktor und Chirurg")
                k = j - 1
                while k >= 0 and (words[k] in ("und", "sowie") or _role_of(words[k])):
                    if _role_of(words[k]):
                        j, role = k, _role_of(words[k])
                    k -= 1
                if j >= 2 and words[j - 1] == "-" and words[j - 2][:1].isupper() and not table.spaced[j - 2]:
                    # "Kultur-Beigeordneter", "der VHS-Vorsitzende" -> "VHS-Vorsitzender"
                    return self._with_adjective(words, j - 2, f"{words[j - 2]}-{role}"), nearest, False, label_line
                own_line = "\n" in table.text[table.starts[j] : table.starts[i]] and self._role_line_ok(table, j, i)
                if role in _label_roles() and not (label_line or own_line):
                    return None, None, False, False  # "Kontakt" labels a contact block, not "Kontakte Peter X"
                complement = _complement_end(words, nearest)
                if (
                    complement is not None
                    and complement <= i
                    and all(w.isspace() for w in words[complement:i])  # "Präsident des X, Max Muster": only the role
                    and self._known_first_name(words[i])  # not "des Vereins Freundeskreis X"
                    # "der Grundschule Max Muster": schools, universities and foundations (feminine
                    # nouns) bear people's names; "des Landtages Max Muster" names the member
                    and words[nearest + 1] == "des"
                ):
                    # "Vorsitzender des Partnerschaftsausschusses Max Muster": the role with its body
                    written = table.text[table.starts[j] : table.ends[complement - 1]]
                    return self._with_adjective(words, j, role) + written[len(words[j]) :], complement - 1, False, False
                if _retired(words, nearest + 1):
                    # "Bürgermeister a. D. Muster": the role as written, the name right after it
                    written = "a.D." if words[nearest + 1] == "a.D." else "a. D."
                    last = nearest + (1 if written == "a.D." else 2)
                    return f"{self._with_adjective(words, j, role)} {written}", last, False, label_line
                return self._with_adjective(words, j, role), nearest, False, label_line
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
            if adjective in ("erst", "zweit") and not words[j - 1][:1].isupper():
                continue  # "der ersten Präsidentin": an ordinal; "Erster Bürgermeister": a title
            if prev.startswith(adjective) and len(prev) - len(adjective) <= 3:
                feminine = role.endswith("in") and not role.endswith("ein")
                written = adjective.capitalize() if adjective in ("erst", "zweit") else adjective
                return f"{written}{'e' if feminine else 'er'} {role}"
        if prev.startswith("stellvertret"):
            return f"{words[j - 1]} {role}"  # as written: "stellvertretene Ausschussvorsitzende"
        if prev == "der" and role.lower().endswith(_adjectival_roles()):
            return role + "r"  # "der Stadtverordnete X" -> "Stadtverordneter"
        return role

    def _share_plural_roles(self, table: TokenTable, found: list[_Found]) -> None:
        """ "die Stadträtinnen und Stadträte A, B und C", "die Bürgermeister A (X) und B (Y)",
        "die Landräte A aus X und B aus Y": each name of the list takes the role, in the form
        that fits its first name."""
        words = table.words
        for previous, hit in zip(found, found[1:], strict=False):
            if (
                previous.plural
                and previous.role
                and hit.role is None
                and self._listed(words, previous.end, hit.start)
            ):
                hit.role, hit.role_token, hit.plural = previous.role, previous.role_token, True
        for hit in found:
            if hit.plural and hit.role:
                hit.role = self._gendered(hit.role, words[hit.start])

    @staticmethod
    def _listed(words: list[str], start: int, end: int) -> bool:
        """Only commas, "und", white space, parenthesised remarks and where the first is from
        ("aus dem Landkreis X", "von X") between two names."""
        depth = 0
        origin = False  # inside "aus ...": names and their particles until "und" or a comma
        for word in words[start:end]:
            if word == "(":
                depth += 1
            elif word == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and not (word.isspace() or word in (",", "und", "sowie")):
                if word in ("aus", "von") and not origin:
                    origin = True
                elif not (origin and (word[:1].isupper() or word in _ORIGIN_LINKS)):
                    return False
            elif word in (",", "und", "sowie"):
                origin = False
        return True

    def _gendered(self, role: str, first_name: str) -> str:
        """A role named for several people, in the form of one of them: "Stadtrat" or "Stadträtin"."""
        female = self.gazetteer.is_female_name(first_name.split("-")[0])
        feminine = role.endswith("in") and not role.endswith("ein")
        if female and not feminine:
            if role.endswith("rat"):
                return role[:-3] + "rätin"
            return role + "in" if role.endswith(("er", "ent", "or", "eur", "ant")) else role
        if not female and feminine:
            base = role[:-2]
            return base[:-3] + "rat" if base.endswith("rät") else base
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
