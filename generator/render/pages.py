"""Every generated page of the guide as Markdown for MkDocs, plus the navigation.

Everything is returned in memory as {docs-relative path: content}; writing is someone else's job.
Templates lay pages out; the values they show (links, ranges, groups) are worked out here."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..checks.sources import citations as cited_in
from ..model import Call, Exercise, Guide, Item, Key, Routine, Source
from ..numbers import format_number
from . import citations, flowchart, ladder, player, prescribe, progress, text, urls
from .cards import Cards
from .env import html_env, markdown_env, template
from .figures import Pictures
from .nav import NavEntry, navigation, outline


@dataclass
class Site:
    """What the generator produces: files by docs-relative path, and the navigation."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    nav: list[NavEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def bmi_data(guide: Guide) -> dict[str, Any]:
    """What the BMI calculator needs, from weight.yml and ui.yml (bmi/core/bmi.js, bmi/bmi.js)."""
    weight = guide.weight
    return {
        "bands": [{"label": b.label, "from": b.from_, "below": b.below} for b in weight.bands],
        "limits": weight.calculator.model_dump(),
        "reduce_from": weight.reduce_before_running_from,
        "caveat": weight.limits[0],
        "words": guide.ui.bmi.model_dump(),
    }


def band_ranges(guide: Guide) -> list[dict[str, str]]:
    """Each BMI band with its range in words, e.g. '18.5 to under 25'."""
    out = []
    for band in guide.weight.bands:
        if band.from_ is not None and band.below is not None:
            span = f"{format_number(band.from_)} to under {format_number(band.below)}"
        elif band.below is not None:
            span = f"under {format_number(band.below)}"
        else:
            span = f"{format_number(band.from_ or 0)} or more"
        out.append({"range": span, "label": band.label})
    return out


def pain_levels(guide: Guide) -> list[dict[str, Any]]:
    """Each pain level with the lowest score it starts at."""
    levels = guide.protocol.pain_rule.levels
    return [{"low": 0 if i == 0 else levels[i - 1].max + 1, "level": level} for i, level in enumerate(levels)]


def cited_sources(guide: Guide) -> list[Source]:
    """The sources this copy of the guide cites, in registry order (a clinic's own last): a
    clinic with its own region does not list the default region's services."""
    parts: list[object] = [
        guide.protocol,
        guide.keys,
        guide.exercises,
        guide.recovery,
        guide.weight,
        guide.red_flags.flags,
        guide.routines,
        guide.flowchart,
        guide.region,
        guide.ladder,
        guide.player,
        guide.progress,
        guide.prescribe,
    ]
    cited = {source_id for part in parts for _, source_id in cited_in(part)}
    return [s for s in (*guide.sources.sources, *guide.brand.sources) if s.id in cited]


def warning_sections(guide: Guide) -> list[dict[str, Any]]:
    """Each urgency level of the region with its warning signs, most urgent first."""
    return [
        {"level": level, "flags": [f for f in guide.red_flags.flags if f.level == level.id]}
        for level in guide.region.levels
    ]


def pace(guide: Guide, exercise: Exercise) -> dict[str, Any] | None:
    """How fast to lift and lower, and how long to rest, for a strength exercise (else None)."""
    if exercise.kind != "strength":
        return None
    timing = guide.protocol.exercise
    return {"tempo": timing.tempo, "rest": timing.rest, "source": [*timing.tempo.source, *timing.rest.source]}


def exercise_groups(guide: Guide, ids: list[str]) -> list[tuple[int | None, list[Exercise]]]:
    """A key's exercises grouped by level (stretches have none), in level order."""
    chosen = [e for e in guide.exercises if e.id in ids]
    levels = sorted({e.level for e in chosen}, key=lambda level: level or 0)
    return [(level, [e for e in chosen if e.level == level]) for level in levels]


def routines_by_item(guide: Guide) -> dict[str, list[Routine]]:
    """Item id -> the routines that use it, in routine order (one pass, not one per item)."""
    found: dict[str, list[Routine]] = {}
    for routine in guide.routines:
        for entry in routine.items:
            found.setdefault(entry.item, []).append(routine)
    return found


def key_by_item(guide: Guide) -> dict[str, Key]:
    return {item: key for key in guide.keys for item in (*key.exercises, *key.recovery)}


