"""The Spanish guide passes what the English one passes (issue 25): its own tree under /es/ (language,
404, manifest, cards PDF, search index, offline worker), hreflang alternates on every page and in
the sitemaps, the not-reviewed notice and no English left over, axe, links, one sheet per card,
the security policy, offline use, the player speaking Spanish (or saying it cannot), search for a
Spanish word, the language menu keeping the page, a plan offered in the reader's language, a log
moving from one language to the other, and a Spanish-only clinic with Spanish at its root.

The costly checks (axe, print, policy, offline) run on SAMPLE, a fixed list of Spanish pages; with
GUIDE_TEST_ALL=1 in the environment (`make test-all`) they run on every Spanish page. The expected
words come from the Spanish guide as it loads (data/translations/es/), never typed here."""

from __future__ import annotations

import html
import io
import json
import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from pypdf import PdfReader
from test_cards import PAPERS, card_titles, printed_pages
from test_offline import install
from test_player import calls, open_page, start_player, steps_of, total_ms
from test_policy import LISTEN
from test_prescriptions import payload_of, shown, wire
from test_progress import MONDAY, contexts, full_log, open_progress, read, write  # noqa: F401 (a fixture)
from test_site_checks import _target

from conftest import ROOT, TEST_ALL, TEST_SITE_URL, axe_violations, guide_site, serve
from generator.load import load_guide
from generator.model import RepsDose
from generator.render.text import writer

LANG = "es"
PREFIX = f"{LANG}/"
ROUTINE = "hip-strength-1"  # the routine the player, the QR code, plans and logs use

# The Spanish pages the costly checks (axe, print, the security policy, offline) visit: one page of
# each kind, since every page of a kind is built by the same template and scripts from the same kind
# of words; where a kind varies, the page with the most on it (the exercise with variants and a
# lowering phase, the routine whose card is longest, the warning signs with the region's numbers).
# The home pages, /cards/ (every card), the flowchart, the log, the plan pages, back to running, the
# safety case and the offline page each have a template and scripts of their own.
SAMPLE = (
    "",
    "knee-pain-running/",
    "keys/strengthen-hips/",
    "exercises/heel-drop-straight-knee/",
    "recovery/ice/",
    "routines/hip-strength-2/",
    "cards/",
    "flowchart/",
    "see-a-clinician/",
    "return-to-running/",
    "progress/",
    "prescribe/",
    "my-plan/",
    "scope-and-deviations/",
    "offline/",
)


def addresses(root: Path, skip: Path | None = None) -> list[str]:
    """Every page of one language's tree, as addresses from its root ("" for its home)."""
    found = []
    for page in sorted(root.rglob("index.html")):
        if skip is not None and page.is_relative_to(skip):
            continue
        relative = page.parent.relative_to(root).as_posix()
        found.append("" if relative == "." else relative + "/")
    return found


def costly(site: Path) -> list[str]:
    """The Spanish pages a costly check visits: the sample, or every one under GUIDE_TEST_ALL=1."""
    every = addresses(site / PREFIX)
    assert set(SAMPLE) <= set(every), sorted(set(SAMPLE) - set(every))
    return every if TEST_ALL else list(SAMPLE)


@pytest.fixture(scope="module")
def es(guide):
    """The Spanish guide, as the build loads it."""
    loaded = load_guide(ROOT / "data", language=LANG)
    assert loaded.edition.code == LANG and loaded.edition.prefix == PREFIX
    return loaded


@pytest.fixture(scope="module")
def site(deployed_site) -> Path:
    return deployed_site


@pytest.fixture(scope="module")
def base(site):
    """The deployed guide served; its Spanish pages are under base + "es/"."""
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture
def context(browser):
    """A fresh context that lets the tests' own probes (axe, polling) past the security policy
    (test_csp_on_the_sample checks the pages under it)."""
    ctx = browser.new_context(viewport={"width": 1000, "height": 900}, bypass_csp=True)
    yield ctx
    # A sitemap rewrite (as_published) may still be reading a response Material fetched in the
    # background: closing disposes it, and the handler's error would surface in the next test.
    ctx.unroute_all(behavior="ignoreErrors")
    ctx.close()


