from extract.components.extensions import token_table


def test_positions_of_a_lower_cased_word_in_token_order(nlp):
    table = token_table(nlp.make_doc("Zwischen A und B, zwischen C und D; ZWISCHEN E und F."))
    assert [table.words[k] for k in table.positions("zwischen")] == ["Zwischen", "zwischen", "ZWISCHEN"]
    assert table.positions("nirgends") == []
