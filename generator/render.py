"""Render the guide into pages: Markdown for MkDocs, HTML for cards, and the navigation.

Everything is returned in memory as {docs-relative path: content}; writing is someone else's job.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateSyntaxError, select_autoescape
from markupsafe import Markup

from . import figures, flowchart, qr, text
from .errors import DataError, DataErrors
from .load import Guide
from .models import Dose, Exercise, RecoveryTool, Routine
from .placeholders import format_number

TEMPLATES = Path(__file__).parent / "templates"
# Compiled templates are kept between runs (compiling them is most of a small build's render time).
TEMPLATE_CACHE = Path(__file__).resolve().parent.parent / "build" / "cache" / "jinja"


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    try:
        TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout still builds, only a little slower
    return FileSystemBytecodeCache(str(TEMPLATE_CACHE))


@lru_cache(maxsize=None)
def markdown_env() -> Environment:
    """Markdown templates: every value is escaped for Markdown unless it is already Markup."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, undefined=StrictUndefined,
                      bytecode_cache=_bytecode_cache(), finalize=text.md, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    _add_filters(env)
    return env


@lru_cache(maxsize=None)
def html_env() -> Environment:
    """HTML templates (cards, PDF): Jinja's own HTML autoescape."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, bytecode_cache=_bytecode_cache(), trim_blocks=True, lstrip_blocks=True)
    _add_filters(env)
    return env


def _add_filters(env: Environment) -> None:
    env.filters.update(md=text.md, attr=text.attr, dose_long=text.dose_long, dose_short=text.dose_short,
                       json_attr=text.json_attr, num=format_number, count_word=text.count_word)


@dataclass
class Site:
    """What the generator produces: files by docs-relative path, and the navigation."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def routine_dose(guide: Guide, routine: Routine, index: int) -> Dose | None:
    """The dose of one routine entry: the routine's own, else the item's."""
    entry = routine.items[index]
    return entry.dose or guide.item(entry.item).dose


def move_on_text(guide: Guide, routine: Routine) -> str:
    """The progression rule, e.g. 'When 3 × 20 feels easy (…), move on to Hip strength, level 2.'"""
    doses = {text.dose_short(d) for i in range(len(routine.items)) if (d := routine_dose(guide, routine, i))}
    start = f"When {doses.pop()} feels easy" if len(doses) == 1 else "When this feels easy"
    sentence = f"{start} ({routine.move_on.when})"
    if routine.move_on.next:
        sentence += f", move on to {guide.routine(routine.move_on.next).title}"
    return sentence + "."


def contact_lines(guide: Guide) -> list[tuple[str, str]]:
    """(label, value) pairs of the brand's contact details, in a fixed order."""
    contact = guide.brand.contact
    labels = (("phone", "Phone"), ("email", "Email"), ("website", "Website"), ("booking", "Book"),
              ("address", "Address"), ("hours", "Opening hours"))
    return [(label, getattr(contact, name)) for name, label in labels if getattr(contact, name)]


def disclaimer(guide: Guide) -> str:
    return guide.brand.disclaimer or guide.protocol.disclaimer


def red_flag_advice(guide: Guide) -> str:
    return guide.brand.red_flag_advice or guide.protocol.safety_net


def page_url(guide: Guide, path: str) -> str | None:
    """Absolute URL of a page, for QR codes; None when the brand sets no site_url."""
    if not guide.brand.site_url:
        return None
    return guide.brand.site_url.rstrip("/") + "/" + path


def picture_path(item_id: str, image: str) -> str:
    """Where a clinic's own picture of an item is published in the site."""
    return f"assets/brand/figures/{item_id}{PurePosixPath(image).suffix.lower()}"


def figure_markup(guide: Guide, item: Exercise | RecoveryTool, prefix: str, image_base: str | None) -> Markup | None:
    """The picture of an exercise: the clinic's own image if it has one, else the drawn figure.
    `image_base` is the way from the page to the site root; None (the PDF) links the file itself."""
    picture = guide.brand.overlay.figures.get(item.id)
    if picture is not None:
        if image_base is None:
            src = (guide.brand_dir / picture.image).resolve().as_uri()
        else:
            src = image_base + picture_path(item.id, picture.image)
        return Markup(f'<img class="figure-image" src="{text.attr(src)}" alt="{text.attr(picture.alt)}">')
    figure = guide.figures.get(item.id)
    if figure is None:
        return None
    return Markup(_drawn_figure(guide, item.id, item.title).replace(f"{_ID_SLOT}-", f"{prefix}-"))


