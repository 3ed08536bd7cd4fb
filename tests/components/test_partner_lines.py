"""Partner lines: which list lines and sub-headings name a partner, and whose."""

import pytest


def lines(nlp, text):
    from extract.pipeline import process

    doc = process(text, nlp)
    return [(line.holder.text if line.holder is not None else None, line.partner.text) for line in doc._.partner_lines]


HEAD = "Unsere Partnerstädte\n\n"


@pytest.mark.parametrize(
    "line, partner",
    [
        ("1960 Poitiers - Frankreich", "Poitiers"),
        ("Poitiers – Frankreich (Nouvelle-Aquitaine). Seit 1985", "Poitiers"),
        ("Poitiers, Frankreich", "Poitiers"),
        ("Odense [DK]", "Odense"),
        ("- Frankreich, Poitiers", "Poitiers"),
        ("Tampere (früher Tammerfors) - Finnland", "Tampere"),
        ("Partnerschaft mit der Stadt Tartu / Estland", "Tartu"),
        ("Städtefreundschaft Lucca seit 1988", "Lucca"),
        ("Poitiers (Frankreich), seit 1998", "Poitiers"),
        ("FR Poitiers – seit 1966", "Poitiers"),  # a flag's country code before the name
    ],
)
def test_list_forms_name_a_partner(nlp, line, partner):
    assert lines(nlp, HEAD + line + "\n") == [(None, partner)]


@pytest.mark.parametrize(
    "line",
    [
        "Magistrat der Stadt Hameln",
        "Hameln hat folgende Partnerstädte:",
        "Gäste aus Poitiers besuchten Hameln",
        "Poitiers ist eine schöne Stadt",
        "Hier finden Sie uns",
        "Partnergemeinden der Stadt Hameln",
    ],
)
def test_prose_and_owner_lines_name_no_partner(nlp, line):
    assert lines(nlp, HEAD + line + "\n") == []


def test_a_place_line_outside_a_partnership_scope_names_no_partner(nlp):
    assert lines(nlp, "Anfahrt\n\nPoitiers, Frankreich\nDer Bus fährt um acht Uhr.\n") == []


def test_a_sub_heading_followed_by_a_partnership_word_opens_its_own_scope(nlp):
    assert lines(nlp, "Odense [DK]\nStädtefreundschaft seit 1984\n") == [(None, "Odense")]


def test_pair_line_names_both_sides(nlp):
    text = "Partnerschaften der Gemeinden\n\nWetzlar-Szeged (seit 05. Mai 2001)\n"
    assert lines(nlp, text) == [("Wetzlar", "Szeged")]


def test_lead_in_owner_holds_the_items_under_it(nlp):
    text = "Die Partnerschaften im Landkreis Göttingen:\nStadt Einbeck:\n- Frankreich, Poitiers\n"
    assert lines(nlp, text) == [("Einbeck", "Poitiers")]


def test_a_page_title_over_a_partnership_heading_is_no_partner(nlp):
    assert lines(nlp, "Celle\n\nPartnerstädte\nPoitiers (Frankreich)\n") == [(None, "Poitiers")]


OVERVIEW = (
    "Kreisfreie Städte\n\nLandeshauptstadt Fürth\n\n"
    "Poitiers – Frankreich (Nouvelle-Aquitaine). Seit 1977\n\n"
    "Tartu – Estland (Kreis Tartu). Seit 1990\n\n"
    "Lucca – Italien (Toskana). Seit 2001\n\n"
    "Landeshauptstadt Würzburg\n\n"
    "Odense – Dänemark (Syddanmark). Seit 1972\n\n"
    "Tampere – Finnland (Pirkanmaa). Seit 1975\n\n"
)


def test_a_run_of_partner_lines_with_country_and_date_is_a_list_without_a_heading_word(nlp):
    # an overview of several towns' partners with no partnership word at all:
    # each town's heading owns the lines under it
    assert lines(nlp, OVERVIEW) == [
        ("Fürth", "Poitiers"), ("Fürth", "Tartu"), ("Fürth", "Lucca"),
        ("Würzburg", "Odense"), ("Würzburg", "Tampere"),
    ]


def test_a_list_by_its_form_gives_its_pairs(extract_text):
    record = extract_text(OVERVIEW)
    assert {(p.a[0], p.b[0], p.since) for p in record.partnerships} >= {("Würzburg", "Odense", "1972")}


def test_two_dated_place_lines_are_no_list(nlp):
    # fewer than three such lines and no partnership word: a timeline, not a partner list
    text = "Stationen\n\nPoitiers – Frankreich. Seit 1977\n\nTartu – Estland. Seit 1990\n\nKontakt\n"
    assert lines(nlp, text) == []


def test_pair_lines_of_two_bodies_name_both_sides(nlp):
    text = (
        "Zum Netzwerk gehören folgende Partnerschaften:\n"
        "Stadt Fürth – Odense kommun\n"
        "Amt Musterwinkel – Tampere\n"
        "Schwabach & Poitiers\n"
    )
    assert lines(nlp, text) == [("Fürth", "Odense"), ("Amt Musterwinkel", "Tampere"), ("Schwabach", "Poitiers")]


def test_a_single_two_town_line_outside_a_partnership_scope_is_no_pair(nlp):
    assert lines(nlp, "Anfahrt\n\nFürth – Nürnberg\n\nParken am Bahnhof.\n") == []


def test_a_genitive_heading_with_a_plural_partner_word_owns_the_list(nlp):
    text = "Fürths Partnerstädte\n\n- Poitiers (Frankreich)\n- Tartu (Estland)\n"
    assert lines(nlp, text) == [("Fürths", "Poitiers"), ("Fürths", "Tartu")]


