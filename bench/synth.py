"""Synthetic protocols for the benchmark: the shipped one scaled k times, valid and cross-referenced.

    python bench/synth.py K DEST      # writes a project copy at scale K into DEST

At k = 1 the project copy holds the shipped data unchanged. At k > 1 every exercise, stretch,
recovery tool and routine is repeated k times (copy c of `clams` is `clams-c`, titled
"Clams (c)", with the same prose), so the pages look like real ones:

- keys stay five; each key lists the copies of its own exercises and tools;
- each routine copy names the copies of its items and moves on to the copy of its next routine;
- prose that quotes a number of an item (`{recovery.ice.minutes_on}`) quotes the copy's own;
- the flowchart keeps the three red-flag screen questions and their outcomes, then chains k blocks
  of the five plan questions (each block's answers add that block's items); the last question of a
  block goes to the next block's first question ("Yes"), skips into the next block's third ("No"),
  or ends in the plan ("I don't know"), so paths branch and merge: 12 + 5 (k - 1) nodes;
- figures (data/figures.yml, when it exists) are copied from the original exercise's figure.

The project copy holds what a build reads: mkdocs.yml, hooks/, generator/, overrides/, docs/,
data/ and an empty clinics/ (mkdocs.yml watches it).
"""

from __future__ import annotations

