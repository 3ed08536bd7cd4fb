import pytest


def places(doc):
    return [(e.text, e.label_) for e in doc.ents if e.label_ in ("CITY", "REGION", "COUNTRY")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Partnerstadt Karlsbad liegt in Tschechien.", [("Karlsbad", "CITY"), ("Tschechien", "COUNTRY")]),
        ("Dortmunds Partnerstadt ist Frankfurt am Main.", [("Dortmunds", "CITY"), ("Frankfurt am Main", "CITY")]),
        ("Die Stadt Neustadt a. d. Donau lädt ein.", [("Neustadt a. d. Donau", "CITY")]),
        ("Thale pflegt Kontakte nach Villeneuve-sur-Lot.", [("Thale", "CITY"), ("Villeneuve-sur-Lot", "CITY")]),
        (
            "Der Landkreis Goslar und der Powiat (Landkreis) Kielecki.",
            [("Landkreis Goslar", "REGION"), ("Powiat (Landkreis) Kielecki", "REGION")],
        ),
        ("Im Departement Nord liegt sie.", [("Departement Nord", "REGION")]),
        ("Die Reise führt in die West-Ukraine.", [("West-Ukraine", "REGION")]),
        ("Der Ort liegt in der Normandie.", [("Normandie", "REGION")]),
        ("Damals gehörte sie zur Sowjetunion.", [("Sowjetunion", "COUNTRY")]),
        ("Die damals noch selbstständige Gemeinde Musterweiler.", [("Musterweiler", "CITY")]),
        ("Das Jugend-Bandprojekt Bad Kissingen-Chur geht weiter.", [("Bad Kissingen", "CITY"), ("Chur", "CITY")]),
        ("Der Stadtteil Huckarde-Nord wird gefördert.", [("Huckarde-Nord", "CITY")]),
        ("Die Kreise Neamț und Suceava grenzen an.", [("Neamț", "REGION"), ("Suceava", "REGION")]),
        # the genitive of an administrative word takes its name, it is no region of its own
        (
            "Die Stadt Coburg liegt im Norden des Freistaates Bayern.",
            [("Coburg", "CITY"), ("Freistaates Bayern", "REGION")],
        ),
        # lower-case particles of Slavic, Italian and Dutch names, where the gazetteer knows the whole
        ("Seit 1995 ist Ústí nad Labem Partnerstadt.", [("Ústí nad Labem", "CITY")]),
        (
            "Die Partnerstadt Castiglione dei Pepoli liegt in der Emilia-Romagna.",
            [("Castiglione dei Pepoli", "CITY"), ("Emilia-Romagna", "REGION")],
        ),
        ("Die Reise ging nach Bergen op Zoom.", [("Bergen op Zoom", "CITY")]),
        # not where no gazetteer name spans them: the particle stays outside
        ("Die Delegation aus Kalisz nad Ufer kam.", [("Kalisz", "CITY")]),
    ],
)
def test_places_found(nlp, text, expected):
    assert places(nlp(text)) == expected


def test_list_items_under_a_country():
    text = "Stadt Musterstadt:\n- Frankreich\n- Lisses\n- Les Petites Loges\n- Schweiz, Wettingen AG\n"
    found = places(nlp_doc := __import__("extract").load()(text))
    assert ("Les Petites Loges", "CITY") in found
    assert ("Wettingen AG", "CITY") in found
    assert ("Lisses", "CITY") in found
    assert nlp_doc is not None


@pytest.mark.parametrize(
    "text",
    [
        "Der Ursprung der Partnerschaft geht auf ein Treffen zurück.",
        "Am Ende kamen die Helden zwei Mal im Jahr zusammen.",
        "Im Namen der Art und Weise, in 60 m Höhe.",
        "Die Brand Medaille wurde verliehen (Foto: privat).",
        "Im Zentrum der Stadt, im Osten und im Norden.",
        "Blick in die Gassen der Altstadt im Juli.",
        "Das Leopold-Hoesch-Museum und das Leibniz-Gymnasium.",
        "Mehr unter www.musterstadt.de oder stadt@musterstadt.de",
        "TOP Ö 5: Kreispartnerschaft mit einem Landkreis",  # an agenda item folds as a one-word village
        "Zwei Werke der Leoni AG stehen hier.",
        "Eine Chinareise lohnt sich.",
        "Die Partnerstädte:\n\n- Die Vereine stellen sich vor\n",
        "Erlangen Sie Zugang zu allen Angeboten.",
    ],
)
def test_common_words_and_designations_are_no_places(nlp, text):
    assert places(nlp(text)) == []


def test_one_reading_per_document(nlp):
    # "Dortmund" is a frequent word-form; "Stadt Dortmund" confirms it for the whole text
    doc = nlp("Dortmund wächst. Die Stadt Dortmund plant. Dortmund baut.")
    assert [t for t, _ in places(doc)] == ["Dortmund", "Dortmund", "Dortmund"]


def test_country_next_to_a_name_resolves_it(nlp):
    doc = nlp("Die Partnerschaft mit Neukirchen (Österreich) besteht lange.")
    (span,) = [e for e in doc.ents if e.label_ == "CITY"]
    assert span._.place.country == "AT"