# Each figure is drawn once per build and reused on its page and every card that shows it; only
# the id prefix (which keeps ids unique within a page) differs.
_ID_SLOT = "figslot"
_DRAWN: dict[tuple, str] = {}


def _drawn_figure(guide: Guide, item_id: str, title: str) -> str:
    figure = guide.figures[item_id]
    key = (item_id, title, guide.brand.primary, figure.model_dump_json())
    if key not in _DRAWN:
        if len(_DRAWN) > 5000:
            _DRAWN.clear()
        _DRAWN[key] = figures.render_pair(item_id, figure, primary=guide.brand.primary, title=title,
                                          description=figures.describe(figure), id_prefix=_ID_SLOT)
    return _DRAWN[key]


def figure_caption(guide: Guide, item: Exercise | RecoveryTool) -> str | None:
    picture = guide.brand.overlay.figures.get(item.id)
    if picture is not None:
        return picture.alt
    figure = guide.figures.get(item.id)
    return figures.describe(figure) if figure is not None else None


def render_card(guide: Guide, routine: Routine, compact: bool = False, image_base: str | None = None) -> Markup:
    """One routine card as HTML: the same markup on the routine page, in /cards/ and in the PDF."""
    url = page_url(guide, f"routines/{routine.id}/")
    entries = []
    for i, entry in enumerate(routine.items):
        item = guide.item(entry.item)
        entries.append({"item": item, "dose": routine_dose(guide, routine, i), "cues": list(item.cues),
                        "side": getattr(item, "side", None),
                        "figure": figure_markup(guide, item, f"card-{routine.id}", image_base)})
    return Markup(template(html_env(), "card.html.j2").render(
        guide=guide, routine=routine, compact=compact, entries=entries, move_on=move_on_text(guide, routine),
        qr_svg=Markup(qr.svg(url, f"QR code: {routine.title}")) if url else None, url=url,
        contact=contact_lines(guide), pain=guide.protocol.pain_rule, red_flag_advice=red_flag_advice(guide),
        days=range(1, guide.protocol.cards.tick_days + 1),
    ).strip())


def bmi_data(guide: Guide) -> dict:
    """What the BMI calculator needs, from weight.yml (bands, the running threshold)."""
    weight = guide.weight
    return {"bands": [{"label": b.label, "from": b.from_, "below": b.below} for b in weight.bands],
            "reduce_from": weight.reduce_before_running_from, "caveat": weight.limits[0], "source": weight.source}


def _md(name: str, **context) -> str:
    return template(markdown_env(), name).render(**context)


def template(env: Environment, name: str):
    """A template, with a syntax error reported as a located line like any data problem."""
    try:
        return env.get_template(name)
    except TemplateSyntaxError as exc:
        where = f"generator/templates/{exc.name or name}"
        raise DataErrors([DataError(where, exc.lineno, None, "", f"template syntax: {exc.message}")]) from None


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


def key_by_item(guide: Guide) -> dict[str, object]:
    return {item: key for key in guide.keys for item in (*key.exercises, *key.recovery)}


