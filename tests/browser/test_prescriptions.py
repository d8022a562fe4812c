"""Prescribed plans without a server: a clinician builds a plan on /prescribe/ of a clinic copy with
its own key, signs it, and hands over the link or its QR code; the patient's /my-plan/ shows exactly
the chosen items and doses, says whether the clinic's key signed it, runs it in the player, keeps
it, prints it on one page, and refuses every bad link with a clear reason. No request ever leaves
the site; axe finds nothing on either page in either palette."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import tempfile
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest
import zxingcpp
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from icalendar import Calendar
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, axe_violations, mkdocs_build, project_copy, serve
from generator.keys import make_clinic_key
from generator.load import load_guide
from generator.model import HoldDose, MinutesDose, RepsDose
from generator.render.safety_case import review_lines
from generator.render.text import writer
from helpers import knee

CLINIC = "harbourside"
PAPERS = ("A4", "Letter")
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)>"
FAKE_PLAYER = "export function openPlayer(data, options) { window.__played = { data, options }; }"


def fill(template: str, **values) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


# --- links made here, independently of the browser code -----------------------------------------


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def payload_of(wire) -> str:
    """A payload as lib/plan.js writes it: deflate-raw of the JSON wire array, base64url."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = json.dumps(wire, ensure_ascii=False, separators=(",", ":")).encode()
    return b64url(packer.compress(raw) + packer.flush())


def signed(key: ec.EllipticCurvePrivateKey, payload: str) -> str:
    """The fragment with an ECDSA P-256 signature over "p1." + payload, r||s as WebCrypto has it."""
    r, s = decode_dss_signature(key.sign(f"p1.{payload}".encode(), ec.ECDSA(hashes.SHA256())))
    return f"p1.{payload}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


# The order of P-256: an ECDSA signature (r, s) has a second valid form, (r, n - s).
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def other_form(fragment: str) -> str:
    """The same signed link with the signature's other valid form (s replaced by n - s)."""
    head, signature = fragment.rsplit(".", 1)
    raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    s = int.from_bytes(raw[32:], "big")
    return f"{head}.{b64url(raw[:32] + (P256_ORDER - s).to_bytes(32, 'big'))}"


def counted(word, n: int, **values) -> str:
    """A word for a count `n` as an English page writes it: its `one` form for 1, else `other`."""
    return fill(word.one if n == 1 and word.one else word.other, **values)


def wire(items, note="Gently does it.", clinician="Sam Patel", clinic=CLINIC, days=3):
    return [1, clinic, clinician, note, "2026-12-01", "2026-12-15", days, items]


# --- the sites ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clinic(tmp_path_factory):
    """The example clinic with a key pair of its own (the private key outside the project), built
    and served."""
    root = tmp_path_factory.mktemp("prescriptions")
    project = project_copy(root / "guide")
    folder = project / "clinics" / CLINIC
    for old in folder.glob("plan-key.jwk.json"):
        old.unlink()
    brand = folder / "brand.yml"
    brand.write_text("".join(line for line in brand.read_text().splitlines(True) if not line.startswith("plan_key:")))
    # A named clinical review of the current edition: its line is on every printed plan.
    edition = load_guide(project / "data").site.edition
    with brand.open("a", encoding="utf-8") as f:
        f.write(
            "clinical_review:\n  name: Dr Example Reviewer\n  profession: Physiotherapist\n"
            "  registration: {body: HCPC, number: PH123456}\n"
            f"  reviewed_on: 2026-12-01\n  edition: '{edition}'\n"
        )
    pair = make_clinic_key(folder, root / "keys" / f"{CLINIC}.pem", project)
    out = root / "site"
    result = mkdocs_build(project, out, env={"GUIDE_BRAND": str(brand)})
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(out)
    guide = load_guide(project / "data", brand)
    key = serialization.load_pem_private_key(pair.private_path.read_bytes(), password=None)
    yield SimpleNamespace(url=url, pem=pair.private_path, key=key, guide=guide, words=guide.prescribe.words)
    server.shutdown()