def test_largest_place_wins_without_context(nlp):
    (span,) = [e for e in nlp("Herne ist eine Großstadt.").ents if e.label_ == "CITY"]
    assert span._.place.country == "DE" and span._.place.geonames_id


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a town at home under its own name beats a bigger city abroad that has it as an alternate name
        ("Die Delegation kam aus Cham.", "DE"),
        ("Die Delegation kam aus Gera.", "DE"),
        # an exonym of a city abroad that only a hamlet at home bears stays abroad
        ("Die Delegation kam aus Straßburg.", "FR"),
        # a country beside the name decides
        ("Die Delegation kam aus Verden (Kanada).", "CA"),
    ],
)
def test_a_town_at_home_under_its_own_name(nlp, text, country):
    (span,) = [e for e in nlp(text).ents if e.label_ == "CITY"]
    assert span._.place.country == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town at home frequent in text because it is one, shaped as German town names are
        ("Bamberg liegt in Franken.", [("Bamberg", "CITY"), ("Franken", "REGION")]),
        ("Neubau des Rathauses beginnt.", []),
        ("Die Burg liegt am Berg.", []),
    ],
)
def test_a_frequent_town_name_shaped_as_a_town_needs_no_context(nlp, text, expected):
    assert places(nlp(text)) == expected


def test_a_country_at_the_end_of_the_sentence_before_does_not_move_a_town_at_home(nlp):
    doc = nlp("Ansbach pflegt Partnerschaften mit Bay City (USA). Bamberg ist mit Rodez verschwistert.")
    (bamberg,) = [e for e in doc.ents if e.text == "Bamberg"]
    assert bamberg._.place.country == "DE"


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        # a country locates the name it follows closely, not a name further off in the clause
        ("Die Partnerstädte Besançon und Kalisz liegen in Frankreich und Polen.", "Kalisz", "PL"),
        ("Dies sind Gmunden in Österreich, Tuzla in Bosnien-Herzegowina und Lwiw.", "Tuzla", "BA"),
        ("Partnerstädte\n- Frankreich, Poitiers\n", "Poitiers", "FR"),
    ],
)
def test_a_country_next_to_a_name_locates_it_only_as_a_qualifier(nlp, text, town, country):
    (span,) = [e for e in nlp(text).ents if e.text == town]
    assert span._.place is not None and span._.place.country == country


def test_ocr_l_for_i(nlp):
    assert places(nlp("Die Provinz lğdır in der Türkei.")) == [("Provinz lğdır", "REGION"), ("Türkei", "COUNTRY")]
    assert places(nlp("Die Partnerstadt lvančice in Tschechien.")) == [("lvančice", "CITY"), ("Tschechien", "COUNTRY")]


def test_bad_and_a_rare_name_after_a_preposition_is_a_spa_town(nlp):
    from extract.pipeline import process

    doc = process(
        "Die Urkunde wurde in Bad Musterbrunn unterzeichnet. Das Bad Wasser ist kalt. Die Serie Bad Banks läuft.", nlp
    )
    assert [(e.text, e.label_, e._.place) for e in doc.ents] == [("Bad Musterbrunn", "CITY", None)]


def test_a_state_in_parentheses_is_no_part_of_the_name(nlp):
    from extract.pipeline import process

    doc = process("Zwischen der Stadt Celle (Niedersachsen) und Frankfurt (Oder) besteht eine Partnerschaft.", nlp)
    assert [e.text for e in doc.ents] == ["Celle", "Niedersachsen", "Frankfurt (Oder)"]


def test_a_french_name_joined_by_its_particles_after_a_city_word(nlp):
    from extract.pipeline import process

    doc = process("Die Delegation weilte in der Gemeinde Villiers-sur-Orgeval bei Paris.", nlp)
    assert [e.text for e in doc.ents] == ["Villiers-sur-Orgeval", "Paris"]


def test_a_merged_town_written_with_spaces_after_a_city_word(nlp):
    from extract.pipeline import process

    doc = process("Der Stadtrat der Stadt Celle - Kranichtal beschließt. Die Stadt Celle - Herzlich willkommen.", nlp)
    assert [e.text for e in doc.ents] == ["Celle - Kranichtal", "Celle"]


