"""Offline use and installing: the web app manifest and its icons (rendered from the brand's logo
with CairoSVG and Pillow), and the service worker, generated after MkDocs has written the site so
that its precache list names every file the site serves, each with a hash of its content.

The manifest and icons are in every build. The worker is written only by `guide site` (the build
that is deployed); every other build (`make serve`, the export Zensical builds, which runs no
step of ours) carries a retiring worker at the same address instead, so a preview is never stale.

This file imports nothing (name the module: `offline.icons`, `offline.manifest`, `offline.worker`),
so writing the worker after a cached build needs neither Pillow nor the models."""