def hand_written_pages(docs: Path) -> list[NavEntry]:
    """Top-level hand-written pages in docs/, by their first heading, for the end of the nav."""
    pages: list[NavEntry] = []
    for path in sorted(docs.glob("*.md")):
        heading = next(
            (line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")),
            path.stem,
        )
        pages.append({heading: path.name})
    return pages


# What each kind of page loads besides the theme: style sheets, plain scripts (run before the
# theme's) and modules. A page loads only what it uses (see tests/browser/test_page_assets.py).
PAGE_ASSETS: dict[str, dict[str, list[str]]] = {
    "flowchart": {
        "styles": ["flowchart.css"],
        "scripts": ["app/history-hook.js"],
        "modules": ["flowchart/flowchart.js"],
    },
    "home": {"modules": ["log/checkin-start.js"]},
    "routine": {
        "styles": ["cards.css"],
        "scripts": ["app/history-hook.js"],
        "modules": ["cards/print.js", "player/start.js", "log/did-it-start.js", "log/checkin-start.js"],
    },
    "progress": {"styles": ["log.css"], "modules": ["log/progress/progress.js"]},
    "prescribe": {"styles": ["plans.css"], "modules": ["plans/prescribe.js"]},
    "return-to-running": {
        "styles": ["ladder.css"],
        "scripts": ["app/history-hook.js"],
        "modules": ["ladder/ladder.js", "log/checkin-start.js"],
    },
    "my-plan": {
        "styles": ["plans.css"],
        "scripts": ["app/history-hook.js"],
        "modules": ["plans/my-plan.js", "log/checkin-start.js"],
    },
    "cards": {"styles": ["cards.css"], "modules": ["cards/print.js"]},
    "bmi-calculator": {"styles": ["bmi.css"], "modules": ["bmi/bmi.js"]},
    "offline": {"modules": ["app/offline.js"]},
}


def page_assets(here: urls.Page, need: str | None) -> dict[str, list[Markup]]:
    """The addresses, from this page, of the files a kind of page (or a widget on it) needs."""
    wanted = PAGE_ASSETS.get(need or "", {})

    def at(path: str) -> Markup:
        return text.attr(urls.href(here, path))

    return {
        "styles": [at(urls.style(name)) for name in wanted.get("styles", [])],
        "scripts": [at(urls.script(name)) for name in wanted.get("scripts", [])],
        "modules": [at(urls.script(name)) for name in wanted.get("modules", [])],
    }


class _Renderer:
    """Renders pages of one guide; each page knows where it is, so its links are relative."""

    def __init__(
        self, guide: Guide, cards: Cards, pictures: Pictures, compact: frozenset[str], cache_dir: Path | None
    ) -> None:
        self.guide, self.cards, self.pictures, self.compact = guide, cards, pictures, compact
        self.env = markdown_env(cache_dir)
        self.cache_dir = cache_dir
        self.common = {
            "guide": guide,
            "pain": guide.protocol.pain_rule,
            "disclaimer": guide.disclaimer(),
            "red_flag_advice": guide.red_flag_advice(),
            "region": guide.region,
            "cite": lambda refs: citations.cite_md(guide, refs),
            "cite_html": lambda refs: citations.cite_html(guide, refs),
            "call_button": self.call_button,
        }

    def call_button(self, call: Call) -> Markup:
        """The number to ring for a level, labelled with its region, as a big button."""
        return Markup(
            template(html_env(self.cache_dir), "_call.html.j2")
            .render(call=call, region=self.guide.region, cite_html=self.common["cite_html"])
            .strip()
        )

    def links(self, here: urls.Page) -> dict[str, Any]:
        """Template helpers for links from this page: `link` (Markdown) and `href` (raw HTML)."""

        def link(kind: str, item_id: str | None = None) -> Markup:
            return text.attr(urls.md_link(here, urls.page(kind, item_id)))

        def href(kind: str, item_id: str | None = None) -> Markup:
            return text.attr(urls.href(here, urls.page(kind, item_id)))

        return {"link": link, "href": href, "pdf": text.attr(urls.href(here, urls.CARDS_PDF))}

    def page(self, here: urls.Page, name: str, need: str | None = None, **context: Any) -> tuple[str, str]:
        """A page rendered from a template; `need` names the kind or widget whose files it loads."""
        assets = page_assets(here, need or here.kind)
        rendered = template(self.env, name).render(**self.common, **self.links(here), assets=assets, **context)
        return here.source, rendered

    def card(self, routine: Routine, here: urls.Page) -> Markup:
        return self.cards.card(routine, routine.id in self.compact).at(urls.root(here))


def render_site(
    guide: Guide,
    cards: Cards,
    pictures: Pictures,
    compact: frozenset[str] = frozenset(),
    docs: Path | None = None,
    cache_dir: Path | None = None,
) -> Site:
    """Every generated page of the guide plus the navigation, in reading order.
    `compact` names the routines whose cards need the compact layout to fit one sheet."""
    site = Site()
    r = _Renderer(guide, cards, pictures, compact, cache_dir)
    used_in, key_of = routines_by_item(guide), key_by_item(guide)
    home = urls.page("home")
    pages = [
        r.page(
            home,
            "home.md.j2",
            not_for=warning_sections(guide)[-1],
            checkin=progress.widget_stub(home),
        )
    ]
    for key in guide.keys:
        weight = (
            {"weight": guide.weight, "bands": band_ranges(guide), "bmi": bmi_data(guide)}
            if key.widget == "bmi-calculator"
            else None
        )
        pages.append(
            r.page(
                urls.page("key", key.id),
                "key.md.j2",
                need=key.widget,
                key=key,
                groups=exercise_groups(guide, key.exercises),
                tools=[t for t in guide.recovery if t.id in key.recovery],
                weight=weight,
            )
        )
    for exercise in guide.exercises:
        here = urls.page("exercise", exercise.id)
        pages.append(
            r.page(
                here,
                "exercise.md.j2",
                item=exercise,
                key=key_of.get(exercise.id),
                figure=pictures.markup(exercise, "fig", urls.root(here)),
                caption=pictures.caption(exercise),
                routines=used_in.get(exercise.id, []),
                pace=pace(guide, exercise),
            )
        )
    for tool in guide.recovery:
        pages.append(
            r.page(
                urls.page("recovery", tool.id),
                "recovery.md.j2",
                item=tool,
                key=key_of.get(tool.id),
                routines=used_in.get(tool.id, []),
            )
        )
    for routine in guide.routines:
        here = urls.page("routine", routine.id)
        item_pages = [urls.item_page(e.item, isinstance(guide.item(e.item), Exercise)) for e in routine.items]
        items = [
            {"title": guide.item(e.item).title, "link": Markup(text.attr(urls.md_link(here, to)))}
            for e, to in zip(routine.items, item_pages, strict=True)
        ]
        pages.append(
            r.page(
                here,
                "routine.md.j2",
                routine=routine,
                card=r.card(routine, here),
                items=items,
                player=player.player_data(guide, routine, here),
                player_words=guide.player.words,
                did_it=progress.widget_stub(here, routine=routine.id, label=guide.progress.words.did_it_today),
                checkin=progress.widget_stub(here),
            )
        )
    here = urls.page("cards")
    ladder_card = cards.ladder(guide.ladder.id in compact) if guide.ladder else None
    pages.append(
        r.page(
            here,
            "cards.md.j2",
            cards={rt.id: r.card(rt, here) for rt in guide.routines},
            ladder_card=ladder_card.at(urls.root(here)) if ladder_card else None,
        )
    )
    chart = flowchart.widget_data(guide)
    pages.append(
        r.page(
            urls.page("flowchart"),
            "flowchart.md.j2",
            chart={"graph": chart, "words": guide.ui.flowchart.model_dump()},
            outline=flowchart.outline_html(guide, chart, cache_dir),
        )
    )
    pages.append(r.page(urls.page("pain-rule"), "pain.md.j2", levels=pain_levels(guide)))
    pages.append(r.page(urls.page("clinician"), "clinician.md.j2", sections=warning_sections(guide)))
    reviewed = text.fill(
        guide.about.reviewed,
        {"reviewed": text.long_date(guide.sources.reviewed), "next_review": text.long_date(guide.sources.next_review)},
    )
    if guide.ladder is not None:
        here = urls.page("return-to-running")
        pages.append(
            r.page(
                here,
                "ladder.md.j2",
                checkin=progress.widget_stub(here),
                **ladder.page_context(guide, guide.ladder, here),
            )
        )
    here = urls.page("progress")
    log = progress.progress_data(guide, here)
    pages.append(
        r.page(here, "progress.md.j2", data=log, checkin=progress.widget_stub(here), words=guide.progress.words)
    )
    here = urls.page("prescribe")
    pages.append(r.page(here, "prescribe.md.j2", data=prescribe.plan_data(guide, here), words=guide.prescribe.words))
    here = urls.page("my-plan")
    all_items: list[Item] = [*guide.exercises, *guide.recovery]
    pages.append(
        r.page(
            here,
            "my-plan.md.j2",
            data=prescribe.plan_data(guide, here),
            words=guide.prescribe.words,
            figures=player.figure_templates(pictures, all_items, here),
            checkin=progress.widget_stub(here),
        )
    )
    pages.append(
        r.page(urls.page("about"), "about.md.j2", about=guide.about, reviewed=reviewed, sources=cited_sources(guide))
    )
    site.nav = navigation(guide, hand_written_pages(docs) if docs else [])
    # What the service worker shows for a page it never saved: links to everything it did save.
    pages.append(r.page(urls.page("offline"), "offline.md.j2", words=guide.ui.offline, pages=outline(site.nav)))
    site.files.update(pages)
    site.files[urls.LOG_WIDGETS] = json.dumps(progress.widget_data(guide, home), sort_keys=True, ensure_ascii=False)
    if not guide.brand.site_url:
        site.warnings.append("site_url is not set: routine cards are built without QR codes")
    return site
