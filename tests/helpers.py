"""Helpers for tests that change the data: copy it, edit one file, load, and read the errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.errors import DataErrors
from generator.load import load_guide

ROOT = Path(__file__).resolve().parent.parent
# The shipped protocol's folder inside data/ (tests that edit a protocol's files edit this one).
KNEE = "protocols/knee-pain-running"


def data_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest, ignore=shutil.ignore_patterns("schema"))
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` in a file (exactly `count` times, which must exist); returns the
    1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not found {count} times in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_of(path: Path, pattern: str, nth: int = 0) -> int:
    """1-based line number of the nth line matching a regex."""
    hits = [i + 1 for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()) if re.search(pattern, line)]
    return hits[nth]


def errors_of(data_dir: Path, brand: Path | None = None) -> list[str]:
    """The located error lines loading `data_dir` gives (empty when it loads)."""
    try:
        load_guide(data_dir, brand, display_root=data_dir.parent)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def knee(guide):
    """The shipped knee protocol of a loaded guide (most tests are about it)."""
    return guide.protocol("knee-pain-running")
