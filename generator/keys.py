"""Signing keys for prescribed plans (`guide clinic-key clinics/<name>`): a clinic makes an ECDSA
P-256 key pair once. The public key goes into the clinic's folder (published with its site, so
patients' phones can verify plans); the private key goes to a file outside the repository, never
to be committed or hosted, which the clinician loads once into the plan builder on their device."""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

PUBLIC_KEY_FILE = "plan-key.jwk.json"
# A `plan_key:` line of brand.yml (at the top level, not commented out), and the file it names.
_PLAN_KEY_LINE = re.compile(r"^plan_key:[ \t]*(\S.*?)?[ \t]*$", re.M)


class KeyRefused(Exception):
    """The key pair was not written (the reason says why); nothing was changed."""


@dataclass(frozen=True)
class KeyPair:
    public_path: Path
    private_path: Path
    brand_updated: bool


def _b64url(number: int) -> str:
    return base64.urlsafe_b64encode(number.to_bytes(32, "big")).rstrip(b"=").decode("ascii")


def public_jwk(key: ec.EllipticCurvePublicKey) -> dict[str, str]:
    """The public key as a JSON Web Key, as WebCrypto imports it (x and y unpadded base64url)."""
    numbers = key.public_numbers()
    return {"kty": "EC", "crv": "P-256", "x": _b64url(numbers.x), "y": _b64url(numbers.y)}


def make_clinic_key(clinic: Path, private_out: Path, project_root: Path) -> KeyPair:
    """Write a new key pair: the public JWK into `clinic`, the private PKCS#8 PEM to `private_out`.
    Refuses to overwrite either file and to put the private key inside the project."""
    clinic, private_out, project_root = clinic.resolve(), private_out.resolve(), project_root.resolve()
    brand_file = clinic / "brand.yml"
    if not brand_file.is_file():
        raise KeyRefused(f"{clinic} has no brand.yml: give a clinic folder")
    public_path = clinic / PUBLIC_KEY_FILE
    if public_path.exists():
        raise KeyRefused(f"{public_path} exists already: a new key would make every signed plan unverifiable")
    if private_out.is_relative_to(project_root) or private_out.is_relative_to(clinic):
        raise KeyRefused(
            f"{private_out} is inside the project or the clinic folder: keep the private key outside, never commit it"
        )
    if private_out.exists():
        raise KeyRefused(f"{private_out} exists already")
    text = brand_file.read_text(encoding="utf-8")
    pointed = _PLAN_KEY_LINE.search(text)
    if pointed and (pointed.group(1) or "").strip("\"' ") != PUBLIC_KEY_FILE:
        raise KeyRefused(f"{brand_file} has a plan_key line already ({pointed.group(0)}): remove it first")
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    private_out.parent.mkdir(parents=True, exist_ok=True)
    private_out.touch(mode=0o600)
    private_out.write_bytes(pem)
    public_path.write_text(json.dumps(public_jwk(key.public_key()), indent=2) + "\n", encoding="utf-8")
    updated = pointed is None
    if updated:
        brand_file.write_text(text.rstrip("\n") + f"\nplan_key: {PUBLIC_KEY_FILE}\n", encoding="utf-8")
    return KeyPair(public_path, private_out, updated)
