"""The log on the device, in the browser: "I did this routine today", the next-morning check-in,
/progress/ (counts, calendar, chart, table, the rules' advice, the kept plan), export, import and
delete, reminders, storage faults, two guides on one host, accessibility, print, and privacy.

Days are made with Playwright's fake clock; records are saved through the page's own code (the
buttons, or log/store.js imported into the page). Every context these tests open records its
requests, and each test ends by checking that none left the site or carried anything logged."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from conftest import axe_violations, serve
from helpers import knee

TIMEZONE = "Europe/London"
MONDAY = datetime(2026, 11, 23, 18, 0)  # a Monday; the guide's weeks start on Monday
MARKER = "zq-private-marker"  # in record ids: must never appear in a request
# Stubs of the browser's answer to "keep this site's storage", set before any page script runs.
# Each time the page asks, a count goes up in localStorage (the guide must ask only once).
PERSIST = """
navigator.storage.persist = async () => {
  localStorage.setItem("asked", String(Number(localStorage.getItem("asked") || 0) + 1));
  return OK;
};
navigator.storage.persisted = async () => OK;
"""
QUOTA = """
(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return put.apply(this, args);
  };
})();
"""
NO_INDEXEDDB = """
indexedDB.open = () => { throw new DOMException("The user denied permission to access the database.", "SecurityError"); };
"""


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def session(n: int, when: datetime, routine: str | None = "hip-strength-1", pain=2, easy=True, **extra) -> dict:
    """A log/core/records.js Session (times are UTC; London is UTC in winter)."""
    return {
        "v": 2,
        "protocol": None,
        "id": f"{MARKER}-s{n}",
        "routine": routine,
        "plan": None,
        "source": "player",
        "started": iso(when),
        "ended": iso(when + timedelta(minutes=20)),
        "items": [
            {"item": "clams", "sets": [{"set": 1, "side": "left", "reps": 20, "seconds": None, "skipped": False}]}
        ],
        "pain": pain,
        "easy": easy,
        "stage": None,
        **extra,
    }


def checkin(n: int, of: dict, worse: bool, pain: int | None) -> dict:
    day = (datetime.fromisoformat(of["started"][:19]) + timedelta(days=1)).date().isoformat()
    return {
        "v": 1,
        "id": f"{MARKER}-c{n}",
        "kind": "morning",
        "date": day,
        "session": of["id"],
        "worse": worse,
        "pain": pain,
    }


PLAN = {
    "id": "plan-zq1",
    "v": 1,
    "clinic": "default",
    "clinician": "Sam Patel",
    "note": "Ice after runs.",
    "start": "2026-11-01",
    "review": "2027-01-12",
    "how_often": {"days_per_week": 3},
    "items": [
        {"kind": "routine", "id": "hip-strength-1", "dose": None},
        {"kind": "exercise", "id": "clams", "dose": {"shape": "reps", "sets": 2, "reps": 15}},
    ],
    "kept": "2026-11-02T09:00:00.000Z",
    "link": ["p1.eNpLy0nMBQ", "AAR8CBQ"],  # the plan's link fragment, kept in parts by /my-plan/
}


def full_log(weeks: int = 6) -> dict:
    """Several weeks before MONDAY of sessions of three routines and single items, pain coming
    down, with morning check-ins; the latest session (Saturday) has no check-in yet."""
    sessions, checkins = [], []
    start = MONDAY - timedelta(weeks=weeks)
    n = 0
    for w in range(weeks):
        for day, routine in ((0, "hip-strength-1"), (3, "hip-strength-1"), (3, "daily-stretches"), (5, None)):
            n += 1
            when = start + timedelta(weeks=w, days=day, minutes=n)
            s = session(n, when, routine, pain=max(0, 6 - w), easy=w >= 4)
            if routine is None:
                s["items"] = [{"item": "ice", "sets": []}]
            sessions.append(s)
            if routine == "hip-strength-1":
                checkins.append(checkin(n, s, worse=w == 0, pain=max(0, 5 - w)))
    return {"sessions": sessions, "checkins": checkins, "plans": [PLAN]}


@pytest.fixture
def words(guide):
    return guide.progress.words


# How the shipped protocol names what hurts ("your knee"): the log's sentences about its routines say it.
PART = "your knee"


@pytest.fixture
def contexts(browser):
    """Make browser contexts (fake clock, London time, persistent storage granted unless told
    otherwise) that record every request; at the end, check none left the site or carried data."""
    made = []

    def make(base: str, at: datetime = MONDAY, persist: bool = True, init: str = "", scheme: str | None = None):
        context = browser.new_context(
            viewport={"width": 1000, "height": 900}, timezone_id=TIMEZONE, accept_downloads=True
        )
        context.add_init_script(PERSIST.replace("OK", "true" if persist else "false") + init)
        if scheme:
            palette = {"index": 0 if scheme == "default" else 1, "color": {"media": "", "scheme": scheme}}
            scope = urlparse(base).path
            context.add_init_script(
                f"localStorage.setItem({json.dumps(scope + '.__palette')}, {json.dumps(json.dumps(palette))})"
            )
        requests: list = []

        def record(request) -> None:  # Playwright wants a Python function here, not a bound built-in
            requests.append(request)

        context.on("request", record)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.clock.install(time=at)
        made.append((context, base, requests, errors))
        return page

    yield make
    problems = []
    for context, base, requests, errors in made:
        origin = urlparse(base).netloc
        if not requests:
            problems.append("no request recorded")
        for request in requests:
            url = urlparse(request.url)
            mine = url.netloc == origin if url.scheme == "http" else request.url.startswith(f"blob:http://{origin}/")
            if not (mine or url.scheme == "data") or request.post_data is not None or request.method != "GET":
                problems.append(f"{request.method} {request.url}")
            if MARKER in request.url or "Sam Patel" in request.url:
                problems.append(f"logged data in {request.url}")
        problems += errors
        context.close()
    assert problems == []


def scope_of(base: str) -> str:
    return urlparse(base).path


def write(page, base: str, records: dict) -> None:
    """Write records with the site's own log/store.js, as the player and /my-plan/ do."""
    page.evaluate(
        """async ({src, scope, records}) => {
            const {logOf} = await import(src);
            await logOf(scope).write(records);
        }""",
        {"src": base + "assets/javascripts/log/store.js", "scope": scope_of(base), "records": records},
    )


