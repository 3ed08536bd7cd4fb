"""The publishing body: votes by how the text names each place."""

import pytest
from tests.conftest import VISIT


def home(nlp, text):
    from extract.pipeline import process

    doc = process(text, nlp)
    return [s.text for s in doc._.home_spans][:1], doc._.home_why


def test_address_block_outweighs_a_partner_named_more_often(nlp):
    text = (
        "Besuch aus Poitiers\nDie Delegation aus Poitiers kam am Freitag. Poitiers ist seit 1970 Partnerstadt. "
        "In Poitiers freut man sich.\n\nMagistrat der Stadt Hameln\n31785 Hameln\n"
    )
    found, why = home(nlp, text)
    assert found == ["Hameln"] and "publisher" in why


def test_a_name_located_for_the_reader_is_no_home(nlp):
    text = (
        "Partnerschaftsvereinbarung zwischen Stadt Celle und Tartu (Estland) unterzeichnet. Die Gemeinde Tartu "
        "(Estland) lud ein, der Besuch in Tartu folgte. Der Stadtrat von Celle beschloss."
    )
    assert home(nlp, text)[0] == ["Celle"]


def test_a_foreign_adjective_marks_a_partner(nlp):
    text = (
        "Der Landkreis Celle pflegt die Partnerschaft mit dem polnischen Landkreis Gnesen. Der Landkreis Gnesen dankt."
    )
    assert home(nlp, text)[0] == ["Landkreis Celle"]


def test_a_former_body_is_no_home(nlp):
    text = (
        "Die Partnerschaft begann 1968 durch den ehemaligen Landkreis Einbeck. Der ehemalige Landkreis Einbeck "
        "ging auf. Heute pflegt sie der Landkreis Celle."
    )
    assert home(nlp, text)[0] == ["Landkreis Celle"]


def test_a_page_about_foreign_places_only_has_no_home(nlp):
    text = "Unsere Partnerstädte\nOdense [DK]\nStädtefreundschaft seit 1984\nOdense liegt auf Fünen.\n"
    assert home(nlp, text)[0] == []


def test_the_hub_of_several_between_statements_is_the_home(nlp):
    text = (
        "Zwischen der Stadt Celle und der Marktgemeinde Wels besteht seit 1991 eine Städtefreundschaft. Gäste "
        "aus Celle kamen nach Celle zurück. Die Partnerschaft zwischen Wels und Steyr wurde 1983 besiegelt."
    )
    assert home(nlp, text)[0] == ["Wels"]


def test_austrian_and_swiss_address_blocks_name_the_home(nlp):
    austrian = (
        "Partnergemeinde\nDie Partnerschaft mit Tartu wurde 1990 in Tartu besiegelt. Tartu liegt in Estland.\n"
        "Marktgemeindeamt Wels\n4600 Wels\n"
    )
    swiss = (
        "Die Partnerschaft mit Lucca besteht seit 1988. In Lucca wird gefeiert.\nGemeindekanzlei Aarau\n5000 Aarau\n"
    )
    assert home(nlp, austrian)[0] == ["Wels"] and home(nlp, swiss)[0] == ["Aarau"]


def test_the_dateline_of_a_local_report_names_the_home(nlp):
    text = (
        "Celle. Eine Delegation aus Goslar besuchte am Wochenende die Partnerstadt. Die Gäste aus Goslar wurden "
        "im Rathaus empfangen. Goslar und Celle sind seit 1990 Partnerstädte. In Goslar ist ein Gegenbesuch geplant."
    )
    found, why = home(nlp, text)
    assert found == ["Celle"] and "dateline" in why


