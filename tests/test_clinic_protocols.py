"""A clinic chooses which protocols of the library it publishes (brand.yml `protocols`): its copy
holds those alone (their pages, routines, warning signs and flowchart), and a protocol the library
does not have is a located error with the ones it does."""

from __future__ import annotations

import shutil

from conftest import ROOT
from generator.load import load_guide
from helpers import errors_of

CLINIC = ROOT / "clinics" / "harbourside"


def _brand(tmp_path, protocols: str):
    folder = tmp_path / "clinic"
    shutil.copytree(CLINIC, folder)
    brand = folder / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8") + f"protocols: {protocols}\n", encoding="utf-8")
    return brand


def test_a_clinic_publishes_only_the_protocols_it_chooses(tmp_path):
    library = load_guide(ROOT / "data")
    assert len(library.protocols) > 1
    chosen = library.protocols[0]
    guide = load_guide(ROOT / "data", _brand(tmp_path, f"[{chosen.id}]"))
    assert [p.id for p in guide.protocols] == [chosen.id]
    others = {r.id for p in library.protocols[1:] for r in p.routines} - {r.id for r in chosen.routines}
    assert others and not others & {r.id for r in guide.routines}
    # the other protocols' own warning signs are not in it; the shared ones are
    own_flags = {f.id for p in library.protocols[1:] for f in p.flags}
    assert own_flags and not own_flags & {f.id for f in guide.flags}
    # the shared exercises only the others use have no page in it
    theirs = {x for p in library.protocols[1:] for k in p.keys for x in k.exercises}
    mine = {x for k in chosen.keys for x in k.exercises} | {e.item for r in chosen.routines for e in r.items}
    assert theirs - mine and not (theirs - mine) & {e.id for e in guide.exercises}
    assert mine <= {e.id for e in guide.exercises} | {t.id for t in guide.recovery}


def test_a_protocol_the_library_does_not_have_is_a_located_error(tmp_path):
    brand = _brand(tmp_path, "[no-such-protocol]")
    errors = errors_of(ROOT / "data", brand)
    assert errors and any("no-such-protocol" in e and "brand.yml:" in e for e in errors), errors
