"""Synthetic libraries for the benchmark: the shipped library scaled k times, valid, cross-referenced
and translated.

    python bench/synth.py K DEST [--languages 1|2]   # writes a project copy at scale K into DEST

At k = 1 the project copy holds the shipped data unchanged. At k > 1 every exercise, stretch and
recovery tool (shared by the protocols), and every protocol's routines, are repeated k times (copy
c of `clams` is `clams-c`, titled "Clams (c)", with the same prose), so the pages look like real
ones; every protocol of the library grows, not only the first:

- each protocol keeps its keys; each key lists the copies of its own exercises and tools;
- each routine copy names the copies of its items and moves on to the copy of its next routine;
- prose that quotes a number of an item (`{recovery.ice.minutes_on}`) quotes the copy's own;
- each protocol's flowchart keeps its warning-sign screen and outcomes, then chains k blocks of
  its plan questions (each block's answers add that block's items); every question of a block that
  ends in the plan gets two more answers, into the next block's first question and into its
  middle, so paths branch and merge, and every patient story (which answers by label) still ends
  where it should;
- figures are copied from the original exercise's figure;
- each translation (data/translations/<code>/) gets the words of every copy: the original's
  translation with the same change the English got (placeholders pointing at the copy, the
  " (c)" of a title), fingerprinted with the copy's English, so a copy is as translated as its
  original; the answers that chain the blocks are translated too.

`--languages 1` removes the translations (a one-language build of the same library), for the
bench's "two languages against one" ratio.

The project copy holds what a build reads: mkdocs.yml, hooks/, generator/, overrides/, docs/,
data/, requirements/runtime.lock and an empty clinics/ (mkdocs.yml watches it).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "generator", "overrides", "docs", "data", "requirements/runtime.lock")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")
# The words of the answers that chain one block of plan questions into the next, per language.
CHAIN_WORDS = {
    "en": ("Tell me more ({c})", "Skip ahead ({c})"),
    "es": ("Quiero saber más ({c})", "Pasar adelante ({c})"),
}


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
            (dest / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / part)
    (dest / "clinics").mkdir(exist_ok=True)
    (dest / "docs").mkdir(exist_ok=True)
    return dest


def _read(path: Path) -> tuple[str, Any]:
    """(leading comment lines, parsed data): the comments keep the schema reference."""
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        header.append(line)
    return "".join(header), yaml.safe_load(text)


def _write(path: Path, header: str, data: Any) -> None:
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096)
    path.write_text(header + body, encoding="utf-8")


def fingerprint(english: str) -> str:
    """As generator/read/translation.py: the first 8 hex digits of the SHA-256 of the English."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:8]


def _sid(item_id: str, c: int) -> str:
    return item_id if c == 1 else f"{item_id}-{c}"


def _stitle(title: str, c: int) -> str:
    return title if c == 1 else f"{title} ({c})"


def _retarget(value: Any, c: int, ids: set[str]) -> Any:
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
    """A flowchart `adds`/`recommends`, pointing at copy c (keys, advice and the ladder's stages
    are the protocol's own, whatever the block)."""
    if not adds:
        return adds
    return {
        part: ([_sid(v, c) for v in values if v in ids[part]] if part in ids else copy.deepcopy(values))
        for part, values in adds.items()
    }


def _flowchart(chart: dict, k: int, ids: dict[str, set[str]], item_ids: set[str]) -> tuple[dict, dict[str, int]]:
    """The chart at scale k, and for each question given chaining answers, the index of the first."""
    nodes = chart["nodes"]
    screen = [n for n in nodes if n.get("stage") == "screen"]
    plan = [n for n in nodes if n.get("stage") == "plan"]
    rest = [n for n in nodes if n.get("stage") not in ("screen", "plan")]
    plan_ids = {n["id"] for n in plan}
    first = plan[0]["id"]
    skip = plan[min(2, len(plan) - 1)]["id"]  # a question in the middle of the block
    more, ahead = CHAIN_WORDS["en"]
    chained: dict[str, int] = {}
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
            answers = new.get("answers") or []
            if c < k and any(
                a["next"] not in plan_ids and a["next"] not in {_sid(p, c) for p in plan_ids} for a in answers
            ):
                # Into block c + 1: its start, or its middle (the rest of the answers end the plan).
                chained[new["id"]] = len(answers)
                answers += [
                    {"label": more.format(c=c + 1), "next": _sid(first, c + 1)},
                    {"label": ahead.format(c=c + 1), "next": _sid(skip, c + 1)},
                ]
            blocks.append(new)
    return {**chart, "nodes": [*screen, *blocks, *rest]}, chained


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
    _write(path, header, data)


