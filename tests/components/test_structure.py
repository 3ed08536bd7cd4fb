"""Page structure: lines as headings, lead-ins, list items and paragraphs."""

from extract.components.structure import HEADING, ITEM, LEAD_IN, PARAGRAPH, line_blocks


def kinds(text):
    return [(text[b.start : b.end], b.kind) for b in line_blocks(text)]


def test_lead_in_then_items_then_prose():
    text = (
        "Partnerstädte\n\nCelle hat folgende Partnerstädte:\n1960 Poitiers - Frankreich\nTartu, Estland\n\n"
        "Die Partnerschaften sollen Barrieren zwischen den Völkern überwinden helfen, sagte man damals.\n"
    )
    assert kinds(text) == [
        ("Partnerstädte", HEADING),
        ("Celle hat folgende Partnerstädte:", LEAD_IN),
        ("1960 Poitiers - Frankreich", ITEM),
        ("Tartu, Estland", ITEM),
        ("Die Partnerschaften sollen Barrieren zwischen den Völkern überwinden helfen, sagte man damals.", PARAGRAPH),
    ]


def test_blocks_know_their_heading_and_offsets():
    text = "Titel\n  - eins\n\nZweiter Titel\nEin Satz, der endet.\n"
    blocks = line_blocks(text)
    assert [text[b.start : b.end] for b in blocks] == ["Titel", "- eins", "Zweiter Titel", "Ein Satz, der endet."]
    assert blocks[1].kind == ITEM and blocks[1].bulleted and blocks[1].parent == 0
    assert blocks[3].kind == PARAGRAPH and blocks[3].parent == 2


def test_a_short_line_after_a_blank_line_is_a_heading_not_an_item():
    text = "Kontakte:\n- Poitiers\n\nAnschrift\n"
    assert kinds(text)[-1] == ("Anschrift", HEADING)


def test_a_markdown_heading_is_a_heading_of_its_text():
    # "## " is a converter's mark; a heading ending in ":" still leads in the lines after it
    text = "## Stadt Fürth – Poitiers, seit dem Jahr 1961 verbunden.\n\n### Partnerstädte:\nTartu, Estland\n"
    assert kinds(text) == [
        ("Stadt Fürth – Poitiers, seit dem Jahr 1961 verbunden.", HEADING),
        ("Partnerstädte:", LEAD_IN),
        ("Tartu, Estland", ITEM),
    ]


def test_pair_lines_under_markdown_marks_name_both_sides(extract_text):
    text = "Partnerschaften im Netzwerk\n\n## Stadt Fürth – Poitiers\n## Stadt Schwabach – Tartu\n"
    found = {(p.a[0], p.b[0]) for p in extract_text(text).partnerships}
    assert found == {("Fürth", "Poitiers"), ("Schwabach", "Tartu")}
