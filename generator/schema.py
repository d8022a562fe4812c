"""JSON Schema of every data file, generated from the models (never written by hand), so editors
check and complete YAML while typing. `python -m generator schema` rewrites data/schema/."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .load import PROTOCOL, SHARED
from .load.translations import TranslationFile
from .model import Brand, FiguresFile, LanguageFile
from .output import write_if_changed

# A protocol's file whose stem a shared file also has, but with another shape, has a schema of its own.
PROTOCOL_SCHEMAS = {
    "red_flags": "protocol_red_flags",
    "scope": "protocol_scope",
    "hazards": "protocol_hazards",
    "ladder": "ladder_entry",
}


def protocol_schema(stem: str) -> str:
    """The schema name of a protocol folder's file, e.g. `protocol_red_flags` for red_flags.yml."""
    return PROTOCOL_SCHEMAS.get(stem, stem)


def schema_models() -> dict[str, type[BaseModel]]:
    """Schema name -> model of the whole file: the shared files, a protocol's, figures, the brand."""
    models: dict[str, type[BaseModel]] = {
        **SHARED,
        "figures": FiguresFile,
        "brand": Brand,
        "language": LanguageFile,
        "translation": TranslationFile,
    }
    models.update({protocol_schema(stem): cls for stem, cls in PROTOCOL.items()})
    return models


def schema_text(stem: str, model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{stem}.schema.json", **schema}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    return {f"{stem}.schema.json": schema_text(stem, model) for stem, model in schema_models().items()}


def write_schemas(folder: Path) -> list[str]:
    """Write every schema that changed; returns the names written."""
    return [name for name, text in all_schemas().items() if write_if_changed(folder / name, text)]
