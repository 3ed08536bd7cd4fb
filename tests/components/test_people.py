import pytest


def people(doc):
    return [(e.text, e._.role) for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bürgermeister Jean Dupont unterzeichnete.", [("Jean Dupont", "Bürgermeister")]),
        ("mit seinem Amtskollegen Edin Kovačić", [("Edin Kovačić", "Amtskollege")]),
        ("sein chinesischer Amtskollege Wang Jianguo", [("Wang Jianguo", "Amtskollege")]),
        ("Der Direktor Dr. Wolfgang Brenneisen half.", [("Wolfgang Brenneisen", "Direktor")]),
        (
            "auf Initiative des stellvertretenden Bürgermeisters Marcel Dubois",
            [("Marcel Dubois", "stellvertretender Bürgermeister")],
        ),
        ("**Bürgermeisterin:**  \nElisabeth Hofbauer\n", [("Elisabeth Hofbauer", "Bürgermeisterin")]),
        ("**ANSPRECHPARTNERIN**\n\n**CLAUDIA MEIER-LANG** · T +49", [("CLAUDIA MEIER-LANG", "Ansprechpartnerin")]),
        ("Panorama (Foto: Reinhold Weissenbrunner)", [("Reinhold Weissenbrunner", None)]),
        (
            "Bundeskanzler Konrad Adenauer und Charles de Gaulle",
            [("Konrad Adenauer", "Bundeskanzler"), ("Charles de Gaulle", None)],
        ),
    ],
)
def test_people_and_roles(nlp, text, expected):
    assert people(nlp(text)) == expected


def test_surname_alone_after_full_name(nlp):
    doc = nlp("Oberbürgermeister Alexander Brandtner sprach. Danach betont Brandtner die Freundschaft.")
    assert [t for t, _ in people(doc)] == ["Alexander Brandtner", "Brandtner"]


@pytest.mark.parametrize(
    "text",
    [
        "Fachbereich Landrat\nFachdienst Wirtschaftsförderung\n",
        "Foto: Stadt Fürth",
        "Zu Christi Himmelfahrt und in Le Havre.",
        "Die Brand Medaille und die Burg Kula.",
    ],
)
def test_no_people(nlp, text):
    assert people(nlp(text)) == []


def test_a_name_after_saint_is_no_person(extract_text):
    record = extract_text("Die Partnerschaft mit Saint Martin de Ré begann 1989. Bürgermeister Jean Roux kam.")
    assert [e.text for e in record.entities if e.label == "PERSON"] == ["Jean Roux"]


COMMON_SURNAMES = [
    "Weber", "Schmidt", "Fischer", "Wagner", "Schulz", "Koch", "Meyer", "Schneider", "Wolf", "Braun",
    "Richter", "Bauer", "Lange", "Werner", "Müller", "Becker", "Hoffmann", "Schäfer", "Klein", "Neumann",
]  # fmt: skip


def test_a_role_vouches_for_a_common_surname(extract_text):
    # one short press release per surname: "Bürgermeister Christoph Weber", "Landrätin Anna Koch", ...
    for k, surname in enumerate(COMMON_SURNAMES):
        role, first = (("Bürgermeister", "Christoph"), ("Landrätin", "Anna"), ("Oberbürgermeister", "Hans-Jürgen"))[
            k % 3
        ]
        record = extract_text(f"Die Stadt Celle empfing die Gäste. {role} {first} {surname} begrüßte sie im Rathaus.")
        assert [(p.name, p.role) for p in record.people] == [(f"{first} {surname}", role)], surname


def test_a_surname_alone_after_a_role(extract_text):
    record = extract_text(
        "Die Vorlage wird vom Oberbürgermeister, Herrn Weber, eingebracht. Der Stadtverordnete Richter beantragt "
        "eine Ergänzung. Bürgermeister Wolf dankte."
    )
    assert [(p.name, p.role) for p in record.people] == [
        ("Weber", "Oberbürgermeister"),
        ("Richter", "Stadtverordneter"),
        ("Wolf", "Bürgermeister"),
    ]


def test_role_families_as_written(extract_text):
    record = extract_text(
        "Unter der Leitung des Bau-Beigeordneten Peter Lindner und des SVV-Vorsitzenden Walter Hinz kamen "
        "VG-Bürgermeister Dr. Robert Keller, Landtagspräsidentin Birgit Sommer und der stellvertretende "
        "Ausschussvorsitzende Calvin Brandl."
    )
    assert [(p.name, p.role) for p in record.people] == [
        ("Peter Lindner", "Bau-Beigeordneter"),
        ("Walter Hinz", "SVV-Vorsitzender"),
        ("Robert Keller", "VG-Bürgermeister"),
        ("Birgit Sommer", "Landtagspräsidentin"),
        ("Calvin Brandl", "stellvertretender Ausschussvorsitzende"),
    ]


