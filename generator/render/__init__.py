"""Rendering: the loaded guide as pages (Markdown for MkDocs), cards (HTML), the flowchart's page
data and outline, the navigation and the brand's site files. Page addresses come from `urls`.

The names below load on first use, so a module that needs only `render.urls` (the service worker
writer) does not pull in Jinja, the models and the figures."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cards import Cards
    from .figures import Pictures
    from .pages import Site, render_site

__all__ = ["Cards", "Pictures", "Site", "render_site"]
_HOME = {"Cards": ".cards", "Pictures": ".figures", "Site": ".pages", "render_site": ".pages"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
