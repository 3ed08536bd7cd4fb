"""Event triggers: which words state which event type."""

import pytest

from extract.components.events import triggers_by_sentence, triggers_in


def types(text):
    return [etype for _, etype in triggers_in(text, 0)]


def test_a_council_decides_and_a_signing_signs():
    assert types("Der Partnerschaftsvertrag wurde am 3. Mai 1990 unterzeichnet.") == ["signed"]
    assert types("Die Partnerschaft wurde vom Kreistag am 28.09.1989 einstimmig beschlossen.") == ["decided"]
    assert types("Der Rat hat beschlossen, eine Partnerschaft einzugehen.") == ["decided"]
    assert types("Die Partnerschaft wurde 1990 feierlich beschlossen.") == ["signed"]


def test_an_initiative_is_the_participle_not_the_adjective():
    assert types("Die Partnerschaft wurde 1985 von einem Lehrer angeregt.") == ["initiated"]
    assert types("Der Besuch war geprägt von angeregten Gesprächen.") == []


def test_a_decision_named_by_a_compound_is_a_decision():
    assert types("Eine Partnerschaft mit Gemeinderatsbeschluss gibt es in Celle.") == ["decided"]
    assert types("Nach zwei Kreistagsbeschlüssen wurde sie besiegelt.") == ["decided", "signed"]
    # a resolve is no decision of a body; "Beschlussvorlage" still names one at its start
    assert types("Aus diesem Entschluss entstand die Freundschaft.") == []
    assert types("Die Beschlussvorlage liegt vor.") == ["decided"]


def test_a_signing_participle_before_a_body_founds_the_body():
    assert types("Der Vertrag mit dem neu gegründeten Landkreis wurde übernommen.") == ["transferred"]
    assert types("Der 1990 gegründete Verein lädt ein.") == []
    # before the partnership or its charter it is the signing
    assert types("Die 1990 gegründete Partnerschaft lebt.") == ["signed"]
    assert types("Die 1990 geschlossene Städtepartnerschaft lebt.") == ["signed"]
    assert types("Die Partnerschaft wurde 1990 gegründet.") == ["signed"]


def test_a_date_after_und_belongs_to_the_verb_that_closes_its_clause(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt eine Städtepartnerschaft mit Tartu. Die Partnerschaft wurde 1994 mit "
        "Tartu begründet und im Jahr 2001 von der Stadt Celle übernommen."
    )
    (pair,) = record.partnerships
    assert sorted((e.type, e.date) for e in pair.events) == [("signed", "1994"), ("transferred", "2001")]


def test_a_date_before_und_stays_with_the_verb_before_it(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt eine Städtepartnerschaft mit Tartu. Die Partnerschaft wurde 1994 mit "
        "Tartu begründet und später von der Stadt Celle übernommen."
    )
    (pair,) = record.partnerships
    assert sorted((e.type, e.date or "") for e in pair.events) == [("signed", "1994"), ("transferred", "")]


def test_a_merger_that_made_the_partner_is_the_partnerships_transfer(extract_text):
    text = (
        "Partnerlandkreise des Landkreises Celle\n\nLandkreis Görlitz\n\nPartnerschaft seit 1990\n\n"
        "Der Landkreis Görlitz entstand im Jahr 2008 durch den Zusammenschluss zweier Kreise.\n"
    )
    (pair,) = extract_text(text).partnerships
    assert ("transferred", "2008") in [(e.type, e.date) for e in pair.events]
    # a transfer word that names no merger needs a partnership word in its sentence
    merger = "entstand im Jahr 2008 durch den Zusammenschluss zweier Kreise"
    other = text.replace(merger, "hat 2008 Aufgaben übernommen")
    (pair,) = extract_text(other).partnerships
    assert [e.type for e in pair.events if e.type == "transferred"] == []


def test_people_who_carried_a_partnership_on_took_nothing_over():
    assert types("Geladen waren alle, die die Partnerschaft fortgeführt und ausgebaut hatten.") == []
    assert types("Die Partnerschaft wird seit 2011 von der neuen Gemeinde fortgeführt.") == ["transferred"]


def test_an_initiative_about_existing_partnerships_initiates_something_else():
    assert types("Die Idee, ein Netzwerk der bestehenden deutsch-polnischen Partnerschaften zu bilden.") == []
    assert types("Die Idee zu einer Partnerschaft entstand 1985.") == ["initiated"]


