"""Each page loads only the scripts and style sheets it uses: the widget a script mounts must be on
the page, per page type, and in a real browser the page requests nothing else of ours (modules
a script imports excepted). Page weight must not grow with features a page does not have."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from generator import urls
from helpers import js_imports

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
# What each page-level script mounts: the element it needs on the page.
NEEDS = {
    "bmi/bmi.js": "data-bmi",
    "log/checkin.js": "data-checkin=",
    "log/checkin-start.js": "data-checkin=",
    "log/did-it.js": "data-did-it=",
    "log/did-it-start.js": "data-did-it=",
    "flowchart/flowchart.js": "data-flowchart",
    "app/history-hook.js": 'data-flowchart|data-player=|data-ladder=|class="my-plan',
    "ladder/ladder.js": "data-ladder=",
    "plans/my-plan.js": 'class="my-plan',
    "app/offline.js": "data-offline-retry",
    "player/player.js": "data-player=",
    "player/start.js": "data-player-start",
    "plans/prescribe.js": 'class="prescribe',
    "cards/print.js": "data-print",
    "log/progress/progress.js": "data-progress=",
}
# On every page: the offline and update script (overrides/main.html).
EVERY_PAGE = {"app/app.js"}
# Style sheets of widgets: the element that uses each.
STYLE_NEEDS = {
    "bmi.css": "data-bmi",
    "flowchart.css": "data-flowchart",
    "cards.css": "routine-card",
    "player.css": "data-player=|data-ladder=|my-plan",  # loaded with the player, on demand
    "log.css": "data-checkin=|data-progress=",
    "plans.css": 'class="prescribe|class="my-plan',
    "ladder.css": "data-ladder=",
}

# One page of each type, and the scripts of ours it loads (entry scripts, before imports).
EXPECTED = {
    "": {"app/app.js", "log/checkin-start.js"},
    "keys/weight/": {"app/app.js", "bmi/bmi.js"},
    "keys/cut-back-volume/": {"app/app.js"},
    "exercises/clams/": {"app/app.js"},
    "recovery/ice/": {"app/app.js"},
    "routines/hip-strength-1/": {
        "app/app.js",
        "app/history-hook.js",
        "cards/print.js",
        "player/start.js",
        "log/did-it-start.js",
        "log/checkin-start.js",
    },
    "cards/": {"app/app.js", "cards/print.js"},
    "flowchart/": {"app/app.js", "flowchart/flowchart.js", "app/history-hook.js"},
    "pain-rule/": {"app/app.js"},
    "see-a-clinician/": {"app/app.js"},
    "about/": {"app/app.js"},
    "scope-and-deviations/": {"app/app.js"},
    "hazard-log/": {"app/app.js", "cards/print.js"},
    "credits/": {"app/app.js"},
    "progress/": {"app/app.js", "log/progress/progress.js"},
    "prescribe/": {"app/app.js", "plans/prescribe.js"},
    "my-plan/": {"app/app.js", "app/history-hook.js", "plans/my-plan.js", "log/checkin-start.js"},
    "return-to-running/": {"app/app.js", "app/history-hook.js", "ladder/ladder.js", "log/checkin-start.js"},
    "offline/": {"app/app.js", "app/offline.js"},
}
OURS = re.compile(r'<script[^>]*src="([^"]*assets/javascripts/([a-z/-]+\.js))"')
STYLES = re.compile(r'<link rel="stylesheet" href="([^"]*assets/stylesheets/([a-z-]+\.css))"')


def _html(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def _imports(script: str) -> set[str]:
    """A module and every module it imports, at load or when asked, by path under assets/javascripts/."""
    seen: set[Path] = set()
    todo = [(SCRIPTS / script).resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        static, dynamic = js_imports(path)
        todo.extend(static | dynamic)
    return {p.relative_to(SCRIPTS.resolve()).as_posix() for p in seen}


@pytest.mark.parametrize("address", sorted(EXPECTED))
def test_each_page_type_loads_only_the_scripts_it_uses(built_site, address):
    html = _html(built_site, address)
    loaded = {name for _, name in OURS.findall(html)}
    assert loaded == EXPECTED[address]
    for name in loaded - EVERY_PAGE:
        assert re.search(NEEDS[name], html), f"{address} loads {name} but has no {NEEDS[name]} element"
    for _, sheet in STYLES.findall(html):
        if sheet in STYLE_NEEDS:
            assert re.search(STYLE_NEEDS[sheet], html), f"{address} loads {sheet} but shows nothing that uses it"


def test_every_generated_page_is_covered(built_site, guide):
    """Each page of the site has the scripts of its type: a new page type gets a row above (a
    protocol's own page loads what the home page does)."""
    types = {re.sub(r"/[^/]+/$", "/*/", a) for a in EXPECTED}
    protocol_pages = {urls.page("protocol", p.id).url for p in guide.protocols}
    for html in built_site.rglob("index.html"):
        address = html.parent.relative_to(built_site).as_posix()
        address = "" if address == "." else address + "/"
        kind = re.sub(r"/[^/]+/$", "/*/", address)
        if address in protocol_pages:
            assert {name for _, name in OURS.findall(html.read_text(encoding="utf-8"))} == EXPECTED[""], address
            continue
        assert address in EXPECTED or kind in types, f"no expectation for {address}"
        loaded = {name for _, name in OURS.findall(html.read_text(encoding="utf-8"))}
        for name in loaded - EVERY_PAGE:
            assert re.search(NEEDS[name], html.read_text(encoding="utf-8")), f"{address} loads {name} without using it"


@pytest.mark.parametrize("address", ["", "exercises/clams/", "routines/hip-strength-1/", "flowchart/", "my-plan/"])
def test_the_browser_requests_only_those_and_their_imports(page, site_url, built_site, address):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + address)
    page.wait_for_load_state("networkidle")
    ours = {url.split("assets/javascripts/", 1)[1] for url in requested if "assets/javascripts/" in url}
    ours = {name for name in ours if not name.startswith("workers/") and not name.startswith("bundle.")}
    allowed: set[str] = set()
    for entry in EXPECTED[address]:
        allowed |= _imports(entry)
    assert ours <= allowed, sorted(ours - allowed)
    assert EXPECTED[address] <= ours


