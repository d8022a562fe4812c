"""The Jinja environments: Markdown templates escape every value for Markdown, HTML templates for
HTML; both share the filters that write values as text. Compiled templates may be kept in a cache
folder between runs (compiling them is most of a small build's render time).

A broken template is our bug, not an editor's: it raises TemplateBug, located at its line, and
never passes for a data problem."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateSyntaxError,
    select_autoescape,
)

from ..errors import TemplateBug
from . import text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _bytecode_cache(cache_dir: Path | None) -> FileSystemBytecodeCache | None:
    if cache_dir is None:
        return None
    folder = cache_dir / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout still builds, only a little slower
    return FileSystemBytecodeCache(str(folder))


def _add_filters(env: Environment) -> None:
    env.filters.update(
        md=text.md,
        attr=text.attr,
        json_attr=text.json_attr,
        fill=lambda sentence, **values: text.fill(sentence, {k: str(v) for k, v in values.items()}),
    )


@cache
def markdown_env(cache_dir: Path | None = None) -> Environment:
    """Markdown templates: every value is escaped for Markdown unless it is already Markup."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,  # noqa: S701  every value is escaped for Markdown by `finalize=text.md`
        undefined=StrictUndefined,
        bytecode_cache=_bytecode_cache(cache_dir),
        finalize=text.md,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    _add_filters(env)
    return env


@cache
def html_env(cache_dir: Path | None = None) -> Environment:
    """HTML templates (cards, PDF, outline): Jinja's own HTML autoescape."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        bytecode_cache=_bytecode_cache(cache_dir),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    _add_filters(env)
    return env


def template(env: Environment, name: str) -> Template:
    """A template, with a syntax error reported at its file and line."""
    try:
        return env.get_template(name)
    except TemplateSyntaxError as exc:
        raise TemplateBug(
            f"generator/templates/{exc.name or name}:{exc.lineno}: template syntax: {exc.message}"
        ) from None
