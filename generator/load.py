"""Load the protocol: parse every file, validate types, fill numbers, check references.

All problems from all files are gathered and raised together as DataErrors.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import crossref, models
from .errors import DataError, DataErrors, field_path
from .overlay import apply_overlay, check_brand, check_overlay
from .placeholders import fill_placeholders
from .yamlfile import YamlFile, read_yaml

# file stem -> model of the whole file
DATA_FILES: dict[str, type[BaseModel]] = {
    "protocol": models.Protocol,
    "keys": models.KeysFile,
    "exercises": models.ExercisesFile,
    "recovery": models.RecoveryFile,
    "weight": models.WeightFile,
    "red_flags": models.RedFlagsFile,
    "routines": models.RoutinesFile,
    "flowchart": models.FlowchartFile,
}


@dataclass(frozen=True)
class Guide:
    """The whole validated protocol plus the brand that publishes it."""

    protocol: models.Protocol
    keys: list[models.Key]
    exercises: list[models.Exercise]
    recovery: list[models.RecoveryTool]
    weight: models.WeightFile
    red_flags: models.RedFlagsFile
    routines: list[models.Routine]
    flowchart: models.FlowchartFile
    brand: models.Brand
    # Parsed files with their line maps, so later steps (the PDF layout) can locate problems too.
    sources: dict[str, YamlFile] = field(default_factory=dict, repr=False, compare=False)

    def exercise(self, item_id: str) -> models.Exercise:
        return next(e for e in self.exercises if e.id == item_id)

    def tool(self, item_id: str) -> models.RecoveryTool:
        return next(t for t in self.recovery if t.id == item_id)

    def key(self, key_id: str) -> models.Key:
        return next(k for k in self.keys if k.id == key_id)

    def routine(self, routine_id: str) -> models.Routine:
        return next(r for r in self.routines if r.id == routine_id)

    def item(self, item_id: str) -> models.Exercise | models.RecoveryTool:
        """A routine item: an exercise, a stretch or a recovery tool."""
        for item in (*self.exercises, *self.recovery):
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def _all_field_names() -> set[str]:
    names: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, info in value.model_fields.items():
                names.add(info.alias or name)
    return names


FIELD_NAMES = _all_field_names()


def _message(err: dict) -> str:
    if err["type"] == "extra_forbidden":
        unknown = str(err["loc"][-1])
        close = difflib.get_close_matches(unknown, FIELD_NAMES, n=1, cutoff=0.6)
        return "unknown field" + (f" (did you mean `{close[0]}`?)" if close else "")
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "string_pattern_mismatch":
        return models.PATTERN_MESSAGES.get(err["ctx"]["pattern"], err["msg"])
    message = err["msg"]
    return message.removeprefix("Value error, ")


def validation_errors(exc: ValidationError, source: YamlFile) -> list[DataError]:
    """Pydantic errors -> located DataErrors (loc parts that are not data keys are dropped)."""
    out = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        out.append(DataError(source.path, source.line_of(loc), None, field_path(loc), _message(err)))
    return out


def _validate(model: type[BaseModel], data: Any, source: YamlFile, errors: list[DataError]) -> Any:
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        errors.extend(validation_errors(exc, source))
        return None


def read_files(data_dir: Path, display_root: Path | None = None) -> dict[str, YamlFile]:
    """Parse every data file; syntax errors of all files are reported together."""
    files: dict[str, YamlFile] = {}
    errors: list[DataError] = []
    for stem in DATA_FILES:
        path = data_dir / f"{stem}.yml"
        try:
            files[stem] = read_yaml(path, display_path(path, display_root))
        except DataErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise DataErrors(errors)
    return files


def display_path(path: Path, root: Path | None) -> str:
    """Paths in messages are relative to the project (what an editor sees in their tree)."""
    try:
        return str(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def load_guide(data_dir: Path, brand_file: Path | None = None, display_root: Path | None = None) -> Guide:
    """Read, validate and cross-check the protocol in `data_dir`, published under the brand in
    `brand_file` (default: data/brand.yml) with that brand's overlay merged in."""
    files = read_files(data_dir, display_root)
    brand_path = brand_file or data_dir / "brand.yml"
    files["brand"] = read_yaml(brand_path, display_path(brand_path, display_root))
    errors: list[DataError] = []
    filled = fill_placeholders(files, errors)
    parsed = {stem: _validate(model, filled[stem], files[stem], errors) for stem, model in DATA_FILES.items()}
    brand = _validate(models.Brand, filled["brand"], files["brand"], errors)
    if errors:
        raise DataErrors(errors)
    guide = Guide(
        protocol=parsed["protocol"], keys=parsed["keys"].keys, exercises=parsed["exercises"].exercises,
        recovery=parsed["recovery"].tools, weight=parsed["weight"], red_flags=parsed["red_flags"],
        routines=parsed["routines"].routines, flowchart=parsed["flowchart"], brand=brand, sources=files,
    )
    errors = crossref.check(guide, files)
    errors += check_brand(brand, brand_path, files["brand"]) + check_overlay(guide, brand, files["brand"])
    if errors:
        raise DataErrors(errors)
    return apply_overlay(guide)
