"""`make serve` rebuilds only what an edit touches (generator/preview.py decides, hooks/guide.py
applies it to MkDocs' dirty build): the preview after each edit must be the same, file for file,
as a clean build of the same data, while an edit that leaves the navigation alone rewrites a few
pages, not all of them."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TEST_SITE_URL, mkdocs_build, project_copy
from generator.preview import snapshot, unchanged
from generator.render.brand import search_language

# Builds the project in the current folder as `mkdocs serve --dirty` does (the hook's state kept
# between builds in one process), once per line read from stdin, into the folder given; after each
# build prints the files written, by path, as JSON.
DIRTY_BUILDS = r"""
import json, os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

site = sys.argv[1]

def stamps():
    return {os.path.relpath(os.path.join(d, n), site): os.stat(os.path.join(d, n)).st_mtime_ns
            for d, _, names in os.walk(site) for n in names}

started = False
for _ in sys.stdin:
    before = stamps()
    config = load_config("mkdocs.yml", site_dir=site)
    if not started:
        config.plugins.on_startup(command="serve", dirty=True)
        started = True
    build(config, dirty=True)
    print(json.dumps(sorted(p for p, t in stamps().items() if before.get(p) != t)), flush=True)
"""


def test_unchanged_files_are_those_with_the_same_bytes_when_nothing_shared_changed():
    first = snapshot({"a.md": "one", "b.md": "two", "c.pdf": b"%PDF"}, {"nav": ["a.md", "b.md"]})
    edited = snapshot({"a.md": "one", "b.md": "two, edited", "c.pdf": b"%PDF"}, {"nav": ["a.md", "b.md"]})
    assert unchanged(None, first) is None
    assert unchanged(first, edited) == {"a.md", "c.pdf"}
    assert unchanged(first, first) == {"a.md", "b.md", "c.pdf"}


def test_everything_is_built_again_when_the_navigation_or_the_set_of_pages_changes():
    first = snapshot({"a.md": "one", "b.md": "two"}, {"nav": [{"A": "a.md"}, {"B": "b.md"}]})
    retitled = snapshot({"a.md": "one", "b.md": "two"}, {"nav": [{"A": "a.md"}, {"Bee": "b.md"}]})
    added = snapshot({"a.md": "one", "b.md": "two", "c.md": "three"}, {"nav": [{"A": "a.md"}, {"B": "b.md"}]})
    assert unchanged(first, retitled) is None
    assert unchanged(first, added) is None


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _assert_same_site(preview: Path, clean: Path) -> None:
    """Every file of the preview as in the clean build; the search index's entries in any order
    (a dirty build appends the pages it wrote)."""
    ours, theirs = _files(preview), _files(clean)
    assert sorted(ours) == sorted(theirs)
    index = "search/search_index.json"
    entries = [sorted(json.loads(files.pop(index))["docs"], key=json.dumps) for files in (ours, theirs)]
    assert entries[0] == entries[1]
    differ = [path for path in ours if ours[path] != theirs[path]]
    assert differ == [], f"the preview differs from a clean build in {differ[:10]}"


@pytest.mark.skipif(sys.platform == "win32", reason="reads modification times")
def test_a_preview_rebuild_writes_only_what_an_edit_touches_and_matches_a_clean_build(tmp_path):
    project = project_copy(tmp_path / "guide")
    exercises = project / "data" / "exercises.yml"
    text = exercises.read_text(encoding="utf-8")
    exercise = re.search(r"^\s*-\s*id:\s*([a-z0-9-]+)\s*$", text, re.M).group(1)
    title = re.search(r"^\s*title:\s*(.+?)\s*$", text, re.M).group(1)
    step = re.search(r"^\s*steps:\s*\n\s*-\s*(.+?)\s*$", text, re.M).group(1)
    preview = tmp_path / "preview"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": TEST_SITE_URL}
    builds = subprocess.Popen(
        [sys.executable, "-c", DIRTY_BUILDS, str(preview)],
        cwd=project,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert builds.stdin is not None and builds.stdout is not None

    def build() -> list[str]:
        builds.stdin.write("build\n")
        builds.stdin.flush()
        line = builds.stdout.readline()
        assert line, builds.stderr.read() if builds.stderr else ""
        return json.loads(line)

    try:
        first = build()
        pages = [p for p in first if p.endswith(".html")]

        # An edit to one step: the exercise's page is written again, most pages are not.
        exercises.write_text(text.replace(f"- {step}\n", f"- {step} Slowly.\n", 1), encoding="utf-8")
        written = [p for p in build() if p.endswith(".html")]
        assert f"exercises/{exercise}/index.html" in written
        assert "index.html" not in written
        assert len(written) < len(pages) / 4, written
        clean = tmp_path / "clean-step"
        result = mkdocs_build(project, clean)
        assert result.returncode == 0, result.stderr
        _assert_same_site(preview, clean)

        # An edit to its title, which every page's navigation shows: every page is written again.
        exercises.write_text(
            exercises.read_text(encoding="utf-8").replace(f"title: {title}\n", f"title: {title} again\n", 1),
            encoding="utf-8",
        )
        written = [p for p in build() if p.endswith(".html")]
        assert sorted(written) == sorted(pages)
        clean = tmp_path / "clean-title"
        result = mkdocs_build(project, clean)
        assert result.returncode == 0, result.stderr
        _assert_same_site(preview, clean)
    finally:
        builds.stdin.close()
        builds.wait(timeout=60)


def test_a_translations_preview_shows_its_own_hand_written_pages(tmp_path):
    """`make serve LANGUAGE=<code>` previews a translation with its translated hand-written pages,
    as `guide site` publishes them, not those of docs/, and searches in its language."""
    project = project_copy(tmp_path / "guide")
    translations = sorted(p.parent for p in (project / "data" / "translations").glob("*/docs"))
    assert translations, "the shipped data has a translation with hand-written pages"
    folder = translations[0]
    out = tmp_path / "site"
    result = mkdocs_build(project, out, env={"GUIDE_LANGUAGE": folder.name})
    assert result.returncode == 0, result.stderr
    pages = sorted((folder / "docs").glob("*.md"))
    assert pages
    for page in pages:
        heading = next(
            line[2:].strip() for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# ")
        )
        built = (out / page.stem / "index.html").read_text(encoding="utf-8")
        assert f">{html.escape(heading, quote=False)}</h1>" in built, f"{page.name} is not the translation's"
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [search_language(folder.name)]
