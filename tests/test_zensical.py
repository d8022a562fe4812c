"""The Zensical path: the exported tree (no hooks) builds with Zensical, with every promised page.
Zensical 0.1+ needs zensical-ui, which this machine's package index lacks; 0.0.73 is pinned."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from helpers import knee

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
    # Print-only and outline content stays out of the search index, in Zensical's index and in
    # MkDocs' (which test_build builds): the card stack and the flowchart's no-script outline
    # would grow with the protocol past Zensical's index limit (at 100x they did).
    items = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    assert_search_index_keeps_outlines_out([(i["location"], i.get("text", "")) for i in items], guide)


def assert_search_index_keeps_outlines_out(entries: list[tuple[str, str]], guide) -> None:
    locations = {location.split("#")[0] for location, _ in entries}
    assert {f"exercises/{e.id}/" for e in guide.exercises} <= locations
    assert "flowchart/" in locations and not any(loc.startswith("cards/") for loc in locations)
    questions = [str(node.question) for node in knee(guide).flowchart.nodes if hasattr(node, "question")]
    assert len(questions) > 5
    for location, text in entries:
        if location.startswith("flowchart/"):
            assert not [q for q in questions if q in text or html.escape(q) in text], location


def test_the_mkdocs_search_index_keeps_outlines_out(built_site, guide):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert_search_index_keeps_outlines_out([(d["location"], d["text"]) for d in index["docs"]], guide)