def test_dates_joined_by_und_are_one_signing_each(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt eine Städtepartnerschaft mit Tartu. Die Bürgermeister haben im Juni und "
        "September 1969 die Urkunde der Partnerschaft unterzeichnet."
    )
    (pair,) = record.partnerships
    assert sorted(e.date for e in pair.events if e.type == "signed") == ["1969-06", "1969-09"]
    assert pair.since == "1969-06"
    # a span of years is one event, dated by its start
    record = extract_text(
        "Die Stadt Celle pflegt eine Städtepartnerschaft mit Tartu. Die Urkunde der Partnerschaft wurde "
        "zwischen 1992 und 1998 mehrfach unterzeichnet."
    )
    (pair,) = record.partnerships
    assert [e.date for e in pair.events if e.type == "signed"] == ["1992"]


def test_one_scan_of_the_text_gives_each_sentence_its_own_triggers():
    text = "Die Urkunde wurde 1990 unterzeichnet. Der Stadtrat hat die Partnerschaft beschlossen."
    bounds = [(0, 37), (38, len(text))]
    assert triggers_by_sentence(text, bounds) == [triggers_in(text[a:b], a) for a, b in bounds]


def test_a_year_counted_from_the_sentences_date(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Zu Pfingsten 1996 wurde die Partnerschaft in "
        "Celle besiegelt, nachdem bereits im Jahr zuvor eine Zeremonie in Tartu stattgefunden hatte."
    )
    (pair,) = record.partnerships
    assert pair.since == "1995" and ("signed", "1996") in [(e.type, e.date) for e in pair.events]


# issue 21, class 4: which mentions state an event


def test_contacts_start_a_partnership_only_where_they_came_first():
    assert types("Bereits 1985 gab es erste Kontakte zwischen den Feuerwehren.") == ["initiated"]
    assert types("Über die Jahre haben sich viele Kontakte entwickelt.") == ["initiated"]
    assert types("Es gibt Kontakte in den Bereichen Sport und Kultur.") == []
    assert types("Heute pflegen Vereine und Schulen regelmäßige Kontakte.") == []


def test_a_successor_body_takes_the_partnership_over():
    assert types("Mit der Gebietsreform 1974 ging die Gemeinde in der Stadt auf.") == ["transferred"]
    assert types("Der Landkreis entstand 2008 durch den Zusammenschluss zweier Kreise.") == ["transferred"]


def test_ending_is_stated_and_dormancy_is_not():
    assert types("Der Rat beschließt, die Städtepartnerschaft zu beenden.") == ["ended"]
    assert types("Die Partnerschaft ruht seit einigen Jahren.") == []


def event_pairs(record):
    (pair,) = record.partnerships
    return pair.status, sorted((e.type, e.date or "") for e in pair.events)


def test_a_dated_signing_named_again_undated_is_one_signing(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Die Urkunde wurde am 3. Mai 1990 in Celle "
        "unterzeichnet. Auch in Tartu wurde die Partnerschaft noch einmal offiziell besiegelt."
    )
    assert event_pairs(record) == ("active", [("signed", "1990-05-03")])


def test_an_undated_signing_stays_where_no_date_is_known(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Die Partnerschaft wurde feierlich besiegelt."
    )
    assert event_pairs(record) == ("active", [("signed", "")])


def test_a_denied_or_planned_signing_is_none(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Die Partnerschaft soll im Sommer feierlich "
        "besiegelt werden."
    )
    assert event_pairs(record) == ("active", [])


def test_a_council_ends_a_partnership(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Der Rat der Stadt Celle beschließt, die "
        "Städtepartnerschaft mit Tartu zu beenden."
    )
    status, events = event_pairs(record)
    assert status == "ended" and ("ended", "") in events


def test_a_dormant_partnership_stays_active(extract_text):
    record = extract_text("Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Die Partnerschaft ruht derzeit.")
    assert event_pairs(record)[0] == "active"


PRESS_RELEASE = "Pressemitteilung\n12.05.2019\n\nCelle und Tartu besiegeln Partnerschaft\n\n"  # a Sunday


def test_a_press_release_dates_a_signing_by_its_weekday(extract_text):
    record = extract_text(
        PRESS_RELEASE + "Die Stadt Celle und die Stadt Tartu haben am Freitagnachmittag einen "
        "Partnerschaftsvertrag unterzeichnet."
    )
    assert event_pairs(record) == ("active", [("signed", "2019-05-10")])


