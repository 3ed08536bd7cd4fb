"""Partnership rules on short texts written for each case (no seed or
development text is quoted; the towns are real so that the gazetteer knows them)."""

import pytest


def pairs(record):
    return [(p.a[0], p.b[0], p.kind, p.status, p.since) for p in record.partnerships]


def found(record):
    return {(p.a[0], p.b[0]) for p in record.partnerships}


# -- sentences ----------------------------------------------------------------------
def test_simple_partnership_with_signing(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg und Clamart (Frankreich) unterzeichneten am 12. Juni 1970 die "
        "Städtepartnerschaft. Lüneburg ist stolz."
    )
    assert pairs(record) == [("Lüneburg", "Clamart", "partnership", "active", "1970-06-12")]
    assert record.partnerships[0].b_country == "FR"
    assert [(e.type, e.date) for e in record.partnerships[0].events] == [("signed", "1970-06-12")]
    assert record.partnerships[0].why == "sentence with a partnership word"


def test_school_partnership_is_no_municipal_partnership(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg grüßt. Seit 1983 besteht die Schulpartnerschaft zwischen dem "
        "Gymnasium in Lüneburg und einer Schule in Clamart."
    )
    assert pairs(record) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the club is the subject of the first main clause only; the second states the town's partnership
        (
            "Die Vereine besuchen sich oft, und seit 1975 besteht eine Städtepartnerschaft mit Le Havre.",
            {("Fürth", "Le Havre")},
        ),
        ("Das Gymnasium, das 1900 gegründet wurde, pflegt eine Partnerschaft mit Le Havre.", set()),
        ("Der Sportverein pflegt seit 1975 eine Partnerschaft mit Le Havre.", set()),
    ],
)
def test_a_club_is_the_subject_of_its_own_clause(extract_text, sentence, expected):
    assert found(extract_text("Die Stadt Fürth liegt in Bayern. " + sentence)) == expected


def test_kinds(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg hat viele Partner. Mit der Stadt Naestved besteht eine Städtefreundschaft. "
        "Mit Clamart gibt es eine Kooperationsvereinbarung. Eine Projektpartnerschaft mit der Stadt "
        "Tartu, Estland. Lüneburg dankt."
    )
    assert {(b, kind) for _, b, kind, _, _ in pairs(record)} == {
        ("Naestved", "friendship"),
        ("Clamart", "cooperation"),
        ("Tartu", "project"),
    }


def test_withdrawal_ends_a_partnership(extract_text):
    record = extract_text(
        "Celle nimmt Kontakt mit den Städten Poitiers und Tartu auf. 1954 wird ein "
        "Partnerschaftsakt unterzeichnet. Später ziehen sich Poitiers von dem Pakt zurück. Celle bleibt."
    )
    status = {p.b[0]: (p.status, p.since) for p in record.partnerships}
    assert status == {"Poitiers": ("ended", "1954"), "Tartu": ("active", "1954")}


def test_predecessor_body_becomes_an_alias_with_a_transfer(extract_text):
    record = extract_text(
        "Die Stadt Göttingen pflegt Partnerschaften. 1967 kam die Idee einer Partnerschaft zwischen "
        "Clamart und der damals noch selbstständigen Gemeinde Geismar auf. Die "
        "Städtepartnerschaft mit Clamart wurde am 1. Januar 1972 von der Stadt Göttingen "
        "weitergeführt. Göttingen lebt sie."
    )
    (pair,) = record.partnerships
    assert pair.a == ["Göttingen", "Geismar"] and pair.b == ["Clamart"]
    assert ("transferred", "1972-01-01") in [(e.type, e.date) for e in pair.events]


def test_ring_pairs_home_with_each_member(extract_text):
    record = extract_text(
        "Zum Partnerschaftsring gehören neben der Stadt Wetzlar Poitiers (Frankreich) und "
        "Thun (Schweiz). Wetzlar gründete 1956 den Partnerschaftsring."
    )
    assert {(p.b[0], p.since) for p in record.partnerships} == {("Poitiers", "1956"), ("Thun", "1956")}


def test_definite_partnership_sentence_refers_to_the_partner_just_named(extract_text):
    record = extract_text(
        "Weinheim ist seit 1962 mit Cavaillon in der Provence verbunden. Die Jumelage wurde 1962 "
        "feierlich besiegelt. Seit 2007 besteht außerdem eine Städtefreundschaft mit Ramat Gan (Israel)."
    )
    found_ = {p.b[0]: (p.kind, p.since) for p in record.partnerships}
    assert found_ == {"Cavaillon": ("partnership", "1962"), "Ramat Gan": ("friendship", "2007")}


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
        "eine Städtefreundschaft mit der Stadt Tartu einzugehen."
    )
    (pair,) = record.partnerships
    assert pair.kind == "friendship" and pair.since is None
    assert [(e.type, e.date) for e in pair.events] == [("decided", "2019-03")]


def test_relations_with_places_given_with_their_country(extract_text):
    record = extract_text(
        "Die Stadt Lüneburg und ihre Partnerstädte: auch mit Barnsley (Großbritannien) und Antibes "
        "(Frankreich) pflegt die Stadt Lüneburg enge Beziehungen."
    )
    assert {(p.b[0], p.b_country) for p in record.partnerships} == {("Barnsley", "GB"), ("Antibes", "FR")}


def test_between_statements_pair_the_bodies_they_join(extract_text):
    record = extract_text(
        "Die Stadt Celle beschließt die Gründung einer Städtepartnerschaft mit Lublin. Offizielle "
        "Städtepartnerschaften bestehen bereits zwischen Poznań und Lublin sowie zwischen Poznań und Celle."
    )
    assert found(record) == {("Celle", "Lublin"), ("Poznań", "Lublin"), ("Celle", "Poznań")}


def test_a_place_named_to_locate_another_is_no_partner(extract_text):
    record = extract_text(
        "Die Stadt Celle besiegelte 2011 die Städtepartnerschaft mit Clamart, etwa 10 km westlich von Paris."
    )
    assert found(record) == {("Celle", "Clamart")}


# -- page structure -------------------------------------------------------------------
def test_list_block_pairs_each_town_with_its_members(extract_text):
    record = extract_text(
        "Landkreis Göttingen\nDie Gemeindepartnerschaften im Landkreis Göttingen:\nStadt Einbeck:\n"
        "- Frankreich, Poitiers\nStadt Duderstadt:\n- Tschechien, Brno\nKontakt: Landkreis Göttingen\n"
    )
    assert {(p.a[0], p.b[0], p.b_country) for p in record.partnerships} == {
        ("Einbeck", "Poitiers", "FR"),
        ("Duderstadt", "Brno", "CZ"),
    }


def test_list_item_dated_by_seit(extract_text):
    record = extract_text(
        "# Partnerschaften des Landkreises Göttingen\n\nDer Landkreis Göttingen unterhält Partnerschaften mit:\n\n"
        "- Powiat Kętrzyński (Polen), seit 1998\n- Département Seine-et-Marne (Frankreich)\n"
    )
    assert {(p.b[0], p.b_country, p.since) for p in record.partnerships} == {
        ("Powiat Kętrzyński", "PL", "1998"),
        ("Département Seine-et-Marne", "FR", None),
    }


def test_list_with_years_under_a_lead_in(extract_text):
    record = extract_text(
        "Städtepartnerschaften\n\nCelle hat folgende Partnerstädte:\n\n"
        "1960 Poitiers - Frankreich\n(früher Poitou)\n1975 Tartu – Estland\n\n"
        "Die Partnerschaften sollen Barrieren zwischen den Völkern überwinden helfen.\n"
    )
    assert {(a, b, since) for a, b, _, _, since in pairs(record)} == {
        ("Celle", "Poitiers", "1960"),
        ("Celle", "Tartu", "1975"),
    }
    assert {p.why for p in record.partnerships} == {"list item under its owner"}
    assert record.home == ["Celle"]


def test_former_name_in_parentheses_is_an_alias(extract_text):
    record = extract_text(
        "Unsere Partnerstädte\n\n1963 Tampere (früher Tammerfors) - Finnland\n1970 Odense – Dänemark\n\n"
        "Magistrat der Stadt Hameln\n"
    )
    sides = {p.b[0]: p.b for p in record.partnerships}
    assert sides["Tampere"] == ["Tampere", "Tammerfors"] and sides["Odense"] == ["Odense"]


def test_sub_heading_per_partner_with_prose_after_it(extract_text):
    record = extract_text(
        "Unsere Partnerstädte\nOdense [DK]\nStädtefreundschaft seit 1984\n"
        "Odense ist eine reizvolle Stadt mit alten Gassen und einem schönen Hafen.\n"
        "Pécs - Ungarn\nDie Partnergemeinde liegt im Süden. Die Urkunde wurde am 3. Mai 1990 unterzeichnet.\n\n"
        "Kontakt\nStadt Goslar\n38640 Goslar\n"
    )
    assert record.home[0] == "Goslar"
    assert {(b, kind, since) for _, b, kind, _, since in pairs(record)} == {
        ("Odense", "friendship", "1984"),
        ("Pécs", "partnership", "1990-05-03"),
    }


def test_successor_in_parentheses_becomes_the_partner(extract_text):
    record = extract_text(
        "Die Gemeindepartnerschaften im Landkreis Göttingen:\nStadt Duderstadt:\n"
        "- Dänemark, Ystad Kommune (seit 01/2007 zur Kolding Kommune zugeordnet)\n"
    )
    (pair,) = record.partnerships
    assert pair.a == ["Duderstadt"] and pair.b == ["Kolding", "Ystad"]
    assert ("transferred", "2007-01") in [(e.type, e.date) for e in pair.events] and pair.since is None


def test_name_with_particle_on_a_partner_heading(extract_text):
    record = extract_text(
        "Partnergemeinde\n\nStädtepartnerschaft mit Neustadt am Kulm\n"
        "Am 13. Juli 2013 besiegelte die Marktgemeinde Wels die Partnerschaft.\n"
    )
    assert [p.b[0] for p in record.partnerships] == ["Neustadt am Kulm"]


