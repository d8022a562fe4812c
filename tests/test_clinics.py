"""Clinic copies: the example clinic's brand is everywhere and the default brand nowhere; overlays
add, change and hide safely; colours are checked; many clinics build in one run without cross-talk."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from conftest import ROOT, mkdocs_build, project_copy
from generator.load import load_guide
from generator.render.text import writer
from helpers import data_copy, edit, errors_of

CLINIC = ROOT / "clinics" / "harbourside"
DEFAULT_NAME = load_guide(ROOT / "data").brand.name


@pytest.fixture(scope="module")
def clinic():
    return load_guide(ROOT / "data", CLINIC / "brand.yml")


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("clinic") / "guide")
    out = tmp_path_factory.mktemp("clinic-site")
    result = mkdocs_build(
        project, out, env={"GUIDE_BRAND": str(project / "clinics" / "harbourside" / "brand.yml"), "SITE_URL": ""}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pages(site):
    return {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_clinic_brand_is_on_every_page_and_the_default_nowhere(clinic_site, clinic):
    brand = clinic.brand
    for path, text in pages(clinic_site).items():
        assert DEFAULT_NAME not in text, path
        if path.name == "index.html" and "search" not in path.parts:
            assert "<title>" in text and brand.name in re.search(r"<title>(.*?)</title>", text, re.S).group(1), path
            assert brand.contact.phone in text and brand.contact.booking in text, path
            assert 'href="mailto:' + brand.contact.email in text
    assert (clinic_site / "assets" / "brand" / "logo.svg").read_bytes() == (CLINIC / "logo.svg").read_bytes()
    home = (clinic_site / "index.html").read_text()
    assert 'src="assets/brand/logo.svg"' in home and 'rel="icon" href="assets/brand/logo.svg"' in home
    css = (clinic_site / "assets" / "brand" / "brand.css").read_text()
    assert f"--md-primary-fg-color: {brand.primary}" in css and f"--md-accent-fg-color: {brand.accent}" in css
    assert brand.disclaimer in home


def test_clinic_cards_and_pdf_carry_the_brand(clinic_site, clinic):
    card = (clinic_site / "routines" / "hip-strength-1" / "index.html").read_text()
    assert f'<p class="card-brand">{clinic.brand.name}</p>' in card
    assert clinic.brand.contact.phone in card
    reader = PdfReader(clinic_site / "cards" / "routine-cards.pdf")
    assert reader.metadata.author == clinic.brand.name and clinic.brand.name in reader.metadata.title
    text = "".join(p.extract_text() for p in reader.pages)
    assert DEFAULT_NAME not in text and clinic.brand.contact.phone in text
    ladders = sum(1 for p in clinic.protocols if p.ladder) if clinic.ladder else 0
    assert len(reader.pages) == len(clinic.routines) + ladders  # a card per routine, each protocol's ladder card
    height_mm = float(reader.pages[0].mediabox.height) / 72 * 25.4
    assert abs(height_mm - 279.4) < 1, "the example clinic asks for US Letter"


def test_extra_exercise_has_its_page_and_its_routine(clinic_site, clinic):
    extra = clinic.exercise("lateral-band-walk")
    page = (clinic_site / "exercises" / extra.id / "index.html").read_text()
    assert extra.title in page and writer(clinic).dose_short(extra.dose) in page
    routine = (clinic_site / "routines" / "harbourside-band-circuit" / "index.html").read_text()
    assert extra.title in routine
    key = (clinic_site / "keys" / "strengthen-hips" / "index.html").read_text()
    assert f'href="../../exercises/{extra.id}/"' in key


def test_dose_override_shows_on_page_card_and_pdf(clinic_site, clinic):
    clams = clinic.exercise("clams")
    override = clinic.brand.overlay.doses["clams"]
    assert clams.dose == override
    shipped = load_guide(ROOT / "data").exercise("clams").dose
    assert shipped != override
    page = (clinic_site / "exercises" / "clams" / "index.html").read_text()
    write = writer(clinic)
    assert (
        write.dose_short(override) in page
        and write.dose_long(override) in page
        and write.dose_long(shipped) not in page
    )
    card = (clinic_site / "routines" / "hip-strength-1" / "index.html").read_text()
    assert write.dose_short(override) in card
    reader = PdfReader(clinic_site / "cards" / "routine-cards.pdf")
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert write.dose_short(override) in first


def _clinic_copy(tmp_path):
    data = data_copy(tmp_path)
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "brand.yml").write_text((CLINIC / "brand.yml").read_text())
    for asset in CLINIC.glob("*.svg"):
        (folder / asset.name).write_text(asset.read_text())
    return data, folder / "brand.yml"


def test_hiding_an_item_a_routine_uses_is_a_located_error(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    line = edit(brand, "overlay:\n", "overlay:\n  hide: [bridge-with-band]\n") + 1
    errors = errors_of(data, brand)
    assert (
        f"clinic/brand.yml:{line}: overlay.hide[0]: `bridge-with-band` cannot be hidden: routine `hip-strength-1` still uses it"
        in errors
    )
    # the clinic's own routine uses it too, and says so at its own line
    assert any(e.startswith("clinic/brand.yml:") and "overlay.routines[0].items[0].item" in e for e in errors), errors


def test_hiding_an_unused_item_removes_it(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    edit(brand, "overlay:\n", "overlay:\n  hide: [massage-gun]\n")
    guide = load_guide(data, brand)
    assert "massage-gun" not in {t.id for t in guide.recovery}
    assert "massage-gun" not in guide.key("recovery").recovery


@pytest.mark.parametrize("flag", ["knee-deformed", "emergency-check", "weight"])
def test_red_flags_screen_and_keys_cannot_be_hidden(tmp_path, flag):
    data, brand = _clinic_copy(tmp_path)
    edit(brand, "overlay:\n", f"overlay:\n  hide: [{flag}]\n")
    errors = errors_of(data, brand)
    assert len(errors) == 1 and f"`{flag}` cannot be hidden" in errors[0], errors


def test_disclaimer_cannot_be_dropped(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    text = brand.read_text()
    line = text[: text.index("disclaimer:")].count("\n") + 1
    brand.write_text(re.sub(r"^disclaimer: .*$", 'disclaimer: ""', text, flags=re.M))
    errors = errors_of(data, brand)
    assert errors == [f"clinic/brand.yml:{line}: disclaimer: String should have at least 1 character"]


def test_low_contrast_colour_is_refused_with_its_ratio(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    line = edit(brand, 'primary: "#00695c"', 'primary: "#7fd1c7"')
    errors = errors_of(data, brand)
    assert len(errors) == 1
    assert re.fullmatch(
        rf"clinic/brand\.yml:{line}: primary: #7fd1c7 has a contrast of 1\.\d\d:1 with white text; "
        r"WCAG AA needs 4\.5:1 \(for example #[0-9a-f]{6}\)",
        errors[0],
    ), errors[0]


def test_the_brand_sets_the_locale_dates_and_numbers_are_written_in(tmp_path, guide):
    """Each language's own locale (English: en-GB, "7 December 2026") unless the brand sets one for
    it (`locales`), a BCP 47 tag, in every page."""
    assert guide.edition.locale == "en-GB"
    assert load_guide(ROOT / "data", language="es").edition.locale == "es-ES"
    data, brand = _clinic_copy(tmp_path)
    edit(brand, "page_size: Letter", "page_size: Letter\nlocales: {en: en-US}")
    assert load_guide(data, brand).edition.locale == "en-US"
    line = edit(brand, "locales: {en: en-US}", "locales: {en: English (UK)}")
    errors = errors_of(data, brand)
    assert errors == [
        f"clinic/brand.yml:{line}: locales.en: must be a BCP 47 language tag, for example en-GB, en-US or es-ES"
    ]
    for tag in ("es", "es-419", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996", "en-GB-x-clinic"):
        brand.write_text(re.sub(r"(?m)^locales: .*$", f"locales: {{en: {tag}}}", brand.read_text()))
        assert load_guide(data, brand).edition.locale == tag


def test_every_page_names_the_guides_locale(clinic_site, clinic):
    html = (clinic_site / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="guide-locale" content="{clinic.edition.locale}">' in html


def test_the_readme_tells_each_clinic_to_use_its_own_origin():
    """Clinics sharing an origin share the browser's storage and keys: the README says so."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**Each clinic needs its own origin**" in readme


