"""Each page loads only the scripts and style sheets it uses: the widget a script mounts must be on
the page, per page type, and in a real browser the page requests nothing else of ours (modules
a script imports excepted). Page weight must not grow with features a page does not have."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
# What each page-level script mounts: the element it needs on the page.
NEEDS = {
    "bmi.js": "data-bmi",
    "checkin.js": "data-checkin=",
    "checkin-start.js": "data-checkin=",
    "did-it.js": "data-did-it=",
    "did-it-start.js": "data-did-it=",
    "flowchart.js": "data-flowchart",
    "history-hook.js": 'data-flowchart|data-player=|data-ladder=|class="my-plan',
    "ladder.js": "data-ladder=",
    "my-plan.js": 'class="my-plan',
    "offline.js": "data-offline-retry",
    "play.js": "data-player=",
    "player-start.js": "data-player-start",
    "prescribe.js": 'class="prescribe',
    "print.js": "data-print",
    "progress.js": "data-progress=",
}
# On every page: the offline and update script (overrides/main.html).
EVERY_PAGE = {"app.js"}
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
    "": {"app.js", "checkin-start.js"},
    "keys/weight/": {"app.js", "bmi.js"},
    "keys/cut-back-volume/": {"app.js"},
    "exercises/clams/": {"app.js"},
    "recovery/ice/": {"app.js"},
    "routines/hip-strength-1/": {
        "app.js",
        "history-hook.js",
        "print.js",
        "player-start.js",
        "did-it-start.js",
        "checkin-start.js",
    },
    "cards/": {"app.js", "print.js"},
    "flowchart/": {"app.js", "flowchart.js", "history-hook.js"},
    "pain-rule/": {"app.js"},
    "see-a-clinician/": {"app.js"},
    "about/": {"app.js"},
    "scope-and-deviations/": {"app.js"},
    "hazard-log/": {"app.js", "print.js"},
    "credits/": {"app.js"},
    "progress/": {"app.js", "progress.js"},
    "prescribe/": {"app.js", "prescribe.js"},
    "my-plan/": {"app.js", "history-hook.js", "my-plan.js", "checkin-start.js"},
    "return-to-running/": {"app.js", "history-hook.js", "ladder.js", "checkin-start.js"},
    "offline/": {"app.js", "offline.js"},
}
OURS = re.compile(r'<script[^>]*src="([^"]*assets/javascripts/([a-z-]+\.js))"')
STYLES = re.compile(r'<link rel="stylesheet" href="([^"]*assets/stylesheets/([a-z-]+\.css))"')


def _html(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def _imports(script: str, seen: set[str] | None = None) -> set[str]:
    """A module and every module it imports, by path under assets/javascripts/."""
    seen = set() if seen is None else seen
    if script in seen:
        return seen
    seen.add(script)
    text = (SCRIPTS / script).read_text(encoding="utf-8")
    static = re.findall(r'^\s*import\b[^;]*?from\s+"(\./[^"]+)"', text, re.M)
    dynamic = re.findall(r'^(?!\s*\*).*?\bimport\("(\./[^"]+)"\)', text, re.M)
    for target in static + dynamic:
        resolved = (Path(script).parent / target).as_posix().removeprefix("./")
        _imports(str(Path(resolved)), seen)
    return seen


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


def test_every_generated_page_is_covered(built_site):
    """Each page of the site has the scripts of its type: a new page type gets a row above."""
    types = {re.sub(r"/[^/]+/$", "/*/", a) for a in EXPECTED}
    for html in built_site.rglob("index.html"):
        address = html.parent.relative_to(built_site).as_posix()
        address = "" if address == "." else address + "/"
        kind = re.sub(r"/[^/]+/$", "/*/", address)
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
    "": ["javascripts/checkin.js", "javascripts/storage.js", "stylesheets/log.css"],
    "routines/hip-strength-1/": [
        "javascripts/play.js",
        "javascripts/did-it.js",
        "javascripts/checkin.js",
        "javascripts/storage.js",
        "stylesheets/player.css",
        "stylesheets/log.css",
        "fonts/",
    ],
    "cards/": ["fonts/"],
    "my-plan/": ["javascripts/play.js", "javascripts/vendor/qrcode.mjs", "javascripts/checkin.js", "fonts/"],
    "prescribe/": ["javascripts/vendor/qrcode.mjs", "fonts/"],
    "progress/": ["javascripts/lib/exchange.js", "javascripts/lib/ics.js"],
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
    assert any(url.endswith("assets/javascripts/play.js") for url in requested)
    assert any(url.endswith("assets/stylesheets/player.css") for url in requested)


def test_pressing_i_did_it_loads_the_form_and_opens_it(page, site_url):
    page.goto(site_url + "routines/hip-strength-1/")
    page.locator(".did-it button").click()
    page.wait_for_selector(".did-it form.log-form:not([hidden]) input[name=pain]")
    assert page.evaluate("document.activeElement.name") == "pain"
