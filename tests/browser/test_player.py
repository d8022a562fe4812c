"""The hands-free session player (/routines/<id>/#play) in a real browser on a phone-sized screen,
under Playwright's fake clock: whole routines with no input (guided tempo) and with one tap per rep,
speech, beeps and the wake lock through stubs, Back, reload, the keyboard alone, a late tick, axe in
both palettes, storage refused, the saved record, a clinic's changed dose, and `openPlayer`.

The steps the player must run come from the page data through player/core/session.js itself (its own unit
tests pin the order); the doses, words and thresholds from the page data or the generator's Python.
Nothing here retypes a number of the protocol.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from urllib.parse import urlparse

import pytest

from conftest import ROOT, axe_violations, mkdocs_build, project_copy, serve
from generator.load import load_guide

ROUTINE = "hip-strength-1"
PHONE = {"width": 390, "height": 844}
CLINIC = ROOT / "clinics" / "harbourside"

# Records what the player asks of the device, and what it shows, with the step on screen.
STUBS = r"""
(() => {
  const calls = window.__calls = {speech: [], beeps: [], wake: [], vibrate: [], steps: [], live: [], audio: 0};
  const stepNow = () => {
    const d = document.querySelector('.player-dialog');
    return d && d.hasAttribute('data-step') ? Number(d.getAttribute('data-step')) : -1;
  };
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
    speaking: false, pending: false, getVoices: () => (window.__voices || [{lang: 'en-GB', name: 'English', default: true}, {lang: 'es-ES', name: 'Español'}]),
    speak(u) { calls.speech.push({text: u.text, step: stepNow(), at: performance.now()}); },
    cancel() {},
  }});
  class Param { constructor() { this.value = 0; } setValueAtTime() {} linearRampToValueAtTime() {} }
  class Node { connect(next) { return next; } disconnect() {} }
  class Oscillator extends Node {
    constructor() { super(); this.frequency = new Param(); }
    start() { calls.beeps.push({f: this.frequency.value, step: stepNow(), at: performance.now()}); }
    stop() {}
  }
  window.AudioContext = class {
    constructor() { calls.audio += 1; this.state = 'running'; this.currentTime = 0; this.destination = new Node(); }
    createOscillator() { return new Oscillator(); }
    createGain() { const g = new Node(); g.gain = new Param(); return g; }
    resume() { return Promise.resolve(); }
    close() { return Promise.resolve(); }
  };
  Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: {request(type) {
    calls.wake.push('request:' + type);
    const sentinel = new EventTarget();
    sentinel.release = () => { calls.wake.push('release'); sentinel.dispatchEvent(new Event('release')); return Promise.resolve(); };
    return Promise.resolve(sentinel);
  }}});
  navigator.vibrate = (ms) => { calls.vibrate.push(ms); return true; };
  document.addEventListener('submit', (e) => {
    if (e.target.matches('.player-settings')) calls.begun = performance.now();
  }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target;
      if (r.type === 'attributes' && r.attributeName === 'data-step') {
        calls.steps.push({step: Number(t.getAttribute('data-step')), kind: t.getAttribute('data-kind'), at: performance.now()});
      } else if (r.type === 'childList' && t.classList && t.classList.contains('player-live')) {
        calls.live.push({text: t.textContent, step: stepNow()});
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-step']});
})();
"""

NO_INDEXEDDB = """IDBFactory.prototype.open = function () { throw new DOMException('refused', 'SecurityError'); };"""

SHOWN_JS = """() => {
  const d = document.querySelector('.player-dialog');
  if (!d || !d.open) return {screen: null};
  const text = (s) => { const e = d.querySelector(s); return e && !e.hidden ? e.textContent.trim() : null; };
  return {screen: d.getAttribute('data-screen'), step: Number(d.getAttribute('data-step') ?? -1),
          kind: d.getAttribute('data-kind'), paused: d.getAttribute('data-paused') === 'true',
          tap: d.getAttribute('data-tap') === 'true', name: text('.player-name'), where: text('.player-where'),
          big: text('.player-big'), phase: text('.player-phase'), count: text('.player-tap-count'),
          kindLabel: text('.player-kind'), live: text('.player-live'), hash: location.hash};
}"""

# The routine's player data: the page holds only its address (the player fetches it when Start is
# pressed); installed in every page as window.__playerData().
FETCH_PLAYER_DATA = """(async () => {
  const stub = JSON.parse(document.querySelector('[data-player]').getAttribute('data-player'));
  return (await fetch(new URL(stub.src, location.href))).json();
})()"""
PLAYER_DATA_JS = f"window.__playerData = () => {FETCH_PLAYER_DATA};"

STEPS_JS = (
    """async ([repMode, firstSide]) => {
  const data = await """
    + FETCH_PLAYER_DATA
    + """;
  const lib = await import(new URL('assets/javascripts/player/core/session.js', new URL(data.root, location.href)).href);
  const o = data.options;
  return lib.buildSteps(data.routine, {tempo: o.tempo, rest: o.rest, switch_s: o.switch_s, lead_in_s: o.lead_in_s,
                                       first_side: firstSide, rep_mode: repMode});
}"""
)

SAVED_JS = (
    """async () => {
  const data = await """
    + FETCH_PLAYER_DATA
    + """;
  const store = await import(new URL('assets/javascripts/log/store.js', new URL(data.root, location.href)).href);
  return (await store.logOf(new URL(data.root, location.href).pathname).read()).sessions;
}"""
)


# --- helpers ---------------------------------------------------------------------------------


def open_page(browser, base: str, path: str = f"routines/{ROUTINE}/", init: tuple[str, ...] = (), scheme: str = ""):
    """A fresh context (clean storage) on a phone, the device stubs and fake clock installed, at `path`.
    Returns (context, page, requests)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, has_touch=False)
    if scheme:
        palette = {"index": 0 if scheme == "default" else 1, "color": {"media": "", "scheme": scheme}}
        context.add_init_script(f"localStorage.setItem('/.__palette', {json.dumps(json.dumps(palette))})")
    context.add_init_script(STUBS)
    context.add_init_script(PLAYER_DATA_JS)
    for script in init:
        context.add_init_script(script)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.clock.install()
    page.goto(base + path)
    page.wait_for_selector("button[data-player-start]:not([hidden])")
    page.errors = errors  # checked by `closed`
    return context, page, requests