def test_owner_heading_names_no_partner(extract_text):
    record = extract_text(
        "Partnergemeinden der Stadt Goslar\n\nPoitiers\nDie Partnerschaft mit Poitiers geht auf das Jahr 1967 zurück.\n"
    )
    assert found(record) == {("Goslar", "Poitiers")}


# -- several home bodies -----------------------------------------------------------------
def test_overview_of_pair_lines_has_no_single_home(extract_text):
    record = extract_text(
        "Partnerschaften\n\nZwischen Ungarn und dem Land bestehen zahlreiche Partnerschaften zwischen Landkreisen "
        "und Gemeinden.\n\nPartnerschaften der Gemeinden\n\nWetzlar-Szeged (seit 05. Mai 2001)\n"
        "Fulda-Pécs (seit 17. Juli 1998)\nSt. Wendel-Eger (seit 1990)\n\nMöglichkeiten\n"
    )
    assert record.home == []
    assert {(a, b, since) for a, b, _, _, since in pairs(record)} == {
        ("Wetzlar", "Szeged", "2001-05-05"),
        ("Fulda", "Pécs", "1998-07-17"),
        ("St. Wendel", "Eger", "1990"),
    }


@pytest.mark.parametrize("seit", ["seit", "seit dem Jahr", "seit Anfang"])
def test_each_partner_of_a_list_in_one_sentence_takes_its_own_seit_date(extract_text, seit):
    record = extract_text(
        f"Die Stadt Fürth hat drei Partnerstädte: Poitiers (Frankreich, {seit} 1961), "
        f"Lucca (Italien, {seit} 1975) und Tartu (Estland, {seit} 1990)."
    )
    assert sorted((p.b[0], p.since) for p in record.partnerships) == [
        ("Lucca", "1975"), ("Poitiers", "1961"), ("Tartu", "1990"),
    ]  # fmt: skip


def test_member_towns_of_an_association_hold_their_own_partnerships(extract_text):
    record = extract_text(
        "Ein Zeichen für Europa setzte jetzt die Verbandsgemeinde Bamberg mit einem Platz der Partnerschaften. "
        "Celle ist sogar mit zwei Gemeinden verbunden, mit Poitiers seit 1969 und Lucca (Provinz Lucca, Italien) "
        "seit 1992. In Goslar besteht neben der Jumelage mit der französischen Gemeinde Clamart seit 1978 noch "
        "eine Partnerschaft mit der Gemeinde Lemgo (seit 2004). Auf die längste Partnerschaft kann Hameln "
        "zurückblicken. Mit Antibes besteht der rege Austausch schon seit 1964."
    )
    assert record.home[0] == "Verbandsgemeinde Bamberg"
    assert found(record) == {
        ("Celle", "Poitiers"),
        ("Celle", "Lucca"),
        ("Goslar", "Clamart"),
        ("Goslar", "Lemgo"),
        ("Hameln", "Antibes"),
    }


def test_a_districts_namesake_town_as_a_venue_is_no_partner(extract_text):
    record = extract_text(
        "Partnerschaften des Landkreises\nDer Landkreis Celle unterhält eine Partnerschaft mit der Stadt Tartu. "
        "Die Partnerschaft wurde am 04.10.1989 in Tartu und am 23.02.1990 in Celle offiziell geschlossen.\n"
    )
    assert found(record) == {("Landkreis Celle", "Tartu")}


# -- off-topic text ------------------------------------------------------------------------
def test_off_topic_cooperation_and_friendly_matches_give_nothing(extract_text):
    for text in (
        "Das Freundschaftsspiel in Wien gegen die Auswahl aus Ankara endete 2:1.",
        "Die Firma aus Hamburg und ein Konzern aus München vereinbaren eine strategische Partnerschaft.",
        "Die Kooperation der Universitäten in Graz und Linz soll ausgebaut werden, sagte der Rektor in Graz.",
        "Die Außenminister Athens und Ankaras haben eine engere Kooperation vereinbart, hieß es in Berlin.",
    ):
        assert extract_text(text).partnerships == [], text


def test_spellings_of_one_partner_merge_into_one_pair(extract_text):
    record = extract_text(
        "Partnerschaft zwischen Celle und der französischen Gemeinde Villers-sur-Mer nun besiegelt. "
        "Die Delegation weilte in der Gemeinde Viller-sur-Mer. Nachdem die Verbindung zwischen Celle und Villers "
        "mit der Unterzeichnung der Partnerschaftsurkunde am 9. Januar 2011 geschlossen wurde, folgte die Feier."
    )
    (pair,) = record.partnerships
    assert pair.b[0] == "Villers-sur-Mer" and pair.since == "2011-01-09"


def test_a_place_and_its_namesake_with_a_suffix_stay_apart(extract_text):
    record = extract_text("Partnergemeinden der Stadt Celle:\n- Schweiz, Oberdorf/Winterthur\n- Oberdorf SO\n")
    assert sorted(p.b[0] for p in record.partnerships) == ["Oberdorf", "Oberdorf SO"]


def test_the_short_name_of_a_home_with_a_particle_is_the_home(extract_text):
    record = extract_text(
        "Die Marktgemeinde Neumarkt am Wallersee besiegelte am 13. Juli 2013 die Partnerschaft mit Tartu. "
        "Ich bin der Bürgermeister von Neumarkt, sagte er zur Partnerschaft mit Tartu."
    )
    assert found(record) == {("Neumarkt am Wallersee", "Tartu")}


def test_a_town_at_home_beside_the_home_needs_a_partner_cue(extract_text):
    record = extract_text(
        "Die Partnerschaft der Gemeinde Celle mit Poitiers begann 1989, da Goslar bereits eine Partnerschaft "
        "pflegte und auch andere Gemeinden wie Hameln und Lemgo Beziehungen unterhielten."
    )
    assert found(record) == {("Celle", "Poitiers")}


def test_a_town_at_home_named_as_a_partner_town_is_one(extract_text):
    record = extract_text(
        "Zum Jubiläum kamen Vertreter unserer Partnerstädte Tartu und dem hessischen Wetzlar nach Celle. "
        "Die Stadt Celle dankte. Seit 1990 verbindet Goslar und Celle ein Partnerschaftsvertrag."
    )
    assert found(record) == {("Celle", "Tartu"), ("Celle", "Wetzlar"), ("Celle", "Goslar")}


def test_each_partner_takes_the_seit_date_after_its_own_name(extract_text):
    record = extract_text(
        "Die Stadt Celle ist sogar mit zwei Gemeinden verbunden: es besteht neben der Jumelage mit der "
        "französischen Gemeinde Poitiers seit 1978 noch eine Partnerschaft mit der Gemeinde Lemgo am Berg (seit 2004)."
    )
    assert {p.b[0]: p.since for p in record.partnerships} == {"Poitiers": "1978", "Lemgo": "2004"}


def test_a_seit_date_after_the_partner_in_a_sentence_naming_the_home(extract_text):
    record = extract_text(
        "Unsere Partnerstädte\n\nTartu, Estland\n\n"
        "Die jüngste Verbindung eint die Städte Celle und Tartu seit Mai 2002.\n"
    )
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Tartu", "2002-05")]


def test_a_round_up_of_several_towns_pairs_each_with_its_own_partners(extract_text):
    record = extract_text(
        "Partnerschaften im Kreis\nViele Städte im Landkreis pflegen Städtepartnerschaften. Die Stadt Celle hat "
        "seit 1970 eine Partnerschaft mit Poitiers. Die Gemeinde Wetzlar pflegt eine Partnerschaft mit Tartu. "
        "In Goslar besteht seit 1985 eine Städtepartnerschaft mit Odense."
    )
    assert found(record) == {("Celle", "Poitiers"), ("Wetzlar", "Tartu"), ("Goslar", "Odense")}


def test_a_genitive_after_the_partner_noun_pairs_its_town_with_the_town_named_with_it(extract_text):
    # both towns lie at home; the genitive says whose partner the other one is (neither is a
    # partner cue alone, so the sentence names a holder and its partner)
    record = extract_text(
        "Partnerschaften im Bezirk\nViele Gemeinden im Bezirk pflegen Partnerschaften. Die Gemeinde Celle hat "
        "seit 1970 eine Partnerschaft mit Poitiers. Partnergemeinde Goslars ist seit 1985 Wetzlar in Hessen."
    )
    expected = {frozenset({"Celle", "Poitiers"}), frozenset({"Goslar", "Wetzlar"})}
    assert {frozenset(pair) for pair in found(record)} == expected


def test_member_towns_as_headings_over_their_partners(extract_text):
    record = extract_text(
        "Partnerschaften im Landkreis Göttingen\n\nStadt Einbeck\nPoitiers (Frankreich), seit 1960\n"
        "Tartu (Estland), seit 1992\n\nGemeinde Friedland\nOdense (Dänemark), seit 1985\n\n"
        "Kontakt\nLandkreis Göttingen\n"
    )
    assert record.home == ["Landkreis Göttingen"]
    assert {(a, b, since) for a, b, _, _, since in pairs(record)} == {
        ("Einbeck", "Poitiers", "1960"),
        ("Einbeck", "Tartu", "1992"),
        ("Friedland", "Odense", "1985"),
    }


def test_member_town_and_its_partners_on_one_line(extract_text):
    record = extract_text(
        "Partnerschaften im Landkreis Göttingen\n\nStadt Einbeck: Poitiers (Frankreich), Tartu (Estland)\n"
        "Gemeinde Friedland: Odense (Dänemark) seit 1985\n"
    )
    assert found(record) == {("Einbeck", "Poitiers"), ("Einbeck", "Tartu"), ("Friedland", "Odense")}


