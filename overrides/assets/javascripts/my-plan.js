/**
 * The patient's plan (/my-plan/#p1.<payload>[.<signature>]): the plan a clinician made on
 * /prescribe/, read from the URL fragment (never sent to any server), checked against this guide
 * and its bounds before anything of it is shown, and its signature checked with the clinic's public
 * key from the page data. It shows the items with their pictures, cues and prescribed doses, and
 * offers the player with those doses, keeping the plan on this device, printing it (one sheet,
 * with its QR code) and calendar reminders. A link that is damaged, forged, too big or from a newer
 * version is refused with the reason, and nothing from it is shown. Every word and number comes
 * from the page data (data/prescribe.yml, data/progress.yml, the protocol); lib/plan.js reads links.
 *
 * The plan's printed sheet, the dose wording and the QR code are exported: the builder
 * (prescribe.js) shows the same sheet.
 */
import { checkPlan, decodePayload, importPublicKey, parseFragment, verifyPayload } from "./lib/plan.js";
import { fill } from "./lib/words.js";
import { cardFonts, el, fresh, onPage, readJson } from "./page.js";
import { loadPlayer } from "./player-start.js";
import { Log, siteScope, StorageError } from "./storage.js";

/**
 * @typedef {import("./lib/plan.js").Plan} Plan
 * @typedef {import("./lib/plan.js").Item} Item
 * @typedef {import("./lib/plan.js").Dose} Dose
 * @typedef {import("./lib/plan.js").Kind} Kind
 * @typedef {import("./lib/plan.js").Bounds} Bounds
 * @typedef {import("./lib/plan.js").CheckedItem} CheckedItem
 * @typedef {{title: string, dose_shape: "reps" | "hold" | "minutes" | null, default: Dose | null, href: string,
 *   group?: string, level?: number | null}} LibraryEntry
 * @typedef {Record<Kind, Record<string, LibraryEntry>>} Library
 * @typedef {{id: string, title: string, kind: string, each_side: boolean, side_label: string | null,
 *   dose: ({shape: string} & Record<string, unknown>) | null, dose_text: string | null, cues: string[]}} ItemData
 * @typedef {{strength: string, stretch: string, recovery: string, routine: string, stage: string}} GroupWords
 * @typedef {{sets: string, reps: string, holds: string, seconds: string, minutes: string, short_reps: string,
 *   short_hold: string, short_minutes: string}} DoseWords
 * @typedef {{builder_intro: string, no_script: string, library: string, add: string, remove: string, move_up: string,
 *   move_down: string, your_plan: string, empty_plan: string, how_often: string, days_per_week: string, start: string,
 *   review: string, clinician: string, note: string, note_hint: string, make_link: string, link: string,
 *   copy_link: string, copied: string, qr_caption: string, print_plan: string, key_title: string, key_intro: string,
 *   key_load: string, key_loaded: string, key_forget: string, key_none: string, key_bad: string,
 *   unsigned_note: string, key_site_none: string, key_forgotten: string, key_not_kept: string,
 *   groups: GroupWords, doses: DoseWords, add_item: string, added: string, removed: string, moved: string,
 *   plan_full: string, guide_dose: string, out_of_range: string, fix_first: string, link_ready: string,
 *   copy_failed: string, qr_label: string, qr_too_long: string, no_compression: string, plan_title: string,
 *   from_verified: string, not_verified: string, prescribed_by: string, review_on: string, note_heading: string,
 *   items_heading: string, often_line: string, start_player: string, keep: string, kept: string,
 *   not_kept: string, calendar: string, not_in_guide: string, starts_on: string, player_failed: string,
 *   calendar_failed: string, refused: string, errors: Record<string, string>, problems: Record<string, string>,
 *   storage: Record<string, string>}} Words
 * @typedef {{words: Record<string, any>, reminders: {default_time: string, alarm_minutes: number,
 *   event_minutes?: number}}} LogData
 * @typedef {{clinic: {id: string, name: string}, public_key: JsonWebKey | null, library: Library, bounds: Bounds,
 *   limits: import("./lib/plan.js").Limits, items: Record<string, ItemData>, routines: Record<string, string[]>,
 *   my_plan: string, words: Words, player: Record<string, any>, log: LogData,
 *   defaults: {days_per_week: number, review_weeks: number},
 *   sheet: {pain_title: string, pain: string, safety: string, disclaimer: string}}} PlanPage
 * @typedef {{ok: true, plan: Plan, items: CheckedItem[], verified: boolean, fragment: string}
 *   | {ok: false, reason: string}} Opened
 * @typedef {import("./vendor/qrcode.mjs").QRCodeFactory} QRCodeFactory
 */

