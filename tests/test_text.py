from extract.text import fold_name


def test_fold_name_matches_gold_rules():
    assert fold_name("Saint-Étienne") == fold_name("saint etienne") == "saintetienne"
    assert fold_name("Čačak") == "cacak"
    assert fold_name("Großbritannien") == "grossbritannien"
    assert fold_name("Bad  Homburg") == fold_name("Bad-Homburg")


def test_fold_name_keeps_different_names_apart():
    assert fold_name("Fürth") != fold_name("Fürths")
