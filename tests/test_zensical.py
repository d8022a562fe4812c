"""The Zensical path: the exported tree (no hooks) builds with Zensical, with every promised page.
Zensical 0.1+ needs zensical-ui, which this machine's package index lacks; 0.0.73 is pinned."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ZENSICAL = Path(sys.executable).parent / "zensical"


def test_exported_guide_builds_with_zensical(tmp_path, guide):
    out = tmp_path / "export"
    env = {"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1"}
    written = subprocess.run(
        [sys.executable, "-m", "generator", "write", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert written.returncode == 0, written.stderr
    built = subprocess.run([str(ZENSICAL), "build"], cwd=out, env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    site = out / "site"
    paths = ["", "cards/", "flowchart/", "see-a-clinician/"] + [f"exercises/{e.id}/" for e in guide.exercises]
    paths += [f"keys/{k.id}/" for k in guide.keys] + [f"routines/{r.id}/" for r in guide.routines]
    for path in paths:
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert "<h1" in page, path
    assert (site / "cards" / "routine-cards.pdf").read_bytes().startswith(b"%PDF")
    assert guide.brand.name in (site / "index.html").read_text(encoding="utf-8")