def read(page, base: str) -> dict:
    return page.evaluate(
        """async ({src, scope}) => {
            const {logOf} = await import(src);
            return await logOf(scope).read();
        }""",
        {"src": base + "assets/javascripts/log/store.js", "scope": scope_of(base)},
    )


def open_progress(page, base: str) -> None:
    page.goto(base + "progress/")
    page.wait_for_selector(".log-view > *")


def did_it(page, words, pain: int | None, easy: str | None) -> str:
    """Fill in "I did this routine today" on the routine page that is open; returns what it says."""
    box = page.locator(".did-it")
    box.get_by_role("button", name=words.did_it_today).click()
    if pain is not None:
        box.locator(f"input[name=pain][value='{pain}']").check()
    if easy is not None:
        box.locator(f"input[name=easy][value='{easy}']").check()
    box.get_by_role("button", name=words.did_it_save).click()
    page.wait_for_selector(".did-it .log-done:not([hidden]), .did-it .log-status:not(:empty)")
    return box.inner_text()


def test_a_week_logged_by_hand_shows_counts_check_in_and_move_on(contexts, site_url, words):
    page = contexts(site_url)
    page.goto(site_url + "routines/hip-strength-1/")
    said = did_it(page, words, pain=3, easy="yes")
    assert words.saved in said and words.persist_denied not in said
    # The same day: no check-in yet (the morning has not come).
    page.goto(site_url + "routines/daily-stretches/")
    page.wait_for_selector(".did-it[data-mounted]")
    assert page.locator(".checkin").is_hidden()

    page.clock.set_system_time(MONDAY + timedelta(days=1, hours=-10))  # Tuesday, 08:00
    page.goto(site_url + "routines/daily-stretches/")
    panel = page.locator(".checkin")
    panel.wait_for(state="visible")
    assert fill(words.checkin_question, part=PART) in panel.inner_text()
    assert fill(words.checkin_pain, min=0, max=10) in panel.inner_text()
    panel.get_by_role("button", name=words.checkin_later).click()
    assert panel.is_hidden()
    page.reload()
    page.wait_for_selector(".did-it[data-mounted]")
    page.wait_for_timeout(300)
    assert page.locator(".checkin").is_hidden()  # "not now" lasts the day

    page.clock.set_system_time(MONDAY + timedelta(days=2, hours=-10))  # Wednesday morning
    open_progress(page, site_url)
    panel = page.locator(".checkin")
    panel.wait_for(state="visible")
    panel.locator("input[name=worse][value=no]").check()
    panel.locator("input[name=pain][value='1']").check()
    panel.get_by_role("button", name=words.checkin_answer).click()
    page.wait_for_selector(".checkin .log-done:not([hidden])")
    assert words.saved in panel.inner_text()
    # The progress page took the answer in at once.
    page.wait_for_selector(".log-table td:text-is('1')")

    page.clock.set_system_time(MONDAY + timedelta(days=3))  # Thursday evening
    page.goto(site_url + "routines/daily-stretches/")
    did_it(page, words, pain=None, easy=None)
    page.goto(site_url + "routines/hip-strength-1/")
    said = did_it(page, words, pain=2, easy="yes")
    # Its next morning has not come: the guide does not say "move on" before it.
    assert fill(words.move_on, next="Hip strength, level 2", part=PART) not in said
    # Through Material's instant navigation, as a runner would go.
    page.locator(".did-it").get_by_role("link", name=words.see_progress).click()
    page.wait_for_url("**/progress/")
    page.wait_for_selector(".log-view > *")

    log = read(page, site_url)
    assert len(log["sessions"]) == 3 and len(log["checkins"]) == 1 and log["damaged"] == 0
    manual = [s for s in log["sessions"] if s["routine"] == "hip-strength-1"]
    assert all(s["source"] == "manual" and s["items"] == [] for s in manual)
    assert sorted(s["pain"] for s in manual) == [2, 3]
    assert log["checkins"][0]["date"] == "2026-11-25" and log["checkins"][0]["worse"] is False

    week = page.locator(".log-week").inner_text()
    assert "Hip strength, level 1: " + counted(words.week_count, 2, done=2, target=2) in week
    assert "Stretches: " + counted(words.week_count_open, 1, done=1) in week
    summary = page.locator(".log-summary").inner_text()
    times, weeks = counted(words.summary_times, 2, count=2), counted(words.summary_weeks, 4, count=4)
    assert fill(words.summary_line, routine="Hip strength, level 1", times=times, weeks=weeks) in summary
    assert (
        page.locator(".log-move-on").count() == 0
        or fill(words.move_on, next="Hip strength, level 2", part=PART) not in page.locator(".log-move-on").inner_text()
    )
    today = page.locator(".log-calendar td[aria-current=date]")
    assert "Hip strength, level 1" in today.inner_text() and "Stretches" in today.inner_text()

    # Friday morning: no worse. Now the guide offers the next level.
    page.clock.set_system_time(MONDAY + timedelta(days=4, hours=-10))
    page.reload()
    panel = page.locator(".checkin")
    panel.wait_for(state="visible")
    panel.locator("input[name=worse][value=no]").check()
    panel.get_by_role("button", name=words.checkin_answer).click()
    page.wait_for_selector(".checkin .log-done:not([hidden])")
    prompt = page.locator(".log-move-on")
    prompt.wait_for(state="visible")
    assert fill(words.move_on, next="Hip strength, level 2", part=PART) in prompt.inner_text()
    assert prompt.get_by_role("link", name=words.move_on_open).get_attribute("href") == "../routines/hip-strength-2/"
    assert "Hip strength, level 1" in page.locator(".log-calendar tbody tr").last.locator("td").first.inner_text()
    rows = page.locator(".log-table tbody tr")
    assert rows.count() == 3
    assert rows.first.locator("td").nth(4).inner_text() == words.answer_no  # worse next morning
    assert rows.first.locator("td").nth(5).inner_text() == "1"


