"""Rendering: the loaded guide as pages (Markdown for MkDocs, `pages`), cards (HTML, `cards`), the
flowchart's page data and outline, the navigation and the brand's site files. Page addresses come
from `urls`.

This file imports nothing, so a module that needs only `render.urls` (the service worker writer,
on the path of a cached build) does not pull in Jinja, the models and the figures."""
