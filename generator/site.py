"""Build a whole site (the guide or a clinic's copy) with MkDocs, atomically.

MkDocs runs as a subprocess, so this package never imports it; the hook in hooks/guide.py
adds the generated pages. The data is validated first, and a failed build leaves the
previous output exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .load import load_guide
from .output import staging_dir, swap_in

ROOT = Path(__file__).resolve().parent.parent


class BuildFailed(Exception):
    """MkDocs (or the PDF step inside it) failed; the message holds its output."""


def source_date_epoch(root: Path) -> dict[str, str]:
    """Dates in the output (the sitemap) come from the last commit, not the clock, so the same
    sources build the same bytes on any day. Outside git, the clock is used."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return {}
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                               timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"SOURCE_DATE_EPOCH": stamp} if stamp.isdigit() else {}


def mkdocs_command(config: Path, out: Path) -> list[str]:
    # Not --quiet: with it, MkDocs 1.6 stops counting warnings and --strict lets them pass.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)]


def build_site(out: Path, brand_file: Path | None = None, root: Path = ROOT) -> None:
    """Validate, build into a staging folder, then swap it in place of `out`."""
    load_guide(root / "data", brand_file, display_root=root)  # raises DataErrors before anything is written
    staging = staging_dir(out)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **source_date_epoch(root)}
    if brand_file is not None:
        env["GUIDE_BRAND"] = str(brand_file.resolve())
    try:
        result = subprocess.run(mkdocs_command(root / "mkdocs.yml", staging), cwd=root, env=env,
                                capture_output=True, text=True)
        # MkDocs prints an aborted build's reason on stdout; pass on both streams, minus INFO chatter.
        output = result.stdout + result.stderr
        sys.stderr.write("".join(line for line in output.splitlines(keepends=True) if not line.startswith("INFO")))
        if result.returncode != 0:
            raise BuildFailed(f"mkdocs build failed (exit {result.returncode}); {out} is unchanged")
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