def text_of(markup: str) -> str:
    """The words of some HTML (or Markdown-ish data text): no tags, no markup, spaces made one."""
    markup = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", markup, flags=re.S)
    words = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return " ".join(re.sub(r"[^\w%]+", " ", words).lower().split())


def article(path: Path) -> str:
    found = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.S)
    assert found, path
    return found.group(0)


# --- the Spanish tree ---------------------------------------------------------------------------


def test_spanish_has_its_own_tree(site, es, guide):
    root = site / PREFIX
    # Every Spanish page says it is Spanish; every English page English.
    for page in root.rglob("*.html"):
        assert f'<html lang="{LANG}"' in page.read_text(encoding="utf-8"), page
    for page in site.rglob("*.html"):
        if not page.is_relative_to(root):
            assert f'<html lang="{guide.edition.code}"' in page.read_text(encoding="utf-8"), page
    # Its own 404 page, in Spanish, leading to the Spanish home page.
    for prefix, words in (("", guide), (PREFIX, es)):
        not_found = article(site / prefix / "404.html")
        assert re.search(r"<h1>(.*?)</h1>", not_found).group(1) == html.escape(words.ui.common.not_found), prefix
        home = re.search(r'<a href="([^"]+)">([^<]+)</a>', not_found.split("</h1>")[1])
        assert home.groups() == (urlparse(TEST_SITE_URL).path + prefix, html.escape(words.ui.nav.home)), prefix
    # Its own manifest: its language, its pages (start and scope under /es/), its words.
    manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
    here = TEST_SITE_URL + PREFIX + "manifest.webmanifest"
    assert manifest["lang"] == LANG
    assert urljoin(here, manifest["start_url"]).startswith(TEST_SITE_URL + PREFIX)
    assert urljoin(here, manifest["scope"]) == TEST_SITE_URL + PREFIX
    assert manifest["description"] == es.site.tagline
    english = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert english["lang"] == guide.edition.code and urljoin(TEST_SITE_URL, english["scope"]) == TEST_SITE_URL
    # Its own cards PDF: Spanish, its cards in Spanish.
    pdf = PdfReader(root / "cards" / "routine-cards.pdf")
    assert str(pdf.trailer["/Root"].get("/Lang")) == LANG
    assert [item.title for item in pdf.outline] == card_titles(es)
    # Its own search index, with the Spanish stemmer.
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [LANG]
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == [
        guide.edition.code
    ]
    assert any(doc["title"] == es.item("clams").title for doc in index["docs"])


def precache(worker: Path) -> dict:
    found = re.search(r"const PRECACHE = (.*);\n", worker.read_text(encoding="utf-8"))
    assert found, worker
    return json.loads(found.group(1))


def on_disk(root: Path, skip: Path | None = None) -> set[str]:
    """What a worker at `root` must keep: every file under it but the worker itself, the headers,
    the compressed sitemap, source maps and the search support of the languages it does not use."""
    files = set()
    for path in root.rglob("*"):
        relative = path.relative_to(root).as_posix()
        if not path.is_file() or (skip is not None and path.is_relative_to(skip)):
            continue
        if path.name in ("sw.js", "_headers", "sitemap.xml.gz") or path.name.endswith((".map", ".d.mts")):
            continue
        if relative.startswith("assets/javascripts/lunr/"):
            continue
        files.add(relative)
    return files


def file_of(address: str) -> str:
    return "index.html" if address == "" else address + "index.html" if address.endswith("/") else address