import copy
import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "generator", "overrides", "docs", "data")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def copy_project(dest: Path, src: Path = REPO) -> Path:
    """A fresh copy of what a build needs, in `dest` (removed first if it exists)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        path = src / part
        if path.is_dir():
            shutil.copytree(path, dest / part, ignore=IGNORE)
        elif path.exists():
            shutil.copy2(path, dest / part)
    (dest / "clinics").mkdir(exist_ok=True)
    (dest / "docs").mkdir(exist_ok=True)
    return dest


def _read(path: Path) -> tuple[str, dict]:
    """(leading comment lines, parsed data): the comments keep the schema reference."""
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        header.append(line)
    return "".join(header), yaml.safe_load(text)


def _write(path: Path, header: str, data: dict) -> None:
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096)
    path.write_text(header + body, encoding="utf-8")


def _sid(item_id: str, c: int) -> str:
    return item_id if c == 1 else f"{item_id}-{c}"


def _stitle(title: str, c: int) -> str:
    return title if c == 1 else f"{title} ({c})"


def _retarget(value, c: int, ids: set[str]):
    """Placeholders of copied items point at copy c (`{recovery.ice.x}` -> `{recovery.ice-c.x}`)."""
    if c == 1:
        return value
    if isinstance(value, str):
        return re.sub(
            r"\{(exercises|recovery)\.([a-z0-9-]+)\.",
            lambda m: f"{{{m.group(1)}.{_sid(m.group(2), c) if m.group(2) in ids else m.group(2)}.",
            value,
        )
    if isinstance(value, list):
        return [_retarget(v, c, ids) for v in value]
    if isinstance(value, dict):
        return {k: _retarget(v, c, ids) for k, v in value.items()}
    return value


def _copy_item(item: dict, c: int, ids: set[str]) -> dict:
    new = _retarget(copy.deepcopy(item), c, ids)
    new["id"] = _sid(item["id"], c)
    if "title" in new:
        new["title"] = _stitle(new["title"], c)
    return new


def _adds(adds: dict | None, c: int, ids: dict[str, set[str]]) -> dict | None:
    """A flowchart `adds`/`recommends`, pointing at copy c (keys stay the shipped five; advice is
    text; the ladder's stages are the one ladder's)."""
    if not adds:
        return adds
    return {
        part: (list(values) if part in SHARED_PARTS else [_sid(v, c) for v in values if v in ids[part]])
        for part, values in adds.items()
    }


SHARED_PARTS = ("keys", "advice", "ladder")


def _flowchart(chart: dict, k: int, ids: dict[str, set[str]], item_ids: set[str]) -> dict:
    nodes = chart["nodes"]
    screen = [n for n in nodes if n.get("stage") == "screen"]
    plan = [n for n in nodes if n.get("stage") == "plan"]
    outcomes = [n for n in nodes if n["type"] == "outcome"]
    plan_ids = {n["id"] for n in plan}
    first, last = plan[0]["id"], plan[-1]["id"]
    # The third question of a block (the shipped `hip-control`): where "No" skips to.
    skip = plan[min(2, len(plan) - 1)]["id"]
    final = next(a["next"] for a in plan[-1]["answers"] if a["next"] not in plan_ids)

    blocks: list[dict] = []
    for c in range(1, k + 1):
        for node in plan:
            new = _retarget(copy.deepcopy(node), c, item_ids)
            new["id"] = _sid(node["id"], c)
            if c > 1:
                new["question"] = f"{new['question']} ({c})"
            for answer in new.get("answers", []):
                if answer["next"] in plan_ids:
                    answer["next"] = _sid(answer["next"], c)
                if "adds" in answer:
                    answer["adds"] = _adds(answer["adds"], c, ids)
            for option in new.get("options", []):
                if "adds" in option:
                    option["adds"] = _adds(option["adds"], c, ids)
            if new.get("next") in plan_ids:
                new["next"] = _sid(new["next"], c)
            if node["id"] == last and c < k:
                # Chain into block c + 1: "Yes" to its start, "No" into its middle, the rest end the plan.
                answers = new["answers"]
                answers[0]["next"] = _sid(first, c + 1)
                answers[1]["next"] = _sid(skip, c + 1)
                for answer in answers[2:]:
                    answer["next"] = final
            blocks.append(new)
    # The screen leads to the first block as before (ids of block 1 are the shipped ones).
    return {**chart, "nodes": [*screen, *blocks, *outcomes]}


def _figures(path: Path, k: int, exercise_ids: list[str]) -> None:
    if not path.exists():
        return
    header, data = _read(path)
    figures = data.get("figures")
    if isinstance(figures, dict):
        for c in range(2, k + 1):
            for item_id in exercise_ids:
                if item_id in figures:
                    figures[_sid(item_id, c)] = copy.deepcopy(figures[item_id])
    elif isinstance(figures, list):
        originals = [f for f in figures if isinstance(f, dict) and f.get("id") in exercise_ids]
        for c in range(2, k + 1):
            for fig in originals:
                new = copy.deepcopy(fig)
                new["id"] = _sid(fig["id"], c)
                figures.append(new)
    _write(path, header, data)


def scale_data(data_dir: Path, k: int) -> dict[str, int]:
    """Rewrite the data in `data_dir` at scale k; returns the counts of what it holds."""
    files = {
        stem: _read(data_dir / f"{stem}.yml") for stem in ("keys", "exercises", "recovery", "routines", "flowchart")
    }
    exercises = files["exercises"][1]["exercises"]
    tools = files["recovery"][1]["tools"]
    routines = files["routines"][1]["routines"]
    item_ids = {e["id"] for e in exercises} | {t["id"] for t in tools}
    ids = {
        "exercises": {e["id"] for e in exercises},
        "recovery": {t["id"] for t in tools},
        "routines": {r["id"] for r in routines},
    }

    if k > 1:
        files["exercises"][1]["exercises"] = [_copy_item(e, c, item_ids) for c in range(1, k + 1) for e in exercises]
        files["recovery"][1]["tools"] = [_copy_item(t, c, item_ids) for c in range(1, k + 1) for t in tools]
        new_routines = []
        for c in range(1, k + 1):
            for routine in routines:
                new = _copy_item(routine, c, item_ids)
                for entry in new["items"]:
                    entry["item"] = _sid(entry["item"], c)
                if new["move_on"].get("next"):
                    new["move_on"]["next"] = _sid(new["move_on"]["next"], c)
                new_routines.append(new)
        files["routines"][1]["routines"] = new_routines
        for key in files["keys"][1]["keys"]:
            key["exercises"] = [_sid(e, c) for c in range(1, k + 1) for e in key.get("exercises", [])]
            key["recovery"] = [_sid(t, c) for c in range(1, k + 1) for t in key.get("recovery", [])]
        files["flowchart"] = (files["flowchart"][0], _flowchart(files["flowchart"][1], k, ids, item_ids))
        for stem, (header, data) in files.items():
            _write(data_dir / f"{stem}.yml", header, data)
        _figures(data_dir / "figures.yml", k, [e["id"] for e in exercises])

    return {
        "exercises": len(files["exercises"][1]["exercises"]),
        "recovery": len(files["recovery"][1]["tools"]),
        "routines": len(files["routines"][1]["routines"]),
        "keys": len(files["keys"][1]["keys"]),
        "flowchart_nodes": len(files["flowchart"][1]["nodes"]),
    }


def make_project(dest: Path, k: int, src: Path = REPO) -> dict[str, int]:
    """A project copy in `dest` holding the protocol at scale k; returns its counts."""
    copy_project(dest, src)
    return scale_data(dest / "data", k)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    print(make_project(Path(sys.argv[2]), int(sys.argv[1])))
