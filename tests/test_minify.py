"""A deployed build serves the theme's scripts and style sheets minified (generator/minify.py):
every one of them, smaller, still valid, and the vendored library as it came. The browser tests
that run on the deployed build (policy, offline, flowchart) run this code."""

from __future__ import annotations

import gzip
import shutil
import subprocess

import pytest

from conftest import ROOT

ASSETS = ROOT / "overrides" / "assets"


def test_every_own_script_and_style_sheet_is_served_minified(deployed_site):
    sources = [p for p in ASSETS.rglob("*") if p.suffix in (".js", ".css") and "vendor" not in p.parts]
    assert len(sources) > 20
    source_gz = served_gz = 0
    for source in sources:
        address = source.relative_to(ROOT / "overrides").as_posix()
        served = (deployed_site / address).read_bytes()
        original = source.read_bytes()
        assert len(served) < len(original), address
        source_gz += len(gzip.compress(original, 9, mtime=0))
        served_gz += len(gzip.compress(served, 9, mtime=0))
        if source.suffix == ".js":
            assert b"/**" not in served, address  # the JSDoc is gone
    # The comments and indentation are a large share of what a phone downloads.
    assert served_gz < 0.75 * source_gz, (served_gz, source_gz)
    vendored = ASSETS / "javascripts" / "vendor" / "qrcode.mjs"
    assert (deployed_site / "assets" / "javascripts" / "vendor" / "qrcode.mjs").read_bytes() == vendored.read_bytes()


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_minified_modules_still_parse_and_export_the_same_names(deployed_site, tmp_path):
    """Each minified DOM-free core (any module in a `core/` folder, with the shared cores it imports)
    is loaded by Node and exports the same names as its source; the browser tests exercise the rest."""
    scripts = ASSETS / "javascripts"
    cores = sorted(p.relative_to(scripts).as_posix() for p in scripts.rglob("core/*.js"))
    assert len(cores) > 10
    (tmp_path / "package.json").write_text('{"type": "module"}')
    for name, folder in (("source", scripts), ("served", deployed_site / "assets" / "javascripts")):
        shutil.copytree(folder, tmp_path / name)
    script = "".join(
        f"console.log({core!r}, Object.keys(await import('./source/{core}')).sort().join(),"
        f" Object.keys(await import('./served/{core}')).sort().join());\n"
        for core in cores
    )
    (tmp_path / "check.mjs").write_text(script)
    result = subprocess.run(["node", "check.mjs"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(cores)
    for line in lines:
        _, source_names, served_names = line.split(" ")
        assert source_names == served_names and source_names, line
