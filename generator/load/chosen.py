"""A copy that publishes some of the library's protocols (brand.yml `protocols:`): which ones,
and which ids of the shared files (exercises, tools) it keeps because they name them."""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel

from .. import model
from ..read.yamlfile import YamlFile


def chosen_protocols(source: YamlFile) -> list[str] | None:
    """The protocols a brand publishes (`protocols:`), or None for all (a bad list is its model's error)."""
    data = source.data if isinstance(source.data, dict) else {}
    chosen = data.get("protocols")
    return [p for p in chosen if isinstance(p, str)] if isinstance(chosen, list) else None


def published_ids(protocols: list[Any], brand: model.Brand, shared: list[Any]) -> set[str]:
    """Every id the published protocols, the shared files (the hazard log's controls) and the
    clinic's brand name anywhere (keys, routines, flowcharts, overlays): a copy that publishes
    some of the library's protocols keeps the shared exercises and tools those name, and no page
    only the others' use."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, BaseModel):
            walk(value.model_dump())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(protocols)
    walk(shared)
    walk(brand)
    return found
