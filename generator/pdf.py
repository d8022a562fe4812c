"""The PDF of all routine cards, one card per page, checked to never spill over.

Cards are laid out in a 190 x 240 mm area, inside what A4 and US Letter share in a browser print
(190 x 259 mm), so a card that fits the PDF also fits a browser print on either paper. A card that
spills over is retried in a compact layout; if it still spills, the build fails and names the
routine at the line it was written. The layout decides which cards are compact, and the pages use
the same choice.

Each card is laid out on its own (WeasyPrint) and kept in the build cache under a hash of
everything that shapes it, so editing one exercise lays out only the cards that show it; the
pages are then joined into one file (pypdf). When no card changed, the joined file itself comes
from the cache and WeasyPrint is not even imported. Embedded fonts are stamped with
SOURCE_DATE_EPOCH (the entry points set it), so the same data gives the same bytes."""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .errors import DataError, DataErrors
from .model import Guide
from .output import write_if_changed
from .render.cards import Card, Cards
from .render.env import html_env, template
from .render.marks import unmarked
from .render.text import fill

# Page margins (top right bottom left, mm) that leave a 190 x 240 mm area: inside what A4 and
# US Letter share in a browser print (190 x 259 mm), with room for the browser laying out the
# same card a little taller than WeasyPrint does (measured: up to about 6% with six items).
MARGINS = {"A4": "10mm 10mm 47mm 10mm", "Letter": "10mm 12.95mm 29.4mm 12.95mm"}
# Bump when the way a card becomes a PDF, or the cards one file, changes: old cached files are
# then not reused.
LAYOUT_VERSION = "2"


@dataclass(frozen=True)
class CardsPdf:
    pdf: bytes  # every card of every protocol
    compact: frozenset[str]
    laid_out: tuple[str, ...] = field(default=())  # the cards WeasyPrint laid out in this build
    protocols: dict[str, bytes] = field(default_factory=dict)  # each protocol's cards, by protocol id


@dataclass(frozen=True)
class _CardJob:
    """One card: its id (a routine, or a protocol's ladder card), its protocol and its two layouts."""

    id: str
    title: str
    protocol: str
    normal: Card
    compact: Card


def _jobs(cards: Cards) -> list[_CardJob]:
    """Every card, protocol by protocol: its routines, then its back-to-running card."""
    jobs = []
    for p in cards.guide.protocols:
        jobs += [_CardJob(r.id, r.title, p.id, cards.card(r), cards.card(r, True)) for r in p.routines]
        normal, compact = cards.ladder(p), cards.ladder(p, True)
        if normal is not None and compact is not None and cards.guide.ladder is not None:
            jobs.append(_CardJob(cards.ladder_id(p), cards.guide.ladder.title, p.id, normal, compact))
    return jobs


def _document(guide: Guide, css: str, markup: list[Markup], cache_dir: Path | None) -> str:
    return template(html_env(cache_dir), "cards_pdf.html.j2").render(
        guide=guide,
        cards=markup,
        css=Markup(css),
        page_size=guide.brand.page_size,
        margins=MARGINS[guide.brand.page_size],
        title=_title(guide),
    )


def _title(guide: Guide, protocol_id: str | None = None) -> str:
    """The PDF's title: one protocol's, or the guide's (a guide of one protocol is that protocol)."""
    if protocol_id is None and len(guide.protocols) == 1:
        protocol_id = guide.protocols[0].id
    about = guide.protocol(protocol_id).title if protocol_id else guide.site.title
    return fill(guide.ui.card.pdf_title, {"about": about, "brand": guide.brand.name})


def _fonts_digest(css_path: Path) -> str:
    """The fonts the card style sheet loads shape the layout too."""
    digest = hashlib.sha256()
    fonts = css_path.parent.parent / "fonts"
    for font in sorted(fonts.glob("*")) if fonts.is_dir() else []:
        digest.update(font.name.encode() + b"\0" + font.read_bytes())
    return digest.hexdigest()