def test_each_language_has_its_own_offline_worker(site):
    root = site / PREFIX
    spanish = precache(root / "sw.js")
    assert spanish["elsewhere"] == []
    listed = {file_of(a) for a in spanish["files"]}
    # Every Spanish file, and the Spanish search support the English guide never loads.
    lunr = {
        f"assets/javascripts/lunr/min/lunr.{LANG}.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    }
    assert listed == on_disk(root) | lunr
    assert all((root / f).is_file() for f in listed)
    english = precache(site / "sw.js")
    # The root worker skips the Spanish folder: it neither keeps nor answers for it.
    assert english["elsewhere"] == [PREFIX]
    assert not any(a.startswith(PREFIX) for a in english["files"])
    assert {file_of(a) for a in english["files"]} == on_disk(site, skip=root)


# --- links between the languages ----------------------------------------------------------------

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


MENU = re.compile(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link" data-guide-language')


def test_every_page_links_its_counterpart_in_each_language(site, guide):
    """A page's counterparts are in its language menu (`<a hreflang>`) and, for search engines, in
    the sitemap (next test); the head has no `<link rel="alternate">`, which Material would take
    for language homes and fetch a sitemap beside (generator/languages.py says why)."""
    english, spanish = addresses(site, skip=site / PREFIX), addresses(site / PREFIX)
    assert english == spanish  # the same addresses in both languages
    default = guide.edition.code
    for prefix in ("", PREFIX):
        for address in english:
            text = (site / prefix / file_of(address)).read_text(encoding="utf-8")
            assert ALTERNATE.findall(text) == [] and '<link rel="alternate"' not in text, prefix + address
            here = TEST_SITE_URL + prefix + address
            menu = {lang: urljoin(here, href) for href, lang in MENU.findall(text)}
            assert menu == {default: TEST_SITE_URL + address, LANG: TEST_SITE_URL + PREFIX + address}, prefix + address
            # Its canonical address is its own, not its counterpart's.
            assert CANONICAL.findall(text) == [TEST_SITE_URL + prefix + address], prefix + address


def test_each_sitemap_lists_its_pages_with_their_counterparts(site, guide):
    default = guide.edition.code
    for prefix in ("", PREFIX):
        text = (site / prefix / "sitemap.xml").read_text(encoding="utf-8")
        assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in text
        entries = re.findall(r"<url>(.*?)</url>", text, re.S)
        assert len(entries) >= 30
        for entry in entries:
            loc = re.search(r"<loc>([^<]+)</loc>", entry).group(1).strip()
            assert loc.startswith(TEST_SITE_URL + prefix), (prefix, loc)
            address = loc.removeprefix(TEST_SITE_URL + prefix)
            links = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry))
            assert links == {
                default: TEST_SITE_URL + address,
                LANG: TEST_SITE_URL + PREFIX + address,
                "x-default": TEST_SITE_URL + address,
            }, loc


# --- notices and words ----------------------------------------------------------------------------


def test_every_spanish_page_says_no_clinician_checked_it_and_none_is_untranslated(site, es, guide):
    assert es.edition.translation is not None and es.edition.translation.review is None
    not_reviewed = html.escape(es.ui.language.not_reviewed, quote=False)
    untranslated = html.escape(es.ui.language.untranslated, quote=False)
    for address in [*addresses(site / PREFIX), "404.html"]:
        text = (site / PREFIX / file_of(address)).read_text(encoding="utf-8")
        notice = re.search(r'<div class="guide-language-notice" role="note">(.*?)</div>', text, re.S)
        assert notice and not_reviewed in notice.group(1), address
        assert untranslated not in text, address
    # The English guide is the data's own language: no notice.
    for address in [*addresses(site, skip=site / PREFIX), "404.html"]:
        assert "guide-language-notice" not in (site / file_of(address)).read_text(encoding="utf-8"), address


def sentences(item) -> list[str]:
    """The sentences of an exercise, tool, key or routine that its page shows."""
    found = [item.title, item.summary]
    for name in ("steps", "when", "mistakes", "cautions"):
        found += [s for s in getattr(item, name, None) or [] if isinstance(s, str)]
    return found


def test_spanish_pages_show_the_spanish_words_and_none_of_the_english(site, es, guide):
    pages = [
        *((f"exercises/{i.id}/", guide.exercise(i.id), es.exercise(i.id)) for i in guide.exercises),
        *((f"recovery/{i.id}/", guide.tool(i.id), es.tool(i.id)) for i in guide.recovery),
        *((f"keys/{k.id}/", k, es.key(k.id)) for k in guide.keys),
        *((f"routines/{r.id}/", r, es.routine(r.id)) for r in guide.routines),
    ]
    assert len(pages) > 30
    for address, english, spanish in pages:
        page = text_of(article(site / PREFIX / file_of(address)))
        for sentence in sentences(spanish):
            assert text_of(sentence) in page, (address, sentence)
        for sentence in sentences(english):
            words = text_of(sentence)
            if len(words.split()) >= 3:
                assert words not in page, (address, sentence)