def test_an_abbreviated_saint_is_looked_up_spelt_out(nlp):
    from extract.pipeline import process

    doc = process("Bürgermeister Jean Roux (St Martin de Ré) kam. In St. Gallen wurde gefeiert.", nlp)
    places = [(e.text, e._.place.name) for e in doc.ents if e.label_ == "CITY"]
    assert places == [("St Martin de Ré", "Saint-Martin-de-Ré"), ("St. Gallen", "Sankt Gallen")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # official names with "bei", "and": the gazetteer's longest name, not two places
        ("Die Gemeinde Neustadt bei Coburg lädt ein.", [("Neustadt bei Coburg", "CITY")]),
        ("Sie fuhren nach Brighton and Hove.", [("Brighton and Hove", "REGION")]),
        # a Portuguese particle between hyphens: the whole name the gazetteer knows
        ("Die Reise führte nach Condeixa-a-Nova.", [("Condeixa-a-Nova", "CITY")]),
        # Dutch particles: the whole name the gazetteer knows
        ("Die Reise führte nach Wijk bij Duurstede.", [("Wijk bij Duurstede", "CITY")]),
        ("Die Reise führte nach Alphen aan den Rijn.", [("Alphen aan den Rijn", "CITY")]),
        # "vor", "unter" and the French "à" inside an official name
        ("Die Reise führte nach Rosbach vor der Höhe.", [("Rosbach vor der Höhe", "CITY")]),
        ("Die Reise führte nach Pont-à-Mousson.", [("Pont-à-Mousson", "CITY")]),
        ("Die Reise führte nach Bietigheim-Bissingen unter Tage.", [("Bietigheim-Bissingen", "CITY")]),
        # a double name of neighbouring places is one merged body
        ("Der Landkreis Bad Tölz-Wolfratshausen lädt ein.", [("Landkreis Bad Tölz-Wolfratshausen", "REGION")]),
        ("Wir fahren nach Hamburg-Altona.", [("Hamburg-Altona", "CITY")]),
        ("Die Gemeinde Musterau-Kleinweiler feiert.", [("Musterau-Kleinweiler", "CITY")]),
        # two distant towns joined by a hyphen stay two
        ("Das Jugendprojekt Bad Kissingen-Chur geht weiter.", [("Bad Kissingen", "CITY"), ("Chur", "CITY")]),
    ],
)
def test_compound_names(nlp, text, expected):
    assert places(nlp(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Main-Taunus-Kreis informiert.", [("Main-Taunus-Kreis", "REGION")]),
        ("Ein Besuch des Main-Taunus-Kreises.", [("Main-Taunus-Kreises", "REGION")]),
        (
            "Das Amt Musterwinkel und das Amt Beispielsee laden ein.",
            [("Amt Musterwinkel", "REGION"), ("Amt Beispielsee", "REGION")],
        ),
        # a common noun, not an Amt's name; a club's circle is no district
        ("Er trat sein Amt an. Das Amt des Bürgermeisters ist frei.", []),
        ("Der Arbeitskreis tagt im Freundes-Kreis.", []),
        # a foreign particle after the region word belongs to the name; the German genitive does not
        ("Partner ist die Comté de Kerry.", [("Comté de Kerry", "REGION")]),
        ("Sie liegt im Département du Nord.", [("Département du Nord", "REGION")]),
        ("Er sprach im Kreis des Vereins.", []),
        # a district named after two towns the gazetteer knows only apart: one district
        ("Der Landkreis Hameln-Pyrmont lädt ein.", [("Landkreis Hameln-Pyrmont", "REGION")]),
        ("Das Amt Schwabach-Land tagt.", [("Amt Schwabach-Land", "REGION")]),
        # spaced dashes join two bodies, not a name
        ("Die Partnerschaft Landkreis Goslar - Kalisz lebt.", [("Landkreis Goslar", "REGION"), ("Kalisz", "CITY")]),
    ],
)
def test_district_forms(nlp, text, expected):
    assert places(nlp(text)) == expected


def test_a_town_that_is_also_a_verb_is_a_town_as_a_party_of_a_partnership(nlp):
    # "Erlangen" opens a sentence as the verb does; a partnership with a place makes it the town
    assert ("Erlangen", "CITY") in places(nlp("Erlangen pflegt seit 1956 eine Partnerschaft mit Rennes."))
    assert places(nlp("Erlangen Sie Zugang zu einer Partnerschaft mit unserem Verlag.")) == []


def test_an_article_is_a_town_only_with_its_country(nlp):
    # the French town Die, named in a list with its country
    assert ("Die", "CITY") in places(nlp("Partnerstädte:\n\n- Die (Frankreich)\n"))


def test_uk_and_usa_are_countries(nlp):
    found = places(nlp("Partnerstädte:\n\n- Aspen (USA)\n- Cambridge (UK)\n"))
    assert ("USA", "COUNTRY") in found and ("UK", "COUNTRY") in found


@pytest.mark.parametrize(
    "text",
    [
        "Gäste kamen aus Lucca und Musterwiller (Österreich).",
        "Die Partnergemeinden sind Lucca (I) und Musterwiller (A).",
        "Partnerschaften bestehen mit Musterwiller (PL).",
    ],
)
def test_an_unknown_name_with_its_country_in_parentheses_is_a_town(nlp, text):
    assert ("Musterwiller", "CITY") in places(nlp(text))


@pytest.mark.parametrize(
    "text",
    [
        "Beim Fest sprach Jean Musterwiller (Frankreich) zu den Gästen.",  # a person with a nationality
        "Musterwiller (A) stand am Anfang der Zeile.",  # a capital at the start says nothing
        "Die Gruppe um Musterwiller (SPD) stimmte dagegen.",  # a party, not a country
        "Sie sprach mit Musterwiller (Bremen) über den Haushalt.",  # a city in parentheses is no country
    ],
)
def test_an_unknown_name_without_a_country_beside_it_is_no_town(nlp, text):
    assert ("Musterwiller", "CITY") not in places(nlp(text))


def test_a_heading_region_and_a_city_is_the_region_body_in_prose_the_city(nlp):
    # a partner's section heading names the regional body ("Region Stuttgart"), its own line
    assert places(nlp("Unsere Partner\n\nRegion Stuttgart\n\nPartnerschaft seit 1971\n")) == [
        ("Region Stuttgart", "REGION")
    ]
    # in prose the same words are as often the country around the city: no regional body
    assert ("Region Stuttgart", "REGION") not in places(nlp("Viele Pendler leben in der Region Stuttgart und fahren."))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Die Stadt Fürth hat Partner in den USA.", "USA"),
        ("Eine Delegation aus dem UK besuchte Fürth.", "UK"),
        ("Städtepartnerschaften mit Gemeinden in der DDR gab es erst ab 1986.", "DDR"),
    ],
)
def test_a_states_short_form_in_capitals_is_a_country(nlp, text, country):
    from extract.pipeline import process

    assert (country, "COUNTRY") in places(process(text, nlp))


def test_other_words_in_capitals_stay_acronyms(nlp):
    from extract.pipeline import process

    doc = process("Der TOP 3 der Sitzung und die GmbH aus Fürth: ENDE der Debatte.", nlp)
    assert places(doc) == [("Fürth", "CITY")]


