"""Events: what a sentence says happened to a partnership, and when.

* ``triggers_by_sentence``: the trigger words of each event type
  (``[events]`` in the lexicon) in every sentence, found with one scan of the text;
* ``sentence_events``: each trigger takes the nearest date of its sentence;
  "beschlossen" by a council or before ", ... einzugehen" is a decision, a
  decision "auf Beschluss" is background and takes no date;
* ``seit_partnership``: "seit 1995 ein befreundeter Partner" dates a signing;
* ``fact_line_events``: "Gründung der Partnerschaft: 1956" under a partner's heading.

The partnership component decides which pairs a sentence's events belong to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..gazetteer import CITY, load_gazetteer
from ..text import after_word_char
from .bodies import keyword_category, lex, states_bond, strong_kind
from .extensions import WORD_CACHE_SIZE, doc_text, span_text

EVENT_PRIORITY = ("signed", "transferred", "ended", "decided", "initiated")


def is_coarser_signing(date: str, signed: list[str]) -> bool:
    """One signing stated twice, once to the year ("seit 2002") and once to the
    day: the coarser statement is dropped."""
    return any(d != date and d.startswith(date) for d in signed)


def without_repeated_signing(events: list[dict]) -> list[dict]:
    """A pair's events without an undated signing where a dated one is known: a text
    that dates the signing once names it again undated ("die Partnerschaft wurde
    besiegelt", "die Unterzeichner bekundeten"), and that is the same event. (Not so
    for first contacts: a text may tell of a dated one and of others before.)"""
    if not any(e["type"] == "signed" and e["date"] for e in events):
        return events
    return [e for e in events if not (e["type"] == "signed" and e["date"] is None)]


def since_of(signed: list[str]) -> str | None:
    """A partnership's "since": its earliest signing, to the finest precision
    any statement gives that date."""
    if not signed:
        return None
    since = min(signed)
    finer = sorted(d for d in signed if d.startswith(since) and len(d) > len(since))
    return finer[0] if finer else since


def event_order(event_type: str, date: str | None) -> tuple[str, int]:
    """Events by date (undated last), then signed before the rest."""
    return (date or "9999", EVENT_PRIORITY.index(event_type))


@lru_cache(maxsize=1)
def _trigger_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per event type: its trigger words at a word start."""

    # "(?<!\w)" is checked after each word's first letter ("i(?<!\w.)nitiative"), so
    # that every alternative starts with a literal and the regex engine skips
    # ahead to candidate letters instead of testing the assertion everywhere
    def at_word_start(word: str) -> str:
        return re.escape(word[0]) + r"(?<!\w.)" + re.escape(word[1:])

    # the last part of a compound triggers too ("Gemeinderatsbeschluss", "Kreistagsbeschlüsse")
    inside = lex()["event_compound_ends"]
    patterns = []
    for etype, words in lex()["events"].items():
        alternatives = [*map(at_word_start, words), *map(re.escape, inside.get(etype, []))]
        patterns.append((etype, re.compile("(?:" + "|".join(alternatives) + ")")))
    return patterns


def _council_decision(lowered: str, after: int, end: int, start: int) -> bool:
    """Whether "beschlossen" states a decision: "hat beschlossen, ... einzugehen", or a
    council as the one who decided ("vom Kreistag am 3. Mai einstimmig beschlossen")."""
    if after < end and lowered[after] == ",":
        return True
    sentence = lowered[start:end]
    return any(word in sentence for word in lex()["event_context"]["council_words"])


def _unreal(sentence: str) -> bool:
    """A sentence that denies, plans or wishes what it names."""
    return not set(re.findall(r"\w+", sentence.lower())).isdisjoint(lex()["event_context"]["unreal_words"])


def _present_contacts(word: str, sentence: str) -> bool:
    """ "Kontakte" in a sentence that does not say they came first: the partnership's
    present life, no initiation."""
    if word != "kontakte":
        return False
    words = set(re.findall(r"\w+", sentence))
    return words.isdisjoint(lex()["event_context"]["contact_beginnings"])


