/**
 * The patient's plan (/my-plan/#p1.<payload>[.<signature>]): the plan a clinician made on
 * /prescribe/, read from the URL fragment (never sent to any server), checked against this guide
 * and its bounds before anything of it is shown, and its signature checked with the clinic's public
 * key from the page data (core/trust.js: on a site with a key, a signature that fails is refused
 * with the reason). It shows the items with their pictures, cues and prescribed doses, and offers
 * the player with those doses, keeping the plan on this device, printing it (one sheet, with its
 * QR code) and calendar reminders; the plan's status (verified or not) goes with it to each. A link
 * that is damaged, forged, too big or from a newer version is refused with the reason, and nothing
 * from it is shown. Every word and number comes from the page data (data/prescribe.yml,
 * data/progress.yml, the protocol); core/plan.js reads links.
 */
import { own } from "../shared/core/own.js";
import { fill } from "../shared/core/words.js";
import { cardFonts, el, fresh, locale, onPage, readJson, siteScope } from "../shared/page.js";
import { load } from "../shared/versions.js";
import { loadPlayer } from "../player/start.js";
import { checkPlan } from "./core/check.js";
import { decodePayload, importPublicKey, parseFragment, planId, verifyPayload } from "./core/plan.js";
import { trust } from "./core/trust.js";
import { planReminders } from "./reminders.js";
import { planLink, planSheet, qrLibrary, sessionItems, statusOf } from "./sheet.js";

/**
 * @typedef {import("./core/plan.js").Plan} Plan
 * @typedef {import("./core/check.js").CheckedItem} CheckedItem
 * @typedef {import("./sheet.js").MyPlanPage} MyPlanPage
 * @typedef {import("./sheet.js").QRCodeFactory} QRCodeFactory
 * @typedef {{ok: true, plan: Plan, items: CheckedItem[], verified: boolean, payload: string, fragment: string}
 *   | {ok: false, reason: string}} Opened
 */

/** Longest string a kept record may hold (log/core/records.js): a long link is kept in parts. */
const PART_CHARS = 200;

/** @param {MyPlanPage} data @param {string} code @param {Record<string, string>} [values] @returns {Opened} */
function refuse(data, code, values = {}) {
  const errors = data.words.errors;
  const reason = fill(own(errors, code) ?? own(errors, "not-a-plan") ?? code, values, locale());
  return { ok: false, reason: fill(data.words.refused, { reason }, locale()) };
}

/**
 * Whether the site's key verifies the signature over exactly this payload.
 * @param {MyPlanPage} data @param {string} payload @param {string | null} signature
 */
async function valid(data, payload, signature) {
  if (!signature || !data.public_key) return false;
  const key = await importPublicKey(data.public_key);
  return key ? verifyPayload(key, payload, signature) : false;
}

/**
 * Read a link's fragment: the plan with its items checked and whether it is verified, or the
 * reason it cannot be shown (in the page's words). Never throws.
 * @param {string} hash location.hash
 * @param {MyPlanPage} data
 * @returns {Promise<Opened>}
 */
export async function openLink(hash, data) {
  try {
    const parts = parseFragment(hash);
    if (!parts.ok) return refuse(data, parts.error);
    if (typeof DecompressionStream === "undefined") return refuse(data, "no-decompression");
    const decoded = await decodePayload(parts.payload, data.limits);
    if (!decoded.ok) return refuse(data, decoded.error);
    const plan = decoded.plan;
    const { items, problems } = checkPlan(plan, data.library, data.bounds);
    if (problems.length) {
      return { ok: false, reason: fill(data.words.refused, { reason: own(data.words.problems, problems[0]) ?? problems[0] }, locale()) };
    }
    const bad = items.find((item) => item.status === "out-of-bounds");
    if (bad) return refuse(data, "out-of-bounds", { title: bad.title ?? bad.id });
    const judged = trust({ siteKey: Boolean(data.public_key), signature: parts.signature, clinic: plan.clinic,
      siteClinic: data.clinic.id, valid: await valid(data, parts.payload, parts.signature) });
    if (!judged.show) return refuse(data, judged.reason);
    const fragment = `p1.${parts.payload}${parts.signature ? `.${parts.signature}` : ""}`;
    return { ok: true, plan, items, verified: judged.verified, payload: parts.payload, fragment };
  } catch {
    return refuse(data, "corrupt");
  }
}

/** @param {string} text @returns {string[]} the text in parts no longer than a kept record's strings */
function parts(text) {
  const out = [];
  for (let i = 0; i < text.length; i += PART_CHARS) out.push(text.slice(i, i + PART_CHARS));
  return out;
}

/**
 * @param {HTMLElement} parent @param {string} label @param {string} act @param {boolean} [primary]
 * @returns {HTMLButtonElement}
 */
function button(parent, label, act, primary = false) {
  const attributes = { type: "button", class: `md-button plan-button${primary ? " md-button--primary" : ""}`, "data-act": act };
  return /** @type {HTMLButtonElement} */ (parent.appendChild(el("button", attributes, label)));
}

