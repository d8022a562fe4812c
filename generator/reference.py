"""The field reference of WRITING-PROTOCOLS.md: every data file, every field, its kind of value,
whether it is required and what it is for, written from the same models (through their JSON
Schemas) that validate the data. An editor reads the guide, not the Python; generating the
reference means the guide cannot describe a field the build no longer accepts, or miss a new one.
`guide schema` rewrites it with the schemas; tests/test_writing_guide.py fails when it is stale."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from .load import PROTOCOL, SHARED
from .load.files import OPTIONAL
from .model.common import COLOUR, EMAIL, LANGUAGE, PHONE, SLUG, WEB_URL
from .output import write_if_changed
from .paths import PROTOCOLS_DIR
from .schema import protocol_schema, schema_models

START = "<!-- field-reference:start (written by `guide schema` from the models; do not edit by hand) -->"
END = "<!-- field-reference:end -->"

# The order an editor meets the files in: a protocol's own folder, what it cites and uses from the
# shared library, the shared safety case and settings, then the files that hold only words.
SHARED_ORDER = (
    "sources",
    "exercises",
    "recovery",
    "figures",
    "red_flags",
    "hazards",
    "scope",
    "ladder",
    "site",
    "ui",
    "about",
    "player",
    "progress",
    "prescribe",
)
PATTERNS = {
    SLUG: "id",
    WEB_URL: "web address (`https://…`)",
    EMAIL: "e-mail address",
    PHONE: "phone number",
    COLOUR: 'colour (`"#1f5f8b"`)',
    LANGUAGE: "language code",
}


class Row(NamedTuple):
    """One line of a file's table."""

    path: str
    kind: str
    required: str
    about: str


