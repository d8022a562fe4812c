"""Translations are data (issue 25): each data file's words in another language live in a file of
the same path under data/translations/<code>/, keyed by the data's own ids, with a fingerprint of
the English each was translated from. Nothing is lost: a word not translated yet, or translated
from English that changed since, stays in English and is listed at its line; a translation that
loses a placeholder or breaks its field's rules stops the build at its line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from generator.errors import DataErrors
from generator.load import load_guide
from generator.load.guide import load_editions, read_library, translation_sources
from generator.load.translations import translation_text, write_translation_files
from generator.model import Exercise, ExercisesFile, SiteFile
from generator.read.translation import UNTRANSLATED_START, fingerprint, path_text, words
from generator.read.yamlfile import read_yaml
from helpers import edit, line_of

ES = ROOT / "data" / "translations" / "es"


def data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def findings(data: Path, brand: Path | None = None):
    library = read_library(data, brand, display_root=data.parent)
    return load_editions(library)


def test_words_are_addressed_by_ids_and_never_include_ids_names_or_codes():
    source = read_yaml(ROOT / "data" / "exercises.yml", "data/exercises.yml")
    found = {path_text(w.path): w for w in words(ExercisesFile.model_validate(source.data))}
    assert found["exercises.clams.title"].text == "Clams"
    assert found["exercises.clams.title"].loc == ("exercises", 1, "title")
    assert not any(key.endswith((".id", ".level", ".kind")) for key in found)
    site = read_yaml(ROOT / "data" / "site.yml", "data/site.yml")
    site_words = {path_text(w.path) for w in words(SiteFile.model_validate(site.data))}
    # The language's name, the storage names and the edition are the same in every language.
    assert {"title", "tagline", "disclaimer", "safety_net", "part"} <= site_words
    assert not site_words & {"edition", "language.name", "language.code", "storage.prefix", "storage.log_format"}


def test_the_shipped_spanish_translation_is_complete_and_up_to_date():
    """The shipped Spanish guide leaves nothing in English: every word has its translation, made
    from the English as it is now, and nothing matches no word."""
    guides, found = findings(ROOT / "data")
    assert list(guides) == ["en", "es"]
    assert found["es"].lines() == []


def test_spanish_words_numbers_and_dates_are_written_the_spanish_way():
    es = load_guide(ROOT / "data", language="es")
    en = load_guide(ROOT / "data")
    assert es.ui.nav.home != en.ui.nav.home and UNTRANSLATED_START not in es.ui.nav.home
    knee = es.protocol("knee-pain-running")
    # A number with decimals quoted in prose has a decimal comma in Spanish, a point in English.
    assert "18,5" in " ".join(knee.weight.guidance + [knee.weight.underweight.text, knee.weight.calculator_words.lower])
    assert "18.5" in " ".join(
        en.protocol("knee-pain-running").weight.guidance + [en.protocol("knee-pain-running").weight.underweight.text]
    )
    assert es.edition.locale == "es-ES" and es.edition.prefix == "es/" and en.edition.prefix == ""


def test_a_word_not_translated_yet_stays_in_english_marked_and_listed_at_its_line(tmp_path):
    data = data_copy(tmp_path)
    path = data / "translations" / "es" / "ui.yml"
    edit(path, "flowchart.proceed:\n", "flowchart.proceed:\n", 1)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(flowchart\.proceed:\n  from: \"[0-9a-f]{8}\"\n  text: ).*\n", r"\1null\n", text)
    path.write_text(text, encoding="utf-8")
    guides, found = findings(data)
    assert guides["es"].ui.flowchart.proceed == f"{UNTRANSLATED_START}Continue\ue001"
    line = line_of(data / "ui.yml", r"^  proceed: ")
    assert [m for m in found["es"].missing if ": flowchart." in m] == [
        f"data/ui.yml:{line}: flowchart.proceed: not translated into es yet (data/translations/es/ui.yml)"
    ]


def test_a_translation_of_english_that_changed_since_is_out_of_date_at_its_line(tmp_path):
    data = data_copy(tmp_path)
    edit(data / "ui.yml", "  proceed: Continue\n", "  proceed: Carry on\n")
    guides, found = findings(data)
    assert guides["es"].ui.flowchart.proceed == f"{UNTRANSLATED_START}Carry on\ue001"
    line = line_of(data / "translations" / "es" / "ui.yml", r"^flowchart\.proceed:")
    english = line_of(data / "ui.yml", r"^  proceed: ")
    assert found["es"].outdated == [
        (
            f"data/translations/es/ui.yml:{line}: flowchart.proceed: out of date: the English changed since it "
            f"was translated (data/ui.yml:{english})"
        )
    ]


def test_a_translation_that_matches_no_word_is_listed_as_extra(tmp_path):
    data = data_copy(tmp_path)
    path = data / "translations" / "es" / "ui.yml"
    path.write_text(path.read_text(encoding="utf-8") + 'flowchart.gone:\n  from: "00000000"\n  text: Nada\n')
    _, found = findings(data)
    line = len(path.read_text(encoding="utf-8").splitlines()) - 2
    assert found["es"].extra == [f"data/translations/es/ui.yml:{line}: flowchart.gone: matches no word of data/ui.yml"]


@pytest.mark.parametrize(
    "english, spanish, message",
    [
        (
            "  progress: Question {n} of up to {total}",
            "Pregunta {n}",
            "must keep exactly the placeholders of the English ({n}, {total})",
        ),
        (
            "  progress: Question {n} of up to {total}",
            "Pregunta {n} de {total} {extra}",
            "must keep exactly the placeholders of the English ({n}, {total})",
        ),
    ],
)
def test_a_translation_that_loses_or_invents_a_placeholder_stops_the_build_at_its_line(
    tmp_path, english, spanish, message
):
    data = data_copy(tmp_path)
    path = data / "translations" / "es" / "ui.yml"
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"(flowchart\.progress:\n  from: \"[0-9a-f]{8}\"\n  text: ).*\n", rf"\g<1>{spanish}\n", text)
    assert count == 1 and english in (data / "ui.yml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    line = line_of(path, r"^flowchart\.progress:")
    with pytest.raises(DataErrors) as caught:
        findings(data)
    assert [str(e) for e in caught.value.errors] == [f"data/translations/es/ui.yml:{line}: {message}"]


def test_a_translated_title_keeps_the_titles_rules(tmp_path):
    data = data_copy(tmp_path)
    path = data / "translations" / "es" / "exercises.yml"
    text, count = re.subn(
        r"(exercises\.clams\.title:\n  from: \"[0-9a-f]{8}\"\n  text: ).*\n",
        r'\1"La <b>almeja</b>"\n',
        path.read_text(encoding="utf-8"),
    )
    assert count == 1
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        findings(data)
    (error,) = caught.value.errors
    assert error.file == "data/translations/es/exercises.yml" and error.line == line_of(
        path, r"^exercises\.clams\.title:"
    )
    assert "cannot contain < >" in error.message


def test_guide_translate_lists_every_word_keeps_every_translation_and_is_stable(tmp_path):
    data = data_copy(tmp_path)
    library = read_library(data, display_root=data.parent)
    sources = translation_sources(library)
    assert write_translation_files(sources, "es", data.parent) == []  # the shipped files are what it writes
    edit(data / "ui.yml", "  proceed: Continue\n", "  proceed: Carry on\n")
    library = read_library(data, display_root=data.parent)
    changed = write_translation_files(translation_sources(library), "es", data.parent)
    assert changed == [data / "translations" / "es" / "ui.yml"]
    text = changed[0].read_text(encoding="utf-8")
    block = text[text.index("# The English changed since") :].split("\n\n", 1)[0]
    assert f"set from: {fingerprint('Carry on')}" in block and "# Carry on" in block
    assert "text: Continuar" in block or "text:" in block
    # The Spanish it had is kept, and its old fingerprint (it is still out of date until checked).
    assert f'from: "{fingerprint("Continue")}"' in block


def test_translation_file_text_for_a_new_file_has_every_word_blank():
    library = read_library(ROOT / "data", display_root=ROOT)
    exercises = next(s for s in translation_sources(library) if s.key == "exercises")
    text = translation_text(exercises, "fr", {})
    count = sum(1 for _ in words(exercises.model))
    assert text.count("\n  text: null\n") == count
    assert "# Clams\nexercises.clams.title:\n" in text


def test_a_brand_naming_a_language_with_no_translation_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = edit(data / "brand.yml", "\nname:", "\nlanguages: [en, fr]\nname:") + 1
    with pytest.raises(DataErrors) as caught:
        load_guide(data, display_root=data.parent)
    assert [str(e) for e in caught.value.errors] == [
        f"data/brand.yml:{line}: languages[1]: no translation into `fr` (data/translations/fr/)"
    ]


def test_a_spanish_only_copy_has_spanish_at_its_root(tmp_path):
    data = data_copy(tmp_path)
    edit(data / "brand.yml", "\nname:", "\nlanguages: [es]\nname:")
    guides, _ = findings(data)
    assert list(guides) == ["es"]
    es = guides["es"]
    assert es.edition.prefix == "" and [p.code for p in es.edition.languages] == ["es"]
    assert es.ui.nav.home == load_guide(ROOT / "data", language="es").ui.nav.home


def test_exercise_words_in_spanish_differ_from_english_and_ids_do_not():
    es, en = load_guide(ROOT / "data", language="es"), load_guide(ROOT / "data")
    for a, b in zip(en.exercises, es.exercises, strict=True):
        assert isinstance(b, Exercise) and a.id == b.id and a.dose == b.dose and a.level == b.level
        assert a.title != b.title, a.id


def test_a_hand_written_page_is_its_translation_or_says_it_is_not_translated(tmp_path):
    """docs/ holds the data's language; a translation's own version of a page lives in
    translations/<code>/docs/ (its heading names it in the nav); a page with none there keeps the
    data's words and is marked untranslated, so that it says so."""
    from generator.render.context import hand_written, hand_written_pages

    docs, translated = tmp_path / "docs", tmp_path / "translations" / "es" / "docs"
    docs.mkdir()
    translated.mkdir(parents=True)
    (docs / "credits.md").write_text("# Credits\n\nThanks.\n", encoding="utf-8")
    (docs / "notes.md").write_text("---\ntitle: Notes\n---\n# Notes\n", encoding="utf-8")
    (docs / "logo.svg").write_bytes(b"<svg/>")
    (translated / "credits.md").write_text("# Créditos\n\nGracias.\n", encoding="utf-8")
    assert hand_written(docs) == {p.name: p.read_bytes() for p in docs.iterdir()}
    files = hand_written(docs, translated)
    assert files["credits.md"] == (translated / "credits.md").read_bytes()
    assert files["notes.md"].decode() == "---\nuntranslated: true\ntitle: Notes\n---\n# Notes\n"
    assert files["logo.svg"] == b"<svg/>"
    assert hand_written_pages(docs, translated) == [{"Créditos": "credits.md"}, {"Notes": "notes.md"}]
    assert hand_written_pages(docs) == [{"Credits": "credits.md"}, {"Notes": "notes.md"}]
    # The shipped Spanish guide translates every hand-written page.
    shipped = ROOT / "data" / "translations" / "es" / "docs"
    assert {p.name for p in (ROOT / "docs").rglob("*.md")} <= {p.name for p in shipped.rglob("*.md")}