def test_between_statements_of_one_sentence_are_those_that_reach_its_places(nlp):
    from extract.components.home import between_statements

    doc = nlp(
        "Die Partnerschaft zwischen Besançon und Oxford ist alt. Die Freundschaft zwischen Fürth und Limoges auch."
    )
    places = [e for e in doc.ents if e.label_ in ("CITY", "REGION")]
    second = next(s for s in doc.sents if "Fürth" in s.text)
    names = lambda groups: [[p.text for p in group] for group in groups]  # noqa: E731

    assert names(between_statements(doc, places)) == [["Besançon", "Oxford"], ["Fürth", "Limoges"]]
    # as the partnership step asks: the sentence's own places, the phrases that can reach them
    own = [p for p in places if second.start <= p.start < second.end]
    assert names(between_statements(doc, own, within=(second.start, second.end))) == [["Fürth", "Limoges"]]
    assert between_statements(doc, own, within=(second.start, second.end)) == between_statements(doc, own)


def test_a_dateline_with_its_date_names_the_publisher(nlp):
    text = (
        "Jubiläum der Partnerschaft\n\nSchwabach, den 28.09.2017\n\n"
        "Am 8. Mai 1992 unterzeichnete der Bürgermeister einen Partnerschaftsvertrag mit der Stadt Rinteln. "
        "Aus Rinteln kamen viele Gäste, und Rinteln lud zum Gegenbesuch."
    )
    found, why = home(nlp, text)
    assert found == ["Schwabach"] and "dateline" in why


def test_a_name_after_a_partner_noun_is_a_partner_not_the_home(nlp):
    text = (
        "Besuch in der Partnerstadt Rinteln. Die Partnerstadt Rinteln empfing die Gäste. "
        "Der Bürgermeister der Stadt Schwabach dankte."
    )
    assert home(nlp, text)[0] == ["Schwabach"]


def test_a_state_or_canton_publishes_no_municipal_page(nlp):
    text = "Im Kanton Thurgau liegt Sirnach. Der Kanton Thurgau und der Kanton Thurgau. Sirnach pflegt Partnerschaften."
    assert home(nlp, text)[0] != ["Kanton Thurgau"]


def test_mit_before_an_adjective_and_a_name_marks_a_partner(extract_text):
    record = extract_text(
        "Schwabach, den 3. Mai 2019\n\n"
        "Am 24. Mai 1992 folgte ein Städtepartnerschaftsvertrag mit dem fränkischen Ansbach."
    )
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Schwabach", "Ansbach")]


def test_the_towns_adjective_counts_for_its_home(nlp):
    text = (
        "Die Delegation reiste nach Rinteln. Der Schwabacher Bürgermeister und "
        "die Schwabacher Stadträte dankten. Schwabach und Rinteln feiern."
    )
    found, why = home(nlp, text)
    assert found == ["Schwabach"] and "adjective" in why


def test_a_part_of_a_town_is_no_publisher(nlp):
    text = "Fest im Stadtteil Rinteln. Im Stadtteil Rinteln wurde gefeiert. Die Stadt Schwabach lud ein."
    assert home(nlp, text)[0] == ["Schwabach"]


def test_a_district_named_x_y_kreis_publishes(nlp):
    text = (
        "Der Landrat des Main-Taunus-Kreises besuchte den Partnerkreis Powiat Kielecki. "
        "Seit 2000 pflegt der Main-Taunus-Kreis die Partnerschaft. Die Delegation kam aus Frankfurt."
    )
    assert home(nlp, text)[0] == ["Main-Taunus-Kreises"]


def test_a_districts_genitive_is_the_same_body(extract_text):
    record = extract_text(
        "Der Main-Taunus-Kreis informiert.\n\nSeit 2000 ist Powiat Kielecki der Partnerkreis des Main-Taunus-Kreises."
    )
    assert record.home[:1] == ["Main-Taunus-Kreis"]
    assert [p.a[0] for p in record.partnerships] == ["Main-Taunus-Kreis"]


