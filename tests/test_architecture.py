"""The shape of the code: imports only point down the layers (ARCHITECTURE.md), no module imports
another in a cycle (imports inside functions count), the library never imports MkDocs, and no
module grows past 400 lines. The browser code keeps the same rules, and its DOM-free cores never
import a UI module or touch the page."""

from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from conftest import ROOT
from helpers import js_imports

# Bottom to top. A module may import modules of its own layer or of layers below it.
LAYERS = [
    (
        "base",
        [
            "generator.errors",
            "generator.paths",
            "generator.numbers",
            "generator.colours",
            "generator.output",
            "generator.urls",
        ],
    ),
    ("model", ["generator.model"]),
    ("plan", ["generator.plan", "generator.ladder"]),
    ("read", ["generator.read"]),
    ("checks", ["generator.checks"]),
    ("load", ["generator.load"]),
    ("figures", ["generator.figures"]),
    ("render", ["generator.render"]),
    ("pdf", ["generator.pdf"]),
    ("offline", ["generator.offline"]),
    ("generate", ["generator.generate"]),
    (
        "outputs",
        [
            "generator.export",
            "generator.minify",
            "generator.site",
            "generator.policy",
            "generator.languages",
            "generator.schema",
            "generator.reference",
            "generator.keys",
            "generator.shards",
            "generator.preview",
        ],
    ),
    ("cli", ["generator.cli", "generator.__main__", "generator"]),
    ("hooks", ["hooks"]),
]
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    files = sorted((ROOT / "generator").rglob("*.py")) + sorted((ROOT / "hooks").glob("*.py"))
    return {_module_name(p): p for p in files}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every project module `name` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            targets = [f"{module}.{alias.name}" for alias in node.names] + [module]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            # Importing a submodule runs its package's __init__ first: that is no edge of ours.
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def _layer(name: str) -> int:
    best = (-1, -1)
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[1]:
                best = (rank, len(prefix))
    assert best[0] >= 0, f"{name} is in no layer: add it to LAYERS and ARCHITECTURE.md"
    return best[0]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def test_imports_point_down_the_layers(graph):
    upward = [
        f"{a} ({LAYERS[_layer(a)][0]}) imports {b} ({LAYERS[_layer(b)][0]})"
        for a, targets in graph.items()
        for b in targets
        if _layer(b) > _layer(a) and not (a.startswith("generator") and b == "generator")
    ]
    assert upward == []


def test_no_import_cycle(graph):
    sorter = TopologicalSorter({a: {b for b in targets if b != "generator"} for a, targets in graph.items()})
    try:
        sorter.prepare()
    except CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_the_library_never_imports_mkdocs():
    for path in (ROOT / "generator").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level]
        assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), path