@pytest.mark.parametrize(
    "listing",
    [
        "Poitiers\nFrankreich\nseit 1970\n\nTartu\nEstland\nseit 1990\n",  # name, country, year stacked
        "Poitiers in Frankreich seit 1970\nTartu in Estland seit 1990\n",
        "Poitiers (F) seit 1970\nTartu (EST) seit 1990\n",  # country codes in parentheses
    ],
)
def test_more_list_forms_give_partner_country_and_year(extract_text, listing):
    record = extract_text("Schwabach, den 3. Mai 2019\n\nPartnerstädte\n\n" + listing)
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Poitiers", "1970"), ("Tartu", "1990")]


@pytest.mark.parametrize(
    "listing",
    [
        "Partnerstädte: Poitiers (Frankreich), seit 1970; Tartu (Estland), seit 1990",  # the year a part of its own
        "Partnerstädte\nPoitiers (Frankreich), seit 1970; Tartu (Estland), seit 1990",
        "Partnerstädte: Poitiers (Frankreich) seit 1970, Tartu (Estland) seit 1990",
        "Partnerstädte: Poitiers (Frankreich) – seit 1970, Tartu (Estland) – seit 1990",
        "Partnerstädte: seit 1970 Poitiers (Frankreich), seit 1990 Tartu (Estland)",
    ],
)
def test_each_partner_of_one_line_keeps_its_own_year(extract_text, listing):
    record = extract_text("Schwabach\n\n" + listing)
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Poitiers", "1970"), ("Tartu", "1990")]


def test_a_year_part_follows_only_a_partner_without_one(extract_text):
    # "seit 1990" after a partner dated in its parentheses is not that partner's
    record = extract_text("Schwabach\n\nPartnerstädte: Poitiers (Frankreich, 1970), seit 1990; Tartu (Estland)")
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Poitiers", "1970"), ("Tartu", None)]


@pytest.mark.parametrize(
    "title",
    ["Stadt Schwabach | Partnerstädte", "Marktgemeinde Schwabach – Partnergemeinden", "Schwabachs Partnerstädte"],
)
def test_a_title_naming_the_body_and_its_partner_towns_owns_the_list(extract_text, title):
    record = extract_text(title + "\n\nPoitiers (Frankreich)\nTartu (Estland)\n")
    assert record.home[:1] == ["Schwabach"] or record.home[:1] == ["Schwabachs"]
    assert [p.b[0] for p in record.partnerships] == ["Poitiers", "Tartu"]


@pytest.mark.parametrize(
    ("title", "lines_text"),
    [
        ("Landkreis Musterland", "- Schwabach mit Poitiers (Frankreich)\n- Ansbach mit Tartu (Estland)\n"),
        (
            "Verbandsgemeinde Musterland",
            "Ortsgemeinde Schwabach – Poitiers (Frankreich)\nOrtsgemeinde Ansbach – Tartu (Estland)\n",
        ),
        (
            "Landkreis Musterland",
            "| Schwabach | Poitiers | Frankreich | 1970 |\n| Ansbach | Tartu | Estland | 1990 |\n",
        ),
    ],
)
def test_member_towns_with_their_partners_on_a_districts_page(extract_text, title, lines_text):
    # the page's title names the publisher; each line names a member town and its partner
    record = extract_text(f"{title}\n\nPartnerschaften\n\n{lines_text}")
    assert record.home[:1] == [title]
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {("Schwabach", "Poitiers"), ("Ansbach", "Tartu")}


def test_bulleted_owner_lines_of_an_overview(nlp):
    text = (
        "Diese Partnergemeinden sind bekannt:\n\n"
        "  • Ansbach:  Poitiers (Frankreich)\n"
        "  • Fürth: Odense (Dänemark), Tampere (Finnland)\n"
    )
    assert lines(nlp, text) == [("Ansbach", "Poitiers"), ("Fürth", "Odense"), ("Fürth", "Tampere")]


def test_a_hyphenated_partner_known_whole_is_not_split_into_a_pair(nlp):
    assert lines(nlp, HEAD + "Saint-Étienne (seit 1956)\n") == [(None, "Saint-Étienne")]


def test_a_lead_in_naming_its_owner_makes_a_partner_list_without_a_twinning_word(extract_text):
    # "Partnerschaften" alone is no twinning word; the owner at home and the items abroad make the list one
    record = extract_text("Hameln unterhält Partnerschaften zu:\n- Poitiers\n- Tartu")
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {("Hameln", "Poitiers"), ("Hameln", "Tartu")}


def test_a_clubs_lead_in_makes_no_partner_list(extract_text):
    record = extract_text("Der Sportverein Hameln unterhält Partnerschaften zu:\n- Poitiers\n- Tartu")
    assert record.partnerships == []


@pytest.mark.parametrize(
    "table",
    [
        "Stadt | Land | seit\nPoitiers | Frankreich | 1970\nTartu | Estland | 1990\n",
        "| Stadt | Land | seit |\n|---|---|---|\n| Poitiers | Frankreich | 1970 |\n| Tartu | Estland | 1990 |\n",
        "Partnerstadt\tLand\tPartnerschaft seit\nPoitiers\tFrankreich\t1970\nTartu\tEstland\t1990\n",
    ],
)
def test_a_tables_header_row_keeps_the_rows_under_the_partner_heading(extract_text, table):
    # a flattened table: its header row names the columns and closes no list
    record = extract_text("Stadt Schwabach\n\nPartnerstädte\n\n" + table)
    assert [(p.a[0], p.b[0], p.since) for p in record.partnerships] == [
        ("Schwabach", "Poitiers", "1970"),
        ("Schwabach", "Tartu", "1990"),
    ]


def test_a_heading_that_is_no_column_header_still_closes_the_list(extract_text):
    text = "Stadt Schwabach\n\nPartnerstädte\n\nPoitiers | Frankreich | 1970\n\nAnfahrt\n\nTartu | Estland\n"
    record = extract_text(text)
    assert [p.b[0] for p in record.partnerships] == ["Poitiers"]


