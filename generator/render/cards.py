"""Routine cards: one HTML card per routine, the same markup on the routine page, on the all-cards page and
in the PDF. Each card is rendered once per layout (normal, and compact when the PDF layout needs
it); only the way to the site root is filled in per use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import urls
from ..model import AnyDose, Guide, LadderFile, ProtocolGuide, RepsDose, Routine, WhenEasy
from . import qr, text
from .env import html_env, template
from .exercise_text import lowering_text, schedule_text, shown
from .figures import ROOT_SLOT, Pictures
from .ladder_text import minutes, self_tests, session_line, walk_cell
from .safety_case import review_lines


def routine_dose(guide: Guide, routine: Routine, index: int) -> AnyDose | None:
    """The dose of one routine entry: the routine's own, else the item's."""
    entry = routine.items[index]
    return entry.dose or guide.item(entry.item).dose


def move_on_text(guide: Guide, routine: Routine) -> str:
    """When to move on, e.g. 'When 3 × 20 feels easy (…), move on to Hip strength, level 2.' or
    'When it no longer swells after runs …, move on to Heat and rolling.'"""
    rule, words, write = routine.move_on, guide.ui.card, text.writer(guide)
    if isinstance(rule, WhenEasy):
        doses = {write.dose_short(d) for i in range(len(routine.items)) if (d := routine_dose(guide, routine, i))}
        start = (
            text.fill(words.when_dose_easy, {"dose": doses.pop(), "when": rule.when_easy})
            if len(doses) == 1
            else text.fill(words.when_easy, {"when": rule.when_easy})
        )
    else:
        start = text.fill(words.when, {"when": rule.when})
    if rule.next:
        return text.fill(words.move_on_to, {"start": start, "next": guide.routine(rule.next).title})
    if rule.then:
        return text.fill(words.then, {"start": start, "then": rule.then})
    return text.fill(words.done, {"start": start})


def rest_text(guide: Guide, routine: Routine) -> str | None:
    """'Rest 30–60 s between sets' on a card with sets of repetitions, else None."""
    if not any(isinstance(routine_dose(guide, routine, i), RepsDose) for i in range(len(routine.items))):
        return None
    rest = guide.site.exercise.rest
    return text.fill(guide.ui.card.rest, {"min": str(rest.seconds_min), "max": str(rest.seconds_max)})


def contact_fields(guide: Guide) -> list[tuple[str, str, str]]:
    """(field, label, value) of each of the brand's contact details, in a fixed order: the label
    in the page's language, the field (`phone`, `email`...) to know what kind of detail it is."""
    contact, labels = guide.brand.contact, guide.ui.card.contact
    names = ("phone", "email", "website", "booking", "address", "hours")
    return [(name, getattr(labels, name), value) for name in names if (value := getattr(contact, name))]


def contact_lines(guide: Guide) -> list[tuple[str, str]]:
    """(label, value) pairs of the brand's contact details, in a fixed order."""
    return [(label, value) for _, label, value in contact_fields(guide)]


class Card:
    """One rendered card; `at(root)` gives its markup on a page that far from the site root."""

    def __init__(self, markup: str) -> None:
        self._markup = markup

    def at(self, root: str) -> Markup:
        return Markup(self._markup.replace(ROOT_SLOT, root))

    def for_pdf(self, sources: dict[str, str]) -> Markup:
        """The markup with clinic pictures read from their files (the PDF has no site around it)."""
        markup = self._markup
        for site_path, uri in sources.items():
            markup = markup.replace(ROOT_SLOT + site_path, uri)
        return Markup(markup)


