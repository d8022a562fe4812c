"""Everything a build adds to MkDocs, from a loaded guide: the pages and navigation, the brand's
files and the cards PDF. The MkDocs hook (serve) and the export (site, Zensical) both call this."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Guide
from .paths import Project
from .pdf import cards_pdf
from .render import Cards, Pictures, Site, render_site
from .render.brand import BrandAssets, assets
from .render.urls import CARDS_PDF


@dataclass(frozen=True)
class Generated:
    site: Site
    assets: BrandAssets
    pdf: bytes

    def files(self) -> dict[str, str | bytes]:
        """Every generated file by docs-relative path."""
        return {**self.site.files, **self.assets.files, CARDS_PDF: self.pdf}


def generate(guide: Guide, project: Project) -> Generated:
    """Render the guide: cards first (the PDF layout decides which need the compact layout), then
    the pages that show them."""
    pictures = Pictures(guide)
    cards = Cards(guide, pictures, project.cache)
    pdf = cards_pdf(cards, project.card_css)
    site = render_site(guide, cards, pictures, pdf.compact, project.docs, project.cache)
    return Generated(site, assets(guide), pdf.pdf)