def test_a_bare_title_over_a_partnership_heading_naming_its_partner_holds_it(extract_text):
    # "Schwabach" over "Städtepartnerschaft mit Poitiers": the title is the holder, not a partner
    record = extract_text("Schwabach\n\nStädtepartnerschaft mit Poitiers\n\nDie Partnerschaft besteht seit 1970.\n")
    assert [(p.a[0], p.b[0], p.since) for p in record.partnerships] == [("Schwabach", "Poitiers", "1970")]
    assert record.home == ["Schwabach"]


def test_a_partner_heading_over_a_dated_partnership_line_stays_a_partner(nlp):
    # the line below names no other place: it describes the heading above
    assert lines(nlp, "Unsere Partnerstädte\n\nPoitiers\n\nStädtepartnerschaft seit 1970\n") == [(None, "Poitiers")]


@pytest.mark.parametrize(
    "listing",
    [
        "Poitiers FR\n\nKalisz PL\n",  # ISO codes after the name, headings of their own
        "Poitiers F\n\nKalisz PL\n",  # vehicle signs
        "- Poitiers F\n- Kalisz PL\n",  # items: the code is not part of the name
    ],
)
def test_a_country_code_after_a_partners_name_gives_its_country(extract_text, listing):
    record = extract_text("Gemeinde Schwabach\n\nUnsere Partnergemeinden\n\n" + listing)
    assert [(p.b[0], p.b_country) for p in record.partnerships] == [("Poitiers", "FR"), ("Kalisz", "PL")]


def test_a_swiss_municipalitys_canton_code_stays_in_its_name(nlp):
    # "Buchs SG" is the official name (canton St. Gallen), not Singapore ("SG")
    from extract.pipeline import process

    doc = process("Gemeinde Schwabach\n\nUnsere Partnergemeinden\n\n- Buchs SG\n- Kalisz PL\n", nlp)
    assert [e.text for e in doc.ents if e.label_ == "CITY"] == ["Schwabach", "Buchs SG", "Kalisz"]


def test_a_code_after_a_name_outside_a_partner_list_makes_no_partner(extract_text):
    assert extract_text("Gemeinde Schwabach\n\nAnfahrt\n\nPoitiers FR\n\nParken am Bahnhof.\n").partnerships == []


TOWN_OVERVIEW = (
    "Städtepartnerschaften im Landkreis\n"
    "Schwabach\n Poitiers, Frankreich, seit 1988\n Zwickau, Sachsen, seit 1990\n"
    "Ansbach\n Lucca (Italien)\n"
)


def test_an_overview_heads_each_towns_partners_with_its_name(nlp):
    assert lines(nlp, TOWN_OVERVIEW) == [("Schwabach", "Poitiers"), ("Schwabach", "Zwickau"), ("Ansbach", "Lucca")]


def test_the_home_of_an_overview_is_none_of_its_towns(nlp):
    from extract.pipeline import process

    # the year ending the line above is no postcode of the next line's town
    doc = process(TOWN_OVERVIEW, nlp)
    assert {s.text for s in doc._.home_spans}.isdisjoint({"Schwabach", "Ansbach", "Poitiers", "Zwickau", "Lucca"})


@pytest.mark.parametrize("mark", [" ", "- ", "• "])
def test_a_town_named_like_a_word_heads_its_partners_in_an_overview(nlp, mark):
    # "Spalt" (a gap) and "Roth" (a surname) are towns at home; over a line naming a partner
    # with its country, bulleted or not, they are the overview's headings, and a town over
    # "keine" has none
    text = (
        f"Liste der Städtepartnerschaften\n\nSchwabach\n{mark}Poitiers (Frankreich), seit 1988\n\n"
        f"Spalt\n{mark}Tartu (Estland), seit 1990\n\nRoth\n{mark}Lucca (Italien), seit 1980\n\nAnsbach\n keine\n"
    )
    assert lines(nlp, text) == [("Schwabach", "Poitiers"), ("Spalt", "Tartu"), ("Roth", "Lucca")]