def test_did_it_by_keyboard_alone(contexts, site_url, words):
    page = contexts(site_url)
    page.goto(site_url + "routines/hip-strength-2/")
    page.locator(".did-it").get_by_role("button", name=words.did_it_today).focus()
    page.keyboard.press("Enter")
    # The form's code loads on that first press; then the keyboard is in its first field.
    page.wait_for_function("document.activeElement && document.activeElement.name === 'pain'")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "yes", the first answer
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(".did-it .log-done:not([hidden])")
    assert page.evaluate("document.activeElement.classList.contains('log-done')")
    saved = read(page, site_url)["sessions"]
    assert [(s["routine"], s["pain"], s["easy"]) for s in saved] == [("hip-strength-2", 3, True)]


def test_the_check_in_is_offered_on_the_home_page(contexts, site_url, words):
    page = contexts(site_url)
    page.goto(site_url)
    write(page, site_url, {"sessions": [session(1, MONDAY - timedelta(days=1))]})
    page.reload()
    panel = page.locator(".checkin")
    panel.wait_for(state="visible")
    assert page.locator("h1 + .checkin").count() == 1  # offered under the title, where it is seen


def fill(template: str, **values) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def counted(word, n: int, **values) -> str:
    """A word for a count `n` as an English page writes it: its `one` form for 1, else `other`."""
    return fill(word.one if n == 1 and word.one else word.other, **values)


