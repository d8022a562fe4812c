"""`python -m generator write OUT`: the whole guide as plain files, for tools that run no MkDocs
hooks (Zensical, a plain `mkdocs build`). OUT/docs holds the hand-written pages plus every
generated one; OUT/mkdocs.yml is the project's config plus the data-driven settings, no hooks.

Nothing is written when nothing changed; otherwise a complete new tree replaces the old one."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors
from .generate import generate, translated_docs
from .minify import minified_assets
from .model import Guide
from .output import staging_dir, swap_in
from .paths import Project
from .render.brand import config_overrides
from .render.context import hand_written


def export_files(
    guide: Guide, project: Project, out: Path, worker: str | None = None, warn: Callable[[str], None] | None = None
) -> dict[str, bytes]:
    """Every file of the export, by path relative to `out`, built in memory. `worker`: the service
    worker's address, for a deployable build (`guide site` writes the worker after MkDocs); `warn`
    hears the build's warnings."""
    result = generate(guide, project)
    for warning in result.site.warnings:
        if warn is not None:
            warn(warning)
    generated = result.files()
    own = hand_written(project.docs, translated_docs(guide, project))
    clashes = sorted(set(own) & set(generated))
    if clashes:
        raise DataErrors(
            [
                DataError(f"docs/{path}", 1, None, "", "hand-written page where the generator makes one: rename it")
                for path in clashes
            ]
        )
    files = {f"docs/{k}": (v.encode("utf-8") if isinstance(v, str) else v) for k, v in {**own, **generated}.items()}
    # The theme's scripts and style sheets, served minified from the same addresses.
    files.update({f"docs/{k}": v for k, v in minified_assets(project.overrides).items()})
    config = standalone_config(project, out, config_overrides(guide, result.assets, result.site.nav, worker))
    files["mkdocs.yml"] = (
        "# Written by `python -m generator write`; do not edit.\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    ).encode("utf-8")
    return files


def standalone_config(project: Project, out: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """The project's mkdocs.yml merged with the data-driven settings, without hooks: one plain
    file (no INHERIT), so MkDocs and Zensical both read it as it is."""
    config: dict[str, Any] = yaml.load(project.mkdocs_yml.read_text(encoding="utf-8"), Loader=_IgnoreTags)  # noqa: S506
    config.pop("hooks", None)
    config.pop("watch", None)
    config.update(
        docs_dir="docs",
        site_dir="site",
        site_name=overrides["site_name"],
        site_description=overrides["site_description"],
        nav=overrides["nav"],
        not_in_nav=overrides["not_in_nav"],
    )
    config["site_url"] = overrides["site_url"] or ""
    config["theme"] = {**config["theme"], **overrides["theme"], "custom_dir": os.path.relpath(project.overrides, out)}
    config["extra"] = {**(config.get("extra") or {}), **overrides["extra"]}
    config["extra_css"] = [*config.get("extra_css", []), *overrides["extra_css_add"]]
    config["plugins"] = [
        {"search": {**overrides["search"], "lang": [overrides["search"]["lang"]]}} if plugin == "search" else plugin
        for plugin in config.get("plugins", [])
    ]
    return config


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags (!ENV and friends)."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def current_files(out: Path) -> dict[str, bytes]:
    if not out.exists():
        return {}
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.relative_to(out).as_posix().startswith("site/")
    }


def write_export(guide: Guide, project: Project, out: Path) -> int:
    """Write the export; returns how many files changed (0: nothing was touched)."""
    files = export_files(guide, project, out)
    existing = current_files(out)
    changed = sum(1 for k, v in files.items() if existing.get(k) != v) + len(set(existing) - set(files))
    if changed == 0:
        return 0
    staging = staging_dir(out)
    for rel, content in files.items():
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    swap_in(staging, out)
    return changed