def test_city_districts_the_gazetteer_lacks_head_their_partners(extract_text):
    # "Musterfeld" and "Bad Beispielberg" are no places GeoNames lists apart from their city;
    # as two headings over qualified partner lines they hold the partners under them
    text = (
        "Stadt Schwabach\n\nPartnerschaften der Stadtteile\n\nBad Beispielberg\nPoitiers (Frankreich), seit 1957\n"
        "Kalisz (Polen), seit 1990\n\nMusterfeld\nLucca (Italien), seit 1969\n"
    )
    pairs = {(p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships}
    assert pairs == {
        ("Bad Beispielberg", "Poitiers", "1957"),
        ("Bad Beispielberg", "Kalisz", "1990"),
        ("Musterfeld", "Lucca", "1969"),
    }


def test_one_unknown_line_over_partner_lines_is_no_place(nlp):
    from extract.pipeline import process

    # one such line is no overview's form: a title, a word of the page
    text = "Stadt Schwabach\n\nMusterfeld\nPoitiers (Frankreich), seit 1957\nKalisz (Polen), seit 1990\n"
    assert "Musterfeld" not in {e.text for e in process(text, nlp).ents}


def test_a_word_over_a_partner_line_is_no_town(nlp):
    from extract.pipeline import process

    # only a town at home heads partners; a word in prose stays a word
    for word in ("Rathaus", "Kontakt", "Bank"):
        doc = process(f"Unsere Partnerstädte\n\n{word}\n Poitiers (Frankreich), seit 1988\n", nlp)
        assert word not in {e.text for e in doc.ents}
    doc = process("Ein Spalt im Fels.\nPoitiers (Frankreich) liegt am Clain.\n", nlp)
    assert "Spalt" not in {e.text for e in doc.ents}


def test_one_bare_name_over_qualified_lines_is_a_partner_too(nlp):
    text = "Unsere Partnerstädte\nLucca\nPoitiers, Frankreich, seit 1988\nTartu (Estland)\n"
    assert lines(nlp, text) == [(None, "Lucca"), (None, "Poitiers"), (None, "Tartu")]


def test_a_town_before_a_colon_holds_the_partner_after_it(nlp):
    # the lead-in's "Partner" opens no list; the two lines name their holders themselves
    text = "Die Gemeinden im Landkreis haben Partner:\nSchwabach: Poitiers (Frankreich)\nAnsbach: Lucca (Italien)\n"
    assert lines(nlp, text) == [("Schwabach", "Poitiers"), ("Ansbach", "Lucca")]


def test_a_region_before_a_colon_holds_nothing(nlp):
    text = "Die Gemeinden im Landkreis haben Partner:\nBayern: Poitiers (Frankreich)\nAnsbach: Lucca (Italien)\n"
    assert ("Bayern", "Poitiers") not in lines(nlp, text)


def test_a_partners_fact_box_keeps_the_list_open(nlp):
    # "Einwohner: ..." describes the partner above; the next partner still belongs to the list
    text = "Unsere Partnerstädte\n\nPoitiers, Frankreich\nEinwohner: 88.000\nLucca, Italien\n"
    assert lines(nlp, text) == [(None, "Poitiers"), (None, "Lucca")]


def test_a_label_line_before_any_partner_still_closes_the_heading(nlp):
    text = "Unsere Partnerstädte\n\nKontakt: Rathaus, Zimmer 4\nGäste kamen\nPoitiers, Frankreich\n"
    assert lines(nlp, text) == []


@pytest.mark.parametrize(
    ("subtitle", "read"), [("Übersicht", True), ("Unsere Freunde in Europa", True), ("Kontakt", False)]
)
def test_a_subtitle_right_under_the_heading_keeps_it_open(nlp, subtitle, read):
    # a line of another kind right under "Partnerstädte" is its subtitle; page furniture ends it
    text = f"Unsere Partnerstädte\n\n{subtitle}\n\nPoitiers (Frankreich), seit 1957\nLucca (Italien), seit 1990\n"
    assert lines(nlp, text) == ([(None, "Poitiers"), (None, "Lucca")] if read else [])


@pytest.mark.parametrize(
    "line",
    [
        "{town} ({country}) – erste Kontakte 1975, Partnerschaft seit {y}",  # the contacts' year founds nothing
        "{town} ({country}) – Freundschaft seit 1975, Partnerschaft seit {y}",  # the partnership's own year
        "{town} ({country}), gegründet {y}, erneuert 2009",  # a signing word, then a renewal
        "{town}, {country} (100.000 Einwohner, 2020), seit {y}",  # the year of a count of inhabitants
        "{town} ({country}) | seit {y} | 50.000 Einwohner",  # a card's cells
        "{town} ({country}): Partnerschaftsvertrag vom 5. Mai {y}",
    ],
)
def test_a_partners_line_tells_its_founding_among_other_dates(extract_text, line):
    rows = [
        line.format(town="Grasse", country="Frankreich", y=1984),
        line.format(town="Kalisz", country="Polen", y=1999),
    ]
    text = "Stadt Greding\n\nPartnerstädte\n\n" + "\n".join(rows) + "\n"
    pairs = [(p.b[0], (p.since or "")[:4], p.kind) for p in extract_text(text).partnerships]
    assert pairs == [("Grasse", "1984", "partnership"), ("Kalisz", "1999", "partnership")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Partnerschaften: Grasse (1984), Kalisz (1994).", [("Grasse", "1984"), ("Kalisz", "1994")]),
        ("Städtepartnerschaften: Grasse (Frankreich) und Kalisz (Polen).", [("Grasse", None), ("Kalisz", None)]),
    ],
)
def test_a_labels_list_written_as_a_sentence(extract_text, sentence, expected):
    record = extract_text(f"Stadt Greding\n\n{sentence}\n")
    assert [(p.b[0], p.since) for p in record.partnerships] == expected


def test_a_flag_country_before_the_partner_is_no_partner(nlp):
    text = "Unsere Partnerstädte\n\n- Frankreich Poitiers, Frankreich\n- Italien Lucca, Italien\n"
    assert lines(nlp, text) == [(None, "Poitiers"), (None, "Lucca")]


def test_a_county_between_the_partner_and_its_country_is_no_second_partner(nlp):
    # "Cornwall" is also a Canadian city; before the country it says where the partner lies
    text = "Unsere Partnerstädte\n\nPenzance, Cornwall (Vereinigtes Königreich), seit 1989\nTartu (Estland)\n"
    assert lines(nlp, text) == [(None, "Penzance"), (None, "Tartu")]


OVERVIEW_BY_DASH = (
    "Städtepartnerschaften im Landkreis\n\n"
    "Die Städte und Gemeinden im Landkreis unterhalten viele Partnerschaften. Eine Übersicht:\n\n"
    "Schwabach – Hasselt (Belgien, seit 1962), Saint-Omer (Frankreich, seit 1976), Zeitz (Sachsen-Anhalt, seit 1990)\n"
    "Ansbach – Lucca (Italien, seit 1971)\n"
)


def test_a_town_a_dash_and_its_partners_with_remarks_in_parentheses(nlp):
    # the first line is long enough to read as a paragraph; commas inside parentheses split nothing
    assert lines(nlp, OVERVIEW_BY_DASH) == [
        ("Schwabach", "Hasselt"), ("Schwabach", "Saint-Omer"), ("Schwabach", "Zeitz"), ("Ansbach", "Lucca"),
    ]  # fmt: skip


def test_a_region_after_a_towns_dash_is_where_it_lies_not_its_partner(nlp):
    text = "Unsere Partnerstädte\n\nZwickau – Sachsen (seit 1990)\nPoitiers – Frankreich (seit 1985)\n"
    assert ("Zwickau", "Sachsen") not in lines(nlp, text)


