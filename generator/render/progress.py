"""The log's page data: what the progress page, "I did this routine today" and the morning
check-in read — the routines with how often, the rules the log is judged by (from the pain rule
and the routines' move-on rules), reminders, and every word (data/progress.yml)."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..model import Guide, WhenEasy
from .exercise_text import pain_limit


def routines_data(guide: Guide, here: urls.Page) -> dict[str, dict[str, Any]]:
    """Each routine by id: its title, how often, its page and what comes after it."""
    out = {}
    for r in guide.routines:
        after = guide.routine(r.move_on.next) if r.move_on.next else None
        protocol = guide.protocol_of(r.id)
        limit = protocol.pain_rule.acceptable_max if protocol else None
        out[r.id] = {
            "protocol": protocol.id if protocol else None,
            "acceptable_max": pain_limit(guide, r, limit) if limit is not None else None,
            "title": r.title,
            "frequency": r.frequency,
            "days_per_week": r.days_a_week,
            "schedule": r.schedule.model_dump(exclude={"source"}) if r.schedule else None,
            "href": urls.href(here, urls.page("routine", r.id)),
            "moves_on_when_easy": isinstance(r.move_on, WhenEasy),
            "next": {"id": after.id, "title": after.title, "href": urls.href(here, urls.page("routine", after.id))}
            if after
            else None,
        }
    return out


def routines_limits(guide: Guide) -> dict[str, dict[str, Any]]:
    """Each routine's protocol and the most pain a session of it may hold (None: of no protocol)."""
    out = {}
    for r in guide.routines:
        protocol = guide.protocol_of(r.id)
        limit = pain_limit(guide, r, protocol.pain_rule.acceptable_max) if protocol else None
        out[r.id] = {"protocol": protocol.id if protocol else None, "acceptable_max": limit}
    return out


def protocols_data(guide: Guide) -> dict[str, dict[str, Any]]:
    """Each protocol by id: its title, how it names what hurts, and its pain rule's limits, so a
    session is judged, and asked about, as its own protocol says."""
    return {
        p.id: {
            "title": p.title,
            "part": p.protocol.part,
            "pain": {
                "ok_max": p.pain_rule.ok_max,
                "acceptable_max": p.pain_rule.acceptable_max,
                "scale_min": p.pain_rule.scale_min,
                "scale_max": p.pain_rule.scale_max,
                "running_max": p.pain_rule.running_max,
            },
        }
        for p in guide.protocols
    }


def rules_data(guide: Guide) -> dict[str, Any]:
    """The rules the log applies, with every threshold from the data: `pain` is the strictest of
    the protocols' (for a session of no one protocol); `protocols` has each protocol's own, and
    `routines` which protocol each routine is of and the most pain a session of it may hold (an
    exercise's own rule can be stricter), so log/core/rules.js judges each session by its own."""
    log = guide.progress.rules
    rules = [p.pain_rule for p in guide.protocols]
    routines = routines_limits(guide)
    return {
        "pain": {
            "ok_max": min(r.ok_max for r in rules),
            "acceptable_max": min(r.acceptable_max for r in rules),
            "scale_min": rules[0].scale_min,
            "scale_max": rules[0].scale_max,
            "running_max": min(r.running_max for r in rules),
        },
        "protocols": protocols_data(guide),
        "routines": routines,
        "part": guide.site.part,
        "move_on": {"sessions": log.move_on_sessions, "all_easy": True},
        "ease_off": {"in_a_row": log.ease_off_in_a_row},
        "week_starts": 1 if log.week_starts == "monday" else 0,
    }


def progress_data(guide: Guide, here: urls.Page) -> dict[str, Any]:
    """The page data of the progress page (and of the log's smaller widgets on other pages)."""
    log = guide.progress.rules
    items = {i.id: i.title for i in guide.exercises} | {t.id: t.title for t in guide.recovery}
    return {
        "routines": routines_data(guide, here),
        "routine_order": [r.id for r in guide.routines],
        "items": items,
        "rules": rules_data(guide),
        "calendar_weeks": log.calendar_weeks,
        "table_sessions": log.table_sessions,
        "summary": {"weeks": log.summary_weeks, "average_of": log.average_of},
        "reminders": guide.progress.reminders.model_dump(),
        "words": guide.progress.words.model_dump(),
        "links": {
            "clinician": urls.href(here, urls.page("clinician")),
            "progress": urls.href(here, urls.page("progress")),
            "my_plan": urls.href(here, urls.page("my-plan")),
        },
        "root": urls.root(here) or "./",
        "site": guide.brand.name,
    }


# The words of the log's small widgets (check-in, "I did this today"): the rest stay on /progress/.
WIDGET_WORDS = (
    "answer_no",
    "answer_yes",
    "checkin_answer",
    "checkin_later",
    "checkin_pain",
    "checkin_question",
    "did_it_easy",
    "did_it_pain",
    "did_it_save",
    "did_it_today",
    "ease_off",
    "ease_off_run",
    "move_on",
    "move_on_open",
    "not_saved",
    "persist_denied",
    "saved",
    "see_progress",
    "storage_failed",
    "storage_full",
    "storage_unavailable",
    "warning_signs",
)


def widget_stub(here: urls.Page, **extra: Any) -> dict[str, Any]:
    """What a page carries for the check-in and "I did this today": the way to the site's root,
    from which the widgets fetch LOG_WIDGETS (widget_data) when a device keeps a log or the
    button is pressed. Every routine's rules stay out of the page, which would otherwise carry
    them twice and grow with the number of routines."""
    return {"root": urls.root(here) or "./", **extra}


def widget_data(guide: Guide, here: urls.Page) -> dict[str, Any]:
    """What the check-in and "I did this today" read, besides the stub: only that, so the file stays
    small. Written once, at LOG_WIDGETS, with addresses relative to the site's root (here: home);
    the browser resolves them against the page's own root."""
    full = progress_data(guide, here)
    words = full["words"]
    return {
        "routines": full["routines"],
        "routine_order": full["routine_order"],
        "rules": full["rules"],
        "words": {name: words[name] for name in WIDGET_WORDS},
        "links": full["links"],
        "root": full["root"],
    }
