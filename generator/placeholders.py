"""Numbers in prose: free text writes `{exercises.clams.reps}` and we fill in the value from the data.

That keeps every number a reader sees in one structured field, so a page, a card and the
flowchart can never disagree.
"""
from __future__ import annotations

import re
from typing import Any

from .errors import DataError
from .yamlfile import YamlFile

PLACEHOLDER = re.compile(r"\{([a-z0-9_.-]+)\}")


def format_number(value: float) -> str:
    """25.0 -> '25', 18.5 -> '18.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _numbers(mapping: Any) -> dict[str, float]:
    if not isinstance(mapping, dict):
        return {}
    return {k: v for k, v in mapping.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)}


def _by_id(items: Any) -> dict[str, dict]:
    if not isinstance(items, list):
        return {}
    return {i["id"]: i for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}


def namespace(raw: dict[str, Any]) -> dict[str, str]:
    """Every number that prose may quote, by its dotted name, already formatted."""
    names: dict[str, float] = {}
    protocol = raw.get("protocol") or {}
    if isinstance(protocol, dict):
        for k, v in _numbers(protocol.get("pain_rule")).items():
            names[f"pain.{k}"] = v
    brand = raw.get("brand") if isinstance(raw.get("brand"), dict) else {}
    overlay = brand.get("overlay") if isinstance(brand.get("overlay"), dict) else {}
    doses = overlay.get("doses") if isinstance(overlay.get("doses"), dict) else {}
    for section, list_key in (("exercises", "exercises"), ("recovery", "tools")):
        items = (raw.get(section) or {}).get(list_key) if isinstance(raw.get(section), dict) else None
        extra = overlay.get(section) if isinstance(overlay.get(section), list) else []
        for item_id, item in {**_by_id(items), **_by_id(extra)}.items():
            dose = doses.get(item_id) if isinstance(doses.get(item_id), dict) else item.get("dose")
            for k, v in {**_numbers(item), **_numbers(dose)}.items():
                names[f"{section}.{item_id}.{k}"] = v
    for k, v in _numbers(raw.get("weight")).items():
        names[f"weight.{k}"] = v
    return {k: format_number(v) for k, v in names.items()}


def _fill(value: Any, loc: tuple, names: dict[str, str], source: YamlFile, errors: list[DataError]) -> Any:
    if isinstance(value, str):
        def replace(match: re.Match) -> str:
            if match.group(1) in names:
                return names[match.group(1)]
            errors.append(source.error(loc, f"unknown number `{{{match.group(1)}}}` in text"))
            return match.group(0)
        return PLACEHOLDER.sub(replace, value)
    if isinstance(value, dict):
        return {k: _fill(v, loc + (k,), names, source, errors) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, loc + (i,), names, source, errors) for i, v in enumerate(value)]
    return value


def fill_placeholders(files: dict[str, YamlFile], errors: list[DataError]) -> dict[str, Any]:
    """Return the raw data of every file with placeholders replaced; unknown names become errors."""
    raw = {name: f.data for name, f in files.items()}
    names = namespace(raw)
    return {name: _fill(f.data, (), names, f, errors) for name, f in files.items()}