# an inflection after a participle and the capitalised noun it qualifies: "gegründet|en Kreis"
_ATTRIBUTE = re.compile(r"e[nmrs]?\s+(?:neuen?\s+)?([A-ZÄÖÜ][\w\-]*)")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _town_name(word: str) -> bool:
    """A word the gazetteer knows as a town and German hardly uses as a word ("Fürth";
    not "Kreis", "Verein")."""
    gazetteer = load_gazetteer()
    return gazetteer.zipf(word) < _TOWN_NAME_ZIPF and any(p.label == CITY for p in gazetteer.lookup(word))


_TOWN_NAME_ZIPF = 4.0


def _founds_a_body(etype: str, text: str, end: int) -> bool:
    """ "zwischen dem mittlerweile gegründeten Kreis X und ...": a signing participle
    used as the attribute of a noun that is no partnership founds that noun. Before a
    town's name it is the verb of a clause whose subject the town is ("Am 12. Mai 1990
    besiegelten A und B ihre Partnerschaft")."""
    if etype != "signed":
        return False
    m = _ATTRIBUTE.match(text, end)
    if m is None:
        return False
    if _town_name(m.group(1)):
        return False
    noun = m.group(1).lower()
    return not any(word in noun for word in lex()["event_context"]["founded_partnership_nouns"])


_CONTINUED = ("fortgeführt", "fortgesetzt", "weitergeführt")
# "..., die sie fortgeführt und ausgebaut hatten": the perfect's auxiliary within a few words
_ACTIVE_PERFECT = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:hat|haben|hatte|hatten|habe)\b")


def _carried_on_by_people(etype: str, word: str, lowered: str, end: int) -> bool:
    """ "alle, die sie fortgeführt haben": people who carried a partnership on, in the
    active; a successor body takes it over in the passive ("wird von X fortgeführt")."""
    return etype == "transferred" and word in _CONTINUED and bool(_ACTIVE_PERFECT.match(lowered[end : end + 40]))


# "die Idee, ein Netzwerk der bestehenden Partnerschaften zu gründen": they exist already
_EXISTING = re.compile(r"\b(?:bestehenden?|bisherigen?)\s+(?:[\w\-]+\s+)?\w*(?:partnerschaft|freundschaft)")


def _after_the_founding(etype: str, sentence: str) -> bool:
    """An initiative in a sentence that calls the partnerships existing initiates something
    else about them (a network, a festival), not them."""
    return etype == "initiated" and _EXISTING.search(sentence) is not None


# "Das Partnerschaftskomitee wurde 1985 gegründet", "der Freundeskreis wurde ins Leben
# gerufen": the founding of an association (its noun within a few words before the verb),
# not of a partnership; the compound's last part decides ("Partnerschaftsverein" is a club)
_ASSOCIATION_FOUNDED = re.compile(
    r"(?:komitee|verein|freundeskreis|arbeitskreis|gesellschaft|ausschuss|club|initiative|stiftung)s?,?\s+"
    r"(?:[\w.]+\s+){0,4}?(?:gegründet|gründete|ins leben gerufen|begründet)"
)


def founds_an_association(lowered: str, at: int | None = None) -> bool:
    """Whether the lower-cased sentence tells of an association's founding (at the
    trigger word starting at ``at``, if given)."""
    return any(at is None or m.start() < at < m.end() for m in _ASSOCIATION_FOUNDED.finditer(lowered))


FIRST_TWINNING_YEAR = "1900"  # no town twinning is older than the 20th century


def _association_founding_dates(sent: Span, dates: list[Span]) -> set[int]:
    """Starts of the dates inside an association's founding ("Der Freundeskreis wurde 1978
    gegründet, nachdem die Städte ... besiegelt hatten", "Das Komitee, 1990 gegründet, ..."):
    the association's year, which no event of the partnership takes."""
    lowered = sent.text.lower()
    spans = [(sent.start_char + m.start(), sent.start_char + m.end()) for m in _ASSOCIATION_FOUNDED.finditer(lowered)]
    return {d.start_char for d in dates if any(lo <= d.start_char < hi for lo, hi in spans)}