def strings(markup: str) -> set[str]:
    """Every text and every label (aria-label, title, alt, placeholder) of a page, spaces made one."""
    markup = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", markup, flags=re.S)
    labels = re.findall(r'\b(?:aria-label|title|alt|placeholder)="([^"]+)"', markup)
    texts = re.split(r"<[^>]+>", markup)
    return {" ".join(html.unescape(s).split()) for s in [*labels, *texts]} - {""}


def test_no_english_is_left_in_the_spanish_pages_around_the_content(site, es, guide):
    """The words every page carries (header, menus, labels, footer, the 404 page) are Spanish: none
    of them is the same sentence as on the English page, except names (the guide's, the languages',
    the public sources' titles, which stay as published, and the works the credits thank) and the
    data's field paths and tests the hazard log cites."""
    names = {guide.brand.name, guide.brand.short_name or "", *(p.name for p in es.edition.languages)}
    names |= {s.title for s in guide.sources.sources} | {s.publisher for s in guide.sources.sources}
    left: dict[str, list[str]] = {}
    for address in [*(a for a in addresses(site / PREFIX) if a in SAMPLE or TEST_ALL), "404.html"]:
        english = strings((site / file_of(address)).read_text(encoding="utf-8"))
        spanish = strings((site / PREFIX / file_of(address)).read_text(encoding="utf-8"))
        same = {
            s
            for s in english & spanish
            if len(re.findall(r"[A-Za-z]{2,}", s)) >= 3
            and " " in s  # not a data field's path (the hazard log names its controls by them)
            and not re.search(r"[\w/]+\.(py|js)::", s)  # nor a test's name, which it cites too
            and not any(name and name in s for name in names)
            and not all(w[0].isupper() for w in re.findall(r"[A-Za-z]{4,}", s))  # a name: Material for MkDocs
        }
        if same:
            left[address] = sorted(same)
    assert left == {}


# --- the costly checks, on the sample ---------------------------------------------------------------


def test_axe_finds_no_violation_on_the_spanish_sample(context, site, base):
    page = context.new_page()
    problems = {}
    for address in costly(site):
        page.goto(base + PREFIX + address)
        found = axe_violations(page)
        if found:
            problems[address] = found
    assert problems == {}


def test_every_internal_link_of_every_spanish_page_answers(site, base):
    root = site / PREFIX
    targets: set[str] = set()
    for page in sorted(root.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for link in re.findall(r'\b(?:href|src)="([^"]*)"', text):
            link = html.unescape(link)
            if link.startswith(TEST_SITE_URL):  # hreflang alternates, canonical: the site's own pages
                targets.add(link.removeprefix(TEST_SITE_URL).split("#")[0])
                continue
            resolved = _target(site, page, link)
            if resolved is None or link.startswith("http"):
                continue
            targets.add(resolved[0].relative_to(site).as_posix().removesuffix("index.html"))
    assert len(targets) > 100
    broken = []
    for target in sorted(targets):
        try:
            with urllib.request.urlopen(base + target) as response:
                ok = response.status == 200
        except OSError:
            ok = False
        if not ok:
            broken.append(target)
    assert broken == []


def test_each_spanish_card_prints_on_one_sheet(browser, site, base, es):
    page = browser.new_page()
    try:
        # Every card, from the Spanish /cards/ page: one sheet each, in order.
        for paper in PAPERS:
            pdf = printed_pages(page, base + PREFIX + "cards/", paper)
            assert len(pdf.pages) == len(card_titles(es)), paper
            for sheet, title in zip(pdf.pages, card_titles(es), strict=True):
                assert " ".join(title.split()) in " ".join(sheet.extract_text().split()), (paper, title)
        # Each routine page of the sample (every one under GUIDE_TEST_ALL) prints its card alone.
        routines = [a for a in costly(site) if a.startswith("routines/")]
        assert routines
        for address in routines:
            for paper in PAPERS:
                pdf = printed_pages(page, base + PREFIX + address, paper)
                assert len(pdf.pages) == 1, (address, paper)
                assert es.routine(address.split("/")[1]).title in pdf.pages[0].extract_text()
    finally:
        page.close()


def test_a_spanish_cards_qr_code_opens_the_spanish_page(context, base):
    import zxingcpp
    from PIL import Image

    page = context.new_page()
    page.goto(base + PREFIX + f"routines/{ROUTINE}/")
    qr = page.locator(".card-qr svg")
    qr.scroll_into_view_if_needed()
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot(scale="device"))))]
    assert decoded == [TEST_SITE_URL + PREFIX + f"routines/{ROUTINE}/"]