# --- translations -------------------------------------------------------------------------------


def _strings(value: Any, path: tuple[str, ...] = ()) -> dict[str, str]:
    """Every string of a data file by its word path, addressed as generator/read/translation.py
    addresses words: list elements with an `id` by it, others by position; mapping keys as written."""
    out: dict[str, str] = {}
    if isinstance(value, str):
        out[".".join(path)] = value.strip()
    elif isinstance(value, list):
        for i, element in enumerate(value):
            key = element["id"] if isinstance(element, dict) and isinstance(element.get("id"), str) else str(i)
            out.update(_strings(element, (*path, key)))
    elif isinstance(value, dict):
        for key, element in value.items():
            out.update(_strings(element, (*path, str(key))))
    return out


def _translate_copies(
    before: Any, after: Any, entries: dict, copies: dict[str, tuple[str, int]], item_ids: set[str]
) -> dict:
    """The translation `entries` of a file whose data went from `before` to `after`: every word of
    a copy translated as its original is, with the change its English got."""
    english_before, english_after = _strings(before), _strings(after)
    out = dict(entries)
    for path, english in english_after.items():
        if path in english_before:
            continue
        parts = path.split(".")
        cs = [copies[p][1] for p in parts if p in copies]
        if not cs:
            continue
        c = cs[0]
        origin = ".".join(copies[p][0] if p in copies else p for p in parts)
        entry, was = entries.get(origin), english_before.get(origin)
        if not isinstance(entry, dict) or entry.get("text") is None or was is None:
            continue
        if entry.get("from") != fingerprint(was):
            continue  # out of date in the original too: leave the copy untranslated
        text = _retarget(entry["text"], c, item_ids)
        if english == _stitle(_retarget(was, c, item_ids), c) and english != _retarget(was, c, item_ids):
            text = _stitle(text, c)
        out[path] = {"from": fingerprint(english), "text": text}
    return out


# --- the library --------------------------------------------------------------------------------