class Cards:
    """Every routine's card for one guide, rendered on first use and kept for the build."""

    def __init__(self, guide: Guide, pictures: Pictures, cache_dir: Path | None = None) -> None:
        self.guide = guide
        self.pictures = pictures
        self.cache_dir = cache_dir
        self._cards: dict[tuple[str, bool], Card] = {}
        self.renders = 0  # how many cards were rendered (tests count them)

    def card(self, routine: Routine, compact: bool = False) -> Card:
        key = (routine.id, compact)
        if key not in self._cards:
            self._cards[key] = Card(self._render(routine, compact))
            self.renders += 1
        return self._cards[key]

    def ladder_id(self, protocol: ProtocolGuide) -> str:
        """The id of a protocol's back-to-running card (its own start criteria on the shared ladder)."""
        assert self.guide.ladder is not None
        return f"{self.guide.ladder.id}-{protocol.id}"

    def ladder(self, protocol: ProtocolGuide, compact: bool = False) -> Card | None:
        """A protocol's back-to-running card (None when this copy has no ladder, or its runners
        do not use it)."""
        ladder = self.guide.ladder
        if ladder is None or protocol.ladder is None:
            return None
        key = (self.ladder_id(protocol), compact)
        if key not in self._cards:
            self._cards[key] = Card(self._render_ladder(ladder, protocol, compact))
            self.renders += 1
        return self._cards[key]

    def _card_html(
        self, template_name: str, page: urls.Page, title: str, protocol: ProtocolGuide, **values: Any
    ) -> str:
        """One card from its template, with what every card carries: the QR code of its page (when
        the site's address is known), the clinic's contact, the protocol's pain rule and safety
        net, and who reviewed the guide."""
        guide = self.guide
        url = urls.absolute(guide.site_url, page)  # the page in the card's own language
        return (
            template(html_env(self.cache_dir), template_name)
            .render(
                guide=guide,
                url=url,
                qr_svg=Markup(qr.svg(url, text.fill(guide.ui.card.qr, {"title": title}))) if url else None,
                write=text.writer(guide),
                contact=contact_lines(guide),
                pain=protocol.pain_rule,
                red_flag_advice=guide.red_flag_advice(protocol),
                review=review_lines(guide)["short"],
                **values,
            )
            .strip()
        )

    def _render_ladder(self, ladder: LadderFile, protocol: ProtocolGuide, compact: bool) -> str:
        words, pain = ladder.words, protocol.pain_rule
        limits = {
            "running_max": str(pain.running_max),
            "scale_max": str(pain.scale_max),
            "part": protocol.protocol.part,
        }
        rows = [
            {"stage": s, "run": minutes(words, s.run_minutes), "walk": walk_cell(words, s, card=True)}
            for s in ladder.stages
        ]
        assert protocol.ladder is not None
        return self._card_html(
            "card_ladder.html.j2",
            urls.page("return-to-running"),
            ladder.title,
            protocol,
            card_id=self.ladder_id(protocol),
            protocol_title=protocol.title,
            ladder=ladder,
            entry=protocol.ladder,
            compact=compact,
            rows=rows,
            rules=[text.fill(line, limits) for line in ladder.rules.text],
            ticks=range(ladder.card_ticks),
            session_line=session_line(ladder, card=True),
            tests=self_tests(self.guide, protocol),
            tests_intro=text.fill(words.self_tests_card, limits),
        )

    def _render(self, routine: Routine, compact: bool) -> str:
        guide = self.guide
        protocol = guide.protocol_of(routine.id)
        assert protocol is not None, "every routine belongs to a protocol"
        entries = []
        for i, entry in enumerate(routine.items):
            item = guide.item(entry.item)
            entries.append(
                {
                    **shown(guide, entry),
                    "dose": routine_dose(guide, routine, i),
                    "side": getattr(item, "side", None),
                    "lowering": lowering_text(guide, item, card=True),
                    "figure": self.pictures.markup(item, f"card-{routine.id}", variant=entry.variant),
                }
            )
        return self._card_html(
            "card.html.j2",
            urls.page("routine", routine.id),
            routine.title,
            protocol,
            routine=routine,
            compact=compact,
            entries=entries,
            schedule=schedule_text(guide, routine),
            move_on=move_on_text(guide, routine),
            rest=rest_text(guide, routine),
            days=range(1, guide.site.cards.tick_days + 1),
        )
