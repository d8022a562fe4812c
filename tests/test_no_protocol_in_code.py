"""From data alone (issue 24): no protocol's id, body part or condition word appears in the code —
the generator, its templates, the theme overrides, the browser code and the MkDocs hook. Each
protocol declares its own words (`terms` in its protocol.yml); the fixture protocol's are checked
too. The drawing of figures is the one exception: a stick figure has knees and ankles whatever
the protocol, so the body's joints may be named there."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

CODE = [ROOT / "generator", ROOT / "overrides", ROOT / "hooks"]
SUFFIXES = {".py", ".j2", ".html", ".js", ".css", ".mjs"}
# The body a figure is drawn with: its joints are anatomy, not a protocol.
DRAWING = [
    ROOT / "generator" / "figures",
    ROOT / "generator" / "model" / "figure.py",
    ROOT / "generator" / "model" / "skeleton.py",
]


def _protocol_words() -> dict[str, list[str]]:
    folders = [*(ROOT / "data" / "protocols").iterdir(), ROOT / "tests" / "fixtures" / "protocols" / "minimal-demo"]
    words = {}
    for folder in folders:
        protocol = yaml.safe_load((folder / "protocol.yml").read_text(encoding="utf-8"))
        words[protocol["id"]] = [protocol["id"], *protocol["terms"]]
    return words


def _code_files():
    for base in CODE:
        for path in sorted(base.rglob("*")):
            if path.suffix in SUFFIXES and "vendor" not in path.parts and "__pycache__" not in path.parts:
                yield path


def test_every_protocol_declares_its_words():
    words = _protocol_words()
    assert len(words) >= 2 and all(len(w) >= 2 for w in words.values())


def test_no_code_names_a_protocol():
    found = []
    for protocol, words in _protocol_words().items():
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")", re.I)
        for path in _code_files():
            if any(path == d or d in path.parents for d in DRAWING):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {protocol}: {line.strip()[:100]}")
    assert found == []
