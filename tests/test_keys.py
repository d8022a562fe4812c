"""`guide clinic-key`: the key pair a clinic signs prescribed plans with. The public key it writes
is one the browser code accepts (a plan signed with the private PEM verifies with it, in Node with
plans/core/plan.js), it never overwrites a key, never puts the private key inside the project, and the
clinic's brand then loads with the key."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from generator.keys import PUBLIC_KEY_FILE, KeyRefused, make_clinic_key
from generator.load import load_guide

PLAN_TOOL = ROOT / "tests" / "js" / "tools" / "plan-tool.mjs"
CLINIC = "harbourside"
PLAN = {
    "v": 1,
    "clinic": "harbourside",
    "clinician": "Sam Patel",
    "note": "Ice after runs.",
    "start": "2026-12-01",
    "review": "2026-12-15",
    "how_often": {"days_per_week": 3},
    "items": [
        {"kind": "exercise", "id": "clams", "dose": {"shape": "reps", "sets": 2, "reps": 15}},
        {"kind": "routine", "id": "hip-strength-1", "dose": None},
    ],
}


def plan_tool(request: dict) -> dict:
    done = subprocess.run(
        ["node", str(PLAN_TOOL)], input=json.dumps(request), capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(done.stdout)


@pytest.fixture
def project(tmp_path) -> Path:
    """A small project (data/, mkdocs.yml, the example clinic) the command may change."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "clinics" / CLINIC, root / "clinics" / CLINIC)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for leftover in (root / "clinics" / CLINIC).glob(PUBLIC_KEY_FILE):
        leftover.unlink()
    brand = root / "clinics" / CLINIC / "brand.yml"
    brand.write_text(
        "".join(line for line in brand.read_text().splitlines(keepends=True) if not line.startswith("plan_key:"))
    )
    return root


@pytest.fixture
def keys_dir(tmp_path) -> Path:
    """A folder outside the project for private keys."""
    return tmp_path / "keys"