def closed(context, page):
    assert page.errors == [], page.errors
    context.close()


def page_data(page) -> dict:
    return page.evaluate("window.__playerData()")


def shown(page) -> dict:
    return page.evaluate(SHOWN_JS)


def calls(page) -> dict:
    return page.evaluate("window.__calls")


def steps_of(page, rep_mode: str = "tempo", first_side: str = "left") -> list[dict]:
    return page.evaluate(STEPS_JS, [rep_mode, first_side])


def total_ms(steps: list[dict]) -> int:
    return sum(s["duration_ms"] or 0 for s in steps)


def starts(steps: list[dict]) -> list[int]:
    """When each step begins, from the start of the session, with no input."""
    out, t = [], 0
    for step in steps:
        out.append(t)
        t += step["duration_ms"] or 0
    return out


def start_player(page, rep_mode: str = "tempo"):
    page.click("button[data-player-start]")
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    page.check(f"input[name=rep_mode][value={rep_mode}]")
    page.click(".player-begin")
    page.wait_for_selector(".player-dialog[data-screen=running]")


def saved(page) -> list[dict]:
    return page.evaluate(SAVED_JS)


def expected_items(data: dict, first_side: str = "left") -> list[dict]:
    """Every set of every item, each side in order, completed: what a whole session records."""
    sides = [first_side, "right" if first_side == "left" else "left"]
    items = []
    for item in data["routine"]["items"]:
        dose = item["dose"]
        sets = [
            {"set": n, "side": side, "reps": dose["reps"], "seconds": None, "skipped": False}
            for n in range(1, dose["sets"] + 1)
            for side in (sides if item["each_side"] else [None])
        ]
        items.append({"item": item["id"], "sets": sets})
    return items


def rep_shown(words: dict, reps: int) -> list[str]:
    """Every "n of reps" the counter may show. (The fake clock also flows with real time between two
    calls from the test, so a check right after a key press may be a rep later on a busy machine.)"""
    return [words["rep_count"].replace("{rep}", str(n)).replace("{reps}", str(reps)) for n in range(1, reps + 1)]


def remaining_ms(state: dict) -> int:
    """The time a timed step shows as left ("m:ss", rounded up), in ms."""
    minutes, seconds = state["big"].split(":")
    return (int(minutes) * 60 + int(seconds)) * 1000


def answer_checkin(page, pain: int, easy: bool | None):
    page.click(f".player-choice:has(input[name=pain][value='{pain}'])")
    if easy is not None:
        page.click(f".player-choice:has(input[name=easy][value={'yes' if easy else 'no'}])")
    page.click(".player-save")
    page.wait_for_selector(".player-status[data-saved]")


def back_on_the_page(page, start_button):
    """After the player left through history, wait for the page and the keyboard on Start. Without
    the early popstate hook (app/history-hook.js on this page), Material fetches the page once more
    and swaps it in: wait for that first."""
    if not page.evaluate("Boolean(window.guideHistoryHook)"):
        page.wait_for_function("b => !b.isConnected", arg=start_button)
    page.wait_for_function("document.activeElement && document.activeElement.matches('button[data-player-start]')")


def only_site(requests: list[str], base: str) -> list[str]:
    site = urlparse(base).netloc
    return [u for u in requests if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != site]


# --- a whole routine, guided -----------------------------------------------------------------


