"""Build a whole site (the guide or a clinic's copy) with MkDocs, atomically.

The guide is loaded and validated once, here; everything it generates is written with the
hand-written pages into a plain docs tree with its own mkdocs.yml (the export, as Zensical gets
it), which MkDocs then builds as a subprocess with no hook (so this package never imports it).
Last come what only a deployable build has: the security policy and the service worker. A failed
build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .export import export_files
from .load import load_guide
from .offline import WORKER_FILE, worker_text
from .output import remove_leftovers, staging_dir, swap_in
from .paths import Project
from .policy import apply_policy


class BuildFailed(Exception):
    """MkDocs (or the PDF step inside it) failed; the message holds its output."""


def source_date_epoch(root: Path) -> dict[str, str]:
    """Dates in the output (the sitemap) come from the last commit, not the clock, so the same
    sources build the same bytes on any day. Outside git, the clock is used."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return {}
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"SOURCE_DATE_EPOCH": stamp} if stamp.isdigit() else {}


def mkdocs_command(config: Path, out: Path) -> list[str]:
    # Not --quiet: with it, MkDocs 1.6 stops counting warnings and --strict lets them pass.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)]


INPUTS = ("data", "docs", "overrides", "generator", "hooks", "mkdocs.yml", "requirements/runtime.lock")


def input_fingerprint(root: Path, brand_file: Path | None) -> str:
    """A hash of everything a build reads: when it is unchanged, so is the site."""
    digest = hashlib.sha256()
    paths = [(root / name, root) for name in INPUTS]
    if brand_file:
        # A clinic's folder, inside the project or anywhere else.
        paths.append((brand_file.resolve().parent, brand_file.resolve().parent.parent))
    for base, relative_to in paths:
        files = (
            [base]
            if base.is_file()
            else sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for file in files:
            digest.update(file.relative_to(relative_to).as_posix().encode())
            digest.update(b"\0" + file.read_bytes() + b"\0")
    for name in ("SITE_URL", "SOURCE_DATE_EPOCH"):
        digest.update(f"{name}={os.environ.get(name, '')}\0".encode())
    return digest.hexdigest()


def stamp_path(out: Path) -> Path:
    return out.parent / f".{out.name}.stamp"


def finish(site: Path, language: str) -> None:
    """What only a deployable build has, written once MkDocs is done: the security policy in every
    page and in `_headers`, then the service worker, whose precache list names every file of the
    finished site (so it comes last)."""
    apply_policy(site)
    (site / WORKER_FILE).write_text(worker_text(site, language), encoding="utf-8")


def build_site(project: Project, out: Path, brand_file: Path | None = None) -> bool:
    """Validate, build into a staging folder, then swap it in place of `out`.
    Returns False, having written nothing, when no input changed since the last build."""
    root = project.root
    remove_leftovers(out)
    fingerprint = input_fingerprint(root, brand_file)
    stamp = stamp_path(out)
    if out.is_dir() and stamp.is_file() and stamp.read_text() == fingerprint:
        return False
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **source_date_epoch(root)}
    # Fonts embedded in the cards PDF are stamped with this time.
    os.environ.setdefault("SOURCE_DATE_EPOCH", env.get("SOURCE_DATE_EPOCH", "0"))
    guide = load_guide(  # raises DataErrors before anything is written
        project.data, brand_file, display_root=root, site_url=os.environ.get("SITE_URL") or None
    )
    project.build.mkdir(parents=True, exist_ok=True)
    tree = Path(tempfile.mkdtemp(prefix=".site-tree-", dir=project.build))
    staging = staging_dir(out)
    try:
        files = export_files(
            guide, project, tree, worker=WORKER_FILE, warn=lambda w: print(f"WARNING: {w}", file=sys.stderr)
        )
        for relative, content in files.items():
            path = tree / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        result = subprocess.run(
            mkdocs_command(tree / "mkdocs.yml", staging), cwd=tree, env=env, capture_output=True, text=True
        )
        # MkDocs prints an aborted build's reason on stdout; pass on both streams, minus INFO chatter.
        output = result.stdout + result.stderr
        sys.stderr.write("".join(line for line in output.splitlines(keepends=True) if not line.startswith("INFO")))
        if result.returncode != 0:
            raise BuildFailed(f"mkdocs build failed (exit {result.returncode}); {out} is unchanged")
        finish(staging, guide.protocol.language)
        swap_in(staging, out)
        stamp.write_text(fingerprint)
        return True
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(tree, ignore_errors=True)
