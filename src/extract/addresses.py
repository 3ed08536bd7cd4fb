"""What a page's address says about its publisher.

Most municipal sites are named after their body: ``www.musterstadt.de``,
``stadt-musterstadt.de``, ``landkreis-musterkreis.de``, ``musterdorf.gv.at``,
``musterhausen.ch``. ``page_address`` reads the host (and body words in the path)
into the names the body may go by and the kind of body; the home step matches
them against the text (``squash`` makes "neustadt-muehlbach" and "Neustadt (Mühlbach)"
the same). A newspaper's, a portal's or an association's host names no body,
and neither does an IP address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from .lexicon import load_lexicon

TOWN, DISTRICT = "town", "district"

_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$|^\[?[0-9a-f:]+\]?$")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "à": "a", "ô": "o"})


@dataclass(frozen=True)
class PageAddress:
    """The body a page's address names: ``names`` are squashed forms to match
    mentions against (the most specific first), ``kind`` a town or a district."""

    url: str
    host: str
    names: tuple[str, ...]
    kind: str
    title: str  # the name as the address spells it, for a body the text never names: "Musterstadt"
    official: str | None = None  # with the body's title where the host gives one: "Amt Musterland"

    @property
    def country(self) -> str | None:
        """The country a national top-level domain names ("musterdorf.at": AT), else None."""
        return _NATIONAL_DOMAINS.get(self.host.rsplit(".", 1)[-1])


_NATIONAL_DOMAINS = {"de": "DE", "at": "AT", "ch": "CH", "li": "LI", "lu": "LU"}


def squash(name: str) -> str:
    """A name reduced to lower-case ASCII letters and digits, umlauts spelt out:
    "Neustadt (Mühlbach)" and "neustadt-muehlbach" both give "neustadtmuehlbach"."""
    folded = name.lower().translate(_UMLAUTS)
    folded = folded.replace("st.", "sankt").replace("sankt-", "sankt")
    return re.sub(r"[^a-z0-9]", "", folded)


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    lex = load_lexicon()["addresses"]
    return {key: frozenset(values) for key, values in lex.items() if isinstance(values, list)}


def page_address(url: str | None) -> PageAddress | None:
    """The body ``url`` names, or None for a host that names none."""
    if not url or not url.strip():
        return None
    raw = url.strip()
    if "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if not host or _IP.match(host):
        return None
    words = _words()
    labels = host.split(".")
    # drop the top-level domain, Austria's ".gv.at" and a state's ".tirol.gv.at"
    labels = labels[:-1]
    while labels and (labels[-1] in words["domain_labels"] or labels[-1] in words["state_domain_labels"]):
        labels.pop()
    labels = [label for label in labels if label not in words["service_labels"]]
    if not labels:
        return None
    site = labels[-1]  # the registered name: "stadt-musterstadt", "landkreis-musterkreis"
    if any(stem in label for label in labels for stem in words["media_stems"]):
        return None  # "sparknews.funkemedien.de": a publisher of news, whose path names its sections
    found = _body_in(site.split("-"), url, host)
    if found is None and any(w in words["media_words"] or w in words["association_words"] for w in site.split("-")):
        return None
    # a body of a portal's path ("land.de/bezirksamt-musterbezirk/") is more specific than its host
    for segment in unquote(parts.path).lower().split("/"):
        segment_words = segment.split("-")
        menu = any(w in words["menu_words"] for w in segment_words)  # "stadt-und-buerger": a section
        if len(segment_words) >= 2 and segment_words[0] in words["body_prefixes"] and not menu:
            in_path = _body_in(segment_words, url, host)
            if in_path is not None:
                names = in_path.names + (found.names if found else ())
                # a path's body must be one the text names: a portal's sections are places, not publishers
                return PageAddress(url, host, names, in_path.kind, in_path.title)
    return found


def _glued_prefix(name: str) -> str | None:
    """The name after a body's title glued to it ("stadtmusterhausen" -> "musterhausen"), or None."""
    for prefix in sorted(_words()["body_prefixes"], key=len, reverse=True):
        if len(prefix) >= 4 and name.startswith(prefix) and len(name) - len(prefix) >= 4:
            return name[len(prefix) :]
    return None


def _body_in(site_words: list[str], url: str, host: str) -> PageAddress | None:
    words = _words()
    if any(w in words["media_words"] or w in words["association_words"] for w in site_words):
        return None  # "musterstaedter-zeitung", "partnerschaftsverein-musterstadt": not the body
    kind = TOWN
    name_words = list(site_words)
    titles = load_lexicon()["addresses"]["official_titles"]
    official_title = None
    while name_words and name_words[0] in words["body_prefixes"]:
        if name_words[0] in words["district_prefixes"]:
            kind = DISTRICT
        official_title = official_title or titles.get(name_words[0])
        name_words.pop(0)
    while name_words and name_words[-1] in words["body_suffixes"]:
        name_words.pop()
    if "kreis" in name_words[1:]:
        kind = DISTRICT  # "rhein-kreis-musterland": a district whose title stands inside its name
    if not name_words or not any(len(w) >= 3 for w in name_words):
        return None
    if any(w.isdigit() for w in name_words):
        return None
    full = squash("".join(site_words))
    name = squash("".join(name_words))
    names = (full, name) if full != name else (name,)
    glued = _glued_prefix(name)
    if glued is not None and len(name_words) == 1:
        # "stadtmusterhausen.de": the title glued to the name ("Stadtallendorf" is a town's
        # whole name, so the glued form stays first)
        names = (*names, glued)
        kind = DISTRICT if name.startswith(tuple(words["district_prefixes"]) + ("landkreis",)) else kind
    title = "-".join(w.capitalize() for w in name_words)
    # "lk-row": an abbreviation names no body the text could be checked against
    spelt_out = all(len(w) >= 4 for w in name_words)
    official = f"{official_title} " + " ".join(w.capitalize() for w in name_words) if official_title else None
    official = official if spelt_out else None
    return PageAddress(url, host, names, kind, title, official)