def triggers_in(text: str, offset: int) -> list[tuple[int, str]]:
    """(char offset, event type) of every trigger word in one sentence's text."""
    lowered = text.lower()
    found = []
    for etype, pattern in _trigger_patterns():
        for m in pattern.finditer(lowered):
            if (
                _present_contacts(m.group(0), lowered)
                or _founds_a_body(etype, text, m.end())
                or _carried_on_by_people(etype, m.group(0), lowered, m.end())
                or _after_the_founding(etype, lowered)
                or etype == "signed" and founds_an_association(lowered, m.start())
            ):
                continue
            # "wurde beschlossen" is a signing, "hat beschlossen, ... einzugehen" a decision
            if m.group(0) == "beschlossen" and _council_decision(lowered, m.end(), len(lowered), 0):
                found.append((offset + m.start(), "decided"))
            else:
                found.append((offset + m.start(), etype))
    found += [(offset + at, "signed") for at in _partnership_came_about(lowered)]
    return sorted(found)


def triggers_by_sentence(text: str, bounds: list[tuple[int, int]]) -> list[list[tuple[int, str]]]:
    """``triggers_in`` for every sentence (character bounds), found with one scan
    of the whole text per event type rather than one per sentence. Where the
    whole-text scan could differ from the sentence's own (a match across a
    sentence end, a sentence glued to the word before it, lower-casing that
    changes lengths) the sentence's own scan is used."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return [triggers_in(text[a:b], a) for a, b in bounds]
    starts = [a for a, _ in bounds]
    result: list[list[tuple[int, str]]] = [[] for _ in bounds]
    redo: set[int] = {k for k, a in enumerate(starts) if after_word_char(text, a)}
    for etype, pattern in _trigger_patterns():
        for m in pattern.finditer(lowered):
            k = bisect_right(starts, m.start()) - 1
            if k < 0 or m.end() > bounds[k][1]:
                redo.update(range(max(k, 0), len(bounds)))  # the scan went past a sentence end
                continue
            end = bounds[k][1]
            if (
                _present_contacts(m.group(0), lowered[bounds[k][0] : end])
                or _founds_a_body(etype, text, m.end())
                or _carried_on_by_people(etype, m.group(0), lowered, m.end())
                or _after_the_founding(etype, lowered[bounds[k][0] : end])
                or etype == "signed" and founds_an_association(lowered[bounds[k][0] : end], m.start() - bounds[k][0])
            ):
                continue
            if m.group(0) == "beschlossen" and _council_decision(lowered, m.end(), end, bounds[k][0]):
                result[k].append((m.start(), "decided"))
            else:
                result[k].append((m.start(), etype))
    for k, (start, end) in enumerate(bounds):
        if k not in redo and ("entst" in lowered[start:end] or "zustande" in lowered[start:end]):
            result[k] += [(start + at, "signed") for at in _partnership_came_about(lowered[start:end])]
    for k in redo:
        result[k] = triggers_in(text[bounds[k][0] : bounds[k][1]], bounds[k][0])
    return [sorted(found) for found in result]


# "Die Partnerschaft mit X entstand 1990", "kam 1990 zustande": a partnership noun in the
# clause before the verb makes the partnership what came about; "Kontakte entstanden",
# "die entstandenen Freundschaften" (an attribute) do not
_CAME_ABOUT = re.compile(r"\b(?:entstand|entstanden|kam\s+(?:\w+\s+){0,4}?zustande|zustande\s+gekommen)\b(?!e)")
_CLAUSE_START = re.compile(r"[,;:]\s|\b(?:und|als|nachdem|weil|da|wo)\s")


def _partnership_came_about(lowered: str) -> list[int]:
    found = []
    initiating = tuple(w.strip() for w in lex()["events"]["initiated"])
    for m in _CAME_ABOUT.finditer(lowered):
        starts = [c.end() for c in _CLAUSE_START.finditer(lowered, 0, m.start())]
        clause = lowered[starts[-1] if starts else 0 : m.start()].split()
        if any(strong_kind(w) for w in clause) and not any(
            keyword_category(w) == "weak" or w.startswith(initiating) for w in clause
        ):
            found.append(m.start())  # "Die Idee zu einer Partnerschaft entstand": the idea came about
    return found


def sentence_events(
    sent: Span,
    triggers: list[tuple[int, str]],
    dates: list[Span],
    strong: bool = False,
    day: str | None = None,
) -> list[dict]:
    """The events a sentence states: each trigger takes the nearest of the
    sentence's dates (a background decision, "auf Beschluss", takes none); with no
    trigger, a partnership sentence dated by "seit" states a signing. In a sentence
    without a date, a signing or decision takes ``day``, the day its context names
    ("haben am Freitag unterzeichnet" in a dated press release; see ``relative_day``)."""
    doc = sent.doc
    if dates and (taken := _association_founding_dates(sent, dates)):
        dates = [d for d in dates if d.start_char not in taken]
    # a year before any town twinning ("Gegründet 1030, seit 1990 Partnerstadt") dates the town
    dates = [d for d in dates if not (d._.date_value and d._.date_value[:4] < FIRST_TWINNING_YEAR)]
    if not triggers and strong:
        # "ist seit 1995 ein befreundeter Partner": a partnership dated by "seit" began then
        since = [d for d in dates if seit_partnership(sent, d)]
        if since:
            evidence = " ".join(span_text(sent).split())
            return [{"type": "signed", "date": since[0]._.date_value, "evidence": evidence}]
    by_trigger: dict[int, list[Span]] = {i: [] for i in range(len(triggers))}
    for date in dates:
        if any(_dates_background(doc, pos, etype, date) for pos, etype in triggers):
            continue  # "Nach einem Beschluss des Rates vom 3. Mai 1988 wurde ... 1990 unterzeichnet"
        usable = [
            (abs(pos - date.start_char), EVENT_PRIORITY.index(etype), i)
            for i, (pos, etype) in enumerate(triggers)
            if not background_decision(doc, pos, etype)
        ]
        if usable:
            by_trigger[_clause_trigger(sent, triggers, date, usable, dates)].append(date)
    evidence = " ".join(span_text(sent).split())
    unreal = _unreal(evidence)
    events = []
    seen = set()
    for i, (_, etype) in enumerate(triggers):
        if etype == "signed" and unreal and not by_trigger[i]:
            continue  # "eine Unterzeichnung ist nicht möglich", "soll besiegelt werden"
        stays = _days_of_one_stay(doc, by_trigger[i])
        own = [d for d in by_trigger[i] if d.start_char not in stays or stays[d.start_char] is not None]
        valued = {d.start_char: stays.get(d.start_char) or d._.date_value for d in own}
        # a trigger takes one date: the earliest of those closest to it ("1992 bis 1998")
        values = sorted(valued[d.start_char] for d in own)[:1] or [None]
        # "im Juni und September 1969 unterzeichneten": dates joined by "und" are one signing each
        values += sorted({valued[d.start_char] for d in _joined_by_und(doc, own)} - set(values))
        if values == [None] and not dates and etype in ("signed", "decided"):
            values = [day]
        for value in values:
            if (etype, value) in seen:
                continue
            if value is None and any(t == etype and by_trigger[k] for k, (_, t) in enumerate(triggers)):
                continue
            seen.add((etype, value))
            events.append({"type": etype, "date": value, "evidence": evidence})
    events += _relative_year_events(sent, triggers, dates, seen, evidence)
    return events


_OCCASION = re.compile(
    r"\b(?:im rahmen|anlässlich|anlaesslich|während|beim|bei|auf)\s+(?:des|der|dem|eines|einer|einem)?\s*"
    r"[„\"»]?([a-zäöüß][a-zäöüß\-]{3,})"
)


def occasion_date(sent: Span, earlier: list[tuple[Span, list[Span]]]) -> str | None:
    """The date of the occasion an undated sentence names ("im Rahmen des Europafestes",
    "anlässlich des Besuchs"), from the latest of the sentences before it that names the
    occasion with the same word stem and one date or the days of one stay."""
    m = _OCCASION.search(span_text(sent).lower())
    if m is None:
        return None
    stem = m.group(1)
    stem = stem[:-2] if stem.endswith("es") else stem[:-1] if stem.endswith("s") else stem
    for before, dates in reversed(earlier):
        words = [t.lower_.strip("„“\"»«") for t in before]
        if not dates or not any(w.startswith(stem) for w in words if len(w) >= len(stem)):
            continue
        stays = _days_of_one_stay(before.doc, dates)
        values = {stays.get(d.start_char) or d._.date_value for d in dates if stays.get(d.start_char, "") is not None}
        return values.pop() if len(values) == 1 else None
    return None


def _days_of_one_stay(doc: Doc, dates: list[Span]) -> dict[int, str | None]:
    """ "am 4. und 5. Juni 1983", "vom 29. Mai bis 1. Juni 1997": days joined by "und" or
    "bis" are one stay, dated to what its days share (1983-06, 1997). By each day's start
    character: the stay's date on its first day, None on the days after it."""
    ordered = sorted(dates, key=lambda d: d.start_char)
    stays: dict[int, str | None] = {}
    for a, b in zip(ordered, ordered[1:], strict=False):
        va, vb = a._.date_value or "", b._.date_value or ""
        joined = doc.text[a.end_char : b.start_char].strip() in ("und", "bis", "–", "-")
        if len(va) != 10 or len(vb) != 10 or not joined:
            continue
        shared = va[:7] if va[:7] == vb[:7] else va[:4] if va[:4] == vb[:4] else None
        if shared is not None and a.start_char not in stays:
            stays[a.start_char], stays[b.start_char] = shared, None
    return stays