def test_a_partner_located_in_a_state_named_in_the_dative_keeps_its_own_name(extract_text):
    text = "Stadt Fürth\n\nStädtepartnerschaften\n\nGarden City in den Vereinigten Staaten (seit 1993)\n"
    record = extract_text(text)
    assert [(p.b[0], p.b_country) for p in record.partnerships] == [("Garden City", "US")]


@pytest.mark.parametrize("heading", ["POITIERS, FRANKREICH", "KALISZ (POLEN)", "PARTNERSTADT POITIERS"])
def test_a_name_in_a_short_heading_set_in_capitals_is_a_place(nlp, heading):
    from extract.pipeline import process

    doc = process(f"Stadt Fürth\n\nPARTNERSTÄDTE\n\n{heading}\n\nDie Partnerschaft besteht seit 1990.\n", nlp)
    assert {"POITIERS", "KALISZ"} & {text for text, _ in places(doc)}


@pytest.mark.parametrize(
    "text",
    [
        "AKTUELLES AUS DEM RATHAUS\n\nDer Markt beginnt um neun.",
        # a long line in capitals is shouted prose, not a heading
        "HEUTE FAHREN WIR MIT DEM BUS NACH POITIERS UND ZURÜCK\n",
        "Wir fahren nach POITIERS und zurück.",
    ],
)
def test_capitals_elsewhere_name_no_place(nlp, text):
    from extract.pipeline import process

    assert [name for name, label in places(process(text, nlp)) if label == "CITY"] == []


def test_a_common_word_that_only_a_city_quarters_alternate_name_spells_is_no_place(nlp):
    # GeoNames lists a city quarter with the alternate name "Rathaus"; the word is a town hall
    from extract.pipeline import process

    doc = process("Die Partnerschaft mit Poitiers ist mehr als eine Sache von Rathaus zu Rathaus.", nlp)
    assert places(doc) == [("Poitiers", "CITY")]


def test_a_town_whose_own_name_is_a_word_is_still_a_place_after_a_preposition(nlp):
    from extract.pipeline import process

    assert ("Haar", "CITY") in places(process("Die Delegation reiste am Montag nach Haar.", nlp))


def test_a_town_opening_a_row_of_a_bare_list_is_a_place(nlp):
    from extract.pipeline import process

    # "Hof" is a frequent word in German text; two other rows of the list vouch for it
    rows = " Rennes, Frankreich, seit 1964\n Hof, Bayern, seit 1987\n Kalisz, Polen, seit 1990\n"
    assert ("Hof", "CITY") in places(process("Städtepartnerschaften\n" + rows, nlp))


def test_rows_vouched_for_vouch_in_turn(nlp):
    from extract.pipeline import process

    # an overview's pair lines, one holder per two rows: the first row's neighbour is the second,
    # itself vouched for only by the rows after it
    rows = (
        "Bautzen – Dzierżoniów (Polen), seit 1997\nBautzen – Worms, seit 1990\n"
        "Zittau – Liberec (Tschechien)\nZittau – Pieszyce (Polen)\n"
    )
    found = places(process("Liste der Städtepartnerschaften\n" + rows, nlp))
    assert found.count(("Bautzen", "CITY")) == 2


def test_a_country_qualifying_the_next_name_does_not_move_a_town_abroad(nlp):
    from extract.pipeline import process

    # Görlitz is also the German name of Zgorzelec; "(Polen)" locates Zgorzelec, not Görlitz
    doc = process("Partnerschaften\nGörlitz – Zgorzelec (Polen), seit 1991\nGörlitz – Worms, seit 1971\n", nlp)
    countries = {(e.text, e._.place.country) for e in doc.ents if e.label_ == "CITY"}
    assert countries == {("Görlitz", "DE"), ("Zgorzelec", "PL"), ("Worms", "DE")}


def test_a_country_after_the_name_itself_still_moves_it(nlp):
    from extract.pipeline import process

    doc = process("Partnerschaften\nMusterstadt pflegt eine Partnerschaft mit Görlitz (Polen).", nlp)
    assert [e._.place.country for e in doc.ents if e.text == "Görlitz"] == ["PL"]


def test_a_row_apart_from_the_list_gets_no_vouching(nlp):
    from extract.pipeline import process

    text = (
        " Rennes, Frankreich, seit 1964\n Kalisz, Polen, seit 1990\n"
        "Die Gäste kamen mit dem Bus an und wurden im Rathaus empfangen.\n Hof, Bayern\n"
    )
    assert ("Hof", "CITY") not in places(process(text, nlp))


def test_a_sentence_defining_a_name_as_a_town_makes_it_a_place(nlp):
    from extract.pipeline import process

    # "erlangen" is also a verb; the definition confirms the name for the whole text
    doc = process("Erlangen\nErlangen ist eine kreisfreie Großstadt in Bayern. Erlangen liegt an der Regnitz.", nlp)
    assert [t for t, label in places(doc) if label == "CITY"] == ["Erlangen", "Erlangen", "Erlangen"]


@pytest.mark.parametrize("city", ["Dresden", "Stuttgart", "Leipzig", "Hannover", "Bonn", "Mainz", "Bremen"])
def test_a_big_city_at_home_that_is_a_frequent_word_for_its_fame_is_a_partner(extract_text, city):
    # frequent in German text because they are big cities, not because they are words
    record = extract_text(f"Die Stadt Fürth pflegt seit 1990 eine Partnerschaft mit {city}.")
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Fürth", city)]