def recording(browser, **options):
    """A fresh browser context (its own storage) that records every request and every dialog."""
    ctx = browser.new_context(viewport={"width": 1000, "height": 900}, device_scale_factor=2, **options)
    ctx.requests, ctx.dialogs = [], []
    ctx.on("request", lambda r: ctx.requests.append(r.url))
    ctx.on("page", lambda p: p.on("dialog", lambda d: (ctx.dialogs.append(d.message), d.dismiss())))
    return ctx


@pytest.fixture
def context(browser):
    ctx = recording(browser)
    yield ctx
    ctx.close()


def foreign(ctx, site: str) -> list[str]:
    return [u for u in ctx.requests if not u.startswith((site, "blob:", "data:"))]


# --- driving the builder and reading the plan -----------------------------------------------------


def load_key(page, clinic):
    page.set_input_files(".rx-file input[type=file]", str(clinic.pem))
    page.wait_for_function(
        "t => document.querySelector('.rx-key-status').textContent.includes(t)", arg=clinic.words.key_loaded
    )


def add(page, words, title: str):
    # A shared item is listed under each protocol that uses it: any of its buttons adds it.
    page.get_by_role("button", name=fill(words.add_item, title=title), exact=True).first.click()


def dose(page, index: int, label: str, value):
    page.locator(".rx-item").nth(index).get_by_label(label, exact=True).fill(str(value))


def make_link(page, words) -> str:
    page.get_by_role("button", name=words.make_link, exact=True).click()
    page.wait_for_selector(".rx-out:not([hidden]) .plan-sheet")
    return page.input_value(".rx-link")


def typical_plan(page, clinic) -> str:
    """Six items chosen, reordered and dosed the way a physiotherapist would, then the link."""
    w = clinic.words
    page.goto(clinic.url + "prescribe/")
    page.wait_for_selector(".rx-app")
    for title in (
        "Clams",
        "Calf stretch",
        "Heat",
        "Ice",
        "Hip strength, level 1",
        "Side steps with a band",
        "Massage gun",
    ):
        add(page, w, title)
    page.locator(".rx-item").nth(6).get_by_role("button", name=w.remove).click()  # the massage gun after all
    page.locator(".rx-item").nth(5).get_by_role("button", name=w.move_up).click()  # side steps before the routine
    dose(page, 0, w.doses.sets, 2)
    dose(page, 0, w.doses.reps, 15)
    dose(page, 1, w.doses.holds, 2)
    dose(page, 1, w.doses.seconds, 45)
    dose(page, 2, w.doses.minutes, 20)
    page.get_by_label(w.days_per_week).select_option("3")
    page.get_by_label(w.start, exact=True).fill("2026-12-01")
    page.get_by_label(w.review, exact=True).fill("2026-12-15")
    page.get_by_label(w.clinician, exact=True).fill("Sam Patel")
    page.get_by_label(w.note, exact=True).fill("Ice after runs.\nStop if it gets sharp.")
    return make_link(page, w)


def expected_typical(clinic) -> list[dict]:
    """What the patient must see: the chosen doses, and the guide's (the clinic's) where none was set."""
    g = clinic.guide
    dose_short = writer(g).dose_short
    routine = g.routine("hip-strength-1")
    sub = [g.item(e.item) for e in routine.items]
    dose_short = writer(g).dose_short
    return [
        {"title": "Clams", "dose": dose_short(RepsDose(sets=2, reps=15)), "sub": []},
        {"title": "Calf stretch", "dose": dose_short(HoldDose(holds=2, seconds=45)), "sub": []},
        {"title": "Heat", "dose": dose_short(MinutesDose(minutes=20)), "sub": []},
        {"title": "Ice", "dose": dose_short(g.item("ice").dose), "sub": []},
        {"title": "Side steps with a band", "dose": dose_short(g.item("lateral-band-walk").dose), "sub": []},
        {
            "title": routine.title,
            "dose": None,
            "sub": [" ".join(x for x in (i.title, dose_short(i.dose), i.side) if x) for i in sub],
        },
    ]