def test_a_whole_routine_runs_hands_free_to_the_checkin_and_is_saved(browser, site_url):
    context, page, requests = open_page(browser, site_url)
    data = page_data(page)
    words, countdown = data["words"], data["options"]["countdown"]
    steps = steps_of(page)
    start_player(page)
    page.clock.run_for(total_ms(steps) + 1000)
    assert shown(page)["screen"] == "checkin"
    log = calls(page)

    # Every step shown once, in order, on time (the fake clock fires timers exactly).
    assert [(s["step"], s["kind"]) for s in log["steps"]] == [(i, s["kind"]) for i, s in enumerate(steps)]
    begun = log["begun"]
    drift = [s["at"] - begun - at for s, at in zip(log["steps"], starts(steps), strict=True)]
    assert 0 <= drift[0] <= 1000, drift  # the first screen: real work, while the fake clock flows
    # Every later step on its timer, to the ms, counted from the second step: until run_for starts,
    # the fake clock flows at real speed, so the second step's offset holds some real time.
    assert 0 <= drift[1] <= 1000, drift
    assert all(0 <= d - drift[1] <= 2 for d in drift[1:]), drift

    # Each step said once, by the voice (the screen reader's live region stays quiet while the voice
    # speaks), then only its reps or its last seconds.
    assert [x["text"] for x in log["live"] if x["text"]] == []
    for i, step in enumerate(steps):
        said = [u["text"] for u in log["speech"] if u["step"] == i]
        assert said[0] and said.count(said[0]) == 1, (i, said)
        if step["kind"] == "reps":
            reps = [words["say_up"].replace("{rep}", str(n)) for n in range(1, step["reps"] + 1)]
            assert said[1:] == [x for r in reps for x in (r, words["down"])], (i, said)
        elif step["kind"] == "done":
            assert said == [words["done"]]
        else:
            assert said[1:] == [str(n) for n in range(countdown, 0, -1)], (i, said)
        beeps = [b for b in log["beeps"] if b["step"] == i]
        assert len(beeps) == len(said) - (1 if step["kind"] == "done" else 0), (i, len(beeps))
    assert len(log["vibrate"]) == len(steps)
    assert log["audio"] == 1
    assert log["wake"] == ["request:screen", "release"]

    # The check-in: the pain rule on the spot, then the session saved as it was played.
    pain = data["pain"]
    question = words["pain_question"].replace("{min}", "0").replace("{max}", str(pain["scale_max"]))
    assert page.inner_text(".player-scale legend") == question
    assert page.locator(".player-dialog input[name=pain]").evaluate_all("xs => xs.map(x => Number(x.value))") == list(
        range(pain["scale_max"] + 1)
    )
    for score, word in [(pain["ok_max"], "pain_ok"), (pain["acceptable_max"], "pain_acceptable"),
                        (pain["acceptable_max"] + 1, "pain_too_high")]:  # fmt: skip
        page.click(f".player-choice:has(input[name=pain][value='{score}'])")
        # The pain rule (log/core/rules.js) loads as the check-in opens.
        page.wait_for_function(
            "t => document.querySelector('.player-verdict').textContent.startsWith(t)", arg=words[word]
        )
    assert page.get_attribute(".player-verdict a", "href") == data["links"]["clinician"]
    answer_checkin(page, pain["ok_max"], True)
    assert page.inner_text(".player-verdict >> nth=1") == words["move_on_ready"]
    assert page.inner_text(".player-status").startswith(words["saved"])
    [session] = saved(page)
    assert session["items"] == expected_items(data)
    assert (session["routine"], session["plan"], session["source"]) == (ROUTINE, None, "player")
    assert (session["pain"], session["easy"], session["stage"]) == (pain["ok_max"], True, None)
    assert re.fullmatch(r"[a-z0-9-]+", session["id"])
    took = datetime.fromisoformat(session["ended"][:-1]) - datetime.fromisoformat(session["started"][:-1])
    assert abs(took.total_seconds() * 1000 - total_ms(steps)) < 2000
    assert only_site(requests, site_url) == []
    closed(context, page)