def test_owners_in_the_genitive_after_a_partner_town_noun_are_no_partners(extract_text):
    record = extract_text(
        "Partnergemeinden der Stadt Celle, der Gemeinden Wietze und Eschede\n\nPartnergemeinden der Stadt Celle\n"
        "Poitiers\nDie Stadt Celle und die Gemeinde Poitiers besiegelten am 31. Mai 1991 ihre Partnerschaft.\n"
    )
    assert found(record) == {("Celle", "Poitiers")}


def test_a_caption_run_into_a_partner_heading_is_read_apart_from_it(extract_text):
    record = extract_text(
        "Partnerschaften\nDer Landkreis Celle pflegt Partnerschaften.\nPartnerschaft mit Tartu\n"
        "Die Urkunden wurden 2001 unterzeichnet.\nVertreter der Kreise Tartu und Gnesen im Landkreis Celle\n"
        "Partnerschaft mit Lucca\nDiese Verbindung besteht seit 1990.\n"
    )
    assert {b for _, b in found(record)} == {"Tartu", "Lucca"}


def test_overview_with_a_heading_per_town(extract_text):
    record = extract_text(
        "Städtepartnerschaften in Niedersachsen\n\nCelle\nPartnerstädte: Poitiers (Frankreich), Tartu (Estland)\n\n"
        "Goslar\nPartnerstädte: Odense (Dänemark)\n\nStadt Hameln\n- Lucca, Italien (seit 1960)\n"
    )
    assert record.home == []
    assert found(record) == {("Celle", "Poitiers"), ("Celle", "Tartu"), ("Goslar", "Odense"), ("Hameln", "Lucca")}


def test_a_partner_described_with_a_regional_adjective_is_no_home(extract_text):
    record = extract_text(
        "Partnergemeinde\n\nSeit 1987 verbindet die Marktgemeinde Wels und die bayerische Gemeinde Schwangau eine "
        "Partnerschaft. Die Urkunde wurde am 12. Mai 1987 in Schwangau unterzeichnet."
    )
    assert record.home[0] == "Wels" and found(record) == {("Wels", "Schwangau")}


def test_a_seit_line_under_a_partner_line_dates_it(extract_text):
    record = extract_text(
        "Partnerstädte der Stadt Celle\n\nPoitiers (Frankreich)\nseit 1970\n\nTartu (Estland)\nseit 1985\n"
    )
    assert {(b, since) for _, b, _, _, since in pairs(record)} == {("Poitiers", "1970"), ("Tartu", "1985")}


def test_a_list_takes_the_kind_of_its_own_heading(extract_text):
    record = extract_text(
        "Städtepartnerschaften und Freundschaften\n\nPartnerstädte\n- Poitiers (Frankreich)\n\n"
        "Freundschaftsbeziehungen\n- Tartu (Estland)\n\nRathaus Celle\n29221 Celle\n"
    )
    assert {(b, kind) for _, b, kind, _, _ in pairs(record)} == {("Poitiers", "partnership"), ("Tartu", "friendship")}


def test_seit_before_each_partner_in_one_sentence(extract_text):
    record = extract_text(
        "Kreispartnerschaften\n\nDer Landkreis Celle unterhält seit 1990 eine Partnerschaft mit dem Powiat "
        "Gnieźnieński in Polen und seit 2001 mit dem Département Vienne in Frankreich.\n\nLandratsamt Celle\n"
    )
    assert record.home[0] == "Landkreis Celle"
    assert {p.b[0]: p.since for p in record.partnerships} == {
        "Powiat Gnieźnieński": "1990",
        "Département Vienne": "2001",
    }


def test_a_seit_in_the_previous_partners_parenthesis_is_not_the_next_partners(extract_text):
    # a hard-wrapped paragraph: the next partner's year stands on the next line
    record = extract_text(
        "Die Stadt Lüneburg und ihre Partnerschaften\n\nBesuche im Rahmen der Partnerschaften\n"
        "mit Clamart (seit 1972) und Naestved\n(1988) mussten abgesagt werden.\n"
    )
    assert {p.b[0]: p.since for p in record.partnerships} == {"Clamart": "1972", "Naestved": "1988"}


def test_a_parenthesis_line_continues_wrapped_prose_but_not_a_heading(nlp):
    from extract.pipeline import process

    doc = process(
        "Die Partnerschaften der Stadt Lüneburg\nmit Clamart und Naestved\n(seit 1988) sind alt.\n\n"
        "Clamart in Frankreich\n(www.clamart.fr)\nClamart liegt bei Paris.",
        nlp,
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Die Partnerschaften der Stadt Lüneburg\nmit Clamart und Naestved\n(seit 1988) sind alt.",
        "Clamart in Frankreich",
        "(www.clamart.fr)",
        "Clamart liegt bei Paris.",
    ]


def test_lines_of_one_shape_in_lower_case_are_sentences_of_their_own(nlp):
    from extract.pipeline import process

    doc = process("Partnerstädte\n\nseit 1956: Poitiers, Frankreich\nseit 1990: Kalisz, Polen\n", nlp)
    *_, first, second = [s.text.strip() for s in doc.sents]
    assert first.endswith("seit 1956: Poitiers, Frankreich") and second == "seit 1990: Kalisz, Polen"
    wrapped = process("Die Stadt pflegt seit 1956 eine Partnerschaft\nmit Poitiers und seit 1990\nmit Kalisz.", nlp)
    assert len(list(wrapped.sents)) == 1  # a wrapped sentence whose lines open with other words


def test_each_lower_case_line_gives_its_own_year(extract_text):
    record = extract_text("Stadt Fürth\n\nPartnerstädte\n\nseit 1956: Poitiers, Frankreich\nseit 1990: Kalisz, Polen\n")
    assert {p.b[0]: p.since for p in record.partnerships} == {"Poitiers": "1956", "Kalisz": "1990"}


def test_a_table_row_of_a_partner_at_home_and_its_state_is_no_pair_of_two_bodies(extract_text):
    record = extract_text(
        "Stadt Fürth\n\nPartnerstädte\n\n| Stadt | Land | seit |\n|---|---|---|\n"
        "| Meißen | Sachsen | 1990 |\n| Kalisz | Polen | 1956 |\n"
    )
    assert found(record) == {("Fürth", "Meißen"), ("Fürth", "Kalisz")}


def test_a_list_items_country_after_in_is_no_part_of_the_name(extract_text):
    text = "Stadt Fürth\n\nPartnerstädte\n\n- Besançon in Frankreich (1956)\n- Nowy Targ in Polen (1990)\n"
    record = extract_text(text)
    assert {p.b[0]: p.since for p in record.partnerships} == {"Besançon": "1956", "Nowy Targ": "1990"}


def test_overview_lines_with_the_owner_before_a_colon(extract_text):
    record = extract_text(
        "Partnerschaften der Zürcher Gemeinden\n\nWinterthur: La Chaux-de-Fonds (seit 1990)\nUster: Lucca (seit 1985)\n"
    )
    assert record.home == []
    assert found(record) == {("Winterthur", "La Chaux-de-Fonds"), ("Uster", "Lucca")}


def test_a_newspaper_round_up_of_several_towns_has_no_single_home(extract_text):
    record = extract_text(
        "Die Partnerschaften im Kreis\n\nIn Celle besteht seit 1960 eine Partnerschaft mit Poitiers. Goslar ist mit "
        "Odense verschwistert. Die Gemeinde Wietze pflegt seit 1995 eine Freundschaft mit Tartu."
    )
    assert record.home == []
    assert found(record) == {("Celle", "Poitiers"), ("Goslar", "Odense"), ("Wietze", "Tartu")}


def test_coordinated_names_after_mit_are_all_partners(extract_text):
    record = extract_text(
        "Schwabach, den 3. Mai 2019\n\n"
        "Geladen waren Vertreter der Städtefreundschaften mit Rinteln und der Hansestadt Ansbach."
    )
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {("Schwabach", "Rinteln"), ("Schwabach", "Ansbach")}


def test_a_town_at_home_after_a_partner_noun_is_the_homes_partner(extract_text):
    record = extract_text(
        "Schwabach, den 3. Mai 2019\n\nDer Bürgermeister besuchte unsere Partnergemeinde Rinteln am Wochenende."
    )
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Schwabach", "Rinteln")]


def test_a_round_up_of_several_towns_pairs_none_with_an_assumed_home(extract_text):
    # a newspaper's round-up: each town holds its own partners; the sentence that names
    # only partner towns belongs to no single publisher
    text = (
        "Partnerstädte im Bezirk\n\n"
        "In Fürth besteht seit 1970 eine Partnerschaft mit Poitiers. "
        "In Schwabach besteht seit 1980 eine Partnerschaft mit Tartu. "
        "In Ansbach besteht seit 1990 eine Partnerschaft mit Lucca. "
        "Partnergemeinden haben auch Odense und Tampere."
    )
    record = extract_text(text)
    assert record.home == []
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {
        ("Fürth", "Poitiers"),
        ("Schwabach", "Tartu"),
        ("Ansbach", "Lucca"),
    }


def test_a_zwischen_group_of_three_pairs_the_home_with_each_member(extract_text):
    record = extract_text(
        "Schwabach, den 3. Mai 2019\n\n"
        "Der Verein pflegt die Partnerschaft zwischen der Stadt Schwabach und ihren Partnerstädten "
        "Lucca (Toskana, Mittelitalien) und Tartu (Estland)."
    )
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {("Schwabach", "Lucca"), ("Schwabach", "Tartu")}


