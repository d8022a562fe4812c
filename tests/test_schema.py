"""Editor support: the committed JSON Schemas are the ones the models generate, every data file
points at its schema, and the shipped files pass them."""

from __future__ import annotations

import datetime
import json

import jsonschema
import yaml

from conftest import ROOT
from generator.load import PROTOCOL, SHARED
from generator.schema import all_schemas, protocol_schema

SCHEMA_DIR = ROOT / "data" / "schema"


def test_committed_schemas_are_up_to_date():
    expected = all_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    stale = [name for name in expected if committed.get(name) != expected[name]]
    assert not stale, f"run `python -m generator schema`: out of date: {stale}"
    assert set(committed) == set(expected)


def _data_files():
    """(path, schema name) of every shipped data file: the shared ones and each protocol's."""
    files = [(ROOT / "data" / f"{stem}.yml", stem) for stem in (*SHARED, "figures")]
    for folder in sorted((ROOT / "data" / "protocols").iterdir()):
        files += [
            (folder / f"{stem}.yml", protocol_schema(stem)) for stem in PROTOCOL if (folder / f"{stem}.yml").is_file()
        ]
    return files


def test_every_data_file_names_its_schema():
    for path, schema in _data_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        up = "../../" if path.parent.name != "data" else ""
        assert first == f"# yaml-language-server: $schema={up}schema/{schema}.schema.json", path
    for brand in (ROOT / "clinics").glob("*/brand.yml"):
        first = brand.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../data/schema/brand.schema.json", brand


def _as_json(value):
    """YAML as an editor's checker sees it: dates are text (YAML 1.2, as in JSON)."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_shipped_files_pass_their_schemas():
    files = [*_data_files(), (ROOT / "data" / "brand.yml", "brand")]
    files += [(b, "brand") for b in (ROOT / "clinics").glob("*/brand.yml")]
    for path, stem in files:
        schema = json.loads((SCHEMA_DIR / f"{stem}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(_as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), schema)


def test_schema_catches_a_typo_an_editor_would_make():
    schema = json.loads((SCHEMA_DIR / "exercises.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
    data["exercises"][0]["dose"]["sest"] = data["exercises"][0]["dose"].pop("sets")
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors, "an unknown key must be flagged in the editor"
