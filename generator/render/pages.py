"""Every generated page of the guide as Markdown for MkDocs, plus the navigation.

Everything is returned in memory as {docs-relative path: content}; writing is someone else's job.
Templates lay pages out; the values they show (links, ranges, groups) are worked out here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import urls
from ..model import Call, Exercise, Guide, Item, ProtocolGuide, Routine
from . import citations, context, flowchart, ladder, player, prescribe, progress, safety_case, text
from .cards import Cards
from .env import html_env, markdown_env, template
from .exercise_text import lowering_text
from .figures import Pictures, variant_figure
from .nav import NavEntry, navigation, outline, single_titles


@dataclass
class Site:
    """What the generator produces: files by docs-relative path, and the navigation."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    nav: list[NavEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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
    "hazards": {"styles": ["safety.css"], "modules": ["cards/print.js"]},
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
        self.write = text.writer(guide)
        self.common = {
            "guide": guide,
            "protocols": guide.protocols,
            "ui": guide.ui,
            "disclaimer": guide.disclaimer(),
            "red_flag_advice": guide.red_flag_advice(),
            "region": guide.region,
            "titles": single_titles(guide),
            "write": self.write,
            "cite": lambda refs: citations.cite_md(guide, refs),
            "cite_html": lambda refs: citations.cite_html(guide, refs),
            "call_button": self.call_button,
            "section": self.section,
        }

    def section(self, page_kind: str, protocol: ProtocolGuide) -> str:
        """The heading of a protocol's part of a page of the whole guide."""
        titles = single_titles(self.guide)
        return text.fill(self.guide.ui.pages.section, {"page": titles[page_kind], "protocol": protocol.title})

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

        def file(path: str) -> Markup:
            return text.attr(urls.href(here, path))

        return {"link": link, "href": href, "file": file, "pdf": text.attr(urls.href(here, urls.CARDS_PDF))}

    def page(self, here: urls.Page, name: str, need: str | None = None, **context: Any) -> tuple[str, str]:
        """A page rendered from a template; `need` names the kind or widget whose files it loads."""
        assets = page_assets(here, need or here.kind)
        rendered = template(self.env, name).render({**self.common, **self.links(here), "assets": assets, **context})
        return here.source, rendered

    def card(self, routine: Routine, here: urls.Page) -> Markup:
        return self.cards.card(routine, routine.id in self.compact).at(urls.root(here))

    def protocol_context(self, protocol: ProtocolGuide) -> dict[str, Any]:
        """What every page of one protocol shows: its pain rule and its own safety words."""
        return {
            "protocol": protocol,
            "pain": protocol.pain_rule,
            "disclaimer": self.guide.disclaimer(protocol),
            "red_flag_advice": self.guide.red_flag_advice(protocol),
        }


def own_page(guide: Guide, protocol: ProtocolGuide) -> urls.Page:
    """Where a protocol's own page is: its folder, or the home page of a guide with no other."""
    return urls.page("home") if len(guide.protocols) == 1 else urls.page("protocol", protocol.id)


def _protocol_pages(r: _Renderer, guide: Guide, protocol: ProtocolGuide) -> list[tuple[str, str]]:
    """A protocol's own page, its keys and its routines (each with its card and player)."""
    mine = r.protocol_context(protocol)
    here = own_page(guide, protocol)
    pages = [
        r.page(
            here,
            "protocol.md.j2",
            need="home",
            not_for=context.not_for(guide, protocol),
            keys_heading=context.keys_heading(guide, protocol),
            checkin=progress.widget_stub(here),
            **mine,
        )
    ]
    for key in protocol.keys:
        weight = (
            {
                "weight": protocol.weight,
                "bands": context.band_ranges(guide, protocol),
                "bmi": context.bmi_data(protocol),
            }
            if key.widget == "bmi-calculator"
            else None
        )
        pages.append(
            r.page(
                urls.page("key", key.id),
                "key.md.j2",
                need=key.widget,
                key=key,
                groups=context.exercise_groups(guide, key.exercises),
                tools=[t for t in guide.recovery if t.id in key.recovery],
                weight=weight,
                **mine,
            )
        )
    for routine in protocol.routines:
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
                player={"src": urls.href(here, urls.player_data(routine.id))},
                player_words=guide.player.words,
                did_it=progress.widget_stub(here, routine=routine.id, label=guide.progress.words.did_it_today),
                checkin=progress.widget_stub(here),
                **mine,
            )
        )
        # Fetched when Start is pressed (player/player.js), so the page carries only its address.
        data = player.player_data(guide, routine, here)
        pages.append((urls.player_data(routine.id), text.json_file(data)))
    return pages


