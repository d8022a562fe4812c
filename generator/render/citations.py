"""Citations: the sources a fact rests on, as a short line with links, in Markdown pages and in
HTML (cards, page data). The registry says what each source is and where it is."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from ..model import Guide
from . import text


def _links(guide: Guide, refs: Sequence[str], escape: Callable[[object], Markup]) -> Markup:
    parts = []
    for source_id in refs:
        source = guide.source(source_id)
        title = (
            f'<a href="{text.attr(source.url)}" rel="noopener noreferrer">{escape(source.title)}</a>'
            if source.url
            else f"<cite>{escape(source.title)}</cite>"  # no publisher's copy online: named, not linked
        )
        parts.append(f"{title} ({escape(source.publisher)})")
    return Markup("; ".join(parts))


def _label(guide: Guide, refs: Sequence[str]) -> str:
    """ "Source" or "Sources", in the guide's words and the language's plural rules."""
    return text.writer(guide).plural(guide.ui.common.source, len(refs))


def cite_md(guide: Guide, refs: Sequence[str] | None) -> Markup:
    """`<small class="cite">Source: <a>…</a> (…)</small>` inside a Markdown page ("" without refs)."""
    if not refs:
        return Markup("")
    return Markup(f'<small class="cite">{text.md(_label(guide, refs))}: {_links(guide, refs, text.md)}</small>')


def cite_html(guide: Guide, refs: Sequence[str] | None) -> Markup:
    """The same line for HTML templates (cards, the outline)."""
    if not refs:
        return Markup("")
    return Markup(f'<small class="cite">{text.attr(_label(guide, refs))}: {_links(guide, refs, text.attr)}</small>')


def sources_data(guide: Guide, refs: Sequence[str] | None) -> list[dict[str, str | None]]:
    """The sources as page data (title, publisher, url) for scripts that show them."""
    return [
        {"title": s.title, "publisher": s.publisher, "url": s.url}
        for s in (guide.source(source_id) for source_id in refs or [])
    ]
