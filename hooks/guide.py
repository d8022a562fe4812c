"""MkDocs hook for `mkdocs serve`: adds the generated guide to the build in memory.

The generator is a plain library; this thin layer hands its pages, brand files and the cards PDF
to MkDocs without writing into docs/, so a preview reloads on data edits without looping. A
preview has no service worker (its pages remove an old one), so it is never stale. `guide site`
does not use this hook: it builds the exported tree (generator/site.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import PathSpec
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from generator.errors import DataErrors, TemplateBug
from generator.generate import Generated, generate
from generator.load import load_guide
from generator.paths import Project
from generator.render.brand import config_overrides

# Outside the "mkdocs" logger tree on purpose: a missing site_url is worth a warning but must not
# fail `mkdocs build --strict`.
log = logging.getLogger("guide")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  guide: %(message)s"))
    log.addHandler(_handler)
    log.propagate = False
# Fonts embedded in the cards PDF are stamped with this time: pin it so builds are reproducible.
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
_state: dict[str, Generated] = {}


def _brand_file(config: MkDocsConfig) -> Path | None:
    chosen = os.environ.get("GUIDE_BRAND") or config.extra.get("brand_file")
    return Path(chosen).resolve() if chosen else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Project(Path(config.config_file_path).resolve().parent)
    try:
        guide = load_guide(
            project.data,
            _brand_file(config),
            display_root=project.root,
            site_url=config.site_url or None,
            language=os.environ.get("GUIDE_LANGUAGE") or None,
        )
        result = generate(guide, project)
    except DataErrors as exc:
        raise Abort("The guide cannot be built:\n" + str(exc)) from None
    except TemplateBug as exc:
        raise Abort(f"A template of the generator is broken (a bug to report):\n{exc}") from None
    for warning in result.site.warnings:
        log.warning(warning)
    overrides: dict[str, Any] = config_overrides(guide, result.assets, result.site.nav)
    if guide.brand.site_url:
        config.site_url = guide.brand.site_url
    if not config.nav:
        config.nav = overrides["nav"]
        config.not_in_nav = PathSpec().validate(overrides["not_in_nav"])
    config.site_name = overrides["site_name"]
    config.site_description = overrides["site_description"]
    config.theme.update(overrides["theme"])
    config.extra_css.extend(overrides["extra_css_add"])
    config.extra.update(overrides["extra"])
    if "search" in config.plugins:
        config.plugins["search"].config["lang"] = [overrides["search"]["lang"]]
    _state["result"] = result
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    result = _state["result"]
    generated = result.files()
    for path in generated:
        if files.get_file_from_path(path) is not None:
            raise Abort(f"docs/{path} is hand-written, but the generator makes this page: rename or remove it")
    for path, content in sorted(generated.items()):
        files.append(File.generated(config, path, content=content))
    return files
