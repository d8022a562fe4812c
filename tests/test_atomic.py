"""Atomic output: a build that fails at any stage, or is killed, leaves site/ exactly as it was;
and the same input builds the same bytes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import project_copy
from helpers import KNEE


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def generator(project: Path, *args, python: tuple[str, ...] = (), **kwargs):
    """`python [python...] -m generator args...` in `project`."""
    env = {"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(
        [sys.executable, *python, "-m", "generator", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        **kwargs,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("atomic") / "guide")
    result = generator(project, "site")
    assert result.returncode == 0, result.stderr
    return project, snapshot(project / "site")


def _fails_and_keeps_site(project: Path, before: dict, expect: str):
    result = generator(project, "site")
    assert result.returncode == 1, result.stdout + result.stderr
    assert expect in result.stderr, result.stderr
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site.new-*")), "staging folder left behind"


def _edited(path: Path, old: str, new: str):
    original = path.read_text(encoding="utf-8")
    assert old in original
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return original


def test_failure_at_validation_keeps_site(built):
    project, before = built
    path = project / "data" / KNEE / "keys.yml"
    original = _edited(path, "  - id: weight", "  - id: Weight!")
    try:
        _fails_and_keeps_site(project, before, "data/protocols/knee-pain-running/keys.yml:")
    finally:
        path.write_text(original)


def test_failure_while_rendering_keeps_site(built):
    project, before = built
    path = project / "generator" / "templates" / "pain.md.j2"
    original = _edited(path, "{{ pain.next_day }}", "{{ pain.no_such_field }}")
    try:
        _fails_and_keeps_site(project, before, "no_such_field")
    finally:
        path.write_text(original)


def test_failure_in_mkdocs_keeps_site(built):
    project, before = built
    page = project / "docs" / "broken.md"
    page.write_text("# Broken\n\nSee [the missing page](missing.md).\n")
    try:
        _fails_and_keeps_site(project, before, "missing.md")
    finally:
        page.unlink()


def test_failure_in_the_pdf_step_keeps_site(built):
    project, before = built
    path = project / "data" / KNEE / "routines.yml"
    long_text = "keep going gently and steadily, and listen to how your knee feels afterwards " * 24
    original = _edited(
        path, "    frequency: With your strength exercises, on the same days", f"    frequency: {long_text}"
    )
    try:
        _fails_and_keeps_site(project, before, "does not fit on one page")
    finally:
        path.write_text(original)


def test_killed_build_keeps_site_and_the_next_build_cleans_up(built):
    project, before = built
    env = {"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "site"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not list(project.glob(".site.new-*/*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert snapshot(project / "site") == before
    result = generator(project, "site")
    assert result.returncode == 0
    assert not list(project.glob(".site.new-*"))
    assert snapshot(project / "site") == before, "same input, same bytes"


def test_failed_write_keeps_the_export(built):
    project, _ = built
    assert generator(project, "write").returncode == 0
    export = project / "build" / "export" / "guide"
    before = snapshot(export)
    path = project / "data" / KNEE / "routines.yml"
    long_text = "keep going gently and steadily, and listen to how your knee feels afterwards " * 24
    original = _edited(
        path, "    frequency: With your strength exercises, on the same days", f"    frequency: {long_text}"
    )
    try:
        result = generator(project, "write")
        assert result.returncode == 1 and "does not fit on one page" in result.stderr
        assert snapshot(export) == before
    finally:
        path.write_text(original)


def test_two_builds_are_byte_identical(built, tmp_path):
    project, before = built
    # With no build cache at all: the data loaded, every card laid out and the tree written again.
    shutil.rmtree(project / "build" / "cache")
    assert generator(project, "site", "--out", str(tmp_path / "again")).returncode == 0
    again = snapshot(tmp_path / "again")
    assert sorted(again) == sorted(before)
    different = [name for name in before if before[name] != again[name]]
    assert different == []
    assert any(name.endswith(".pdf") for name in before)


def test_no_change_rebuild_writes_nothing(built):
    project, _before = built
    generator(project, "site")
    times = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}
    result = generator(project, "site")
    assert result.returncode == 0 and "up to date" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")} == times
    # any input change rebuilds
    page = project / "docs" / "extra.md"
    page.write_text("# Extra\n")
    try:
        result = generator(project, "site")
        assert "built" in result.stdout and (project / "site" / "extra" / "index.html").exists()
    finally:
        page.unlink()


def test_the_same_inputs_build_from_the_cached_tree_without_loading_the_data(built, tmp_path):
    """The exported tree is kept under the inputs' fingerprint: building them again (here into a new
    folder) skips the generator's own work and imports none of its heavy modules, repeats the
    first build's warnings, and gives the same bytes."""
    project, before = built
    first = generator(project, "site", "--out", str(tmp_path / "first"))
    assert first.returncode == 0 and "site_url is not set" in first.stderr
    again = generator(project, "site", "--out", str(tmp_path / "again"), python=("-X", "importtime"))
    assert again.returncode == 0, again.stderr
    imported = {line.split("|")[-1].strip() for line in again.stderr.splitlines() if line.startswith("import time:")}
    assert imported, "no import timings: the probe is broken"
    assert "generator.site" in imported
    assert not {"pydantic", "jinja2", "weasyprint", "PIL", "generator.load", "generator.model"} & imported
    assert "site_url is not set" in again.stderr
    assert snapshot(tmp_path / "again") == snapshot(tmp_path / "first") == before


def test_an_edit_builds_a_new_tree_and_the_cache_stays_bounded(built, tmp_path):
    project, _before = built
    trees = project / "build" / "cache" / "trees"
    path = project / "data" / "exercises.yml"
    original = path.read_text(encoding="utf-8")
    try:
        for n in range(3):
            path.write_text(original.replace("title: Clams", f"title: Clams {n}", 1), encoding="utf-8")
            result = generator(project, "site", "--out", str(tmp_path / "edited"))
            assert result.returncode == 0, result.stderr
            assert f"Clams {n}" in (tmp_path / "edited" / "exercises" / "clams" / "index.html").read_text()
        assert len([t for t in trees.iterdir() if not t.name.startswith(".")]) >= 4
        assert not [t for t in trees.iterdir() if t.name.startswith(".")], "a half-written tree was left"
        # A killed build's half tree goes once it is an hour old; a younger one may be in use.
        killed, young = trees / ".tree-killed", trees / ".tree-young"
        for half in (killed, young):
            (half / "docs").mkdir(parents=True)
        os.utime(killed, (time.time() - 7200, time.time() - 7200))
        path.write_text(original.replace("title: Clams", "title: Clams again", 1), encoding="utf-8")
        assert generator(project, "site", "--out", str(tmp_path / "edited")).returncode == 0
        assert not killed.exists() and young.exists()
        shutil.rmtree(young)
    finally:
        path.write_text(original, encoding="utf-8")
    from generator.site import KEEP_TREES

    assert len(list(trees.iterdir())) <= KEEP_TREES