def test_the_day_of_the_sentence_before_dates_the_signing(extract_text):
    record = extract_text(
        PRESS_RELEASE + "Die Bürgermeister von Celle und Tartu trafen sich gestern im Rathaus von Celle. "
        "Beide haben den Partnerschaftsvertrag unterzeichnet."
    )
    assert event_pairs(record) == ("active", [("signed", "2019-05-11")])


@pytest.mark.parametrize(
    "text",
    [
        # no date of the page's own: a weekday names no day
        "Die Stadt Celle und die Stadt Tartu haben am Freitag einen Partnerschaftsvertrag unterzeichnet.",
        # "freitags" is every Friday, not one
        PRESS_RELEASE + "Die Stadt Celle und die Stadt Tartu haben den Partnerschaftsvertrag unterzeichnet. "
        "Der Partnerschaftsverein trifft sich freitags.",
    ],
)
def test_no_weekday_or_no_dateline_leaves_the_signing_undated(extract_text, text):
    assert event_pairs(extract_text(text)) == ("active", [("signed", "")])


def test_a_preamble_about_partnerships_in_general_dates_no_partnership(extract_text):
    # the page's first sentence speaks of partnerships between towns in general, not the home's
    text = (
        "Gemeinde Schwabach\n\nPartnerschaften zwischen Städten und Gemeinden wurden nach dem Krieg ins Leben "
        "gerufen.\n\nUnsere Partnergemeinden\n\nKalisz PL\n"
    )
    record = extract_text(text)
    assert [(p.b[0], p.events) for p in record.partnerships] == [("Kalisz", [])]


def test_a_preamble_about_the_homes_partnerships_applies_to_them(extract_text):
    text = (
        "Gemeinde Schwabach\n\nUnsere Partnerschaften wurden 1990 offiziell besiegelt.\n\n"
        "Unsere Partnergemeinden\n\nKalisz PL\n"
    )
    record = extract_text(text)
    assert [(p.b[0], [(e.type, e.date) for e in p.events]) for p in record.partnerships] == [
        ("Kalisz", [("signed", "1990")])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Stadt Fürth pflegt Partnerschaften. Am 8. Mai 1992 unterzeichnete der Bürgermeister einen "
            "Freundschaftsvertrag mit der Stadt Poitiers, am 24. Mai folgte ein Vertrag mit dem italienischen Lucca.",
            {("Poitiers", "1992-05-08"), ("Lucca", "1992-05-24")},
        ),
        (
            "1961 unterzeichnete Fürth die Partnerschaft mit Poitiers und Lucca, 1990 kam Tartu hinzu.",
            {("Poitiers", "1961"), ("Lucca", "1961"), ("Tartu", "1990")},
        ),
        (  # a date after "seit" belongs to the partner before it
            "Die Stadt Fürth unterhält Partnerschaften mit Poitiers seit 1961 und mit Lucca seit 1975.",
            {("Poitiers", "1961"), ("Lucca", "1975")},
        ),
    ],
)
def test_dates_and_partners_in_turn_give_each_partner_its_date(extract_text, text, expected):
    assert {(p.b[0], p.since) for p in extract_text(text).partnerships} == expected


def _section_page(line: str, other: str) -> str:
    return (
        "Partnerstädte der Stadt Fürth\n\nPartnerstadt Besançon\n\nLand: Frankreich\nEinwohner: 120.000\n"
        f"{line}\n\nPartnerstadt Nowy Targ\n\nLand: Polen\nEinwohner: 30.000\n{other}\n"
    )


@pytest.mark.parametrize(
    ("line", "other", "expected"),
    [
        ("Seit: 1956", "Seit: 1990", ("1956", "1990")),
        ("Seit 1956", "Seit 1990", ("1956", "1990")),
        ("Gründung der Partnerschaft: 1956", "Gründung der Partnerschaft: 1990", ("1956", "1990")),
        ("Partnerschaftsvertrag: 1956", "Partnerschaftsvertrag: 1990", ("1956", "1990")),
        ("Unterzeichnung: 12. Mai 1956", "Unterzeichnung: 3. Juni 1990", ("1956-05-12", "1990-06-03")),
        # a fact line of something else dates no signing
        ("Partnerschaftsjubiläum: 2016", "Partnerschaftsjubiläum: 2020", (None, None)),
        ("Einwohner: 1956", "Einwohner: 1990", (None, None)),
        ("Erste Kontakte: 1950", "Erste Kontakte: 1988", (None, None)),
    ],
)
def test_a_fact_line_under_a_partners_heading_dates_its_signing(extract_text, line, other, expected):
    record = extract_text(_section_page(line, other))
    assert tuple(p.since for p in record.partnerships) == expected


