"""The review sheet: every figure large on one page, with its title, alt text and data, for a
person to check the drawings at a glance (`guide figures`, `make figures`)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

from ..load import load_guide
from ..model.figure import Figure
from ..model.figure_words import alt_text, describe
from .svg import render_pair, render_svg

REVIEW_CSS = """
body { font: 16px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #1c2329; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.note { color: #4a5a66; margin: 0 0 1.5rem; }
section { border-top: 1px solid #cfd8dc; padding: 1.25rem 0; break-inside: avoid; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
h2 small { font-weight: normal; color: #4a5a66; }
.figure svg { width: 100%; height: auto; max-height: 340px; display: block; }
.alt { margin: .5rem 0 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0 0;
     color: #4a5a66; font-size: .9rem; }
dt { font-weight: 600; }
dd { margin: 0; }
"""


def review_sheet_html(figures: Mapping[str, Figure], titles: Mapping[str, str], primary: str = "#1f5f8b") -> str:
    """One page with every figure large, its title, alt text and data summary, for a person to check."""
    total = 0
    sections = []
    for figure_id, figure in figures.items():
        title = titles.get(figure_id, figure_id)
        svg = render_pair(
            figure_id, figure, primary=primary, title=title, description=describe(figure), id_prefix="review"
        )
        total += sum(
            len(render_svg(figure_id, figure, name, primary=primary, title=title).encode("utf-8"))
            for name in figure.poses
        )
        poses = " → ".join(figure.poses)
        working = ", ".join(f"{w.area} ({w.side})" for w in figure.working)
        sections.append(
            f'<section id="{html.escape(figure_id)}">\n<h2>{html.escape(title)} <small>{html.escape(figure_id)} · '
            f'{html.escape(poses)}</small></h2>\n<div class="figure">{svg}</div>\n'
            f'<p class="alt"><strong>Alt text:</strong> {html.escape(alt_text(title, figure))}</p>\n'
            f"<dl><dt>View</dt><dd>{html.escape(figure.view)}</dd>"
            f"<dt>Props</dt><dd>{html.escape(', '.join(figure.props) or 'none')}</dd>"
            f"<dt>Working</dt><dd>{html.escape(working)}</dd></dl>\n</section>"
        )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Exercise figures: review sheet</title>\n"
        f"<style>{REVIEW_CSS}</style>\n</head>\n<body>\n<main>\n<h1>Exercise figures</h1>\n"
        f'<p class="note">{len(figures)} figures drawn from data/figures.yml; '
        f"single-pose SVGs total {total} bytes. Start on the left, end on the right; the tinted, "
        "hatched area is the muscle that works.</p>\n" + "\n".join(sections) + "\n</main>\n</body>\n</html>\n"
    )


def write_review_sheet(out_path: Path, data_dir: Path, brand_file: Path | None = None) -> int:
    """Write the review page of every drawn figure (each variant's after its exercise's), in the
    guide's order and brand colour. Returns the number of figures."""
    guide = load_guide(data_dir, brand_file)  # checks every exercise (and variant) has its figure
    ordered: dict[str, Figure] = {}
    titles: dict[str, str] = {}
    for e in guide.exercises:
        if e.id not in guide.figures:
            continue
        ordered[e.id], titles[e.id] = guide.figures[e.id], e.title
        for v in e.variants:  # each variant's own figure, after its exercise's
            ordered[f"{e.id}--{v.id}"], titles[f"{e.id}--{v.id}"] = guide.figures[e.id].drawing(v.id), v.title
    page = review_sheet_html(ordered, titles, guide.brand.primary)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(page, encoding="utf-8")
    return len(ordered)