def test_an_exercise_whose_work_is_the_lowering_is_counted_in_its_own_words(browser, site_url, guide):
    """Its own pace (else the guide's) times each repetition; the screen and the voice say its words
    for the way up and the way down instead of the plain "up" and "down"."""
    routine = next(
        (r for r in guide.routines if any(getattr(guide.item(e.item), "lowering", None) for e in r.items)), None
    )
    if routine is None:
        pytest.skip("no routine holds an exercise whose work is the lowering")
    context, page, _ = open_page(browser, site_url, f"routines/{routine.id}/")
    data = page_data(page)
    words, items = data["words"], data["routine"]["items"]
    steps = steps_of(page)
    index = next(i for i, s in enumerate(steps) if s["kind"] == "reps" and items[s["item"]]["lowering"])
    item = items[steps[index]["item"]]
    exercise = guide.item(item["id"])
    assert item["lowering"] == {"up": exercise.lowering.up, "down": exercise.lowering.down}
    tempo = exercise.tempo or guide.site.exercise.tempo
    assert (steps[index]["up_ms"], steps[index]["down_ms"]) == (tempo.up_seconds * 1000, tempo.down_seconds * 1000)
    start_player(page)
    page.clock.run_for(starts(steps)[index])
    phase = f"t => document.querySelector('.player-dialog[data-step=\"{index}\"] .player-phase')?.textContent === t"
    page.wait_for_function(phase, arg=item["lowering"]["up"])
    page.clock.run_for(steps[index]["up_ms"])
    page.wait_for_function(phase, arg=item["lowering"]["down"])
    said = [u["text"] for u in calls(page)["speech"] if u["step"] == index]
    up = words["say_lowering_up"].replace("{rep}", "1").replace("{up}", item["lowering"]["up"])
    assert said[1:3] == [up, item["lowering"]["down"]], said
    assert words["say_up"].replace("{rep}", "1") not in said
    closed(context, page)


def test_the_screen_shows_the_step_its_figure_and_where_the_runner_is(browser, site_url):
    context, page, _ = open_page(browser, site_url)
    data = page_data(page)
    words = data["words"]
    start_player(page)
    settings_said = page.inner_text(".player-dialog .player-title")
    assert settings_said == words["title"].replace("{routine}", data["routine"]["title"])
    page.keyboard.press("ArrowRight")  # past the lead-in
    first = data["routine"]["items"][0]
    state = shown(page)
    assert state["kind"] == "reps" and state["name"] == first["title"]
    assert state["where"] == "{} · {}".format(
        words["set_of"].replace("{set}", "1").replace("{sets}", str(first["dose"]["sets"])),
        words["side"].replace("{side}", words["left"]),
    )
    assert state["big"] in rep_shown(words, first["dose"]["reps"])[:2]
    assert state["phase"] in (words["up"], words["down"])
    assert page.locator(".player-cues li").all_inner_texts() == first["cues"]
    # The card's picture, copied with its ids prefixed, and every id in the page still unique.
    figure = page.evaluate("""() => {
        const svg = document.querySelector('.player-figure svg');
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        const refs = [...svg.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.value))
            .flatMap(v => [...v.matchAll(/url\\(#([^)]+)\\)/g)].map(m => m[1]));
        return {ids: svg.querySelectorAll('[id]').length, dupes: ids.filter((x, i) => ids.indexOf(x) !== i),
                prefixed: [...svg.querySelectorAll('[id]')].every(e => e.id.startsWith('player-')),
                labelled: (svg.getAttribute('aria-labelledby') || '').split(' ').every(id => document.getElementById(id)),
                refs: refs.every(id => id.startsWith('player-') && document.getElementById(id))};
    }""")
    assert figure == {"ids": figure["ids"], "dupes": [], "prefixed": True, "labelled": True, "refs": True}
    assert figure["ids"] > 0
    page.clock.run_for(first["dose"]["reps"] * 4000)  # the tempo: past the set, whatever it is
    state = shown(page)
    assert state["kind"] == "switch" and state["kindLabel"] == words["switch"]
    assert state["where"] == "{} · {}".format(
        words["set_of"].replace("{set}", "1").replace("{sets}", str(first["dose"]["sets"])),
        words["side"].replace("{side}", words["right"]),
    )
    assert re.fullmatch(r"\d+:\d\d", state["big"])
    closed(context, page)


def expected_from_steps(steps: list[dict]) -> list[dict]:
    """What a whole session of these steps records: each exercise step a set, completed in full."""
    items: list[dict] = []
    for step in steps:
        if step["kind"] not in ("reps", "hold", "timer"):
            continue
        if not items or items[-1]["item"] != step["id"]:
            items.append({"item": step["id"], "sets": []})
        reps = step["reps"] if step["kind"] == "reps" else None
        seconds = None if step["kind"] == "reps" else step["duration_ms"] // 1000
        items[-1]["sets"].append(
            {"set": step["set"], "side": step["side"], "reps": reps, "seconds": seconds, "skipped": False}
        )
    return items


NO_WAKE_LOCK = "Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: undefined});"