@pytest.mark.parametrize(
    "heading",
    ["Saint-Jean-de-Luz", "Saint-Jean-de-Luz (Nouvelle-Aquitaine, Frankreich)"],
)
def test_a_long_hyphenated_name_is_one_word_of_its_heading_and_sentence(extract_text, heading):
    # the name's hyphens count no words: the heading stays a heading, "seit 1956" stays
    # near "Freundschaft"
    sentence = "Seit 1956 verbindet Fürth und Saint-Jean-de-Luz eine Freundschaft."
    text = f"Partnerstädte der Stadt Fürth\n\n{heading}\n\n{sentence}\n"
    record = extract_text(text)
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Saint-Jean-de-Luz", "1956")]


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("Stadt Fürth\n\nDie Partnerschaft mit Besançon entstand im Jahre 1990, nach dem Fall der Mauer.", "1990"),
        ("Die Städtepartnerschaft zwischen Fürth und Besançon kam 1990 zustande.", "1990"),
        ("Die Partnerschaft zwischen Fürth und Besançon ist 1990 zustande gekommen.", "1990"),
        # contacts came about, not the partnership
        ("Die Stadt Fürth pflegt eine Partnerschaft mit Besançon. Erste Kontakte entstanden 1985.", None),
        ("Fürth pflegt eine Partnerschaft mit Besançon, nachdem 1985 Kontakte entstanden.", None),
    ],
)
def test_a_partnership_that_came_about_was_signed_then(extract_text, text, since):
    assert [(p.b[0], p.since) for p in extract_text(text).partnerships] == [("Besançon", since)]


@pytest.mark.parametrize(
    ("when", "since"),
    [
        ("am 4. und 5. Juni 1983", "1983-06"),  # one stay of two days: the month they share
        ("vom 29. Mai bis 1. Juni 1983", "1983"),
        ("am 5. Juni 1983", "1983-06-05"),
    ],
)
def test_a_signing_over_several_days_is_dated_to_what_they_share(extract_text, when, since):
    record = extract_text(f"Die Stadt Fürth hat {when} die Partnerschaft mit Besançon besiegelt.")
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Besançon", since)]


@pytest.mark.parametrize(
    ("before", "sentence", "since"),
    [
        (
            "Vom 29. Mai bis 1. Juni 1997 wurde in Fürth das „Europafest“ veranstaltet.",
            "Die Partnerschaft mit Besançon wurde im Rahmen des Europafestes besiegelt.",
            "1997",
        ),
        (
            "Am 3. Mai 1990 besuchte eine Delegation aus Besançon die Stadt.",
            "Anlässlich des Besuchs wurde die Partnerschaft mit Besançon besiegelt.",
            "1990-05-03",
        ),
        # another occasion was dated before: the signing stays undated
        (
            "Vom 29. Mai bis 1. Juni 1997 wurde in Fürth das Stadtfest veranstaltet.",
            "Die Partnerschaft mit Besançon wurde im Rahmen des Europafestes besiegelt.",
            None,
        ),
    ],
)
def test_a_signing_at_an_occasion_takes_the_occasions_date(extract_text, before, sentence, since):
    record = extract_text(f"Stadt Fürth\n\n{before}\n\n{sentence}")
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Besançon", since)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year of one main clause dates that clause's partner only
        (
            "Die Stadt Fürth ist seit 1995 Partnerstadt von Besançon und pflegt außerdem eine "
            "Städtefreundschaft mit Kuopio.",
            {("Besançon", "1995"), ("Kuopio", None)},
        ),
        # coordinated partners of one clause share it
        ("Fürth ist seit 1956 mit Besançon und Kuopio verschwistert.", {("Besançon", "1956"), ("Kuopio", "1956")}),
    ],
)
def test_a_seit_year_dates_the_partners_of_its_own_clause(extract_text, text, expected):
    assert {(p.b[0], p.since) for p in extract_text(text).partnerships} == expected
