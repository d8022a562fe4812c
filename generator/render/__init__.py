"""Rendering: the loaded guide as pages (Markdown for MkDocs, `pages`), cards (HTML, `cards`), the
flowchart's page data and outline, the navigation and the brand's site files. Page addresses come
from `generator.urls`. This file imports nothing."""