def test_a_plural_role_goes_to_each_name_of_its_list(extract_text):
    record = extract_text(
        "Gefolgt waren die Stadträtinnen und Stadträte Edgar Stark, Heide Lorenz und Hans-Jürgen Polster sowie "
        "die Bürgermeister André Morel (Poitiers) und Jean Roux (Tartu)."
    )
    assert [(p.name, p.role) for p in record.people] == [
        ("Edgar Stark", "Stadtrat"),
        ("Heide Lorenz", "Stadträtin"),
        ("Hans-Jürgen Polster", "Stadtrat"),
        ("André Morel", "Bürgermeister"),
        ("Jean Roux", "Bürgermeister"),
    ]


def test_a_role_after_the_name(extract_text):
    record = extract_text(
        "Milos Novak, Bürgermeister der Gemeinde Tartu, schrieb einen Brief. Stephan Kuhl, seit Januar "
        "Bürgermeister in Celle, kam auch. Bürgermeisterin Traute von der Weide dankte."
    )
    assert [(p.name, p.role) for p in record.people] == [
        ("Milos Novak", "Bürgermeister"),
        ("Stephan Kuhl", "Bürgermeister"),
        ("Traute von der Weide", "Bürgermeisterin"),
    ]


def test_no_person_in_an_address_block_or_a_place_with_a_particle(extract_text):
    record = extract_text(
        "Später ziehen sich Lens und Jean-Villers von dem Pakt zurück.\n\nStadt Celle\nDer Bürgermeister\nRathaus\n"
    )
    assert record.people == [] and not [e for e in record.entities if e.label == "PERSON"]


def test_a_contact_label_is_a_role_only_as_a_label(extract_text):
    record = extract_text(
        "Von langjährigen Kontakten berichtete Frank Becker. Der Verein Deutsch-Französische Kontakte Celle lud ein."
        "\n\nKontakt\n\nFrau Martina Kern\n+49 471 590-2102\n"
    )
    assert [(p.name, p.role) for p in record.people] == [("Martina Kern", "Kontakt")]


def test_an_addressed_surname_with_its_role_after_als(extract_text):
    record = extract_text("Klar, Herrn Ruhland als Schulleiter gab es damals schon. Frau Kowalczyk leitete die Gruppe.")
    assert [(p.name, p.role) for p in record.people] == [("Ruhland", "Schulleiter")]
    assert [e.text for e in record.entities if e.label == "PERSON"] == ["Ruhland", "Kowalczyk"]


def test_adjectival_roles_ordinals_and_origins(extract_text):
    record = extract_text(
        "Es sprachen der Beigeordnete Michael Hahn, der SVV-Vorsitzende Walter Hinz und der 2012 verstorbene "
        "ersten Präsidenten des Komitees, Claude Bernard. Trainer Ingo Brandes von Tartu kam mit Erster Bürgermeister "
        "Hans Vogt."
    )
    assert [(p.name, p.role) for p in record.people] == [
        ("Michael Hahn", "Beigeordneter"),
        ("Walter Hinz", "SVV-Vorsitzender"),
        ("Claude Bernard", "Präsident"),
        ("Hans Vogt", "Erster Bürgermeister"),
    ]
    assert "Ingo Brandes" in [e.text for e in record.entities if e.label == "PERSON"]