def test_a_line_with_its_holder_before_a_colon_pairs_the_holder(extract_text):
    text = (
        "Die Stadt Schwabach pflegt Partnerschaften in aller Welt.\n"
        "Stadtteil Musterau: Städtepartnerschaften mit Poitiers in Frankreich seit 1957 "
        "und mit Lucca in Italien seit 1960\n"
    )
    pairs = {(p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships}
    assert pairs == {("Musterau", "Poitiers", "1957"), ("Musterau", "Lucca", "1960")}


def test_a_round_up_names_each_holder_as_in_x_mit_y(extract_text):
    text = (
        "BEZIRK. Partnerschaften im Bezirk\n\n"
        "Eine formelle Partnerschaft gibt es in Fürth mit der Gemeinde Poitiers in Frankreich, "
        "in Schwabach mit Tartu aus Estland und in Ansbach mit Lucca in Italien."
    )
    record = extract_text(text)
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {
        ("Fürth", "Poitiers"),
        ("Schwabach", "Tartu"),
        ("Ansbach", "Lucca"),
    }


def test_a_holders_partners_after_mit_stay_its_own_past_their_locations(extract_text):
    # each partner carries its location ("im Bundesland ...", "in der Schweiz"); a partner at
    # home (Germany, Switzerland) after such a location is still coordinated under "mit"
    text = (
        "BEZIRK. Eine formelle Partnerschaft gibt es in Fürth mit der Gemeinde Poitiers in Frankreich.\n\n"
        "Außerdem pflegt Schwabach einige Partnerschaften und zwar mit Bad Hersfeld im Bundesland "
        "Hessen/Deutschland, Dinant in Belgien, Cahors in der Region Okzitanien in Frankreich, Thun im "
        "Kanton Bern in der Schweiz sowie mit Lucca in Italien."
    )
    record = extract_text(text)
    assert found(record) == {
        ("Fürth", "Poitiers"),
        ("Schwabach", "Bad Hersfeld"),
        ("Schwabach", "Dinant"),
        ("Schwabach", "Cahors"),
        ("Schwabach", "Thun"),
        ("Schwabach", "Lucca"),
    }


def test_coordinated_x_mit_y_pairs_each_hold_their_own_partner(extract_text):
    text = (
        "BEZIRK. Eine formelle Partnerschaft gibt es in Fürth mit der Gemeinde Poitiers in Frankreich.\n\n"
        "Hier pflegen Dornbirn mit Siena, Bregenz mit Pisa und Bludenz mit Arezzo Partnerschaften."
    )
    record = extract_text(text)
    assert found(record) == {("Fürth", "Poitiers"), ("Dornbirn", "Siena"), ("Bregenz", "Pisa"), ("Bludenz", "Arezzo")}


def test_a_town_listed_after_a_location_without_mit_is_not_coordinated(extract_text):
    # "Dinant in Belgien, Thun ...": without a "mit" before the list, Thun is nobody's partner
    text = (
        "BEZIRK. Eine formelle Partnerschaft gibt es in Fürth mit der Gemeinde Poitiers in Frankreich.\n\n"
        "Die Stadt Schwabach liegt in Bayern, Thun im Kanton Bern hat einen See."
    )
    record = extract_text(text)
    assert found(record) == {("Fürth", "Poitiers")}


def test_a_state_where_a_partner_lies_holds_no_partnership(extract_text):
    # "Freistaat", "Bundesland", "Kanton" name bodies above a district: where a town lies
    record = extract_text(
        "Die Stadt Fürth pflegt eine Partnerschaft mit Poitiers. Unser Partnerkreis Hof liegt im Norden "
        "des Freistaates Bayern."
    )
    assert all("Freistaat" not in p.a[0] and "Freistaat" not in p.b[0] for p in record.partnerships)
    assert ("Fürth", "Poitiers") in found(record)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Seit 1990 ist auch Weilheim in Oberbayern Partnerstadt.", {("Tuttlingen", "Weilheim in Oberbayern")}),
        ("1990 wurde Weilheim in Oberbayern unsere zweite Partnerstadt.", {("Tuttlingen", "Weilheim in Oberbayern")}),
        # a town at home merely named stays nobody's partner
        ("Weilheim in Oberbayern liegt südlich von München.", set()),
    ],
)
def test_a_town_at_home_called_a_partner_by_the_noun_after_it(extract_text, sentence, expected):
    record = extract_text("Stadt Tuttlingen\n\nPartnerschaften\n\n" + sentence)
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == expected


def test_a_venue_before_mit_is_no_holder_without_a_partner_after_it(extract_text):
    record = extract_text(
        "Schwabach, den 3. Mai 2019\n\nDas Partnerschaftsfest in Ansbach mit vielen Gästen war ein Erfolg."
    )
    assert record.partnerships == []


def test_a_part_of_the_homes_name_is_no_partner(extract_text):
    # the district is named after its seat: the seat is part of it, not its partner
    text = (
        "Der Rhein-Kreis Fürth pflegt seit 1990 eine Partnerschaft mit dem Kreis Tartu. Der Rhein-Kreis Fürth "
        "empfing die Partnerstädte und das Partnerschaftskomitee im Kreishaus Fürth."
    )
    record = extract_text(text)
    assert [p.b[0] for p in record.partnerships] == ["Kreis Tartu"]


def test_towns_listed_with_the_home_are_fellow_holders_not_partners(extract_text):
    text = (
        "Gemeinde Ansbach\n\nDie Gemeinde Ansbach pflegt seit 1970 eine Partnerschaft mit Poitiers. "
        "Partnergemeinden haben im Bezirk Rinteln, Schwabach, Ansbach und Fürth."
    )
    assert [p.b[0] for p in extract_text(text).partnerships] == ["Poitiers"]


def test_pairs_in_a_row_give_the_homes_own_pair(extract_text):
    text = (
        "Gemeinde Ansbach\n\nOb Rinteln und Tartu, Ansbach und Poitiers oder Fürth und Lucca: "
        "die Städtepartnerschaften leben."
    )
    assert [p.b[0] for p in extract_text(text).partnerships] == ["Poitiers"]


def test_a_town_abroad_introduced_with_its_country_on_a_partnership_page_is_a_partner(extract_text):
    text = (
        "Städtepartnerschaften der Stadt Ansbach\n\nDie Partnerschaft mit Poitiers besteht seit 1970. "
        "Im Mai besuchte eine Delegation aus der estnischen Stadt Tartu das Rathaus. "
        "Lucca (Italien) lud zum Herbstfest ein."
    )
    pairs = {p.b[0] for p in extract_text(text).partnerships}
    assert pairs == {"Poitiers", "Tartu", "Lucca"}


def test_a_town_abroad_on_a_page_about_something_else_is_no_partner(extract_text):
    text = "Stadt Ansbach\n\nIm Mai fuhr der Chor in die estnische Stadt Tartu. Lucca (Italien) war das nächste Ziel."
    assert extract_text(text).partnerships == []


def test_a_clubs_trip_abroad_on_a_partnership_page_is_no_partner(extract_text):
    text = (
        "Städtepartnerschaften der Stadt Ansbach\n\nDie Partnerschaft mit Poitiers besteht seit 1970. "
        "Der Sportverein fuhr zu einem Turnier nach Tartu in Estland."
    )
    assert {p.b[0] for p in extract_text(text).partnerships} == {"Poitiers"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Städtepartnerschaften mit Poitiers, im Jahr 1990, und Tartu – 1992 – leben.",
        "Städtepartnerschaften bestehen mit Poitiers (Frankreich, 1990) und Tartu (Estland / 1992).",
    ],
)
def test_a_date_attached_to_the_partners_name_founds_it(extract_text, sentence):
    record = extract_text("Stadt Ansbach\n\n" + sentence)
    assert {(p.b[0], p.since) for p in record.partnerships} == {("Poitiers", "1990"), ("Tartu", "1992")}


def test_a_date_across_a_verb_is_not_the_founding(extract_text):
    record = extract_text("Stadt Ansbach\n\nDie Partnerschaft mit Poitiers wurde 1990 erneuert.")
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Poitiers", None)]


@pytest.mark.parametrize(
    ("sentence", "since"),
    [
        ("Die Partnerschaft mit Poitiers besteht seit 1990 und lebt.", "1990"),
        ("Im Jahr 1990 kam die Partnerstadt Poitiers hinzu.", "1990"),
        ("Die Verschwisterung mit Poitiers erfolgte im Mai 1990.", "1990-05"),  # a month, as precise as written
        # a visit's day, a status date, an anniversary: no founding
        ("Vom 24. bis 26. September 2020 besuchte der Bürgermeister die Partnerstadt Poitiers.", None),
        ("Partnerschaften bestehen (Stand 2014) mit Poitiers in Frankreich.", None),
        ("2020 feierte die Partnerschaft mit Poitiers ihr 30-jähriges Jubiläum.", None),
    ],
)
def test_the_sole_year_of_a_pairs_sentence_founds_it(extract_text, sentence, since):
    record = extract_text("Stadt Ansbach\n\n" + sentence)
    assert [(p.b[0], p.since) for p in record.partnerships] == [("Poitiers", since)]


@pytest.mark.parametrize(
    "sentence",
    [
        "1990 kam Poitiers hinzu, 1992 Tartu.",
        "1990 folgte Poitiers, 1992 Tartu.",
        "Es folgten 1990 Poitiers und 1992 Tartu.",
        "1990 kam die französische Stadt Poitiers hinzu, 1992 die estnische Stadt Tartu.",
    ],
)
def test_years_named_in_turn_with_their_partners_found_each(extract_text, sentence):
    # a sentence opening with a year, each later year before its partner: each partner's year
    # is the last one before it, not the nearest one after it
    text = "Stadt Ansbach\n\nSeit 1970 besteht eine Partnerschaft mit Lucca. " + sentence
    record = extract_text(text)
    assert {(p.b[0], p.since) for p in record.partnerships} == {
        ("Lucca", "1970"), ("Poitiers", "1990"), ("Tartu", "1992")
    }


