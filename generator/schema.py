"""JSON Schema of every data file, generated from the models (never written by hand), so editors
check and complete YAML while typing. `python -m generator schema` rewrites data/schema/."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .load import DATA_FILES
from .model import Brand, FiguresFile
from .output import write_if_changed


def schema_models() -> dict[str, type[BaseModel]]:
    """File stem -> model of the whole file."""
    return {**DATA_FILES, "figures": FiguresFile, "brand": Brand}


def schema_text(stem: str, model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{stem}.schema.json", **schema}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    return {f"{stem}.schema.json": schema_text(stem, model) for stem, model in schema_models().items()}


def write_schemas(folder: Path) -> list[str]:
    """Write every schema that changed; returns the names written."""
    return [name for name, text in all_schemas().items() if write_if_changed(folder / name, text)]