class _Layout:
    """Lays out single cards with WeasyPrint (imported on first use) and keeps each result in the
    build cache by the hash of its whole input."""

    def __init__(self, cards: Cards, css: str, css_path: Path, cache_dir: Path | None) -> None:
        self.cards, self.css, self.css_path, self.cache_dir = cards, css, css_path, cache_dir
        self.sources = cards.pictures.file_sources()
        self.salt = "\0".join(
            [
                LAYOUT_VERSION,
                version("weasyprint"),
                os.environ.get("SOURCE_DATE_EPOCH", ""),
                _fonts_digest(css_path),
            ]
        )
        self.laid_out: list[str] = []
        self._shared: dict[str, Any] = {}

    def document(self, card: Card) -> str:
        return _document(self.cards.guide, self.css, [card.for_pdf(self.sources)], self.cards.cache_dir)

    def key(self, html: str) -> str:
        return hashlib.sha256((self.salt + "\0" + html).encode("utf-8")).hexdigest()

    def _cached(self, key: str) -> bytes | None:
        if self.cache_dir is None:
            return None
        path = self.cache_dir / "cards" / f"{key}.pdf"
        return path.read_bytes() if path.is_file() else None

    def _keep(self, key: str, pdf: bytes) -> None:
        if self.cache_dir is not None:
            write_if_changed(self.cache_dir / "cards" / f"{key}.pdf", pdf)

    def page(self, job: _CardJob) -> tuple[bytes, bool] | None:
        """One card's one-page PDF, and whether it needed the compact layout; None when even the
        compact layout spills over."""
        for compact, card in ((False, job.normal), (True, job.compact)):
            html = self.document(card)
            key = self.key(html)
            cached = self._cached(key)
            if cached == b"":
                continue  # this layout spilled over last time too
            if cached is not None:
                return cached, compact
            pdf = self._lay_out(html, job.id)
            self._keep(key, pdf or b"")
            if pdf is not None:
                return pdf, compact
        return None

    def _lay_out(self, html: str, card_id: str) -> bytes | None:
        """The card's PDF when it fits one page, else None."""
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]

        self.laid_out.append(card_id)
        if not self._shared:
            # One font set-up and one image cache for every card of the build: the fonts are read
            # and registered once, not once per card.
            self._shared = {"font_config": FontConfiguration(), "cache": {}}
        document = weasyprint.HTML(string=unmarked(html), base_url=self.css_path.resolve().as_uri()).render(
            **self._shared
        )
        return document.write_pdf() if len(document.pages) == 1 else None


def _join(pages: list[tuple[bytes, str]], guide: Guide, protocol_id: str | None = None) -> bytes:
    """The one-page PDFs as one file, in order, with the document's title and author and a
    bookmark per card: all protocols' cards, or one protocol's."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    for number, (pdf, title) in enumerate(pages):
        writer.add_page(PdfReader(io.BytesIO(pdf)).pages[0])
        writer.add_outline_item(title=title, page_number=number)
    writer.add_metadata(
        {
            "/Title": _title(guide, protocol_id),
            "/Author": guide.brand.name,
            "/Subject": guide.protocol(protocol_id).protocol.tagline if protocol_id else guide.site.tagline,
            "/Creator": "self-help guide generator",
        }
    )
    writer.page_mode = "/UseOutlines"
    # The document's language, for screen readers (WeasyPrint wrote it in each card's own file).
    writer.root_object[NameObject("/Lang")] = TextStringObject(guide.edition.code)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_MEMORY: dict[str, CardsPdf] = {}


def cards_pdf(cards: Cards, css_path: Path, cache_dir: Path | None = None) -> CardsPdf:
    """Every card, one per page, and which cards needed the compact layout.

    The joined file is kept by the hash of every card's input, in memory (so `mkdocs serve` does
    not redo it on a reload) and in the build cache (so a build where no card changed imports no
    WeasyPrint at all)."""
    css = css_path.read_text(encoding="utf-8")
    layout = _Layout(cards, css, css_path, cache_dir)
    jobs = _jobs(cards)
    whole = hashlib.sha256(
        "\0".join([layout.key(layout.document(job.normal)) for job in jobs] + [_title(cards.guide)]).encode("utf-8")
    ).hexdigest()
    if whole in _MEMORY:
        return _MEMORY[whole]
    index = cache_dir / "cards" / f"joined-{whole}.json" if cache_dir else None
    protocols = [p.id for p in cards.guide.protocols]

    def kept(name: str) -> Path:
        assert index is not None
        return index.with_name(f"joined-{whole}-{name}.pdf")

    if index is not None and index.is_file() and all(kept(p).is_file() for p in ["all", *protocols]):
        compact = frozenset(json.loads(index.read_text(encoding="utf-8"))["compact"])
        result = CardsPdf(kept("all").read_bytes(), compact, (), {p: kept(p).read_bytes() for p in protocols})
    else:
        result = _render(cards, jobs, layout)
        if index is not None:
            write_if_changed(kept("all"), result.pdf)
            for p, pdf in result.protocols.items():
                write_if_changed(kept(p), pdf)
            write_if_changed(index, json.dumps({"compact": sorted(result.compact)}))
    _MEMORY.clear()
    _MEMORY[whole] = result
    return result


def _render(cards: Cards, jobs: list[_CardJob], layout: _Layout) -> CardsPdf:
    pages: list[tuple[bytes, str, str]] = []
    compact: set[str] = set()
    spilled: list[str] = []
    for job in jobs:
        result = layout.page(job)
        if result is None:
            spilled.append(job.id)
            continue
        pages.append((result[0], job.title, job.protocol))
        if result[1]:
            compact.add(job.id)
    if spilled:
        raise DataErrors([_spill_error(cards.guide, card_id) for card_id in spilled])
    guide = cards.guide
    every = _join([(pdf, title) for pdf, title, _ in pages], guide)
    each = {p.id: _join([(pdf, title) for pdf, title, of in pages if of == p.id], guide, p.id) for p in guide.protocols}
    return CardsPdf(every, frozenset(compact), tuple(layout.laid_out), each)


def _spill_error(guide: Guide, card_id: str) -> DataError:
    origin = guide.origins[card_id if card_id in guide.origins else "return-to-running"]
    return DataError(
        origin.file,
        origin.line,
        None,
        origin.field,
        f"the card of routine `{card_id}` does not fit on one page, even in the compact layout: "
        "shorten its texts or split it into two routines",
    )
