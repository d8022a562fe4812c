"""The Content Security Policy of a deployed build: in every page (first in <head>) and in
`_headers`, the same; and under it every page and every interactive state runs with 0 policy
violations and 0 console errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import serve

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`));
"""
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


@pytest.fixture(scope="module")
def deployed_url(deployed_site):
    server, url = serve(deployed_site)
    yield url
    server.shutdown()


class Watch:
    """Policy violations and console errors of one page, from its first script on."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def problems(self) -> list[str]:
        return [*self.page.evaluate("window.__violations || []"), *self.errors]


def _addresses(site: Path) -> list[str]:
    found = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        found.append("" if relative == "." else relative + "/")
    return found


def test_the_policy_is_strict_and_the_same_in_every_page_and_in_headers(deployed_site):
    headers = (deployed_site / "_headers").read_text(encoding="utf-8")
    header = re.search(r"Content-Security-Policy: (.+)", headers)
    assert header
    policies = set()
    for html in deployed_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        metas = META.findall(text)
        assert len(metas) == 1, html
        # First in <head>: before any script or style sheet.
        assert text.index("Content-Security-Policy") < min(
            i for i in (text.find("<script"), text.find("<link"), len(text)) if i >= 0
        ), html
        policies.add(metas[0])
    assert len(policies) == 1
    (policy,) = policies
    # The header says the same, plus what only a header can say.
    assert header.group(1) == policy + "; frame-ancestors 'none'"
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    script = directives["script-src"].split()
    assert script[0] == "'self'" and all(s.startswith("'sha256-") for s in script[1:])
    assert "unsafe" not in policy and "http" not in policy and "*" not in policy
    for name in ("X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer", "Permissions-Policy: "):
        assert name in headers


def test_every_page_loads_with_no_violation_and_no_console_error(browser, deployed_site, deployed_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        watch = Watch(page)
        for address in _addresses(deployed_site):
            page.goto(deployed_url + address)
            page.wait_for_load_state("networkidle")
            assert watch.problems() == [], address
        # Material's own features: search, the colour toggle, instant navigation.
        page.goto(deployed_url)
        page.locator(".md-search__input").click()
        page.keyboard.type("clams")
        page.wait_for_selector(".md-search-result__item")
        page.keyboard.press("Escape")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.locator("article a.md-button", has_text="Find your plan").first.click()
        page.wait_for_selector("[data-flowchart]")
        assert watch.problems() == []
    finally:
        context.close()


def _wait(page, script: str, timeout_s: float = 30.0) -> None:
    """Poll a condition with page.evaluate (the policy forbids the eval that wait_for_function
    with a string would need)."""
    import time

    end = time.monotonic() + timeout_s
    while not page.evaluate(script):
        assert time.monotonic() < end, script
        page.wait_for_timeout(100)


def test_every_interactive_state_runs_under_the_policy(browser, deployed_url, guide):
    """The flowchart to its plan, the player to a saved session, the log with export and import,
    the plan builder, a plan opened from its link and kept, the offline page, and the service
    worker taking control: 0 violations, 0 console errors."""
    from test_flowchart import click_through, richest_self_care_path
    from test_player import answer_checkin, start_player, steps_of, total_ms
    from test_prescriptions import add, make_link

    context = browser.new_context(accept_downloads=True)
    try:
        # The fake clock belongs to the whole context: installed before the first page, so no page
        # starts a real timer that the fake clock is later asked to clear (Material's RxJS then
        # reports "executing a cancelled action").
        context.clock.install()
        page = context.new_page()
        watch = Watch(page)
        # The service worker installs and takes control.
        page.goto(deployed_url)
        _wait(page, "navigator.serviceWorker.controller !== null", 60)
        # The flowchart, to the richest plan.
        page.goto(deployed_url + "flowchart/")
        page.wait_for_selector(".flowchart-app .fc-heading")
        click_through(page, guide, richest_self_care_path(guide))
        page.wait_for_selector("[data-plan-part]")
        # The player, to a saved session.
        player = context.new_page()
        player_watch = Watch(player)
        player.goto(deployed_url + "routines/hip-strength-1/")
        player.wait_for_selector("button[data-player-start]:not([hidden])")
        start_player(player)
        player.clock.run_for(total_ms(steps_of(player)) + 1000)
        player.wait_for_selector(".player-dialog[data-screen=checkin]")
        answer_checkin(player, pain=2, easy=True)
        assert player.get_attribute(".player-status", "data-saved") == "true"
        assert player_watch.problems() == []
        # The log, its export and an import.
        page.goto(deployed_url + "progress/")
        page.wait_for_selector(".log-view > *")
        words = guide.progress.words
        with page.expect_download() as download:
            page.get_by_role("button", name=words.export_json).click()
        saved = download.value.path().read_bytes()
        page.locator(".log-import input[type=file]").set_input_files(
            files=[{"name": "log.json", "mimeType": "application/json", "buffer": saved}]
        )
        page.wait_for_selector(".log-take-it .log-status:not(:empty)")
        # "I did this today", loaded on demand.
        page.goto(deployed_url + "routines/daily-stretches/")
        page.locator(".did-it button").click()
        page.wait_for_selector(".did-it form.log-form:not([hidden])")
        # The plan builder, then the plan from its link, kept on the device.
        page.goto(deployed_url + "prescribe/")
        page.wait_for_selector(".rx-app")
        rx = guide.prescribe.words
        for title in ("Clams", "Calf stretch", "Hip strength, level 1"):
            add(page, rx, title)
        page.get_by_label(rx.clinician, exact=True).fill("Sam Patel")
        link = make_link(page, rx)
        page.goto(link)
        page.wait_for_selector(".plan-view[data-state]")
        keep = page.locator(".plan-view button[data-act=keep]")
        if keep.count():
            keep.first.click()
        # Back to running, and the offline page.
        page.goto(deployed_url + "return-to-running/")
        page.wait_for_selector(".ladder:not([hidden])")
        page.goto(deployed_url + "offline/?from=" + deployed_url + "keys/weight/")
        page.wait_for_selector("[data-offline-retry]:not([hidden])")
        assert watch.problems() == []
    finally:
        context.close()
