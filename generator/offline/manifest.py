"""The web app manifest, from the brand: a phone installs the guide under the clinic's name, with
its colours and icons. Addresses are relative to the manifest, so a copy hosted under any path
(a clinic at /guide/) installs only that path."""

from __future__ import annotations

import json

from ..model import Guide
from .icons import ICON_SIZES, MASKABLE_SIZE

BACKGROUND = "#ffffff"


def manifest_text(guide: Guide, icon_dir: str) -> str:
    """manifest.webmanifest for the site root; `icon_dir` is where the icons are, from the root."""
    brand = guide.brand
    icons = [
        {"src": f"{icon_dir}/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
        for size in ICON_SIZES
    ]
    icons.append(
        {
            "src": f"{icon_dir}/icon-maskable-{MASKABLE_SIZE}.png",
            "sizes": f"{MASKABLE_SIZE}x{MASKABLE_SIZE}",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    manifest = {
        "id": "./",
        "name": brand.name,
        "short_name": brand.short_name or brand.name,
        "description": guide.site.tagline,
        "lang": guide.edition.code,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": brand.primary,
        "icons": icons,
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
