"""Rendering: the loaded guide as pages (Markdown for MkDocs), cards (HTML), the flowchart's page
data and outline, the navigation and the brand's site files. Page addresses come from `urls`."""

from .cards import Cards
from .figures import Pictures
from .pages import Site, render_site

__all__ = ["Cards", "Pictures", "Site", "render_site"]