@pytest.mark.parametrize(
    "sentence", ["Wir essen heute am Hof des Bauern.", "Essen und Trinken hält Leib und Seele zusammen."]
)
def test_a_big_city_that_is_a_common_noun_is_no_place_without_context(nlp, sentence):
    from extract.pipeline import process

    assert places(process(sentence, nlp)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Partnerstadt Gengenbach (Schwarzwald) lädt ein.", "Gengenbach"),  # where it lies, not its name
        ("Die Partnerstadt Neustadt (Harz) lädt ein.", "Neustadt (Harz)"),  # tells the namesakes apart
        ("Die Partnerstadt Frankfurt (Oder) lädt ein.", "Frankfurt (Oder)"),  # the gazetteer's own name
        # a lake's or river's name that only a hamlet or a foreign city's other name spells
        ("Die Partnerstadt Lindau (Bodensee) lädt ein.", "Lindau (Bodensee)"),
        ("Die Partnerstadt Bernkastel-Kues (Mosel) lädt ein.", "Bernkastel-Kues (Mosel)"),
        # the gazetteer's other name, though the word in brackets is also a town's ("Baden" in Switzerland)
        ("Die Partnerstadt Rheinfelden (Baden) lädt ein.", "Rheinfelden (Baden)"),
    ],
)
def test_a_qualifier_in_brackets_is_part_of_a_name_only_where_it_tells_namesakes_apart(nlp, text, name):
    from extract.pipeline import process

    assert [t for t, label in places(process(text, nlp)) if label == "CITY"] == [name]


def test_another_name_of_the_town_in_brackets_stays_its_alias(nlp):
    from extract.pipeline import process

    doc = process("Die Partnerstadt Lemberg (Lwiw) lädt ein.", nlp)
    assert [t for t, label in places(doc) if label == "CITY"] == ["Lemberg", "Lwiw"]


def test_a_sentence_defining_a_common_word_otherwise_is_no_place(nlp):
    from extract.pipeline import process

    assert places(process("Essen ist ein Grundbedürfnis. Erlangen ist eine Frage der Geduld.", nlp)) == []


def test_a_german_noun_after_a_plural_city_word_is_no_place(nlp):
    from extract.pipeline import process

    doc = process("Die Stadt unterhält mit folgenden Städten Partnerschaften und nahm die Protestanten auf.", nlp)
    assert places(doc) == []


def test_a_state_is_not_the_city_whose_name_it_shortens(nlp):
    from extract.pipeline import process

    assert places(process("Er zog nach Brandenburg.", nlp)) == [("Brandenburg", "REGION")]
    assert places(process("Teltow, Brandenburg", nlp)) == [("Teltow", "CITY"), ("Brandenburg", "REGION")]
    # a city under its German name stays the city ("Venedig" is "Venice" to GeoNames)
    assert places(process("Die Reise führte nach Venedig.", nlp)) == [("Venedig", "CITY")]


def test_a_name_alone_in_a_table_cell_is_a_place(nlp):
    from extract.pipeline import process

    # "Hof" is a common noun too; a cell of a table of towns holds the town
    doc = process("Stadt | Partnerstadt | Jahr\nHof | Villeneuve-la-Garenne | 1983\n", nlp)
    assert ("Hof", "CITY") in places(doc)
    assert places(process("Der Hof liegt ruhig am Waldrand.", nlp)) == []


@pytest.mark.parametrize(
    "text, country",
    [
        ("Tuzla liegt in Bosnien und Herzegowina.", "Bosnien und Herzegowina"),
        ("Ein Gast aus Trinidad und Tobago.", "Trinidad und Tobago"),
    ],
)
def test_a_country_whose_name_joins_two_names_by_und(nlp, text, country):
    from extract.pipeline import process

    assert [e.text for e in process(text, nlp).ents if e.label_ == "COUNTRY"] == [country]


def test_und_between_two_places_joins_no_name(nlp):
    from extract.pipeline import process

    assert "Bosnien und Kroatien" not in [e.text for e in process("Reisen nach Bosnien und Kroatien.", nlp).ents]


@pytest.mark.parametrize(
    "line",
    [
        "- Unsere Partnerstädte",  # a heading's words after a bullet
        "- Zum Stadtplan",
        "• Bisherige Partnerschaften",
        "- Grunddaten",  # a compound of two frequent words
        "- Pflanzung des Baums",  # an abstract noun's ending
        "- Partnerschaft seit 1979",
        "- BezeichnungInhalt",  # table header cells run together
    ],
)
def test_a_bulleted_german_word_is_no_village(nlp, line):
    from extract.pipeline import process

    assert places(process("Aktuelles\n\n" + line + "\n", nlp)) == []


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- Wolnowice", [("Wolnowice", "CITY")]),  # a village the gazetteer lacks
        ("- Saint-Musterville", [("Saint-Musterville", "CITY")]),
        ("- Fürth-Poitiers (seit 1961)", [("Fürth", "CITY"), ("Poitiers", "CITY")]),  # a pair, not one name
        ("- Poitiers – Frankreich. Seit 1977", [("Poitiers", "CITY"), ("Frankreich", "COUNTRY")]),
    ],
)
def test_bulleted_names(nlp, line, expected):
    from extract.pipeline import process

    assert places(process("Partnerstädte\n\n" + line + "\n", nlp)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a district named in one word with "kreis", or in hyphenated names ending "-Kreis"
        ("Der Vogelsbergkreis pflegt Partnerschaften.", [("Vogelsbergkreis", "REGION")]),
        ("Die Partnerschaften des Enzkreises sind alt.", [("Enzkreises", "REGION")]),
        (
            "Der Elbe-Elster-Kreis und der Hochsauerland-Kreis.",
            [("Elbe-Elster-Kreis", "REGION"), ("Hochsauerland-Kreis", "REGION")],
        ),
        ("Der Freundes-Kreis tagt.", []),
        ("Der Vogelsbergkreis Poitiers-Lucca.", [("Vogelsbergkreis Poitiers-Lucca", "REGION")]),  # with its seat's name
        # circles of people, and what one district is to another, are no districts
        ("Der Arbeitskreis und der Freundeskreis trafen sich.", []),
        ("Der Förderkreis und der Teilnehmerkreis.", []),
        ("Unser Partnerlandkreis lädt ein.", []),
    ],
)
def test_districts_named_with_kreis(nlp, text, expected):
    from extract.pipeline import process

    assert places(process(text, nlp)) == expected


