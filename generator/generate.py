"""Everything a build adds to MkDocs, from a loaded guide: the pages and navigation, the brand's
files, the app manifest and icons, and the cards PDF. The MkDocs hook (serve) and the export
(site, Zensical) both call this."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Guide
from .offline import RETIRING_WORKER, WORKER_FILE, icon_files, manifest_text
from .paths import Project
from .pdf import cards_pdf
from .render import Cards, Pictures, Site, render_site
from .render.brand import BrandAssets, assets
from .render.urls import APP_ICONS, CARDS_PDF, MANIFEST


@dataclass(frozen=True)
class Generated:
    site: Site
    assets: BrandAssets
    pdf: bytes
    app: dict[str, str | bytes]
    cards_laid_out: tuple[str, ...] = ()  # the cards WeasyPrint laid out (none when all were cached)

    def files(self) -> dict[str, str | bytes]:
        """Every generated file by docs-relative path."""
        return {**self.site.files, **self.assets.files, **self.app, CARDS_PDF: self.pdf}


def app_files(guide: Guide) -> dict[str, str | bytes]:
    """What a phone needs to install the guide: the manifest and icons drawn from the logo. The
    worker here is the retiring one; `guide site` replaces it with the real one after MkDocs."""
    assert guide.brand_dir is not None, "a loaded guide knows its brand folder"
    chosen = guide.brand.logo or guide.brand.favicon
    logo = guide.brand_dir / chosen if chosen else None
    files: dict[str, str | bytes] = {MANIFEST: manifest_text(guide, APP_ICONS), WORKER_FILE: RETIRING_WORKER}
    for name, content in icon_files(logo, guide.brand.primary, guide.brand.name[:1]).items():
        files[f"{APP_ICONS}/{name}"] = content
    return files


def generate(guide: Guide, project: Project) -> Generated:
    """Render the guide: cards first (the PDF layout decides which need the compact layout), then
    the pages that show them."""
    pictures = Pictures(guide)
    cards = Cards(guide, pictures, project.cache)
    pdf = cards_pdf(cards, project.card_css, project.cache)
    site = render_site(guide, cards, pictures, pdf.compact, project.docs, project.cache)
    return Generated(site, assets(guide), pdf.pdf, app_files(guide), pdf.laid_out)
