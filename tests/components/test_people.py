import pytest


def people(doc):
    return [(e.text, e._.role) for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bürgermeister Paul Larue unterzeichnete.", [("Paul Larue", "Bürgermeister")]),
        ("mit seinem Amtskollegen Ferhat Mustafić", [("Ferhat Mustafić", "Amtskollege")]),
        ("sein chinesischer Amtskollege Lou Yangsheng", [("Lou Yangsheng", "Amtskollege")]),
        ("Der Direktor Dr. Wolfgang Spithaler half.", [("Wolfgang Spithaler", "Direktor")]),
        (
            "auf Initiative des stellvertretenden Bürgermeisters Fernand Nicaise",
            [("Fernand Nicaise", "stellvertretender Bürgermeister")],
        ),
        ("**Bürgermeisterin:**  \nElisabeth Feichtinger\n", [("Elisabeth Feichtinger", "Bürgermeisterin")]),
        ("**ANSPRECHPARTNERIN**\n\n**CLAUDIA PRINZ-GOLLEK** · T +49", [("CLAUDIA PRINZ-GOLLEK", "Ansprechpartnerin")]),
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
    doc = nlp("Oberbürgermeister Alexander Hetjes sprach. Danach betont Hetjes die Freundschaft.")
    assert [t for t, _ in people(doc)] == ["Alexander Hetjes", "Hetjes"]


@pytest.mark.parametrize(
    "text",
    [
        "Fachbereich Landrat\nFachdienst Wirtschaftsförderung\n",
        "Foto: Stadt Düren",
        "Zu Christi Himmelfahrt und in Le Havre.",
        "Die Brand Medaille und die Burg Kula.",
    ],
)
def test_no_people(nlp, text):
    assert people(nlp(text)) == []


def test_a_name_after_saint_is_no_person(extract_text):
    record = extract_text("Die Partnerschaft mit Saint Georges de Mons begann 1989. Bürgermeister Jean Blanc kam.")
    assert [e.text for e in record.entities if e.label == "PERSON"] == ["Jean Blanc"]
