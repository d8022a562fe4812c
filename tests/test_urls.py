"""Page addresses (render/urls.py): the stable URLs of PRODUCT.md, links relative to the page
they are on, and no other module or template spelling an address."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from generator import urls
from generator.urls import Page


@pytest.mark.parametrize(
    ("page", "source", "url"),
    [
        (Page("home"), "index.md", ""),
        (Page("key", "weight"), "keys/weight.md", "keys/weight/"),
        (Page("exercise", "clams"), "exercises/clams.md", "exercises/clams/"),
        (Page("recovery", "ice"), "recovery/ice.md", "recovery/ice/"),
        (Page("routine", "hip-strength-1"), "routines/hip-strength-1.md", "routines/hip-strength-1/"),
        (Page("cards"), "cards/index.md", "cards/"),
        (Page("flowchart"), "flowchart/index.md", "flowchart/"),
        (Page("clinician"), "see-a-clinician.md", "see-a-clinician/"),
        (Page("pain-rule"), "pain-rule.md", "pain-rule/"),
    ],
)
def test_every_page_has_its_promised_address(page, source, url):
    assert page.source == source
    assert page.url == url
    assert urls.absolute("https://clinic.example/knee/", page) == "https://clinic.example/knee/" + url
    assert urls.absolute(None, page) is None


def test_the_cards_pdf_keeps_its_address():
    assert urls.CARDS_PDF == "cards/routine-cards.pdf"


def test_a_page_kind_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        Page("key")
    with pytest.raises(ValueError):
        Page("home", "x")
    with pytest.raises(ValueError):
        Page("blog", "x")


def test_links_are_relative_to_the_page_they_are_on():
    key, home, flow = Page("key", "weight"), Page("home"), Page("flowchart")
    assert urls.md_link(key, Page("clinician")) == "../see-a-clinician.md"
    assert urls.md_link(home, Page("flowchart")) == "flowchart/index.md"
    assert urls.md_link(Page("cards"), Page("routine", "r")) == "../routines/r.md"
    assert urls.href(flow, Page("clinician")) == "../see-a-clinician/"
    assert urls.href(flow, Page("key", "x")) == "../keys/x/"
    assert urls.href(Page("routine", "r"), urls.CARDS_PDF) == "../../cards/routine-cards.pdf"
    assert urls.href(Page("cards"), urls.CARDS_PDF) == "routine-cards.pdf"
    assert urls.href(Page("cards"), home) == "../"
    assert urls.href(home, Page("cards")) == "cards/"
    assert urls.href(home, home) == "./"
    assert urls.root(Page("exercise", "x")) == "../../"
    assert urls.root(home) == ""


# Folder names of the site's pages: a string that starts with one of them is a page address.
ADDRESS = re.compile(r"""["'(/](keys|exercises|recovery|routines|cards|flowchart|see-a-clinician|pain-rule)/""")
# A script of ours by its path under assets/javascripts/ (PAGE_ASSETS): its feature folder may be
# named as a page is (`flowchart/flowchart.js`, `cards/print.js`), and it is no page address.
SCRIPT = re.compile(r"""["'][a-z/-]+\.js["']""")


def test_only_the_url_module_spells_page_addresses():
    """Templates, modules and scripts ask render/urls.py; none writes `keys/…` itself."""
    places = []
    files = [
        *(ROOT / "generator").rglob("*.py"),
        *(ROOT / "generator" / "templates").glob("*.j2"),
        *(ROOT / "overrides").rglob("*.js"),
        *(ROOT / "overrides").rglob("*.html"),
        ROOT / "hooks" / "guide.py",
    ]
    for path in files:
        if path.name == "urls.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ADDRESS.search(SCRIPT.sub('""', line)) and "assets/" not in line:
                places.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert places == []