def test_no_policy_violation_on_the_spanish_sample(browser, site, base):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(LISTEN)
        errors: list[tuple[str, str]] = []
        page.on("console", lambda m: errors.append((m.text, m.location.get("url", ""))) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append((str(e), "")))
        for address in costly(site):
            page.goto(base + PREFIX + address)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__violations") == [], address
            assert errors == [], address
    finally:
        context.close()


def test_no_page_asks_for_a_missing_sitemap(context, base):
    page = context.new_page()
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto(base + PREFIX + "exercises/clams/")
    page.wait_for_load_state("networkidle")
    assert missing == []


def search(page, word: str) -> list[str]:
    """Type `word` into Material's search; returns the results' addresses."""
    page.locator("label.md-header__button[for=__search]:visible, input.md-search__input:visible").first.click()
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")


def test_spanish_works_offline(browser, site, base, es):
    context = browser.new_context(viewport={"width": 412, "height": 860}, bypass_csp=True)
    try:
        page = context.new_page()
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
        install(page, base + PREFIX)
        scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == base + PREFIX
        context.set_offline(True)
        for address in costly(site):
            response = page.goto(base + PREFIX + address)
            assert response is not None and response.ok, address
            assert page.evaluate("document.documentElement.lang") == LANG, address
        # Search, with its Spanish stemmer, from the cache: the protocol's own word for what hurts.
        word = es.protocol("knee-pain-running").protocol.terms[0]
        page.goto(base + PREFIX)
        found = search(page, word)
        assert found and all(h.startswith(base + PREFIX) for h in found), found
        assert word in page.inner_text(".md-search-result").lower()
        # The Spanish cards PDF.
        pdf = page.evaluate(
            """async (url) => { const r = await fetch(url); const b = new Uint8Array(await r.arrayBuffer());
               return [r.status, r.headers.get('content-type'), String.fromCharCode(...b.slice(0, 5)), b.length]; }""",
            base + PREFIX + "cards/routine-cards.pdf",
        )
        assert pdf[:3] == [200, "application/pdf", "%PDF-"]
        assert pdf[3] == (site / PREFIX / "cards" / "routine-cards.pdf").stat().st_size
        assert outside == []
    finally:
        context.close()


# --- the player in Spanish ---------------------------------------------------------------------------

# What the player asks the voice to say, with the utterance's language and voice (after STUBS).
SPY = """(() => {
  const synth = window.speechSynthesis;
  const speak = synth.speak.bind(synth);
  window.__said = [];
  synth.speak = (u) => {
    window.__said.push({text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null,
                        voiceLang: u.voice ? u.voice.lang : null});
    speak(u);
  };
})();"""
NO_SPANISH_VOICE = "window.__voices = [{lang: 'en-GB', name: 'English', default: true}];"


def test_the_player_speaks_spanish_with_a_spanish_voice(browser, base, es):
    context, page, _ = open_page(browser, base, f"{PREFIX}routines/{ROUTINE}/", init=(SPY,))
    try:
        start_player(page)
        assert page.locator(".player-no-voice").is_hidden()
        steps = steps_of(page)
        page.clock.run_for(total_ms(steps) + 1000)
        page.wait_for_selector(".player-dialog[data-screen=checkin]")
        said = page.evaluate("window.__said")
        assert len(said) >= len(steps) // 2
        # Every word said by the device's Spanish voice (the stub's es-ES "Español"), in Spanish.
        assert {(s["lang"], s["voice"], s["voiceLang"]) for s in said} == {(es.edition.locale, "Español", "es-ES")}
        heard = text_of(" ".join(s["text"] for s in said))
        for entry in es.routine(ROUTINE).items:
            assert text_of(es.item(entry.item).title) in heard, entry.item
    finally:
        context.close()


