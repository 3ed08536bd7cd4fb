from extract.text import fold_name


def test_fold_name_matches_gold_rules():
    assert fold_name("Saint-Étienne") == fold_name("saint etienne") == "saintetienne"
    assert fold_name("Čačak") == "cacak"
    assert fold_name("Großbritannien") == "grossbritannien"
    assert fold_name("Bad  Homburg") == fold_name("Bad-Homburg")


def test_fold_name_keeps_different_names_apart():
    assert fold_name("Fürth") != fold_name("Fürths")


WRAPPED = (
    "Die Stadt Fürth pflegt seit vielen Jahren enge und freundschaftliche Kontakte\n"
    "zu ihrer Partnerstadt Poitiers in Frankreich, die im Jahr 1961 mit einer feierlich\n"
    "unterzeichneten Urkunde besiegelt wurde. Seitdem besuchen sich Schulklassen, Vereine\n"
    "und Delegationen beider Städte regelmäßig, und auch mit Lucca in Italien besteht\n"
    "seit 1975 eine lebendige Städtepartnerschaft.\n"
    "\n"
    "Kontakt\n"
)


def test_the_line_breaks_of_a_paragraph_wrapped_at_a_fixed_width_are_soft_wraps():
    from extract.text import soft_wraps

    ends = [k for k, c in enumerate(WRAPPED) if c == "\n"]
    assert sorted(soft_wraps(WRAPPED)) == ends[:4]  # not the paragraph's last line, nor the heading's


def test_a_page_of_one_line_per_paragraph_has_no_soft_wraps():
    from extract.text import soft_wraps

    page = "Partnerstädte\n\n" + WRAPPED.replace("\n", " ").replace("  Kontakt", "\n\nKontakt") + "\n"
    items = [f"Poitiers (Frankreich), Partnerschaft seit dem Jahr 19{k}\n" for k in range(60, 70)]
    listing = "Partnerstädte\n" + "".join(items)
    assert soft_wraps(page) == soft_wraps(listing) == frozenset()


def test_a_name_and_a_sentence_go_on_across_a_soft_wrap(extract_text):
    text = (
        "Die Stadt Fürth pflegt seit vielen Jahren enge und freundschaftliche Kontakte zu\n"
        "ihrer Partnerstadt Poitiers in Frankreich, die im Jahr 1961 mit einer Urkunde\n"
        "besiegelt wurde. Seitdem besuchen sich Schulklassen und Delegationen, und seit\n"
        "dem Jahr 1975 besteht außerdem eine Städtepartnerschaft mit der Stadt Le\n"
        "Havre, die von einem Verein getragen wird und viele Begegnungen möglich macht.\n"
    )
    record = extract_text(text)
    assert sorted((p.b[0], p.since) for p in record.partnerships) == [("Le Havre", "1975"), ("Poitiers", "1961")]


def test_a_list_of_year_lines_in_a_wrapped_text_keeps_its_lines():
    from extract.text import soft_wraps

    listing = (
        "Partnerstädte seit:\n"
        "1963 Musterford-on-Sea (früher Musterford, bis 1996 Great Musterford) - Großbritannien\n"
        "1969 Beispielby – Finnland, eine Hafenstadt an der Westküste des Landes am Bottnischen Meerbusen\n"
        "1979 Musterhavn – Dänemark\n\n"
    )
    text = listing + WRAPPED
    items = {k for k, c in enumerate(text) if c == "\n" and k < len(listing)}
    assert soft_wraps(text) and not items & soft_wraps(text)


def test_a_bulleted_item_wrapped_at_the_width_goes_on_in_the_next_line():
    from extract.text import soft_wraps

    item = (
        "  • Schwabach: Poitiers (Frankreich), Lucca (Italien), Kalisz (Polen), Tartu\n"
        "(Estland), Meißen (Deutschland)\n"
    )
    text = WRAPPED + "\n" + item + "  • Fürth: Besançon (Frankreich)\n"
    assert text.index(item) + item.index("\n") in soft_wraps(text)