def _one_line(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().replace("|", "\\|")


def _then(first: str, more: str) -> str:
    """Two sentences of a description, with the full stop the first may lack."""
    if not first:
        return more
    return f"{first} {more}" if first.endswith((".", ":", "?", "!")) else f"{first}. {more}"


def _code(value: Any) -> str:
    text = "true" if value is True else "false" if value is False else str(value)
    return f"`{text}`"


def _range(low: Any, high: Any, what: str) -> str:
    if low is not None and high is not None:
        return f"exactly {low}" if low == high else f"{low} to {high}"
    if low is not None:
        return f"at least {low}" if what != "text" else ""
    return f"at most {high}" if high is not None else ""


def _map_values(node: dict[str, Any]) -> dict[str, Any] | None:
    """What each value of a map (a YAML mapping of names the data chooses) must be, or None."""
    if isinstance(node.get("additionalProperties"), dict):
        values: dict[str, Any] = node["additionalProperties"]
        return values
    patterns = list(node.get("patternProperties", {}).values())
    return patterns[0] if len(patterns) == 1 else None


def _map_key(node: dict[str, Any]) -> str:
    """What a map's names are: ids (`figures.<id>`) or names of the data's choosing."""
    return "id" if list(node.get("patternProperties", {})) == [SLUG] else "name"


class _Writer:
    """Walks one file's schema, field by field, into rows with dotted paths (`pain_rule.levels[].max`)."""

    def __init__(self, schema: dict[str, Any]):
        self.defs: dict[str, Any] = schema.get("$defs", {})
        # The path where each group of fields was first written out: a group met again (the same
        # pose as start, end and hold) refers to it rather than repeating its fields.
        self.expanded: dict[str, str] = {}

    def ref(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.defs[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def variants(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        """The kinds a value may take, without `null` (an optional value is simply left out)."""
        options = node.get("anyOf") or node.get("oneOf")
        if options is None:
            return [node]
        return [v for option in options for v in self.variants(option) if v.get("type") != "null"]

    def kind(self, node: dict[str, Any]) -> str:
        """A value's kind in words: `id`, `text, up to 120 characters`, `list of id (at least 1)`."""
        kinds = list(dict.fromkeys(self._kind(v) for v in self.variants(node)))
        if len(kinds) > 1 and all(k.startswith("group: ") for k in kinds):
            names = [k.removeprefix("group: ") for k in kinds]
            return f"group: {', '.join(names[:-1])} or {names[-1]}"
        return " or ".join(kinds)

    def _kind(self, node: dict[str, Any]) -> str:
        if "$ref" in node:
            target = self.ref(node)
            if target.get("type") == "object" and "properties" in target:
                return f"group: {target.get('title', '')}"
            return self._kind(target)
        if "const" in node:
            return _code(node["const"])
        if "enum" in node:
            return "one of " + ", ".join(_code(v) for v in node["enum"])
        kind = node.get("type")
        if kind == "string":
            if node.get("format") == "date":
                return "date (`2026-12-06`)"
            if node.get("pattern") in PATTERNS:
                return PATTERNS[node["pattern"]]
            if "pattern" in node:
                return "text in a fixed form"
            limit = _range(None, node.get("maxLength"), "text")
            return "text" + (f", {limit.replace('at most', 'up to')} characters" if limit else "")
        if kind in ("integer", "number"):
            low = node.get("minimum")
            if low is None and "exclusiveMinimum" in node:
                low = node["exclusiveMinimum"] + (1 if kind == "integer" else 0)
            span = _range(low, node.get("maximum"), "number")
            return ("whole number" if kind == "integer" else "number") + (f", {span}" if span else "")
        if kind == "boolean":
            return "`true` or `false`"
        if kind == "array":
            count = _range(node.get("minItems"), node.get("maxItems"), "list")
            return f"list of {self.kind(node.get('items', {}))}" + (f" ({count})" if count else "")
        if kind == "object" and _map_values(node) is not None:
            keys = node.get("propertyNames", {}).get("enum")
            key = "one of " + ", ".join(_code(k) for k in keys) if keys else _map_key(node)
            return f"map: {key} → {self.kind(_map_values(node) or {})}"
        return "any value"

    def groups(self, node: dict[str, Any], path: str) -> list[tuple[str, dict[str, Any]]]:
        """The groups of fields a value holds, each with the path its fields hang from."""
        out: list[tuple[str, dict[str, Any]]] = []
        for variant in self.variants(node):
            target = self.ref(variant)
            if target.get("type") == "object" and "properties" in target:
                out.append((path, target))
            elif target.get("type") == "array":
                out += self.groups(target.get("items", {}), f"{path}[]")
            elif target.get("type") == "object" and _map_values(target) is not None:
                out += self.groups(_map_values(target) or {}, f"{path}.<{_map_key(target)}>")
        return out

    def file(self, schema: dict[str, Any]) -> list[Row]:
        """Every field of one data file, top to bottom, as the file is written (a file that is one
        map, as a translation is, by its entries)."""
        values = _map_values(schema)
        if "properties" not in schema and values is not None:
            path = f"<{_map_key(schema)}>"
            groups = self.groups(values, path)
            about = _one_line(groups[0][1].get("description")) if len(groups) == 1 else ""
            return [Row(f"`{path}`", self.kind(values), "", about), *self.nested(groups, ())]
        return self.fields(schema, "", (schema.get("title", ""),))

    def fields(self, model: dict[str, Any], path: str, seen: tuple[str, ...]) -> list[Row]:
        rows: list[Row] = []
        required = set(model.get("required", []))
        for name, node in model.get("properties", {}).items():
            here = f"{path}.{name}" if path else name
            about = _one_line(node.get("description"))
            groups = [(p, g) for p, g in self.groups(node, here) if g.get("title", "") not in seen]
            again = len(groups) == 1 and groups[0][1].get("title", "") in self.expanded
            if len(groups) == 1 and not about:
                about = _one_line(groups[0][1].get("description"))
            if again:
                about = _then(about, f"Its fields are those of `{self.expanded[groups[0][1].get('title', '')]}`.")
                groups = []
            elif len(groups) > 1:
                kinds = "; ".join(
                    f"*{g.get('title', '')}*: {_one_line(g.get('description')).rstrip('.')}" for _, g in groups
                )
                about = _then(about, f"One of these kinds: {kinds}.")
            need = "yes" if name in required else "no"
            default = node.get("default")
            if name not in required and default not in (None, [], {}, ""):
                need = f"no (default {_code(default)})" if not isinstance(default, dict) else "no"
            rows.append(Row(f"`{here}`", self.kind(node), need, about))
            rows += self.nested(groups, seen)
        return rows

    def nested(self, groups: list[tuple[str, dict[str, Any]]], seen: tuple[str, ...]) -> list[Row]:
        """The fields of each group a value may be. When it may be one of several kinds, a field
        that not every kind has says which kinds have it."""
        kinds: dict[Row, list[str]] = {}
        for path, group in groups:
            title = group.get("title", "")
            self.expanded.setdefault(title, path)
            for row in self.fields(group, path, (*seen, title)):
                kinds.setdefault(row, []).append(title)
        return [
            row if len(found) == len(groups) else row._replace(path=f"{row.path} (in {', '.join(found)})")
            for row, found in kinds.items()
        ]


def _where(name: str) -> str:
    """The heading of a file's table: where the file lives, and a word on it where one is needed."""
    if name in SHARED or name == "figures":
        return f"`data/{name}.yml`"
    if name == "brand":
        return "`clinics/<clinic>/brand.yml` (and `data/brand.yml`, the neutral default)"
    if name == "language":
        return "`data/translations/<code>/language.yml`"
    if name == "translation":
        return "`data/translations/<code>/<file>.yml` (the same path as the file it translates)"
    stem = next(s for s in PROTOCOL if protocol_schema(s) == name)
    return f"`data/{PROTOCOLS_DIR}/<id>/{stem}.yml`" + (" (optional)" if stem in OPTIONAL else "")


def _order() -> list[str]:
    names = list(schema_models())
    first = [protocol_schema(stem) for stem in PROTOCOL] + list(SHARED_ORDER)
    return [n for n in first if n in names] + sorted(n for n in names if n not in first)


def reference_markdown() -> str:
    """The reference section: one table per file, in the order an editor meets them."""
    models = schema_models()
    out: list[str] = []
    for name in _order():
        schema = models[name].model_json_schema(by_alias=True, mode="validation")
        out += [f"### {_where(name)}", ""]
        intro = _one_line(schema.get("description"))
        if intro:
            out += [intro, ""]
        out += ["| field | value | required | what it is |", "| --- | --- | --- | --- |"]
        out += [f"| {r.path} | {r.kind} | {r.required} | {r.about} |" for r in _Writer(schema).file(schema)]
        out.append("")
    return "\n".join(out)


def with_reference(text: str) -> str:
    """`text` (WRITING-PROTOCOLS.md) with the part between the markers written afresh."""
    start, end = text.index(START) + len(START), text.index(END)
    return text[:start] + "\n\n" + reference_markdown() + "\n" + text[end:]


def write_reference(path: Path) -> bool:
    """Rewrite the reference in the guide at `path`; returns whether it changed."""
    return write_if_changed(path, with_reference(path.read_text(encoding="utf-8")))
