"""Fuzzing: random mutations of the shipped data either load or give located errors; the loader
never crashes with anything else and never writes a file."""

from __future__ import annotations

import copy
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.errors import DataErrors
from generator.load import PROTOCOL, SHARED, load_guide
from helpers import KNEE

# Every data file by its path inside data/: the shared files, the brand, and the shipped protocol's.
STEMS = [*SHARED, "brand", *(f"{KNEE}/{stem}" for stem in PROTOCOL)]
ORIGINAL = {stem: yaml.safe_load((ROOT / "data" / f"{stem}.yml").read_text(encoding="utf-8")) for stem in STEMS}
LOCATED = re.compile(r"^data/([a-z0-9-]+/)*[a-z_]+\.yml:\d+(:\d+)?: ")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["clams", "weight", "", "-1", "{pain.ok_max}", "{nope}", "<script>x</script>", "#zzzzzz", "A4"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


def _mutate(data, path, action, value):
    if not path:
        return value if action == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    elif action == "rename" and isinstance(parent, dict):
        parent[str(last) + "x"] = parent.pop(last)
    return data


@st.composite
def mutations(draw):
    stem = draw(st.sampled_from(STEMS))
    data = copy.deepcopy(ORIGINAL[stem])
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["delete", "replace", "duplicate", "rename"]))
        data = _mutate(data, path, action, draw(values))
        edits.append((path, action))
    return stem, data, edits


def _load(data_dir: Path) -> list[str]:
    try:
        load_guide(data_dir, display_root=data_dir.parent)
        return []
    except DataErrors as exc:
        return [str(e) for e in exc.errors]


def _check(data_dir: Path):
    before = sorted(p.relative_to(data_dir.parent) for p in data_dir.parent.rglob("*"))
    errors = _load(data_dir)  # any exception but DataErrors fails the test
    for error in errors:
        assert LOCATED.match(error), error
    assert sorted(p.relative_to(data_dir.parent) for p in data_dir.parent.rglob("*")) == before, (
        "the loader wrote a file"
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_structural_mutations_load_or_report_located_errors(mutation):
    stem, data, _ = mutation
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns("schema"))
        (data_dir / f"{stem}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        _check(data_dir)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(STEMS), st.integers(0, 10**6), st.text(min_size=1, max_size=6))
def test_text_mutations_load_or_report_located_errors(stem, position, inserted):
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns("schema"))
        path = data_dir / f"{stem}.yml"
        text = path.read_text(encoding="utf-8")
        at = position % (len(text) + 1)
        path.write_text(text[:at] + inserted + text[at:], encoding="utf-8")
        _check(data_dir)