def test_a_district_named_in_one_word_publishes_its_page(extract_text):
    record = extract_text("Vogelsbergkreis\n\nPartnerkreise\n\nPowiat Nowy Targ (Polen), seit 2001\n")
    assert record.home == ["Vogelsbergkreis"]
    assert [(p.a[0], p.b[0], p.since) for p in record.partnerships] == [("Vogelsbergkreis", "Powiat Nowy Targ", "2001")]


@pytest.mark.parametrize(
    "name",
    [
        # an elided article with a typographic apostrophe, as GeoNames writes it with "'"
        "Villeneuve-d’Ascq",
        "Villeneuve d’Ascq",
        "Les Sables-d’Olonne",
        "Reggio nell’Emilia",
        # a French particle tail after a name the gazetteer lacks or knows only in part
        "L’Isle-Adam",
        # a city joined to one of its quarters
        "Berlin-Spandau",
        "Frankfurt-Höchst",
        "Köln-Kalkhofen",
        "Bonn-Bad Beispielbrunn",
    ],
)
def test_a_partners_whole_name_is_one_place(extract_text, name):
    record = extract_text(f"Die Stadt Musterau pflegt eine Partnerschaft mit {name}.")
    assert [p.b[0] for p in record.partnerships] == [name]


@pytest.mark.parametrize(
    "text, expected",
    [
        # two cities of a route, a compound of a city and a noun: no quarter
        ("Der Zug Berlin-Hamburg fährt stündlich.", ["Berlin", "Hamburg"]),
        ("Der Berlin-Marathon ist bekannt.", []),
        ("Die Paris-Reise war schön.", []),
    ],
)
def test_what_no_quarter_or_particle_joins(nlp, text, expected):
    from extract.pipeline import process

    assert [e.text for e in process(text, nlp).ents if e.label_ == "CITY"] == expected


@pytest.mark.parametrize(
    "name",
    ["Musterville-sur-la-Rivière", "Musterville sur le Ruisseau", "Musterville-sur-Mer", "Musterville-sur-le-Ruisseau"],
)
def test_an_unknown_french_name_takes_its_particle_tail(extract_text, name):
    record = extract_text(f"Die Stadt Musterau pflegt eine Partnerschaft mit der Gemeinde {name}.")
    assert [p.b[0] for p in record.partnerships] == [name]


@pytest.mark.parametrize("tail", ["sur-Orne", "sur-le-Doubs", "en-Provence"])
def test_the_known_end_of_an_unknown_particle_name_is_no_place(nlp, tail):
    from extract.pipeline import process

    # "Orne" and "Doubs" are départements: here only the end of a village's name
    doc = process(f"Die Gemeinde ist mit Musterville-{tail} verschwistert.", nlp)
    assert [e.text for e in doc.ents if e.label_ in ("CITY", "REGION")] == []


def test_an_unknown_particle_name_with_its_country_is_a_list_lines_partner(extract_text):
    text = "Gemeinde Musterau\n\nPartnergemeinden\n\nMusterville-sur-Orne (Frankreich), seit 1985\nKalisz (Polen)\n"
    assert [(p.b[0], p.since) for p in extract_text(text).partnerships] == [
        ("Musterville-sur-Orne", "1985"),
        ("Kalisz", None),
    ]


def test_a_menu_lines_common_words_are_no_places(nlp):
    from extract.pipeline import process

    # "Rathaus" is a Zurich quarter's name too; among a menu's words it is the menu's
    doc = process("Rathaus | Bürgerservice | Tourismus | Wirtschaft\n\nWillkommen.", nlp)
    assert [e.text for e in doc.ents] == []
    # a line of towns is still a line of places
    doc = process("Grasse | Kalisz | Lucca\n", nlp)
    assert [e.text for e in doc.ents if e.label_ == "CITY"] == ["Grasse", "Kalisz", "Lucca"]


@pytest.mark.parametrize("epithet", ["Burgstadt", "Domstadt", "Hansestadt"])
def test_a_towns_epithet_after_an_article_is_no_place(nlp, epithet):
    from extract.pipeline import process

    # "Burgstadt" spells Burgstädt too; after an article it is what a town is called
    assert [e.text for e in process(f"Die {epithet} feiert ihr Stadtfest.", nlp).ents] == []


@pytest.mark.parametrize(
    ("text", "expected"), [("SCHWABACH. Die Stadt feiert.", ["Schwabach"]), ("ROTH – Es regnet.", ["Roth"])]
)
def test_a_dateline_in_capitals_names_its_town(text, expected):
    from extract.components.bodies import canonical_name
    from extract.pipeline import process

    doc = process(text)
    assert [canonical_name(e) for e in doc.ents if e.label_ == "CITY"] == expected
    # capitals inside a line are no dateline: "Die SPD lädt ein"
    assert [e.text for e in process("Die Stadt lädt ein. ROTH ist ein Name.").ents if e.label_ == "CITY"] == []


