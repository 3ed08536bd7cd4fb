def pairs(record):
    return [(p.a[0], p.b[0], p.kind, p.status, p.since) for p in record.partnerships]


def test_simple_partnership_with_signing(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg und Clamart (Frankreich) unterzeichneten am 12. Juni 1970 die "
        "Städtepartnerschaft. Lüneburg ist stolz."
    )
    assert pairs(record) == [("Lüneburg", "Clamart", "partnership", "active", "1970-06-12")]
    assert record.partnerships[0].b_country == "FR"
    assert [(e.type, e.date) for e in record.partnerships[0].events] == [("signed", "1970-06-12")]


def test_school_partnership_is_no_municipal_partnership(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg grüßt. Seit 1983 besteht die Schulpartnerschaft zwischen dem "
        "Gymnasium in Lüneburg und einer Schule in Clamart."
    )
    assert pairs(record) == []


def test_kinds(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg hat viele Partner. Mit der Stadt Naestved besteht eine Städtefreundschaft. "
        "Mit Clamart gibt es eine Kooperationsvereinbarung. Eine Projektpartnerschaft mit der Stadt "
        "Dura, Palästina. Lüneburg dankt."
    )
    assert {(b, kind) for _, b, kind, _, _ in pairs(record)} == {
        ("Naestved", "friendship"),
        ("Clamart", "cooperation"),
        ("Dura", "project"),
    }


def test_withdrawal_ends_a_partnership(extract_text):
    record = extract_text(
        "Herne nimmt Kontakt mit den Städten Lens und Hénin-Liétard auf. 1954 wird ein "
        "Partnerschaftsakt unterzeichnet. Später ziehen sich Lens von dem Pakt zurück. Herne bleibt."
    )
    status = {p.b[0]: (p.status, p.since) for p in record.partnerships}
    assert status == {"Lens": ("ended", "1954"), "Hénin-Liétard": ("active", "1954")}


def test_predecessor_body_becomes_an_alias_with_a_transfer(extract_text):
    record = extract_text(
        "Die Stadt Düren pflegt Partnerschaften. 1967 kam die Idee einer Partnerschaft zwischen "
        "Cormeilles und der damals noch selbstständigen Gemeinde Arnoldsweiler auf. Die "
        "Städtepartnerschaft mit Cormeilles wurde am 1. Januar 1972 von der Stadt Düren "
        "weitergeführt. Düren lebt sie."
    )
    (pair,) = record.partnerships
    assert pair.a == ["Düren", "Arnoldsweiler"] and pair.b == ["Cormeilles"]
    assert ("transferred", "1972-01-01") in [(e.type, e.date) for e in pair.events]


def test_ring_pairs_home_with_each_member(extract_text):
    record = extract_text(
        "Zum Partnerschaftsring gehören neben der Stadt Bad Homburg Cabourg (Frankreich) und "
        "Chur (Schweiz). Bad Homburg gründete 1956 den Partnerschaftsring."
    )
    assert {(p.b[0], p.since) for p in record.partnerships} == {("Cabourg", "1956"), ("Chur", "1956")}


def test_list_block_pairs_each_town_with_its_members(extract_text):
    record = extract_text(
        "Landkreis Harz\nDie Gemeindepartnerschaften im Landkreis Harz:\nStadt Thale:\n"
        "- Frankreich, Juvisy-sur-Orge\nStadt Halberstadt:\n- Tschechien, Náchod\nKontakt: Landkreis Harz\n"
    )
    assert {(p.a[0], p.b[0], p.b_country) for p in record.partnerships} == {
        ("Thale", "Juvisy-sur-Orge", "FR"),
        ("Halberstadt", "Náchod", "CZ"),
    }


def test_section_heading_names_the_partner(extract_text):
    record = extract_text(
        "Partnerstädte der Stadt Lüneburg\n\nNaestved, Dänemark\nAm 12. Juni 1970 unterzeichneten die "
        "Bürgermeister die Partnerschaftsurkunde.\n"
    )
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Naestved", "1970-06-12")]


def test_people_records_carry_role_and_place(extract_text):
    record = extract_text("Der Rat der Stadt Dortmund tagte. Bürgermeister der Stadt Dortmund, Ewald Görshop, sprach.")
    assert [(p.name, p.role, p.place) for p in record.people] == [("Ewald Görshop", "Bürgermeister", "Dortmund")]