def _joined_by_und(doc: Doc, dates: list[Span]) -> list[Span]:
    """The dates of a trigger that stand right after another of them and "und" (not a
    span: "zwischen 1992 und 1998")."""
    ordered = sorted(dates, key=lambda d: d.start_char)
    text = doc.text
    return [
        b
        for a, b in zip(ordered, ordered[1:], strict=False)
        if text[a.end_char : b.start_char].strip() == "und"
        and not text[max(0, a.start_char - 12) : a.start_char].rstrip().lower().endswith(("zwischen", "von"))
    ]


_CLAUSE_JOIN = re.compile(r"(?:,|\bund\b|\bsowie\b)")


_SUBCLAUSE = re.compile(r",\s*(?:nachdem|als|bevor|weil|obwohl|seitdem|wobei)\b", re.IGNORECASE)


def _clause_trigger(
    sent: Span, triggers: list[tuple[int, str]], date: Span, usable: list[tuple], dates: list[Span]
) -> int:
    """The trigger a date belongs to: the nearest, unless a clause ends between the
    trigger before the date and the date while another trigger follows it: "wurde
    1994 begründet und am 3. Mai 2001 vom Kreis X übernommen" (German verbs close
    their clause, so the date after "und" is the later verb's)."""
    nearest = min(usable)[2]
    position = triggers[nearest][0]
    text = sent.doc.text
    if position >= date.start_char:
        # "besiegelt wurde sie erst 1960, nachdem 1955 erste Kontakte ...": a subordinate clause
        # opens between the date and the trigger after it; "Erste Kontakte gab es 1985, die
        # Partnerschaft wurde 1990 besiegelt": the trigger after the comma has its own clause's
        # date. Either way the date is the verb's before it.
        earlier = [u for u in usable if triggers[u[2]][0] < date.start_char]
        if earlier and (
            _SUBCLAUSE.search(text[date.end_char : position]) or _own_dated_clause(text, date, position, dates)
        ):
            closest = max(earlier, key=lambda u: triggers[u[2]][0])
            if "," not in text[triggers[closest[2]][0] : date.start_char]:
                return closest[2]
        return nearest
    later = [u for u in usable if triggers[u[2]][0] > date.end_char]
    if not later:
        return nearest
    between = text[position : date.start_char]
    return min(later)[2] if _CLAUSE_JOIN.search(between) else nearest


