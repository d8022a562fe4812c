"""The loading pipeline: read → validate → fill numbers → check → merge the overlay, for the
shared files and every protocol the brand publishes. Nothing is built from a library with a
mistake in it: every problem of every file is reported at once, located."""

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
from ..model import Guide, Origin, ProtocolGuide
from ..paths import protocol_file
from ..read.placeholders import fill, protocol_names, shared_names
from ..read.validation import display_path, validation_errors
from ..read.yamlfile import YamlFile, read_yaml
from .figures import load_figures
from .files import PROTOCOL, SHARED, Files, read_files
from .overlay import apply_overlay

M = TypeVar("M", bound=BaseModel)


def _validate(cls: type[M], data: Any, source: YamlFile, errors: list[DataError]) -> M | None:
    try:
        return cls.model_validate(data if data is not None else {})
    except ValidationError as exc:
        errors.extend(validation_errors(exc, source))
        return None


def _brand_data(source: YamlFile, site_url: str | None) -> Any:
    """The brand as written, with the build's site address when the brand sets none."""
    data = source.data
    if site_url and isinstance(data, dict) and not data.get("site_url"):
        return {**data, "site_url": site_url}
    return data


def _chosen_protocols(source: YamlFile) -> list[str] | None:
    """The protocols a brand publishes (`protocols:`), or None for all (a bad list is its model's error)."""
    data = source.data if isinstance(source.data, dict) else {}
    chosen = data.get("protocols")
    return [p for p in chosen if isinstance(p, str)] if isinstance(chosen, list) else None


def _origins(guide: Guide, files: Files) -> dict[str, Origin]:
    """Where each routine (and the ladder) was written: a protocol's file or the clinic's brand file."""
    origins: dict[str, Origin] = {}
    for p in guide.protocols:
        source = files[protocol_file(p.id, "routines")]
        for i, r in enumerate(p.routines):
            origins[r.id] = Origin(source.path, source.line_of(("routines", i, "id")), f"routines.{r.id}")
    origins["return-to-running"] = Origin(files["ladder"].path, files["ladder"].line_of(("id",)), "ladder")
    brand = files["brand"]
    for i, r in enumerate(guide.brand.overlay.routines):
        origins[r.id] = Origin(brand.path, brand.line_of(("overlay", "routines", i, "id")), f"overlay.routines.{r.id}")
    return origins


def _protocol(
    protocol_id: str, valid: dict[str, Any], shared: dict[str, str], files: Files, errors: list[DataError]
) -> tuple[ProtocolGuide, dict[str, str]]:
    """One protocol's files, filled with its numbers and the shared ones."""
    mine: dict[str, Any] = {stem: valid.get(protocol_file(protocol_id, stem)) for stem in PROTOCOL}
    names = protocol_names(
        shared,
        mine["protocol"].pain_rule,
        mine["protocol"].scope,
        mine["weight"],
        mine["ladder"],
        routines=mine["routines"].routines,
        flags=mine["red_flags"].flags,
    )
    filled: dict[str, Any] = {
        stem: fill(value, (), names, files[protocol_file(protocol_id, stem)], errors) if value is not None else None
        for stem, value in mine.items()
    }
    return (
        ProtocolGuide(
            protocol=filled["protocol"],
            keys=filled["keys"].keys,
            routines=filled["routines"].routines,
            flowchart=filled["flowchart"],
            flags=filled["red_flags"].flags,
            ladder=filled["ladder"],
            scope=filled["scope"],
            stories=filled["stories"].stories,
            hazards=filled["hazards"].hazards,
            weight=filled["weight"],
        ),
        names,
    )


def load_guide(
    data_dir: Path, brand_file: Path | None = None, display_root: Path | None = None, site_url: str | None = None
) -> Guide:
    """Read, validate and cross-check the library in `data_dir`, published under the brand in
    `brand_file` (default: data/brand.yml) with that brand's overlay merged in and only the
    protocols it publishes. `site_url` is the address the build publishes at, when the brand sets none."""
    brand_path = brand_file or data_dir / "brand.yml"
    brand_source = read_yaml(brand_path, display_path(brand_path, display_root))
    files = read_files(data_dir, display_root, only=_chosen_protocols(brand_source))
    files.files["brand"] = brand_source
    errors: list[DataError] = []
    valid: dict[str, Any] = {key: _validate(SHARED[key], files[key].data, files[key], errors) for key in SHARED}
    for protocol_id in files.protocols:
        for stem, cls in PROTOCOL.items():
            key = protocol_file(protocol_id, stem)
            if files.get(key) is not None:
                valid[key] = _validate(cls, files[key].data, files[key], errors)
    brand = _validate(model.Brand, _brand_data(brand_source, site_url), brand_source, errors)
    try:
        figures = load_figures(data_dir, display_root)
    except DataErrors as exc:
        errors.extend(exc.errors)
    if errors or brand is None or any(value is None for value in valid.values()):
        raise DataErrors(errors)
    errors += brand_checks.check_chosen_protocols(brand, files.protocols, brand_source, files["site"])
    shared = shared_names(
        valid["site"].exercise,
        valid["exercises"].exercises,
        valid["recovery"].tools,
        brand,
        valid["ladder"],
        valid["progress"],
        flags=valid["red_flags"].flags,
    )
    filled = {key: fill(valid[key], (), shared, files[key], errors) for key in SHARED if key != "sources"}
    built = [_protocol(protocol_id, valid, shared, files, errors) for protocol_id in files.protocols]
    guide = Guide(
        site=filled["site"],
        protocols=[p for p, _ in built],
        exercises=filled["exercises"].exercises,
        recovery=filled["recovery"].tools,
        red_flags=filled["red_flags"],
        brand=fill(brand, (), shared, brand_source, errors),
        ui=filled["ui"],
        sources=valid["sources"],
        about=filled["about"],
        player=filled["player"],
        progress=filled["progress"],
        prescribe=filled["prescribe"],
        ladder=filled["ladder"],
        hazards=filled["hazards"],
        scope=filled["scope"],
        figures=figures,
        brand_dir=brand_path.resolve().parent,
    )
    if errors:
        raise DataErrors(errors)
    guide = dataclasses.replace(guide, origins=_origins(guide, files))
    errors = references.check(guide, files.files, files.protocols)
    for protocol, names in built:
        chart_errors = flowchart_checks.check_graph(guide, protocol, files[protocol_file(protocol.id, "flowchart")])
        errors += chart_errors
        errors += safety_case.check_protocol(guide, protocol, files.files, names, walk_stories=not chart_errors)
    errors += safety_case.check_shared(guide, files.files, shared)
    errors += check_sources(valid, guide.brand, guide.sources, files.files)
    if guide.brand.region is not None:
        errors += references.check_levels(guide.brand.region, brand_source, ("region",))
    errors += check_figures(
        figures, [e.id for e in guide.exercises], figures.source, {e.id: e.kind for e in guide.exercises}
    )
    errors += brand_checks.check_brand(guide.brand, brand_path, brand_source)
    plan_key, key_errors = brand_checks.read_plan_key(guide.brand, brand_path, brand_source)
    errors += key_errors
    errors += brand_checks.check_overlay(guide, guide.brand, brand_source)
    if errors:
        raise DataErrors(errors)
    return apply_overlay(dataclasses.replace(guide, plan_key=plan_key))
