/**
 * What the log's widgets share (the morning check-in, "I did this today", the progress page): their
 * page data, the log and settings of the page's copy of the guide, the form parts they are built
 * of, the words for a storage failure, and the rules' advice. Everything a person enters is written
 * with store.js into this browser only; every word comes from the page data (data/progress.yml),
 * and what hurts is named as the protocol of the session or routine concerned names it.
 */
import { fill } from "../shared/core/words.js";
import { el, locale, readJson, siteScope } from "../shared/page.js";
import { Settings } from "../shared/settings.js";
import { easeOff, moveOn, partOf, protocolOf, routineProtocol } from "./core/rules.js";
import { StorageError, logOf } from "./store.js";

/**
 * @typedef {import("./core/records.js").Session} Session
 * @typedef {import("./core/records.js").Checkin} Checkin
 * @typedef {{id: string, title: string, href: string}} NextRoutine
 * @typedef {{title: string, frequency: string, days_per_week: number | null, href: string,
 *   moves_on_when_easy: boolean, next: NextRoutine | null, protocol?: string | null}} RoutineInfo
 * @typedef {{routines: Record<string, RoutineInfo>, items: Record<string, string>,
 *   rules: import("./core/rules.js").Rules, calendar_weeks: number, table_sessions: number,
 *   summary: import("./core/rules.js").SummaryWindow, reminders: {default_time: string, alarm_minutes: number,
 *   event_minutes: number}, words: Record<string, any>, links: {clinician: string, progress: string, my_plan?: string},
 *   root: string, site: string, routine_order?: string[], routine?: string}} LogData
 */

/** The event every widget of the log sends on `document` after it changed the stored log. */
export const CHANGED = "guide:log-changed";

/**
 * The page data of a log widget, or null when it is missing or malformed.
 * @param {Element} box
 * @param {string} attribute
 * @returns {LogData | null}
 */
export function logData(box, attribute) {
  const data = readJson(box, attribute);
  const ok = data && typeof data === "object" && data.words && data.rules && data.routines && typeof data.root === "string";
  return ok ? /** @type {LogData} */ (data) : null;
}

/**
 * The routines in the guide's order (the page data's objects are written with sorted keys).
 * @param {LogData} data
 * @returns {[string, RoutineInfo][]}
 */
export function routinesOf(data) {
  const order = Array.isArray(data.routine_order) ? data.routine_order : [];
  const rank = (/** @type {string} */ id) => (order.includes(id) ? order.indexOf(id) : order.length);
  return Object.entries(data.routines).sort(([a], [b]) => rank(a) - rank(b));
}

/** The page's one log (store.js) of the widget's copy of the guide. @param {LogData} data */
export function logFor(data) {
  return logOf(siteScope(data.root));
}

/** @param {LogData} data @returns {Settings} */
export function settingsOf(data) {
  return new Settings(siteScope(data.root));
}

/**
 * What to tell the runner when storing failed.
 * @param {unknown} error
 * @param {Record<string, any>} words
 * @returns {string}
 */
export function storageWords(error, words) {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  const code = error instanceof StorageError ? error.code : name === "QuotaExceededError" ? "quota" : "failed";
  if (code === "quota") return words.storage_full;
  if (code === "unavailable") return words.storage_unavailable;
  return fill(words.not_saved, { reason: words.storage_failed }, locale());
}

/**
 * Ask the browser, once for this copy of the guide, to keep the log when space runs low; then
 * answer whether it is kept (false means: say `persist_denied`).
 * @param {LogData} data
 * @returns {Promise<boolean>}
 */
export async function kept(data) {
  const settings = settingsOf(data);
  const asked = settings.all().persist;
  if (asked !== "granted" && asked !== "denied") {
    const granted = await logFor(data).persist();
    settings.set("persist", granted ? "granted" : "denied");
    return granted;
  }
  try {
    if (navigator.storage && navigator.storage.persisted) return await navigator.storage.persisted();
  } catch {
    // fall back to the first answer
  }
  return asked === "granted";
}

let counter = 0;
/** An id for an element, unique in the page. @param {string} prefix */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * One radio button in a large label.
 * @param {string} name @param {string} value @param {string} label
 * @returns {HTMLElement}
 */
function choice(name, value, label) {
  const box = el("label", { class: "log-choice" });
  box.append(el("input", { type: "radio", name, value }), el("span", {}, label));
  return box;
}