def test_ease_off_after_two_painful_sessions_in_a_row(contexts, site_url, words, guide):
    assert knee(guide).protocol.part == PART
    page = contexts(site_url, persist=False)
    page.goto(site_url + "routines/hip-strength-1/")
    write(page, site_url, {"sessions": [session(1, MONDAY - timedelta(days=2), pain=7)]})
    said = did_it(page, words, pain=7, easy="no")
    assert fill(words.ease_off, part=PART) in said and words.persist_denied in said
    open_progress(page, site_url)
    advice = page.locator(".log-ease-off")
    assert fill(words.ease_off, part=PART) in advice.inner_text()
    assert advice.get_by_role("link", name=words.warning_signs).get_attribute("href") == "../see-a-clinician/"
    assert page.locator(".log-move-on").count() == 0
    assert words.persist_denied in page.locator(".log-view").inner_text()
    assert page.evaluate("localStorage.getItem('asked')") == "1"  # asked once, said plainly each time


def test_a_full_storage_says_so_and_writes_nothing(contexts, site_url, words, tmp_path):
    page = contexts(site_url, init=QUOTA)
    page.goto(site_url + "routines/hip-strength-1/")
    earlier = session(1, MONDAY - timedelta(days=3))
    write(page, site_url, {"sessions": [earlier]})
    page.evaluate("window.__full = true")
    said = did_it(page, words, pain=2, easy="yes")
    assert words.storage_full in said and words.saved not in said
    assert page.locator(".did-it form").is_visible()  # the answers stay, to try again

    open_progress(page, site_url)
    page.evaluate("window.__full = true")
    exported = json.dumps({**log_file(full_log(1)), "sessions": [session(9, MONDAY), session(10, MONDAY)]})
    page.locator(".log-import input[type=file]").set_input_files(
        files=[{"name": "log.json", "mimeType": "application/json", "buffer": exported.encode()}]
    )
    status = page.locator(".log-take-it .log-status")
    status.wait_for(state="visible")
    assert words.storage_full in status.inner_text()
    page.evaluate("window.__full = false")
    log = read(page, site_url)
    assert [s["id"] for s in log["sessions"]] == [earlier["id"]] and log["checkins"] == [] and log["plans"] == []


def test_a_store_failing_part_way_through_an_import_writes_nothing(contexts, site_url, words):
    page = contexts(site_url, init=QUOTA.replace("if (window.__full)", "if (window.__full && --window.__full <= 0)"))
    page.goto(site_url)
    earlier = session(1, MONDAY - timedelta(days=3))
    write(page, site_url, {"sessions": [earlier]})
    open_progress(page, site_url)
    page.evaluate("window.__full = 3")  # the third put fails
    choose_file(page, "log.json", json.dumps(log_file(full_log(2))))
    page.locator(".log-take-it .log-status").wait_for(state="visible")
    page.evaluate("window.__full = 0")
    assert [s["id"] for s in read(page, site_url)["sessions"]] == [earlier["id"]]


def test_a_page_closed_in_the_middle_of_a_save_leaves_the_log_whole(contexts, site_url, words):
    """A big write (an import of many sessions) is started, and the page is closed before it can
    finish: the next visit finds the log as it was before, or with every new record, never half."""
    page = contexts(site_url)
    page.goto(site_url)
    earlier = [session(i, MONDAY - timedelta(days=30 - i)) for i in range(1, 6)]
    write(page, site_url, {"sessions": earlier})
    many = [session(1000 + i, MONDAY - timedelta(minutes=i)) for i in range(2000)]
    page.evaluate(
        """({src, scope, records}) => {
            import(src).then(({logOf}) => { logOf(scope).write(records); });
        }""",
        {
            "src": site_url + "assets/javascripts/log/store.js",
            "scope": scope_of(site_url),
            "records": {"sessions": many},
        },
    )
    page.wait_for_timeout(30)
    context = page.context
    again = context.new_page()
    page.close()
    again.goto(site_url)
    stored = read(again, site_url)
    ids = {s["id"] for s in stored["sessions"]}
    assert {s["id"] for s in earlier} <= ids
    assert len(ids) in (len(earlier), len(earlier) + len(many)), len(ids)
    assert stored["damaged"] == 0


