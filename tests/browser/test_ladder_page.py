"""Back to running in a real browser (/return-to-running/): the page says which stage comes next
from the runs logged on this device, a stage runs in the player as a run-walk timer under the
fake clock (warm-up walk, runs and walks in turn, cool-down walk), and the run is saved with its
stage, so the next visit knows. The rules are checked against generator/ladder.py's table."""

from __future__ import annotations

import datetime
import json

from test_player import STUBS, answer_checkin

from conftest import axe_violations
from generator.ladder import Run, next_step
from generator.render.ladder import intervals
from helpers import knee

PAGE = "return-to-running/"
PHONE = {"width": 390, "height": 844}
NOW = datetime.datetime(2026, 11, 25, 18, 0)

LOG_JS = """async () => {
  const data = JSON.parse(document.querySelector('[data-ladder]').getAttribute('data-ladder'));
  const store = await import(new URL('assets/javascripts/log/store.js', new URL(data.root, location.href)).href);
  return await store.logOf(new URL(data.root, location.href).pathname).read();
}"""
WRITE_JS = """async (records) => {
  const data = JSON.parse(document.querySelector('[data-ladder]').getAttribute('data-ladder'));
  const store = await import(new URL('assets/javascripts/log/store.js', new URL(data.root, location.href)).href);
  await store.logOf(new URL(data.root, location.href).pathname).write(records);
}"""


def open_ladder(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(STUBS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.clock.install(time=NOW)
    page.goto(site_url + PAGE)
    page.wait_for_selector(".ladder:not([hidden]) [data-ladder-start]")
    return context, page, errors


def run_session(stage: str, day: datetime.date, pain: int) -> dict:
    started = datetime.datetime.combine(day, datetime.time(8, 0))
    return {
        "v": 1,
        "id": f"s-{stage}-{day.isoformat()}",
        "routine": None,
        "plan": None,
        "source": "player",
        "started": started.isoformat() + "Z",
        "ended": (started + datetime.timedelta(minutes=40)).isoformat() + "Z",
        "items": [],
        "pain": pain,
        "easy": None,
        "stage": stage,
    }


def test_a_first_run_starts_at_stage_one_runs_every_interval_and_is_saved(browser, site_url, guide):
    ladder = guide.ladder
    first = ladder.stages[0]
    context, page, errors = open_ladder(browser, site_url)
    box = page.locator(".ladder")
    start = ladder.words.next_start.replace("{stage}", first.title)
    assert start in box.inner_text()
    assert ladder.words.reasons["no-runs"] in box.inner_text()
    page.locator(f"[data-ladder-start={first.id}]").first.click()
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    page.click(".player-begin")
    page.wait_for_selector(".player-dialog[data-screen=running]")
    # Every part of the session, in order: the phases the player shows are the stage's parts.
    parts = intervals(ladder, first)
    total_ms = sum(p["minutes"] for p in parts) * 60_000
    page.clock.run_for(total_ms + 60_000)
    page.wait_for_selector(".player-dialog[data-screen=checkin]")
    # One timed step per part (walk, then run and walk in turns, then walk), each shown once.
    kinds = page.evaluate("window.__calls.steps.map(s => s.kind)")
    assert kinds == ["lead-in", *["timer"] * len(parts), "done"]
    answer_checkin(page, pain=1, easy=None)
    log = page.evaluate(LOG_JS)
    assert [(s["stage"], s["pain"], s["routine"]) for s in log["sessions"]] == [(first.id, 1, None)]
    page.keyboard.press("Escape")
    page.wait_for_selector(".player-dialog", state="detached")
    # The page now knows: one run at stage 1, so stay there for now.
    expected = next_step(
        [s.id for s in ladder.stages],
        ladder.rules.start_stage,
        ladder.rules.runs_to_move_up,
        ladder.rules.days_at_a_stage,
        ladder.rules.rest_days_between_runs,
        knee(guide).pain_rule.running_max,
        [Run(first.id, NOW.date(), 1, None)],
        NOW.date(),
    )
    assert expected.decision == "stay"
    page.wait_for_function(
        "t => document.querySelector('.ladder-decision').textContent === t",
        arg=ladder.words.next_stay.replace("{stage}", first.title),
    )
    assert errors == []
    context.close()


def test_the_log_decides_up_stay_or_back(browser, site_url, guide):
    ladder = guide.ladder
    ids = [s.id for s in ladder.stages]
    titles = {s.id: s.title for s in ladder.stages}
    rules = ladder.rules
    today = NOW.date()
    days = [today - datetime.timedelta(days=2 * n) for n in range(rules.runs_to_move_up + 3, 0, -1)]
    cases = {
        "up": [run_session(ids[0], d, 1) for d in days],
        "back": [run_session(ids[1], d, 1) for d in days[:-1]]
        + [run_session(ids[1], days[-1], knee(guide).pain_rule.running_max + 1)],
    }
    for decision, sessions in cases.items():
        context, page, errors = open_ladder(browser, site_url)
        page.evaluate(WRITE_JS, {"sessions": sessions})
        page.reload()
        page.wait_for_selector(".ladder:not([hidden]) [data-ladder-start]")
        runs = [Run(s["stage"], datetime.date.fromisoformat(s["started"][:10]), s["pain"], None) for s in sessions]
        expected = next_step(
            ids,
            rules.start_stage,
            rules.runs_to_move_up,
            rules.days_at_a_stage,
            rules.rest_days_between_runs,
            knee(guide).pain_rule.running_max,
            runs,
            today,
        )
        assert expected.decision == decision
        line = getattr(ladder.words, f"next_{decision}").replace("{stage}", titles[expected.stage])
        assert page.inner_text(".ladder-decision") == line
        assert page.inner_text(".ladder-reason") == ladder.words.reasons[expected.reason].replace(
            "{part}", knee(guide).protocol.part
        )
        # The big button runs the stage the rules chose.
        assert page.get_attribute(".ladder > [data-ladder-start]", "data-ladder-start") == expected.stage
        assert errors == []
        context.close()


def test_without_storage_the_stages_still_run(browser, site_url, guide):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(
        "IDBFactory.prototype.open = function () { throw new DOMException('no', 'SecurityError'); };"
    )
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.wait_for_selector(".ladder:not([hidden]) [data-ladder-start]")
    assert page.locator(".ladder-decision").count() == 0
    assert guide.ladder.words.no_log in page.inner_text(".ladder")
    context.close()


def test_axe_on_the_ladder_page(page, site_url):
    page.goto(site_url + PAGE)
    page.wait_for_selector(".ladder:not([hidden])")
    page.locator(".ladder-others summary").click()
    assert axe_violations(page) == []


def test_the_page_data_has_every_stage_as_a_run_walk_session(built_site, guide):
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    start = html.index('data-ladder="') + len('data-ladder="')
    import html as html_module

    data = json.loads(html_module.unescape(html[start : html.index('"', start)]))
    for stage in guide.ladder.stages:
        item = data["stages"][stage.id]["items"][0]
        assert item["kind"] == "run-walk"
        assert item["dose"]["parts"] == intervals(guide.ladder, stage)