def guide_command(project: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(project), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_writes_a_key_pair_the_browser_code_accepts(project, keys_dir, tmp_path):
    private = keys_dir / "harbourside.pem"
    done = guide_command(project, "clinic-key", f"clinics/{CLINIC}", "--private-key", str(private), home=tmp_path)
    assert done.returncode == 0, done.stderr
    public = project / "clinics" / CLINIC / PUBLIC_KEY_FILE
    assert str(public) in done.stdout and str(private) in done.stdout
    jwk = json.loads(public.read_text())
    assert set(jwk) == {"kty", "crv", "x", "y"} and jwk["kty"] == "EC" and jwk["crv"] == "P-256"
    pem = private.read_text()
    assert pem.startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(private.stat().st_mode) & 0o077 == 0, "the private key is readable by others"
    # Nothing private in the project: no PEM anywhere, no private member in the JWK.
    assert not [p for p in project.rglob("*") if p.is_file() and "PRIVATE KEY" in p.read_text(errors="ignore")]

    signed = plan_tool({"action": "sign", "plan": PLAN, "private_pem": pem})
    assert signed["ok"], signed
    checked = plan_tool({"action": "verify", "fragment": signed["fragment"], "public_jwk": jwk})
    assert checked["ok"] and checked["signed"] and checked["verified"], checked
    assert checked["plan"] == PLAN

    # A changed payload, or another clinic's key, does not verify.
    payload = signed["payload"]
    altered = payload[:10] + ("A" if payload[10] != "A" else "B") + payload[11:]
    assert not plan_tool({"action": "verify", "fragment": f"p1.{altered}.{signed['signature']}", "public_jwk": jwk})[
        "verified"
    ]
    other = make_clinic_key(_another_clinic(project), keys_dir / "other.pem", project)
    other_jwk = json.loads(other.public_path.read_text())
    assert not plan_tool({"action": "verify", "fragment": signed["fragment"], "public_jwk": other_jwk})["verified"]


def _another_clinic(project: Path) -> Path:
    folder = project / "clinics" / "elsewhere"
    folder.mkdir()
    (folder / "brand.yml").write_text("id: elsewhere\nname: Elsewhere Physio\n")
    return folder


def test_the_brand_then_loads_with_the_key(project, keys_dir):
    pair = make_clinic_key(project / "clinics" / CLINIC, keys_dir / "k.pem", project)
    assert pair.brand_updated
    brand = project / "clinics" / CLINIC / "brand.yml"
    assert brand.read_text().rstrip().endswith(f"plan_key: {PUBLIC_KEY_FILE}")
    guide = load_guide(project / "data", brand)
    assert dict(guide.plan_key) == json.loads(pair.public_path.read_text())
    assert load_guide(project / "data").plan_key is None


def test_an_existing_key_is_never_overwritten(project, keys_dir, tmp_path):
    clinic = project / "clinics" / CLINIC
    first = make_clinic_key(clinic, keys_dir / "first.pem", project)
    public_before = first.public_path.read_bytes()
    brand_before = (clinic / "brand.yml").read_bytes()
    with pytest.raises(KeyRefused, match="exists already"):
        make_clinic_key(clinic, keys_dir / "second.pem", project)
    assert not (keys_dir / "second.pem").exists()
    # The private key file is not overwritten either (another clinic, same private path).
    private_before = first.private_path.read_bytes()
    with pytest.raises(KeyRefused, match="exists already"):
        make_clinic_key(_another_clinic(project), first.private_path, project)
    assert first.private_path.read_bytes() == private_before
    assert not (project / "clinics" / "elsewhere" / PUBLIC_KEY_FILE).exists()
    # The command says so and fails.
    done = guide_command(
        project, "clinic-key", f"clinics/{CLINIC}", "--private-key", str(keys_dir / "third.pem"), home=tmp_path
    )
    assert done.returncode == 1 and "no key was made" in done.stderr
    assert first.public_path.read_bytes() == public_before and (clinic / "brand.yml").read_bytes() == brand_before


@pytest.mark.parametrize("where", ["keys/clinic.pem", "clinics/harbourside/clinic.pem", "clinic.pem"])
def test_the_private_key_is_never_written_inside_the_project(project, tmp_path, where):
    clinic = project / "clinics" / CLINIC
    brand_before = (clinic / "brand.yml").read_bytes()
    done = guide_command(project, "clinic-key", f"clinics/{CLINIC}", "--private-key", where, home=tmp_path)
    assert done.returncode == 1 and "inside the project" in done.stderr, done.stderr
    assert not (project / where).exists() and not (clinic / PUBLIC_KEY_FILE).exists()
    assert (clinic / "brand.yml").read_bytes() == brand_before
    # The default place is the user's home, outside the project: refused too when home is the project.
    done = guide_command(project, "clinic-key", f"clinics/{CLINIC}", home=project)
    assert done.returncode == 1 and "inside the project" in done.stderr
    assert not list(project.rglob("*.pem"))


def test_the_default_private_key_goes_to_the_home_folder(project, tmp_path):
    home = tmp_path / "home"
    done = guide_command(project, "clinic-key", f"clinics/{CLINIC}", home=home)
    assert done.returncode == 0, done.stderr
    assert (home / "guide-keys" / f"{CLINIC}-plan-key.pem").is_file()
    assert not list(project.rglob("*.pem"))


def test_a_brand_pointing_at_another_key_file_is_left_alone(project, keys_dir):
    clinic = project / "clinics" / CLINIC
    brand = clinic / "brand.yml"
    brand.write_text(brand.read_text() + "plan_key: old-key.json\n")
    before = brand.read_bytes()
    with pytest.raises(KeyRefused, match="plan_key"):
        make_clinic_key(clinic, keys_dir / "k.pem", project)
    assert brand.read_bytes() == before and not (keys_dir / "k.pem").exists()
    assert not (clinic / PUBLIC_KEY_FILE).exists()