def shown(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.plan-view .plan-item')].map(li => ({
        title: li.querySelector('.plan-item-title').textContent,
        dose: li.querySelector(':scope > .plan-dose .plan-dose-big')?.textContent ?? null,
        sub: [...li.querySelectorAll('.plan-sub li')].map(x => x.textContent.replace(/\\s+/g, ' ').trim()),
    }))""")


def open_plan(ctx, link: str, init: str | None = None):
    page = ctx.new_page()
    if init:
        page.add_init_script(init)
    page.goto(link)
    page.wait_for_selector(".plan-view[data-state]")
    return page, page.get_attribute(".plan-view", "data-state")


def decode_qr(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def printed(page, paper: str) -> bytes:
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, print_background=True)
    page.emulate_media(media="screen")
    return pdf


def pdf_qr(pdf: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "plan.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "200", "-png", "plan.pdf", "page"], cwd=tmp, check=True)
        return decode_qr((Path(tmp) / "page-1.png").read_bytes())


# --- the tests ------------------------------------------------------------------------------------


def test_a_signed_plan_opens_verified_with_exactly_its_items_and_doses(browser, clinic, context):
    w = clinic.words
    builder = context.new_page()
    builder.goto(clinic.url + "prescribe/")
    load_key(builder, clinic)
    # Kept on this device as a key that signs and cannot be read back out.
    assert builder.evaluate(STORED_KEY) == {"type": "private", "extractable": False, "usages": ["sign"]}
    link = typical_plan(builder, clinic)
    assert link.startswith(clinic.url + "my-plan/#p1.") and link.count(".") >= 2
    assert builder.get_attribute(".rx-out", "data-signed") == "true"
    # The builder's QR code is the link.
    assert link in decode_qr(builder.locator(".rx-out .plan-qr svg").screenshot())
    # The key stays on this device: a reload still signs; forgetting it takes it away.
    builder.reload()
    builder.wait_for_function("t => document.querySelector('.rx-key-status').textContent.includes(t)", arg=w.key_loaded)
    builder.get_by_role("button", name=w.key_forget).click()
    builder.wait_for_function("t => document.querySelector('.rx-key-status').textContent.includes(t)", arg=w.key_none)
    builder.reload()
    builder.wait_for_selector(".rx-file input[type=file]")
    assert w.key_none in builder.inner_text(".rx-key-status")

    patient = recording(browser)
    try:
        page, state = open_plan(patient, link)
        assert state == "verified"
        assert page.inner_text(".plan-status-line").strip() == fill(w.from_verified, clinic=clinic.guide.brand.name)
        assert shown(page) == expected_typical(clinic)
        assert fill(w.prescribed_by, clinician="Sam Patel") in page.inner_text(".plan-by")
        assert page.inner_text(".plan-note-text") == "Ice after runs.\nStop if it gets sharp."
        assert counted(w.often_line, 3, days=3) in page.inner_text(".plan-when")
        # Dates in the guide's locale (en-GB): "1 December 2026", never "December 1, 2026".
        assert fill(w.starts_on, start="1 December 2026") in page.inner_text(".plan-when")
        assert fill(w.review_on, review="15 December 2026") in page.inner_text(".plan-when")
        assert page.inner_text(".plan-brand") == clinic.guide.brand.name
        # One character changed anywhere: refused, with the reason, never shown as the clinic's plan.
        payload, signature = link.split("#p1.")[1].split(".")
        flip = lambda s, i: s[:i] + ("A" if s[i] != "A" else "B") + s[i + 1 :]  # noqa: E731
        base = link.split("#")[0]
        page, state = open_plan(patient, f"{base}#p1.{payload}.{flip(signature, 5)}")
        assert state == "refused" and page.locator(".plan-sheet").count() == 0
        changed = fill(w.refused, reason=w.errors["signature-changed"])
        assert page.inner_text(".plan-refused").strip() == changed
        page, state = open_plan(patient, f"{base}#p1.{flip(payload, len(payload) // 2)}.{signature}")
        assert state == "refused" and page.locator(".plan-sheet").count() == 0
        # Unsigned: shown, not verified, and without the clinic's name on the sheet.
        page, state = open_plan(patient, f"{base}#p1.{payload}")
        assert state == "unverified" and page.inner_text(".plan-status-line").strip() == w.not_verified
        assert page.locator(".plan-brand").count() == 0 and clinic.guide.brand.name not in page.inner_text(".plan-head")
        assert foreign(patient, clinic.url) == [] and patient.dialogs == []
    finally:
        patient.close()
    assert foreign(context, clinic.url) == [] and context.dialogs == []


STORED_KEY = """() => new Promise((resolve, reject) => {
    const open = indexedDB.open('knee-guide-keys:' + new URL('../', location.href).pathname);
    open.onsuccess = () => {
        const get = open.result.transaction('keys').objectStore('keys').get('clinic');
        get.onsuccess = () => resolve(get.result ? {type: get.result.type, extractable: get.result.extractable,
            usages: get.result.usages} : null);
        get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
})"""


def test_another_clinics_key_or_id_is_not_verified(clinic, context, tmp_path):
    other = ec.generate_private_key(ec.SECP256R1())
    # The builder refuses another clinic's private key.
    pem = tmp_path / "other.pem"
    pem.write_bytes(
        other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    builder = context.new_page()
    builder.goto(clinic.url + "prescribe/")
    builder.set_input_files(".rx-file input[type=file]", str(pem))
    builder.wait_for_function(
        "t => document.querySelector('.rx-key-status').textContent.includes(t)", arg=clinic.words.key_bad
    )
    assert clinic.words.key_none in builder.inner_text(".rx-key-status")
    assert builder.evaluate(STORED_KEY) is None
    items = [[0, "clams", 0, 3, 20]]
    base = clinic.url + "my-plan/"
    # Signed with another key: refused, it was not this clinic that signed it.
    page, state = open_plan(context, base + "#" + signed(other, payload_of(wire(items))))
    assert state == "refused"
    assert page.inner_text(".plan-refused").strip() == fill(
        clinic.words.refused, reason=clinic.words.errors["signature-changed"]
    )
    # The clinic's own key, but the plan names another clinic.
    page, state = open_plan(context, base + "#" + signed(clinic.key, payload_of(wire(items, clinic="elsewhere"))))
    assert state == "refused"
    other_clinic = clinic.words.errors["signature-other-clinic"]
    assert page.inner_text(".plan-refused").strip() == fill(clinic.words.refused, reason=other_clinic)
    page, state = open_plan(context, base + "#" + signed(clinic.key, payload_of(wire(items))))
    assert state == "verified" and clinic.guide.brand.name in page.inner_text(".plan-status-line")


KEPT_PLANS = """async () => {
    const {logOf} = await import(new URL('../assets/javascripts/log/store.js', location.href).href);
    return (await logOf(new URL('../', location.href).pathname).read()).plans;
}"""


def test_one_plan_signed_in_either_valid_form_is_kept_once(clinic, context):
    """An ECDSA signature has a second valid form: both links verify, and keeping both keeps one plan."""
    w = clinic.words
    fragment = signed(clinic.key, payload_of(wire([[0, "clams", 0, 3, 20]])))
    ids = []
    for link in (fragment, other_form(fragment)):
        assert link != fragment or not ids
        page, state = open_plan(context, clinic.url + "my-plan/#" + link)
        assert state == "verified"
        page.get_by_role("button", name=w.keep, exact=True).click()
        page.wait_for_function("t => document.querySelector('.plan-say').textContent === t", arg=w.kept)
        ids.append([p["id"] for p in page.evaluate(KEPT_PLANS)])
    assert len(ids[1]) == 1 and ids[0] == ids[1]


def test_the_default_guide_has_no_key_and_verifies_nothing(clinic, site_url, context, guide):
    page = context.new_page()
    page.goto(site_url + "prescribe/")
    page.wait_for_selector(".rx-app")
    assert page.inner_text(".rx-key-status").strip() == guide.prescribe.words.key_site_none
    assert page.locator(".rx-file").is_hidden()
    # Every id the builder offers is in the guide.
    offered = page.eval_on_selector_all(".rx-add", "bs => bs.map(b => [b.dataset.kind, b.dataset.id])")
    ids = {
        "exercise": {e.id for e in guide.exercises},
        "recovery": {t.id for t in guide.recovery},
        "routine": {r.id for r in guide.routines},
    }
    assert offered and all(i in ids[k] for k, i in offered)
    # A plan signed by the clinic, with the clinic's own exercise: not verified, and that item not in this guide.
    items = [[0, "clams", 0, 3, 20], [0, "lateral-band-walk", 0, 3, 10]]
    page, state = open_plan(context, site_url + "my-plan/#" + signed(clinic.key, payload_of(wire(items))))
    assert state == "unverified"
    unknown = page.locator(".plan-unknown")
    assert unknown.count() == 1 and "lateral-band-walk" in unknown.inner_text()
    assert guide.prescribe.words.not_in_guide in unknown.inner_text()


def test_bad_links_are_refused_with_their_reason(clinic, context):
    w = clinic.words
    base = clinic.url + "my-plan/"
    good = payload_of(wire([[0, "clams", 0, 3, 20]]))
    limits = clinic.guide.prescribe.limits
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = b64url(packer.compress(b"[1," + b" " * 1_000_000 + b"]") + packer.flush())
    assert len(bomb) < limits.link_chars
    cases = {
        "truncated": (f"p1.{good[: len(good) // 2]}", ("corrupt", "not-base64")),
        "empty": ("", ("empty",)),
        "not a plan": ("hello", ("not-a-plan",)),
        "wrong version": (f"p2.{good}", ("wrong-version",)),
        "wire version": ("p1." + payload_of([2, CLINIC]), ("wrong-version",)),
        "oversized": ("p1." + "A" * (limits.link_chars + 4), ("too-long",)),
        "zip bomb": (f"p1.{bomb}", ("too-big",)),
        "object in the wire": ("p1." + payload_of(wire([{"__proto__": {"x": 1}}])), ("bad-shape",)),
        "hostile id": ("p1." + payload_of(wire([[0, "<img src=x onerror=alert(1)>"]])), ("bad-shape",)),
        "not json": ("p1." + b64url(zlib.compress(b"{{{")[2:-4]), ("not-json", "corrupt")),
        "dose out of bounds": ("p1." + payload_of(wire([[0, "clams", 0, 3, 999]])), ("out-of-bounds",)),
        "dose of the wrong shape": ("p1." + payload_of(wire([[0, "clams", 1, 3, 30]])), ("out-of-bounds",)),
        "no days": ("p1." + payload_of(wire([[0, "clams"]], days=0)), ("days-per-week",)),
    }
    page, state = open_plan(context, f"{base}#p1.{good}")
    assert state == "unverified"
    for name, (fragment, codes) in cases.items():
        # Another link in the same tab (as when a second link is pasted): the page reads it again.
        page.evaluate(
            "f => new Promise(r => { addEventListener('hashchange', () => r(), {once: true}); location.hash = f; })",
            fragment,
        )
        page.wait_for_selector(".plan-view[data-state]")
        state = page.get_attribute(".plan-view", "data-state")
        assert state == "refused", name
        text = page.inner_text(".plan-refused").strip()
        reasons = [fill(w.errors.get(c, ""), title="Clams") for c in codes] + [w.problems.get(c, "") for c in codes]
        assert any(r and text == fill(w.refused, reason=r) for r in reasons), (name, text)
        assert page.locator(".plan-sheet").count() == 0 and page.locator("img[src=x]").count() == 0, name
    # A browser without DecompressionStream says so.
    page, state = open_plan(context, f"{base}#p1.{good}", init="delete window.DecompressionStream")
    assert page.inner_text(".plan-refused").strip() == fill(w.refused, reason=w.errors["no-decompression"])
    assert context.dialogs == [] and foreign(context, clinic.url) == []


def test_a_hostile_note_is_text_and_runs_nothing(clinic, context):
    w = clinic.words
    builder = context.new_page()
    builder.goto(clinic.url + "prescribe/")
    builder.wait_for_selector(".rx-app")
    add(builder, w, "Clams")
    builder.get_by_label(w.clinician, exact=True).fill(HOSTILE[:60])
    builder.get_by_label(w.note, exact=True).fill(HOSTILE)
    link = make_link(builder, w)
    page, state = open_plan(context, link)
    assert state == "unverified"
    assert page.inner_text(".plan-note-text") == HOSTILE
    assert fill(w.prescribed_by, clinician=HOSTILE[:60]) in page.inner_text(".plan-by")
    assert page.locator(".plan-view img, .plan-view script").count() == 0
    page.wait_for_timeout(200)
    assert context.dialogs == []


def test_the_builder_refuses_a_dose_outside_the_bounds(clinic, context):
    w = clinic.words
    bounds = clinic.guide.prescribe.bounds
    page = context.new_page()
    page.goto(clinic.url + "prescribe/")
    page.wait_for_selector(".rx-app")
    page.get_by_role("button", name=w.make_link).click()  # nothing chosen, no name
    problems = page.inner_text(".rx-problems")
    assert w.problems["item-count"] in problems and w.problems["clinician-length"] in problems
    add(page, w, "Clams")
    dose(page, 0, w.doses.reps, bounds.reps.max + 1)
    page.get_by_label(w.clinician, exact=True).fill("Sam Patel")
    page.get_by_role("button", name=w.make_link).click()
    assert fill(w.errors["out-of-bounds"], title="Clams") in page.inner_text(".rx-problems")
    assert fill(w.out_of_range, min=bounds.reps.min, max=bounds.reps.max) in page.inner_text(".rx-item")
    assert page.locator(".rx-out").is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"
    dose(page, 0, w.doses.reps, bounds.reps.max)
    assert make_link(page, w)
    # The review date cannot come before the start.
    page.get_by_label(w.review, exact=True).fill("2020-01-01")
    page.get_by_role("button", name=w.make_link).click()
    assert w.problems["review-before-start"] in page.inner_text(".rx-problems")


def test_an_items_own_limit_holds_in_the_builder_and_in_a_signed_link(clinic, context):
    """Heat is never used for longer than so many minutes at a time: the builder's field stops at
    that, not at the general bound, and a link signed by the clinic with more is refused."""
    w = clinic.words
    heat = clinic.guide.item("heat")
    most, general = heat.never_over_minutes, clinic.guide.prescribe.bounds.minutes
    assert general.min <= most < general.max
    page = context.new_page()
    page.goto(clinic.url + "prescribe/")
    page.wait_for_selector(".rx-app")
    add(page, w, heat.title)
    field = page.locator(".rx-item").nth(0).get_by_label(w.doses.minutes, exact=True)
    assert field.get_attribute("max") == str(most)
    page.get_by_label(w.clinician, exact=True).fill("Sam Patel")
    dose(page, 0, w.doses.minutes, most + 1)
    page.get_by_role("button", name=w.make_link).click()
    assert fill(w.errors["out-of-bounds"], title=heat.title) in page.inner_text(".rx-problems")
    assert fill(w.out_of_range, min=general.min, max=most) in page.inner_text(".rx-item")
    assert page.locator(".rx-out").is_hidden()
    dose(page, 0, w.doses.minutes, most)
    assert make_link(page, w)
    # Within the general bound, past the item's own, and signed by this clinic: still refused.
    for minutes, state in ((most + 1, "refused"), (most, "verified")):
        fragment = signed(clinic.key, payload_of(wire([[1, "heat", 2, minutes]])))
        plan, shown = open_plan(context, clinic.url + "my-plan/#" + fragment)
        assert shown == state, minutes
        if state == "refused":
            reason = fill(w.errors["out-of-bounds"], title=heat.title)
            assert plan.inner_text(".plan-refused").strip() == fill(w.refused, reason=reason)
        plan.close()
    assert foreign(context, clinic.url) == []


def test_printed_plan_is_one_page_with_a_qr_code_of_the_link(clinic, context):
    w = clinic.words
    builder = context.new_page()
    link = typical_plan(builder, clinic)
    for paper in PAPERS:
        pdf = printed(builder, paper)
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, f"/prescribe/ on {paper}"
    assert link in pdf_qr(pdf)
    page, _ = open_plan(context, link)
    for paper in PAPERS:
        pdf = printed(page, paper)
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == 1, f"/my-plan/ on {paper}"
        text = reader.pages[0].extract_text()
        assert "Side steps with a band" in text and knee(clinic.guide).pain_rule.title in text
        assert "Search" not in text and w.keep not in text
        # Who reviewed the guide clinically, and the plan's own review date.
        review = review_lines(clinic.guide)["short"]
        assert review.startswith("Clinically reviewed by Dr Example Reviewer")
        assert " ".join(review.split()) in " ".join(text.split())
        assert fill(w.review_on, review="15 December 2026") in " ".join(text.split())
    assert link in pdf_qr(pdf)
    # The longest plans the bounds allow (single exercises, or routines first), with the longest
    # note and name, still print on one page.
    g = clinic.guide
    limits = g.prescribe.limits
    exercises = [[0, e.id, 0, 5, 30] if e.dose.shape == "reps" else [0, e.id, 1, 5, 60] for e in g.exercises]
    routines = [[2, r.id] for r in g.routines]
    note = ("Keep going gently and steadily and listen to your knee. " * 20)[: limits.note_chars].strip()
    name = ("Dr Alexandra Montgomery-Fitzwilliam " * 3)[: limits.clinician_chars].strip()
    for items in (exercises + routines, routines + exercises):
        fragment = signed(clinic.key, payload_of(wire(items[: limits.items], note=note, clinician=name)))
        page, state = open_plan(context, clinic.url + "my-plan/#" + fragment)
        assert state == "verified" and page.locator(".plan-item").count() == limits.items
        for paper in PAPERS:
            pdf = printed(page, paper)
            assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, f"longest plan on {paper}"
        page.close()
    assert clinic.url + "my-plan/#" + fragment in pdf_qr(pdf)


def test_start_keep_and_remind_use_the_prescribed_doses(clinic, context):
    w = clinic.words
    context.route(
        "**/assets/javascripts/player/player.js", lambda r: r.fulfill(body=FAKE_PLAYER, content_type="text/javascript")
    )
    builder = context.new_page()
    link = typical_plan(builder, clinic)
    page, _ = open_plan(context, link)
    page.get_by_role("button", name=w.start_player, exact=True).click()
    page.wait_for_function("window.__played")
    played = page.evaluate("window.__played")
    items = played["data"]["routine"]["items"]
    g = clinic.guide
    routine = [e.item for e in g.routine("hip-strength-1").items]
    assert [i["id"] for i in items] == ["clams", "calf-stretch", "heat", "ice", "lateral-band-walk", *routine]
    assert items[0]["dose"] == {"shape": "reps", "sets": 2, "reps": 15}
    assert items[1]["dose"] == {"shape": "hold", "holds": 2, "seconds": 45}
    assert items[2]["dose"] == {"shape": "minutes", "minutes": 20}
    assert played["options"]["figures"] == "templates" and played["options"]["plan"].startswith("p-")
    # The plan's status goes with it: to the player, the printout, the kept record and the reminders.
    assert played["options"]["status"] == {"text": w.not_verified, "verified": False}
    page.emulate_media(media="print")
    assert page.is_visible(".plan-status-line") and page.inner_text(".plan-status-line").strip() == w.not_verified
    page.emulate_media(media="screen")
    assert played["data"]["pain"] and played["data"]["options"]["tempo"]
    # Keep it on this phone.
    page.get_by_role("button", name=w.keep, exact=True).click()
    page.wait_for_function("t => document.querySelector('.plan-say').textContent === t", arg=w.kept)
    plans = page.evaluate("""async () => {
        const {logOf} = await import(new URL('../assets/javascripts/log/store.js', location.href).href);
        return (await logOf(new URL('../', location.href).pathname).read()).plans;
    }""")
    assert [p["id"] for p in plans] == [played["options"]["plan"]]
    assert plans[0]["verified"] is False and "".join(plans[0]["link"]) == link.split("#")[1]
    # Calendar reminders on three days a week, from the start date.
    page.get_by_role("button", name=w.calendar, exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name=g.progress.words.reminders_download, exact=True).click()
    ics = Path(download.value.path()).read_text()
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR" in ics and "DTSTART:20261202T" in ics
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event.get("description")).splitlines()[0] == w.not_verified
    assert foreign(context, clinic.url) == []


def test_copy_button_puts_the_link_on_the_clipboard(clinic, browser):
    ctx = recording(browser, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = ctx.new_page()
        link = typical_plan(page, clinic)
        page.get_by_role("button", name=clinic.words.copy_link, exact=True).click()
        page.wait_for_function(
            "t => document.querySelector('.rx-out .rx-say').textContent === t", arg=clinic.words.copied
        )
        assert page.evaluate("navigator.clipboard.readText()") == link
    finally:
        ctx.close()


def test_axe_on_both_pages_in_both_palettes(clinic, context):
    builder = context.new_page()
    link = typical_plan(builder, clinic)
    page, _ = open_plan(context, link)
    page.get_by_role("button", name=clinic.words.calendar, exact=True).click()
    found = {}
    for scheme in ("default", "slate"):
        for name, p in (("prescribe", builder), ("my-plan", page)):
            if scheme == "slate" and p.evaluate("document.body.dataset.mdColorScheme") != "slate":
                p.locator("label[for='__palette_1']").click()
            assert p.evaluate("document.body.dataset.mdColorScheme") == scheme
            found[scheme, name] = axe_violations(p)
    refused, _ = open_plan(context, clinic.url + "my-plan/#p1.AAAA")
    found["refused"] = axe_violations(refused)
    assert {k: v for k, v in found.items() if v} == {}


def test_a_plan_link_made_before_the_library_opens_with_the_same_items_and_doses(site_url, context, guide):
    """Issue 24: a plan link on a patient's phone, made when the guide had one protocol
    (tests/data/plan-links.txt), still opens with its items and doses, as an unsigned plan."""
    lines = (ROOT / "tests" / "data" / "plan-links.txt").read_text(encoding="utf-8").splitlines()
    fragment = next(line.split(" | ")[0] for line in lines if line.startswith("#p1."))
    page, state = open_plan(context, site_url + "my-plan/" + fragment)
    assert state == "unverified", page.inner_text(".plan-view")
    assert page.locator(".plan-unknown").count() == 0, page.inner_text(".plan-unknown")
    shown = [" ".join(t.split()) for t in page.locator(".plan-view .plan-item").all_inner_texts()]
    expected = [
        (guide.item("clams").title, "3 × 12"),
        (guide.item("calf-stretch").title, "3 × 30 s"),
        (guide.item("ice").title, None),
        (guide.item("heat").title, "15 min"),
        (next(r for r in guide.routines if r.id == "hip-strength-1").title, None),
    ]
    assert len(shown) == len(expected), shown
    for text, (title, dose) in zip(shown, expected, strict=True):
        assert title in text and (dose is None or dose in text), (shown, title, dose)
    body = " ".join(page.inner_text(".plan-view").split())
    assert "Alex Morgan" in body and "Gently does it." in body
    page.close()
