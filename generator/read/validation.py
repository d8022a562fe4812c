"""Pydantic errors and file paths as an editor reads them: `file:line: field.path: message`."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import DataError, did_you_mean, field_path
from ..model import brand, common, dose, figure, flowchart, library, protocol, routines, safety
from .yamlfile import YamlFile


def _all_field_names() -> set[str]:
    names: set[str] = set()
    modules = (brand, common, dose, figure, flowchart, library, protocol, routines, safety)
    for value in (v for module in modules for v in vars(module).values()):
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, info in value.model_fields.items():
                names.add(info.alias or name)
    return names


FIELD_NAMES = _all_field_names()


# Pydantic's words for a value of the wrong kind ("Input should be a valid integer, unable to parse
# string as an integer") in the words of WRITING-PROTOCOLS.md, saying what to write instead.
KINDS = {
    "int_parsing": "must be a whole number, like 3",
    "int_type": "must be a whole number, like 3",
    "int_from_float": "must be a whole number, like 3",
    "float_parsing": "must be a number, like 3 or 2.5",
    "float_type": "must be a number, like 3 or 2.5",
    "bool_parsing": "must be `true` or `false`",
    "bool_type": "must be `true` or `false`",
    "string_type": "must be a text (in quotes if it looks like a number, a date or yes/no)",
    "list_type": "must be a list: `[a, b]`, or one item a line, each starting with `- `",
    "dict_type": "must be a group of `name: value` lines, indented under it",
    "model_type": "must be a group of `name: value` lines, indented under it",
    "date_type": "must be a date, written like 2026-12-06",
    "date_parsing": "must be a date, written like 2026-12-06",
    "date_from_datetime_parsing": "must be a date, written like 2026-12-06",
    "date_from_datetime_inexact": "must be a date, written like 2026-12-06",
}


def _choices(err: ErrorDetails) -> str | None:
    """A value that is not one of the choices a field allows: the choices, and the nearest one."""
    options = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
    if not options:
        return None
    return "must be one of " + ", ".join(f"`{o}`" for o in options) + did_you_mean(str(err["input"]), options)


def _message(err: ErrorDetails) -> str:
    if err["type"] in KINDS:
        return KINDS[err["type"]]
    if err["type"] == "literal_error":
        return _choices(err) or err["msg"]
    if err["type"] == "extra_forbidden":
        unknown = str(err["loc"][-1])
        close = difflib.get_close_matches(unknown, FIELD_NAMES, n=1, cutoff=0.6)
        return "unknown field" + (f" (did you mean `{close[0]}`?)" if close else "")
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "too_short":
        return f"needs at least {err['ctx']['min_length']} (has {err['ctx']['actual_length']})"
    if err["type"] == "string_pattern_mismatch":
        return common.PATTERN_MESSAGES.get(str(err["ctx"]["pattern"]), err["msg"])
    return err["msg"].removeprefix("Value error, ")


def _is_tag(part: object) -> bool:
    """Parts of pydantic's error path that are not data keys: validator names and union tags
    (`dose:reps`, `node:one`, which no field or id can be)."""
    return isinstance(part, str) and (part.startswith("function-") or ":" in part)


def validation_errors(exc: ValidationError, source: YamlFile) -> list[DataError]:
    """Pydantic errors -> located DataErrors (loc parts that are not data keys are dropped)."""
    out = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not _is_tag(p))
        out.append(DataError(source.path, source.line_of(loc), None, field_path(loc), _message(err)))
    return out


def display_path(path: Path, root: Path | None) -> str:
    """Paths in messages are relative to the project (what an editor sees in their tree)."""
    try:
        return str(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)
