"""The back-to-running ladder's small phrases (lengths, the walk cell, the session sentence,
self-test amounts), from its words in data/ladder.yml: the page and the card both say them."""

from __future__ import annotations

from typing import Any

from ..model import Guide, LadderFile, ProtocolGuide, Stage
from ..model.ladder import LadderWords
from . import text


def test_amount(words: LadderWords, count: int, unit: str, each_side: bool) -> str:
    """'10 seconds, each leg', in the data's words."""
    one, many = words.test_units[unit]  # type: ignore[index]
    amount = text.fill(one if count == 1 else many, {"count": str(count)})
    return text.fill(words.each_leg, {"amount": amount}) if each_side else amount


def minutes(words: LadderWords, value: int) -> str:
    return text.fill(words.minutes_short, {"minutes": str(value)})


def walk_cell(words: LadderWords, stage: Stage, card: bool = False) -> str:
    """A stage's walk in the table: its length, or that there is none."""
    if stage.walk_minutes:
        return minutes(words, stage.walk_minutes)
    return words.no_walk_card if card else words.no_walk


def session_line(ladder: LadderFile, card: bool = False) -> str:
    """The warm-up and cool-down walks every session has, in one sentence."""
    session = ladder.session
    values = {"warm_up": str(session.warm_up_walk_minutes), "cool_down": str(session.cool_down_walk_minutes)}
    return text.fill(ladder.words.session_card if card else ladder.words.session_page, values)


def self_tests(guide: Guide, protocol: ProtocolGuide) -> list[dict[str, Any]]:
    """A protocol's self-tests, each with its amount in words and, where a painful result is a
    warning sign of its own (pain on hopping), that sign's words: the page and the card show them."""
    assert guide.ladder is not None and protocol.ladder is not None
    ladder, entry = guide.ladder, protocol.ladder
    flags = {f.id: f for f in guide.flags}
    return [
        {
            "id": t.id,
            "title": t.title,
            "short": t.short,
            "amount": test_amount(ladder.words, t.count, t.unit, t.each_side),
            "warning": flags[t.if_painful].text if t.if_painful else None,
        }
        for t in entry.self_tests.tests
    ]