def test_german_speaking_areas_abroad_publish(nlp):
    # South Tyrol and East Belgium publish German pages; so do Luxembourg's towns
    for town in ("Brixen", "Eupen", "Düdelingen"):
        text = f"Die Gemeinde {town} pflegt seit 1970 eine Partnerschaft mit Vannes in Frankreich."
        assert home(nlp, text)[0] == [town]
    # an Italian or Belgian town elsewhere is a partner, not a publisher
    assert home(nlp, "Die Gemeinde Parma pflegt seit 1970 eine Partnerschaft mit Vannes in Frankreich.")[0] == []


def test_a_double_name_whose_second_part_is_no_place_or_word_is_one_body(nlp):
    # "Musterau-Kleindorf": a merged municipality the gazetteer lists by its first part only
    found, _ = home(nlp, "Fürth-Kleinbuchwaldau · Die Gemeinde feiert mit ihrer Partnerstadt Vannes.")
    assert found == ["Fürth-Kleinbuchwaldau"]


def home_at(nlp, text, url=None, given=None):
    from extract.addresses import page_address
    from extract.pipeline import process

    doc = process(text, nlp, address=page_address(url), home=given)
    return list(doc._.home), doc._.home_why, [(p["a"][0], p["b"][0]) for p in doc._.partnerships]




def test_the_address_of_a_municipal_site_decides_the_home(nlp):
    assert home_at(nlp, VISIT)[0][:1] == ["Fürth"]
    found, why, pairs = home_at(nlp, VISIT, "https://www.ansbach.de/aktuelles/besuch")
    assert found[:1] == ["Ansbach"] and "address" in why and "the text alone: Fürth" in why
    assert pairs == [("Ansbach", "Fürth")]


def test_a_newspapers_or_an_ip_address_changes_nothing(nlp):
    alone = home_at(nlp, VISIT)[0]
    assert home_at(nlp, VISIT, "https://www.ansbacher-zeitung.de/lokales/ansbach/")[0] == alone
    assert home_at(nlp, VISIT, "http://10.0.0.7/poitiers")[0] == alone


def test_a_host_naming_two_towns_decides_nothing(nlp):
    alone = home_at(nlp, VISIT)[0]
    assert home_at(nlp, VISIT, "https://www.ansbach-poitiers.de/")[0] == alone


def test_an_address_naming_a_town_the_text_never_names(nlp):
    text = "Unsere Partnerstädte\n\nPoitiers (Frankreich), seit 1970\n\nTartu (Estland), seit 1992\n"
    found, why, pairs = home_at(nlp, text, "https://www.schwabach.de/partnerstaedte")
    assert found == ["Schwabach"] and "address" in why
    assert sorted(pairs) == [("Schwabach", "Poitiers"), ("Schwabach", "Tartu")]


def test_a_given_home_holds_the_pairs(nlp):
    text = "Unsere Partnerstädte\n\nPoitiers (Frankreich), seit 1970\n"
    found, why, pairs = home_at(nlp, text, given="Rinteln")
    assert found == ["Rinteln"] and "given" in why and pairs == [("Rinteln", "Poitiers")]


def test_a_titled_host_names_a_body_the_text_never_names(nlp):
    text = "Partnergemeinden\n\nPoitiers (Frankreich), seit 1990\n"
    found, why, pairs = home_at(nlp, text, "https://www.amt-musterland.de/partner")
    assert found == ["Amt Musterland"] and pairs == [("Amt Musterland", "Poitiers")]
    # an abbreviation ("lk-abc") or a news portal's section names no body the text could confirm
    assert home_at(nlp, text, "https://www.lk-abc.de/partner")[0] == []
    assert home_at(nlp, text, "https://news.example.de/region/kreis-musterland/artikel")[0] == []


def test_a_big_city_abroad_is_not_its_small_namesake_at_home(nlp):
    # Strasbourg dwarfs the Carinthian market town of the same German name: a trip there names no publisher
    trip = (
        "Schüleraustausch\nZwölf Schüler fuhren nach Straßburg. In Straßburg besuchten sie das Europaparlament. "
        "Straßburg gefiel allen."
    )
    assert home(nlp, trip)[0] == []
    # the namesake with its body word still publishes
    own = "Die Stadtgemeinde Straßburg lädt ein. In Straßburg wird gefeiert. Straßburg freut sich."
    assert home(nlp, own)[0] == ["Straßburg"]


