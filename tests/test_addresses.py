"""Addresses stay (issue 24): every address the guide had when it held one protocol still opens in
the library's build, because printed QR codes and plan links on patients' phones cannot change.
The list is a fixture (tests/data/addresses.txt) that only ever grows."""

from __future__ import annotations

from conftest import ROOT


def _addresses() -> list[str]:
    lines = (ROOT / "tests" / "data" / "addresses.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_every_address_of_the_one_protocol_guide_still_opens(deployed_site):
    missing = []
    for address in _addresses():
        path = deployed_site / address.lstrip("/")
        if address.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            missing.append(address)
    assert len(_addresses()) >= 38
    assert missing == []
