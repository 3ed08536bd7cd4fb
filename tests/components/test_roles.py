"""Roles: the body a person's role belongs to."""


def test_people_records_carry_role_and_place(extract_text):
    record = extract_text("Der Rat der Stadt Celle tagte. Bürgermeister der Stadt Celle, Ewald Brenneisen, sprach.")
    assert [(p.name, p.role, p.place) for p in record.people] == [("Ewald Brenneisen", "Bürgermeister", "Celle")]


def test_a_role_without_a_body_before_it_belongs_to_the_home(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Bürgermeister Hans Vogt lud ein. "
        "Magistrat der Stadt Celle"
    )
    assert [(p.name, p.place) for p in record.people] == [("Hans Vogt", "Celle")]


def test_the_place_named_with_the_person_is_the_roles(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Bürgermeister Hans Vogt und sein Amtskollege "
        "Jaan Tamm unterzeichneten. Der Maire von Poitiers, Jean Dupont, kam auch. Milos Novak, Bürgermeister der "
        "Gemeinde Odense, schrieb. Die Bürgermeister Franz Vogel (Lemgo) und André Morel (Lucca) sprachen."
    )
    assert [(p.name, p.place) for p in record.people] == [
        ("Hans Vogt", "Celle"),
        ("Jaan Tamm", "Tartu"),
        ("Jean Dupont", "Poitiers"),
        ("Milos Novak", "Odense"),
        ("Franz Vogel", "Lemgo"),
        ("André Morel", "Lucca"),
    ]


def test_the_place_in_the_parentheses_of_a_role_after_the_name(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Es kamen Georg Muster (Bürgermeister der "
        "Gemeinde Tartu) und Hans Vogt (Bürgermeister)."
    )
    assert [(p.name, p.role, p.place) for p in record.people] == [
        ("Georg Muster", "Bürgermeister", "Tartu"),
        ("Hans Vogt", "Bürgermeister", "Celle"),
    ]


def test_the_maire_of_a_town_that_is_no_partner_is_its_official_and_makes_no_pair(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Zu Gast beim Fest war auch der Maire von "
        "Poitiers, Jean Dupont."
    )
    assert [(p.name, p.role, p.place) for p in record.people] == [("Jean Dupont", "Maire", "Poitiers")]
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Celle", "Tartu")]


def test_a_surname_that_is_also_a_town_is_the_persons(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Bürgermeister Peter Lingen begrüßte die Gäste."
    )
    assert [(p.name, p.role, p.place) for p in record.people] == [("Peter Lingen", "Bürgermeister", "Celle")]
    assert "Lingen" not in [e.text for e in record.entities if e.label == "CITY"]
    # where the text puts a town, the same word is the town
    record = extract_text("Die Stadt Celle pflegt seit 1990 die Städtepartnerschaft mit Lingen.")
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Celle", "Lingen")]
