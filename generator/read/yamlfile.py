"""Read YAML while remembering the line of every key, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError, DataErrors, Loc, field_path
from .limits import check_events, check_size, number_problems

# libyaml's parser when PyYAML was built with it (about ten times faster), else the pure-Python one;
# both keep the line of every node.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlFile:
    """Parsed content of one file plus a map from field path to line number."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest part of `loc` that exists in the file (1 when nothing does)."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def error(self, loc: Loc, message: str, field_name: str | None = None) -> DataError:
        return DataError(
            self.path, self.line_of(loc), None, field_name if field_name is not None else field_path(loc), message
        )


def _record_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[loc + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, loc + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[loc + (index,)] = item.start_mark.line + 1
            _record_lines(item, loc + (index,), lines)


def _check_duplicate_keys(node: yaml.Node, loc: Loc, display: str, errors: list[DataError]) -> None:
    """PyYAML silently keeps the last of two equal keys; an editor would lose data, so refuse."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.value in seen:
                errors.append(
                    DataError(
                        display,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        ".".join(map(str, loc + (key_node.value,))),
                        "this key appears twice",
                    )
                )
            seen.add(key_node.value)
            _check_duplicate_keys(value_node, loc + (key_node.value,), display, errors)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_duplicate_keys(item, loc + (index,), display, errors)


def _hint(message: str, found: str) -> str:
    """What to do about the two syntax mistakes editors make most, in words the parser lacks."""
    if "mapping values are not allowed" in message:
        return " (put a text that holds a colon and a space in quotes)"
    if found == "\t":
        return " (indent with spaces, never tabs)"
    return ""


def read_yaml(path: Path, display: str) -> YamlFile:
    """Parse one file with the safe loader; a syntax error or a broken limit (limits.py) becomes a
    located DataError."""
    try:
        too_big = check_size(path, display)
        if too_big:
            raise DataErrors([too_big])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataErrors([DataError(display, 1, None, "", "file is missing")]) from None
    except UnicodeDecodeError as exc:
        raise DataErrors([DataError(display, 1, None, "", f"not valid UTF-8 text ({exc.reason})")]) from None
    loader = None
    try:
        broken = check_events(yaml.parse(text, Loader=SafeLoader), display)
        if broken:
            raise DataErrors([broken])
        loader = SafeLoader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, None)
        found = text[mark.index : mark.index + 1] if mark else ""
        raise DataErrors(
            [DataError(display, line, col, "", f"YAML syntax: {message}{_hint(message, found)}")]
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise DataErrors(
            [DataError(display, line, None, "", f"the control character U+{exc.character:04X} is not allowed in YAML")]
        ) from None
    except yaml.YAMLError as exc:
        raise DataErrors([DataError(display, 1, None, "", f"YAML: {exc}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[Loc, int] = {}
    if node is not None:
        errors: list[DataError] = []
        _check_duplicate_keys(node, (), display, errors)
        if errors:
            raise DataErrors(errors)
        _record_lines(node, (), lines)
    result = YamlFile(display, data, lines)
    numbers = [result.error(loc, message) for loc, message in number_problems(data)]
    if numbers:
        raise DataErrors(numbers)
    return result