def test_a_district_alone_on_the_first_line_is_the_pages_title(extract_text):
    # "Landkreis X" carries its body word inside its name; as the page's title it owns the page
    record = extract_text(
        "Landkreis Roth\n\nDer Landkreis Roth unterhält Partnerschaften mit dem Powiat Kłodzki (Polen) und dem "
        "Département Loiret (Frankreich)."
    )
    assert record.home == ["Landkreis Roth"]
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {
        ("Landkreis Roth", "Powiat Kłodzki"), ("Landkreis Roth", "Département Loiret")
    }


@pytest.mark.parametrize("title", ["Kempten (Allgäu)", "Frankfurt (Oder)"])
def test_a_title_with_its_region_in_brackets_is_the_pages_title(extract_text, title):
    # "Frankfurt (Oder)", "Kempten (Allgäu)": the region in brackets is part of the official name,
    # not a location given to the reader as a partner's is
    record = extract_text(title + "\nPartnerstädte\nSeit 1963 besteht eine Partnerschaft mit der Stadt Trappes.")
    assert record.home == [title.split(" (")[0]] or record.home == [title]
    assert [p.b[0] for p in record.partnerships] == ["Trappes"]


def test_a_bracketed_region_after_a_name_in_the_text_still_locates_a_partner(extract_text):
    record = extract_text("Stadt Coburg\nCoburg pflegt Partnerschaften mit Gotha (Thüringen) und Niort (Frankreich).")
    assert record.home == ["Coburg"]
    assert {p.b[0] for p in record.partnerships} == {"Gotha", "Niort"}


def test_a_district_heading_under_a_partner_heading_is_a_partner(extract_text):
    record = extract_text(
        "Der Landkreis Roth stellt seine Partner vor.\n\nPartnerkreise\n\nLandkreis Cham\n\nDie Partnerschaft mit "
        "dem Landkreis Cham besteht seit 1990."
    )
    assert record.home == ["Landkreis Roth"]
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {("Landkreis Roth", "Landkreis Cham")}


def test_a_german_district_word_reads_its_name_at_home(nlp):
    # "Cham" is also a name of Damascus and of Caen in some languages; a "Landkreis" is German
    from extract.pipeline import process

    doc = process("Der Landkreis Cham lädt ein.", nlp)
    assert [(e.text, e._.place.country) for e in doc.ents] == [("Landkreis Cham", "DE")]
    doc = process("Die Stadt Cham liegt in Syrien.", nlp)
    assert doc.ents[0]._.place.country != "DE"
    # beside places abroad, the district lies with them ("Lemberg" is also a village at home)
    doc = process("Die Reise führte in die Oblast Lwiw und in den Kreis Lemberg.", nlp)
    assert [(e.text, e._.place.country) for e in doc.ents] == [("Oblast Lwiw", "UA"), ("Kreis Lemberg", "UA")]


def test_an_address_naming_a_city_and_its_district_takes_the_districts_name_written_with_the_city(nlp):
    # on "berlin.de/ba-spandau" the text's "Berlin Spandau" is the home too, not Berlin beside it
    from spacy.tokens import Span

    from extract.addresses import page_address
    from extract.components.home import mentions_of
    from extract.pipeline import process

    doc = process("Bezirk Spandau. Im Rathaus Spandau und beim Jobcenter Berlin Spandau: Partnerstädte.", nlp)
    words = [t.text for t in doc]
    k = words.index("Berlin")
    spandau = [e for e in doc.ents if e.text == "Spandau" and e.start < k]
    written_with_city = Span(doc, k, k + 2, label="CITY")
    address = page_address("https://www.berlin.de/ba-spandau/partnerstaedte/")
    found = mentions_of(doc, [*spandau, written_with_city], address.names, district=True)
    assert [s.text for s in found] == ["Spandau", "Spandau", "Berlin Spandau"]
    elsewhere = page_address("https://www.spandau.de/partnerstaedte/")  # no city named beside it
    assert [s.text for s in mentions_of(doc, [*spandau, written_with_city], elsewhere.names, district=False)] == [
        "Spandau",
        "Spandau",
    ]