def test_with_no_spanish_voice_the_player_says_so_and_speaks_nothing(browser, base, es):
    context, page, _ = open_page(browser, base, f"{PREFIX}routines/{ROUTINE}/", init=(NO_SPANISH_VOICE, SPY))
    try:
        page.click("button[data-player-start]")
        page.wait_for_selector(".player-dialog[data-screen=settings]")
        note = page.locator(".player-no-voice")
        note.wait_for(state="visible")
        assert note.inner_text().strip() == es.player.words.no_voice
        page.check("input[name=rep_mode][value=tempo]")
        page.click(".player-begin")
        page.wait_for_selector(".player-dialog[data-screen=running]")
        steps = steps_of(page)
        page.clock.run_for(total_ms(steps) + 1000)
        page.wait_for_selector(".player-dialog[data-screen=checkin]")
        # Nothing said by a voice of another language; the steps went to the screen's live region.
        assert page.evaluate("window.__said") == [] and calls(page)["speech"] == []
        live = text_of(" ".join(c["text"] for c in calls(page)["live"]))
        assert text_of(es.item(es.routine(ROUTINE).items[0].item).title) in live
    finally:
        context.close()


# --- search, the language menu, plans and logs across languages -------------------------------------


def test_search_for_a_spanish_word_finds_spanish_pages(context, base, es):
    page = context.new_page()
    page.goto(base + PREFIX)
    clams = es.item("clams")
    found = search(page, clams.title.split()[-1])
    assert all(h.startswith(base + PREFIX) for h in found), found
    assert any(urlparse(h).path.endswith(f"/{PREFIX}exercises/clams/") for h in found), found


def menu_links(page) -> dict[str, str]:
    return dict(page.locator("a[data-guide-language]").evaluate_all("els => els.map(a => [a.hreflang, a.href])"))


def as_published(context, base: str) -> None:
    """Serve each sitemap as if the site were published at `base`: Material's instant navigation
    takes only the pages its sitemap lists (the build lists them at TEST_SITE_URL)."""

    def rewrite(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(TEST_SITE_URL, base))

    context.route("**/sitemap.xml", rewrite)


def test_the_language_menu_keeps_the_page(context, base, guide, es):
    as_published(context, base)
    page = context.new_page()
    page.goto(base + "exercises/clams/")
    assert menu_links(page) == {guide.edition.code: base + "exercises/clams/", LANG: base + PREFIX + "exercises/clams/"}
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a[data-guide-language][hreflang={LANG}]").click()
    page.wait_for_url(base + PREFIX + "exercises/clams/")
    assert page.locator("article h1").inner_text() == es.item("clams").title
    # After Material's instant navigation to another page, the menu follows it.
    page.evaluate("window.__samePage = true")
    page.locator(".md-content a[href$='routines/hip-strength-1/']").first.click()
    page.wait_for_url(base + PREFIX + "routines/hip-strength-1/")
    assert page.evaluate("window.__samePage") is True, "not an instant navigation"
    page.wait_for_function(
        "([lang, href]) => document.querySelector(`a[data-guide-language][hreflang=${lang}]`).href === href",
        arg=[guide.edition.code, base + "routines/hip-strength-1/"],
    )
    assert menu_links(page)[guide.edition.code] == base + "routines/hip-strength-1/"
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a[data-guide-language][hreflang={guide.edition.code}]").click()
    page.wait_for_url(base + "routines/hip-strength-1/")
    assert page.locator("article h1").inner_text() == guide.routine("hip-strength-1").title
    # Another language is another build (its search, scripts and worker): a page load of its own.
    assert page.evaluate("window.__samePage") is None


def expected_plan(g) -> list[dict]:
    dose_short = writer(g).dose_short
    routine = g.routine(ROUTINE)
    return [
        {"title": g.item("clams").title, "dose": dose_short(RepsDose(sets=2, reps=15)), "sub": []},
        {
            "title": routine.title,
            "dose": None,
            "sub": [
                " ".join(
                    x
                    for x in (g.item(e.item).title, dose_short(e.dose or g.item(e.item).dose), g.item(e.item).side)
                    if x
                )
                for e in routine.items
            ],
        },
    ]