@pytest.mark.parametrize("routine", ["daily-stretches", "heat-and-rolling", "ice-after-runs"])
def test_holds_timers_and_spells_run_to_the_end_too(browser, site_url, routine):
    """The other shapes of dose, on a phone whose browser cannot keep the screen on."""
    context, page, _ = open_page(browser, site_url, f"routines/{routine}/", init=(NO_WAKE_LOCK,))
    data = page_data(page)
    steps = steps_of(page)
    page.click("button[data-player-start]")
    page.click(".player-begin")
    page.wait_for_selector(".player-dialog[data-screen=running]")
    assert page.inner_text(".player-note") == data["words"]["no_wake_lock"]
    page.clock.run_for(total_ms(steps) + 1000)
    log = calls(page)
    assert [s["step"] for s in log["steps"]] == list(range(len(steps)))
    # Each step announced once, however long (ice: 100 minutes); the page stays in view.
    assert sorted({u["step"] for u in log["speech"]}) == list(range(len(steps)))
    answer_checkin(page, 0, None)
    [session] = saved(page)
    assert session["items"] == expected_from_steps(steps) and session["easy"] is None
    closed(context, page)


# --- tap to count ------------------------------------------------------------------------------


def test_tap_to_count_runs_with_one_tap_per_rep(browser, site_url):
    context, page, _ = open_page(browser, site_url)
    data = page_data(page)
    words = data["words"]
    steps = steps_of(page, "tap")
    start_player(page, "tap")
    taps, sets = 0, 0
    while (state := shown(page))["screen"] == "running":
        if not state["tap"]:
            page.clock.run_for(remaining_ms(state))
            continue
        step = steps[state["step"]]
        assert state["count"] == words["rep_count"].replace("{rep}", "0").replace("{reps}", str(step["reps"]))
        counter = page.locator(".player-tap").bounding_box()
        name = page.locator(".player-name").bounding_box()
        for n in range(step["reps"]):
            box = counter if n % 2 else name  # tap anywhere: the counter, or the exercise's name
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        taps += step["reps"]
        sets += 1
        assert shown(page)["step"] == state["step"] + 1
    assert state["screen"] == "checkin"
    assert taps == sum(s["reps"] for s in steps if s["kind"] == "reps")
    assert sets == sum(1 for s in steps if s["kind"] == "reps")
    answer_checkin(page, data["pain"]["ok_max"], False)
    [session] = saved(page)
    assert session["items"] == expected_items(data)
    assert session["easy"] is False
    closed(context, page)


# --- keyboard --------------------------------------------------------------------------------


