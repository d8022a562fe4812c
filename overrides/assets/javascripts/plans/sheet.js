/**
 * A plan as a sheet that prints on one page, shown the same on /my-plan/ and in the builder
 * (/prescribe/): the clinic (only on a verified plan), the plan's status, who made it, how often and
 * when (with its review date), the items in order with their doses, the note (as text), the pain
 * rule and safety net (print only: the page shows them below), the disclaimer, who reviewed the
 * guide clinically (or plainly that no named clinician has) and the link's QR code. Also what both
 * pages write the same way: a dose ("3 × 20"), a plan's full link, the items a session runs.
 */
import { dayText } from "../shared/core/days.js";
import { protocolsOf } from "./core/check.js";
import { own } from "../shared/core/own.js";
import { counted, fill } from "../shared/core/words.js";
import { el, locale } from "../shared/page.js";
import { load } from "../shared/versions.js";

/**
 * @typedef {import("./core/plan.js").Plan} Plan
 * @typedef {import("./core/plan.js").Dose} Dose
 * @typedef {import("./core/plan.js").Kind} Kind
 * @typedef {import("./core/check.js").Bounds} Bounds
 * @typedef {import("./core/check.js").CheckedItem} CheckedItem
 * @typedef {import("../shared/core/words.js").Word} Word
 * @typedef {{title: string, dose_shape: "reps" | "hold" | "minutes" | null, default: Dose | null, href: string,
 *   group?: string, level?: number | null, protocols?: string[], protocol?: string | null,
 *   bounds?: Partial<Record<string, {min: number, max: number}>>}} LibraryEntry
 * @typedef {Record<Kind, Record<string, LibraryEntry>>} Library
 * @typedef {{id: string, figure?: string, title: string, kind: string, each_side: boolean, side_label: string | null,
 *   dose: ({shape: string} & Record<string, unknown>) | null, dose_text: string | null, cues: string[]}} ItemData
 * @typedef {{strength: string, stretch: string, recovery: string, routine: string, stage: string}} GroupWords
 * @typedef {{sets: string, reps: string, holds: string, seconds: string, minutes: string, short_reps: string,
 *   short_hold: string, short_minutes: string}} DoseWords
 * @typedef {Record<string, any> & {groups: GroupWords, doses: DoseWords, errors: Record<string, string>,
 *   problems: Record<string, string>, storage: Record<string, string>, added: Word, plan_full: Word, often_line: Word}} Words
 * @typedef {{words: Record<string, any>, reminders: {default_time: string, alarm_minutes: number,
 *   event_minutes?: number}, rules: {week_starts: number}}} LogData
 * @typedef {{clinic: {id: string, name: string}, public_key: JsonWebKey | null, library: Library, bounds: Bounds,
 *   limits: import("./core/plan.js").Limits, items: Record<string, ItemData>, routines: Record<string, string[]>,
 *   my_plan: string, words: Words, root: string, protocols?: {id: string, title: string}[],
 *   defaults: {days_per_week: number, review_weeks: number},
 *   sheet: {pain_title: string, pains: {protocol: string, text: string}[], safety: string, disclaimer: string, review: string}}} PlanPage
 * @typedef {PlanPage & {player: Record<string, any>, log: LogData}} MyPlanPage the patient's plan, which plays it and makes reminders
 * @typedef {{text: string, verified: boolean}} Status
 * @typedef {import("../vendor/qrcode.mjs").QRCodeFactory} QRCodeFactory
 */

/** Modules of white around a QR code, as the QR standard asks. */
const QUIET_ZONE = 4;

/** @type {Promise<QRCodeFactory | null> | null} */
let qrLoading = null;

/**
 * The vendored QR library (vendor/README.md), loaded the first time a plan is shown; null when it
 * cannot be loaded (offline and never saved, a stale page), which costs the QR code only.
 * @returns {Promise<QRCodeFactory | null>}
 */
