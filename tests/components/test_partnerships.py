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


def test_definite_partnership_sentence_refers_to_the_partner_just_named(extract_text):
    record = extract_text(
        "Weinheim ist seit 1962 mit Cavaillon in der Provence verbunden. Die Jumelage wurde 1962 "
        "feierlich besiegelt. Seit 2007 besteht außerdem eine Städtefreundschaft mit Ramat Gan (Israel)."
    )
    found = {p.b[0]: (p.kind, p.since) for p in record.partnerships}
    assert found == {"Cavaillon": ("partnership", "1962"), "Ramat Gan": ("friendship", "2007")}


def test_no_antecedent_from_a_sentence_without_the_home(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg grüßt. Die Schüler besuchten das Collège in Rouen. Die Partnerschaft wurde 1970 gegründet."
    )
    assert record.partnerships == []


def test_seit_after_the_partnership_word_dates_the_signing(extract_text):
    record = extract_text("Die Städtepartnerschaft zwischen Lüneburg und Faenza besteht seit 2002.")
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Faenza", "2002")]


def test_a_seit_clause_about_something_else_is_no_signing(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg pflegt die Städtepartnerschaft mit Clamart. Eine Säule der Partnerschaft mit "
        "Clamart ist der Austausch der Feuerwehren, der seit 1960 stattfindet."
    )
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Clamart", None)]


def test_decision_to_enter_a_friendship(extract_text):
    record = extract_text(
        "Der Rat der Stadt Lüneburg hat im März 2019 beschlossen, "
        "eine Freundschaft mit der Stadt Bila Zerkwa einzugehen."
    )
    (pair,) = record.partnerships
    assert pair.kind == "friendship" and pair.since is None
    assert [(e.type, e.date) for e in pair.events] == [("decided", "2019-03")]


def test_relations_with_places_given_with_their_country(extract_text):
    record = extract_text(
        "Auch mit Barnsley (Großbritannien) und Antibes (Frankreich) pflegt die Stadt Lüneburg enge Beziehungen."
    )
    assert {(p.b[0], p.b_country) for p in record.partnerships} == {("Barnsley", "GB"), ("Antibes", "FR")}


def test_list_item_dated_by_seit(extract_text):
    record = extract_text(
        "# Partnerschaften des Landkreises Göttingen\n\nDer Landkreis Göttingen unterhält Partnerschaften mit:\n\n"
        "- Powiat Kętrzyński (Polen), seit 1998\n- Département Seine-et-Marne (Frankreich)\n"
    )
    assert {(p.b[0], p.b_country, p.since) for p in record.partnerships} == {
        ("Powiat Kętrzyński", "PL", "1998"),
        ("Département Seine-et-Marne", "FR", None),
    }