def test_a_domestic_partner_after_a_name_the_place_rules_did_not_mark_is_still_coordinated(extract_text):
    # "mit Musterau-Bad Beispiel und Wilhelmshaven": the unmarked first name does not cut the second off
    text = (
        "Stadt Schwabach\n\nSeit 1970 bestehen die Städtepartnerschaften mit Musterau-Bad Beispiel und "
        "Wilhelmshaven."
    )
    assert ("Schwabach", "Wilhelmshaven") in {(p.a[0], p.b[0]) for p in extract_text(text).partnerships}


def test_a_town_named_only_by_its_adjective_is_the_home(extract_text):
    record = extract_text(
        "Eine Fürther Delegation besuchte die Partnerstadt Besançon. Die Fürther Gäste wurden herzlich empfangen."
    )
    assert record.home == ["Fürth"]
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Fürth", "Besançon")]


@pytest.mark.parametrize(
    "text",
    [
        "Eine Fürther Delegation besuchte die Partnerstadt Besançon.",  # once: as likely a visitor
        "Fürther und Bamberger Gäste besuchten die Partnerstadt Besançon. Fürther und Bamberger Schüler auch.",
        "Die Lehrer besuchten die Partnerstadt Besançon. Die Lehrer blieben.",  # a word, no town's adjective
    ],
)
def test_no_home_from_an_adjective_named_once_or_beside_another(extract_text, text):
    assert extract_text(text).home == []


def test_a_town_named_once_in_a_teaser_is_no_home(extract_text):
    # a sidebar's news names a town once; the page itself names no publisher
    text = (
        "Aktuelles\nKonzert der Stadtkapelle in Bamberg\n\nUnsere Partnerstädte\n"
        "Besançon (Frankreich)\nPartnerschaft seit 1956\nNowy Targ (Polen)\nPartnerschaft seit 1990\n"
    )
    record = extract_text(text)
    assert record.home == []
    assert all(p.a != ["Bamberg"] for p in record.partnerships)


def test_a_town_named_once_as_the_subject_of_a_partnership_is_the_home(extract_text):
    record = extract_text("Aktuelles\n\nBamberg pflegt seit 1956 eine Partnerschaft mit Besançon.\n")
    assert record.home == ["Bamberg"]
    assert [(p.a[0], p.b[0], p.since) for p in record.partnerships] == [("Bamberg", "Besançon", "1956")]


def test_a_dateline_after_a_heading_names_the_home_of_its_report(extract_text):
    text = (
        "Pressemitteilung\n\nBamberg. Vor 50 Jahren, im Jahr 1956, wurde die Städtepartnerschaft mit Besançon "
        "begründet.\n"
    )
    record = extract_text(text)
    assert record.home == ["Bamberg"]
    assert [(p.a[0], p.b[0], p.since) for p in record.partnerships] == [("Bamberg", "Besançon", "1956")]


@pytest.mark.parametrize("greeting", ["Willkommen in Bamberg", "Herzlich willkommen in der Stadt Bamberg"])
def test_a_page_greeting_its_reader_in_a_town_is_that_towns(extract_text, greeting):
    text = f"{greeting}\n\nUnsere Partnerstädte\n\nMit Besançon verbindet uns seit 1956 eine Partnerschaft."
    record = extract_text(text)
    assert record.home == ["Bamberg"]
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Bamberg", "Besançon")]