def _own_dated_clause(text: str, date: Span, position: int, dates: list[Span]) -> bool:
    """A comma or semicolon ends the date's clause before the trigger at ``position``, and
    another date stands between that boundary and the trigger: the trigger's own."""
    boundary = re.search(r"[,;]", text[date.end_char : position])
    if boundary is None:
        return False
    after = date.end_char + boundary.end()
    return any(after <= d.start_char < position for d in dates)


# "im Jahr zuvor", "ein Jahr später": a year counted from the sentence's own date
_RELATIVE_YEAR = re.compile(
    r"\b(?:im\s+jahre?\s+zuvor|ein\s+jahr\s+zuvor|im\s+vorjahr|ein\s+jahr\s+(?:später|danach)"
    r"|im\s+(?:folgenden|darauffolgenden|nächsten)\s+jahr)\b"
)


def _relative_year_events(
    sent: Span, triggers: list[tuple[int, str]], dates: list[Span], seen: set, evidence: str
) -> list[dict]:
    """ "Zu Pfingsten 1996 wurde die Partnerschaft besiegelt, nachdem bereits im Jahr
    zuvor eine Zeremonie ... stattgefunden hatte": the year before the sentence's date,
    given to the trigger nearest the phrase."""
    years = [(d.start_char, d._.date_value[:4]) for d in dates if d._.date_value and d._.date_value[:4].isdigit()]
    if not years or not triggers:
        return []
    text = span_text(sent).lower()
    found = []
    for m in _RELATIVE_YEAR.finditer(text):
        pos = sent.start_char + m.start()
        _, base = min(years, key=lambda y: abs(y[0] - pos))
        year = str(int(base) + (-1 if "zuvor" in m.group(0) or "vorjahr" in m.group(0) else 1))
        _, etype = min(triggers, key=lambda t: abs(t[0] - pos))
        if (etype, year) not in seen:
            seen.add((etype, year))
            found.append({"type": etype, "date": year, "evidence": evidence})
    return found