def test_a_domestic_partner_after_anothers_bracketed_year_is_a_partner(extract_text):
    # "mit A (seit 1976) und B (seit 1987)": B is coordinated with A, the year between is A's
    text = "Städtepartnerschaften\nCoburg unterhält Partnerschaften mit Niort (seit 1976) und Gotha (seit 1987)."
    record = extract_text(text)
    assert {(p.b[0], p.since) for p in record.partnerships} == {("Niort", "1976"), ("Gotha", "1987")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Stadt Amorbach ist mit Meerbusch partnerschaftlich verbunden.",
        "Die Stadt Amorbach ist mit Cléon verbunden, der Markt Bürgstadt mit Meerbusch.",
        "Die Stadt Amorbach ist seit 1990 mit Meerbusch verbunden, der Markt Bürgstadt mit Cléon.",
    ],
)
def test_a_member_towns_partner_at_home_after_its_own_mit(extract_text, sentence):
    # a district's page: the town after a member town's "mit" is its partner, even at home
    record = extract_text("Landkreis Worms\nPartnerschaften\n" + sentence)
    assert ("Amorbach", "Meerbusch") in {(p.a[0], p.b[0]) for p in record.partnerships} or (
        "Bürgstadt", "Meerbusch"
    ) in {(p.a[0], p.b[0]) for p in record.partnerships}


def test_a_companion_in_a_bond_sentence_is_no_partner(extract_text):
    # "zusammen mit X": X joined the two in something else, it is no party of their partnership
    text = (
        "Stadt Worms\nDie partnerschaftliche Verbundenheit mit Amorbach ist alt: 1259 gründeten beide "
        "zusammen mit Meerbusch einen Bund."
    )
    assert "Meerbusch" not in {p.b[0] for p in extract_text(text).partnerships}


def test_a_bond_under_a_plain_partnership_heading_states_a_partnership(extract_text):
    # "Partnerschaften" is no word only twinning uses; the bond of two towns under it is the evidence
    record = extract_text("Partnerschaften\nDie Stadt Amorbach ist mit Cléon verbunden.")
    assert found(record) == {("Amorbach", "Cléon")}


@pytest.mark.parametrize(
    "text",
    [
        "Partnerschaften\nDie Stadt Amorbach ist über die Autobahn mit Cléon verbunden.",  # a road
        "Partnerschaften\nWir danken allen Sponsoren.\nGeschichte\nDie Stadt Amorbach ist mit Cléon verbunden.",
    ],
)
def test_a_bond_by_road_or_in_another_section_states_none(extract_text, text):
    assert found(extract_text(text)) == set()


def test_a_partner_at_home_in_a_list_of_located_partners_is_a_partner(extract_text):
    # "..., Kalisz in Polen sowie Gotha in Thüringen": one more partner with its location, not a holder
    text = (
        "Coburg\nStädtepartnerschaften\nDie Stadt hat vier Partnerstädte: Annecy und Niort in Frankreich, "
        "Kalisz in Polen sowie Gotha in Thüringen."
    )
    record = extract_text(text)
    assert record.home == ["Coburg"]
    assert found(record) == {("Coburg", "Annecy"), ("Coburg", "Niort"), ("Coburg", "Kalisz"), ("Coburg", "Gotha")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Neben den Partnerstädten Annecy und Oxford pflegt Coburg Kontakte zu Lyon und Krakau.",
        "Die Partnerstadt Annecy pflegt Kontakte nach Lyon. Coburg ist seit 1987 auch mit Oxford verschwistert.",
    ],
)
def test_a_contact_beside_a_partnership_is_no_partner(extract_text, sentence):
    # "Kontakte zu Y" in a sentence whose partnership word names other towns: a weaker relation
    record = extract_text("Stadt Coburg\n" + sentence)
    assert {p.b[0] for p in record.partnerships} == {"Annecy", "Oxford"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Coburg pflegt Partnerschaften und enge Kontakte zu Annecy und Oxford.",
        "Mit Annecy und Oxford bestehen partnerschaftliche Beziehungen.",
    ],
)
def test_a_contact_joined_to_the_partnership_word_is_a_partner(extract_text, sentence):
    record = extract_text("Stadt Coburg\nPartnerstädte\n" + sentence)
    assert {p.b[0] for p in record.partnerships} == {"Annecy", "Oxford"}


def test_an_area_around_a_city_locates_the_partner(extract_text):
    text = (
        "Gemeinde Rödental\nSeit 1982 ist Rödental mit der Gemeinde Arcueil im Großraum Paris "
        "partnerschaftlich verbunden."
    )
    assert found(extract_text(text)) == {("Rödental", "Arcueil")}


def test_a_distance_from_a_city_locates_the_partner(extract_text):
    text = "Coburg. Die Partnerstadt Annecy liegt am See, rund 50 Kilometer von Genf entfernt."
    assert {p.b[0] for p in extract_text(text).partnerships} == {"Annecy"}


def test_places_coordinated_after_a_preposition_are_visited_not_announced(extract_text):
    # "Gäste aus Lyon und Wien": both come from somewhere, neither is one of the partners announced
    text = "Coburg. Bei der Europawoche stellten sich Coburgs Partnerstädte vor. Gäste aus Lyon und Wien kamen."
    assert extract_text(text).partnerships == []


def test_located_partners_of_a_succession_each_follow(extract_text):
    # "B im Elsass, C in Italien": "im" locates B, it governs no later name of the list
    text = (
        "Stadt Coburg\nCoburg hat 1963 die erste Partnerschaft mit Niort geschlossen. Es folgten dann "
        "Orbey im Elsass, Lucca in Italien und Oxford in England."
    )
    assert {p.b[0] for p in extract_text(text).partnerships} == {"Niort", "Orbey", "Lucca", "Oxford"}


# -- merged municipalities ----------------------------------------------------------
def test_a_merged_municipality_that_geonames_lists_only_as_an_area_publishes(extract_text):
    # Ammerbuch (villages of other names) is no populated place in GeoNames' towns
    record = extract_text(
        "Gemeinde Ammerbuch\nDie Gemeinde Ammerbuch pflegt seit 1985 eine Partnerschaft mit Pontarlier in Frankreich."
    )
    assert record.home == ["Ammerbuch"]
    assert found(record) == {("Ammerbuch", "Pontarlier")}


def test_a_predecessor_named_in_the_double_name_hands_its_partnership_to_the_home(extract_text):
    record = extract_text(
        "Stadt Oestrich-Winkel\nDer Rat der Stadt Oestrich-Winkel beschließt, die bisherige "
        "Partnerschaft zwischen der Stadt Oestrich und der Stadt Montreuil-Bellay (Frankreich) "
        "auf die Stadt Oestrich-Winkel zu erweitern."
    )
    assert found(record) == {("Oestrich-Winkel", "Montreuil-Bellay")}
    assert record.partnerships[0].why.endswith("(by the home's predecessor named in its double name)")


def test_a_district_named_after_its_town_leaves_the_town_its_own_partnership(extract_text):
    record = extract_text(
        "Landkreis Mansfeld-Südharz\nIm Landkreis Mansfeld-Südharz pflegen viele Orte "
        "Partnerschaften. Die Stadt Mansfeld ist seit 1991 mit der Stadt Montreuil-Bellay "
        "(Frankreich) partnerschaftlich verbunden."
    )
    assert ("Mansfeld", "Montreuil-Bellay") in found(record)
    assert ("Mansfeld-Südharz", "Montreuil-Bellay") not in found(record)


# -- a sentence that continues the partnership sentence before it -------------------
FIRST = "Schwabach, den 3. Mai 2019\n\nDie Stadt Schwabach unterhält seit 1970 eine Partnerschaft mit Poitiers. "


@pytest.mark.parametrize(
    ("follow_on", "added"),
    [
        ("Danach folgten Kalisz, Lucca und Tartu.", {"Kalisz", "Lucca", "Tartu"}),
        ("Es folgten dann Kalisz in Polen und Lucca in Italien.", {"Kalisz", "Lucca"}),
        ("1990 folgte die Stadt Kalisz.", {"Kalisz"}),
        ("Später kamen Kalisz und Lucca dazu.", {"Kalisz", "Lucca"}),
        ("Mit Kalisz wurde 1990 ein Vertrag unterzeichnet.", {"Kalisz"}),
        # towns at home as well: the sentence before made them partners' peers
        ("Danach folgten Goslar und Hameln.", {"Goslar", "Hameln"}),
    ],
)
def test_a_sentence_continuing_a_partnership_sentence_adds_its_partners(extract_text, follow_on, added):
    record = extract_text(FIRST + follow_on)
    assert found(record) == {("Schwabach", "Poitiers")} | {("Schwabach", b) for b in added}


@pytest.mark.parametrize(
    "follow_on",
    [
        "Danach folgte ein Besuch in Kalisz.",  # a place visited
        "Es folgte die Fahrt nach Kalisz.",
        "Der Rat tagte. Danach folgten Kalisz und Lucca.",  # not right after the partnership sentence
        "Danach folgte der Musikverein Kalisz.",  # a club's name
        "In Kalisz wurde 1990 der Vertrag unterzeichnet.",  # where it was signed
        "Mit der Firma Muster aus Kalisz wurde ein Vertrag unterzeichnet.",
    ],
)
def test_a_following_sentence_that_names_places_otherwise_adds_no_partner(extract_text, follow_on):
    assert found(extract_text(FIRST + follow_on)) == {("Schwabach", "Poitiers")}


def test_a_sentence_continuing_a_member_towns_partnerships_adds_to_that_town(extract_text):
    text = (
        "Landkreis Musterland\n\nIn der Stadt Schwabach bestehen seit 1970 Partnerschaften mit Poitiers und Lucca. "
        "Danach folgten Kalisz und Tartu."
    )
    assert found(extract_text(text)) == {("Schwabach", b) for b in ("Poitiers", "Lucca", "Kalisz", "Tartu")}


def test_on_a_districts_page_the_partner_district_and_its_towns_name_are_one_partner(extract_text):
    text = (
        "Landkreis Musterland\n\nDer Landrat besuchte den Partnerkreis Kalisz. Die Partnerschaft mit dem "
        "Kreis Kalisz besteht seit 1995."
    )
    record = extract_text(text)
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Landkreis Musterland", "Kreis Kalisz")]
    assert "Kalisz" in record.partnerships[0].b


def test_on_a_towns_page_a_district_and_a_town_of_one_name_stay_two_partners(extract_text):
    text = (
        "Stadt Schwabach\n\nDie Stadt Schwabach pflegt Partnerschaften mit der Stadt Kalisz und mit dem "
        "Kreis Kalisz in Polen."
    )
    assert {p.b[0] for p in extract_text(text).partnerships} == {"Kalisz", "Kreis Kalisz"}


