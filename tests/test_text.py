from extract.text import fold_name


def test_fold_name_matches_gold_rules():
    assert fold_name("Hénin-Liétard") == fold_name("henin lietard") == "heninlietard"
    assert fold_name("Gradačac") == "gradacac"
    assert fold_name("Großbritannien") == "grossbritannien"
    assert fold_name("Bad  Homburg") == fold_name("Bad-Homburg")


def test_fold_name_keeps_different_names_apart():
    assert fold_name("Düren") != fold_name("Dürens")