def test_an_overview_of_several_towns_lines_has_no_home(extract_text):
    text = (
        "Wie Gemeinden Kontakte pflegen\n\nDie Gemeinde Bamberg pflegt Kontakte mit Besançon in Frankreich.\n\n"
        "Bekannt sind diese Partnergemeinden:\n\n"
        "• Schwabach: Kuopio (Finnland)\n• Erlangen: Rennes (Frankreich), Tartu (Estland)\n• Hof: Joigny (Frankreich)\n"
    )
    record = extract_text(text)
    assert record.home == []
    assert {(p.a[0], p.b[0]) for p in record.partnerships} >= {("Schwabach", "Kuopio"), ("Hof", "Joigny")}


def test_a_districts_page_of_its_member_towns_lines_keeps_its_home(extract_text):
    text = (
        "Landkreis Musterland\n\nPartnerschaften der Städte und Gemeinden:\n\n"
        "• Schwabach: Kuopio (Finnland)\n• Erlangen: Rennes (Frankreich)\n• Hof: Joigny (Frankreich)\n"
    )
    assert extract_text(text).home == ["Landkreis Musterland"]


def test_a_district_linked_once_in_a_sidebar_does_not_publish_the_page(extract_text):
    # a town page ends with links to its district and neighbours; the town states the partnership
    text = (
        "Partnerstädte\n\nSeit 1970 pflegt Schwabach eine Partnerschaft mit Poitiers.\n\n"
        "Weitere Seiten\nLandkreis Roth\nFürth\nVeranstaltungen in Erlangen\n"
    )
    record = extract_text(text)
    assert record.home[:1] == ["Schwabach"]
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Schwabach", "Poitiers")]


def test_a_district_named_in_its_partnership_statement_publishes_the_page(extract_text):
    text = "Landkreis Roth\n\nDer Landkreis Roth pflegt seit 1992 eine Partnerschaft mit dem Powiat Kaliski.\n"
    assert extract_text(text).home[:1] == ["Landkreis Roth"]


def test_a_district_linked_once_is_no_home_of_a_page_naming_none(extract_text):
    text = "Partnerstädte\n\nSeit 1970 besteht eine Partnerschaft mit Poitiers.\n\nWeitere Seiten\nLandkreis Roth\n"
    assert extract_text(text).home == []


@pytest.mark.parametrize(
    "title",
    ["Partnerschaftsverein Schwabach e.V.", "Deutsch-Französische Gesellschaft Schwabach", "Freundeskreis Schwabach"],
)
def test_a_page_titled_with_its_towns_association_is_that_towns(extract_text, title):
    text = title + "\n\nDie Gesellschaft pflegt seit 1965 Kontakte in die Partnerstadt Poitiers."
    record = extract_text(text)
    assert record.home[:1] == ["Schwabach"]
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Schwabach", "Poitiers")]


@pytest.mark.parametrize(
    "crumb",
    [
        "Startseite > Landkreis Ansbach > Gemeinde Dietenhofen > Partnerschaften",
        "Mittelfranken » Landkreis Ansbach » Markt Dietenhofen",
    ],
)
def test_the_last_body_of_a_breadcrumb_is_the_home_not_the_district_above_it(extract_text, crumb):
    statement = "Die Gemeinde pflegt seit 1992 eine Partnerschaft mit Poitiers."
    record = extract_text(f"{crumb}\n\nPartnerschaften\n\n{statement}\n")
    assert record.home[:1] == ["Dietenhofen"]
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Dietenhofen", "Poitiers")]


def test_a_title_with_its_district_in_brackets_names_the_home_not_a_partner(extract_text):
    text = (
        "Gemeinde Dietenhofen (Landkreis Ansbach, Mittelfranken)\n\n"
        "Unsere Partnergemeinde Poitiers liegt in Westfrankreich. Die Partnerschaft besteht seit 1992.\n"
    )
    record = extract_text(text)
    assert record.home[:1] == ["Dietenhofen"]
    assert [(p.a[0], p.b[0], p.since) for p in record.partnerships] == [("Dietenhofen", "Poitiers", "1992")]