def scale_data(data_dir: Path, k: int, languages: int = 2) -> dict[str, Any]:
    """Rewrite the library in `data_dir` at scale k (every protocol, every translation); returns
    the counts of what it holds."""
    translations = data_dir / "translations"
    if languages < 2:
        shutil.rmtree(translations, ignore_errors=True)
    codes = sorted(p.parent.name for p in translations.glob("*/language.yml")) if translations.is_dir() else []
    site = yaml.safe_load((data_dir / "site.yml").read_text(encoding="utf-8"))
    protocols = list(site["protocols"])

    files: dict[str, tuple[str, Any]] = {
        stem: _read(data_dir / f"{stem}.yml") for stem in ("exercises", "recovery", "figures")
    }
    for pid in protocols:
        for stem in ("keys", "routines", "flowchart"):
            files[f"protocols/{pid}/{stem}"] = _read(data_dir / "protocols" / pid / f"{stem}.yml")
    originals = {name: copy.deepcopy(data) for name, (_, data) in files.items()}

    exercises = files["exercises"][1]["exercises"]
    tools = files["recovery"][1]["tools"]
    item_ids = {e["id"] for e in exercises} | {t["id"] for t in tools}
    routine_ids = {r["id"] for pid in protocols for r in files[f"protocols/{pid}/routines"][1]["routines"]}
    node_ids = {n["id"] for pid in protocols for n in files[f"protocols/{pid}/flowchart"][1]["nodes"]}
    ids = {
        "exercises": {e["id"] for e in exercises},
        "recovery": {t["id"] for t in tools},
        "routines": routine_ids,
    }
    copies = {_sid(i, c): (i, c) for c in range(2, k + 1) for i in item_ids | routine_ids | node_ids}
    chained: dict[str, dict[str, int]] = {}

    if k > 1:
        files["exercises"][1]["exercises"] = [_copy_item(e, c, item_ids) for c in range(1, k + 1) for e in exercises]
        files["recovery"][1]["tools"] = [_copy_item(t, c, item_ids) for c in range(1, k + 1) for t in tools]
        for pid in protocols:
            routines = files[f"protocols/{pid}/routines"][1]["routines"]
            new_routines = []
            for c in range(1, k + 1):
                for routine in routines:
                    new = _copy_item(routine, c, item_ids)
                    for entry in new["items"]:
                        entry["item"] = _sid(entry["item"], c)
                    if new["move_on"].get("next"):
                        new["move_on"]["next"] = _sid(new["move_on"]["next"], c)
                    new_routines.append(new)
            files[f"protocols/{pid}/routines"][1]["routines"] = new_routines
            for key in files[f"protocols/{pid}/keys"][1]["keys"]:
                key["exercises"] = [_sid(e, c) for c in range(1, k + 1) for e in key.get("exercises") or []]
                key["recovery"] = [_sid(t, c) for c in range(1, k + 1) for t in key.get("recovery") or []]
            header, chart = files[f"protocols/{pid}/flowchart"]
            chart, chained[pid] = _flowchart(chart, k, ids, item_ids)
            files[f"protocols/{pid}/flowchart"] = (header, chart)
        for name, (header, data) in files.items():
            if name != "figures":
                _write(data_dir / f"{name}.yml", header, data)
        _figures(data_dir / "figures.yml", k, [e["id"] for e in exercises])
        files["figures"] = _read(data_dir / "figures.yml")
        for code in codes:
            _scale_translation(data_dir, code, k, files, originals, copies, item_ids, chained)

    flowchart_nodes = {pid: len(files[f"protocols/{pid}/flowchart"][1]["nodes"]) for pid in protocols}
    return {
        "protocols": len(protocols),
        "languages": 1 + len(codes),
        "exercises": len(files["exercises"][1]["exercises"]),
        "recovery": len(files["recovery"][1]["tools"]),
        "routines": sum(len(files[f"protocols/{p}/routines"][1]["routines"]) for p in protocols),
        "keys": sum(len(files[f"protocols/{p}/keys"][1]["keys"]) for p in protocols),
        "flowchart_nodes": sum(flowchart_nodes.values()),
        "flowchart_nodes_by_protocol": flowchart_nodes,
    }


def _scale_translation(
    data_dir: Path,
    code: str,
    k: int,
    files: dict[str, tuple[str, Any]],
    originals: dict[str, Any],
    copies: dict[str, tuple[str, int]],
    item_ids: set[str],
    chained: dict[str, dict[str, int]],
) -> None:
    more, ahead = CHAIN_WORDS.get(code, CHAIN_WORDS["en"])
    for name, (_, data) in files.items():
        path = data_dir / "translations" / code / f"{name}.yml"
        header, entries = _read(path) if path.is_file() else ("", {})
        entries = _translate_copies(originals[name], data, entries or {}, copies, item_ids)
        if name == "figures":
            # A figure's description is written from its poses (not in the file), and a copy's
            # poses are its original's: the same English, so the same translation.
            for key, entry in list(entries.items()):
                figure, _, rest = key.removeprefix("figures.").partition(".")
                item, _, variant = figure.partition("--")
                if key.startswith("figures.") and item in item_ids:
                    for c in range(2, k + 1):
                        copied = _sid(item, c) + (f"--{variant}" if variant else "")
                        entries[f"figures.{copied}.{rest}"] = dict(entry)
        pid = name.split("/")[1] if name.startswith("protocols/") else None
        if pid and name.endswith("/flowchart"):
            english = _strings(data)
            for node_id, index in chained[pid].items():
                c = (copies[node_id][1] if node_id in copies else 1) + 1
                for i, words in ((index, more), (index + 1, ahead)):
                    key = f"nodes.{node_id}.answers.{i}.label"
                    entries[key] = {"from": fingerprint(english[key]), "text": words.format(c=c)}
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, header, entries)


def make_project(dest: Path, k: int, src: Path = REPO, languages: int = 2) -> dict[str, Any]:
    """A project copy in `dest` holding the library at scale k; returns its counts."""
    copy_project(dest, src)
    return scale_data(dest / "data", k, languages)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("k", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--languages", type=int, default=2, choices=(1, 2))
    args = parser.parse_args()
    print(make_project(args.dest, args.k, languages=args.languages))