/**
 * A question answered by one of several large radio buttons.
 * @param {string} legend
 * @param {string} name
 * @param {[string, string][]} options value and label
 * @param {string} [extra] another class
 * @returns {HTMLFieldSetElement}
 */
export function choices(legend, name, options, extra = "") {
  const set = /** @type {HTMLFieldSetElement} */ (el("fieldset", { class: `log-field ${extra}`.trim() }));
  const row = el("div", { class: "log-choices" });
  for (const [value, label] of options) row.append(choice(name, value, label));
  set.append(el("legend", {}, legend), row);
  return set;
}

/**
 * Pain from the scale's bottom (no pain) to its top, the protocol's scale: the legend's `{min}`,
 * `{max}` and `{part}` are filled in.
 * @param {string} legend @param {import("./core/rules.js").PainRules} scale @param {string} part
 */
export function painField(legend, scale, part) {
  const min = scale.scale_min;
  /** @type {[string, string][]} */
  const options = [];
  for (let n = min; n <= scale.scale_max; n++) options.push([String(n), String(n)]);
  return choices(fill(legend, { min, max: scale.scale_max, part }, locale()), "pain", options, "log-scale");
}

/** @param {string} legend @param {string} name @param {Record<string, any>} words */
export function yesNoField(legend, name, words) {
  return choices(legend, name, [["yes", words.answer_yes], ["no", words.answer_no]]);
}

/**
 * The value of the checked radio button, or "".
 * @param {HTMLFormElement} form @param {string} name
 * @returns {string}
 */
export function chosen(form, name) {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList) return field.value;
  return field instanceof HTMLInputElement && field.checked ? field.value : "";
}

/** @param {string} value @returns {number | null} */
export const painOf = (value) => (value === "" ? null : Number(value));
/** @param {string} value @returns {boolean | null} */
export const yesNoOf = (value) => (value === "yes" ? true : value === "no" ? false : null);

/**
 * A button in Material's look.
 * @param {string} label @param {boolean} [primary] @param {"button" | "submit"} [type]
 * @returns {HTMLButtonElement}
 */
export function button(label, primary = false, type = "button") {
  const look = `md-button log-button${primary ? " md-button--primary" : ""}`;
  return /** @type {HTMLButtonElement} */ (el("button", { type, class: look }, label));
}

/**
 * What the guide's rules say about the log, as paragraphs: "ease off" (with the warning signs;
 * after runs, "step back a stage"), naming what hurts as the latest session's protocol does, or
 * else "ready for the next level?" for each routine that moves on when easy, is ready, and whose
 * next level has not been done since.
 * @param {LogData} data
 * @param {Session[]} sessions
 * @param {Checkin[]} checkins
 * @returns {HTMLElement[]}
 */
export function advice(data, sessions, checkins) {
  const words = data.words;
  const rules = data.rules;
  const lang = locale();
  const ease = easeOff(sessions, checkins, rules);
  if (ease.ease_off) {
    const latest = [...sessions].sort((a, b) => Date.parse(a.started) - Date.parse(b.started)).pop();
    const part = partOf(latest ? protocolOf(latest, rules) : null, rules);
    const p = el("p", { class: "log-advice log-ease-off" }, `${fill(ease.run ? words.ease_off_run : words.ease_off, { part }, lang)} `);
    p.append(el("a", { href: data.links.clinician }, words.warning_signs));
    return [p];
  }
  const out = [];
  for (const [id, routine] of routinesOf(data)) {
    const next = routine.next;
    const mine = sessions.filter((s) => s.routine === id).map((s) => Date.parse(s.started));
    if (!routine.moves_on_when_easy || !next || !mine.length) continue;
    const last = Math.max(...mine);
    if (sessions.some((s) => s.routine === next.id && Date.parse(s.started) >= last)) continue;
    if (!moveOn(sessions, checkins, id, data.rules).ready) continue;
    const part = partOf(routineProtocol(id, rules), rules);
    const p = el("p", { class: "log-advice log-move-on" }, `${fill(words.move_on, { next: next.title, part }, lang)} `);
    p.append(el("a", { href: next.href }, words.move_on_open));
    out.push(p);
  }
  return out;
}

/** Tell every widget of the log on this page that the stored log changed. */
export function changed() {
  document.dispatchEvent(new CustomEvent(CHANGED));
}