def test_a_typographic_apostrophe_stays_inside_its_word(nlp):
    assert [t.text for t in nlp.tokenizer("Sant’Agata und O’Neill")] == ["Sant’Agata", "und", "O’Neill"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unser Partnerkreis Beispielland lädt ein.", [("Beispielland", "REGION")]),
        ("Der Partnerlandkreis Musterau-Beispielfeld feiert.", [("Musterau-Beispielfeld", "REGION")]),
        # a partner town stays a town
        ("Unsere Partnerstadt Beispielland lädt ein.", [("Beispielland", "CITY")]),
    ],
)
def test_a_district_called_a_partner_is_a_region_whatever_the_gazetteer_knows(nlp, text, expected):
    from extract.pipeline import process

    assert places(process(text, nlp)) == expected


def test_a_partner_districts_heading_and_its_district_word_are_one_partner(extract_text):
    text = (
        "Landkreis Musterland\n\nPartnerlandkreis Beispielfeld\n\nEine Partnerschaft pflegt der Landkreis "
        "Musterland auch mit dem Landkreis Beispielfeld in Polen.\n"
    )
    record = extract_text(text)
    assert [(p.a[0], sorted(p.b)) for p in record.partnerships] == [
        ("Landkreis Musterland", ["Beispielfeld", "Landkreis Beispielfeld"])
    ]


def test_a_common_word_only_an_alternate_name_spells_is_no_list_item_place(nlp):
    # "Art" spells a Swiss town's alternate name only; "Essen", "Norden" are towns' own names
    doc = nlp("Partnerstädte\n• Poitiers\n• Art\n• Essen\n• Norden\n")
    assert [text for text, _ in places(doc)] == ["Poitiers", "Essen", "Norden"]


def test_a_double_name_after_a_municipal_word_is_one_body(nlp):
    # after a municipal word a double name is one body, however far apart namesakes of its parts lie
    assert places(nlp("Die Gemeinde Rehling-Siersdorf lädt ein.")) == [("Rehling-Siersdorf", "CITY")]
    # not a town and its state
    assert ("Fürth-Bayern", "CITY") not in places(nlp("Die Stadt Fürth-Bayern lädt ein."))


def test_a_compound_whose_town_name_runs_on_is_a_place(nlp):
    from extract.pipeline import process

    # "Horn-Bad" reads as a first name and a word, as "Heinrich-Heine-Gymnasium" does, but the
    # gazetteer knows the longer name "Horn-Bad Meinberg"
    assert ("Horn-Bad Meinberg", "CITY") in places(process("Die Partnerschaft mit Horn-Bad Meinberg.", nlp))


def test_a_compound_honouring_a_person_is_no_place(nlp):
    from extract.pipeline import process

    found = places(process("Das Heinrich-Heine-Gymnasium Musterstadt pflegt Kontakte nach Lyon.", nlp))
    assert not any("Heine" in text for text, _ in found)


def test_a_merged_towns_part_named_on_its_own_does_not_split_the_merged_name(nlp):
    # "Ortsteil Ernstthal" makes Ernstthal a place; inside "Hohenstein-Ernstthal" it stays part of the name
    from extract.pipeline import process

    text = (
        "Stadt Hohenstein-Ernstthal\n\nHohenstein-Ernstthal ist seit 1987 mit Poitiers verbunden. "
        "Im Ortsteil Ernstthal steht die Burg."
    )
    cities = [t for t, label in places(process(text, nlp)) if label == "CITY"]
    assert cities == ["Hohenstein-Ernstthal", "Hohenstein-Ernstthal", "Poitiers", "Ernstthal"]


@pytest.mark.parametrize("where", ["in Frankreich", "im Département Loire", "in der Provinz Cuneo"])
def test_a_village_the_gazetteer_lacks_after_mit_and_before_its_location_is_a_place(extract_text, where):
    record = extract_text(f"Gemeinde Fürth\n\nSeit 1991 besteht eine Partnerschaft mit Chalmazel {where}.")
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Fürth", "Chalmazel")]


@pytest.mark.parametrize("sentence", ["Wir feiern mit Freunden in Frankreich.", "Sie arbeitet mit Siemens in China."])
def test_a_common_word_or_firm_after_mit_and_before_a_country_is_no_place(nlp, sentence):
    from extract.pipeline import process

    assert [t for t, label in places(process(sentence, nlp)) if label == "CITY"] == []


def test_a_town_after_a_postcode_is_a_place_wherever_the_text_names_it(extract_text):
    # a village the gazetteer lists without inhabitants: its address vouches for it
    text = (
        "Kontakt: Rathaus Schwanstetten, Rathausplatz 1, 90596 Schwanstetten\n\nPartnerschaften\n\n"
        "Wir pflegen Partnerschaften mit Poitiers (Frankreich) und Tartu (Estland).\n"
    )
    record = extract_text(text)
    assert record.home[:1] == ["Schwanstetten"]
    assert {p.b[0] for p in record.partnerships} == {"Poitiers", "Tartu"}


def test_a_short_name_beside_the_full_one_is_that_town(nlp):
    from extract.pipeline import process

    # "Neumarkt" is no place's own name; beside "Neumarkt in der Oberpfalz" it is that town
    doc = process("Neumarkt. Gäste aus Issoire kamen nach Neumarkt in der Oberpfalz.", nlp)
    towns = {e.text: e._.place.geonames_id for e in doc.ents if e.label_ == "CITY"}
    assert towns["Neumarkt"] == towns["Neumarkt in der Oberpfalz"]


def test_a_town_of_the_short_name_stays_the_full_ones_namesake(nlp):
    from extract.pipeline import process

    # "Weiden" is a place's own name: beside "Weiden am See" it may be its namesake partner
    doc = process("Weiden ist seit 1985 mit Weiden am See verschwistert.", nlp)
    towns = {e.text: e._.place for e in doc.ents if e.label_ == "CITY"}
    assert towns["Weiden"] is not None
    assert towns["Weiden"].geonames_id != towns["Weiden am See"].geonames_id


