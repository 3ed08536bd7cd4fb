"""Property-based tests: arbitrary input never breaks the pipeline or the reader."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.documents import DocumentError, read_document
from extract.records import validate_record

GERMANISH = st.text(
    alphabet=st.sampled_from(list("abcdeäöüßABCDEÄÖÜ -.,:;()\n\t0123456789/'\"–„“")) | st.characters(),
    max_size=400,
)
WORDS = st.lists(
    st.sampled_from(
        [
            "Stadt",
            "Fürth",
            "Partnerschaft",
            "seit",
            "1959",
            "mit",
            "Landkreis",
            "Harz",
            "Bürgermeister",
            "Paul",
            "Larue",
            "-",
            "(",
            ")",
            ",",
            ".",
            "\n",
            "Frankreich",
            "Kreis",
            "am",
            "10.",
            "März",
            "Lens",
        ]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=GERMANISH | WORDS)
def test_any_text_gives_a_valid_record_with_exact_offsets(extract_text, text):
    record = extract_text(text, doc_id="t")
    for entity in record.entities:
        assert text[entity.start : entity.end] == entity.text
    validate_record(record.to_dict())


@settings(max_examples=100, deadline=None)
@given(data=st.binary(min_size=0, max_size=2000))
def test_random_bytes_give_a_clean_error_or_text(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.txt"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except DocumentError as exc:
        assert str(path) in str(exc)
    else:
        assert isinstance(doc.text, str) and doc.text.strip()


@settings(max_examples=40, deadline=None)
@given(data=st.binary(min_size=0, max_size=2000))
def test_random_bytes_as_pdf_or_html_give_a_clean_error(tmp_path_factory, data):
    for suffix in (".pdf", ".html"):
        path = tmp_path_factory.mktemp("bytes") / f"random{suffix}"
        path.write_bytes(data)
        try:
            read_document(path)
        except DocumentError as exc:
            assert str(path) in str(exc)


def test_a_lone_surrogate_does_not_stop_the_pipeline(extract_text):
    text = "Die Stadt Bonn \ud800 und Oxford sind Partnerstädte."
    record = extract_text(text, doc_id="s")
    assert [(e.text, text[e.start : e.end]) for e in record.entities if e.label == "CITY"] == [
        ("Bonn", "Bonn"),
        ("Oxford", "Oxford"),
    ]



def test_a_no_break_space_reads_as_a_space(extract_text):
    # pages' HTML writes "Le&nbsp;Havre", "Frankfurt&nbsp;am&nbsp;Main": one name still
    plain = "Die Stadt Fürth pflegt Partnerschaften mit Le Havre und Frankfurt am Main."
    record = extract_text(plain.replace(" ", "\u00a0"), doc_id="n")
    assert sorted(p.b[0] for p in record.partnerships) == ["Frankfurt am Main", "Le Havre"]
    assert [(e.start, e.end) for e in record.entities] == [(e.start, e.end) for e in extract_text(plain).entities]