def test_a_flecken_is_a_municipal_title_before_its_partners(nlp):
    text = (
        "Partnerschaften im Kreisgebiet:\n\n"
        "Stadt Schwabach: Vitré (Frankreich)\nFlecken Musterau: Kaplice (Tschechien)\n"
    )
    assert lines(nlp, text) == [("Schwabach", "Vitré"), ("Musterau", "Kaplice")]


@pytest.mark.parametrize(
    "label", ["Gründung der Partnerschaft: 1956", "Partnerschaft seit: 1956", "Unterzeichnung: 1956"]
)
def test_a_labelled_founding_line_dates_the_partner_above(nlp, label):
    from extract.pipeline import process

    # a singular partnership word before the colon describes the heading's own partnership;
    # the heading is a partner, not the owner of a list
    doc = process(f"Unsere Partnerstädte\n\nPoitiers\n{label}\n\nLucca\n{label.replace('1956', '1990')}\n", nlp)
    found = [(line.partner.text, line.since.text) for line in doc._.partner_lines]
    assert found == [("Poitiers", "1956"), ("Lucca", "1990")]


def test_a_place_over_a_plural_partnership_label_owns_the_partners_after_it(nlp):
    text = "Partnerschaften im Landkreis\n\nSchwabach\nPartnerstädte: Poitiers (Frankreich), Lucca (Italien)\n"
    assert lines(nlp, text) == [("Schwabach", "Poitiers"), ("Schwabach", "Lucca")]


def test_a_country_code_joined_to_the_name_is_no_side_of_a_pair(nlp):
    text = "Unsere Partnerstädte\n\nF-Dinan (seit 1987)\nCZ-Písek (seit 1990)\n"
    assert lines(nlp, text) == [(None, "Dinan"), (None, "Písek")]


@pytest.mark.parametrize(
    "line",
    ["D-Schwabach (seit 1972), CZ-Písek (seit 1990), I-Lucca (seit 1985)", "Schwabach, Písek und Lucca."],
)
def test_a_line_of_partners_after_the_owners_lead_in(nlp, line):
    text = f"Städtepartnerschaften der Stadt Gmunden:\n{line}\n"
    assert lines(nlp, text) == [("Gmunden", "Schwabach"), ("Gmunden", "Písek"), ("Gmunden", "Lucca")]


def test_a_prose_line_after_the_lead_in_is_no_list(nlp):
    text = "Städtepartnerschaften der Stadt Gmunden:\nGäste aus Písek besuchten uns, danach fuhren sie nach Lucca.\n"
    assert lines(nlp, text) == []


def test_an_index_letter_heading_keeps_an_overview_open(nlp):
    text = (
        "Liste der Städtepartnerschaften in Bayern\n\n== A ==\n"
        "* Ansbach: Anglet (Frankreich, seit 1968), Bay City (USA, seit 1960)\n\n== B ==\n"
        "* Bamberg: Rodez (Frankreich, seit 1970)\n"
    )
    assert lines(nlp, text) == [("Ansbach", "Anglet"), ("Ansbach", "Bay City"), ("Bamberg", "Rodez")]


def test_a_table_row_of_a_town_and_its_partners_with_remarks(nlp):
    text = (
        "Städtepartnerschaften im Landkreis\n\n| Stadt | Partnerstädte |\n|---|---|\n"
        "| Schwabach | Anglet (Frankreich), Bay City (USA) |\n| Ansbach | Lucca (Italien) , Tartu (Estland) |\n"
    )
    assert lines(nlp, text) == [
        ("Schwabach", "Anglet"), ("Schwabach", "Bay City"), ("Ansbach", "Lucca"), ("Ansbach", "Tartu"),
    ]  # fmt: skip


def test_a_partner_and_its_state_after_a_lead_in_are_one_partner(nlp):
    text = "Die Stadt Gmunden unterhält folgende Städtepartnerschaften:\n* Meißen, Sachsen (seit 1956)\n"
    assert lines(nlp, text) == [("Gmunden", "Meißen")]


def test_a_country_heading_over_bare_partner_names_gives_their_country(extract_text):
    text = "Stadt Fürth\n\nStädtepartnerschaften\n\nFrankreich\nPoitiers\nseit 1956\n\nPolen\nKalisz\nseit 1990\n"
    record = extract_text(text)
    assert [(p.b[0], p.b_country, p.since) for p in record.partnerships] == [
        ("Poitiers", "FR", "1956"), ("Kalisz", "PL", "1990"),
    ]  # fmt: skip


def test_a_town_with_one_partner_in_an_overview_of_that_form(nlp):
    # a sentence end makes "Kalisz – Polen ... Seit 1990." a paragraph; the page's form makes it a line,
    # and the bare name over it heads it, with a region that names which town it is
    text = OVERVIEW + "Ansbach (Mittelfranken)\n\nKalisz – Polen (Woiwodschaft Großpolen). Seit 1990.\n\n"
    assert lines(nlp, text)[5:] == [("Ansbach", "Kalisz")]


def test_a_bare_name_among_lines_of_the_form_is_the_next_towns_heading(nlp):
    text = OVERVIEW + "Schwabach\n\nAnsbach\n\nGmina Kalisz – Polen (Woiwodschaft Großpolen). Seit 1990\n"
    assert lines(nlp, text)[5:] == [("Ansbach", "Kalisz")]


def test_one_short_line_of_that_form_alone_makes_no_list(nlp):
    text = "Aus dem Rathaus\n\nFürth\n\nKalisz – Polen. Seit 1990.\n\nDer Markt ist am Samstag.\n"
    assert lines(nlp, text) == []


