"""A routine's entry criteria (`entry` in routines.yml: when to start this stage of a programme)
show on its card (its page, /cards/ and the PDF) and on its page, labelled in the data's words;
a routine without them shows no label."""

from __future__ import annotations

import html

import pytest

from generator.render.cards import Cards
from generator.render.figures import Pictures
from generator.render.pages import render_site
from generator.urls import page


@pytest.fixture(scope="module")
def rendered(guide):
    pictures = Pictures(guide)
    cards = Cards(guide, pictures)
    return cards, render_site(guide, cards, pictures)


def test_a_routine_shows_when_to_start_it_on_its_card_and_page(guide, rendered):
    cards, site = rendered
    label = guide.ui.card.entry
    staged = [r for r in guide.routines if r.entry]
    assert len(staged) >= 3, "the Achilles stages say when each starts"
    assert any(not r.entry for r in guide.routines), "a routine without entry criteria too"
    for routine in guide.routines:
        card = cards.card(routine)
        text = page("routine", routine.id).source
        routine_page = site.files[text]
        for markup in (str(card.at("../../")), str(card.for_pdf({}))):
            if routine.entry:
                expected = (
                    f'<p class="card-entry"><strong>{html.escape(label)}</strong> {html.escape(routine.entry)}</p>'
                )
                assert expected in markup, routine.id
            else:
                assert "card-entry" not in markup and label not in markup, routine.id
        before_card = routine_page[: routine_page.index('<article class="routine-card')]
        if routine.entry:
            assert f"**{label}** {routine.entry}" in before_card.replace("\\", ""), routine.id
        else:
            assert label not in before_card, routine.id
    stage_1 = guide.routine("achilles-heel-raises")
    assert (
        "{" not in stage_1.entry
        and str(guide.protocol("achilles-tendinopathy").pain_rule.settle_hours) in stage_1.entry
    )