ARTICLE_ABROAD = (
    "Poitiers\n\n"
    "Poitiers ist eine französische Stadt in der Region Nouvelle-Aquitaine.\n\n"
    "Städtepartnerschaften\n"
    "Poitiers ist seit 1966 mit der deutschen Stadt Fürth verschwistert. Weitere Partnerstädte sind Lucca "
    "(seit 1975) und Kalisz (seit 1990).\n"
)


def test_an_article_about_a_town_abroad_is_that_towns(extract_text):
    record = extract_text(ARTICLE_ABROAD)
    assert record.home == ["Poitiers"]
    assert sorted((p.a[0], p.b[0], p.since) for p in record.partnerships) == [
        ("Poitiers", "Fürth", "1966"),
        ("Poitiers", "Kalisz", "1990"),
        ("Poitiers", "Lucca", "1975"),
    ]


def test_a_town_pages_section_titled_with_its_partner_stays_the_towns(extract_text):
    # a town abroad as the title, but a body at home publishes the page
    text = "Poitiers\n\nDie Stadt Fürth ist seit 1966 mit Poitiers verschwistert. Poitiers liegt an der Clain.\n"
    record = extract_text(text)
    assert record.home == ["Fürth"]
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Fürth", "Poitiers")]


def test_a_title_abroad_the_text_never_opens_with_is_no_home(extract_text):
    text = "Poitiers\n\nEine Reise führte die Gruppe im Mai in die Partnerstadt. Dort wurde gefeiert.\n"
    assert extract_text(text).home == []


def test_a_landkreis_over_a_list_of_partners_abroad_is_the_district_at_home(extract_text):
    # the countries of the partner lines do not move "Landkreis X" to a town of that name abroad
    text = (
        "Landkreis Görlitz\n\nPartnerlandkreise\n"
        "Powiat Zgorzelecki (Polen) – seit 2004\nOkres Liberec (Tschechien) – seit 2006\n"
    )
    record = extract_text(text)
    assert record.home == ["Landkreis Görlitz"]
    assert sorted((p.b[0], p.since) for p in record.partnerships) == [
        ("Okres Liberec", "2006"),
        ("Powiat Zgorzelecki", "2004"),
    ]


@pytest.mark.parametrize(
    ("url", "country"), [("https://www.rheinfelden.ch/", "CH"), ("https://www.rheinfelden.de/", "DE")]
)
def test_an_addresss_country_picks_the_namesake_there(nlp, url, country):
    # a namesake partnership: the national domain says which of the two publishes the page
    from extract.addresses import page_address
    from extract.pipeline import process

    text = "Partnerschaft\n\nRheinfelden (Baden) und Rheinfelden in der Schweiz sind seit 1990 Partnerstädte.\n"
    doc = process(text, nlp, address=page_address(url))
    assert {span._.place.country for span in doc._.home_spans} == {country}


def test_an_articles_title_and_definition_outweigh_a_neighbour_named_more_often(nlp):
    history = (
        "Der Handel mit Nürnberg brachte Wohlstand; Kaufleute aus Nürnberg besuchten den Markt. Busse fahren "
        "nach Nürnberg. Viele Pendler arbeiten in Nürnberg; Nürnberg ist das Oberzentrum. "
    )
    text = f"Greding\n\nGreding ist eine Stadt im Landkreis Roth.\n\nGeschichte\n\n{history * 3}"
    found, why = home(nlp, text)
    assert found == ["Greding"] and "defining sentence" in why
    # a partner's page that defines the partner abroad leaves the votes alone
    text = "Grasse\n\nGrasse ist eine Stadt in Frankreich.\n\nStadt Greding, Marktplatz 1, 91171 Greding\n"
    assert home(nlp, text)[0] == ["Greding"]
