/**
 * The next-morning check-in ("Is your knee worse than usual this morning?"): a small panel, not a
 * modal, offered on any later day the guide is opened after a session (lib/rules.js
 * `pendingCheckin`), until it is answered; "Not now" hides it for the rest of the day.
 *
 * This module also holds what the log's widgets share, because it is loaded on every page that
 * has one of them (home, routines, /progress/, /my-plan/): did-it.js and progress.js import it, and
 * the browser runs a module once however many import it. Everything a person enters is written
 * with storage.js into this browser only; every word comes from the page data (data/progress.yml).
 */
import { dayKey, easeOff, moveOn, pendingCheckin } from "./lib/rules.js";
import { fill } from "./lib/words.js";
import { wholeLogData } from "./log-widgets.js";
import { el, fresh, onPage, readJson } from "./page.js";
import { Log, Settings, StorageError, siteScope } from "./storage.js";

/**
 * @typedef {import("./lib/records.js").Session} Session
 * @typedef {import("./lib/records.js").Checkin} Checkin
 * @typedef {{id: string, title: string, href: string}} NextRoutine
 * @typedef {{title: string, frequency: string, days_per_week: number | null, href: string,
 *   moves_on_when_easy: boolean, next: NextRoutine | null}} RoutineInfo
 * @typedef {{routines: Record<string, RoutineInfo>, items: Record<string, string>,
 *   rules: import("./lib/rules.js").Rules, calendar_weeks: number, table_sessions: number,
 *   summary: import("./lib/rules.js").SummaryWindow, reminders: {default_time: string, alarm_minutes: number,
 *   event_minutes: number}, words: Record<string, any>, links: {clinician: string, progress: string, my_plan?: string},
 *   root: string, site: string, routine_order?: string[], routine?: string}} LogData
 */

/** The pain scale's lowest score, "no pain": part of the 0-10 numeric rating scale (lib/records.js). */
export const PAIN_MIN = 0;

/** The event every widget of the log sends on `document` after it changed the stored log. */
export const CHANGED = "knee-log-changed";

/** One Log per site path, so the widgets of a page share one open database. @type {Map<string, Log>} */
const logs = new Map();

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

/** @param {LogData} data @returns {Log} */
export function logOf(data) {
  const scope = siteScope(data.root);
  let log = logs.get(scope);
  if (!log) {
    log = new Log(scope);
    logs.set(scope, log);
  }
  return log;
}

/** @param {LogData} data @returns {Settings} */
export function settingsOf(data) {
  return new Settings(siteScope(data.root));
}

/** A new record id: lower-case hex and hyphens, as records.js wants. @returns {string} */
export function newId() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
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
  return fill(words.not_saved, { reason: words.storage_failed });
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
    const granted = await logOf(data).persist();
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

/** Pain from none to the scale's top. @param {string} legend @param {number} max */
export function painField(legend, max) {
  /** @type {[string, string][]} */
  const options = [];
  for (let n = PAIN_MIN; n <= max; n++) options.push([String(n), String(n)]);
  return choices(legend, "pain", options, "log-scale");
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
 * What the guide's rules say about the log, as paragraphs: "ease off" (with the warning signs),
 * or else "ready for the next level?" for each routine that moves on when easy, is ready, and
 * whose next level has not been done since.
 * @param {LogData} data
 * @param {Session[]} sessions
 * @param {Checkin[]} checkins
 * @returns {HTMLElement[]}
 */
export function advice(data, sessions, checkins) {
  const words = data.words;
  if (easeOff(sessions, checkins, data.rules).ease_off) {
    const p = el("p", { class: "log-advice log-ease-off" }, `${words.ease_off} `);
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
    const p = el("p", { class: "log-advice log-move-on" }, `${fill(words.move_on, { next: next.title })} `);
    p.append(el("a", { href: next.href }, words.move_on_open));
    out.push(p);
  }
  return out;
}

/** Tell every widget of the log on this page that the stored log changed. */
export function changed() {
  document.dispatchEvent(new CustomEvent(CHANGED));
}

/** Refreshers of the check-ins on the page now; a check-in swapped out by navigation drops out. */
/** @type {Set<{box: HTMLElement, refresh: () => void}>} */
const mounted = new Set();
document.addEventListener(CHANGED, () => {
  for (const entry of [...mounted]) {
    if (entry.box.isConnected) entry.refresh();
    else mounted.delete(entry);
  }
});

/** @param {HTMLElement} box */
async function mount(box) {
  await wholeLogData(box, "data-checkin"); // a page's stub, filled from the shared file
  const data = logData(box, "data-checkin");
  if (!data) return;
  const words = data.words;
  const log = logOf(data);
  const settings = settingsOf(data);
  /** @type {Session | null} */
  let pending = null;
  /** @type {HTMLFormElement | null} */
  let form = null;
  const live = el("p", { class: "log-status", role: "status" });
  const done = el("div", { class: "log-done", tabindex: "-1", hidden: "" });
  box.classList.add("log-panel");
  box.append(live, done);
  // The panel is offered where it is seen: under the page's title.
  const title = document.querySelector(".md-content h1");
  if (title && title.parentElement) title.after(box);

  const build = () => {
    const f = /** @type {HTMLFormElement} */ (el("form", { class: "log-form" }));
    const question = yesNoField(words.checkin_question, "worse", words);
    for (const input of question.querySelectorAll("input")) input.required = true;
    const save = button(words.checkin_answer, true, "submit");
    const later = button(words.checkin_later);
    const actions = el("div", { class: "log-actions" });
    actions.append(save, later);
    const max = data.rules.pain.scale_max;
    f.append(question, painField(fill(words.checkin_pain, { min: PAIN_MIN, max }), max), actions);
    later.addEventListener("click", () => {
      if (pending) settings.set("checkin_later", `${pending.id} ${dayKey(new Date())}`);
      box.hidden = true;
    });
    f.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!pending) return;
      save.disabled = true;
      const checkin = {
        v: 1, id: newId(), kind: "morning", date: dayKey(new Date()), session: pending.id,
        worse: chosen(f, "worse") === "yes", pain: painOf(chosen(f, "pain")),
      };
      try {
        await log.saveCheckin(checkin);
        const stored = await log.read();
        f.hidden = true;
        live.textContent = "";
        // On /progress/ the page itself shows the advice; say it once.
        const onProgress = document.querySelector("[data-progress]") !== null;
        done.replaceChildren(el("p", {}, words.saved), ...(onProgress ? [] : advice(data, stored.sessions, stored.checkins)));
        done.hidden = false;
        done.focus();
        pending = null;
        changed();
      } catch (error) {
        live.textContent = storageWords(error, words);
      } finally {
        save.disabled = false;
      }
    });
    return f;
  };

  const refresh = async () => {
    let stored;
    try {
      stored = await log.read();
    } catch {
      return; // no log on this browser: nothing to ask about (the progress page says why)
    }
    const today = dayKey(new Date());
    const found = pendingCheckin(stored.sessions, stored.checkins, Date.now());
    if (!found || settings.all().checkin_later === `${found.id} ${today}`) {
      if (done.hidden) box.hidden = true;
      return;
    }
    if (pending && pending.id === found.id && !box.hidden) return;
    pending = found;
    if (form) form.remove();
    form = build();
    box.insertBefore(form, live);
    done.hidden = true;
    live.textContent = "";
    box.hidden = false;
  };
  mounted.add({ box, refresh });
  refresh();
}

onPage(() => fresh("[data-checkin]").forEach(mount));