def test_a_plan_link_is_offered_in_the_readers_language(browser, base, guide, es):
    fragment = "p1." + payload_of(wire([[0, "clams", 0, 2, 15], [2, ROUTINE]], clinic="default"))
    # A reader whose browser prefers Spanish opens an English plan link: the Spanish plan is offered.
    spanish_reader = browser.new_context(locale="es-ES", bypass_csp=True)
    english_reader = browser.new_context(locale="en-GB", bypass_csp=True)
    try:
        page = spanish_reader.new_page()
        page.goto(base + "my-plan/#" + fragment)
        page.wait_for_selector(".plan-view[data-state]")
        assert shown(page) == expected_plan(guide)
        offer = page.locator("[data-plan-language]")
        offer.wait_for(state="visible")
        link = offer.locator("a")
        assert link.get_attribute("hreflang") == LANG
        assert link.evaluate("a => a.href") == base + PREFIX + "my-plan/#" + fragment
        # Said on the English page, in English, naming the language in its own words.
        before, after = guide.ui.language.other_language.split("{language}")
        assert offer.inner_text() == before + es.edition.language.name + after
        link.click()
        page.wait_for_url(base + PREFIX + "my-plan/#" + fragment)
        page.wait_for_selector(".plan-view[data-state]")
        # The same items and doses, in Spanish.
        assert shown(page) == expected_plan(es)
        assert page.locator("[data-plan-language]").is_hidden()
        # A reader who prefers English is offered nothing.
        other = english_reader.new_page()
        other.goto(base + "my-plan/#" + fragment)
        other.wait_for_selector(".plan-view[data-state]")
        other.wait_for_timeout(300)
        assert other.locator("[data-plan-language]").is_hidden()
    finally:
        spanish_reader.close()
        english_reader.close()


def test_a_log_exported_in_english_imports_in_spanish(contexts, base, guide, es):  # noqa: F811 (fixture)
    records = full_log(weeks=2)
    english = contexts(base)
    english.goto(base)
    write(english, base, records)
    open_progress(english, base)
    with english.expect_download() as info:
        english.locator(".log-take-it").get_by_role("button", name=guide.progress.words.export_json).click()
    saved = Path(info.value.path()).read_bytes()
    before = read(english, base)

    # Another device (a fresh context), in Spanish.
    spanish = contexts(base + PREFIX)
    open_progress(spanish, base + PREFIX)
    spanish.wait_for_selector(".log-empty")
    spanish.locator(".log-import input[type=file]").set_input_files(
        files=[{"name": "log.json", "mimeType": "application/json", "buffer": saved}]
    )
    spanish.wait_for_selector(".log-summary")
    after = read(spanish, base + PREFIX)
    before["plans"] = [{**plan, "verified": False} for plan in before["plans"]]  # a plan from a file
    for key in ("sessions", "checkins", "plans"):
        assert sorted(after[key], key=lambda r: r["id"]) == sorted(before[key], key=lambda r: r["id"]), key
    # The sessions show, named in Spanish.
    view = spanish.locator(".log-view").inner_text()
    assert es.routine(ROUTINE).title in view and es.routine("daily-stretches").title in view
    assert guide.routine(ROUTINE).title not in view


# --- a Spanish-only clinic -------------------------------------------------------------------------------


def test_a_spanish_only_clinic_has_spanish_at_its_root(deployed_project, tmp_path_factory):
    folder = deployed_project / "clinics" / "fisio-del-rio"
    brand = yaml.safe_load((folder / "brand.yml").read_text(encoding="utf-8"))
    assert brand["languages"] == [LANG]
    out = tmp_path_factory.mktemp("fisio") / "site"
    guide_site(deployed_project, out, "--clinic", str(folder))
    assert not (out / PREFIX).exists()
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert f'<html lang="{LANG}"' in text, page
        # One language: no language menu, no alternates.
        assert "data-guide-language" not in text and 'hreflang="' not in text, page
    manifest = json.loads((out / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == LANG and manifest["name"] == brand["name"]
    # The region's emergency number on the warning signs page, and the clinic's own words.
    number = next(level["call"]["number"] for level in brand["region"]["levels"] if level.get("call"))
    signs = article(out / "see-a-clinician" / "index.html")
    assert f"tel:{number}" in signs and number in text_of(signs)
    assert brand["region"]["levels"][0]["title"] in html.unescape(signs)
    # The clinic's contact details link to what they are, whatever the language calls them.
    footer = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="mailto:{brand["contact"]["email"]}"' in footer
    assert f'href="{brand["contact"]["booking"]}"' in footer
    pdf = PdfReader(out / "cards" / "routine-cards.pdf")
    assert str(pdf.trailer["/Root"].get("/Lang")) == LANG
    assert precache(out / "sw.js")["elsewhere"] == []
    assert json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == [LANG]