_SEIT_FILLERS = {"dem", "jahr", "jahre", "anfang", "mitte", "ende", "des", "jahres"}


def date_after_seit(doc: Doc, k: int, dates: dict[int, Span]) -> Span | None:
    """The date that "seit" at token ``k`` introduces, with at most two filler words
    between ("seit 1971", "seit dem Jahr 1971", "seit Anfang 1990"); ``dates`` by start."""
    if doc[k].lower_ != "seit":
        return None
    for j in range(k + 1, min(len(doc), k + 4)):
        if j in dates:
            return dates[j]
        if doc[j].lower_ not in _SEIT_FILLERS:
            return None
    return None


def after_seit(date: Span) -> bool:
    """Whether "seit" introduces ``date`` ("seit 1971", "seit dem Jahr 1971")."""
    doc, k = date.doc, date.start - 1
    while k >= 0 and date.start - k <= 3 and doc[k].lower_ in _SEIT_FILLERS:
        k -= 1
    return k >= 0 and doc[k].lower_ == "seit"


def seit_partnership(sent: Span, date: Span) -> bool:
    """ "seit 1995 ein befreundeter Partner", "Seit dem 15. September 2001 hat X eine
    Städtepartnerschaft", "seit 2011 partnerschaftlich verbunden": "seit" before the date,
    a partnership word or bond soon after it."""
    doc = sent.doc
    before = [t.lower_ for t in doc[max(sent.start, date.start - 4) : date.start]]
    while before and before[-1] in _SEIT_FILLERS:
        before.pop()  # "seit dem Jahr 1975", "seit Anfang 1990"
    if "seit" not in before[-2:]:
        return False
    after = _words_after(doc, date.end, sent.end, 12)
    if any(keyword_category(t.lower_) not in (None, "weak") for t in after):
        return True
    lowered = [t.lower_ for t in after]
    if "verbunden" in lowered and (states_bond(lowered) or states_bond(lowered, friendship=True)):
        return True  # "ist X seit 2011 partnerschaftlich verbunden"; not "Beziehungen" to towns at large
    # "Die Städtepartnerschaft zwischen A und B besteht seit 2002"
    for tok in reversed(doc[max(sent.start, date.start - 10) : date.start]):
        if tok.text == ",":
            return False
        if keyword_category(tok.lower_) not in (None, "weak"):
            return True
    return False


