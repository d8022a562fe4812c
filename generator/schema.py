"""JSON Schema of every data file, generated from the models (never written by hand), so editors
check and complete YAML while typing. `python -m generator schema` rewrites data/schema/."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from . import models
from .figures import FiguresFile
from .load import DATA_FILES
from .output import write_if_changed

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schema"


def schema_models() -> dict[str, type[BaseModel]]:
    """File stem -> model of the whole file."""
    return {**DATA_FILES, "figures": FiguresFile, "brand": models.Brand}


def schema_text(stem: str, model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{stem}.schema.json", **schema}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    return {f"{stem}.schema.json": schema_text(stem, model) for stem, model in schema_models().items()}


def write_schemas(folder: Path = SCHEMA_DIR) -> list[str]:
    """Write every schema that changed; returns the names written."""
    return [name for name, text in all_schemas().items() if write_if_changed(folder / name, text)]