# -- a sentence that names the partners the sentence before announced ---------------
ANNOUNCED = "Schwabach, den 3. Mai 2019\n\nDie Stadt Schwabach hat drei Partnerstädte. "


@pytest.mark.parametrize(
    "naming",
    [
        "Es sind Poitiers, Kalisz und Lucca.",
        "Dazu gehören Poitiers, Kalisz und Lucca.",
        "Die älteste ist Poitiers, dann folgen Kalisz und Lucca.",
    ],
)
def test_a_sentence_naming_the_partners_an_announcement_promised_pairs_them(extract_text, naming):
    assert found(extract_text(ANNOUNCED + naming)) == {("Schwabach", b) for b in ("Poitiers", "Kalisz", "Lucca")}


@pytest.mark.parametrize(
    "text",
    [
        ANNOUNCED + "Im Sommer reiste der Rat nach Poitiers.",  # a trip, after a preposition
        ANNOUNCED + "Der Rat tagte am Montag. Es sind Poitiers, Kalisz und Lucca.",  # not right after it
        "Schwabach, den 3. Mai 2019\n\nIn Schwabach entstanden viele Freundschaften. Man traf sich auf der Kirchweih "
        "und in Poitiers.",  # people's friendships announce no partner towns
    ],
)
def test_without_an_announcement_right_before_a_sentence_of_places_pairs_nothing(extract_text, text):
    assert found(extract_text(text)) == set()


def test_a_list_of_partners_goes_on_over_several_sentences(extract_text):
    text = ANNOUNCED + "Poitiers ist die älteste. Kalisz kam 1990 hinzu. 2001 folgte Lucca."
    record = extract_text(text)
    expected = {("Poitiers", None), ("Kalisz", "1990"), ("Lucca", "2001")}
    assert {(p.b[0], p.since) for p in record.partnerships} == expected


# -- rules found on invented overview, association and district pages -------------
def test_a_town_that_is_a_common_word_opens_a_partnership_sentence(extract_text):
    # no article before it and the verb right after: the town, not the noun "Hof"
    assert found(extract_text("Hof unterhält seit 1983 eine Partnerschaft mit Villeneuve-la-Garenne.")) == {
        ("Hof", "Villeneuve-la-Garenne")
    }
    assert found(extract_text("Weil die Partnerschaft mit Lucca besteht, kommen Gäste. Stadt Celle")) == {
        ("Celle", "Lucca")
    }


def test_a_city_after_bei_locates_the_partner(extract_text):
    record = extract_text("Die Stadt Celle pflegt die Städtepartnerschaft mit Meudon bei Paris.")
    assert [(p.a, p.b) for p in record.partnerships] == [(["Celle"], ["Meudon"])]


def test_in_x_mit_a_foreign_town_named_with_its_adjective(extract_text):
    text = (
        "Amt Musterland\nPartnerschaften\nIm Amt bestehen Partnerschaften in Hadenfeld mit Pasewalk "
        "und in Hohenlockstedt mit der polnischen Gemeinde Dobiegniew."
    )
    assert found(extract_text(text)) == {("Hadenfeld", "Pasewalk"), ("Hohenlockstedt", "Dobiegniew")}


def test_a_town_after_partnerstadt_von_holds_the_partner_in_an_overview(extract_text):
    # no home: each sentence names its own holder after "Partnerstadt von"
    text = (
        "Partnerschaften im Landkreis\n\nPartnerstadt von Schwabach ist Poitiers. Partnerstadt von "
        "Hilpoltstein ist seit 1975 Lucca. Die Partnergemeinde von Spalt heißt Tartu."
    )
    assert found(extract_text(text)) == {("Schwabach", "Poitiers"), ("Hilpoltstein", "Lucca"), ("Spalt", "Tartu")}


def test_a_part_of_the_home_bound_to_a_town_at_home_holds_it(extract_text):
    # "Musterfeld" is the home's quarter; the Austrian partner lies at home as well
    text = (
        "Greding\n\nStädtepartnerschaften\n\nDie Stadt Greding unterhält eine Partnerschaft mit Grasse. "
        "Der Ortsteil Musterfeld ist seit 1995 mit dem österreichischen Ort Afritz am See verbunden."
    )
    assert found(extract_text(text)) == {("Greding", "Grasse"), ("Musterfeld", "Afritz am See")}


def test_a_member_towns_partner_after_its_mit_and_a_nationality(extract_text):
    # in a district's round-up, the town after a holder's "mit der österreichischen Gemeinde" is its partner
    text = (
        "Landkreis Roth\n\nPartnerschaften der Gemeinden\n\nHilpoltstein ist seit 1975 mit Lucca verbunden. "
        "Greding pflegt seit 1995 eine Partnerschaft mit dem österreichischen Ort Afritz am See."
    )
    assert found(extract_text(text)) == {("Hilpoltstein", "Lucca"), ("Greding", "Afritz am See")}


def test_a_pair_heading_names_its_holder_whatever_else_the_name_spells(extract_text):
    # "Roth" is a surname too; heading "Roth – Poitiers" over its section it is the holder
    text = (
        "Partnerschaften im Landkreis\n\nRoth – Poitiers\nDie Partnerschaft besteht seit 1980.\n\n"
        "Hilpoltstein – Lucca\nSeit 1975 verbindet die beiden Städte eine Freundschaft."
    )
    assert found(extract_text(text)) == {("Roth", "Poitiers"), ("Hilpoltstein", "Lucca")}
    # on a page without a partnership word, the line is no pair's heading
    assert extract_text("Sport\n\nRoth – Poitiers\nDas Spiel endete 2:1.").partnerships == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Verbindung besteht seit 1999.",
        "Seit 1999 sind beide Städte verbunden.",
        "Die Beziehungen bestehen seit 1999.",
    ],
)
def test_a_bonds_seit_in_the_partners_section_dates_it(extract_text, sentence):
    text = f"Stadt Greding\n\nPartnerstädte\n\nKalisz (Polen)\nKalisz ist eine alte Stadt. {sentence}\n"
    assert [(p.b[0], p.since) for p in extract_text(text).partnerships] == [("Kalisz", "1999")]
    # a "seit" of something else in the section dates nothing
    text = "Stadt Greding\n\nPartnerstädte\n\nKalisz (Polen)\nSeit 1999 hat Kalisz ein neues Theater.\n"
    assert [(p.b[0], p.since) for p in extract_text(text).partnerships] == [("Kalisz", None)]


def test_a_countrys_part_by_compass_is_no_partner(extract_text):
    text = "Stadt Greding\n\nZum Jubiläum der Städtepartnerschaft reisten 50 Bürger nach Südfrankreich."
    assert extract_text(text).partnerships == []


def test_a_fact_box_label_over_towns_abroad_is_a_partner_list(extract_text):
    # a plain "Partnerschaften" names no twinning; a label line of towns abroad does by its form
    text = "Stadt Greding\n\nEinwohner: 7.000\nPartnerschaften: Grasse, Kalisz\nBürgermeister: Max Muster\n"
    assert found(extract_text(text)) == {("Greding", "Grasse"), ("Greding", "Kalisz")}
    # sponsors at home under the same label are no partner towns
    text = "Sportverein Greding\n\nGegründet: 1920\nPartnerschaften: Nürnberg, Fürth\nVorsitzender: Max Muster\n"
    assert extract_text(text).partnerships == []


def test_an_associations_founding_dates_no_partnership(extract_text):
    text = (
        "Das Partnerschaftskomitee wurde 1985 gegründet und fördert die Begegnung zwischen Celle und "
        "unserer Partnergemeinde Meudon. Der Partnerschaftsvertrag wurde 1987 unterzeichnet."
    )
    assert pairs(extract_text(text)) == [("Celle", "Meudon", "partnership", "active", "1987")]
    record = extract_text("Die Partnerschaft zwischen Celle und Meudon wurde 1985 gegründet.")
    assert pairs(record) == [("Celle", "Meudon", "partnership", "active", "1985")]
    # the association's name runs on with its town and legal form before the verb
    text = (
        "Stadt Celle\n\nDer Partnerschaftsverein Celle e.V. wurde 1980 gegründet und betreut die Partnerschaft "
        "mit Meudon. Seit 1985 ist Meudon Partnerstadt."
    )
    assert pairs(extract_text(text)) == [("Celle", "Meudon", "partnership", "active", "1985")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Partnerschaft zwischen dem Landkreis Cham und dem Landkreis Görlitz besteht seit 1990.",
        "Landkreis Cham\n\nDie Freundschaft zwischen dem Landkreis Cham und dem Landkreis Görlitz wurde 1990 besiegelt",
    ],
)
def test_two_districts_at_home_joined_by_zwischen_are_partners(extract_text, text):
    record = extract_text(text)
    assert found(record) == {("Landkreis Cham", "Landkreis Görlitz")}


def test_a_district_bearing_the_homes_name_is_its_earlier_form_not_a_partner(extract_text):
    # "Kreis Kinzig" on the page of the "Main-Kinzig-Kreis": the same district under an earlier name
    record = extract_text(
        "Main-Kinzig-Kreis\n\nDie Partnerschaft mit dem Powiat Nowy Targ wurde 1994 begründet und 2001 "
        "zwischen dem Powiat Nowy Targ und dem Kreis Kinzig offiziell übernommen."
    )
    assert [(p.a, p.b[0]) for p in record.partnerships] == [(["Main-Kinzig-Kreis", "Kreis Kinzig"], "Powiat Nowy Targ")]


def test_a_bare_partnerschaften_heading_over_qualified_lines_abroad_is_a_partner_list(extract_text):
    # "Partnerschaften" alone is no twinning word; dated lines naming towns abroad are such a list
    text = "Stadt Fürth\n\nPartnerschaften\n\nPoitiers (Frankreich), seit 1990\nKalisz (Polen), seit 2001"
    record = extract_text(text)
    assert found(record) == {("Fürth", "Poitiers"), ("Fürth", "Kalisz")}


