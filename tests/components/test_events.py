"""Event triggers: which words state which event type."""

from extract.components.events import triggers_by_sentence, triggers_in


def types(text):
    return [etype for _, etype in triggers_in(text, 0)]


def test_a_council_decides_and_a_signing_signs():
    assert types("Der Partnerschaftsvertrag wurde am 3. Mai 1990 unterzeichnet.") == ["signed"]
    assert types("Die Partnerschaft wurde vom Kreistag am 28.09.1989 einstimmig beschlossen.") == ["decided"]
    assert types("Der Rat hat beschlossen, eine Partnerschaft einzugehen.") == ["decided"]
    assert types("Die Partnerschaft wurde 1990 feierlich beschlossen.") == ["signed"]


def test_one_scan_of_the_text_gives_each_sentence_its_own_triggers():
    text = "Die Urkunde wurde 1990 unterzeichnet. Der Stadtrat hat die Partnerschaft beschlossen."
    bounds = [(0, 37), (38, len(text))]
    assert triggers_by_sentence(text, bounds) == [triggers_in(text[a:b], a) for a, b in bounds]


def test_a_year_counted_from_the_sentences_date(extract_text):
    record = extract_text(
        "Die Stadt Celle pflegt die Städtepartnerschaft mit Tartu. Zu Pfingsten 1996 wurde die Partnerschaft in "
        "Celle besiegelt, nachdem bereits im Jahr zuvor eine Zeremonie in Tartu stattgefunden hatte."
    )
    (pair,) = record.partnerships
    assert pair.since == "1995" and ("signed", "1996") in [(e.type, e.date) for e in pair.events]