def test_logo_outside_the_clinic_folder_is_refused(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    (tmp_path / "elsewhere.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    line = edit(brand, "logo: logo.svg", "logo: ../elsewhere.svg")
    errors = errors_of(data, brand)
    assert errors == [f"clinic/brand.yml:{line}: logo: must be a file inside the brand's own folder"]


def test_overlay_dose_of_the_wrong_kind_is_located(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    line = edit(brand, "    clams: {sets: 2, reps: 15}", "    clams: {holds: 2, seconds: 15}")
    errors = errors_of(data, brand)
    assert errors == [
        f"clinic/brand.yml:{line}: overlay.doses.clams: this dose does not fit `clams`: it is dosed as reps"
    ]


def test_two_clinics_build_in_one_run_without_cross_talk(tmp_path):
    project = project_copy(tmp_path / "guide")
    second = project / "clinics" / "hilltop"
    second.mkdir()
    (second / "brand.yml").write_text(
        'id: hilltop\nname: Hilltop Knee Clinic\nprimary: "#4a148c"\naccent: "#8e3b00"\ncontact: {phone: 020 7946 0999}\n'
    )
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "sites"], cwd=project, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # What it prints is what a person needs: each copy built, and each warning once, naming its copy.
    assert sorted(result.stdout.splitlines()) == [
        f"built {project / 'build' / 'sites' / name}" for name in ("fisio-del-rio", "harbourside", "hilltop")
    ] + [f"built {project / 'site'}"]
    no_qr = "site_url is not set: routine cards are built without QR codes"
    assert sorted(result.stderr.splitlines()) == [f"WARNING: {name}: {no_qr}" for name in ("guide", "hilltop")]
    harbour, hill = (project / "build" / "sites" / name for name in ("harbourside", "hilltop"))
    for site, mine, other in (
        (harbour, "Harbourside Running Physio", "Hilltop Knee Clinic"),
        (hill, "Hilltop Knee Clinic", "Harbourside Running Physio"),
    ):
        for text in pages(site).values():
            assert other not in text and DEFAULT_NAME not in text
        assert mine in (site / "index.html").read_text()
    assert (project / "site" / "index.html").exists()
    assert "Hilltop" not in (project / "site" / "index.html").read_text()
    assert not (hill / "exercises" / "lateral-band-walk").exists()


def test_clinic_picture_replaces_or_adds_a_figure(clinic_site, clinic):
    picture = clinic.brand.overlay.figures["lateral-band-walk"]
    page = (clinic_site / "exercises" / "lateral-band-walk" / "index.html").read_text()
    assert f'src="../../assets/brand/figures/lateral-band-walk.svg" alt="{picture.alt}"' in page
    assert (clinic_site / "assets" / "brand" / "figures" / "lateral-band-walk.svg").read_bytes() == (
        CLINIC / picture.image
    ).read_bytes()
    circuit = (clinic_site / "routines" / "harbourside-band-circuit" / "index.html").read_text()
    assert 'src="../../assets/brand/figures/lateral-band-walk.svg"' in circuit
    # the shipped exercises keep their drawn figures, in the clinic's colour
    clams = (clinic_site / "exercises" / "clams" / "index.html").read_text()
    assert "<svg" in clams and clinic.brand.primary in clams


def test_clinic_picture_needs_alt_text_and_its_own_folder(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    line = edit(brand, "      alt: Standing with knees", "      alt: ''\n      x: Standing with knees")
    errors = errors_of(data, brand)
    assert any(e.startswith(f"clinic/brand.yml:{line}: overlay.figures.lateral-band-walk.alt:") for e in errors), errors
    data, brand = _clinic_copy(tmp_path / "again")
    line = edit(brand, "      image: lateral-band-walk.svg", "      image: ../../secret.svg")
    errors = errors_of(data, brand)
    assert errors == [
        f"clinic/brand.yml:{line}: overlay.figures.lateral-band-walk.image: must be a file inside the brand's own folder"
    ]


def test_clinic_exercise_without_a_picture_is_refused(tmp_path):
    data, brand = _clinic_copy(tmp_path)
    text = brand.read_text()
    brand.write_text(re.sub(r"  figures:\n    lateral-band-walk:\n(      .*\n)+", "", text))
    errors = errors_of(data, brand)
    assert len(errors) == 1 and "`lateral-band-walk` needs a picture" in errors[0], errors
