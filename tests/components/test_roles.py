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
