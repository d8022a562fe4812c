"""Reading data/figures.yml: each figure validated on its own, so one bad figure does not hide
the problems of the others, then checked against the body (angles, contacts)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..checks.figures import angle_errors, check_figures, contact_errors, drawings
from ..errors import DataError, DataErrors
from ..model.figure import Figure, FiguresFile
from ..read.validation import display_path, validation_errors
from ..read.yamlfile import YamlFile, read_yaml


@dataclass(frozen=True)
class Figures(Mapping[str, Figure]):
    """The validated figures by exercise id, with the parsed file so later checks can locate problems."""

    figures: dict[str, Figure]
    source: YamlFile = field(repr=False, compare=False)

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.figures)

    def __len__(self) -> int:
        return len(self.figures)


def load_figures(data_dir: Path, display_root: Path | None = None, exercise_ids: list[str] | None = None) -> Figures:
    """Read and validate `data_dir/figures.yml`; raise DataErrors with every problem at once.

    With `exercise_ids`, also report exercises without a figure and figures of unknown ids (the
    variants of each exercise are checked with the guide, which knows them)."""
    path = data_dir / "figures.yml"
    source = read_yaml(path, display_path(path, display_root))
    data = source.data if source.data is not None else {}
    errors: list[DataError] = []
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        try:
            FiguresFile.model_validate(data)
        except ValidationError as exc:
            raise DataErrors(validation_errors(exc, source)) from None
    for key in sorted(set(data) - {"figures"}):
        errors.append(source.error((key,), "unknown field"))
    figures: dict[str, Figure] = {}
    for figure_id, raw in data["figures"].items():
        try:
            one = FiguresFile.model_validate({"figures": {figure_id: raw}})
        except ValidationError as exc:
            errors.extend(validation_errors(exc, source))
            continue
        figure = one.figures[str(figure_id)]
        for at, drawing in drawings(str(figure_id), figure):
            problems = angle_errors(at, drawing, source)
            errors += problems or contact_errors(at, drawing, source)
        figures[str(figure_id)] = figure
    if not data["figures"]:
        errors.append(source.error(("figures",), "needs at least one figure"))
    result = Figures(figures, source)
    if exercise_ids is not None:
        # a figure with mistakes is reported for them, not again as missing
        errors += check_figures(result, exercise_ids, source, listed=[str(k) for k in data["figures"]])
    if errors:
        raise DataErrors(errors)
    return result