def test_no_module_is_longer_than_the_limit():
    files = [*(ROOT / "generator").rglob("*.py"), *(ROOT / "hooks").glob("*.py"), *(ROOT / "bench").glob("*.py")]
    long = {
        str(p.relative_to(ROOT)): n for p in files if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_direction_test_catches_an_upward_import(tmp_path):
    """The checker itself: a model module importing the renderer (inside a function) is found."""
    fake = tmp_path / "generator" / "model" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..render import cards\n    return cards\n", encoding="utf-8")
    known = set(_modules()) | {"generator.model.bad"}
    found = _imports("generator.model.bad", fake, known)
    assert "generator.render.cards" in found
    assert _layer("generator.render.cards") > _layer("generator.model.bad")


# --- the browser code (overrides/assets/javascripts/) -----------------------------------------
#
# Grouped by feature (app, shared, flowchart, player, log, plans, ladder, bmi, cards), as Material
# groups its own. A DOM-free core is any module in a `core/` folder: it imports only other cores
# and never touches the page, so `node --test` runs it; the thin UI modules beside it wire it to the
# page. vendor/ is code we did not write.

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
# What a DOM-free core never uses: the page, the browser window, or the browser's storage.
DOM_GLOBALS = ("document", "window", "navigator", "location", "localStorage", "sessionStorage", "indexedDB")
_STRINGS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`')


def _browser_modules() -> dict[str, Path]:
    return {
        p.relative_to(SCRIPTS).as_posix(): p
        for p in sorted(SCRIPTS.rglob("*"))
        if p.suffix in (".js", ".mjs") and "vendor" not in p.relative_to(SCRIPTS).parts
    }


def _is_core(name: str) -> bool:
    return "core" in name.split("/")[:-1]


def _browser_graph(dynamic: bool) -> dict[str, set[str]]:
    graph = {}
    for name, path in _browser_modules().items():
        static, lazy = js_imports(path)
        found = static | lazy if dynamic else static
        graph[name] = {p.relative_to(SCRIPTS.resolve()).as_posix() for p in found}
    return graph


def _dom_uses(text: str) -> list[str]:
    """The DOM globals a module's code uses (comments and strings left out), save names it declares."""
    code = _STRINGS.sub('""', re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S))
    uses = []
    for name in DOM_GLOBALS:
        declared = re.search(rf"\b(?:const|let|var|function)\s+{name}\b|\([^)]*\b{name}\b[^)]*\)\s*(?:=>|\{{)", code)
        if not declared and re.search(rf"(?<![\w$.]){name}\b", code):
            uses.append(name)
    return uses


def test_no_browser_module_is_longer_than_the_limit():
    long = {
        name: n
        for name, path in _browser_modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_browser_module_lives_in_a_feature_folder():
    loose = [name for name in _browser_modules() if "/" not in name]
    assert loose == []


def test_a_dom_free_core_imports_only_cores():
    wrong = [
        f"{name} imports {target}"
        for name, targets in _browser_graph(dynamic=True).items()
        if _is_core(name)
        for target in targets
        if not _is_core(target)
    ]
    assert wrong == []


def test_a_dom_free_core_never_touches_the_page():
    found = {
        name: uses
        for name, path in _browser_modules().items()
        if _is_core(name) and (uses := _dom_uses(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_no_browser_import_cycle():
    sorter = TopologicalSorter(_browser_graph(dynamic=True))
    try:
        sorter.prepare()
    except CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_every_browser_module_is_loaded_by_a_page_or_imported():
    from generator.render.pages import PAGE_ASSETS

    entries = {"app/app.js"} | {
        name for assets in PAGE_ASSETS.values() for kind in ("scripts", "modules") for name in assets.get(kind, [])
    }
    imported = {target for targets in _browser_graph(dynamic=True).values() for target in targets}
    orphans = sorted(set(_browser_modules()) - entries - imported)
    assert orphans == [], "modules nothing loads (dead code)"
    assert all((SCRIPTS / name).is_file() for name in entries)


# Helpers the browser code shares, each written once: where each lives, and how a copy is spotted.
SHARED_ONCE = {
    "the local day": ("shared/core/days.js", re.compile(r"getMonth\(\)\s*\+\s*1")),
    "an own-property check": ("shared/core/own.js", re.compile(r"hasOwnProperty\.call|Object\.hasOwn\(")),
    "saving a file": ("shared/download.js", re.compile(r"URL\.createObjectURL")),
    "the dose shapes' fields": ("plans/core/plan.js", re.compile(r"\bFIELDS\s*=")),
    "the exercise step kinds": ("player/core/session.js", re.compile(r'\[\s*"reps",\s*"hold",\s*"timer"\s*\]')),
    "fetching page data once": ("shared/fetch-once.js", re.compile(r"fetched\.(get|set)\(")),
    # Every name kept on the device starts with the data's prefix (data/site.yml `storage`).
    "the storage places' names": ("shared/core/places.js", re.compile(r"`\$\{prefix\}[^`]*\$\{scope\}")),
}


@pytest.mark.parametrize("what", sorted(SHARED_ONCE))
def test_a_shared_helper_is_written_once(what):
    home, pattern = SHARED_ONCE[what]
    where = {name for name, path in _browser_modules().items() if pattern.search(path.read_text(encoding="utf-8"))}
    assert where == {home}


def test_the_core_checker_catches_the_page_but_not_a_parameter_of_that_name():
    assert _dom_uses("export const x = () => document.title;") == ["document"]
    assert _dom_uses("/** uses document */ const s = 'window'; export const n = 1;") == []
    assert _dom_uses("export function f(a, window) { return window.weeks; }") == []