UPGRADE_JS = """(name) => {
  window.__upgrade = 'waiting';
  const open = indexedDB.open(name, 2);
  open.onsuccess = () => { window.__upgrade = open.result.version; open.result.close(); };
  open.onerror = () => { window.__upgrade = 'failed'; };
}"""


def test_an_upgrade_of_the_log_in_another_tab_is_never_held_up(contexts, site_url, guide):
    """/progress/ holds the page's one connection; a newer version opening the log in another tab
    gets it at once, and /progress/ says to reload, in the words of the data."""
    page = contexts(site_url)
    page.goto(site_url)
    write(page, site_url, {"sessions": [session(1, MONDAY - timedelta(days=1))]})
    open_progress(page, site_url)
    other = page.context.new_page()
    other.goto(site_url + "about/")
    other.evaluate(UPGRADE_JS, "knee-guide:" + scope_of(site_url))
    other.wait_for_function("window.__upgrade !== 'waiting'", timeout=10_000)
    assert other.evaluate("window.__upgrade") == 2
    notice = page.locator("[data-guide-stale-notice]")
    notice.wait_for(state="visible")
    assert notice.locator("p").inner_text() == guide.ui.offline.log_upgraded
    assert notice.get_by_role("button").inner_text() == guide.ui.offline.update_reload


BLOCKED_JS = """async (name) => {
  const {openDatabase} = await import(new URL('../assets/javascripts/shared/idb.js', location.href).href);
  window.__opened = 'waiting';
  openDatabase(name, 2, () => {}, true).then((db) => { window.__opened = db.version; db.close(); },
    (error) => { window.__opened = 'failed: ' + error; });
}"""


def test_an_upgrade_blocked_by_another_tab_waits_for_it_instead_of_failing(contexts, site_url):
    page = contexts(site_url)
    page.goto(site_url + "about/")
    name = "knee-guide-test:" + scope_of(site_url)
    # Another tab holds version 1 open and does not let go when asked.
    holder = page.context.new_page()
    holder.goto(site_url + "about/")
    holder.evaluate(
        """(name) => new Promise((resolve) => { const open = indexedDB.open(name, 1);
           open.onsuccess = () => { window.__held = open.result; resolve(); }; })""",
        name,
    )
    page.evaluate(BLOCKED_JS, name)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__opened") == "waiting"  # blocked: waiting, not failed
    holder.evaluate("window.__held.close()")
    page.wait_for_function("window.__opened !== 'waiting'", timeout=10_000)
    assert page.evaluate("window.__opened") == 2


def test_reading_a_log_that_does_not_exist_creates_none(contexts, site_url):
    """Visiting the ladder and the progress page keeps nothing: no empty log, so the other pages
    still load none of the log's code."""
    page = contexts(site_url)
    page.goto(site_url + "return-to-running/")
    page.wait_for_selector("[data-ladder] .ladder-next")
    open_progress(page, site_url)
    page.wait_for_selector(".log-empty")
    assert page.evaluate("indexedDB.databases().then((all) => all.map((db) => db.name))") == []
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in loaded if "/javascripts/log/checkin.js" in url or "/javascripts/log/store.js" in url]


def test_storage_unavailable_says_so_and_the_page_still_works(contexts, site_url, words):
    page = contexts(site_url, init=NO_INDEXEDDB)
    page.goto(site_url + "routines/hip-strength-1/")
    said = did_it(page, words, pain=2, easy="yes")
    assert words.storage_unavailable in said
    open_progress(page, site_url)
    assert words.storage_unavailable in page.locator(".log-view").inner_text()
    assert page.locator(".log-take-it").is_hidden()
    assert page.locator(".log-reminders").is_visible()


def test_a_damaged_record_is_reported_and_left_out(contexts, site_url, words):
    page = contexts(site_url)
    page.goto(site_url)
    write(page, site_url, {"sessions": [session(1, MONDAY - timedelta(days=1))]})
    page.evaluate(
        """() => new Promise((resolve, reject) => {
            const open = indexedDB.open("knee-guide:/");
            open.onsuccess = () => {
                const tx = open.result.transaction("sessions", "readwrite");
                tx.objectStore("sessions").put({id: "broken", v: 1, started: "yesterday"});
                tx.oncomplete = () => { open.result.close(); resolve(); };
                tx.onerror = () => reject(tx.error);
            };
        })"""
    )
    open_progress(page, site_url)
    view = page.locator(".log-view").inner_text()
    assert counted(words.storage_corrupt, 1, count=1) in view
    assert page.locator(".log-table tbody tr").count() == 1


