"""MkDocs hook: adds the generated guide to the build in memory.

The generator is a plain library; this thin layer hands its pages, brand assets and the cards
PDF to MkDocs without writing into docs/, so `mkdocs serve` reloads on data edits without looping.
"""
from __future__ import annotations

import dataclasses
import html
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator import brand as brand_assets  # noqa: E402
from generator.errors import DataErrors  # noqa: E402
from generator.load import load_guide  # noqa: E402
from generator.pdf import cards_pdf  # noqa: E402
from generator.render import render_site  # noqa: E402

# Outside the "mkdocs" logger tree on purpose: a missing site_url is worth a warning but must not
# fail `mkdocs build --strict`.
log = logging.getLogger("guide")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  guide: %(message)s"))
    log.addHandler(_handler)
    log.propagate = False
_state: dict = {}


def _brand_file(config) -> Path | None:
    chosen = os.environ.get("GUIDE_BRAND") or config.extra.get("brand_file")
    return Path(chosen).resolve() if chosen else None


def _generate(config):
    """Everything the build needs from the data; raises DataErrors for any located problem."""
    brand_file = _brand_file(config)
    guide = load_guide(ROOT / "data", brand_file, display_root=ROOT)
    if not guide.brand.site_url and config.site_url:
        guide = dataclasses.replace(guide, brand=guide.brand.model_copy(update={"site_url": config.site_url}))
    cards = cards_pdf(guide)
    site = render_site(guide, cards.compact, Path(config.docs_dir))
    assets = brand_assets.assets(guide, brand_file or ROOT / "data" / "brand.yml")
    return guide, site, assets, cards.pdf


def on_config(config):
    try:
        guide, site, assets, pdf = _generate(config)
    except DataErrors as exc:
        raise Abort("The guide cannot be built:\n" + str(exc)) from None
    for warning in site.warnings:
        log.warning(warning)
    overrides = brand_assets.config_overrides(guide, assets, site.nav)
    if guide.brand.site_url:
        config.site_url = guide.brand.site_url
    if not config.nav:
        config.nav = overrides["nav"]
    config.site_name = overrides["site_name"]
    # Material puts the description into a <meta> attribute without escaping it.
    config.site_description = html.escape(overrides["site_description"], quote=True)
    config.theme.update(overrides["theme"])
    config.extra_css.extend(overrides["extra_css_add"])
    config.extra.update(overrides["extra"])
    _state.update(site=site, assets=assets, pdf=pdf)
    return config


def on_files(files: Files, config) -> Files:
    site, assets = _state["site"], _state["assets"]
    owned = {**site.files, **assets.files}
    for path in owned:
        existing = files.get_file_from_path(path)
        if existing is not None:
            raise Abort(f"docs/{path} is hand-written, but the generator makes this page: rename or remove it")
    for path, content in sorted(owned.items()):
        files.append(File.generated(config, path, content=content))
    files.append(File.generated(config, "cards/routine-cards.pdf", content=_state["pdf"]))
    return files
