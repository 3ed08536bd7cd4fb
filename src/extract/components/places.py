"""CITY, REGION and COUNTRY recognition from the gazetteer, with context rules.

Candidates are the longest token sequences that the gazetteer knows, tried at
every capitalised token (inner particles such as "am", "de", "sur", "v." and a
final parenthesis as in "Frankfurt (Oder)" allowed; a genitive "s"/"es" is
stripped when the inflected form is unknown). Around that lookup:

* common words: a name that is also a frequent German word ("Ende",
  "Treffen") needs context: a place preposition or city word before it, a
  country in parentheses after it, a list item, or a very large population;
* administrative words make regions: "Landkreis Harz", "Powiat (Landkreis) X",
  "Departement Nord", and a known region after "Land"/"Region";
* city words vouch for names the gazetteer lacks: "Gemeinde Arnoldsweiler";
* list items under a country ("- Frankreich, Villars", "- Lisses") are places;
* compass prefixes make regions of countries ("West-Ukraine", "Ostpolens");
* names inside a compound that honours a person ("Leopold-Hoesch-Museum") and
  inside URLs or e-mail addresses are no places;
* the same name naming several places is resolved by a country named nearby,
  then by population.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..gazetteer import CITY, COUNTRY, REGION, Gazetteer, Place, load_gazetteer
from ..lexicon import load_lexicon
from ..text import fold_name
from .extensions import add_entities

_INNER = {
    "am", "an", "der", "die", "den", "dem", "im", "in", "de", "du", "des", "la", "le", "les",
    "sur", "sous", "en", "el", "del", "di", "da", "do", "dos", "v.", "d.", "v", "d", "ob",
    "bei", "upon", "on", "-", "(", ")", "'", "’", "/", "St.", "Sankt", "y", "i", "e",
}
_MAX_TOKENS = 8
_COUNTRY_WINDOW = 14  # tokens either side in which a named country steers resolution
_BIG_REGION_CITY = 10000  # a city this large beats a region of the same name


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    place: Place | None
    score: int = 0


@lru_cache(maxsize=1)
def _vocab() -> dict[str, set[str] | float | int]:
    lex = load_lexicon()["places"]
    return {
        "region": set(lex["region_words"]),
        "weak_region": set(lex["weak_region_words"]),
        "city": set(lex["city_words"]),
        "prep": set(lex["place_prepositions"]),
        "compass": set(lex["compass_prefixes"]),
        "zipf": float(lex["common_word_zipf"]),
        "big": int(lex["common_word_min_population"]),
    }


def _starts_name(token: Token) -> bool:
    ch = token.text[:1]
    return bool(ch) and (ch.isupper() or "\u4e00" <= ch <= "\u9fff")


def _is_url_like(token: Token) -> bool:
    return token.like_url or token.like_email or "@" in token.text or "www" in token.lower_


@Language.factory(
    "twinning_places",
    default_config={"min_population": 1},
)
class PlaceRecognizer:
    """Marks CITY/REGION/COUNTRY spans; ``span._.place`` holds the resolved Place."""

    def __init__(self, nlp: Language, name: str, min_population: int) -> None:
        self.name = name
        self.min_population = min_population
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        blocked = self._blocked_tokens(doc)
        list_line = self._list_line_tokens(doc)
        spans: list[Span] = []
        i = 0
        while i < len(doc):
            cand = None if blocked[i] else self._candidate_at(doc, i, blocked, list_line)
            if cand is None:
                i += 1
                continue
            span = Span(doc, cand.start, cand.end, label=cand.label)
            span._.place = cand.place
            spans.append(span)
            i = cand.end
        spans = self._remember_names(doc, spans, blocked)
        self._resolve(doc, spans)
        add_entities(doc, "places", spans)
        return doc

    # -- where places cannot be ------------------------------------------------
    def _blocked_tokens(self, doc: Doc) -> list[bool]:
        blocked = [False] * len(doc)
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                blocked[k] = True
        for tok in doc:
            if _is_url_like(tok):
                blocked[tok.i] = True
        # hyphen compounds that honour a person: "Leopold-Hoesch-Museum"
        i = 0
        while i < len(doc):
            j = i
            while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
                j += 2
            if j > i:
                parts = [doc[k] for k in range(i, j + 1, 2)]
                honours = any(self.gazetteer.is_first_name(p.text) and p.text not in self.gazetteer for p in parts[:-1])
                if honours:
                    for k in range(i, j + 1):
                        blocked[k] = True
            i = j + 1
        return blocked

    @staticmethod
    def _list_line_tokens(doc: Doc) -> list[bool]:
        """Tokens on a list-item line ("- X", "* X", "• X")."""
        flags = [False] * len(doc)
        text = doc.text
        for tok in doc:
            line_start = text.rfind("\n", 0, tok.idx) + 1
            head = text[line_start : line_start + 3].lstrip()
            flags[tok.i] = head[:1] in ("-", "•", "–") and head[1:2] == " "
        return flags

    # -- candidates at one token ---------------------------------------------------
    def _candidate_at(self, doc: Doc, i: int, blocked: list[bool], list_line: list[bool]) -> _Candidate | None:
        tok = doc[i]
        vocab = _vocab()
        if tok.text in vocab["region"] or tok.text in vocab["weak_region"]:
            region = self._admin_region(doc, i, blocked)
            if region:
                return region
        if not _starts_name(tok) or tok.text in vocab["city"]:
            return None
        compass = self._compass_region(doc, i)
        if list_line[i] and self._list_item_is_place(doc, i):
            item = self._list_item(doc, i, blocked)
            if item is not None:
                return item
        if compass:
            return compass
        for end in range(min(len(doc), i + _MAX_TOKENS), i, -1):
            if any(blocked[i:end]) or not self._plausible_end(doc, i, end):
                continue
            text = doc[i:end].text
            places = self.gazetteer.lookup(text)
            looked_up = text
            if not places and len(doc[end - 1].text) >= 5 and doc[end - 1].text.endswith("s"):
                for looked_up in (text[:-2], text[:-1]) if text.endswith("es") else (text[:-1],):
                    places = self.gazetteer.lookup(looked_up)
                    if places:
                        break
            if not places:
                continue
            if not self._accept(doc, i, end, places, list_line, looked_up):
                continue
            label = self._label(doc, i, places)
            return _Candidate(i, end, label, None)
        return self._unknown_named_place(doc, i, blocked, list_line)

    def _plausible_end(self, doc: Doc, start: int, end: int) -> bool:
        last = doc[end - 1]
        if not (last.text[-1:].isalnum() or last.text == ")"):
            return False
        if end - start == 1:
            return len(last.text) >= 2 and not (last.is_upper and len(last.text) <= 2)
        if last.text == ")":
            return "(" in [t.text for t in doc[start:end]]
        if not _starts_name(last):
            return False
        span_text = doc[start:end].text
        if "\n" in span_text:
            return False
        return all(t.text in _INNER or _starts_name(t) for t in doc[start:end])

    def _accept(
        self, doc: Doc, i: int, end: int, places: list[Place], list_line: list[bool], looked_up: str
    ) -> bool:
        vocab = _vocab()
        words = [t for t in doc[i:end] if _starts_name(t)]
        if len(words) == 1:
            word = words[0].text
            if word.isupper() and not list_line[i]:
                return False  # capitals outside lists are acronyms or shouting
            if any(p.label == COUNTRY for p in places):
                return True
            zipf = max(self.gazetteer.zipf(word), self.gazetteer.zipf(looked_up))
            # a very large place may be named by a frequent word ("Rom"), but not by a
            # transliteration that happens to be a German word ("Dabei" for Dubai)
            famous = any(
                p.population >= vocab["big"] and (zipf < 5.0 or fold_name(p.name) == fold_name(looked_up))
                for p in places
            )
            if zipf >= vocab["zipf"] and not famous and not self._has_context(doc, i, end, list_line):
                return False
            only_cities = all(p.label == CITY for p in places)  # regions carry no population
            biggest = max(p.population for p in places)
            if only_cities and biggest < self.min_population and not self._has_context(doc, i, end, list_line):
                return False
        return True

    def _has_context(self, doc: Doc, i: int, end: int, list_line: list[bool]) -> bool:
        vocab = _vocab()
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and (prev.lower_ in vocab["prep"] or prev.text in vocab["city"]):
            return True
        if list_line[i]:
            return True
        after = doc[end : end + 3]
        if len(after) >= 2 and after[0].text == "(":
            inner = self.gazetteer.lookup(after[1].text)
            return any(p.label == COUNTRY for p in inner)
        return False

    def _label(self, doc: Doc, i: int, places: list[Place]) -> str:
        labels = {p.label for p in places}
        if COUNTRY in labels:
            return COUNTRY
        if REGION in labels:
            biggest_city = max((p.population for p in places if p.label == CITY), default=0)
            if biggest_city < _BIG_REGION_CITY:
                return REGION
        return CITY

    # -- administrative and compass regions ---------------------------------------
    def _admin_region(self, doc: Doc, i: int, blocked: list[bool]) -> _Candidate | None:
        vocab = _vocab()
        weak = doc[i].text in vocab["weak_region"]
        j = i + 1
        # "Powiat (Landkreis) Konecki": a translation in parentheses
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 1].text in vocab["region"] and doc[j + 2].text == ")":
            j += 3
        if j >= len(doc) or blocked[j] or not _starts_name(doc[j]):
            return None
        # the longest known name after the word, else capitalised words
        for end in range(min(len(doc), j + _MAX_TOKENS), j, -1):
            if any(blocked[j:end]) or not self._plausible_end(doc, j, end):
                continue
            name = doc[j:end].text
            places = self.gazetteer.lookup(name)
            if places and (not weak or any(p.label == REGION for p in places)):
                return _Candidate(i, end, REGION, None)
        if weak:
            return None
        end = j
        while end < len(doc) and _starts_name(doc[end]) and not blocked[end] and end - j < 3:
            if doc[end].text in vocab["city"] or doc[end].text in vocab["region"]:
                break
            end += 1
            if doc[end - 1].whitespace_ != " ":
                if end < len(doc) and doc[end].text == "-" and not doc[end].whitespace_:
                    end += 1
                    continue
                break
        # the administrative word is context enough, except for the most common words
        if end == j or self.gazetteer.zipf(doc[j].text) >= 5.0:
            return None
        return _Candidate(i, end, REGION, None)

    def _compass_region(self, doc: Doc, i: int) -> _Candidate | None:
        vocab = _vocab()
        tok = doc[i]
        # "West-Ukraine"
        if tok.text in vocab["compass"] and i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_:
            rest = doc[i + 2].text
            if any(p.label == COUNTRY for p in self.gazetteer.lookup(rest)):
                return _Candidate(i, i + 3, REGION, None)
        # "Ostpolens"
        for prefix in vocab["compass"]:
            if tok.text.startswith(prefix) and len(tok.text) > len(prefix) + 3:
                rest = tok.text[len(prefix) :]
                rest = rest[0].upper() + rest[1:]
                for form in (rest, rest[:-1], rest[:-2]):
                    if any(p.label == COUNTRY for p in self.gazetteer.lookup(form)):
                        return _Candidate(i, i + 1, REGION, None)
        return None

    def _unknown_named_place(self, doc: Doc, i: int, blocked: list[bool], list_line: list[bool]) -> _Candidate | None:
        """A capitalised name the gazetteer lacks, vouched for by a city word
        before it or by a list of places."""
        vocab = _vocab()
        tok = doc[i]
        if tok.text in vocab["city"] or tok.text in vocab["region"] or tok.is_upper and len(tok) < 3:
            return None
        prev = doc[i - 1] if i > 0 else None
        by_city_word = prev is not None and prev.text in vocab["city"]
        by_list = list_line[i] and self._list_item_is_place(doc, i)
        if not (by_city_word or by_list):
            return None
        if self.gazetteer.zipf(tok.text) >= vocab["zipf"] or self.gazetteer.is_first_name(tok.text) and not by_list:
            return None
        end = i + 1
        limit = len(doc) if by_list else i + 3
        while end < min(limit, len(doc)) and not blocked[end] and "\n" not in doc[end - 1].whitespace_:
            nxt = doc[end]
            if "\n" in nxt.text or nxt.text in (",", "(", ":", ";", "/") or not (_starts_name(nxt) or nxt.text in _INNER):
                break
            end += 1
        while end > i + 1 and not _starts_name(doc[end - 1]):
            end -= 1
        if not by_list:
            # after a city word, one word, or "X am Y" / "X an der Y", or an unknown word
            # before a known one ("Stadt Karadeniz Ereğli")
            end = i + 1
            if (
                end < len(doc)
                and tok.whitespace_ == " "
                and _starts_name(doc[end])
                and not blocked[end]
                and doc[end].text in self.gazetteer
                and self.gazetteer.zipf(doc[end].text) < vocab["zipf"]
            ):
                return _Candidate(i, end + 1, CITY, None)
            for link in (("am",), ("an", "der")):
                k = end + len(link)
                if k < len(doc) and tuple(t.text for t in doc[end:k]) == link and _starts_name(doc[k]):
                    end = k + 1
                    break
        return _Candidate(i, end, CITY, None)

    def _list_item(self, doc: Doc, i: int, blocked: list[bool]) -> _Candidate | None:
        """A list item's whole name ("Veltheim AG", "Les Grandes Vente"), up to a
        comma, parenthesis, slash or the line end, when it is a short run of names."""
        end = i
        while end < len(doc) and not blocked[end] and end - i < 5:
            tok = doc[end]
            if tok.is_space or tok.text in (",", "(", "/", ":", ";") or "\n" in tok.text:
                break
            if not (_starts_name(tok) or tok.text in _INNER):
                return None
            end += 1
            if "\n" in tok.whitespace_:
                break
        while end > i and not _starts_name(doc[end - 1]):
            end -= 1
        if end == i or (end - i == 1 and self.gazetteer.zipf(doc[i].text) >= _vocab()["zipf"]):
            return None
        if any(p.label == COUNTRY for p in self.gazetteer.lookup(doc[i:end].text)):
            return _Candidate(i, end, COUNTRY, None)
        if end - i == 1 and doc[i:end].text not in self.gazetteer:
            return None  # a single unknown word: left to the city-word rule
        return _Candidate(i, end, CITY, None)

    def _list_item_is_place(self, doc: Doc, i: int) -> bool:
        """In a list item, a name right after the dash or after "Country," is a place."""
        prev = doc[i - 1] if i > 0 else None
        if prev is None:
            return False
        if prev.text in ("-", "•", "–") and (i < 2 or "\n" in doc[i - 2].text or doc[i - 2].i == 0):
            return True
        if prev.text == "," and i >= 2:
            return any(p.label == COUNTRY for p in self.gazetteer.lookup(doc[i - 2].text))
        if prev.text == "/" and i >= 2:
            return True
        return False

    def _remember_names(self, doc: Doc, spans: list[Span], blocked: list[bool]) -> list[Span]:
        """One name, one reading per document: a multi-word city name found in a
        clear context is marked wherever the same words recur."""
        names = {s.text for s in spans if s.label_ == CITY and len(s) > 1 and s.text not in self.gazetteer}
        if not names:
            return spans
        starts = {s.start: s for s in spans}
        extra: list[Span] = []
        for tok in doc:
            for name in names:
                if doc.text.startswith(name, tok.idx) and tok.i not in starts:
                    span = doc.char_span(tok.idx, tok.idx + len(name), label=CITY)
                    if span is not None and not any(blocked[span.start : span.end]):
                        extra.append(span)
        if not extra:
            return spans
        kept = [s for s in spans if not any(e.start < s.end and s.start < e.end for e in extra)]
        return sorted(kept + extra, key=lambda s: s.start)

    # -- resolution ------------------------------------------------------------
    def _resolve(self, doc: Doc, spans: list[Span]) -> None:
        countries = [(s.start, self._country_of(s)) for s in spans if s.label_ == COUNTRY]
        for span in spans:
            candidates = self._lookup_span(span)
            wanted = [p for p in candidates if p.label == span.label_] or candidates
            if not wanted:
                continue
            nearby = {
                code
                for pos, code in countries
                if code and abs(pos - span.start) <= _COUNTRY_WINDOW and pos != span.start
            }
            adjacent = {code for pos, code in countries if code and 0 < pos - span.end <= 2 or 0 < span.start - pos <= 2}
            in_context = [p for p in wanted if p.country in nearby]
            pool = in_context or wanted
            if span.label_ == CITY and adjacent and not any(p.country in adjacent for p in wanted):
                pool = []  # "X (Land)": the text puts it elsewhere than any gazetteer entry
            if pool:
                span._.place = max(pool, key=lambda p: (p.population, -(p.geonames_id or 0)))

    def _lookup_span(self, span: Span) -> list[Place]:
        vocab = _vocab()
        words = list(span)
        # drop administrative words: "Landkreis Harz" -> "Harz"
        while words and (words[0].text in vocab["region"] or words[0].text in vocab["weak_region"] or words[0].text in "()"):
            words = words[1:]
        if not words:
            return []
        text = span.doc[words[0].i : span.end].text
        found = self.gazetteer.lookup(text)
        if not found and len(words) > 1 and span.label_ == CITY:
            found = self.gazetteer.lookup(words[-1].text)
        if not found and text.endswith("s"):
            found = self.gazetteer.lookup(text[:-2] if text.endswith("es") else text[:-1]) or self.gazetteer.lookup(text[:-1])
        return found

    def _country_of(self, span: Span) -> str | None:
        places = [p for p in self._lookup_span(span) if p.label == COUNTRY]
        return max(places, key=lambda p: p.population).country if places else None
