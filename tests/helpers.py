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


def add_protocol(project: Path, folder: Path, protocol_id: str) -> None:
    """Copy a protocol folder into a project copy's library as `protocol_id`, listed last in
    data/site.yml (tests/fixtures/protocols/minimal-demo builds with no code change)."""
    shutil.copytree(folder, project / "data" / "protocols" / protocol_id)
    site = project / "data" / "site.yml"
    text = site.read_text(encoding="utf-8")
    listed = re.search(r"^protocols: \[(.*)\]$", text, re.M)
    assert listed is not None, "data/site.yml lists its protocols on one line"
    site.write_text(text.replace(listed.group(0), f"protocols: [{listed.group(1)}, {protocol_id}]"), encoding="utf-8")


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


# The browser code's imports: `import … from "./x.js"` (and `export … from`), and `import("./x.js")`,
# read with comments left out (a JSDoc `import("./x.js").Type` is a type, not an import).
_JS_COMMENT = re.compile(r"/\*.*?\*/|^\s*//[^\n]*", re.S | re.M)
_JS_STATIC = re.compile(r'^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}/[^"]+)"', re.M)
_JS_DYNAMIC = re.compile(r'\bimport\(\s*"(\.{1,2}/[^"]+)"\s*\)')


def js_imports(path: Path) -> tuple[set[Path], set[Path]]:
    """The modules a browser module imports (resolved paths): at load, and when a function asks."""
    text = _JS_COMMENT.sub("", path.read_text(encoding="utf-8"))

    def resolved(found: list[str]) -> set[Path]:
        return {(path.parent / target).resolve() for target in found}

    return resolved(_JS_STATIC.findall(text)), resolved(_JS_DYNAMIC.findall(text))