def _shared_item_pages(r: _Renderer, guide: Guide, pictures: Pictures) -> list[tuple[str, str]]:
    """One page per exercise, stretch and recovery tool, linked from every protocol that uses it,
    with the pain rule of each of those protocols."""
    used_in, keys_of = context.routines_by_item(guide), context.keys_by_item(guide)
    pages = []
    for exercise in guide.exercises:
        here = urls.page("exercise", exercise.id)
        pages.append(
            r.page(
                here,
                "exercise.md.j2",
                item=exercise,
                keys=keys_of.get(exercise.id, []),
                users=context.users_of(guide, exercise.id, used_in),
                figure=pictures.markup(exercise, "fig", urls.root(here)),
                caption=pictures.caption(exercise),
                variants=[  # each variant with its own picture (never the exercise's again)
                    {
                        "variant": v,
                        "figure": variant_figure(guide, exercise.id, v.id)
                        and pictures.markup(exercise, "fig", urls.root(here), variant=v.id),
                        "caption": pictures.caption(exercise, v.id),
                    }
                    for v in exercise.variants
                ],
                routines=used_in.get(exercise.id, []),
                pace=context.pace(guide, exercise),
                lowering=lowering_text(guide, exercise),
                level_text=text.fill(guide.ui.exercise.level, {"level": str(exercise.level)}),
            )
        )
    for tool in guide.recovery:
        pages.append(
            r.page(
                urls.page("recovery", tool.id),
                "recovery.md.j2",
                item=tool,
                keys=keys_of.get(tool.id, []),
                routines=used_in.get(tool.id, []),
            )
        )
    return pages


def _ladder_card(cards: Cards, protocol: ProtocolGuide, compact: frozenset[str], here: urls.Page) -> Markup | None:
    """A protocol's back-to-running card on a page, in the layout the PDF chose (None: it has none)."""
    if cards.guide.ladder is None or protocol.ladder is None:
        return None
    card = cards.ladder(protocol, cards.ladder_id(protocol) in compact)
    return card.at(urls.root(here)) if card else None


def render_site(
    guide: Guide,
    cards: Cards,
    pictures: Pictures,
    compact: frozenset[str] = frozenset(),
    docs: Path | None = None,
    cache_dir: Path | None = None,
    translated_docs: Path | None = None,
) -> Site:
    """Every generated page of the guide plus the navigation, in reading order.
    `compact` names the cards (routines and ladders) that need the compact layout to fit one sheet;
    `translated_docs`, in a translation, its folder of hand-written pages (their titles in the nav)."""
    site = Site()
    r = _Renderer(guide, cards, pictures, compact, cache_dir)
    home = urls.page("home")
    pages = [] if len(guide.protocols) == 1 else [r.page(home, "home.md.j2", checkin=progress.widget_stub(home))]
    for protocol in guide.protocols:
        pages += _protocol_pages(r, guide, protocol)
    pages += _shared_item_pages(r, guide, pictures)
    here = urls.page("cards")
    pages.append(
        r.page(
            here,
            "cards.md.j2",
            stacks=[
                {
                    "protocol": p,
                    "pdf": text.attr(urls.href(here, urls.protocol_cards_pdf(p.id))),
                    "cards": [r.card(rt, here) for rt in p.routines],
                    "ladder": _ladder_card(cards, p, compact, here),
                }
                for p in guide.protocols
            ],
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
    pages.append(
        r.page(
            urls.page("pain-rule"),
            "pain.md.j2",
            rules=[{"protocol": p, "levels": context.pain_levels(p)} for p in guide.protocols],
        )
    )
    pages.append(r.page(urls.page("clinician"), "clinician.md.j2", signs=context.signs_by_protocol(guide)))
    titles = single_titles(guide)
    pages.append(r.page(urls.page("scope"), "scope.md.j2", **safety_case.scope_context(guide)))
    pages.append(r.page(urls.page("hazards"), "hazards.md.j2", **safety_case.hazards_context(guide, titles)))
    if guide.ladder is not None and ladder.runners(guide):
        here = urls.page("return-to-running")
        pages.append(
            r.page(
                here,
                "ladder.md.j2",
                checkin=progress.widget_stub(here),
                **ladder.page_context(guide, guide.ladder, here, cards),
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
            data=prescribe.my_plan_data(guide, here),
            words=guide.prescribe.words,
            figures=player.figure_templates(pictures, all_items, here),
            checkin=progress.widget_stub(here),
        )
    )
    checked = text.fill(
        guide.about.sources_checked,
        {"checked": r.write.date(guide.sources.checked), "next_check": r.write.date(guide.sources.next_check)},
    )
    pages.append(
        r.page(
            urls.page("about"),
            "about.md.j2",
            about=guide.about,
            checked=checked,
            review=safety_case.review_lines(guide),
            sources=context.cited_sources(guide),
        )
    )
    site.nav = navigation(guide, context.hand_written_pages(docs, translated_docs) if docs else [])
    # What the service worker shows for a page it never saved: links to everything it did save.
    pages.append(r.page(urls.page("offline"), "offline.md.j2", words=guide.ui.offline, pages=outline(site.nav)))
    site.files.update(pages)
    site.files[urls.LOG_WIDGETS] = text.json_file(progress.widget_data(guide, home))
    if not guide.brand.site_url:
        site.warnings.append("site_url is not set: routine cards are built without QR codes")
    return site