@pytest.mark.parametrize(
    ("text", "village"),
    [
        # a village too small for the gazetteer, located right after it
        ("Fürth ist mit Villardenne in der Normandie partnerschaftlich verbunden.", "Villardenne"),
        ("Die Partnerschaft mit Kleinwolkowo in Masowien besteht seit 1990.", "Kleinwolkowo"),
        ("In Ansbach mit Montebrusco aus der Region Umbrien.", "Montebrusco"),
        # a known name abroad joined by a hyphen to a rare part is one name
        ("Fürth pflegt eine Partnerschaft mit La Chapelle-Vaudrin.", "La Chapelle-Vaudrin"),
        # a line of its own: the name, its country, its year
        ("Partnergemeinden\n\nVillardenne (Frankreich), seit 1990\n", "Villardenne"),
        # a name that is no word, called a partner by the noun after it
        ("Seit 1990 ist Villardenne Partnergemeinde von Fürth.", "Villardenne"),
    ],
)
def test_a_village_the_gazetteer_lacks_is_a_place_by_its_context(nlp, text, village):
    assert (village, "CITY") in places(nlp(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Wir feiern mit Freude in Bayern.", "Freude"),
        ("Kontakte waren durch die Corona-Pandemie eingeschränkt.", "Corona-Pandemie"),
        ("Der Bau-Beigeordnete sprach.", "Bau-Beigeordnete"),
        ("Seit 1990 ist Wasser Partnergemeinde von Fürth.", "Wasser"),
    ],
)
def test_a_word_in_such_a_context_is_no_village(nlp, text, word):
    assert word not in [t for t, _ in places(nlp(text))]


@pytest.mark.parametrize(
    "name",
    [
        "Newcastle under Lyme", "Šempeter pri Gorici", "Ústí nad Labem", "Bergen op Zoom", "Bergen auf Rügen",
        # particles abbreviated as official German names write them
        "Mühldorf a. Inn", "Neustadt a. d. Aisch",
    ],
)  # fmt: skip
def test_a_name_with_a_particle_of_its_language_is_whole(nlp, name):
    assert (name, "CITY") in places(nlp(f"Fürth pflegt eine Partnerschaft mit {name}."))


def test_a_region_an_alternate_name_adds_is_no_part_of_the_name(nlp):
    # GeoNames spells Bressanone "Brixen in Südtirol" too; "Micheldorf in Oberösterreich" is an official name
    assert ("Brixen", "CITY") in places(nlp("Fürth pflegt eine Partnerschaft mit Brixen in Südtirol."))
    text = "Fürth pflegt eine Partnerschaft mit Micheldorf in Oberösterreich."
    assert ("Micheldorf in Oberösterreich", "CITY") in places(nlp(text))


def test_an_abbreviated_name_before_another_partner_keeps_both(extract_text):
    record = extract_text("Fürth pflegt seit 1990 eine Partnerschaft mit Frankfurt a. M. und Kalisz.")
    assert [p.b[0] for p in record.partnerships] == ["Frankfurt a. M.", "Kalisz"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Eislingen/Fils pflegt eine Partnerschaft.", "Eislingen/Fils"),
        ("Die Gemeinde Dellach / Dole pflegt eine Partnerschaft.", "Dellach / Dole"),  # a bilingual name
    ],
)
def test_a_name_the_gazetteer_knows_with_its_slash_is_whole(nlp, text, name):
    from extract.pipeline import process

    assert [t for t, label in places(process(text, nlp)) if label == "CITY"] == [name]


def test_a_slash_between_two_towns_the_gazetteer_knows_apart_stays(nlp):
    from extract.pipeline import process

    doc = process("Die Partnerstädte Fürth/Schwabach laden ein.", nlp)
    assert [t for t, label in places(doc) if label == "CITY"] == ["Fürth", "Schwabach"]


@pytest.mark.parametrize(
    "name",
    ["Ellwangen (Jagst)", "Naumburg (Saale)", "Weiden in der Oberpfalz", "Dillingen/Saar", "Coswig (Anhalt)",
     "Altenkirchen (Westerwald)", "Eutingen im Gäu", "Dietfurt an der Altmühl"],
)  # fmt: skip
def test_an_official_name_with_its_qualifier_is_read_whole(extract_text, name):
    # official names of German towns from the postal localities, where GeoNames has only the plain name
    record = extract_text(f"Stadt {name}\n\nDie Stadt {name} pflegt seit 1990 eine Partnerschaft mit Lucca.")
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [(name, "Lucca")]


def test_a_short_name_on_a_page_of_two_namesakes_is_one_of_them(nlp):
    from extract.pipeline import process

    doc = process("Die Partnerschaft von Naumburg (Saale) mit Naumburg (Hessen) besteht. Naumburg feiert.", nlp)
    named = {e._.place for e in doc.ents if e.text.startswith("Naumburg (")}
    short = [e._.place for e in doc.ents if e.text == "Naumburg"]
    assert short and short[0] in named


@pytest.mark.parametrize("name", ["Afritz am See", "Affoltern im Emmental", "Rickenbach b. Wil"])
def test_an_austrian_or_swiss_official_name_with_its_qualifier_is_read_whole(extract_text, name):
    record = extract_text(f"Gemeinde {name}\n\nDie Gemeinde {name} pflegt seit 1990 eine Partnerschaft mit Lucca.")
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [(name, "Lucca")]
