"""Data made to exhaust the build is refused within seconds with a located message: each class of
input runs `guide check` (and one a whole `guide site`) in a subprocess with a time limit, so a
regression fails here instead of hanging the suite."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from generator.read.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_NUMBER, MAX_STRING
from helpers import KNEE

LIMIT_S = 5.0


def _bomb(levels: int = 9) -> str:
    lines = ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# name → (file to replace or extend, how, the text, what the message says)
CASES = {
    "alias bomb": ("exercises.yml", "append", _bomb(), "aliases|anchors"),
    "merge key": (f"{KNEE}/protocol.yml", "append", "extra:\n  <<: {title: x}\n", "merge keys"),
    "deep flow nesting": (
        f"{KNEE}/keys.yml",
        "append",
        "deep: " + "[" * 200_000 + "]" * 200_000 + "\n",
        "nested more than",
    ),
    "deep block nesting": (
        "ui.yml",
        "append",
        "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "end\n",
        "nested more than",
    ),
    "number with many digits": (f"{KNEE}/routines.yml", "append", "n: " + "9" * 4000 + "\n", "too large"),
    "huge number": (f"{KNEE}/routines.yml", "append", f"n: {MAX_NUMBER * 10}\n", "larger than"),
    "infinite number": (f"{KNEE}/weight.yml", "append", "n: 1.0e+999\n", "not finite"),
    "not a number": (f"{KNEE}/weight.yml", "append", "n: .nan\n", "not finite"),
    "very long string": ("about.yml", "append", "long: " + "word " * (MAX_STRING // 2) + "\n", "characters"),
    "very large file": ("figures.yml", "pad", "", "bytes"),
    "brand alias": ("brand.yml", "append", "x: &x {a: 1}\ny: *x\n", "anchors"),
}


def _run(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(cwd), *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result, time.perf_counter() - start


@pytest.fixture
def project(tmp_path) -> Path:
    dest = tmp_path / "guide"
    shutil.copytree(ROOT / "data", dest / "data", ignore=shutil.ignore_patterns("schema"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def _write_case(project: Path, name: str) -> tuple[str, str]:
    file, how, text, expected = CASES[name]
    path = project / "data" / file
    if how == "append":
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    else:
        with path.open("a", encoding="utf-8") as out:
            out.write("# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    return f"data/{file}", expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_exhausting_input_is_refused_quickly_with_a_location(project, name):
    display, expected = _write_case(project, name)
    result, seconds = _run(["check"], project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert seconds < LIMIT_S, f"{name}: {seconds:.1f} s"
    assert "Traceback" not in output
    located = [line for line in output.splitlines() if re.match(rf"\s*{re.escape(display)}:\d+(:\d+)?: ", line)]
    assert located, output
    assert re.search(expected, " ".join(located)), output


def test_the_site_is_untouched_when_the_data_is_a_bomb(project, tmp_path):
    shutil.copytree(ROOT / "docs", project / "docs")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the previous build")
    _write_case(project, "alias bomb")
    result, seconds = _run(["site", "--out", str(out)], project)
    assert result.returncode != 0 and seconds < LIMIT_S
    assert "Traceback" not in result.stdout + result.stderr
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text() == "the previous build"


# --- every address the data or a brand can set --------------------------------------------------

REFUSED_URLS = [
    "http://clinic.example/",
    "https://user:secret@clinic.example/",
    "https://@clinic.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://clinic.example/",
    "//clinic.example/",
    "https://",
    "HTTPS://clinic.example/ x",
]


@pytest.mark.parametrize("url", REFUSED_URLS)
@pytest.mark.parametrize("field", ["site_url", "website", "booking"])
def test_brand_addresses_are_https_with_a_host_and_no_credentials(tmp_path, field, url):
    from helpers import errors_of

    brand = tmp_path / "brand.yml"
    text = (ROOT / "clinics/harbourside/brand.yml").read_text(encoding="utf-8")
    shutil.copy(ROOT / "clinics/harbourside/logo.svg", tmp_path / "logo.svg")
    shutil.copy(ROOT / "clinics/harbourside/lateral-band-walk.svg", tmp_path / "lateral-band-walk.svg")
    pattern = rf"(?m)^(\s*){field}: .*$"
    assert re.search(pattern, text), field
    brand.write_text(re.sub(pattern, lambda m: f"{m.group(1)}{field}: {url!r}".replace("'", '"'), text, count=1))
    errors = errors_of(ROOT / "data", brand)
    assert any(re.match(rf".*brand\.yml:\d+(:\d+)?: .*{field}", e) for e in errors), errors


def test_a_local_preview_may_use_http(tmp_path):
    from helpers import errors_of

    brand = tmp_path / "brand.yml"
    text = (ROOT / "data/brand.yml").read_text(encoding="utf-8")
    shutil.copy(ROOT / "data/logo.svg", tmp_path / "logo.svg")
    brand.write_text(text + "site_url: http://localhost:8000/\n")
    assert errors_of(ROOT / "data", brand) == []


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_source_addresses_are_https(tmp_path, url):
    from helpers import data_copy, errors_of

    data = data_copy(tmp_path)
    sources = data / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    first = re.search(r"(?m)^(\s*)url: (.*)$", text)
    assert first
    line = text[: first.start()].count("\n") + 1
    sources.write_text(text.replace(first.group(0), f"{first.group(1)}url: {url!r}".replace("'", '"'), 1))
    errors = errors_of(data)
    assert any(e.startswith((f"data/sources.yml:{line}:", f"data/sources.yml:{line} ")) for e in errors), errors
