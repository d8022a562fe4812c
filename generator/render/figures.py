"""The picture of each exercise for one build: the clinic's own image if it has one, else the
drawn figure, each drawn once and reused on its page and on every card that shows it."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..figures import svg
from ..model import Guide, Item
from ..model.figure_words import describe
from . import text

# Placeholders in drawn markup, swapped per use: the id prefix that keeps SVG ids unique within
# a page, and the way to the site root (a control character, which no data value can contain).
_ID_SLOT = "figslot"
ROOT_SLOT = "\x1eroot\x1e"


class Pictures:
    """Figure markup for one guide, drawn lazily and at most once per exercise."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self._drawn: dict[str, str] = {}

    def _drawing(self, item_id: str, title: str) -> str:
        if item_id not in self._drawn:
            figure = self.guide.figures[item_id]
            self._drawn[item_id] = svg.render_pair(
                item_id,
                figure,
                primary=self.guide.brand.primary,
                title=title,
                description=self.guide.figure_words.get(item_id) or describe(figure),
                id_prefix=_ID_SLOT,
            )
        return self._drawn[item_id]

    def markup(self, item: Item, prefix: str, root: str = ROOT_SLOT) -> Markup | None:
        """The picture of an item with SVG ids under `prefix`; a clinic picture's address starts
        at `root` (the way to the site root, or ROOT_SLOT to be filled in later)."""
        picture = self.guide.brand.overlay.figures.get(item.id)
        if picture is not None:
            src = root + urls.picture(item.id, picture.image)
            return Markup(f'<img class="figure-image" src="{text.attr(src)}" alt="{text.attr(picture.alt)}">')
        if item.id not in self.guide.figures:
            return None
        return Markup(self._drawing(item.id, item.title).replace(f"{_ID_SLOT}-", f"{prefix}-"))

    def caption(self, item: Item) -> str | None:
        picture = self.guide.brand.overlay.figures.get(item.id)
        if picture is not None:
            return picture.alt
        figure = self.guide.figures.get(item.id)
        return (self.guide.figure_words.get(item.id) or describe(figure)) if figure is not None else None

    def file_sources(self) -> dict[str, str]:
        """Site path → file URI of each clinic picture, for the PDF (which has no site around it)."""
        folder = self.guide.brand_dir
        if folder is None:
            return {}
        return {
            urls.picture(item_id, p.image): (folder / p.image).resolve().as_uri()
            for item_id, p in self.guide.brand.overlay.figures.items()
        }