def test_a_keyboard_only_run(browser, site_url):
    context, page, _ = open_page(browser, site_url)
    data = page_data(page)
    words = data["words"]
    for _ in range(200):
        if page.evaluate("document.activeElement.matches('button[data-player-start]')"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    # The first press loads the player (player/start.js); then the keyboard is on Begin.
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('player-begin')")
    assert shown(page)["hash"] == "#play"
    # Tap mode and right side first, by keyboard: back to the radio groups, arrows choose.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("input[name=rep_mode][value=tap]") and page.is_checked("input[name=first_side][value=right]")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert shown(page)["screen"] == "running"
    page.keyboard.press("Space")
    assert shown(page)["paused"] and page.inner_text(".player-pause") == words["resume"]
    page.clock.run_for(60_000)
    assert shown(page)["step"] == 0
    page.keyboard.press("Space")
    assert not shown(page)["paused"]
    page.keyboard.press("ArrowRight")  # skip the lead-in
    state = shown(page)
    assert state["tap"] and state["where"].endswith(words["side"].replace("{side}", words["right"]))
    assert page.evaluate("document.activeElement.classList.contains('player-tap')")
    reps = data["routine"]["items"][0]["dose"]["reps"]
    for _ in range(reps - 1):
        page.keyboard.press("Enter")
    assert shown(page)["count"] == words["rep_count"].replace("{rep}", str(reps - 1)).replace("{reps}", str(reps))
    page.keyboard.press("Enter")
    assert shown(page)["kind"] == "switch"
    assert page.evaluate("document.activeElement.classList.contains('player-pause')")
    page.keyboard.press("ArrowLeft")  # back to the set just done: it counts again from 0
    assert shown(page)["step"] == 1 and shown(page)["count"].startswith("0")
    assert page.evaluate("document.activeElement.classList.contains('player-tap')")
    for _ in range(reps):
        page.keyboard.press("Enter")
    page.keyboard.press("ArrowRight")  # skip the switch
    assert shown(page)["kind"] == "reps"
    # Finish now, from the keyboard.
    for _ in range(10):
        if page.evaluate("document.activeElement.getAttribute('data-act')") == "end":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert shown(page)["screen"] == "checkin"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first pain score, 0
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 2
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # easy: yes
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # save
    page.wait_for_selector(".player-status[data-saved=true]")
    [session] = saved(page)
    assert (session["pain"], session["easy"]) == (2, True)
    first = session["items"][0]
    assert first["sets"][0] == {"set": 1, "side": "right", "reps": reps, "seconds": None, "skipped": False}
    start = page.query_selector("button[data-player-start]")
    page.keyboard.press("Escape")
    back_on_the_page(page, start)
    assert shown(page)["screen"] is None and page.evaluate("location.hash") == ""
    closed(context, page)


def test_space_and_enter_act_on_the_focused_control(browser, site_url):
    """In tap mode Space on the counter counts the repetition; on "Finish now" it finishes; with no
    control focused, Space pauses."""
    context, page, _ = open_page(browser, site_url)
    words = page_data(page)["words"]
    steps = steps_of(page, "tap")
    start_player(page, "tap")
    page.keyboard.press("ArrowRight")  # skip the lead-in: the counter has the keyboard
    assert page.evaluate("document.activeElement.classList.contains('player-tap')")
    reps = steps[1]["reps"]
    page.keyboard.press("Space")
    state = shown(page)
    assert not state["paused"] and state["count"] == words["rep_count"].replace("{rep}", "1").replace(
        "{reps}", str(reps)
    )
    page.keyboard.press("Enter")
    assert shown(page)["count"].startswith("2")
    # Space with the keyboard on the player itself, not on a control: pause, and carry on.
    page.evaluate("document.querySelector('.player-dialog').focus()")
    page.keyboard.press("Space")
    assert shown(page)["paused"] and shown(page)["count"].startswith("2")
    page.keyboard.press("Space")
    assert not shown(page)["paused"]
    page.focus(".player-dialog [data-act=end]")
    page.keyboard.press("Space")
    page.wait_for_selector(".player-dialog[data-screen=checkin]")
    closed(context, page)


@pytest.mark.parametrize("how", ["Escape", "close button"])
def test_stopping_a_running_session_goes_to_its_checkin_marked_early(browser, site_url, how):
    context, page, _ = open_page(browser, site_url)
    data = page_data(page)
    steps = steps_of(page)
    start_player(page)
    # In the lead-in nothing was done yet: stopping just closes.
    page.keyboard.press("Escape")
    assert shown(page)["screen"] is None
    start_player(page)
    page.clock.run_for(starts(steps)[1] + 10_000)  # into the first set
    if how == "Escape":
        page.keyboard.press("Escape")
    else:
        page.click(".player-close")
    page.wait_for_selector(".player-dialog[data-screen=checkin]")
    assert page.inner_text(".player-done") == data["words"]["ended_early"]
    answer_checkin(page, 1, None)
    [session] = saved(page)
    [first] = session["items"]
    reps = steps[1]["reps"]
    assert len(first["sets"]) == 1 and 0 < first["sets"][0]["reps"] < reps  # only what was done
    closed(context, page)


HIDE = """(hidden) => {
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => hidden ? 'hidden' : 'visible'});
  Object.defineProperty(document, 'hidden', {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event('visibilitychange'));
}"""


@pytest.mark.parametrize("wake_lock", [False, True])
def test_a_hidden_page_pauses_when_the_screen_is_not_kept_on(browser, site_url, wake_lock):
    """Without a wake lock the screen turns off: steps nobody saw are never recorded as done. With
    it, the runner switched apps and the session goes on."""
    context, page, _ = open_page(browser, site_url, init=() if wake_lock else (NO_WAKE_LOCK,))
    steps = steps_of(page)
    start_player(page)
    page.clock.run_for(starts(steps)[1] + 10_000)
    page.evaluate(HIDE, True)
    page.clock.run_for(120_000)
    page.evaluate(HIDE, False)
    page.clock.run_for(1_000)
    state = shown(page)
    if wake_lock:
        assert not state["paused"] and state["step"] > 1
        closed(context, page)
        return
    assert state["paused"] and state["step"] == 1
    page.click(".player-dialog [data-act=end]")
    page.wait_for_selector(".player-dialog[data-screen=checkin]")
    answer_checkin(page, 0, None)
    [session] = saved(page)
    [first] = session["items"]
    assert len(first["sets"]) == 1 and first["sets"][0]["reps"] < steps[1]["reps"]
    closed(context, page)


@pytest.mark.parametrize("voice", [True, False])
def test_each_step_is_said_once_by_the_voice_or_the_live_region_never_both(browser, site_url, voice):
    context, page, _ = open_page(browser, site_url)
    steps = steps_of(page)
    page.click("button[data-player-start]")
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    page.set_checked("#player-voice", voice)
    page.click(".player-begin")
    page.wait_for_selector(".player-dialog[data-screen=running]")
    page.clock.run_for(starts(steps)[4] + 500)
    log = calls(page)
    live = [x for x in log["live"] if x["text"]]
    if voice:
        assert live == []
        firsts = [next(u["text"] for u in log["speech"] if u["step"] == i) for i in range(5)]
        assert all(firsts)
    else:
        assert log["speech"] == []
        assert [x["step"] for x in live] == list(range(5))
    closed(context, page)


# --- history and reload ----------------------------------------------------------------------


def test_back_leaves_the_player_and_a_play_url_opens_it(browser, site_url):
    context, page, requests = open_page(browser, site_url)
    url = page.url
    start_player(page)
    page.clock.run_for(15_000)
    assert calls(page)["wake"] == ["request:screen"]
    hooked = page.evaluate("Boolean(window.guideHistoryHook)")
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    start = page.query_selector("button[data-player-start]")
    page.go_back()
    # Back while a session runs stops it early: the check-in, never the session thrown away.
    page.wait_for_selector(".player-dialog[data-screen=checkin]")
    assert page.inner_text(".player-done") == page_data(page)["words"]["ended_early"]
    assert calls(page)["wake"] == ["request:screen", "release"]
    if hooked:  # the page is back as it was: Material did not fetch it again
        assert url not in fetched
    page.click(".player-close")
    page.wait_for_function("!document.querySelector('.player-dialog')")
    back_on_the_page(page, start)
    assert page.url == url and page.is_visible("button[data-player-start]")
    page.go_forward()
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    page.keyboard.press("Escape")
    assert shown(page)["screen"] is None and page.evaluate("location.hash") == ""
    assert page.evaluate("document.activeElement.matches('button[data-player-start]')")
    page.goto(site_url)
    page.goto(url + "#play")
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    page.click(".player-close")
    assert shown(page)["screen"] is None and page.evaluate("location.hash") == ""
    assert only_site(requests, site_url) == []
    closed(context, page)


def test_reload_on_play_resumes_paused_where_it_was(browser, site_url):
    context, page, _ = open_page(browser, site_url)
    data = page_data(page)
    steps = steps_of(page)
    start_player(page)
    at = starts(steps)
    clams = next(i for i, s in enumerate(steps) if s["id"] == data["routine"]["items"][1]["id"] and s["kind"] == "reps")
    page.clock.run_for(at[clams] + 6_500)  # into its second rep
    before = shown(page)
    assert before["step"] == clams
    page.reload()
    page.wait_for_selector(".player-dialog[data-screen=running]")
    after = shown(page)
    assert (after["step"], after["paused"], after["hash"]) == (clams, True, "#play")
    reps = rep_shown(data["words"], steps[clams]["reps"])
    assert reps.index(after["big"]) - reps.index(before["big"]) in (0, 1)  # where it was at the reload
    assert after["live"].startswith(data["words"]["paused"])
    page.clock.run_for(30_000)
    assert shown(page)["big"] == after["big"]  # paused: time stands still
    page.click(".player-pause")
    assert calls(page)["wake"] == ["request:screen"]
    said = calls(page)["speech"]  # where it is, said once on Carry on
    assert said and after["live"] == f"{data['words']['paused']}. {said[0]['text']}"
    page.clock.run_for(total_ms(steps) - at[clams] - 6_500 + 1000)
    assert shown(page)["screen"] == "checkin"
    answer_checkin(page, 0, True)
    [session] = saved(page)
    assert session["items"] == expected_items(data)
    # Closed on purpose, the session is gone: a reload then shows the settings.
    page.click(".player-dialog [data-act=close]")
    page.goto(page.url + "#play")
    page.reload()
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    closed(context, page)


def test_a_late_tick_lands_on_the_right_step(browser, site_url):
    context, page, _ = open_page(browser, site_url)
    steps = steps_of(page)
    at = starts(steps)
    start_player(page)
    page.clock.run_for(5_000)
    page.evaluate("window.__calls.speech.length = 0; window.__calls.live.length = 0")
    page.clock.fast_forward(90_000)  # a phone in a pocket, its tab asleep
    now = 95_000
    expected = max(i for i, t in enumerate(at) if t <= now)
    state = shown(page)
    assert state["step"] == expected, (state, steps[expected])
    left = -(-(at[expected] + steps[expected]["duration_ms"] - now) // 1000) * 1000
    assert remaining_ms(state) in (left, left - 1000)
    log = calls(page)
    assert {u["step"] for u in log["speech"]} == {expected}  # only the step reached is announced
    closed(context, page)


# --- accessibility -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_in_any_player_state(browser, site_url, scheme):
    context, page, _ = open_page(browser, site_url, scheme=scheme)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    problems = {}
    page.click("button[data-player-start]")
    page.wait_for_selector(".player-dialog[data-screen=settings]")  # player/player.js loads on the click
    problems["settings"] = axe_violations(page)
    page.check("input[name=rep_mode][value=tap]")
    page.click(".player-begin")
    problems["lead-in"] = axe_violations(page)
    page.keyboard.press("ArrowRight")
    problems["tap"] = axe_violations(page)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Space")
    problems["paused"] = axe_violations(page)
    page.keyboard.press("Space")
    page.close()
    page = context.new_page()
    page.errors = []
    page.clock.install()
    page.goto(site_url + f"routines/{ROUTINE}/")
    page.click("button[data-player-start]")
    page.check("input[name=rep_mode][value=tempo]")
    page.click(".player-begin")
    page.keyboard.press("ArrowRight")
    problems["exercise"] = axe_violations(page)
    page.keyboard.press("ArrowRight")
    assert shown(page)["kind"] == "switch"
    problems["switch"] = axe_violations(page)
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    assert shown(page)["kind"] == "rest"
    problems["rest"] = axe_violations(page)
    page.click(".player-dialog [data-act=end]")
    data = page_data(page)
    page.click(f".player-choice:has(input[name=pain][value='{data['pain']['scale_max']}'])")
    page.click(".player-save")
    page.wait_for_selector(".player-status[data-saved]")
    problems["checkin"] = axe_violations(page)
    assert {state: found for state, found in problems.items() if found} == {}
    closed(context, page)


# --- storage refused -------------------------------------------------------------------------


def test_storage_refused_the_player_runs_to_the_end_and_says_it_was_not_saved(browser, site_url):
    context, page, _ = open_page(browser, site_url, init=(NO_INDEXEDDB,))
    data = page_data(page)
    words = data["words"]
    steps = steps_of(page)
    start_player(page)
    page.clock.run_for(total_ms(steps) + 1000)
    assert shown(page)["screen"] == "checkin"
    answer_checkin(page, 1, True)
    assert page.get_attribute(".player-status", "data-saved") == "false"
    reason = words["reason_unavailable"]
    assert page.inner_text(".player-status") == words["not_saved"].replace("{reason}", reason)
    page.click(".player-dialog [data-act=close]")
    assert shown(page)["screen"] is None
    closed(context, page)


# --- openPlayer (the /my-plan/ page's way in) --------------------------------------------------


def test_open_player_plays_a_plan_and_saves_it_as_the_plans(browser, site_url):
    context, page, _ = open_page(browser, site_url)
    page.evaluate("""async () => {
        const data = await window.__playerData();
        data.routine = {...data.routine, id: 'plan-7', items: data.routine.items.slice(1, 2)};
        const t = document.createElement('template');
        t.setAttribute('data-player-figure', data.routine.items[0].id);
        t.innerHTML = '<svg role="img" aria-label="x" id="player-tpl" viewBox="0 0 10 10"><circle r="4" cx="5" cy="5"/></svg>';
        document.querySelector('.md-content').appendChild(t);
        const play = await import(new URL('assets/javascripts/player/player.js', new URL(data.root, location.href)).href);
        play.openPlayer(data, {plan: 'plan-7', figures: 'templates', stage: 'stage-3'});
    }""")
    page.wait_for_selector(".player-dialog[data-screen=settings]")
    assert page.evaluate("Boolean(document.querySelector('.player-dialog').closest('.md-typeset'))")
    assert page.locator(".player-items li").count() == 1
    page.click(".player-begin")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.querySelector('.player-figure svg').id") == "player-tpl"
    page.click(".player-dialog [data-act=end]")
    answer_checkin(page, 0, None)
    [session] = saved(page)
    assert (session["routine"], session["plan"], session["stage"]) == (None, "plan-7", "stage-3")
    assert session["items"][0]["sets"][0]["skipped"] is False and session["items"][0]["sets"][0]["reps"] == 0
    page.go_back()
    page.wait_for_function("!document.querySelector('.player-dialog')")
    closed(context, page)


# --- a clinic's copy ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clinic_url(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("player-clinic") / "guide")
    out = tmp_path_factory.mktemp("player-clinic-site")
    brand = project / "clinics" / "harbourside" / "brand.yml"
    result = mkdocs_build(project, out, env={"GUIDE_BRAND": str(brand)})
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(out)
    yield url
    server.shutdown()


def test_a_clinic_copy_counts_its_own_dose(browser, clinic_url):
    dose = load_guide(ROOT / "data", CLINIC / "brand.yml").item("clams").dose
    context, page, _ = open_page(browser, clinic_url)
    data = page_data(page)
    words = data["words"]
    steps = steps_of(page)
    clams = next(i for i, step in enumerate(steps) if step["id"] == "clams" and step["kind"] == "reps")
    start_player(page)
    for _ in range(clams):
        page.keyboard.press("ArrowRight")
    assert shown(page)["step"] == clams, shown(page)
    state = shown(page)
    assert state["where"].startswith(words["set_of"].replace("{set}", "1").replace("{sets}", str(dose.sets)))
    assert state["big"] in rep_shown(words, dose.reps)[:2]
    page.clock.run_for(total_ms(steps))
    answer_checkin(page, 0, True)
    [session] = saved(page)
    [clams] = [i for i in session["items"] if i["item"] == "clams"]
    assert [(s["set"], s["side"], s["reps"], s["skipped"]) for s in clams["sets"]] == [
        (n, side, dose.reps, False) for n in range(1, dose.sets + 1) for side in ("left", "right")
    ]
    assert (dose.sets, dose.reps) == (2, 15)  # the overlay's change, as the issue states it
    closed(context, page)
