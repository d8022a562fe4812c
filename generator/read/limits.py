"""Limits on what a data file may hold, checked before the YAML is built into Python values, so
that a file made to exhaust the build (an alias bomb, a million nested lists, a number with a
million digits, a file of gigabytes) is refused at once with its file and line, never by a hang,
a crash or a traceback. README.md ("Editing the data") lists the limits for editors.

The check reads the file's YAML events (libyaml's parser keeps its own stack, so deep nesting
costs no recursion) before anything is composed; values are checked again once built (numbers)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError, Loc

# About 400 times the largest shipped file; a protocol 100 times the size of ours fits easily.
MAX_FILE_BYTES = 4 * 1024 * 1024
# The shipped data nests 7 levels deep.
MAX_DEPTH = 20
# The longest shipped text is under 500 characters: a paragraph, not a chapter.
MAX_STRING = 5000
# Doses, seconds, weeks, coordinates: nothing in a protocol comes near a million.
MAX_NUMBER = 1_000_000
# A plain scalar this long that YAML would read as a number is refused before Python converts it
# (converting a number of many thousand digits is slow, then fails).
MAX_NUMBER_TEXT = 30

_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_resolver = yaml.resolver.Resolver()


def _at(display: str, mark: Any, message: str) -> DataError:
    """A located error at a YAML mark (PyYAML's or libyaml's; both have a line and a column)."""
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, None)
    return DataError(display, line, column, "", message)


def check_size(path: Path, display: str) -> DataError | None:
    """A file too large to be protocol data is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return _at(display, None, f"the file is {size:,} bytes; a data file may have at most {MAX_FILE_BYTES:,}")
    return None


def check_events(events: Iterator[yaml.Event], display: str) -> DataError | None:
    """The first limit the YAML breaks, if any: anchors and aliases (and so merge keys, which need
    them) are not allowed, nesting is bounded, and so are strings and number-like text."""
    depth = 0
    for event in events:
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            return _at(
                display, mark, f"YAML aliases (*{event.anchor}) are not allowed in guide data: write the value out"
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            return _at(display, mark, f"YAML anchors (&{anchor}) are not allowed in guide data: write the value out")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return _at(display, mark, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent):
            value = event.value
            if len(value) > MAX_STRING:
                return _at(display, mark, f"a text of {len(value):,} characters; at most {MAX_STRING:,} are allowed")
            if not event.style and value == "<<":
                return _at(display, mark, "YAML merge keys (<<) are not allowed in guide data: write the keys out")
            if (
                not event.style
                and len(value) > MAX_NUMBER_TEXT
                and event.tag is None
                and _resolver.resolve(yaml.ScalarNode, value, (True, False)) in _NUMBER_TAGS  # type: ignore[no-untyped-call]
            ):
                return _at(display, mark, f"a number written with {len(value):,} characters is too large")
    return None


def number_problems(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Numbers out of range in built data: infinite, not a number, or beyond MAX_NUMBER."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from number_problems(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from number_problems(value, (*loc, index))
    elif isinstance(data, float) and not math.isfinite(data):
        yield loc, "this number is not finite"
    elif isinstance(data, (int, float)) and not isinstance(data, bool) and abs(data) > MAX_NUMBER:
        yield loc, f"this number is larger than {MAX_NUMBER:,}, the most any value in a guide needs"