/** @type {Promise<QRCodeFactory | null> | null} */
let qrLoading = null;

/**
 * The vendored QR library (vendor/README.md), loaded beside this module the first time a plan
 * is shown; null when it cannot be loaded, which costs the QR code only.
 * @returns {Promise<QRCodeFactory | null>}
 */
export function qrLibrary() {
  if (!qrLoading) qrLoading = import("./vendor/qrcode.mjs").then((m) => m.default, () => null);
  return qrLoading;
}

/** Modules of white around a QR code, as the QR standard asks. */
const QUIET_ZONE = 4;
/** Bytes of the SHA-256 of a link that name a kept plan ("p-" and 16 hex digits). */
const ID_BYTES = 8;
/** Longest string a kept record may hold (lib/records.js): a long link is kept in parts. */
const PART_CHARS = 200;
/** How long a downloaded file's address stays valid (the download has started by then). */
const RELEASE_MS = 1000;
const MS_PER_MINUTE = 60000;

/**
 * record[key] when the record has it as its own (never Object's "constructor" for an id from a link).
 * @template T
 * @param {Record<string, T> | null | undefined} record @param {string} key
 * @returns {T | undefined}
 */
export function own(record, key) {
  return record && typeof record === "object" && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A dose written short ("3 × 20"), with the words of the page; a shape the builder does not set
 * (an ice cycle, a range) keeps the guide's own wording.
 * @param {{shape: string} & Record<string, unknown> | null} dose
 * @param {DoseWords} words
 * @param {string | null} fallback the item's own dose text from the page data
 * @returns {string}
 */
export function doseText(dose, words, fallback) {
  /** @type {Record<string, string>} */
  const formats = { reps: words.short_reps, hold: words.short_hold, minutes: words.short_minutes };
  const format = dose ? own(formats, dose.shape) : undefined;
  if (!dose || !format) return fallback || "";
  /** @type {Record<string, number>} */
  const numbers = {};
  for (const [name, value] of Object.entries(dose)) if (typeof value === "number") numbers[name] = value;
  return fill(format, numbers);
}

/**
 * A date "YYYY-MM-DD" in the page's language, e.g. "1 December 2026" (the date as written, not
 * moved by the time zone).
 * @param {string} iso
 * @returns {string}
 */
export function longDate(iso) {
  try {
    const lang = document.documentElement.lang || undefined;
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

/**
 * The QR code of a text as an SVG image (drawn as one path, black on white), or null when the text
 * is too long for any QR code.
 * @param {QRCodeFactory} qrcode
 * @param {string} text
 * @param {string} label the image's accessible name
 * @returns {SVGSVGElement | null}
 */
export function qrSvg(qrcode, text, label) {
  let code;
  try {
    code = qrcode(0, "M");
    code.addData(text);
    code.make();
  } catch {
    return null;
  }
  const count = code.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  let path = "";
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const ns = "http://www.w3.org/2000/svg";
  const svg = /** @type {SVGSVGElement} */ (document.createElementNS(ns, "svg"));
  for (const [name, value] of Object.entries({ viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label,
    "shape-rendering": "crispEdges", class: "plan-qr-code" })) svg.setAttribute(name, value);
  const back = document.createElementNS(ns, "rect");
  for (const [name, value] of Object.entries({ width: String(size), height: String(size), fill: "#fff" })) back.setAttribute(name, value);
  const dark = document.createElementNS(ns, "path");
  dark.setAttribute("d", path);
  dark.setAttribute("fill", "#000");
  svg.append(back, dark);
  return svg;
}

/**
 * The full link of a plan: the /my-plan/ page of this copy of the guide with the fragment.
 * @param {PlanPage} data @param {string} fragment "p1.<payload>[.<signature>]"
 */
export function planLink(data, fragment) {
  const page = new URL(data.my_plan, location.href);
  page.hash = "";
  return `${page.href}#${fragment}`;
}

/**
 * An exercise or recovery item with the plan's dose (or the guide's, when the plan gives none).
 * @param {PlanPage} data @param {string} id @param {Dose | null} dose
 * @returns {ItemData | null}
 */
function dosed(data, id, dose) {
  const item = own(data.items, id);
  if (!item) return null;
  const given = dose ? /** @type {{shape: string} & Record<string, unknown>} */ ({ ...dose }) : item.dose;
  return { ...item, dose: given, dose_text: doseText(given, data.words.doses, item.dose_text) };
}

/**
 * The items a session runs through, in order: a routine stands for its own items at the guide's
 * doses; items not in this guide and return-to-running stages are left out.
 * @param {PlanPage} data @param {CheckedItem[]} items
 * @returns {ItemData[]}
 */
export function sessionItems(data, items) {
  /** @type {ItemData[]} */
  const out = [];
  for (const item of items) {
    if (item.status !== "ok") continue;
    if (item.kind === "routine") {
      for (const id of own(data.routines, item.id) || []) {
        const one = dosed(data, id, null);
        if (one) out.push(one);
      }
    } else if (item.kind === "exercise" || item.kind === "recovery") {
      const one = dosed(data, item.id, item.dose);
      if (one) out.push(one);
    }
  }
  return out;
}

/**
 * A heading of the given level.
 * @param {number} level @param {string} text @param {Record<string, string>} [attributes]
 */
function heading(level, text, attributes = {}) {
  return el(`h${Math.min(level, 6)}`, attributes, text);
}

/**
 * One item of the sheet.
 * @param {PlanPage} data @param {CheckedItem} item @param {number} level
 * @param {boolean} figures whether to show the pictures from the page's <template data-player-figure>
 * @returns {HTMLElement}
 */
function sheetItem(data, item, level, figures) {
  const words = data.words;
  if (item.status !== "ok") {
    const li = el("li", { class: "plan-item plan-unknown" });
    const text = li.appendChild(el("div", { class: "plan-item-text" }));
    text.append(heading(level, item.id, { class: "plan-item-title" }), el("p", { class: "plan-unknown-note" }, words.not_in_guide));
    return li;
  }
  const entry = /** @type {LibraryEntry} */ (own(own(data.library, item.kind), item.id));
  const li = el("li", { class: `plan-item plan-${item.kind}` });
  const template = figures ? document.querySelector(`template[data-player-figure="${CSS.escape(item.id)}"]`) : null;
  if (template instanceof HTMLTemplateElement) {
    li.appendChild(el("div", { class: "plan-figure", "aria-hidden": "true" })).append(template.content.cloneNode(true));
  }
  const text = li.appendChild(el("div", { class: "plan-item-text" }));
  const title = text.appendChild(heading(level, "", { class: "plan-item-title" }));
  title.append(el("a", { href: entry.href }, entry.title));
  if (item.kind === "routine") {
    const list = text.appendChild(el("ul", { class: "plan-sub" }));
    for (const id of own(data.routines, item.id) || []) {
      const one = dosed(data, id, null);
      if (!one) continue;
      const sub = list.appendChild(el("li"));
      sub.append(el("span", { class: "plan-sub-title" }, one.title), " ");
      sub.append(el("span", { class: "plan-sub-dose" }, [one.dose_text, one.side_label].filter(Boolean).join(" ")));
    }
    return li;
  }
  const one = dosed(data, item.id, item.dose);
  if (!one) return li;
  if (one.cues.length) {
    const cues = text.appendChild(el("ul", { class: "plan-cues" }));
    for (const cue of one.cues) cues.append(el("li", {}, cue));
  }
  if (one.dose_text) {
    const dose = li.appendChild(el("p", { class: "plan-dose" }));
    dose.append(el("span", { class: "plan-dose-big" }, one.dose_text));
    if (one.side_label) dose.append(el("span", { class: "plan-dose-words" }, one.side_label));
  }
  return li;
}

/**
 * The plan as a sheet that prints on one page: the clinic, whether the plan is verified, who made
 * it, how often and when, the items in order with their doses, the note (as text), the pain rule
 * and safety net (print only: the page shows them below), the disclaimer and the link's QR code.
 * @param {PlanPage} data
 * @param {Plan} plan
 * @param {CheckedItem[]} items checked by lib/plan.js checkPlan; never one that is out of bounds
 * @param {{status: {text: string, verified: boolean} | null, link: string, level: number, figures: boolean,
 *   qr: QRCodeFactory | null}} options level: the level of the sheet's own headings; qr: the QR library
 * @returns {HTMLElement}
 */
export function planSheet(data, plan, items, options) {
  const words = data.words;
  const level = options.level;
  const sheet = el("article", { class: "plan-sheet", "aria-label": words.plan_title });
  const head = sheet.appendChild(el("header", { class: "plan-head" }));
  head.append(el("p", { class: "plan-brand" }, data.clinic.name), el("p", { class: "plan-title" }, words.plan_title));
  if (options.status) {
    const kind = options.status.verified ? "plan-verified" : "plan-unverified";
    head.append(el("p", { class: `plan-status-line ${kind}` }, options.status.text));
  }
  head.append(el("p", { class: "plan-by" }, fill(words.prescribed_by, { clinician: plan.clinician })));
  const when = head.appendChild(el("p", { class: "plan-when" }));
  const often = fill(words.often_line, { days: plan.how_often.days_per_week });
  for (const part of [often, fill(words.starts_on, { start: longDate(plan.start) }), fill(words.review_on, { review: longDate(plan.review) })]) {
    when.append(el("span", {}, part));
  }
  sheet.append(heading(level, words.items_heading, { class: "plan-heading" }));
  const list = sheet.appendChild(el("ol", { class: "plan-items" }));
  for (const item of items) list.append(sheetItem(data, item, level + 1, options.figures));
  if (plan.note) {
    const note = sheet.appendChild(el("section", { class: "plan-note" }));
    note.append(heading(level, words.note_heading, { class: "plan-heading" }), el("p", { class: "plan-note-text" }, plan.note));
  }
  const foot = sheet.appendChild(el("footer", { class: "plan-foot" }));
  const safety = foot.appendChild(el("div", { class: "plan-safety plan-print-only" }));
  safety.append(el("p", { class: "plan-safety-title" }, data.sheet.pain_title), el("p", {}, data.sheet.pain), el("p", {}, data.sheet.safety));
  if (options.qr) {
    const qr = foot.appendChild(el("div", { class: "plan-qr" }));
    const code = qrSvg(options.qr, options.link, words.qr_label);
    if (code) qr.append(code, el("p", { class: "plan-qr-caption" }, words.qr_caption));
    else qr.append(el("p", { class: "plan-qr-caption" }, words.qr_too_long));
  }
  sheet.append(el("p", { class: "plan-disclaimer plan-print-only" }, data.sheet.disclaimer));
  return sheet;
}

/** @param {PlanPage} data @param {string} code @param {Record<string, string>} [values] @returns {Opened} */
function refuse(data, code, values = {}) {
  const errors = data.words.errors;
  const reason = fill(own(errors, code) ?? own(errors, "not-a-plan") ?? code, values);
  return { ok: false, reason: fill(data.words.refused, { reason }) };
}

/**
 * Whether the clinic of this site signed exactly this payload, for this clinic.
 * @param {PlanPage} data @param {Plan} plan @param {string} payload @param {string | null} signature
 */
async function verified(data, plan, payload, signature) {
  if (!signature || !data.public_key || plan.clinic !== data.clinic.id) return false;
  const key = await importPublicKey(data.public_key);
  return key ? verifyPayload(key, payload, signature) : false;
}

/**
 * Read a link's fragment: the plan with its items checked and whether it is verified, or the
 * reason it cannot be shown (in the page's words). Never throws.
 * @param {string} hash location.hash
 * @param {PlanPage} data
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
      return { ok: false, reason: fill(data.words.refused, { reason: own(data.words.problems, problems[0]) ?? problems[0] }) };
    }
    const bad = items.find((item) => item.status === "out-of-bounds");
    if (bad) return refuse(data, "out-of-bounds", { title: bad.title ?? bad.id });
    const fragment = `p1.${parts.payload}${parts.signature ? `.${parts.signature}` : ""}`;
    return { ok: true, plan, items, verified: await verified(data, plan, parts.payload, parts.signature), fragment };
  } catch {
    return refuse(data, "corrupt");
  }
}

/**
 * A short, stable id for a kept plan: "p-" and the start of the SHA-256 of its link.
 * @param {string} fragment
 * @returns {Promise<string>}
 */
async function planId(fragment) {
  const bytes = new TextEncoder().encode(fragment);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `p-${[...digest.slice(0, ID_BYTES)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
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
   * @param {HTMLElement} view @param {PlanPage} data
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
  }

  render() {
    const { data, opened } = this;
    const words = data.words;
    const status = opened.verified
      ? { text: fill(words.from_verified, { clinic: data.clinic.name }), verified: true }
      : { text: words.not_verified, verified: false };
    const sheet = planSheet(data, opened.plan, opened.items, { status, link: this.link, level: 2, figures: true, qr: this.qr });
    const actions = el("div", { class: "plan-actions" });
    if (this.session.length) button(actions, words.start_player, "start", true);
    button(actions, words.keep, "keep");
    button(actions, words.print_plan, "print");
    const reminders = this.reminders(actions);
    this.say = el("p", { class: "plan-say", role: "status" });
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
    if (this.say) this.say.textContent = text;
  }

  /** The player, with the plan's items and doses, as a routine of its own. */
  async start() {
    const { data } = this;
    const routine = { id: this.id, title: data.words.plan_title, items: this.session };
    const playerData = { ...data.player, routine, move_on: { text: "", easy_rule: false, next: null } };
    try {
      const player = await loadPlayer();
      this.tell("");
      player.openPlayer(/** @type {any} */ (playerData), { plan: this.id, figures: "templates" });
    } catch {
      this.tell(this.data.words.player_failed);
    }
  }

  /** Keep the plan on this device (the log's "plans"), with its link to open it again. */
  async keep() {
    const { data, opened } = this;
    const plan = opened.plan;
    const record = {
      id: this.id, v: plan.v, kept: new Date().toISOString(), clinic: plan.clinic, verified: opened.verified,
      clinician: plan.clinician, note: plan.note, start: plan.start, review: plan.review, how_often: { ...plan.how_often },
      items: plan.items.map((item) => ({ kind: item.kind, id: item.id, dose: item.dose ? { ...item.dose } : null })),
      link: parts(opened.fragment),
    };
    try {
      await new Log(siteScope(data.player.root)).savePlan(record);
      this.tell(data.words.kept);
    } catch (error) {
      const code = error instanceof StorageError ? error.code : "failed";
      const reason = own(data.words.storage, code) ?? own(data.words.storage, "failed") ?? code;
      this.tell(fill(data.words.not_kept, { reason }));
    }
  }

  /**
   * How long a session of this plan takes, in whole minutes, as a calendar event can hold it.
   * @param {number} longest the longest event lib/ics.js writes
   * @returns {Promise<number | null>}
   */
  async minutes(longest) {
    const options = { ...this.data.player.options, first_side: "left", rep_mode: "tempo" };
    try {
      const { buildSteps, estimateMs } = await import("./lib/session.js");
      const ms = estimateMs(buildSteps({ id: this.id, title: this.data.words.plan_title, items: /** @type {any} */ (this.session) }, options));
      return Math.min(longest, Math.max(1, Math.ceil(ms / MS_PER_MINUTE)));
    } catch {
      return this.data.log.reminders.event_minutes ?? null;
    }
  }

  /**
   * Calendar reminders: a button that opens a small form with the days (as many as the plan asks,
   * spread over the week, already ticked) and a time. The calendar code loads when it is opened.
   * @param {HTMLElement} actions where the button goes
   * @returns {HTMLElement | null} the form, or null when the plan has nothing to remind of
   */
  reminders(actions) {
    if (!this.session.length) return null;
    const formId = `${this.id}-reminders`;
    const open = button(actions, this.data.words.calendar, "calendar");
    open.setAttribute("aria-expanded", "false");
    open.setAttribute("aria-controls", formId);
    const form = /** @type {HTMLFormElement} */ (el("form", { class: "plan-calendar", id: formId, hidden: "" }));
    open.addEventListener("click", async () => {
      if (!form.childElementCount) {
        try {
          this.reminderForm(form, await import("./lib/ics.js"));
        } catch {
          this.tell(this.data.words.calendar_failed);
          return;
        }
      }
      form.hidden = !form.hidden;
      open.setAttribute("aria-expanded", String(!form.hidden));
    });
    return form;
  }

  /**
   * @param {HTMLFormElement} form
   * @param {typeof import("./lib/ics.js")} ics
   */
  reminderForm(form, ics) {
    const { data } = this;
    const logWords = data.log.words;
    form.append(el("p", {}, logWords.reminders_intro));
    const days = form.appendChild(el("fieldset", { class: "plan-days" }));
    days.append(el("legend", {}, logWords.reminders_days));
    const perWeek = this.opened.plan.how_often.days_per_week;
    const monday = [...ics.WEEKDAYS.slice(1), ics.WEEKDAYS[0]];
    const names = /** @type {string[]} */ (logWords.weekdays);
    const picked = new Set(Array.from({ length: perWeek }, (_, i) => Math.floor((i * monday.length) / perWeek)));
    names.forEach((name, i) => {
      const label = days.appendChild(el("label", { class: "plan-check" }));
      const input = /** @type {HTMLInputElement} */ (el("input", { type: "checkbox", name: "day", value: monday[i] }));
      input.checked = picked.has(i);
      label.append(input, el("span", {}, name));
    });
    const timeId = `${this.id}-time`;
    const time = /** @type {HTMLInputElement} */ (el("input", { type: "time", id: timeId, required: "", value: data.log.reminders.default_time }));
    const row = form.appendChild(el("p", { class: "plan-time" }));
    row.append(el("label", { for: timeId }, logWords.reminders_time), time);
    form.append(el("button", { type: "submit", class: "md-button md-button--primary plan-button" }, logWords.reminders_download));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const weekdays = [...form.querySelectorAll("input[name=day]:checked")].map((i) => /** @type {HTMLInputElement} */ (i).value);
      this.download(ics, weekdays, time.value.slice(0, 5));
    });
  }

  /**
   * The reminders as an iCalendar file, downloaded (made here, sent nowhere).
   * @param {typeof import("./lib/ics.js")} ics @param {string[]} weekdays @param {string} time
   */
  async download(ics, weekdays, time) {
    const { data, opened } = this;
    const minutes = await this.minutes(ics.MAX_MINUTES);
    const scope = siteScope(data.player.root);
    const uid = `${this.id}-${weekdays.join("").toLowerCase()}-${time.replace(":", "")}@${location.host}${scope}`
      .replace(/[^A-Za-z0-9@._:\/-]/g, "-");
    const description = this.session.map((item) => [item.title, item.dose_text, item.side_label].filter(Boolean).join(" ")).join("\n");
    const made = minutes === null ? null : ics.calendar({
      prodid: `-//${data.clinic.name}//EN`,
      events: [{ uid, title: data.words.plan_title, description, url: this.link.length <= ics.MAX_URL ? this.link : null, weekdays,
        time, minutes, start: opened.plan.start, alarm_minutes: data.log.reminders.alarm_minutes }],
    });
    if (!made || !made.ok) {
      this.tell(data.words.calendar_failed);
      return;
    }
    this.tell("");
    const url = URL.createObjectURL(new Blob([made.text], { type: "text/calendar;charset=utf-8" }));
    const a = el("a", { href: url, download: `${this.id}.ics`, hidden: "" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), RELEASE_MS);
  }
}

/**
 * Show the plan in the page's fragment, or why it cannot be shown.
 * @param {HTMLElement} view @param {PlanPage} data
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
  const [id, qr] = await Promise.all([planId(opened.fragment), qrLibrary()]);
  if (location.hash !== hash || !view.isConnected) return;
  new PlanView(view, data, opened, id, qr).render();
  // Set once the plan is on the page, so whoever waits for the state finds the plan drawn.
  view.dataset.state = opened.verified ? "verified" : "unverified";
}

/** The plan views on the page now (a page swapped out by navigation drops out). */
/** @type {Set<{view: HTMLElement, data: PlanPage}>} */
const views = new Set();

window.addEventListener("hashchange", () => {
  for (const entry of [...views]) {
    if (entry.view.isConnected) show(entry.view, entry.data);
    else views.delete(entry);
  }
});

onPage(() => {
  for (const box of fresh(".my-plan")) {
    const data = /** @type {PlanPage | null} */ (readJson(box, "data-my-plan"));
    if (!data) continue;
    for (const note of box.querySelectorAll(".plan-noscript")) note.remove();
    const view = box.appendChild(el("div", { class: "plan-view" }));
    views.add({ view, data });
    show(view, data);
  }
});