def test_bare_names_under_a_bare_partnerschaften_heading_make_no_list(extract_text):
    assert extract_text("Stadt Fürth\n\nPartnerschaften\n\nPoitiers\nKalisz\n").partnerships == []


@pytest.mark.parametrize(
    ("sentence", "partner"),
    [
        ("Der Landkreis pflegt seit 1990 eine Freundschaft mit dem Landkreis Görlitz.", "Landkreis Görlitz"),
        ("Seit 1995 besteht eine Partnerschaft mit dem Komitat Vas.", "Komitat Vas"),
        ("Seit 1995 besteht eine Partnerschaft mit der Region Pilsen.", "Pilsen"),
    ],
)
def test_a_districts_title_is_the_other_party_of_its_pages_statement(extract_text, sentence, partner):
    record = extract_text("Landkreis Cham\n\n" + sentence)
    assert found(record) == {("Landkreis Cham", partner)}


def test_a_partner_opening_its_sentence_holds_the_partnerships_it_states(extract_text):
    # the home's partner has partners of its own; they are not the home's
    record = extract_text(
        "Stadt Fürth\n\nStädtepartnerschaften\n\nUnsere Partnerstadt Besançon pflegt ihrerseits Partnerschaften "
        "mit Kuopio in Finnland und Neuchâtel in der Schweiz."
    )
    pairs = {frozenset(pair) for pair in found(record)}
    assert pairs == {
        frozenset({"Fürth", "Besançon"}),
        frozenset({"Besançon", "Kuopio"}),
        frozenset({"Besançon", "Neuchâtel"}),
    }


def test_a_partner_bound_to_another_town_in_its_own_section_holds_that_bond(extract_text):
    # "befreundet" states the bond; "Fürths Nachbarstadt" names the home as an attribute, no party
    record = extract_text(
        "Stadt Fürth\n\nPartnerstädte\n\nBesançon (Frankreich)\nDie Partnerschaft besteht seit 1956. "
        "Besançon ist außerdem mit Kuopio in Finnland und Fürths Nachbarstadt Erlangen befreundet."
    )
    assert {frozenset(pair) for pair in found(record)} == {
        frozenset({"Fürth", "Besançon"}),
        frozenset({"Besançon", "Kuopio"}),
        frozenset({"Besançon", "Erlangen"}),
    }


def test_a_town_opening_its_own_clause_holds_its_clauses_partner(extract_text):
    record = extract_text(
        "Stadt Fürth\n\nFürth ist seit 2003 mit Kalisz verbunden, Erlangen pflegt seit 1987 eine "
        "Freundschaft mit Besançon."
    )
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {("Fürth", "Kalisz"), ("Erlangen", "Besançon")}
    # a town after the comma that holds no "mit" of its own is one more partner of the home
    record = extract_text("Stadt Fürth\n\nFürth pflegt eine Partnerschaft mit Kalisz, Tartu ist Partnerstadt.")
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {("Fürth", "Kalisz"), ("Fürth", "Tartu")}


def test_a_round_up_of_clauses_gives_each_town_its_partner(extract_text):
    record = extract_text(
        "Partnerschaften im Landkreis\n\nAnsbach. Fürth ist seit 2003 mit Kalisz in Polen verbunden, Erlangen "
        "pflegt seit 1987 eine Freundschaft mit Besançon, Schwabach unterhält eine Partnerschaft mit Tartu in Estland."
    )
    assert record.home == []
    assert {(p.a[0], p.b[0]) for p in record.partnerships} == {
        ("Fürth", "Kalisz"), ("Erlangen", "Besançon"), ("Schwabach", "Tartu"),
    }  # fmt: skip


def test_a_partner_named_before_holds_its_own_partnership_named_later(extract_text):
    record = extract_text(
        "Stadt Fürth\n\nStädtepartnerschaften\n\nFürth und Besançon sind seit 1956 Partnerstädte. "
        "Besançon unterhält außerdem eine Partnerschaft mit Kuopio."
    )
    assert {frozenset(pair) for pair in found(record)} == {
        frozenset({"Fürth", "Besançon"}),
        frozenset({"Besançon", "Kuopio"}),
    }


def test_a_partner_at_home_after_partnerschaften_zu_and_a_colon(extract_text):
    record = extract_text(
        "Die Stadt Fürth unterhält Partnerschaften zu: Besançon (Frankreich), Kalisz (Polen) und Meißen."
    )
    assert found(record) == {("Fürth", "Besançon"), ("Fürth", "Kalisz"), ("Fürth", "Meißen")}
    assert extract_text("Von Fürth fährt ein Zug zu Meißen, wo die Partnerschaft gefeiert wird.").partnerships == []


def test_one_partnership_stated_in_both_directions_is_one_pair(extract_text):
    record = extract_text(
        "Partnerschaften im Landkreis\n\nSchwabach – Meißen (seit 1990)\nAnsbach – Lucca (seit 1971)\n\n"
        "Neben der Partnerschaft mit Schwabach pflegt Meißen auch eine Städtepartnerschaft zu Kalisz in Polen."
    )
    assert sorted(found(record)) == sorted({("Schwabach", "Meißen"), ("Ansbach", "Lucca"), ("Meißen", "Kalisz")})


def test_a_heading_indented_by_a_tab_is_still_a_heading(extract_text):
    # pages saved as text indent their lines; "X's partners" over a description of a partner
    # is a heading, not an announcement whose partners the next sentence names
    text = (
        "Fürths Partnerstädte\n\nDie Stadt Poitiers liegt im Westen, ca. 300 Kilometer von Paris und "
        "zwischen Tours und Limoges.\n\nDie Stadt Fürth feierte 1962.\n"
    )
    indented = "\n".join("\t" + line for line in text.split("\n"))
    assert found(extract_text(indented)) == found(extract_text(text)) == set()


# -- a partner's own partnerships, on the home's page ------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Weitere Partnerstädte von Besançon sind Kuopio und Huddersfield.",
        "Zu den Partnerstädten von Besançon gehören Kuopio und Huddersfield.",
        "Die Stadt unterhält weitere Partnerschaften mit Kuopio und Huddersfield.",  # under its heading
    ],
)
def test_a_partners_own_partnerships_are_the_partners(extract_text, sentence):
    text = f"Partnerstädte der Stadt Fürth\n\nBesançon\n\nSeit 1956 sind Fürth und Besançon Partnerstädte. {sentence}\n"
    assert found(extract_text(text)) == {("Fürth", "Besançon"), ("Besançon", "Kuopio"), ("Besançon", "Huddersfield")}


def test_the_home_as_a_partners_partner_keeps_its_own_partnerships(extract_text):
    text = (
        "Stadt Fürth\n\nPartnerstädte\n\nDie Stadt ist seit 1956 Partnerstadt von Besançon und pflegt außerdem "
        "eine Städtefreundschaft mit Kuopio.\n"
    )
    assert found(extract_text(text)) == {("Fürth", "Besançon"), ("Fürth", "Kuopio")}


@pytest.mark.parametrize(
    "text",
    [
        "Unsere Partnerstädte sind Besançon, Nowy Targ, Sankt Pölten und Kuopio.",
        "Partnerstädte: Besançon | Nowy Targ | Sankt Pölten | Kuopio",
    ],
)
def test_a_town_at_home_listed_among_partners_is_a_partner_not_a_holder(extract_text, text):
    record = extract_text("Stadt Fürth\n\n" + text + "\n")
    assert found(record) == {("Fürth", b) for b in ("Besançon", "Nowy Targ", "Sankt Pölten", "Kuopio")}


def test_a_round_ups_next_holder_after_a_partner_stays_a_holder(extract_text):
    text = "Landkreis Musterland\n\nSchwabach pflegt eine Partnerschaft mit Poitiers, Sankt Pölten mit Lucca.\n"
    assert found(extract_text(text)) == {("Schwabach", "Poitiers"), ("Sankt Pölten", "Lucca")}


@pytest.mark.parametrize(
    "name",
    ["Vertreter des Berufsbildungszentrums Besançon", "Ärzte des Kreisklinikums Besançon", "der Sparkasse Besançon"],
)
def test_a_place_in_an_institutions_name_is_no_partner(extract_text, name):
    record = extract_text(f"Stadt Fürth\n\nDer Gruppe gehören Mitglieder des Partnerschaftskomitees und {name} an.\n")
    assert found(record) == set()


def test_a_partners_former_name_in_apposition_is_no_predecessor_of_the_home(extract_text):
    text = "Stadt Fürth\n\nDie Stadt pflegt eine Städtefreundschaft mit Kaliningrad, dem früheren Königsberg.\n"
    record = extract_text(text)
    assert [(p.a[0], p.b) for p in record.partnerships] == [("Fürth", ["Kaliningrad", "Königsberg"])]


def test_a_former_body_of_the_home_is_still_its_predecessor(extract_text):
    text = "Stadt Fürth\n\nDie damalige Gemeinde Stadeln schloss 1970 eine Partnerschaft mit Besançon.\n"
    assert [(p.a[0], p.b[0]) for p in extract_text(text).partnerships] == [("Fürth", "Besançon")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "zwischen" phrase does not swallow the partners the sentence names besides
        (
            "Die Stadt Fürth pflegt Partnerschaften mit Besançon, Kuopio und Tartu; die älteste ist die "
            "Partnerschaft zwischen Fürth und Besançon.",
            {("Fürth", "Besançon"), ("Fürth", "Kuopio"), ("Fürth", "Tartu")},
        ),
        # the phrase's own places, their qualifiers and reference points stay out
        (
            "Die Stadt Fürth erneuerte die Partnerschaft zwischen Fürth und dem Landkreis Kalisz (Polen) "
            "in der gleichnamigen Stadt in der Nähe von Posen.",
            {("Fürth", "Landkreis Kalisz")},
        ),
        (
            "Inspiriert wurde sie von der Partnerschaft zwischen Fürth und Dijon, der Hauptstadt von Burgund.",
            {("Fürth", "Dijon")},
        ),
    ],
)
def test_a_sentence_with_a_zwischen_phrase_still_names_its_other_partners(extract_text, text, expected):
    assert found(extract_text("Stadt Fürth\n\n" + text + "\n")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fürth pflegt seit Jahren Partnerschaften. Dazu gehören Besançon und Kuopio.",  # no municipal word
        "Fürth unterhält Partnerschaften zu zwei Städten. Es handelt sich um Besançon und Kuopio.",
    ],
)
def test_partners_named_after_an_announcement(extract_text, text):
    assert found(extract_text("Stadt Fürth\n\n" + text + "\n")) == {("Fürth", "Besançon"), ("Fürth", "Kuopio")}


