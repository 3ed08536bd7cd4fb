"""What a page's address says about its publisher (addresses.page_address)."""

import pytest

from extract.addresses import DISTRICT, TOWN, page_address, squash


@pytest.mark.parametrize(
    ("url", "name", "kind"),
    [
        ("https://www.musterstadt.de/rathaus/partnerstaedte", "musterstadt", TOWN),
        ("http://stadt-musterstadt.de/", "musterstadt", TOWN),
        ("https://www.landkreis-musterkreis.de/kreis/partner", "musterkreis", DISTRICT),
        ("https://gemeinde-musterdorf.at/", "musterdorf", TOWN),
        ("http://www.musterdorf.tirol.gv.at/gemeinde", "musterdorf", TOWN),
        ("https://musterhausen.ch/partnergemeinden", "musterhausen", TOWN),
        ("https://ratsinfo.musterstadt.de/vorlage/123", "musterstadt", TOWN),
        ("https://www.musterstadt-online.de/", "musterstadt", TOWN),
        ("https://www.land.de/bezirksamt-musterbezirk/politik/", "musterbezirk", DISTRICT),
        ("musterstadt.de", "musterstadt", TOWN),
        ("https://www.gemeinde.musterdorf.bz.it/de/partnerschaften", "musterdorf", TOWN),  # South Tyrol
        ("https://www.comune.musterdorf.bz.it/", "musterdorf", TOWN),
        ("https://www.lra-musterkreis.de/", "musterkreis", DISTRICT),  # a Landratsamt
        ("https://www.musterstadt.lu/partnerstaedte", "musterstadt", TOWN),
        ("https://www.musterstadt.be/", "musterstadt", TOWN),
        ("https://www.stadtmusterhausen.de/", "musterhausen", TOWN),  # the title glued to the name
        ("https://www.landkreismusterland.de/", "musterland", DISTRICT),
        ("https://www.musterdorf.bayern.de/", "musterdorf", TOWN),  # under a state's domain
        ("https://www.rhein-kreis-musterland.de/", "rheinkreismusterland", DISTRICT),  # the title inside the name
    ],
)
def test_a_municipal_address_names_its_body(url, name, kind):
    address = page_address(url)
    assert address is not None and name in address.names and address.kind == kind


@pytest.mark.parametrize(
    "url",
    [
        "https://www.musterstaedter-zeitung.de/lokales/musterstadt/partnerschaft",  # a newspaper
        "https://www.partnerschaftsverein-musterstadt.de/",  # an association
        "http://192.168.10.4/partnerstaedte.html",  # an IP address
        "https://app.lokalnews.mustermedien.de/region/kreis-musterland/musterstadt/artikel",  # a news group's
        "",
        None,
        "not a url at all",
    ],
)
def test_an_address_that_names_no_body(url):
    assert page_address(url) is None


def test_squash_spells_out_umlauts_and_drops_punctuation():
    assert squash("Neustadt (Mühlbach)") == squash("neustadt-muehlbach") == "neustadtmuehlbach"
    assert squash("St. Musterdorf") == squash("sankt-musterdorf")


def test_a_titled_host_spells_the_bodys_official_name():
    assert page_address("https://www.amt-musterland.de/").official == "Amt Musterland"
    assert page_address("https://landkreis-musterkreis.de/").official == "Landkreis Musterkreis"
    assert page_address("https://stadt-musterstadt.de/").official is None  # a town goes by its bare name
    assert page_address("https://www.lk-abc.de/").official is None  # an abbreviation


def test_a_menu_section_of_the_path_names_no_body():
    # "stadt-und-buerger" is the site's section "Stadt und Bürger", not a body called "Und Bürger"
    address = page_address("https://www.stadt-musterhausen.de/stadt-und-buerger/partnerstaedte")
    assert address is not None and address.names == ("stadtmusterhausen", "musterhausen")


def test_a_states_portal_names_no_body():
    assert page_address("https://www.bayern.de/politik/partnerschaften") is None