def render_site(guide: Guide, compact: frozenset[str] = frozenset(), docs: Path | None = None) -> Site:
    """Every generated page of the guide plus the navigation, in reading order.
    `compact` names the routines whose cards need the compact layout to fit one sheet."""
    site = Site()
    common = {"guide": guide, "pain": guide.protocol.pain_rule, "disclaimer": disclaimer(guide),
              "red_flag_advice": red_flag_advice(guide), "bmi": bmi_data(guide)}
    site.files["index.md"] = _md("home.md.j2", **common)
    used_in, key_of = routines_by_item(guide), key_by_item(guide)
    for key in guide.keys:
        site.files[f"keys/{key.id}.md"] = _md("key.md.j2", key=key, groups=exercise_groups(guide, key.exercises), **common)
    for exercise in guide.exercises:
        site.files[f"exercises/{exercise.id}.md"] = _md(
            "exercise.md.j2", item=exercise, key=key_of.get(exercise.id),
            figure=figure_markup(guide, exercise, "fig", "../../"), caption=figure_caption(guide, exercise),
            routines=used_in.get(exercise.id, []), **common)
    for tool in guide.recovery:
        site.files[f"recovery/{tool.id}.md"] = _md(
            "recovery.md.j2", item=tool, key=key_of.get(tool.id), routines=used_in.get(tool.id, []), **common)
    cards = {}
    for routine in guide.routines:
        cards[routine.id] = render_card(guide, routine, compact=routine.id in compact, image_base="../")
        site.files[f"routines/{routine.id}.md"] = _md(
            "routine.md.j2", routine=routine,
            card=render_card(guide, routine, compact=routine.id in compact, image_base="../../"),
            items=[guide.item(e.item) for e in routine.items], **common)
    site.files["cards/index.md"] = _md("cards.md.j2", cards=cards, **common)
    site.files["flowchart/index.md"] = _md("flowchart.md.j2", chart=flowchart.widget_data(guide),
                                           outline=Markup(flowchart.outline_html(guide)), **common)
    site.files["pain-rule.md"] = _md("pain.md.j2", **common)
    site.files["see-a-clinician.md"] = _md("clinician.md.j2", **common)
    if not guide.brand.site_url:
        site.warnings.append("site_url is not set: routine cards are built without QR codes")
    site.nav = navigation(guide, hand_written_pages(docs) if docs else [])
    return site


def hand_written_pages(docs: Path) -> list[dict[str, str]]:
    """Top-level hand-written pages in docs/, by their first heading, for the end of the nav."""
    pages = []
    for path in sorted(docs.glob("*.md")):
        heading = next((line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines()
                        if line.startswith("# ")), path.stem)
        pages.append({heading: path.name})
    return pages


# A navigation section longer than this is split into sub-sections, so that with Material's
# navigation.prune each page carries a bounded menu (page size stays flat as a protocol grows).
NAV_SECTION_MAX = 20


def _entries(items, folder: str) -> list[dict[str, str]]:
    return [{item.title: f"{folder}/{item.id}.md"} for item in items]


def _bounded(entries: list[dict[str, str]]) -> list[dict]:
    """The entries as they are when short enough, else in titled groups of NAV_SECTION_MAX."""
    if len(entries) <= NAV_SECTION_MAX:
        return entries
    groups = [entries[i:i + NAV_SECTION_MAX] for i in range(0, len(entries), NAV_SECTION_MAX)]
    return [{f"{next(iter(g[0]))} to {next(iter(g[-1]))}": g} for g in groups]


def navigation(guide: Guide, extra: list[dict[str, str]] = ()) -> list:
    """MkDocs `nav`, in the order a reader should meet things; hand-written pages come last."""
    strength = [e for e in guide.exercises if e.kind == "strength"]
    levels = sorted({e.level for e in strength})
    if len(levels) > 1 and len(strength) > NAV_SECTION_MAX:
        strength_nav = [{f"Level {level}": _bounded(_entries([e for e in strength if e.level == level], "exercises"))}
                        for level in levels]
    else:
        strength_nav = _bounded(_entries(sorted(strength, key=lambda e: e.level), "exercises"))
    stretches = [e for e in guide.exercises if e.kind == "stretch"]
    return [
        {"Home": "index.md"},
        {"Find your plan": "flowchart/index.md"},
        {f"The {text.count_word(len(guide.keys))} keys": _bounded(_entries(guide.keys, "keys"))},
        {"Strength exercises": strength_nav},
        {"Stretches": _bounded(_entries(stretches, "exercises"))},
        {"Recovery tools": _bounded(_entries(guide.recovery, "recovery"))},
        {"Routine cards": [{"All cards": "cards/index.md"}, *_bounded(_entries(guide.routines, "routines"))]},
        {"How much pain is OK": "pain-rule.md"},
        {"When to see a clinician": "see-a-clinician.md"},
        *extra,
    ]
