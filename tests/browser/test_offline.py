"""Offline use and installing, in a real browser: a deployable build (`guide site`) registers its
service worker, which saves every file; with the network cut, every page, search, the flowchart,
the player, the log and the cards PDF still work. A new build is offered, never swapped in
silently, and fetches only what changed. A clinic copy under a sub-path installs as itself."""

from __future__ import annotations

import http.server
import io
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from PIL import Image
from test_flowchart import click_through, expected_links, richest_self_care_path, shown_links
from test_player import answer_checkin, start_player, steps_of, total_ms

from conftest import TEST_ALL, axe_violations, guide_site, mkdocs_build, project_copy
from generator.load import load_guide

READY = "navigator.serviceWorker.controller !== null"


class Server:
    """A local web server for `root` (which a test may switch) that records every path asked for,
    and answers 500 for the paths in `failing`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.requests: list[str] = []
        self.failing: set[str] = set()
        log, failing = self.requests, self.failing

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                log.append(self.path)

            def do_GET(self) -> None:
                if self.path in failing:
                    self.send_error(500)
                    return
                super().do_GET()

        def handler(*args: object) -> Handler:
            return Handler(*args, directory=str(self.root))  # type: ignore[arg-type]

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self) -> None:
        self.httpd.shutdown()


@pytest.fixture(scope="module")
def project(deployed_project) -> Path:
    return deployed_project


@pytest.fixture(scope="module")
def deployed(deployed_site):
    server = Server(deployed_site)
    yield deployed_site, server
    server.close()


@pytest.fixture
def context(browser):
    """A fresh context per test: a service worker outlives the pages of its context."""
    # The deployed build has a strict security policy; the test's own probes (axe, waiting on a
    # condition) are scripts the policy would block, so they are let through here.
    # tests/browser/test_policy.py checks the same pages under the policy.
    ctx = browser.new_context(viewport={"width": 412, "height": 860}, bypass_csp=True)
    yield ctx
    ctx.close()


def install(page, url: str) -> None:
    """Open the guide once, online, and wait until its worker has saved everything and controls
    the page (its first page view is not controlled: reload once, as a second visit would)."""
    page.goto(url)
    page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(READY, timeout=60_000)


def nav_pages(site: Path) -> list[str]:
    """Every page of the built site that its root's worker keeps, as addresses relative to its root:
    not those of another language, under a folder with a worker of its own (the worker's
    `elsewhere`; test_languages.py takes the Spanish guide offline)."""
    worker = re.search(r"const PRECACHE = (.*);\n", (site / "sw.js").read_text(encoding="utf-8"))
    assert worker is not None
    elsewhere = [site / folder for folder in json.loads(worker.group(1))["elsewhere"]]
    pages = []
    for html in sorted(site.rglob("index.html")):
        if any(html.is_relative_to(folder) for folder in elsewhere):
            continue
        relative = html.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def test_every_page_search_flowchart_and_pdf_work_offline(context, deployed, guide):
    site, server = deployed
    # The fake clock is the context's: installed before the first page (see test_policy).
    context.clock.install()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server.url) else outside.append(r.url))
    install(page, server.url)
    context.set_offline(True)

    # Every page by its address.
    for address in nav_pages(site):
        response = page.goto(server.url + address)
        assert response is not None and response.ok, address
        assert page.locator("article h1").count() == 1, address
    # From the navigation, with Material's instant navigation.
    page.goto(server.url)
    links = page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]", "els => els.map(a => a.href)")
    assert len(links) > 10
    for link in links if TEST_ALL else links[:12]:
        page.goto(link)
        assert page.locator("article h1").count() == 1, link

    # Search: the index and the search worker come from the cache.
    page.goto(server.url)
    page.locator("label.md-header__button[for=__search]").click()
    page.keyboard.type("clams")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert "clam" in page.inner_text(".md-search-result").lower()

    # The flowchart, to its plan.
    page.goto(server.url + "flowchart/")
    steps = richest_self_care_path(guide)
    click_through(page, guide, steps)
    assert shown_links(page) == expected_links(guide, steps)

    # The cards PDF.
    pdf = page.evaluate(
        """async (url) => { const r = await fetch(url); const b = new Uint8Array(await r.arrayBuffer());
           return [r.status, r.headers.get('content-type'), String.fromCharCode(...b.slice(0, 5))]; }""",
        server.url + "cards/routine-cards.pdf",
    )
    assert pdf == [200, "application/pdf", "%PDF-"]

    # The player, run to its end under the fake clock, then saved; the log shows it.
    runner = context.new_page()
    runner.on("request", lambda r: None if r.url.startswith(server.url) else outside.append(r.url))
    runner.goto(server.url + "routines/hip-strength-1/")
    runner.wait_for_selector("button[data-player-start]:not([hidden])")
    start_player(runner)
    steps = steps_of(runner)
    runner.clock.run_for(total_ms(steps) + 1000)
    runner.wait_for_selector(".player-dialog[data-screen=checkin]")
    answer_checkin(runner, pain=2, easy=True)
    assert runner.get_attribute(".player-status", "data-saved") == "true"
    runner.goto(server.url + "progress/")
    runner.wait_for_selector(".log-view > *")
    assert "Hip strength, level 1" in runner.inner_text(".log-view")
    assert outside == []


def test_a_page_never_saved_leads_to_the_offline_page(context, deployed):
    _, server = deployed
    page = context.new_page()
    install(page, server.url)
    context.set_offline(True)
    page.goto(server.url + "no/such/page/")
    assert page.url.startswith(server.url + "offline/?from=")
    heading = page.inner_text("article h1")
    assert heading == "You are offline"
    retry = page.locator("[data-offline-retry] a")
    assert retry.get_attribute("href") == server.url + "no/such/page/"
    # Its list links pages that open offline.
    page.locator("article a", has_text="How much pain is OK").first.click()
    page.wait_for_url(server.url + "pain-rule/")
    assert page.locator("article h1").count() == 1


def test_a_preview_retires_the_worker_an_earlier_visit_left(context, project, deployed, tmp_path):
    """The same address first serves a deployed build, then a preview (`make serve` and the
    hook-less export build no worker): the old worker removes itself and what it saved, and the
    preview's pages register none."""
    deployed_out, _ = deployed
    preview_out = tmp_path / "preview"
    result = mkdocs_build(project, preview_out)
    assert result.returncode == 0, result.stderr
    assert 'name="guide-worker"' not in (preview_out / "index.html").read_text(encoding="utf-8")
    server = Server(deployed_out)
    try:
        page = context.new_page()
        install(page, server.url)
        assert page.evaluate("caches.keys().then(k => k.length)") == 1
        server.root = preview_out
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_function("navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
        page.wait_for_function("caches.keys().then(k => k.length === 0)")
        # The retiring worker reloads the page it controlled; the page is the preview's, uncontrolled.
        page.wait_for_function("navigator.serviceWorker.controller === null")
        page.reload()
        assert page.evaluate("navigator.serviceWorker.controller") is None
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    finally:
        server.close()


def test_manifest_and_icons(deployed):
    site, _ = deployed
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    for field in ("name", "short_name", "start_url", "scope", "display", "theme_color", "background_color", "icons"):
        assert manifest[field], field
    assert manifest["name"] == "Open Knee Guide" and manifest["short_name"] == "Knee Guide"
    assert manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        image = Image.open(site / icon["src"])
        width, height = (int(n) for n in icon["sizes"].split("x"))
        assert image.size == (width, height), icon["src"]
        assert image.format == "PNG" and icon["type"] == "image/png"
        sizes.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes
    # The maskable icon: an opaque tile, and nothing but the tile's colour outside the safe zone
    # (a circle of 80% of the width), so a phone may cut it to any shape.
    maskable = next(i for i in manifest["icons"] if i["purpose"] == "maskable")
    image = Image.open(site / maskable["src"]).convert("RGBA")
    size = image.width
    tile = image.getpixel((0, 0))
    assert tile[3] == 255
    for x in range(0, size, 4):
        for y in range(0, size, 4):
            if (x - size / 2) ** 2 + (y - size / 2) ** 2 > (0.4 * size) ** 2:
                assert image.getpixel((x, y)) == tile, (x, y)
    apple = Image.open(site / "assets/app/apple-touch-icon.png")
    assert apple.size == (180, 180)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="manifest.webmanifest">' in index
    assert '<link rel="apple-touch-icon" href="assets/app/apple-touch-icon.png">' in index


def test_update_is_offered_and_fetches_only_what_changed(browser, tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("update") / "guide")
    site = tmp_path_factory.mktemp("update-site") / "site"
    guide_site(project, site)
    server = Server(site)
    context = browser.new_context(viewport={"width": 412, "height": 860}, bypass_csp=True)
    try:
        page = context.new_page()
        install(page, server.url + "exercises/clams/")
        old = page.inner_text("article")
        # One exercise's wording changes; the site is rebuilt into the same folder.
        exercises = project / "data" / "exercises.yml"
        text = exercises.read_text(encoding="utf-8")
        summary = re.search(r"(?m)^\s+summary: (.+)$", text[text.index("id: clams") :])
        assert summary is not None
        new_summary = "A gentle side-lying exercise, now worded for the update test."
        exercises.write_text(text.replace(summary.group(1), new_summary, 1), encoding="utf-8")
        guide_site(project, site)
        before = len(server.requests)
        # Revisit online: the browser finds the new worker, which installs in the background.
        page.goto(server.url + "exercises/clams/")
        notice = page.locator("[data-guide-update]")
        notice.wait_for(state="visible", timeout=60_000)
        assert "A new version of this guide is ready." in notice.inner_text()
        assert new_summary not in page.inner_text("article") and page.inner_text("article") == old
        fetched = [path for path in server.requests[before:] if not path.startswith("/sw.js")]
        with page.expect_navigation():
            notice.locator("[data-guide-reload]").click()
        assert new_summary in page.inner_text("article")
        # Only what the wording change touched was fetched again: that exercise's page and the
        # pages and files that quote the summary (search index, routine pages, the PDF...), far
        # fewer than the site has.
        total = len([p for p in site.rglob("*") if p.is_file()])
        assert "/exercises/clams/" in fetched
        assert "/assets/javascripts/app.js" not in fetched and "/assets/brand/brand.css" not in fetched
        assert len(fetched) < total / 3, fetched
        print(f"\nupdate after one wording change: {len(fetched)} of {total} files fetched again: {sorted(fetched)}")
    finally:
        context.close()
        server.close()


def test_clinic_copy_under_a_sub_path_installs_as_itself(browser, tmp_path_factory, built_site):
    """A clinic's copy under a path of a host installs as itself; a preview of the guide at the
    host's root (no worker) removes only a worker of its own scope, never the clinic's under it."""
    project = project_copy(tmp_path_factory.mktemp("clinic") / "guide")
    root = tmp_path_factory.mktemp("host")
    shutil.copytree(built_site, root, dirs_exist_ok=True)  # a preview at the root
    guide_site(project, root / "knee-guide", "--clinic", str(project / "clinics" / "harbourside"))
    server = Server(root)
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        install(page, server.url + "knee-guide/")
        scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == server.url + "knee-guide/"
        manifest = json.loads((root / "knee-guide" / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["name"] == "Harbourside Running Physio"
        assert manifest["short_name"] == "Harbourside Physio"
        assert manifest["theme_color"] == "#00695c"
        # The manifest's addresses resolve inside the clinic's path.
        resolved = page.evaluate(
            """async () => { const link = document.querySelector('link[rel=manifest]');
               const m = await (await fetch(link.href)).json();
               return [new URL(m.scope, link.href).href, new URL(m.start_url, link.href).href,
                       new URL(m.icons[0].src, link.href).href]; }"""
        )
        assert resolved[:2] == [server.url + "knee-guide/", server.url + "knee-guide/"]
        icon = page.evaluate("async (u) => (await fetch(u)).status", resolved[2])
        assert icon == 200
        # The clinic's icon is drawn from the clinic's logo, not the default guide's.
        ours = Image.open(io.BytesIO((root / "knee-guide/assets/app/icon-maskable-512.png").read_bytes()))
        assert ours.convert("RGB").getpixel((0, 0)) == (0x00, 0x69, 0x5C)
        # The rest of the host is not the worker's, and the preview there keeps the clinic's worker.
        page.goto(server.url)
        page.wait_for_load_state("networkidle")
        assert 'name="guide-worker"' not in page.content()
        assert page.evaluate("navigator.serviceWorker.controller") is None
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")
        page.wait_for_timeout(500)  # app.js has looked for workers of its own to remove
        scopes = page.evaluate("navigator.serviceWorker.getRegistrations().then(all => all.map(r => r.scope))")
        assert scopes == [server.url + "knee-guide/"]
    finally:
        context.close()
        server.close()


def test_axe_on_the_offline_page_and_the_update_notice(context, deployed):
    _, server = deployed
    page = context.new_page()
    install(page, server.url)
    page.goto(server.url + "offline/")
    assert axe_violations(page) == []
    page.evaluate("document.querySelector('[data-guide-update]').hidden = false")
    assert axe_violations(page) == []
    # The notice of a page made stale by another tab (shown by shared/versions.js).
    page.evaluate("""() => { const n = document.querySelector('[data-guide-stale-notice]');
        n.querySelector('p').textContent = n.getAttribute('data-update'); n.hidden = false; }""")
    assert axe_violations(page) == []


def test_precache_lists_every_file_with_its_hash(deployed):
    """Each language's worker (the default's at the root, each other's in its folder) lists every
    file of its own language with its hash, and nothing of another language's folder."""
    import hashlib

    site, _ = deployed

    def precache(root: Path) -> dict:
        text = (root / "sw.js").read_text(encoding="utf-8")
        return json.loads(re.search(r"const PRECACHE = (.*);\n", text).group(1))

    roots = [site] + [site / folder for folder in precache(site)["elsewhere"]]
    assert len(roots) == len(precache(site)["elsewhere"]) + 1
    for root in roots:
        data = precache(root)
        files = data["files"]
        others = [r for r in roots if r != root and r.is_relative_to(root)]
        # Everything but the worker, the headers file, the compressed sitemap, source maps, type
        # declarations and the search support of other languages (a guide never loads them).
        on_disk = {
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file()
            and not any(p.is_relative_to(o) for o in others)
            and p.name not in ("sw.js", "_headers", "sitemap.xml.gz")
            and not p.name.endswith((".map", ".d.mts"))
            and "assets/javascripts/lunr/" not in p.relative_to(root).as_posix()
        }
        assert "sitemap.xml" in files and "search/search_index.json" in files, root
        listed = {("index.html" if k == "" else k + "index.html" if k.endswith("/") else k) for k in files}
        search_support = {k for k in listed if "assets/javascripts/lunr/" in k}
        assert listed - search_support == on_disk, root
        assert all((root / k).is_file() for k in search_support), root
        for address, digest in files.items():
            path = root / (
                "index.html" if address == "" else address + "index.html" if address.endswith("/") else address
            )
            assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == digest


def reword(project: Path, marker: str) -> str:
    """Change the clams' summary (a few pages and files change); returns the new summary."""
    exercises = project / "data" / "exercises.yml"
    text = exercises.read_text(encoding="utf-8")
    summary = re.search(r"(?m)^\s+summary: (.+)$", text[text.index("id: clams") :])
    assert summary is not None
    new_summary = f"A gentle side-lying exercise, worded for test {marker}."
    exercises.write_text(text.replace(summary.group(1), new_summary, 1), encoding="utf-8")
    return new_summary


WAIT_INSTALL = """() => navigator.serviceWorker.getRegistration().then((r) => r.update().then(() => new Promise((resolve) => {
    const done = () => { if (!r.installing) resolve(r.waiting ? 'waiting' : 'failed'); };
    if (!r.installing) return done();
    r.installing.addEventListener('statechange', done);
  })).catch(() => 'failed'))"""


def test_a_failed_install_leaves_no_half_filled_cache_for_the_next_update(browser, tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("half") / "guide")
    site = tmp_path_factory.mktemp("half-site") / "site"
    guide_site(project, site)
    server = Server(site)
    context = browser.new_context(viewport={"width": 412, "height": 860}, bypass_csp=True)
    try:
        page = context.new_page()
        install(page, server.url + "exercises/clams/")
        assert page.evaluate("caches.keys().then(k => k.length)") == 1
        # A new version whose install fails part-way (one file cannot be fetched).
        reword(project, "one")
        guide_site(project, site)
        server.failing.add("/exercises/clams/")
        assert page.evaluate(WAIT_INSTALL) == "failed"
        assert page.evaluate("caches.keys().then(k => k.length)") == 1, "the half-filled cache was kept"
        # The next version installs from the one in use, fetching only what changed.
        server.failing.clear()
        reword(project, "two")
        guide_site(project, site)
        before = len(server.requests)
        assert page.evaluate(WAIT_INSTALL) == "waiting"
        fetched = [path for path in server.requests[before:] if not path.startswith("/sw.js")]
        total = len([p for p in site.rglob("*") if p.is_file()])
        assert "/exercises/clams/" in fetched and len(fetched) < total / 3, fetched
        assert page.evaluate("caches.keys().then(k => k.length)") == 2  # the one in use and the new one
        print(f"\nafter a failed install, one wording change: {len(fetched)} of {total} files fetched again")
    finally:
        context.close()
        server.close()


MARK_PLAYER = "\nglobalThis.guidePlayerBuild = 'new';\n"


def test_an_update_taken_in_one_tab_never_mixes_versions_in_another(browser, tmp_path_factory):
    """Tab A accepts a new version; tab B still shows the old page: it loads none of the new
    version's code (the player) and says to reload, and it leaves by a full page load."""
    project = project_copy(tmp_path_factory.mktemp("tabs") / "guide")
    site = tmp_path_factory.mktemp("tabs-site") / "site"
    guide_site(project, site)
    server = Server(site)
    context = browser.new_context(viewport={"width": 412, "height": 860}, bypass_csp=True)
    try:
        a = context.new_page()
        install(a, server.url + "routines/hip-strength-1/")
        b = context.new_page()
        b.goto(server.url + "routines/hip-strength-1/")
        b.wait_for_function(READY)
        b.evaluate("window.__oldPage = true")
        # The new version changes the player's code.
        player = project / "overrides" / "assets" / "javascripts" / "player" / "player.js"
        player.write_text(player.read_text(encoding="utf-8") + MARK_PLAYER, encoding="utf-8")
        guide_site(project, site)
        a.goto(server.url + "routines/hip-strength-1/")
        notice = a.locator("[data-guide-update]")
        notice.wait_for(state="visible", timeout=60_000)
        with a.expect_navigation():
            notice.locator("[data-guide-reload]").click()
        # Tab B is told, and loads nothing of the new version.
        stale = b.locator("[data-guide-stale-notice]")
        stale.wait_for(state="visible", timeout=30_000)
        words = load_guide(project / "data").ui.offline
        assert stale.locator("p").inner_text() == words.updated_elsewhere
        asked: list[str] = []
        b.on("request", lambda r: asked.append(r.url))
        b.locator("button[data-player-start]").click()
        b.wait_for_timeout(1000)
        assert b.locator(".player-dialog").count() == 0
        assert b.evaluate("globalThis.guidePlayerBuild") is None
        assert not [url for url in asked if "/javascripts/player/" in url]
        # It leaves by a full page load (Material's instant navigation would keep its old code).
        b.locator(".md-content a[href*='exercises/']").first.click()
        b.wait_for_load_state("load")
        assert b.evaluate("window.__oldPage") is None
        # The new page is the new version through and through.
        b.goto(server.url + "routines/hip-strength-1/")
        b.locator("button[data-player-start]").click()
        b.wait_for_selector(".player-dialog[open]")
        assert b.evaluate("globalThis.guidePlayerBuild") == "new"
    finally:
        context.close()
        server.close()