@pytest.fixture(scope="module")
def two_clinics(built_site, tmp_path_factory):
    """One build served twice on one host, under /a/ and /b/: two copies of the guide."""
    root = tmp_path_factory.mktemp("two")
    (root / "a").symlink_to(built_site, target_is_directory=True)
    (root / "b").symlink_to(built_site, target_is_directory=True)
    server, url = serve(root)
    yield url
    server.shutdown()


def test_two_guides_on_one_host_keep_separate_logs(contexts, two_clinics, words):
    a, b = two_clinics + "a/", two_clinics + "b/"
    page = contexts(two_clinics)
    page.goto(a + "routines/hip-strength-1/")
    did_it(page, words, pain=4, easy="no")
    page.goto(b + "routines/daily-stretches/")
    did_it(page, words, pain=1, easy="yes")
    open_progress(page, a)
    assert page.locator(".log-table tbody tr").count() == 1
    assert "Hip strength, level 1" in page.locator(".log-table").inner_text()
    open_progress(page, b)
    assert "Stretches" in page.locator(".log-table").inner_text()
    assert "Hip strength" not in page.locator(".log-table").inner_text()
    page.locator(".log-take-it").get_by_role("button", name=words.delete_all).click()
    page.locator(".log-confirm").get_by_role("button", name=words.delete_yes).click()
    page.wait_for_selector(".log-empty")
    assert [s["routine"] for s in read(page, a)["sessions"]] == ["hip-strength-1"]


def log_file(records: dict, version: int = 1) -> dict:
    return {"format": "knee-guide-log", "v": version, "site": "/", "exported": iso(MONDAY), **records}


def download(page, click) -> tuple[str, bytes]:
    with page.expect_download() as info:
        click()
    got = info.value
    return got.suggested_filename, Path(got.path()).read_bytes()


def test_export_delete_import_gives_the_same_log(contexts, site_url, words, guide):
    page = contexts(site_url)
    page.goto(site_url)
    records = full_log()
    write(page, site_url, records)
    open_progress(page, site_url)
    before = read(page, site_url)
    tools = page.locator(".log-take-it")
    page.wait_for_load_state("networkidle")
    # From here on everything happens on the device: files are Blobs, not requests. The only
    # requests are for the guide's own code, loaded when a button needs it (no data in them).
    asked = []
    page.on("request", lambda r: asked.append((r.method, r.url, r.post_data)))

    name, data = download(page, lambda: tools.get_by_role("button", name=words.export_json).click())
    assert name == fill(words.file_name, date="2026-11-23") + ".json"
    exported = json.loads(data)
    # The format is the data's, the name saved copies have always had (a file from before imports).
    assert exported["format"] == guide.site.storage.log_format == "knee-guide-log"
    assert exported["v"] == 2 and exported["site"] == "/"
    assert all(s["protocol"] is None for s in exported["sessions"]), "sessions of before are judged as before"
    csv_name, csv = download(page, lambda: tools.get_by_role("button", name=words.export_csv).click())
    assert csv_name.endswith(".csv") and csv.startswith("\ufeff".encode())
    header = csv.decode("utf-8-sig").split("\r\n")[0]
    assert header == ",".join(
        words.csv[c] for c in ["date", "routine", "item", "set", "side", "reps", "seconds", "skipped", "pain", "easy"]
    )
    assert "Hip strength, level 1" in csv.decode("utf-8-sig")

    tools.get_by_role("button", name=words.delete_all).click()
    confirm = page.locator(".log-confirm")
    assert words.delete_confirm in confirm.inner_text()
    confirm.get_by_role("button", name=words.delete_cancel).click()
    assert confirm.is_hidden() and len(read(page, site_url)["sessions"]) == len(records["sessions"])
    tools.get_by_role("button", name=words.delete_all).click()
    confirm.get_by_role("button", name=words.delete_yes).click()
    page.wait_for_selector(".log-empty")
    assert words.deleted in tools.locator(".log-status").inner_text()
    assert read(page, site_url) == {"sessions": [], "checkins": [], "plans": [], "damaged": 0}

    page.locator(".log-import input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": data}]
    )
    page.wait_for_selector(".log-summary")
    total = sum(len(records[k]) for k in ("sessions", "checkins", "plans"))
    assert fill(words.imported, added=total, kept=0) in tools.locator(".log-status").inner_text()
    after = read(page, site_url)
    # The same log, but a plan that came in a file is unverified, whatever the file said.
    before["plans"] = [{**plan, "verified": False} for plan in before["plans"]]
    for key in ("sessions", "checkins", "plans"):
        assert sorted(after[key], key=lambda r: r["id"]) == sorted(before[key], key=lambda r: r["id"])
    sent = [a for a in asked if not a[1].startswith("blob:")]
    assert all(
        method == "GET" and body is None and url.startswith(site_url + "assets/javascripts/") and "?" not in url
        for method, url, body in sent
    ), sent