# What a first visit (no log on the device, nothing pressed) must not download: the code behind a
# button loads when it is pressed, the log's code only on a device that keeps a log, and the card
# font only for printing.
NOT_ON_FIRST_VISIT = {
    "": ["javascripts/log/checkin.js", "javascripts/log/store.js", "stylesheets/log.css"],
    "routines/hip-strength-1/": [
        "javascripts/player/player.js",
        "player/hip-strength-1.json",  # the player's data, fetched when Start is pressed
        "javascripts/log/did-it.js",
        "javascripts/log/checkin.js",
        "javascripts/log/store.js",
        "stylesheets/player.css",
        "stylesheets/log.css",
        "fonts/",
    ],
    "cards/": ["fonts/"],
    "my-plan/": [
        "javascripts/player/player.js",
        "javascripts/vendor/qrcode.mjs",
        "javascripts/log/checkin.js",
        "fonts/",
    ],
    "prescribe/": ["javascripts/vendor/qrcode.mjs", "fonts/"],
    "progress/": ["javascripts/log/core/exchange.js", "javascripts/shared/core/ics.js"],
}


@pytest.mark.parametrize("address", sorted(NOT_ON_FIRST_VISIT))
def test_a_first_visit_downloads_nothing_it_does_not_show(page, site_url, address):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + address)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    for part in NOT_ON_FIRST_VISIT[address]:
        assert not [url for url in requested if f"assets/{part}" in url], f"{address} fetched {part}"


def test_pressing_start_loads_the_player_and_opens_it(page, site_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "routines/hip-strength-1/")
    page.locator("button[data-player-start]").click()
    page.wait_for_selector(".player-dialog[open]")
    assert any(url.endswith("assets/javascripts/player/player.js") for url in requested)
    assert any(url.endswith("assets/stylesheets/player.css") for url in requested)
    assert any(url.endswith("assets/player/hip-strength-1.json") for url in requested)


def test_pressing_i_did_it_loads_the_form_and_opens_it(page, site_url):
    page.goto(site_url + "routines/hip-strength-1/")
    page.locator(".did-it button").click()
    page.wait_for_selector(".did-it form.log-form:not([hidden]) input[name=pain]")
    assert page.evaluate("document.activeElement.name") == "pain"
