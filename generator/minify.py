"""The site's own scripts and style sheets as a deployed build serves them: comments and spaces out.

Our browser code is written to be read (JSDoc types for `tsc --checkJs`, comments that say why), and
about 40 % of its gzipped weight is that. `guide site` and the export put a minified copy of every
file under `overrides/assets/` (JavaScript with rJSmin, CSS with rCSSmin: small, well-kept, and
they leave template literals and strings alone) at the same address in the docs tree, which MkDocs
and Zensical serve in place of the theme's copy. Vendored files are served as they came. A preview
(`make serve`) serves the readable sources."""

from __future__ import annotations

from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

_MINIFY = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minified_assets(overrides: Path) -> dict[str, bytes]:
    """Every script and style sheet of the theme overrides, minified, by its address in the site
    (for example `assets/javascripts/app/app.js`)."""
    assets = overrides / "assets"
    found: dict[str, bytes] = {}
    for path in sorted(assets.rglob("*")):
        minify = _MINIFY.get(path.suffix)
        if minify is None or not path.is_file() or "vendor" in path.relative_to(assets).parts:
            continue
        text = path.read_text(encoding="utf-8")
        found[path.relative_to(overrides).as_posix()] = (minify(text).strip() + "\n").encode("utf-8")
    return found