HOSTILE_PLAN = {
    **PLAN,
    "id": "plan-zq2",
    "clinician": '<img src=x onerror="window.__pwned=1">',
    "link": ["javascript:window.__pwned=1"],
}
BAD_IMPORTS = [
    ("not-json.json", "<script>window.__pwned = 1</script>", "not-json"),
    ("newer.json", json.dumps(log_file({"sessions": [], "checkins": [], "plans": []}, version=9)), "wrong-version"),
    (
        "script.json",
        json.dumps(
            log_file(
                {
                    "sessions": [session(5, MONDAY, routine="<script>window.__pwned=1</script>")],
                    "checkins": [],
                    "plans": [],
                }
            )
        ),
        "bad-field",
    ),
    ("other.json", json.dumps({"format": "someone-elses-log", "v": 1}), "wrong-format"),
    ("half.json", json.dumps(log_file(full_log(1)))[:-40], "not-json"),
]


def choose_file(page, name: str, text: str | None = None, repeat: int = 0) -> None:
    """Give the import a file, made in the page (a big one is not sent over the wire)."""
    page.locator(".log-import input[type=file]").evaluate(
        """(input, {name, text, repeat}) => {
            const parts = repeat ? ["[", " ".repeat(repeat), "]"] : [text];
            const files = new DataTransfer();
            files.items.add(new File(parts, name, {type: "application/json"}));
            input.files = files.files;
            input.dispatchEvent(new Event("change", {bubbles: true}));
        }""",
        {"name": name, "text": text, "repeat": repeat},
    )


def test_a_bad_import_is_refused_and_the_log_is_untouched(contexts, site_url, words):
    page = contexts(site_url)
    page.goto(site_url)
    write(page, site_url, {"sessions": [session(1, MONDAY - timedelta(days=1))]})
    open_progress(page, site_url)
    before = read(page, site_url)
    status = page.locator(".log-take-it .log-status")
    cases = [*BAD_IMPORTS, ("huge.json", None, "too-large")]
    for name, text, reason in cases:
        page.evaluate("document.querySelector('.log-take-it .log-status').textContent = ''")
        choose_file(page, name, text, repeat=10 * 1024 * 1024 if text is None else 0)
        status.wait_for(state="visible")
        assert status.inner_text() == fill(words.import_refused, reason=words.errors[reason]), name
        assert read(page, site_url) == before, name
    assert page.evaluate("window.__pwned") is None
    assert (
        page.locator("script:not([src])").evaluate_all("s => s.filter(x => x.textContent.includes('__pwned')).length")
        == 0
    )


def test_markup_in_an_imported_plan_shows_as_text(contexts, site_url, words):
    page = contexts(site_url)
    open_progress(page, site_url)
    content = json.dumps(log_file({"sessions": [session(1, MONDAY)], "checkins": [], "plans": [HOSTILE_PLAN]}))
    choose_file(page, "plan.json", content)
    page.wait_for_selector(".log-plan")
    assert fill(words.plan_from, clinician=HOSTILE_PLAN["clinician"]) in page.locator(".log-plan").inner_text()
    assert page.locator(".log-plan img").count() == 0
    assert page.locator(".log-plan").get_by_role("link", name=words.plan_open).count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None


SHARE = """
navigator.canShare = (data) => Boolean(data && data.files);
navigator.share = async (data) => { window.__shared = {title: data.title, files: data.files.map((f) => [f.name, f.type])}; };
"""


