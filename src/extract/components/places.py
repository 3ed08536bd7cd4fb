"""CITY, REGION and COUNTRY recognition from the gazetteer, with context rules.

Candidates are the longest token sequences the gazetteer knows, tried at every
capitalised token (inner particles such as "am", "de", "sur", "v." allowed; a
genitive "s"/"es" stripped when only the stem is known; an OCR "l" for "I"
tried when nothing else is). Around that lookup:

* Common words. GeoNames has villages called "Zentrum", "Osten", "Gassen".
  A single-word name is judged by its frequency as a German word (wordfreq):
  rare words are places; common ones need context (a place preposition, a
  conjunction after another place); very common ones need strong context (a
  city word before it, a country in parentheses after it, a list item) or the
  same name confirmed so elsewhere in the document (one reading per document).
  A determiner before a single word ("die Gassen", "im Zentrum") makes it a
  noun; a company form after it ("Leoni AG") a company.
* Administrative words make regions: "Landkreis Harz", "Powiat (Landkreis) X",
  "Departement Nord"; after "Land"/"Region" only a known region (or an unknown
  hyphenated name after "Region"). After a plural ("Kreisen X und Y") each
  coordinated name is a region, without the word.
* City words vouch for names the gazetteer lacks ("Gemeinde Arnoldsweiler"),
  and such a name is then marked wherever it recurs.
* List items under a country ("- Frankreich, Villars", "- Lisses") are places.
* Compass words: "West-Ukraine", "Ostpolens" are regions; "Huckarde-Nord" a city.
* Names in a compound honouring a person ("Leopold-Hoesch-Museum") and in URLs
  or e-mail addresses are no places.
* The same name naming several places is resolved by a country named right
  next to it or nearby, then by population.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..gazetteer import CITY, COUNTRY, REGION, Place
from ..lexicon import load_lexicon
from ..text import fold_name
from .extensions import UsesGazetteer, add_entities, doc_text

_INNER = {
    "am",
    "an",
    "der",
    "die",
    "den",
    "dem",
    "im",
    "in",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "sur",
    "sous",
    "en",
    "el",
    "del",
    "di",
    "da",
    "do",
    "dos",
    "v.",
    "d.",
    "v",
    "d",
    "ob",
    "upon",
    "on",
    "-",
    "'",
    "’",
    "St.",
    "Sankt",
    "y",
    "i",
    "e",
    "et",
    "lès",
    "lez",
    "aux",
    "près",
}
_ELIDED = re.compile(r"^[dl]['’][A-ZÀ-Ý]")  # "d'Auge", "l'Isle"
_MAX_TOKENS = 8
_COUNTRY_WINDOW = 14  # tokens either side in which a named country steers resolution
_BIG_REGION_CITY = 10000  # a city this large beats a region of the same name
_COMPASS_SUFFIXES = {"Nord", "Süd", "Ost", "West", "Mitte", "Zentrum"}
_CONJUNCTIONS = {"und", "oder", "sowie", ",", "bzw."}

ACCEPT, REJECT, PENDING = "accept", "reject", "pending"


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    confirms: bool = False  # found in a context that vouches for the name
    key: str = ""  # folded name as looked up ("Dortmunds" -> "dortmund")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    lex = load_lexicon()
    places = lex["places"]
    return {
        "region": set(places["region_words"]),
        "weak_region": set(places["weak_region_words"]),
        "plural_region": set(places["plural_region_words"]),
        "city": set(places["city_words"]),
        "prep": set(places["place_prepositions"]),
        "determiners": set(places["determiners"]),
        "company": set(places["company_suffixes"]),
        "compass": set(places["compass_prefixes"]),
        "months": set(lex["dates"]["months"]),
        "organisation": set(lex["partnerships"]["organisation_words"]),
        "zipf": float(places["common_word_zipf"]),
        "very_common": float(places["very_common_word_zipf"]),
        "big": int(places["common_word_min_population"]),
        "town": int(places["town_population"]),
        "town_zipf": float(places["town_max_zipf"]),
    }


def _starts_name(token: Token) -> bool:
    ch = token.text[:1]
    return bool(ch) and (ch.isupper() or "\u4e00" <= ch <= "\u9fff")


def _is_url_like(token: Token) -> bool:
    return token.like_url or token.like_email or "@" in token.text or "www" in token.lower_


@Language.factory("twinning_places", default_config={"min_population": 1})
class PlaceRecognizer(UsesGazetteer):
    """Marks CITY/REGION/COUNTRY spans; ``span._.place`` holds the resolved Place.

    ``min_population``: a rare single word that the gazetteer knows only as a
    smaller place than this needs context (GeoNames lists hamlets of 0).
    """

    def __init__(self, nlp: Language, name: str, min_population: int) -> None:
        self.name = name
        self.min_population = min_population

    def __call__(self, doc: Doc) -> Doc:
        blocked = self._blocked_tokens(doc)
        list_line = self._list_line_tokens(doc)
        accepted: list[_Candidate] = []
        pending: list[_Candidate] = []
        confirmed: set[str] = set()
        i = 0
        while i < len(doc):
            found = None if blocked[i] else self._candidate_at(doc, i, blocked, list_line, accepted)
            if found is None:
                i += 1
                continue
            verdict, cand = found
            if verdict == PENDING:
                pending.append(cand)
                i += 1
                continue
            accepted.append(cand)
            if cand.confirms:
                confirmed.add(cand.key or fold_name(doc[cand.start : cand.end].text))
            i = cand.end
        taken = {k for c in accepted for k in range(c.start, c.end)}
        for cand in pending:  # one reading per document
            if (cand.key or fold_name(doc[cand.start : cand.end].text)) in confirmed and not taken & set(
                range(cand.start, cand.end)
            ):
                accepted.append(cand)
        spans = [Span(doc, c.start, c.end, label=c.label) for c in sorted(accepted, key=lambda c: c.start)]
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
                # a first name, then a common noun at the end: "Heinrich-Heine-Gymnasium"
                honours = any(self.gazetteer.is_first_name(p.text, 3) for p in parts[:-1]) and (
                    self.gazetteer.zipf(parts[-1].text) >= _vocab()["zipf"]
                )
                if honours and doc[i : j + 1].text not in self.gazetteer:
                    for k in range(i, j + 1):
                        blocked[k] = True
            i = j + 1
        return blocked

    @staticmethod
    def _list_line_tokens(doc: Doc) -> list[bool]:
        """Tokens on a list-item line ("- X", "* X", "• X")."""
        flags = [False] * len(doc)
        text = doc_text(doc)
        for tok in doc:
            line_start = text.rfind("\n", 0, tok.idx) + 1
            head = text[line_start : line_start + 3].lstrip()
            flags[tok.i] = head[:1] in ("-", "•", "–") and head[1:2] == " "
        return flags

    # -- candidates at one token ---------------------------------------------------
    def _candidate_at(
        self, doc: Doc, i: int, blocked: list[bool], list_line: list[bool], accepted: list[_Candidate]
    ) -> tuple[str, _Candidate] | None:
        tok = doc[i]
        vocab = _vocab()
        if tok.text in vocab["region"] or tok.text in vocab["weak_region"]:
            region = self._admin_region(doc, i, blocked)
            if region:
                return ACCEPT, region
        ocr = self._ocr_form(tok)
        if not (_starts_name(tok) or ocr) or tok.text in vocab["city"] or tok.text in vocab["months"]:
            return None
        compass = self._compass_region(doc, i)
        if compass:
            return ACCEPT, compass
        if list_line[i] and self._list_item_is_place(doc, i):
            item = self._list_item(doc, i, blocked)
            if item is not None:
                return ACCEPT, item
        if not self._may_start_place(tok.text):
            unknown = self._unknown_named_place(doc, i, blocked, list_line)
            return (ACCEPT, unknown) if unknown else None
        for end in range(min(len(doc), i + _MAX_TOKENS), i, -1):
            if any(blocked[i:end]) or not self._plausible_end(doc, i, end):
                continue
            text = doc[i:end].text
            places, looked_up = self._lookup_with_variants(text)
            if not places:
                continue
            label = self._label(doc, i, places)
            end = self._extend(doc, end, label)
            verdict, confirms = self._judge(doc, i, end, places, list_line, looked_up, accepted, label)
            if verdict == REJECT:
                return None
            return verdict, _Candidate(i, end, label, confirms, fold_name(looked_up))
        unknown = self._unknown_named_place(doc, i, blocked, list_line)
        return (ACCEPT, unknown) if unknown else None

    def _may_start_place(self, word: str) -> bool:
        """Some gazetteer name starts with this word, its genitive stem or its OCR form."""
        gazetteer = self.gazetteer
        forms = [word]
        if word.endswith("s"):
            forms += [word[:-1], word[:-2]]
        if word[:1] in "lL":
            forms.append("I" + word[1:])
        return any(gazetteer.may_start_name(form) for form in forms if form)

    def _lookup_with_variants(self, text: str) -> tuple[list[Place], str]:
        """Places for ``text``, else for its genitive stem, else for an OCR "l"->"I" form."""
        places = self.gazetteer.lookup(text)
        if places:
            return places, text
        if len(text) >= 5 and text.endswith("s") and not text.endswith("ss"):
            for stem in (text[:-2], text[:-1]) if text.endswith("es") else (text[:-1],):
                places = self.gazetteer.lookup(stem)
                if places:
                    return places, stem
        if text[:1] in "lL" and self.gazetteer.zipf(text) == 0:
            variant = "I" + text[1:]
            places = self.gazetteer.lookup(variant)
            if places:
                return places, variant
        return [], text

    def _ocr_form(self, tok: Token) -> bool:
        """A lower-case "l" that OCR made of an "I" ("lași" for "Iași")."""
        text = tok.text
        return (
            len(text) >= 3
            and text[0] == "l"
            and not text.isascii()
            and self.gazetteer.zipf(text) == 0
            and ("I" + text[1:]) in self.gazetteer
        )

    def _plausible_end(self, doc: Doc, start: int, end: int) -> bool:
        last = doc[end - 1]
        if not last.text[-1:].isalnum():
            return False
        if end - start == 1:
            return len(last.text) >= 2 and not (last.is_upper and len(last.text) <= 2)
        if not (_starts_name(last) or _ELIDED.match(last.text)):
            return False
        if "\n" in doc[start:end].text:
            return False
        return all(t.text in _INNER or _starts_name(t) or _ELIDED.match(t.text) for t in doc[start:end])

    def _extend(self, doc: Doc, end: int, label: str) -> int:
        """Official name parts after a city: "Huckarde-Nord", "Blankenburg (Harz)"."""
        if label != CITY or end + 1 >= len(doc):
            return end
        if doc[end].text == "-" and not doc[end - 1].whitespace_ and doc[end + 1].text in _COMPASS_SUFFIXES:
            return end + 2
        if doc[end].text == "(" and end + 2 < len(doc) and doc[end + 2].text.startswith(")"):
            inner = doc[end + 1]
            # a qualifier, not a country or another known city: "(Harz)" but not "(Frankreich)", "(Lemberg)"
            known = any(p.label in (COUNTRY, CITY) for p in self.gazetteer.lookup(inner.text))
            if _starts_name(inner) and not known and inner.text not in _vocab()["city"] and doc[end + 2].text == ")":
                return end + 3
        return end

    def _judge(
        self,
        doc: Doc,
        i: int,
        end: int,
        places: list[Place],
        list_line: list[bool],
        looked_up: str,
        accepted: list[_Candidate],
        label: str,
    ) -> tuple[str, bool]:
        """(verdict, whether the context confirms the name for the whole document)."""
        vocab = _vocab()
        words = [t for t in doc[i:end] if _starts_name(t)]
        strong = self._strong_context(doc, i, end, list_line) or self._alias_in_parentheses(doc, i, end, accepted)
        if len(words) > 1:
            # "Im Zentrum", "Am Ende": a sentence-initial article before a common word
            opener = doc[i].lower_
            rest = doc[i + 1 : end].text
            if (opener in vocab["determiners"] or opener in vocab["prep"]) and self.gazetteer.zipf(rest) >= vocab[
                "zipf"
            ]:
                return REJECT, False
            return ACCEPT, True
        word = words[0].text if words else doc[i].text
        labels = {p.label for p in places}
        if word.isupper() and not list_line[i]:
            return REJECT, False  # capitals outside lists are acronyms or shouting
        if COUNTRY in labels:
            return ACCEPT, True
        if strong:
            return ACCEPT, True
        if end < len(doc) and doc[end].text in vocab["company"] and not list_line[i]:
            return REJECT, False
        zipf = max(self.gazetteer.zipf(word), self.gazetteer.zipf(looked_up))
        prev = doc[i - 1].lower_ if i else ""
        if doc[i].lower_ in vocab["organisation"]:
            return REJECT, False  # "Collège", "Lycée": an institution
        if label == REGION:
            if zipf < vocab["very_common"] or prev in vocab["prep"]:
                return ACCEPT, False
            return PENDING, False
        if prev in vocab["determiners"] and zipf >= vocab["zipf"]:
            return REJECT, False  # "die Gassen", "im Zentrum": a noun
        # a place whose size outweighs the word's frequency: "Dortmund" (588k, zipf 4.7)
        # but not "Norden" (25k, zipf 4.7) or "Essen" (583k, zipf 5.3)
        famous = any(
            p.population >= vocab["big"]
            and (zipf < 5.0 or fold_name(p.name) == fold_name(looked_up))
            or p.population >= 10 ** (zipf + 1)
            for p in places
        )
        if famous:
            return ACCEPT, True
        weak = prev in vocab["prep"] or self._after_place_conjunction(doc, i, accepted)
        if zipf < vocab["zipf"]:
            if max(p.population for p in places) >= self.min_population or weak:
                return ACCEPT, False
            return PENDING, False
        if zipf < vocab["very_common"] and weak:
            return ACCEPT, True
        if zipf < vocab["town_zipf"] and max(p.population for p in places) >= vocab["town"]:
            return ACCEPT, False  # "Herne", "Chur": rare as words, and real towns
        return PENDING, False

    def _strong_context(self, doc: Doc, i: int, end: int, list_line: list[bool]) -> bool:
        vocab = _vocab()
        if i > 0 and doc[i - 1].text in vocab["city"]:
            return True
        if list_line[i]:
            return True
        after = doc[end : end + 3]
        # "Cabourg (Frankreich)", "Leeds, England"
        if len(after) >= 2 and after[0].text in ("(", ","):
            return any(p.label == COUNTRY for p in self.gazetteer.lookup(after[1].text))
        return False

    @staticmethod
    def _alias_in_parentheses(doc: Doc, i: int, end: int, accepted: list[_Candidate]) -> bool:
        """ "Lwiw (Lemberg)": another name of the place just before."""
        return (
            i >= 2
            and doc[i - 1].text == "("
            and end < len(doc)
            and doc[end].text == ")"
            and bool(accepted)
            and accepted[-1].end == i - 1
        )

    @staticmethod
    def _after_place_conjunction(doc: Doc, i: int, accepted: list[_Candidate]) -> bool:
        """ "Bochum und Gelsenkirchen", "Lille, Lens": a name coordinated with a place."""
        if i < 2 or doc[i - 1].text not in _CONJUNCTIONS:
            return False
        return bool(accepted) and accepted[-1].end == i - 1

    def _label(self, doc: Doc, i: int, places: list[Place]) -> str:
        labels = {p.label for p in places}
        if COUNTRY in labels:
            return COUNTRY
        if self._after_plural_region_word(doc, i):
            return REGION
        if REGION in labels:
            biggest_city = max((p.population for p in places if p.label == CITY), default=0)
            if biggest_city < _BIG_REGION_CITY:
                return REGION
        return CITY

    @staticmethod
    def _after_plural_region_word(doc: Doc, i: int) -> bool:
        """In "Kreisen X und Y" or "Kreise A, B und C": after a plural admin word."""
        plural = _vocab()["plural_region"]
        j = i - 1
        while j >= 0 and i - j <= 12:
            text = doc[j].text
            if text in plural:
                return True
            if not (text in _CONJUNCTIONS or text == "-" or _starts_name(doc[j])):
                return False
            j -= 1
        return False

    # -- administrative and compass regions ---------------------------------------
    def _admin_region(self, doc: Doc, i: int, blocked: list[bool]) -> _Candidate | None:
        vocab = _vocab()
        weak = doc[i].text in vocab["weak_region"]
        j = i + 1
        # "Powiat (Landkreis) Nowotarski": a translation in parentheses
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 1].text in vocab["region"] and doc[j + 2].text == ")":
            j += 3
        if j >= len(doc) or blocked[j] or not (_starts_name(doc[j]) or self._ocr_form(doc[j])):
            return None
        # the longest known name after the word, else capitalised words
        for end in range(min(len(doc), j + _MAX_TOKENS), j, -1):
            if any(blocked[j:end]) or not (self._plausible_end(doc, j, end) or end == j + 1):
                continue
            places, _ = self._lookup_with_variants(doc[j:end].text)
            if places and (not weak or any(p.label == REGION for p in places)):
                return _Candidate(i, end, REGION, True)
        end = j
        while (
            end < len(doc) and (_starts_name(doc[end]) or self._ocr_form(doc[end])) and not blocked[end] and end - j < 3
        ):
            if doc[end].text in vocab["city"] or doc[end].text in vocab["region"]:
                break
            end += 1
            if doc[end - 1].whitespace_ != " ":
                if end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_:
                    end += 1
                    continue
                break
        if end == j:
            return None
        hyphenated = any(t.text == "-" for t in doc[j:end])
        if weak and not (doc[i].text == "Region" and hyphenated and self.gazetteer.zipf(doc[j].text) < vocab["zipf"]):
            return None
        # the administrative word is context enough, except for the most common words
        if self.gazetteer.zipf(doc[j].text) >= 5.0:
            return None
        return _Candidate(i, end, REGION, True)

    def _compass_region(self, doc: Doc, i: int) -> _Candidate | None:
        vocab = _vocab()
        tok = doc[i]
        # "West-Ukraine"
        if tok.text in vocab["compass"] and i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_:
            rest = doc[i + 2].text
            if any(p.label == COUNTRY for p in self.gazetteer.lookup(rest)):
                return _Candidate(i, i + 3, REGION, True)
        # "Ostpolens"
        for prefix in vocab["compass"]:
            if tok.text.startswith(prefix) and len(tok.text) > len(prefix) + 3:
                rest = tok.text[len(prefix) :]
                rest = rest[0].upper() + rest[1:]
                for form in (rest, rest[:-1], rest[:-2]):
                    if any(p.label == COUNTRY for p in self.gazetteer.lookup(form)):
                        return _Candidate(i, i + 1, REGION, True)
        return None

    def _unknown_named_place(self, doc: Doc, i: int, blocked: list[bool], list_line: list[bool]) -> _Candidate | None:
        """A capitalised name the gazetteer lacks, vouched for by a city word
        before it or by a list of places."""
        vocab = _vocab()
        tok = doc[i]
        if tok.text in vocab["city"] or tok.text in vocab["region"] or (tok.is_upper and len(tok) < 3):
            return None
        prev = doc[i - 1] if i > 0 else None
        by_city_word = prev is not None and prev.text in vocab["city"]
        by_list = list_line[i] and self._list_item_is_place(doc, i)
        if not (by_city_word or by_list):
            return None
        if self.gazetteer.zipf(tok.text) >= vocab["very_common"] or (
            self.gazetteer.is_first_name(tok.text, 3) and not by_list
        ):
            return None
        end = i + 1
        # "Stadt Yeni Foça": an unknown word before a known name
        if tok.whitespace_ == " " and end < len(doc) and _starts_name(doc[end]) and not blocked[end]:
            nxt = doc[end].text
            if nxt in self.gazetteer and self.gazetteer.zipf(nxt) < vocab["zipf"]:
                return _Candidate(i, end + 1, CITY, True)
        # "Oberharz am Brocken", "Neustadt an der Weinstraße"
        for link in (("am",), ("an", "der")):
            k = end + len(link)
            if k < len(doc) and tuple(t.text for t in doc[end:k]) == link and _starts_name(doc[k]):
                end = k + 1
                break
        return _Candidate(i, end, CITY, True)

    def _list_item(self, doc: Doc, i: int, blocked: list[bool]) -> _Candidate | None:
        """A list item's whole name ("Veltheim AG", "Les Grandes Vente"), up to a
        comma, parenthesis, slash, city word or the line end, when it is a short run of names."""
        vocab = _vocab()
        end = i
        while end < len(doc) and not blocked[end] and end - i < 5:
            tok = doc[end]
            if tok.is_space or tok.text in (",", "(", "/", ":", ";") or "\n" in tok.text or tok.text in vocab["city"]:
                break
            if not (_starts_name(tok) or tok.text in _INNER):
                return None
            end += 1
            if "\n" in tok.whitespace_:
                break
        while end > i and not _starts_name(doc[end - 1]):
            end -= 1
        if end == i or (end - i == 1 and self.gazetteer.zipf(doc[i].text) >= vocab["very_common"]):
            return None
        if any(p.label == COUNTRY for p in self.gazetteer.lookup(doc[i:end].text)):
            return _Candidate(i, end, COUNTRY, True)
        if end - i == 1 and doc[i:end].text not in self.gazetteer:
            return None  # a single unknown word: left to the unknown-name rule
        return _Candidate(i, end, CITY, True)

    def _list_item_is_place(self, doc: Doc, i: int) -> bool:
        """In a list item, a name right after the dash or after "Country," is a place."""
        prev = doc[i - 1] if i > 0 else None
        if prev is None:
            return False
        if prev.text in ("-", "•", "–") and (i < 2 or "\n" in doc[i - 2].text):
            return True
        if prev.text == "," and i >= 2:
            return any(p.label == COUNTRY for p in self.gazetteer.lookup(doc[i - 2].text))
        if prev.text == "/" and i >= 2:
            return True
        return False

    def _remember_names(self, doc: Doc, spans: list[Span], blocked: list[bool]) -> list[Span]:
        """One name, one reading per document: a city name the gazetteer lacks,
        found in a clear context, is marked wherever the same words recur."""
        names = {
            s.text
            for s in spans
            if s.label_ == CITY and s.text not in self.gazetteer and self.gazetteer.zipf(s.text) < _vocab()["zipf"]
        }
        if not names:
            return spans
        starts = {s.start for s in spans}
        extra: list[Span] = []
        for tok in doc:
            if tok.i in starts or not _starts_name(tok):
                continue
            for name in names:
                if doc_text(doc).startswith(name, tok.idx):
                    span = doc.char_span(tok.idx, tok.idx + len(name), label=CITY)
                    if span is not None and not any(blocked[span.start : span.end]):
                        extra.append(span)
        if not extra:
            return spans
        kept = [s for s in spans if not any(e.start < s.end and s.start < e.end for e in extra)]
        return sorted(kept + extra, key=lambda s: s.start)

    # -- resolution ------------------------------------------------------------
    def _resolve(self, doc: Doc, spans: list[Span]) -> None:
        countries = [(s.start, s.end, self._country_of(s)) for s in spans if s.label_ == COUNTRY]
        for span in spans:
            candidates = self._lookup_span(span)
            wanted = [p for p in candidates if p.label == span.label_] or candidates
            if not wanted:
                continue
            nearby = {code for start, _, code in countries if code and abs(start - span.start) <= _COUNTRY_WINDOW}
            adjacent = {
                code
                for start, end, code in countries
                if code and (0 <= start - span.end <= 2 or 0 <= span.start - end <= 2)
            }
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
        while words and (
            words[0].text in vocab["region"] or words[0].text in vocab["weak_region"] or words[0].text in "()"
        ):
            words = words[1:]
        if not words:
            return []
        text = span.doc[words[0].i : span.end].text
        found, _ = self._lookup_with_variants(text)
        if not found and len(words) > 1 and span.label_ == CITY:
            found, _ = self._lookup_with_variants(words[-1].text)
            if not found:
                found, _ = self._lookup_with_variants(words[0].text)
        return found

    def _country_of(self, span: Span) -> str | None:
        places = [p for p in self._lookup_span(span) if p.label == COUNTRY]
        return max(places, key=lambda p: p.population).country if places else None
