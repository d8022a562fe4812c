"""A clinic's overlay merged into the guide once (load/overlay.py), with the dose rule prose uses
(read/placeholders.effective_dose)."""

from __future__ import annotations

from conftest import ROOT
from generator.load import load_guide
from generator.model import RepsDose
from generator.read.placeholders import effective_dose
from helpers import data_copy

CLINIC = ROOT / "clinics" / "harbourside" / "brand.yml"


def test_the_clinic_dose_replaces_the_shipped_one_everywhere(guide):
    clinic = load_guide(ROOT / "data", CLINIC)
    assert clinic.exercise("clams").dose == RepsDose(sets=2, reps=15)
    assert guide.exercise("clams").dose == RepsDose(sets=3, reps=20)
    assert effective_dose(guide.exercise("clams"), clinic.brand) == RepsDose(sets=2, reps=15)
    assert effective_dose(guide.exercise("bridge-with-band"), clinic.brand) is guide.exercise("bridge-with-band").dose


def test_the_clinic_exercise_joins_its_key_and_its_routine_the_list():
    clinic = load_guide(ROOT / "data", CLINIC)
    assert "lateral-band-walk" in clinic.key("strengthen-hips").exercises
    assert clinic.exercise("lateral-band-walk").title == "Side steps with a band"
    assert [r.id for r in clinic.protocol("knee-pain-running").routines][-1] == "harbourside-band-circuit"
    assert clinic.protocol_of("harbourside-band-circuit").id == "knee-pain-running"
    assert clinic.origins["harbourside-band-circuit"].file.endswith("clinics/harbourside/brand.yml")
    assert clinic.origins["hip-strength-1"].file.endswith("data/protocols/knee-pain-running/routines.yml")


def test_a_hidden_item_leaves_its_key_and_the_lists(tmp_path):
    data = data_copy(tmp_path)
    brand = tmp_path / "brand.yml"
    brand.write_text("id: test-clinic\nname: Test Clinic\noverlay:\n  hide: [massage-gun]\n", encoding="utf-8")
    clinic = load_guide(data, brand)
    assert "massage-gun" not in {t.id for t in clinic.recovery}
    assert "massage-gun" not in clinic.key("recovery").recovery


def test_prose_quotes_the_clinic_dose(tmp_path):
    """A number in prose is the clinic's when its overlay changes that dose."""
    data = data_copy(tmp_path)
    steps = data / "exercises.yml"
    text = steps.read_text(encoding="utf-8").replace(
        "      - Lower the knee slowly.\n", "      - Lower the knee slowly, {exercises.clams.reps} times.\n", 1
    )
    steps.write_text(text, encoding="utf-8")
    brand = tmp_path / "brand.yml"
    brand.write_text(
        "id: test-clinic\nname: Test Clinic\noverlay:\n  doses:\n    clams: {sets: 2, reps: 12}\n", encoding="utf-8"
    )
    clinic = load_guide(data, brand)
    assert "Lower the knee slowly, 12 times." in clinic.exercise("clams").steps
    assert "Lower the knee slowly, 20 times." in load_guide(data).exercise("clams").steps
