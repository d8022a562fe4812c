"""Offline use and installing: the web app manifest and its icons (rendered from the brand's logo
with CairoSVG and Pillow), and the service worker, generated after MkDocs has written the site so
that its precache list names every file the site serves, each with a hash of its content.

The manifest and icons are in every build. The worker is written only by `guide site` (the build
that is deployed); every other build (`make serve`, the export Zensical builds, which runs no
step of ours) carries a retiring worker at the same address instead, so a preview is never stale.

The names below load on first use: writing the worker needs neither Pillow nor the models."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .icons import icon_files
    from .manifest import manifest_text
    from .worker import RETIRING_WORKER, WORKER_FILE, worker_text

__all__ = ["RETIRING_WORKER", "WORKER_FILE", "icon_files", "manifest_text", "worker_text"]
_HOME = {
    "icon_files": ".icons",
    "manifest_text": ".manifest",
    "RETIRING_WORKER": ".worker",
    "WORKER_FILE": ".worker",
    "worker_text": ".worker",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