def test_an_announcement_followed_by_one_place_abroad_states_nothing(extract_text):
    text = "Stadt Fürth\n\nFürth pflegt Partnerschaften. Im Sommer fährt der Chor nach Besançon.\n"
    assert found(extract_text(text)) == set()


def test_a_partnership_sentence_after_one_about_a_town_abroad_is_that_towns(extract_text):
    text = (
        "Fürth\n\nPartnerstädte\n\nBesançon liegt in Frankreich. Seit 1956 besteht die Partnerschaft.\n\n"
        "Kuopio liegt in Finnland. Die Partnerschaft wurde 1990 besiegelt.\n"
    )
    assert {(p.b[0], p.since) for p in extract_text(text).partnerships} == {("Besançon", "1956"), ("Kuopio", "1990")}


def test_no_antecedent_from_a_town_abroad_that_is_not_its_sentences_subject(extract_text):
    text = "Fürth\n\nDie Schüler fuhren nach Besançon. Seit 1956 besteht die Partnerschaft.\n"
    assert extract_text(text).partnerships == []


@pytest.mark.parametrize(
    "located",
    [
        "Prosser im US-Bundesstaat Washington",  # a state that is also a city's name
        "Prosser im Bundesstaat Washington",
        "Prosser (Washington, USA)",
        "Trutnov in der Region Königgrätz",  # a region named by its city
    ],
)
def test_a_state_or_region_after_a_partner_locates_it(extract_text, located):
    record = extract_text(f"Schwabach pflegt seit 1964 eine Partnerschaft mit {located}.")
    assert [(p.a[0], p.b[0]) for p in record.partnerships] == [("Schwabach", located.split()[0])]


def test_a_city_in_parentheses_without_its_states_country_stays_a_partner(extract_text):
    # "X (Y)" alone may be an alias or a second body: only a state of the named country locates
    record = extract_text("Partnerstädte der Stadt Schwabach: Poitiers (Frankreich), Lucca (Italien), Kalisz (Polen).")
    assert sorted(p.b[0] for p in record.partnerships) == ["Kalisz", "Lucca", "Poitiers"]


def test_owner_lines_of_an_overview_are_a_partnership_list_by_their_form(extract_text):
    # "Partnerschaften" alone is no twinning word; lines pairing towns at home with towns abroad are
    text = "Partnerschaften\n\nSchwabach: Poitiers (Frankreich), Lucca (Italien)\nFürth: Kalisz (Polen)\n"
    record = extract_text(text)
    assert sorted((p.a[0], p.b[0]) for p in record.partnerships) == [
        ("Fürth", "Kalisz"), ("Schwabach", "Lucca"), ("Schwabach", "Poitiers")
    ]
    assert record.home == []


def test_one_owner_line_under_a_plural_partnership_word_is_no_list(extract_text):
    assert extract_text("Partnerschaften\n\nSchwabach: Poitiers (Frankreich)\n").partnerships == []


@pytest.mark.parametrize(
    "text",
    [
        "Stadt Schwabach\n\nEhemalige Partnerstädte\nKalisz (Polen) – die Partnerschaft wurde 2010 beendet.",
        "Stadt Schwabach\n\nDie Partnerschaft mit der ehemaligen Partnerstadt Kalisz wurde 2010 beendet.",
    ],
)
def test_a_former_partner_is_an_ended_partnership_not_the_homes_former_body(extract_text, text):
    record = extract_text(text)
    assert [(p.a[0], p.b[0], p.status) for p in record.partnerships] == [("Schwabach", "Kalisz", "ended")]


def test_a_list_of_one_plain_and_one_owned_line_abroad_is_a_partner_list(extract_text):
    # "Partnerschaften" alone is no twinning word; two lines abroad make the list, whoever holds them
    text = (
        "Stadt Schwabach\n\nPartnerschaften\nPoitiers (Frankreich), seit 1985\n"
        "Stadtteil Musterwinkel: Lucca (Italien), seit 1990\n"
    )
    pairs = sorted((p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships)
    assert pairs == [("Musterwinkel", "Lucca", "1990"), ("Schwabach", "Poitiers", "1985")]


def test_a_region_named_by_a_foreign_administrative_word_is_no_member_town(extract_text):
    # the gazetteer lacks "Powiat Musterski"; its word alone says it lies abroad
    text = (
        "Landkreis Roth\n\nPartnerschaften der Städte und Gemeinden\n\n"
        "Schwabach ist mit Poitiers verschwistert. Der Landkreis selbst ist seit 1999 mit dem Powiat Musterski "
        "verbunden."
    )
    pairs = sorted((p.a[0], p.b[0]) for p in extract_text(text).partnerships)
    assert pairs == [("Landkreis Roth", "Powiat Musterski"), ("Schwabach", "Poitiers")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Stadtbezirk Musterwinkel pflegt seit 1969 eine Partnerschaft mit Lucca.",
        "Im Ortsteil Musterwinkel besteht seit 1969 eine Partnerschaft mit Lucca.",
    ],
)
def test_a_part_of_the_home_named_as_the_subject_holds_its_partnership(extract_text, sentence):
    # as gold-format's rule for a city's districts: the part is the pair's holder, not the city
    text = "Stadt Schwabach\n\nDie Stadt Schwabach pflegt seit 1956 eine Partnerschaft mit Poitiers. " + sentence
    pairs = sorted((p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships)
    assert pairs == [("Musterwinkel", "Lucca", "1969"), ("Schwabach", "Poitiers", "1956")]


def test_two_towns_as_the_subject_of_a_partnership_statement_are_its_pair_on_another_bodys_page(extract_text):
    # a district's round-up: the sentence's two member towns are partners of each other
    text = (
        "Bezirk Reutte\n\nPartnerschaften der Gemeinden\n\n"
        "Reutte ist seit 1982 mit Burgau verbunden. Tarrenz und Hergatz sind seit 1995 Partnergemeinden."
    )
    assert ("Tarrenz", "Hergatz") in found(extract_text(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "Gäste aus Tarrenz und Hergatz besuchten die Partnerstadt Burgau.",  # no verb of the pair after them
    ],
)
def test_two_towns_named_together_otherwise_are_no_pair(extract_text, sentence):
    assert ("Tarrenz", "Hergatz") not in found(extract_text("Bezirk Reutte\n\n" + sentence))


def test_an_austrian_district_is_a_region_and_its_pages_home(extract_text):
    text = "Bezirk Reutte\n\nPartnerschaften der Gemeinden\n\nEhrwald: Partnergemeinde Schwangau (Bayern), seit 1990\n"
    record = extract_text(text)
    assert record.home[:1] == ["Bezirk Reutte"]
    assert found(record) == {("Ehrwald", "Schwangau")}


def test_a_district_named_once_where_something_lies_publishes_nothing(extract_text):
    text = (
        "Aus der Region\n\nEine Partnerschaft gibt es in Ehrwald mit Schwangau und in Vils mit Pfronten. "
        "Auch die Gemeinden, die im Bezirk Reutte liegen, pflegen Kontakte."
    )
    assert "Bezirk Reutte" not in extract_text(text).home


def test_a_sentence_denying_a_partnership_dates_none_in_focus(extract_text):
    text = (
        "Bezirk Reutte\n\nPartnerschaften der Gemeinden\n\nEhrwald – Partnergemeinde Schwangau\n"
        "Vils pflegt seit 1990 Kontakte nach Pfronten, eine offizielle Partnerschaft besteht aber nicht.\n"
    )
    assert [(p.a[0], p.b[0], p.since) for p in extract_text(text).partnerships] == [("Ehrwald", "Schwangau", None)]


def test_a_member_towns_partner_after_a_partner_noun_and_a_colon(extract_text):
    text = "Bezirk Reutte\n\nPartnerschaften der Gemeinden\n\nAuch Vils hat eine Partnergemeinde: Pfronten im Allgäu.\n"
    assert found(extract_text(text)) == {("Vils", "Pfronten")}


def test_a_bond_with_seit_under_the_partners_heading_dates_a_pair_found_before(extract_text):
    # the pair is found in the lead; its own section's bond dates it
    text = (
        "Partnerschaftskomitee Ansbach e.V.\n\nWir über uns\n\n"
        "Das Komitee betreut die Partnerschaften der Stadt mit Poitiers und Kalisz.\n\n"
        "Kalisz\n\nMit Kalisz sind wir seit 1992 verbunden.\n"
    )
    assert {(p.b[0], p.since) for p in extract_text(text).partnerships} == {("Poitiers", None), ("Kalisz", "1992")}


def test_a_body_is_never_its_own_partner(extract_text):
    # "der Marktgemeinde X" and "in X" are one body: no pair of X with X, whatever the rules read
    text = (
        "Stadt Fürth\n\nAuf Wunsch der Marktgemeinde Hilpoltstein wurde in Schwabach 1983 beschlossen, mit der "
        "Marktgemeinde Hilpoltstein eine Gemeindepartnerschaft einzugehen und diese beim Besuch in Hilpoltstein "
        "zu besiegeln."
    )
    assert [(p.a[0], p.b[0]) for p in extract_text(text).partnerships if p.a[0] == p.b[0]] == []
