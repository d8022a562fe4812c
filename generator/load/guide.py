"""The loading pipeline: read → validate → fill numbers → check → merge the overlay."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .. import model
from ..checks import brand as brand_checks
from ..checks import flowchart as flowchart_checks
from ..checks import references, safety_case
from ..checks.figures import check_figures
from ..checks.sources import check_sources
from ..errors import DataError, DataErrors
from ..model import Guide, Origin
from ..read.placeholders import fill, namespace
from ..read.validation import display_path, validation_errors
from ..read.yamlfile import YamlFile, read_yaml
from .figures import load_figures
from .overlay import apply_overlay

M = TypeVar("M", bound=BaseModel)

# file stem -> model of the whole file
DATA_FILES: dict[str, type[BaseModel]] = {
    "protocol": model.Protocol,
    "keys": model.KeysFile,
    "exercises": model.ExercisesFile,
    "recovery": model.RecoveryFile,
    "weight": model.WeightFile,
    "red_flags": model.RedFlagsFile,
    "routines": model.RoutinesFile,
    "flowchart": model.FlowchartFile,
    "ui": model.UiFile,
    "sources": model.SourcesFile,
    "about": model.AboutFile,
    "player": model.PlayerFile,
    "progress": model.ProgressFile,
    "prescribe": model.PrescribeFile,
    "ladder": model.LadderFile,
    "site": model.SiteFile,
    "hazards": model.HazardsFile,
    "scope": model.ScopeFile,
    "stories": model.StoriesFile,
}
# The files whose facts cite sources (data/sources.yml is the registry they cite).
CITING = (
    "ladder",
    "protocol",
    "keys",
    "exercises",
    "recovery",
    "weight",
    "red_flags",
    "routines",
    "flowchart",
    "hazards",
    "scope",
)


def _validate(cls: type[M], data: Any, source: YamlFile, errors: list[DataError]) -> M | None:
    try:
        return cls.model_validate(data if data is not None else {})
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


def _brand_data(source: YamlFile, site_url: str | None) -> Any:
    """The brand as written, with the build's site address when the brand sets none."""
    data = source.data
    if site_url and isinstance(data, dict) and not data.get("site_url"):
        return {**data, "site_url": site_url}
    return data


def _origins(routines: model.RoutinesFile, brand: model.Brand, files: dict[str, YamlFile]) -> dict[str, Origin]:
    """Where each routine was written: the shipped file or the clinic's brand file."""
    origins = {
        r.id: Origin(files["routines"].path, files["routines"].line_of(("routines", i, "id")), f"routines.{r.id}")
        for i, r in enumerate(routines.routines)
    }
    origins["return-to-running"] = Origin(files["ladder"].path, files["ladder"].line_of(("id",)), "ladder")
    source = files["brand"]
    origins.update(
        {
            r.id: Origin(source.path, source.line_of(("overlay", "routines", i, "id")), f"overlay.routines.{r.id}")
            for i, r in enumerate(brand.overlay.routines)
        }
    )
    return origins


def load_guide(
    data_dir: Path, brand_file: Path | None = None, display_root: Path | None = None, site_url: str | None = None
) -> Guide:
    """Read, validate and cross-check the protocol in `data_dir`, published under the brand in
    `brand_file` (default: data/brand.yml) with that brand's overlay merged in. `site_url` is the
    address the build publishes at, used when the brand sets none."""
    files = read_files(data_dir, display_root)
    brand_path = brand_file or data_dir / "brand.yml"
    files["brand"] = read_yaml(brand_path, display_path(brand_path, display_root))
    errors: list[DataError] = []

    valid: dict[str, Any] = {
        stem: _validate(cls, files[stem].data, files[stem], errors) for stem, cls in DATA_FILES.items()
    }
    brand = _validate(model.Brand, _brand_data(files["brand"], site_url), files["brand"], errors)
    try:
        figures = load_figures(data_dir, display_root)
    except DataErrors as exc:
        errors.extend(exc.errors)
    if errors or brand is None or any(value is None for value in valid.values()):
        raise DataErrors(errors)
    protocol: model.Protocol = valid["protocol"]
    names = namespace(
        protocol.pain_rule,
        protocol.exercise,
        protocol.scope,
        valid["exercises"].exercises,
        valid["recovery"].tools,
        valid["weight"],
        brand,
        valid["ladder"],
        valid["progress"],
    )
    filled = {stem: fill(value, (), names, files[stem], errors) for stem, value in valid.items() if stem != "sources"}
    guide = Guide(
        protocol=filled["protocol"],
        keys=filled["keys"].keys,
        exercises=filled["exercises"].exercises,
        recovery=filled["recovery"].tools,
        weight=filled["weight"],
        red_flags=filled["red_flags"],
        routines=filled["routines"].routines,
        flowchart=filled["flowchart"],
        ui=filled["ui"],
        sources=valid["sources"],
        about=filled["about"],
        player=filled["player"],
        progress=filled["progress"],
        prescribe=filled["prescribe"],
        ladder=filled["ladder"],
        site=filled["site"],
        hazards=filled["hazards"],
        scope=filled["scope"],
        stories=filled["stories"],
        brand=fill(brand, (), names, files["brand"], errors),
        figures=figures,
        brand_dir=brand_path.resolve().parent,
        origins=_origins(valid["routines"], brand, files),
    )
    if errors:
        raise DataErrors(errors)
    # What the shipped files cite, as written (a clinic's overlay is checked with the brand).
    shipped = {stem: valid[stem] for stem in CITING}
    chart_errors = flowchart_checks.check_graph(guide, files["flowchart"])
    errors = references.check(guide, files) + chart_errors
    errors += references.check_ladder(guide, files)
    errors += check_sources(shipped, guide.brand, guide.sources, files)
    errors += safety_case.check(guide, files, names, walk_stories=not chart_errors)
    if guide.brand.region is not None:
        errors += references.check_levels(guide.brand.region, files["brand"], ("region",))
    errors += check_figures(
        figures, [e.id for e in guide.exercises], figures.source, {e.id: e.kind for e in guide.exercises}
    )
    errors += brand_checks.check_brand(guide.brand, brand_path, files["brand"])
    plan_key, key_errors = brand_checks.read_plan_key(guide.brand, brand_path, files["brand"])
    errors += key_errors
    errors += brand_checks.check_overlay(guide, guide.brand, files["brand"])
    if errors:
        raise DataErrors(errors)
    return apply_overlay(dataclasses.replace(guide, plan_key=plan_key))