export function qrLibrary() {
  if (!qrLoading) qrLoading = load(() => import("../vendor/qrcode.mjs")).then((m) => m.default, () => null);
  return qrLoading;
}

/**
 * What a plan's status says: "From <clinic> (verified)", or the builder's or the patient's words
 * for a plan that is not.
 * @param {PlanPage} data @param {boolean} verified @param {string} [unverified] the words when not
 * @returns {Status}
 */
export function statusOf(data, verified, unverified = data.words.not_verified) {
  return verified ? { text: fill(data.words.from_verified, { clinic: data.clinic.name }, locale()), verified } : { text: unverified, verified };
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
  return fill(format, numbers, locale());
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
 * The QR code of a text as an SVG image (drawn as one path, black on white), or null when the text
 * is too long for any QR code.
 * @param {QRCodeFactory} qrcode @param {string} text @param {string} label the image's accessible name
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

/** @param {number} level @param {string} text @param {Record<string, string>} [attributes] */
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
 * The sheet. The clinic's name heads it only when the plan is verified: a plan nobody signed, or
 * one this site cannot check, never carries the clinic's name.
 * @param {PlanPage} data
 * @param {Plan} plan
 * @param {CheckedItem[]} items checked by core/plan.js checkPlan; never one that is out of bounds
 * @param {{status: Status, link: string, level: number, figures: boolean, qr: QRCodeFactory | null}} options
 *   level: the level of the sheet's own headings; qr: the QR library
 * @returns {HTMLElement}
 */
export function planSheet(data, plan, items, options) {
  const words = data.words;
  const lang = locale();
  const level = options.level;
  const sheet = el("article", { class: "plan-sheet", "aria-label": words.plan_title, "data-verified": String(options.status.verified) });
  const head = sheet.appendChild(el("header", { class: "plan-head" }));
  if (options.status.verified) head.append(el("p", { class: "plan-brand" }, data.clinic.name));
  head.append(el("p", { class: "plan-title" }, words.plan_title));
  const kind = options.status.verified ? "plan-verified" : "plan-unverified";
  head.append(el("p", { class: `plan-status-line ${kind}` }, options.status.text));
  head.append(el("p", { class: "plan-by" }, fill(words.prescribed_by, { clinician: plan.clinician }, lang)));
  const when = head.appendChild(el("p", { class: "plan-when" }));
  const days = plan.how_often.days_per_week;
  const often = counted(words.often_line, days, { days }, lang);
  const start = fill(words.starts_on, { start: dayText(plan.start, lang) }, lang);
  for (const part of [often, start, fill(words.review_on, { review: dayText(plan.review, lang) }, lang)]) {
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
  // The pain rules of the plan's protocols (each its own paragraph; set smaller when there are several).
  const followed = protocolsOf(items, data.library, data.sheet.pains.map((p) => p.protocol));
  const pains = data.sheet.pains.filter((p) => followed.includes(p.protocol)).map((p) => el("p", {}, p.text));
  if (pains.length > 1) safety.classList.add("plan-safety--several");
  safety.append(el("p", { class: "plan-safety-title" }, data.sheet.pain_title), ...pains, el("p", {}, data.sheet.safety));
  if (options.qr) {
    const qr = foot.appendChild(el("div", { class: "plan-qr" }));
    const code = qrSvg(options.qr, options.link, words.qr_label);
    if (code) qr.append(code, el("p", { class: "plan-qr-caption" }, words.qr_caption));
    else qr.append(el("p", { class: "plan-qr-caption" }, words.qr_too_long));
  }
  sheet.append(el("p", { class: "plan-disclaimer plan-print-only" }, data.sheet.disclaimer));
  // Who reviewed this guide clinically, and when (or plainly that no named clinician has).
  if (data.sheet.review) sheet.append(el("p", { class: "plan-review-line" }, data.sheet.review));
  return sheet;
}
