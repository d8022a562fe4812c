"""The README's performance table comes from one run of `make bench`: it is the section
bench/table.py writes from bench/results/bench.json, so a hand edit of the table (or of the
results) fails here. Run `python bench/table.py` after a bench run to write it."""

from __future__ import annotations

import importlib.util
import json
import sys

from conftest import ROOT


def _bench(name: str):
    """One of bench/'s scripts as a module (bench/ is a folder of scripts that import each other)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_table_is_the_one_bench_json_gives():
    table = _bench("table")
    report = json.loads((ROOT / "bench" / "results" / "bench.json").read_text(encoding="utf-8"))
    expected = table.section(report)
    assert table.readme_section((ROOT / "README.md").read_text(encoding="utf-8")) == expected, (
        "README.md's performance table differs from bench/results/bench.json: run `python bench/table.py`"
    )
    assert (ROOT / "bench" / "results" / "table.md").read_text(encoding="utf-8") == expected


def test_every_target_says_met_or_not_with_what_was_measured():
    table = _bench("table")
    report = json.loads((ROOT / "bench" / "results" / "bench.json").read_text(encoding="utf-8"))
    rows = table.targets(report)[2:]
    assert len(rows) == len(report["targets"]) > 0
    for row, target in zip(rows, report["targets"], strict=True):
        assert ("**met**" if target["pass"] else "**not met**" if target["pass"] is False else "not measured") in row
        assert target["detail"], target["target"]  # the measured reason


def test_page_weight_follows_the_imports_of_minified_modules(tmp_path):
    """A page's weight counts every module it loads: the shipped files are minified
    (`import{a}from"./b.js"`), which an earlier pattern missed, so pages looked lighter than they were."""
    (tmp_path / "core").mkdir()
    (tmp_path / "page.js").write_text(
        'import{a}from"./core/a.js";import"./side.js";export{b}from"../up.js";const later=()=>import("./lazy.js");',
        encoding="utf-8",
    )
    (tmp_path / "written.js").write_text(
        'import {\n  a,\n  b,\n} from "./core/a.js";\nimport * as c from "./c.js";\n// import("./lazy.js")\n',
        encoding="utf-8",
    )
    weight = _bench("weight")
    found = {p.relative_to(tmp_path.parent).as_posix() for p in weight._module_imports(tmp_path / "page.js")}
    assert found == {f"{tmp_path.name}/core/a.js", f"{tmp_path.name}/side.js", "up.js"}
    found = {p.name for p in weight._module_imports(tmp_path / "written.js")}
    assert found == {"a.js", "c.js"}


def test_a_many_clinics_run_alone_still_writes_its_section():
    """`bench/run.py --clinics N` measures no scale: the section has its heading and no tables of
    scales, rather than failing after the long run."""
    report = json.loads((ROOT / "bench" / "results" / "clinics-100.json").read_text(encoding="utf-8"))
    assert report["scales"] == {} and report["clinics"]["clinics"] == 100
    text = _bench("table").section(report)
    assert text.startswith("Measured on ") and "Page weight" not in text
