"""Untrusted input in the browser, fuzzed in the real pages: thousands of random and mutated
flowchart hashes and plan links, and hundreds of mutated log files through the import. None may
throw an uncaught error, run a script, or change what is stored when it is refused.

(The parsers are also fuzzed in Node, tests/js/*.test.js; here the whole page takes the input.)"""

from __future__ import annotations

import json
import random

import pytest

from conftest import TEST_ALL
from helpers import knee

PAYLOADS = [
    "<img src=x onerror=window.__pwned=1>",
    '"><script>window.__pwned=1</script>',
    "javascript:window.__pwned=1",
    "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    "__proto__",
    "constructor",
    "\u0000\ud800",
    "%",
    "%%%%",
    "9" * 400,
    "x" * 5000,
]
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789.-_~!$&'()*+,;=:@/?%#<>\"[]{}|\\^` "


def mutants(seeds: list[str], count: int, seed: int) -> list[str]:
    """Random strings, and seeds with characters flipped, cut, doubled or spliced with payloads."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        kind = rng.randrange(6)
        base = rng.choice(seeds) if seeds else ""
        if kind == 0:
            out.append("".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 80))))
        elif kind == 1 and base:
            i = rng.randrange(len(base))
            out.append(base[:i] + rng.choice(ALPHABET) + base[i + 1 :])
        elif kind == 2 and base:
            out.append(base[: rng.randrange(len(base) + 1)])
        elif kind == 3:
            out.append(base + base[rng.randrange(len(base) + 1) :] if base else rng.choice(PAYLOADS))
        elif kind == 4:
            i = rng.randrange(len(base) + 1)
            out.append(base[:i] + rng.choice(PAYLOADS) + base[i:])
        else:
            out.append(rng.choice(PAYLOADS))
    return out


GUARD = """
window.__pwned = undefined;
window.__errors = [];
addEventListener('error', (e) => window.__errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.__errors.push('rejection: ' + String(e.reason)));
"""

STORED_JS = """async (src) => {
  const data = document.querySelector('[data-checkin]');
  const root = data ? JSON.parse(data.getAttribute('data-checkin')).root : './';
  const {logOf} = await import(src);
  return await logOf(new URL(root || './', location.href).pathname).read();
}"""


def _page(browser, url: str):
    context = browser.new_context()
    context.add_init_script(GUARD)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return context, page, errors


def _feed_hashes(page, hashes: list[str]) -> None:
    """Set each as the location's hash, letting the page react (hashchange) to every one."""
    page.evaluate(
        """async (hashes) => {
            for (const h of hashes) {
              location.hash = h;
              await new Promise((r) => setTimeout(r, 0));
            }
        }""",
        hashes,
    )


def test_thousands_of_flowchart_hashes(browser, site_url, guide):
    from generator.plan import all_paths

    context, page, errors = _page(browser, site_url + "flowchart/")
    page.wait_for_selector(".flowchart-app .fc-heading")
    # Valid hashes to mutate: every path the chart has, as the widget writes them.
    valid = page.evaluate(
        """async (paths) => {
            const lib = await import(new URL('../assets/javascripts/flowchart/core/flowchart.js', location.href).href);
            return paths.map((p) => lib.hashOf(p));
        }""",
        [[step.choice for step in path] for path in all_paths(knee(guide).flowchart)][: None if TEST_ALL else 50],
    )
    cases = mutants([h.lstrip("#") for h in valid], 3000, seed=1)
    _feed_hashes(page, cases)
    page.wait_for_timeout(200)
    assert errors == [] and page.evaluate("window.__errors") == []
    assert page.evaluate("window.__pwned") is None
    # The widget still works: start over, and the first question shows.
    page.evaluate("location.hash = ''")
    page.wait_for_selector(".flowchart-app .fc-heading")
    assert page.inner_text(".flowchart-app .fc-heading")
    context.close()


def test_thousands_of_plan_links_change_nothing_stored(browser, site_url):
    context, page, errors = _page(browser, site_url + "my-plan/")
    page.wait_for_selector(".my-plan")
    stored_before = page.evaluate(STORED_JS, site_url + "assets/javascripts/log/store.js")
    seeds = ["p1.AAAA", "p1.eJyrVkrLz1eyUkpKLFKqBQAdegQ0", "p1." + "A" * 300 + ".sig", "p2.x.y"]
    cases = ["p1." + c for c in mutants(seeds, 2000, seed=2)] + mutants(seeds, 1000, seed=3)
    _feed_hashes(page, cases)
    page.wait_for_timeout(300)
    assert errors == [] and page.evaluate("window.__errors") == []
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate(STORED_JS, site_url + "assets/javascripts/log/store.js") == stored_before
    context.close()


@pytest.fixture
def exported_log(browser, site_url) -> str:
    """A real log file, as the progress page exports it."""
    context, page, _ = _page(browser, site_url + "progress/")
    text = page.evaluate(
        """async () => {
            const ex = await import(new URL('../assets/javascripts/log/core/exchange.js', location.href).href);
            const session = {v: 2, id: 's-1', routine: 'hip-strength-1', protocol: null, plan: null, source: 'manual',
              started: '2026-11-20T18:00:00.000Z', ended: '2026-11-20T18:00:00.000Z', items: [], pain: 2,
              easy: true, stage: null};
            const site = location.pathname.replace(/progress\\/$/, '');
            const format = document.querySelector('meta[name="guide-log-format"]').content;
            return ex.toJson(ex.makeLog({sessions: [session], checkins: [], plans: []}, site, Date.now(), format));
        }"""
    )
    context.close()
    return text


def test_hundreds_of_mutated_log_files_are_refused_or_merged_whole(browser, site_url, exported_log):
    context, page, errors = _page(browser, site_url + "progress/")
    page.wait_for_selector(".log-view > *")
    storage = site_url + "assets/javascripts/log/store.js"
    rng = random.Random(4)
    log = json.loads(exported_log)
    cases = mutants([exported_log], 150, seed=5)
    # Structured mutations: a field of a record set to a hostile value.
    for _ in range(100):
        copy = json.loads(exported_log)
        record = copy["sessions"][0]
        record[rng.choice(list(record))] = rng.choice([None, -1, 1e308, "x" * 300, [], {}, *PAYLOADS])
        cases.append(json.dumps(copy))
    assert log["sessions"]
    status = page.locator(".log-take-it .log-status")
    for text in cases:
        before = page.evaluate(STORED_JS, storage)
        page.evaluate("document.querySelector('.log-take-it .log-status').textContent = ''")
        page.locator(".log-import input[type=file]").evaluate(
            """(input, text) => {
                const files = new DataTransfer();
                files.items.add(new File([text], 'log.json', {type: 'application/json'}));
                input.files = files.files;
                input.dispatchEvent(new Event('change', {bubbles: true}));
            }""",
            text,
        )
        status.wait_for(state="visible")
        after = page.evaluate(STORED_JS, storage)
        said = status.inner_text()
        if "not imported" in said:
            assert after == before, text[:200]
        else:
            # Accepted: every record it had is stored, and nothing stored before was lost.
            kept = {s["id"] for s in after["sessions"]}
            assert {s["id"] for s in before["sessions"]} <= kept
    assert errors == [] and page.evaluate("window.__errors") == []
    assert page.evaluate("window.__pwned") is None
    context.close()