def test_a_kept_plan_shows_its_status_and_one_brought_in_from_a_file_is_unverified(contexts, site_url, words, guide):
    page = contexts(site_url)
    page.goto(site_url)
    write(page, site_url, {"plans": [{**PLAN, "verified": True}]})
    open_progress(page, site_url)
    status = page.locator(".log-plan .log-plan-status")
    assert status.inner_text() == fill(words.plan_verified, clinic=guide.brand.name)
    assert status.get_attribute("data-verified") == "true"
    # A file that says its plan is verified: brought in, it shows as not verified.
    forged = {"format": "knee-guide-log", "v": 1, "site": "/", "exported": "2026-11-23T09:00:00.000Z",
              "sessions": [], "checkins": [], "plans": [{**PLAN, "id": "plan-zq2", "kept": "2026-11-23T10:00:00.000Z",
                                                          "verified": True, "clinician": "Dr Forger"}]}  # fmt: skip
    page.locator(".log-import input[type=file]").set_input_files(
        files=[{"name": "log.json", "mimeType": "application/json", "buffer": json.dumps(forged).encode()}]
    )
    page.wait_for_function(
        "() => document.querySelector('.log-plan') && /Forger/.test(document.querySelector('.log-plan').textContent)"
    )
    assert page.locator(".log-plan .log-plan-status").inner_text() == words.plan_not_verified
    assert [p["verified"] for p in sorted(read(page, site_url)["plans"], key=lambda p: p["id"])] == [True, False]


def test_the_kept_plan_sharing_and_reminders(contexts, site_url, words):
    page = contexts(site_url, init=SHARE)
    page.goto(site_url)
    write(page, site_url, full_log(2))
    open_progress(page, site_url)
    page.locator(".log-take-it").get_by_role("button", name=words.share).click()
    page.wait_for_function("window.__shared")
    name = fill(words.file_name, date="2026-11-23")
    assert page.evaluate("window.__shared") == {
        "title": words.share_title,
        "files": [[name + ".csv", "text/csv"], [name + ".json", "application/json"]],
    }
    plan = page.locator(".log-plan").inner_text()
    assert fill(words.plan_from, clinician="Sam Patel") in plan
    assert fill(words.plan_review, date="12 January 2027") in plan  # the guide's locale, en-GB
    assert counted(words.plan_often, 3, days=3) in plan and "Ice after runs." in plan
    assert "Clams: " + fill(words.dose_reps, sets=2, reps=15) in plan
    opened = page.locator(".log-plan").get_by_role("link", name=words.plan_open)
    assert opened.get_attribute("href") == "../my-plan/#p1.eNpLy0nMBQAAR8CBQ"

    reminders = page.locator(".log-reminders")
    for box in reminders.locator("input[name=routine]").all():
        box.uncheck()
    reminders.get_by_role("button", name=words.reminders_download).click()
    assert reminders.locator(".log-status").inner_text() == words.reminders_pick
    reminders.get_by_label("Hip strength, level 1").check()
    reminders.get_by_label("Stretches").check()
    reminders.get_by_label(words.weekdays[0]).check()
    reminders.get_by_label(words.weekdays[3]).check()
    reminders.get_by_label(words.reminders_time).fill("07:30")
    name, data = download(page, lambda: reminders.get_by_role("button", name=words.reminders_download).click())
    assert name == words.reminders_file + ".ics"
    events = {str(e.get("summary")): e for e in Calendar.from_ical(data.decode()).walk("VEVENT")}
    assert set(events) == {"Hip strength, level 1", "Stretches"}
    event = events["Hip strength, level 1"]
    assert str(event.get("url")) == site_url + "routines/hip-strength-1/"
    assert event.get("rrule")["FREQ"] == ["WEEKLY"] and sorted(event.get("rrule")["BYDAY"]) == ["MO", "TH"]
    start = event.get("dtstart").dt
    assert (start.hour, start.minute) == (7, 30) and start.date().isoformat() == "2026-11-23"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_empty_and_full(contexts, site_url, words, scheme):
    page = contexts(site_url, scheme=scheme)
    open_progress(page, site_url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    assert axe_violations(page) == []
    write(page, site_url, full_log())
    page.reload()
    page.wait_for_selector(".log-pain svg")
    page.locator(".checkin").wait_for(state="visible")
    page.locator(".log-take-it").get_by_role("button", name=words.delete_all).click()
    assert axe_violations(page) == []
    page.locator(".checkin").get_by_role("button", name=words.checkin_answer).hover()  # hover colours too
    assert axe_violations(page) == []


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_summary_prints_on_one_page(contexts, site_url, words, guide, size):
    page = contexts(site_url)
    page.goto(site_url)
    write(page, site_url, full_log(weeks=guide.progress.rules.table_sessions))
    open_progress(page, site_url)
    assert page.locator(".log-table tbody tr").count() == guide.progress.rules.table_sessions
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format=size, print_background=True)))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1
    assert "Hip strength, level 1" in text and words.table_pain in text and words.pain_during in text
    assert words.reminders not in text and words.take_it not in text
