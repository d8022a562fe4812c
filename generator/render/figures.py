"""The picture of each exercise for one build: the clinic's own image if it has one, else the
drawn figure, each drawn once and reused on its page and on every card that shows it."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..figures import svg
from ..model import Guide, Item
from ..model.figure import Figure, figure_key
from ..model.figure_words import describe
from . import text

# Placeholders in drawn markup, swapped per use: the id prefix that keeps SVG ids unique within
# a page, and the way to the site root (a control character, which no data value can contain).
_ID_SLOT = "figslot"
ROOT_SLOT = "\x1eroot\x1e"


def variant_figure(guide: Guide, item_id: str, variant: str | None) -> Figure | None:
    """A variant's own drawn figure, if the item has one for it."""
    figure = guide.figures.get(item_id)
    return figure.variants.get(variant) if variant is not None and figure is not None else None


def picture_key(guide: Guide, item_id: str, variant: str | None = None) -> str:
    """The name of the picture shown for an item, or for one of its variants when it has its own."""
    return figure_key(item_id, variant if variant_figure(guide, item_id, variant) is not None else None)


class Pictures:
    """Figure markup for one guide, drawn lazily and at most once per exercise (and variant).

    A routine item that names a variant with its own drawn figure shows that figure, even where
    a clinic gave the exercise a picture of its own: the exercise's picture shows the other way
    of doing it (a heel dropping below a step, where the variant stays on the floor)."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self._drawn: dict[str, str] = {}

    def _variant_figure(self, item: Item, variant: str | None) -> Figure | None:
        return variant_figure(self.guide, item.id, variant)

    def _drawing(self, figure_id: str, figure: Figure, title: str) -> str:
        if figure_id not in self._drawn:
            self._drawn[figure_id] = svg.render_pair(
                figure_id,
                figure,
                primary=self.guide.brand.primary,
                title=title,
                description=self.guide.figure_words.get(figure_id) or describe(figure),
                id_prefix=_ID_SLOT,
            )
        return self._drawn[figure_id]

    def markup(self, item: Item, prefix: str, root: str = ROOT_SLOT, variant: str | None = None) -> Markup | None:
        """The picture of an item (of one of its variants, with `variant`) with SVG ids under
        `prefix`; a clinic picture's address starts at `root` (the way to the site root, or
        ROOT_SLOT to be filled in later)."""
        own = self._variant_figure(item, variant)
        if own is not None:
            title = next(v.title for v in getattr(item, "variants", []) if v.id == variant)
            drawn = self._drawing(figure_key(item.id, variant), own, title)
            return Markup(drawn.replace(f"{_ID_SLOT}-", f"{prefix}-"))
        picture = self.guide.brand.overlay.figures.get(item.id)
        if picture is not None:
            src = root + urls.picture(item.id, picture.image)
            return Markup(f'<img class="figure-image" src="{text.attr(src)}" alt="{text.attr(picture.alt)}">')
        if item.id not in self.guide.figures:
            return None
        drawn = self._drawing(item.id, self.guide.figures[item.id], item.title)
        return Markup(drawn.replace(f"{_ID_SLOT}-", f"{prefix}-"))

    def caption(self, item: Item, variant: str | None = None) -> str | None:
        own = self._variant_figure(item, variant)
        if own is not None:
            return self.guide.figure_words.get(figure_key(item.id, variant)) or describe(own)
        picture = self.guide.brand.overlay.figures.get(item.id)
        if picture is not None:
            return picture.alt
        figure = self.guide.figures.get(item.id)
        return (self.guide.figure_words.get(item.id) or describe(figure)) if figure is not None else None

    def variant_keys(self) -> list[tuple[Item, str]]:
        """(exercise, variant id) of every variant with a drawn figure of its own, in the guide's order."""
        return [
            (e, v.id) for e in self.guide.exercises for v in e.variants if self._variant_figure(e, v.id) is not None
        ]

    def file_sources(self) -> dict[str, str]:
        """Site path → file URI of each clinic picture, for the PDF (which has no site around it)."""
        folder = self.guide.brand_dir
        if folder is None:
            return {}
        return {
            urls.picture(item_id, p.image): (folder / p.image).resolve().as_uri()
            for item_id, p in self.guide.brand.overlay.figures.items()
        }
