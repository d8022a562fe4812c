"""Load the protocol: parse every file, validate types, fill numbers, check references.

All problems from all files are gathered and raised together as DataErrors.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import crossref, models
from .errors import DataError, DataErrors
from .figures import Figure, check_figures, load_figures
from .overlay import apply_overlay, check_brand, check_overlay
from .placeholders import fill_placeholders
from .validation import display_path, validation_errors
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
    # Drawn figures by exercise id (a clinic's own pictures are in brand.overlay.figures).
    figures: Mapping[str, Figure] = field(default_factory=dict, repr=False, compare=False)
    # The folder of the brand file: logos and a clinic's own pictures live there.
    brand_dir: Path | None = field(default=None, repr=False, compare=False)
    # Parsed files with their line maps, so later steps (the PDF layout) can locate problems too.
    sources: dict[str, YamlFile] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _by_id(self) -> dict[str, dict]:
        # Built once: rendering looks items up thousands of times at scale.
        return {"items": {i.id: i for i in (*self.exercises, *self.recovery)},
                "keys": {k.id: k for k in self.keys}, "routines": {r.id: r for r in self.routines}}

    def exercise(self, item_id: str) -> models.Exercise:
        item = self._by_id["items"][item_id]
        if not isinstance(item, models.Exercise):
            raise KeyError(item_id)
        return item

    def tool(self, item_id: str) -> models.RecoveryTool:
        item = self._by_id["items"][item_id]
        if not isinstance(item, models.RecoveryTool):
            raise KeyError(item_id)
        return item

    def key(self, key_id: str) -> models.Key:
        return self._by_id["keys"][key_id]

    def routine(self, routine_id: str) -> models.Routine:
        return self._by_id["routines"][routine_id]

    def item(self, item_id: str) -> models.Exercise | models.RecoveryTool:
        """A routine item: an exercise, a stretch or a recovery tool."""
        return self._by_id["items"][item_id]


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
    try:
        figures = load_figures(data_dir, display_root)
    except DataErrors as exc:
        errors.extend(exc.errors)
    if errors:
        raise DataErrors(errors)
    guide = Guide(
        protocol=parsed["protocol"], keys=parsed["keys"].keys, exercises=parsed["exercises"].exercises,
        recovery=parsed["recovery"].tools, weight=parsed["weight"], red_flags=parsed["red_flags"],
        routines=parsed["routines"].routines, flowchart=parsed["flowchart"], brand=brand, figures=figures,
        brand_dir=brand_path.resolve().parent,
        sources={**files, "figures": figures.source},
    )
    errors = crossref.check(guide, files)
    errors += check_figures(figures, [e.id for e in guide.exercises], figures.source,
                            {e.id: e.kind for e in guide.exercises})
    errors += check_brand(brand, brand_path, files["brand"]) + check_overlay(guide, brand, files["brand"])
    if errors:
        raise DataErrors(errors)
    return apply_overlay(guide)