/** What a runner can do with a plan on their phone. */
class PlanView {
  /**
   * @param {HTMLElement} view @param {MyPlanPage} data
   * @param {Extract<Opened, {ok: true}>} opened @param {string} id @param {QRCodeFactory | null} qr
   */
  constructor(view, data, opened, id, qr) {
    this.view = view;
    this.data = data;
    this.opened = opened;
    this.id = id;
    this.link = planLink(data, opened.fragment);
    this.session = sessionItems(data, opened.items);
    this.qr = qr;
    this.status = statusOf(data, opened.verified);
    this.say = el("p", { class: "plan-say", role: "status" });
  }

  render() {
    const { data, opened } = this;
    const words = data.words;
    const sheet = planSheet(data, opened.plan, opened.items, { status: this.status, link: this.link, level: 2, figures: true, qr: this.qr });
    const actions = el("div", { class: "plan-actions" });
    if (this.session.length) button(actions, words.start_player, "start", true);
    button(actions, words.keep, "keep");
    button(actions, words.print_plan, "print");
    const reminders = this.session.length ? planReminders(button(actions, words.calendar, "calendar"), data, {
      id: this.id, link: this.link, start: opened.plan.start, days_per_week: opened.plan.how_often.days_per_week,
      items: this.session, status: this.status, tell: (text) => this.tell(text) }) : null;
    this.view.replaceChildren(sheet, actions, ...(reminders ? [reminders] : []), this.say);
    actions.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target.closest("button[data-act]") : null;
      const act = target && target.getAttribute("data-act");
      if (act === "start") this.start();
      else if (act === "keep") this.keep();
      else if (act === "print") cardFonts().then(() => window.print());
    });
  }

  /** @param {string} text */
  tell(text) {
    this.say.textContent = text;
  }

  /** The player, with the plan's items and doses, as a routine of its own, under the plan's status. */
  async start() {
    const { data } = this;
    const routine = { id: this.id, title: data.words.plan_title, items: this.session };
    const playerData = { ...data.player, routine, move_on: { text: "", easy_rule: false, next: null } };
    try {
      const player = await loadPlayer();
      this.tell("");
      player.openPlayer(/** @type {any} */ (playerData), { plan: this.id, figures: "templates", status: this.status });
    } catch {
      this.tell(this.data.words.player_failed);
    }
  }

  /** Keep the plan on this device (the log's "plans"), with its status and its link to open it again. */
  async keep() {
    const { data, opened } = this;
    const plan = opened.plan;
    const record = {
      id: this.id, v: plan.v, kept: new Date().toISOString(), clinic: plan.clinic, verified: opened.verified,
      clinician: plan.clinician, note: plan.note, start: plan.start, review: plan.review, how_often: { ...plan.how_often },
      items: plan.items.map((item) => ({ kind: item.kind, id: item.id, dose: item.dose ? { ...item.dose } : null })),
      link: parts(opened.fragment),
    };
    /** @type {typeof import("../log/store.js") | null} */
    let store = null;
    try {
      // The log's code loads when the plan is kept, not with the page.
      store = await load(() => import("../log/store.js"));
      await store.logOf(siteScope(data.root)).savePlan(record);
      this.tell(data.words.kept);
    } catch (error) {
      const code = store && error instanceof store.StorageError ? error.code : "failed";
      const reason = own(data.words.storage, code) ?? own(data.words.storage, "failed") ?? code;
      this.tell(fill(data.words.not_kept, { reason }, locale()));
    }
  }
}

/**
 * Show the plan in the page's fragment, or why it cannot be shown.
 * @param {HTMLElement} view @param {MyPlanPage} data
 */
async function show(view, data) {
  const hash = location.hash;
  delete view.dataset.state;
  view.setAttribute("aria-busy", "true");
  const opened = await openLink(hash, data);
  if (location.hash !== hash || !view.isConnected) return;
  view.removeAttribute("aria-busy");
  if (!opened.ok) {
    view.dataset.state = "refused";
    view.replaceChildren(el("p", { class: "plan-refused", role: "alert" }, opened.reason));
    return;
  }
  const [id, qr] = await Promise.all([planId(opened.payload), qrLibrary()]);
  if (location.hash !== hash || !view.isConnected) return;
  new PlanView(view, data, opened, id, qr).render();
  // Set once the plan is on the page, so whoever waits for the state finds the plan drawn.
  view.dataset.state = opened.verified ? "verified" : "unverified";
}

/** The plan views on the page now (a page swapped out by navigation drops out). */
/** @type {Set<{view: HTMLElement, data: MyPlanPage}>} */
const views = new Set();

window.addEventListener("hashchange", () => {
  for (const entry of [...views]) {
    if (entry.view.isConnected) show(entry.view, entry.data);
    else views.delete(entry);
  }
});

onPage(() => {
  for (const box of fresh(".my-plan")) {
    const data = /** @type {MyPlanPage | null} */ (readJson(box, "data-my-plan"));
    if (!data) continue;
    for (const note of box.querySelectorAll(".plan-noscript")) note.remove();
    const view = box.appendChild(el("div", { class: "plan-view" }));
    views.add({ view, data });
    show(view, data);
  }
});