@pytest.mark.parametrize(
    "line",
    [
        "Besançon, Nowy Targ, Sankt Pölten und Kuopio",
        "Besançon · Nowy Targ · Sankt Pölten · Kuopio",
        "Besançon | Nowy Targ | Sankt Pölten | Kuopio",
        "Besançon (Frankreich), Nowy Targ (Polen), Sankt Pölten (Österreich), Kuopio (Finnland)",
    ],
)
def test_one_line_of_partners_under_a_partnership_heading(extract_text, line):
    record = extract_text(f"Stadt Fürth\n\nPartnerstädte\n\n{line}\n")
    assert sorted(p.b[0] for p in record.partnerships) == ["Besançon", "Kuopio", "Nowy Targ", "Sankt Pölten"]


def test_one_line_of_places_under_another_heading_is_no_partner_list(extract_text):
    record = extract_text("Stadt Fürth\n\nAusflugsziele\n\nBesançon, Nowy Targ, Sankt Pölten und Kuopio\n")
    assert record.partnerships == []


def test_a_table_flattened_to_one_cell_per_line_keeps_each_rows_country_and_year(extract_text):
    text = (
        "Stadt Fürth\n\nPartnerstädte\n\nStadt\nLand\nPartnerschaft seit\nBesançon\nFrankreich\n1956\n"
        "Nowy Targ\nPolen\n1990\nSankt Pölten\nÖsterreich\n1995\n"
    )
    rows = [(p.b[0], p.b_country, p.since) for p in extract_text(text).partnerships]
    assert rows == [("Besançon", "FR", "1956"), ("Nowy Targ", "PL", "1990"), ("Sankt Pölten", "AT", "1995")]


def test_a_lead_in_stating_friendly_relations_opens_a_list_of_friendships(extract_text):
    text = "Fürth\n\nDarüber hinaus bestehen freundschaftliche Beziehungen zu:\n* Tartu (Estland)\n* Riga (Lettland)\n"
    found = [(p.b[0], p.kind) for p in extract_text(text).partnerships]
    assert found == [("Tartu", "friendship"), ("Riga", "friendship")]


def test_a_firms_friendly_relations_open_no_list(extract_text):
    text = "Fürth\n\nDie Firma unterhält freundschaftliche Beziehungen zu:\n* Tartu (Estland)\n* Riga (Lettland)\n"
    assert extract_text(text).partnerships == []