# issue 21, class 1: roles as municipal texts write them (foreign office titles, abbreviations,
# heads of institutions, "a. D.", a complement naming a body, a role in parentheses)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sindaco Marco Rossi sprach ein Grußwort.", [("Marco Rossi", "Sindaco")]),
        ("Wójt Piotr Nowak und Starosta Jan Kowalski kamen.", [("Piotr Nowak", "Wójt"), ("Jan Kowalski", "Starosta")]),
        ("Bgm. Josef Huber eröffnete das Fest.", [("Josef Huber", "Bgm.")]),
        ("OB Thomas Maier empfing die Gäste.", [("Thomas Maier", "OB")]),
        ("Rektor Prof. Dr. Aurel Muster kam.", [("Aurel Muster", "Rektor")]),
        ("Honorarkonsul Hans Berger war anwesend.", [("Hans Berger", "Honorarkonsul")]),
        ("Bürgermeister a. D. Karl Muster erinnerte an die Anfänge.", [("Karl Muster", "Bürgermeister a. D.")]),
        ("Es sprach Oberbürgermeister a.D. Karl Muster.", [("Karl Muster", "Oberbürgermeister a.D.")]),
        (
            "Die Vizepräsidentin des Landtages Christina Muster kam.",
            [("Christina Muster", "Vizepräsidentin des Landtages")],
        ),
        (
            "Dieter Muster, Vorsitzender des Partnerschaftsausschusses, sagte es.",
            [("Dieter Muster", "Vorsitzender des Partnerschaftsausschusses")],
        ),
        (
            "Es kamen Georg Muster (Bürgermeister der Gemeinde Lucca) und Aarne Kowalczyk (Leiter der regionalen "
            "Entwicklungsabteilung der Region Tartu).",
            [("Georg Muster", "Bürgermeister"), ("Aarne Kowalczyk", "Leiter der regionalen Entwicklungsabteilung")],
        ),
        (
            "Dort unterzeichneten die Landräte Hans Muster aus dem Landkreis Ansbach und Peter Kowalczyk aus Lucca.",
            [("Hans Muster", "Landrat"), ("Peter Kowalczyk", "Landrat")],
        ),
        (
            "1973 unterzeichneten die damaligen Bürgermeister Walter Muster (Ansbach) und Anna Kowalczyk (Lucca).",
            [("Walter Muster", "Bürgermeister"), ("Anna Kowalczyk", "Bürgermeisterin")],
        ),
    ],
)
def test_roles_as_municipal_texts_write_them(nlp, text, expected):
    assert [(name, role) for name, role in people(nlp(text)) if role] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Es ist eine Frage, ob Peter Muster kommt.",  # "ob" is no "OB"
        "Dort ist der Rektor der Grundschule Frédéric Mistral tätig.",  # a school's name
        "Der Rektor der Universität „Vasile Muster“ kam.",  # a university's name
        "Die Vorsitzende des Vereins Freundeskreis Lucca e.V. sprach.",  # an association's name
        "Peter König und Anna Kaiser kamen.",  # surnames that are also titles of rulers
    ],
)
def test_no_role_for_a_name_that_is_no_holder(nlp, text):
    assert [p for p in people(nlp(text)) if p[1]] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Über die Wahl von Denis Muster als neuen Maire wird berichtet.", [("Denis Muster", "Maire")]),
        ("Jean Muster wurde in seinem Amt als Maire bestätigt.", [("Jean Muster", "Maire")]),
        ("Die Leitung hat der bisherige Maire von Poitiers, Pierre Werner.", [("Pierre Werner", "Maire")]),
    ],
)
def test_a_role_after_als_and_a_surname_that_is_a_first_name(nlp, text, expected):
    assert [(name, role) for name, role in people(nlp(text)) if role] == expected


def test_als_in_another_clause_gives_no_role(nlp):
    assert people(nlp("Peter Muster kam als Gast.")) == [("Peter Muster", None)]
    assert people(nlp("Hans Muster sprach, als Bürgermeister Karl Kowalczyk kam.")) == [
        ("Hans Muster", None),
        ("Karl Kowalczyk", "Bürgermeister"),
    ]


def test_the_complement_before_a_name_after_a_comma_is_not_the_role(nlp):
    found = people(nlp("Der Präsident des Partnerschaftskomitees, Claude Muster, dankte."))
    assert found == [("Claude Muster", "Präsident")]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a town named after a saint, where the text puts a town: no person
        ("Die Gemeinde Lahr ist mit Maria Saal – Österreich verbunden.", False),
        ("Partnergemeinde: Maria Enzersdorf (Österreich)", False),
        ("Partnerstädte sind Lucca in Italien und Vittorio Veneto in Italien.", False),
        ("Der Tenor Vittorio Grigolo sang in Italien.", True),
        # with a role before it, the same words are a person's name
        ("Bürgermeisterin Maria Saal sprach.", True),
    ],
)
def test_a_town_named_like_a_person_is_a_town_where_the_text_puts_one(nlp, text, person):
    names = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    assert bool(names) == person


@pytest.mark.parametrize(
    "text",
    [
        "Kontakt\nStadtverwaltung Musterau\nAm Markt 1\n",
        "Bürgermeisteramt Musterau\nTelefon 0711 1234\n",
        # an association in a contact block
        "Ansprechpartner\nPartnerschaftskomitee Musterau e.V.\nTelefon 0711 1234\n",
        "Kontakt\nFreundeskreis Musterau\nAm Markt 1\n",
    ],
)
def test_an_office_in_a_contact_block_is_no_person(nlp, text):
    assert people(nlp(text)) == []


@pytest.mark.parametrize("text", ["Die Stadt liegt im Osten Frankreichs.", "Die Stadt liegt im Süden Polens."])
def test_a_compass_word_before_a_countrys_genitive_is_no_person(nlp, text):
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == []


@pytest.mark.parametrize("word", ["Partnergemeinden", "Partnerstädte", "Städtepartnerschaft"])
def test_a_partnership_word_after_a_first_name_is_no_surname(nlp, word):
    # "Luz" is a first name, but "Saint-Jean-de-Luz Partnergemeinden" ends a town's name
    text = f"Seit 1956 sind Fürth und Saint-Jean-de-Luz {word}."
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == []
    assert "Saint-Jean-de-Luz" in [e.text for e in nlp(text).ents]
