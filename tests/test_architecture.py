"""The shape of the code: imports only point down the layers (ARCHITECTURE.md), no module imports
another in a cycle (imports inside functions count), the library never imports MkDocs, and no
module grows past 400 lines."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from conftest import ROOT

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
            "generator.schema",
            "generator.keys",
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