def test_a_table_of_two_bodies_a_row_between_tabs(extract_text):
    text = (
        "Liste der Städtepartnerschaften in Franken\n\nFürth\tBesançon\tFrankreich\t1956\n"
        "Bamberg\tBedford\tVereinigtes Königreich\t1974\nErlangen\tRennes\tFrankreich\t1964\n"
    )
    rows = {(p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships}
    assert rows == {("Fürth", "Besançon", "1956"), ("Bamberg", "Bedford", "1974"), ("Erlangen", "Rennes", "1964")}


@pytest.mark.parametrize(
    "lead_in",
    [
        "Partnerschaften\n\nUnsere Stadt ist mit folgenden Städten verbunden:\n\n",  # inside the heading's scope
        "Schwabach ist mit folgenden Städten freundschaftlich verbunden:\n\n",  # a bond opens the list itself
    ],
)
def test_a_lead_in_announcing_the_towns_keeps_or_opens_the_list(extract_text, lead_in):
    record = extract_text("Stadt Schwabach\n\n" + lead_in + "Poitiers, Frankreich\nLucca, Italien\n")
    assert sorted(p.b[0] for p in record.partnerships) == ["Lucca", "Poitiers"]


def test_a_lead_in_announcing_towns_by_bus_opens_no_list(extract_text):
    text = "Stadt Schwabach\n\nDie Stadt ist mit folgenden Städten durch Buslinien verbunden:\n\nFürth\nErlangen\n"
    assert extract_text(text).partnerships == []


def test_a_bulleted_line_of_partners_with_country_codes_before_their_names(extract_text):
    text = "Stadt Wels\n\nPartnerstädte\n• D-Schwabach (seit 1972), PL-Kalisz (seit 1990)\n• F-Poitiers\n"
    record = extract_text(text)
    assert sorted((p.b[0], p.since) for p in record.partnerships) == [
        ("Kalisz", "1990"), ("Poitiers", None), ("Schwabach", "1972")
    ]


def test_a_bulleted_holder_before_a_colon_holds_the_partners_after_it(extract_text):
    text = (
        "Stadt Schwabach\n\nPartnerschaften der Stadtbezirke\n"
        "• Stadtbezirk Musterwinkel: Seit 1969 Partnerschaft mit Poitiers in Frankreich\n"
        "• Stadtbezirk Beispielfeld: Partnerschaft mit Lucca in Italien seit 1967\n"
    )
    pairs = sorted((p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships)
    assert pairs == [("Beispielfeld", "Lucca", "1967"), ("Musterwinkel", "Poitiers", "1969")]


def test_a_bulleted_town_heading_with_its_title_word_owns_the_lines_under_it(extract_text):
    text = (
        "Partnerschaften der Städte\n\n• Hansestadt Schwabach\n\n"
        "• Poitiers – Frankreich (Nouvelle-Aquitaine). Seit 1956\n\n• Lucca – Italien (Toskana). Seit 1990\n\n"
        "• Fürth\n\n• Kalisz – Polen (Großpolen). Seit 1990\n\n• Tartu – Estland (Kreis Tartu). Seit 1992\n"
    )
    pairs = sorted((p.a[0], p.b[0]) for p in extract_text(text).partnerships)
    assert pairs == [("Fürth", "Kalisz"), ("Fürth", "Tartu"), ("Schwabach", "Lucca"), ("Schwabach", "Poitiers")]


@pytest.mark.parametrize(
    "text",
    [
        # a card per partner, each closed by its link's label
        HEAD + "Poitiers\nFrankreich\nPartnerstadt seit 1966\nmehr erfahren\n"
        "Lucca\nItalien\nPartnerstadt seit 1988\n» Weiterlesen\n",
        HEAD + "Poitiers | Frankreich | seit 1966 | Weiterlesen\nLucca | Italien | seit 1988 | Weiterlesen\n",
    ],
)
def test_a_cards_link_label_closes_no_list(nlp, text):
    assert [partner for _, partner in lines(nlp, text)] == ["Poitiers", "Lucca"]


def test_a_link_label_word_right_after_a_name_is_no_cell(nlp):
    # "Poitiers mehr": a word after the name itself, not a card's last cell
    assert lines(nlp, HEAD + "Poitiers mehr als eine Partnerstadt\n") == []


def test_a_state_on_the_line_after_a_town_at_home_is_its_location(nlp):
    text = HEAD + "Poitiers\nFrankreich\nseit 1966\nGotha\nThüringen\nseit 1990\n"
    assert [partner for _, partner in lines(nlp, text)] == ["Poitiers", "Gotha"]


def test_a_district_on_the_line_after_a_town_is_a_partner_of_its_own(nlp):
    text = HEAD + "Poitiers, Frankreich\nLandkreis Gotha\n"
    assert [partner for _, partner in lines(nlp, text)] == ["Poitiers", "Landkreis Gotha"]


@pytest.mark.parametrize(
    "item, partner",
    [
        ("- Saint-Jean-de-Luz (1990)", "Saint-Jean-de-Luz"),  # seven tokens, four words
        ("- Saint-Jean-de-Luz in Frankreich (1990)", "Saint-Jean-de-Luz"),
        ("- Aix-en-Provence in Frankreich (1990)", "Aix-en-Provence"),  # no pair "Aix-en" - "Provence"
    ],
)
def test_a_long_hyphenated_name_in_a_dated_item_is_one_partner(nlp, item, partner):
    assert lines(nlp, HEAD + item + "\n") == [(None, partner)]


DISTRICT_PARTNER = "Powiat Kłodzki – Polen (Niederschlesien). Seit 2016\n"


def test_a_label_of_one_partnership_word_under_a_districts_heading_keeps_its_owner(nlp):
    # "Landkreis X", then "Kreispartnerschaft:" over its partner: the label names what follows
    text = OVERVIEW + "Landkreis Ansbach\n\nKreispartnerschaft:\n\n" + DISTRICT_PARTNER
    assert lines(nlp, text)[5:] == [("Landkreis Ansbach", "Powiat Kłodzki")]


def test_a_group_heading_of_an_overview_keeps_it_open(nlp):
    # "Landkreise" heads a group of the overview's bodies, as "Kreisfreie Städte" does
    text = (
        "Kommunale Partnerschaften im Land\n\n" + OVERVIEW
        + "Landkreise\n\nLandkreis Ansbach\n\nKreispartnerschaft:\n\n" + DISTRICT_PARTNER
    )
    assert lines(nlp, text)[5:] == [("Landkreis Ansbach", "Powiat Kłodzki")]


FLAT_TABLE = (
    "Liste der Städtepartnerschaften in Franken\n\nStadt\nPartnerstadt\nLand\nseit\n"
    "Ansbach\nAnglet\nFrankreich\n1968\nAnsbach\nBay City\nVereinigte Staaten\n1960\n"
    "Hof\nJoensuu\nFinnland\n1979\n"
)


def test_a_table_of_holders_and_partners_flattened_to_one_cell_per_line(extract_text):
    # its columns say which cell holds and which is the partner; "Hof" is a common word, its column a town
    record = extract_text(FLAT_TABLE)
    rows = [(p.a[0], p.b[0], p.b_country, p.since) for p in record.partnerships]
    assert rows == [
        ("Ansbach", "Anglet", "FR", "1968"), ("Ansbach", "Bay City", "US", "1960"), ("Hof", "Joensuu", "FI", "1979"),
    ]  # fmt: skip
    assert record.home == []  # an overview of several towns


def test_a_flattened_table_with_a_column_of_other_words(extract_text):
    text = (
        "Partnerschaften im Landkreis\n\nGemeinde\nBemerkung\nPartnergemeinde\nseit\n"
        "Ansbach\nKreisstadt\nAnglet\n1968\nSchwabach\nStadt\nKalisz\n1990\n"
    )
    assert [(p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships] == [
        ("Ansbach", "Anglet", "1968"), ("Schwabach", "Kalisz", "1990"),
    ]  # fmt: skip


def test_a_flattened_table_without_a_partners_column_pairs_nothing(extract_text):
    text = "Städtepartnerschaften\n\nStadt\nEinwohner\nFläche\nAnsbach\n41.000\n99\nSchwabach\n40.000\n41\n"
    assert extract_text(text).partnerships == []


@pytest.mark.parametrize("line", ["Gainesville / Florida USA", "Gainesville / Florida, USA"])
def test_a_state_after_a_slash_and_before_its_country_is_where_the_partner_lies(extract_text, line):
    # "Florida" is also a town's name (in Chile); before "USA" it is the state
    record = extract_text(f"Stadt Fürth\n\nPartnerstädte\n\n{line}\nPoitiers / Frankreich\n")
    assert [(p.b, p.b_country) for p in record.partnerships] == [(["Gainesville"], "US"), (["Poitiers"], "FR")]


def test_two_names_of_one_place_after_a_slash_stay_aliases(nlp):
    assert lines(nlp, HEAD + "Chemnitz/Karl-Marx-Stadt (seit 1990)\n") == [(None, "Chemnitz")]


@pytest.mark.parametrize("where", ["im Bundesstaat Ohio", "im US-Bundesstaat Ohio"])
def test_a_partners_state_named_with_its_state_word_on_the_line(extract_text, where):
    text = f"Stadt Fürth\n\nPartnerstädte\n\nDayton {where}, seit 1990\nPoitiers (Frankreich), seit 1970\n"
    assert [(p.b[0], p.since) for p in extract_text(text).partnerships] == [("Dayton", "1990"), ("Poitiers", "1970")]


TABLE_ROWS = [
    ("Deutsche Gemeinde", "Bundesland", "Französische Gemeinde", "Seit"),
    ("Ansbach", "Bayern", "Anglet", "1968"),
    ("Schwabach", "Bayern", "Poitiers", "1974"),
]


@pytest.mark.parametrize(
    "layout",
    [
        lambda row: "\t".join(row),  # a row per line, cells between tabs
        lambda row: "| " + " | ".join(row) + " |",  # ... or between bars
        lambda row: "\n".join(row),  # one cell per line
    ],
)
def test_a_table_of_two_bodies_columns_gives_each_rows_pair(extract_text, layout):
    # the header's two bodies' columns: the first holds, the second is the partner
    text = "Liste deutsch-französischer Städtepartnerschaften\n\n" + "\n".join(layout(r) for r in TABLE_ROWS) + "\n"
    pairs = [(p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships]
    assert pairs == [("Ansbach", "Anglet", "1968"), ("Schwabach", "Poitiers", "1974")]


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_a_column_of_where_the_holder_lies_is_no_second_holder(extract_text, separator):
    # "Kommune | Landkreis | Partnerkommune": the first body's column holds the partnership
    rows = [
        ("Kommune", "Landkreis", "Partnerkommune", "Land", "seit"),
        ("Ansbach", "kreisfrei", "Anglet", "Frankreich", "1968"),
        ("Spalt", "Roth", "Tartu", "Estland", "1990"),
    ]
    text = "Partnerschaften in Mittelfranken\n\n" + "\n".join(separator.join(r) for r in rows) + "\n"
    pairs = [(p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships]
    assert pairs == [("Ansbach", "Anglet", "1968"), ("Spalt", "Tartu", "1990")]


def test_a_table_of_people_gives_no_pair(extract_text):
    text = "Gemeinderat\n\nName\tPartei\tOrt\tSeit\nAnna Muster\tSPD\tAnsbach\t2014\nMax Muster\tCSU\tSchwabach\t2020\n"
    assert extract_text(text).partnerships == []


def test_a_list_line_cut_at_the_texts_end_still_names_its_partner(nlp):
    # a page corpus cut the text after "Kalisz – P": the name is whole, its country cut
    above = (
        "Partnerschaften der Gemeinden\n\nSchwabach\n\nPoitiers – Frankreich (Vienne). Seit 1980\n\n"
        "Tartu – Estland (Tartumaa). Seit 1990\n\nAnsbach\n\nAnglet – Frankreich (Landes). Seit 1968\n\n"
    )
    found = lines(nlp, above + "Kalisz – P")
    assert found[-2:] == [("Ansbach", "Anglet"), ("Ansbach", "Kalisz")]
    # a text that ends with its line names nothing more than its lines
    assert lines(nlp, above + "Kontakt: Rathaus\n")[-1] == ("Ansbach", "Anglet")


@pytest.mark.parametrize(
    "location", ["Frankreich, Nouvelle-Aquitaine", "Nouvelle-Aquitaine", "Frankreich – Nouvelle-Aquitaine"]
)
def test_a_line_of_where_the_partner_lies_is_no_partner(extract_text, location):
    text = (
        "Stadt Fürth\n\nUnsere Partnerstädte\n\n"
        f"Poitiers\n{location}\nPartnerschaft seit 1966\n\n"
        "Lucca\nItalien, Toskana\nPartnerschaft seit 1988\n"
    )
    record = extract_text(text)
    assert sorted((p.b[0], p.since) for p in record.partnerships) == [("Lucca", "1988"), ("Poitiers", "1966")]


def test_a_district_on_the_line_after_a_partner_is_a_partner_of_its_own(extract_text):
    # a district is a body: "Landkreis X" under a partner is the next partner, not a location
    text = "Stadt Fürth\n\nUnsere Partnerstädte\n\nPoitiers\nLandkreis Roth\n"
    record = extract_text(text)
    assert sorted(p.b[0] for p in record.partnerships) == ["Landkreis Roth", "Poitiers"]


def test_a_cards_field_of_the_partners_name(extract_text):
    text = (
        "Stadt Fürth\n\nPartnerstädte\n\n"
        "Stadt: Poitiers\nLand: Frankreich\nEinwohner: 88.000\nPartnerschaft seit: 1966\n\n"
        "Stadt: Lucca\nLand: Italien\nEinwohner: 89.000\nPartnerschaft seit: 1988\n"
    )
    record = extract_text(text)
    assert sorted((p.b[0], p.since) for p in record.partnerships) == [("Lucca", "1988"), ("Poitiers", "1966")]


def test_a_table_laid_out_with_spaces_is_read_by_its_columns(extract_text):
    # a PDF's table as text: cells apart by runs of spaces, a header naming the columns
    text = (
        "Partnerschaften im Landkreis Roth\n\n"
        "Gemeinde       Partnergemeinde       Land          seit\n"
        "Schwabach      Kalisz                Polen         1990\n"
        "Hilpoltstein   Lucca                 Italien       1975\n"
    )
    record = extract_text(text)
    assert sorted((p.a[0], p.b[0], p.since) for p in record.partnerships) == [
        ("Hilpoltstein", "Lucca", "1975"),
        ("Schwabach", "Kalisz", "1990"),
    ]


def test_a_sentence_with_wide_spaces_is_no_table(extract_text):
    text = "Stadt Fürth\n\nDie Stadt   pflegt seit 1966   eine Partnerschaft   mit Poitiers.\n"
    assert [(p.b[0], p.since) for p in extract_text(text).partnerships] == [("Poitiers", "1966")]
