"""Routine cards: each prints on exactly one sheet of A4 and of US Letter from the browser, a
too-long routine is compacted or refused by name, the PDF holds one card a page with the data's
names and doses, and the QR code opens the routine's page."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from conftest import TEST_SITE_URL, mkdocs_build, project_copy, serve
from generator.render.text import writer
from helpers import KNEE, knee

PAPERS = ("A4", "Letter")


def printed_pages(page, url: str, paper: str) -> PdfReader:
    page.goto(url)
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))


@pytest.mark.parametrize("paper", PAPERS)
def test_every_routine_page_prints_on_one_sheet(page, site_url, guide, paper):
    for routine in guide.routines:
        pdf = printed_pages(page, f"{site_url}routines/{routine.id}/", paper)
        assert len(pdf.pages) == 1, f"{routine.id} on {paper}: {len(pdf.pages)} pages"
        text = pdf.pages[0].extract_text()
        assert routine.title in text
        # the card alone: no site navigation or search in print
        assert "Search" not in text and "Table of contents" not in text


def card_titles(guide) -> list[str]:
    """Every card in order, protocol by protocol: a card per routine, then its back-to-running card."""
    ladder = [guide.ladder.title] if guide.ladder else []
    return [title for p in guide.protocols for title in [*(r.title for r in p.routines), *(ladder if p.ladder else [])]]


def card_routines(guide) -> list:
    """The routine of every card in order (None for a back-to-running card)."""
    ladder = [None] if guide.ladder else []
    return [r for p in guide.protocols for r in [*p.routines, *(ladder if p.ladder else [])]]


def shown_title(guide, entry) -> str:
    """What a card calls an item: the title of the variant it names, else the item's own."""
    item = guide.item(entry.item)
    variant = next((v for v in getattr(item, "variants", []) if v.id == entry.variant), None)
    return variant.title if variant else item.title


def test_cards_page_prints_one_card_per_sheet(page, site_url, guide):
    for paper in PAPERS:
        pdf = printed_pages(page, f"{site_url}cards/", paper)
        assert len(pdf.pages) == len(card_titles(guide)), paper
        for sheet, title in zip(pdf.pages, card_titles(guide), strict=True):
            assert title in sheet.extract_text()


def test_card_text_is_at_least_11pt(page, site_url, guide):
    longest = max(guide.routines, key=lambda r: len(r.items))
    page.goto(f"{site_url}routines/{longest.id}/")
    page.emulate_media(media="print")
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.routine-card *')]
        .filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
    assert smallest * 0.75 >= 11, f"{smallest}px = {smallest * 0.75}pt"


LONG_ROUTINE = """
  - id: everything-at-once
    title: Every strength exercise in one long routine, for testing
    summary: A routine made long on purpose to check that its card still fits one sheet.
    frequency: {frequency}
    items:
      - item: straight-leg-raise
      - item: clams
      - item: bridge-with-band
      - item: hip-abduction
      - item: single-leg-bridge
      - item: single-leg-squat-step-down
    move_on:
      when: {when}
"""


def _with_long_routine(tmp_path, frequency: str, when: str):
    project = project_copy(tmp_path / "guide")
    routines = project / "data" / KNEE / "routines.yml"
    routines.write_text(routines.read_text() + LONG_ROUTINE.format(frequency=frequency, when=when))
    return project


def test_long_routine_is_compacted_to_fit_one_sheet(tmp_path, browser, guide):
    words = "keep going gently and steadily, and listen to how your knee feels afterwards "
    project = _with_long_routine(tmp_path, words, words)
    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "routines" / "everything-at-once" / "index.html").read_text()
    assert "card-compact" in html
    server, url = serve(out)
    try:
        page = browser.new_page()
        for paper in PAPERS:
            pdf = printed_pages(page, f"{url}routines/everything-at-once/", paper)
            assert len(pdf.pages) == 1, paper
        page.close()
    finally:
        server.shutdown()
    pdf = PdfReader(out / "cards" / "routine-cards.pdf")
    assert len(pdf.pages) == len(card_titles(guide)) + 1


def test_routine_too_long_for_any_layout_fails_the_build_by_name(tmp_path):
    words = "keep going gently and steadily, and listen to how your knee feels afterwards "
    project = _with_long_routine(tmp_path, words * 24, words * 2)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "routines.everything-at-once" in output and "does not fit on one page" in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_pdf_has_one_page_per_routine_with_names_and_doses(built_site, guide):
    reader = PdfReader(built_site / "cards" / "routine-cards.pdf")
    assert len(reader.pages) == len(card_titles(guide))
    assert guide.ladder is None or guide.ladder.title in reader.pages[-1].extract_text()

    def squeeze(value: str) -> str:
        # a title may wrap at its hyphen, and text extraction drops a hyphen that ends a line
        return re.sub(r"[\s-]+", "", value)

    for sheet, routine in zip(reader.pages, card_routines(guide), strict=True):
        if routine is None:
            continue
        text = re.sub(r"\s+", " ", sheet.extract_text())
        assert routine.title in text
        for entry in routine.items:
            item = guide.item(entry.item)
            assert squeeze(shown_title(guide, entry)) in squeeze(text), (routine.id, shown_title(guide, entry))
            dose = entry.dose or item.dose
            if dose:
                short = writer(guide).dose_short(dose)
                assert short in text, (routine.id, short)


def test_pdf_metadata_fonts_and_page_size(built_site, guide):
    reader = PdfReader(built_site / "cards" / "routine-cards.pdf")
    # the PDF of all cards is titled by the guide (by its one protocol when it has only one)
    about = knee(guide).protocol.title if len(guide.protocols) == 1 else guide.site.title
    assert guide.brand.name in reader.metadata.title and about in reader.metadata.title
    assert reader.metadata.author == guide.brand.name
    assert str(reader.trailer["/Root"].get("/Lang")) == guide.edition.code
    # A bookmark per card, in order.
    assert [item.title for item in reader.outline] == card_titles(guide)
    fonts = []
    for sheet in reader.pages:
        for font in sheet["/Resources"]["/Font"].values():
            descriptor = font.get_object()
            descendants = descriptor.get("/DescendantFonts")
            fd = (descendants[0].get_object() if descendants else descriptor).get("/FontDescriptor").get_object()
            fonts.append(("/FontFile2" in fd) or ("/FontFile3" in fd) or ("/FontFile" in fd))
    assert fonts and all(fonts), "every font must be embedded"
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert abs(width_mm - (210 if guide.brand.page_size == "A4" else 215.9)) < 1


def test_qr_code_decodes_to_the_routine_url(page, site_url, guide):
    import zxingcpp
    from PIL import Image

    for routine in guide.routines:
        page.goto(f"{site_url}routines/{routine.id}/")
        qr = page.locator(".card-qr svg")
        qr.scroll_into_view_if_needed()
        image = Image.open(io.BytesIO(qr.screenshot(scale="device")))
        decoded = [r.text for r in zxingcpp.read_barcodes(image)]
        assert decoded == [f"{TEST_SITE_URL}routines/{routine.id}/"], routine.id


def test_without_site_url_cards_have_no_qr_and_the_build_warns(tmp_path):
    project = project_copy(tmp_path / "guide")
    result = mkdocs_build(project, tmp_path / "site", env={"SITE_URL": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "site_url is not set" in result.stderr
    assert "card-qr" not in (tmp_path / "site" / "routines" / "hip-strength-1" / "index.html").read_text()
