"""Back to running in a real browser (/return-to-running/): the page says which stage comes next
from the runs logged on this device, a stage runs in the player as a run-walk timer under the
fake clock (warm-up walk, runs and walks in turn, cool-down walk), and the run is saved with its
stage, so the next visit knows. The rules are checked against generator/ladder.py's table."""

from __future__ import annotations

import datetime
import json

import pytest
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


def open_ladder(browser, site_url, requested: list[str] | None = None):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(STUBS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    if requested is not None:
        page.on("request", lambda r: requested.append(r.url))
    page.clock.install(time=NOW)
    page.goto(site_url + PAGE)
    page.wait_for_selector(".ladder:not([hidden]) [data-ladder-start]")
    return context, page, errors


def run_session(stage: str, day: datetime.date, pain: int, protocol: str | None = None) -> dict:
    started = datetime.datetime.combine(day, datetime.time(8, 0))
    return {
        "v": 2,
        "protocol": protocol,
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
    requested: list[str] = []
    context, page, errors = open_ladder(browser, site_url, requested)
    box = page.locator(".ladder")
    start = ladder.words.next_start.replace("{stage}", first.title)
    assert start in box.inner_text()
    assert ladder.words.reasons["no-runs"] in box.inner_text()
    # A device that keeps no log downloads none of the log's code to say so.
    assert not [url for url in requested if "/javascripts/log/store.js" in url]
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


def play_first_stage(page, ladder):
    first = ladder.stages[0]
    page.locator(f".ladder > [data-ladder-start={first.id}]").click()
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    page.click(".player-begin")
    page.wait_for_selector(".player-dialog[data-screen=running]")
    page.clock.run_for(sum(p["minutes"] for p in intervals(ladder, first)) * 60_000 + 60_000)
    page.wait_for_selector(".player-dialog[data-screen=checkin]")


def test_a_run_is_judged_by_the_running_limit_in_the_protocols_own_words(browser, site_url, guide):
    """Above the running limit the check-in says the protocol's own sentence for a run that hurt
    too much (not the exercise rule's); within it, fine. The run is saved with that protocol."""
    protocol = knee(guide)
    rule = protocol.pain_rule
    context, page, errors = open_ladder(browser, site_url)
    play_first_stage(page, guide.ladder)
    legend = page.inner_text(".player-scale legend")
    assert f"from {rule.scale_min}" in legend and f"to {rule.scale_max}" in legend and protocol.protocol.part in legend
    scale = page.locator(".player-scale input[name=pain]").evaluate_all("els => els.map(e => Number(e.value))")
    assert scale == list(range(rule.scale_min, rule.scale_max + 1))
    page.click(f".player-choice:has(input[name=pain][value='{rule.running_max + 1}'])")
    verdict = page.locator(".player-verdict").first
    assert verdict.get_attribute("data-level") == "too-high"
    assert verdict.inner_text().startswith(rule.running_too_much)
    assert guide.player.words.pain_too_high.split(".")[0] not in verdict.inner_text()
    # Within the exercise rule, but above the running limit: still too much for a run.
    assert rule.running_max + 1 <= rule.acceptable_max
    page.click(f".player-choice:has(input[name=pain][value='{rule.running_max}'])")
    page.wait_for_function("() => document.querySelector('.player-verdict').dataset.level === 'ok'")
    answer_checkin(page, pain=rule.running_max + 1, easy=None)
    log = page.evaluate(LOG_JS)
    assert [(s["stage"], s["pain"], s["protocol"]) for s in log["sessions"]] == [
        (guide.ladder.stages[0].id, rule.running_max + 1, protocol.id)
    ]
    assert errors == []
    context.close()


def test_before_the_first_run_the_protocols_advice_and_its_self_tests(browser, site_url, guide):
    entry = knee(guide).ladder
    context, page, errors = open_ladder(browser, site_url)
    before = page.locator(".ladder .ladder-before")
    assert guide.ladder.words.before_you_start in before.inner_text()
    for item in entry.before_you_start:
        assert item.text in before.inner_text()
    link = before.get_by_role("link", name=guide.ladder.words.ready_heading)
    target = link.get_attribute("href")
    assert page.locator(target).count() == 1 and page.locator(target).inner_text() == guide.ladder.words.ready_heading
    # Several protocols with a way back to running: the runner can choose; the first is followed.
    runners = [p for p in guide.protocols if p.ladder]
    choice = page.locator(".ladder-protocol")
    assert choice.count() == (1 if len(runners) > 1 else 0)
    if len(runners) > 1:
        assert choice.locator("label").all_inner_texts() == [p.title for p in runners]
        assert choice.locator("input:checked").get_attribute("value") == runners[0].id
    # Once a run is logged, the page says what comes next instead.
    page.evaluate(WRITE_JS, {"sessions": [run_session(guide.ladder.stages[0].id, NOW.date(), 1)]})
    page.reload()
    page.wait_for_selector(".ladder:not([hidden]) [data-ladder-start]")
    assert page.locator(".ladder .ladder-before").count() == 0
    assert errors == []
    context.close()


def test_the_runner_chooses_whose_running_limit_to_follow(browser, site_url, guide):
    """With several protocols, a run is judged by the chosen one's running limit (kept for the next
    visit, and saved with the run): a pain above one limit and within the other's."""
    runners = sorted((p for p in guide.protocols if p.ladder), key=lambda p: p.pain_rule.running_max)
    if len(runners) < 2:
        pytest.skip("one protocol with a way back to running")
    strict, lenient = runners[0], runners[-1]
    pain = strict.pain_rule.running_max + 1
    assert pain <= lenient.pain_rule.running_max
    context, page, errors = open_ladder(browser, site_url)
    page.locator(f".ladder-protocol input[value={lenient.id}]").check()
    assert page.locator(f".ladder-protocol input[value={lenient.id}]").is_checked()
    before = page.locator(".ladder .ladder-before")
    assert all(item.text in before.inner_text() for item in lenient.ladder.before_you_start)
    assert before.get_by_role("link").last.get_attribute("href") == f"#ready-{lenient.id}"
    play_first_stage(page, guide.ladder)
    assert lenient.protocol.part in page.inner_text(".player-scale legend")
    page.click(f".player-choice:has(input[name=pain][value='{pain}'])")
    assert page.locator(".player-verdict").first.get_attribute("data-level") == "ok"
    answer_checkin(page, pain=pain, easy=None)
    log = page.evaluate(LOG_JS)
    assert [(s["pain"], s["protocol"]) for s in log["sessions"]] == [(pain, lenient.id)]
    page.keyboard.press("Escape")
    page.wait_for_selector(".player-dialog", state="detached")
    # Within the chosen limit: stay for more runs, not step back; the choice is kept.
    page.reload()
    page.wait_for_selector(".ladder:not([hidden]) [data-ladder-start]")
    assert page.locator(f".ladder-protocol input[value={lenient.id}]").is_checked()
    assert page.inner_text(".ladder-reason") == guide.ladder.words.reasons["more-runs"]
    # The other protocol's limit judges that run too painful.
    page.locator(f".ladder-protocol input[value={strict.id}]").check()
    assert page.inner_text(".ladder-reason") == guide.ladder.words.reasons["pain-too-high"]
    assert errors == []
    context.close()


def test_the_page_says_when_to_see_a_physiotherapist(browser, site_url, guide):
    ladder = guide.ladder
    ids = [s.id for s in ladder.stages]
    rules = ladder.rules
    part = knee(guide).protocol.part
    too_much = knee(guide).pain_rule.running_max + 1
    today = NOW.date()
    cases = {
        # Stepped back from the same stage twice (two bad runs there).
        "stepped-back-twice": [
            run_session(ids[1], today - datetime.timedelta(days=2 * n + 2), too_much)
            for n in range(rules.bad_runs_to_see_physio)
        ],
        # No higher stage for so many weeks.
        "no-progress": [run_session(ids[0], today - datetime.timedelta(weeks=rules.weeks_without_progress, days=1), 1)],
        None: [run_session(ids[0], today - datetime.timedelta(days=2), 1)],
    }
    for reason, sessions in cases.items():
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
            rules.bad_runs_to_see_physio,
            rules.weeks_without_progress,
        )
        assert expected.see_physio == reason
        context, page, errors = open_ladder(browser, site_url)
        page.evaluate(WRITE_JS, {"sessions": sessions})
        page.reload()
        page.wait_for_selector(".ladder:not([hidden]) [data-ladder-start]")
        said = page.locator(".ladder-see-physio")
        if reason is None:
            assert said.count() == 0
        else:
            words = ladder.words.see_physio[reason].replace("{part}", part)
            assert said.inner_text().startswith(words.replace("{weeks}", str(rules.weeks_without_progress)))
            assert said.get_attribute("data-reason") == reason
            assert (
                said.get_by_role("link", name=ladder.words.warning_signs).get_attribute("href") == "../see-a-clinician/"
            )
            assert "{" not in said.inner_text()
        assert errors == []
        context.close()


def test_without_storage_the_stages_still_run(browser, site_url, guide):
    context = browser.new_context(viewport=PHONE)
    # A browser that refuses storage refuses to open a database and to list them.
    context.add_init_script(
        "IDBFactory.prototype.open = function () { throw new DOMException('no', 'SecurityError'); };"
        "IDBFactory.prototype.databases = () => Promise.reject(new DOMException('no', 'SecurityError'));"
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
