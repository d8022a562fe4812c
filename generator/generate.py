"""Everything a build adds to MkDocs, from a loaded guide: the pages and navigation, the brand's
files, the app manifest and icons, and the cards PDF. The MkDocs hook (serve) and the export
(site, Zensical) both call this."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .model import Guide
from .offline.icons import icon_files
from .offline.manifest import manifest_text
from .offline.worker import RETIRING_WORKER, WORKER_FILE
from .output import write_if_changed
from .paths import TRANSLATIONS_DIR, Project
from .pdf import cards_pdf
from .render.brand import BrandAssets, assets
from .render.cards import Cards
from .render.figures import Pictures
from .render.marks import unmark_files
from .render.pages import Site, render_site
from .urls import APP_ICONS, CARDS_PDF, MANIFEST, protocol_cards_pdf

# Bump when the icons are drawn differently, so that cached ones are drawn again.
ICONS_VERSION = b"1"


@dataclass(frozen=True)
class Generated:
    site: Site
    assets: BrandAssets
    pdf: bytes
    app: dict[str, str | bytes]
    cards_laid_out: tuple[str, ...] = ()  # the cards WeasyPrint laid out (none when all were cached)
    protocol_pdfs: dict[str, bytes] = field(default_factory=dict)  # each protocol's cards, by site path

    def files(self) -> dict[str, str | bytes]:
        """Every generated file by docs-relative path (a translation's unreached words unmarked,
        their pages flagged)."""
        return unmark_files(
            {**self.site.files, **self.assets.files, **self.app, CARDS_PDF: self.pdf, **self.protocol_pdfs}
        )


def app_files(guide: Guide, cache_dir: Path | None = None) -> dict[str, str | bytes]:
    """What a phone needs to install the guide: the manifest and icons drawn from the logo. The
    worker here is the retiring one; `guide site` replaces it with the real one after MkDocs.
    The icons are kept in the build cache by the hash of what draws them (about 0.2 s to draw)."""
    assert guide.brand_dir is not None, "a loaded guide knows its brand folder"
    chosen = guide.brand.logo or guide.brand.favicon
    logo = guide.brand_dir / chosen if chosen else None
    files: dict[str, str | bytes] = {MANIFEST: manifest_text(guide, APP_ICONS), WORKER_FILE: RETIRING_WORKER}
    initial = guide.brand.name[:1]
    key = hashlib.sha256(
        b"\0".join([ICONS_VERSION, logo.read_bytes() if logo else b"", guide.brand.primary.encode(), initial.encode()])
    ).hexdigest()
    cached = cache_dir / "app-icons" / key if cache_dir else None
    if cached is not None and cached.is_dir():
        icons = {p.name: p.read_bytes() for p in sorted(cached.iterdir()) if p.suffix == ".png"}
    else:
        icons = icon_files(logo, guide.brand.primary, initial)
        if cached is not None:
            for name, content in icons.items():
                write_if_changed(cached / name, content)
    for name, content in icons.items():
        files[f"{APP_ICONS}/{name}"] = content
    return files


def translated_docs(guide: Guide, project: Project) -> Path | None:
    """In a translation, where its hand-written pages are (translations/<code>/docs/); None in the
    data's own language."""
    if guide.edition.translation is None:
        return None
    return project.data / TRANSLATIONS_DIR / guide.edition.code / "docs"


def generate(guide: Guide, project: Project) -> Generated:
    """Render the guide: cards first (the PDF layout decides which need the compact layout), then
    the pages that show them."""
    pictures = Pictures(guide)
    cards = Cards(guide, pictures, project.cache)
    pdf = cards_pdf(cards, project.card_css, project.cache)
    translated = translated_docs(guide, project)
    site = render_site(guide, cards, pictures, pdf.compact, project.docs, project.cache, translated)
    each = {protocol_cards_pdf(p): content for p, content in pdf.protocols.items()}
    return Generated(site, assets(guide), pdf.pdf, app_files(guide, project.cache), pdf.laid_out, each)