def _words_after(doc: Doc, start: int, end: int, n: int) -> list[Token]:
    """The tokens of the next ``n`` words from ``start``: a name counts as one word, whatever
    its hyphens ("seit 1956 verbindet A und Saint-Martin-de-Ré eine Freundschaft")."""
    words: list[Token] = []
    counted = 0
    for tok in doc[start:end]:
        inside = tok.ent_iob_ == "I" or tok.text in ("-", "–")
        if not inside:
            counted += 1
            if counted > n:
                break
        words.append(tok)
    return words


def fact_line_events(sent: Span, triggers: list[tuple[int, str]], dates: list[Span]) -> list[dict]:
    """The event a fact line states: "Seit: 1956", "Gründung der Partnerschaft: 1956",
    "Unterzeichnung: 12. Mai 1956" (a label, then one date, nothing after it). Its
    trigger word gives the type; a label of signing words (lexicon ``fact_line_words``)
    or a partnership noun ("Partnerschaft: 1956") states a signing. Empty otherwise:
    "Einwohner: 120.000", "Partnerschaftsjubiläum: 2016"."""
    if len(dates) != 1 or any(t.text.isalpha() for t in sent.doc[dates[0].end : sent.end]):
        return []
    label = [t.lower_ for t in sent.doc[sent.start : dates[0].start] if t.text.isalpha()]
    if not label:
        return []
    evidence = " ".join(span_text(sent).split())
    if triggers:
        return [{"type": triggers[0][1], "date": dates[0]._.date_value, "evidence": evidence}]
    words, suffixes = _fact_line_vocabulary()
    if not all(w in words or _partnership_with_suffix(w, suffixes) for w in label):
        return []
    return [{"type": "signed", "date": dates[0]._.date_value, "evidence": evidence}]


@lru_cache(maxsize=1)
def _fact_line_vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    context = lex()["event_context"]
    return frozenset(context["fact_line_words"]), tuple(context["fact_line_suffixes"])


def _partnership_with_suffix(word: str, suffixes: tuple[str, ...]) -> bool:
    """ "partnerschaft", "städtepartnerschaftsvertrag": a partnership word and a signing's ending."""
    nouns = lex()["partnerships"]["partnership"] + lex()["partnerships"]["friendship"]
    return any(word.startswith(prefix) and word[len(prefix) :] in suffixes for prefix in nouns)


# the words of a decision's noun phrase up to its date: "Beschluss des Stadtrats im Jahr", "vom"
_DATING_PHRASE = re.compile(
    r"^\w*(?:\s+(?:des|der|dem|[A-ZÄÖÜ][\w\-]*)){0,3}\s+(?:im\s+[Jj]ahre?|aus\s+dem\s+[Jj]ahre?|vom|von|am|im)\s+$"
)


def _dates_background(doc: Doc, pos: int, etype: str, date: Span) -> bool:
    """The date stands in a background decision's own phrase ("auf Beschluss des
    Gemeinderats vom 3. Mai 1988"): it dates the decision, which the sentence only cites."""
    if date.start_char <= pos or not background_decision(doc, pos, etype):
        return False
    return bool(_DATING_PHRASE.match(doc_text(doc)[pos : date.start_char]))


def background_decision(doc: Doc, pos: int, etype: str) -> bool:
    """ "auf Beschluss", "nach ... Beschlüssen": the decision is background to
    what the sentence dates."""
    if etype != "decided":
        return False
    before = doc_text(doc)[max(0, pos - 25) : pos].lower().split()
    return bool(before) and ("auf" in before[-1:] or "nach" in before[-2:])
