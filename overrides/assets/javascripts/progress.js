/**
 * "My progress" (/progress/): the log kept in this browser, read with storage.js and judged with
 * lib/rules.js — a plain-words summary with the rules' advice, the kept plan, this week against
 * each routine's how-often, a calendar of the last weeks, pain during and the next morning as a
 * chart and a table — and the tools that take it to an appointment (print, JSON and CSV files made
 * on the device, the share sheet), bring it back (import: checked whole, then written all or
 * nothing), delete it, and put reminders in the runner's calendar (an .ics file).
 *
 * Nothing here makes a request: files are Blobs handed to an <a download>. Every word and number
 * comes from the page data; a stored or imported string is only ever set as text.
 */
import { CHANGED, PAIN_MIN, advice, button, changed, kept, logData, logOf, routinesOf, storageWords, uid } from "./checkin.js";
import { calendar, dayKey, summary, week } from "./lib/rules.js";
import { fill } from "./lib/words.js";
import { el, fresh, onPage } from "./page.js";
import { StorageError, siteScope } from "./storage.js";

/**
 * @typedef {import("./checkin.js").LogData} LogData
 * @typedef {import("./lib/records.js").Session} Session
 * @typedef {import("./lib/records.js").Checkin} Checkin
 * @typedef {import("./lib/records.js").Plan} Plan
 * @typedef {import("./storage.js").Contents} Contents
 */

const SVG = "http://www.w3.org/2000/svg";
/** The chart's drawing box, in SVG units: the size, and the margins kept for the axis labels. */
const CHART = { width: 600, height: 220, left: 34, right: 14, top: 12, bottom: 30 };
/** How long a download's object URL is kept before it is released. */
const RELEASE_MS = 60000;
/** A log's site path as records.js accepts it. */
const SITE_PATH = /^\/[A-Za-z0-9._~/-]*$/;
/** A plan link's fragment (lib/plan.js: "p1." and base64url parts). */
const PLAN_FRAGMENT = /^[A-Za-z0-9._-]{1,8000}$/;
/** Saving, sharing and bringing back the log (lib/exchange.js), and calendar files (lib/ics.js),
 * are loaded when a button asks for them: a visit that only reads the log downloads neither. */
const exchange = () => import("./lib/exchange.js");
const ics = () => import("./lib/ics.js");

/** Characters an iCalendar UID may hold (lib/ics.js). */
const NOT_IN_UID = /[^A-Za-z0-9@._:/-]/g;

const lang = () => document.documentElement.lang || undefined;
/** An own property only (a stored or imported value may be named "constructor"). */
const has = (/** @type {object} */ o, /** @type {PropertyKey} */ k) => Object.prototype.hasOwnProperty.call(o, k);

/** A local day "YYYY-MM-DD" in the page's language. @param {string} key @param {Intl.DateTimeFormatOptions} how */
function showDay(key, how) {
  const [y, m, d] = key.split("-").map(Number);
  return new Intl.DateTimeFormat(lang(), how).format(new Date(y, m - 1, d));
}

/** @param {string} text @param {string} [cls] */
const note = (text, cls = "log-note") => el("p", { class: cls }, text);

/** A section with its heading. @param {string} title @param {string} cls @param {string} [level] */
function section(title, cls, level = "h2") {
  const box = el("section", { class: `log-section ${cls}` });
  box.append(el(level, { id: uid("log-heading") }, title));
  return box;
}

/**
 * A table in a box that scrolls sideways on a narrow screen, reachable by keyboard and named by
 * its section's heading.
 * @param {HTMLElement} sec @param {HTMLElement} table
 */
function scrolling(sec, table) {
  const heading = sec.firstElementChild;
  const box = el("div", { class: "log-scroll", role: "group", tabindex: "0", "aria-labelledby": heading ? heading.id : "" });
  box.append(table);
  return box;
}

/** Save a file made on this device. @param {Blob} blob @param {string} name */
function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name, hidden: "" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_MS);
}

/** The latest check-in about each session. @param {Checkin[]} checkins @returns {Map<string, Checkin>} */
function mornings(checkins) {
  const out = new Map();
  for (const c of [...checkins].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) out.set(c.session, c);
  return out;
}

/** @param {Session[]} sessions */
const byStart = (sessions) => [...sessions].sort((a, b) => Date.parse(a.started) - Date.parse(b.started));

/** What a session was: its routine's title, or its items'. @param {LogData} data @param {Session} s */
function whatOf(data, s) {
  if (s.routine !== null) return has(data.routines, s.routine) ? data.routines[s.routine].title : s.routine;
  return s.items.map((i) => (has(data.items, i.item) ? data.items[i.item] : i.item)).join(", ");
}

/** The plan a runner kept last (one marked active wins). @param {Plan[]} plans @returns {Plan | null} */
function activePlan(plans) {
  const active = plans.filter((p) => p.active === true);
  const pool = active.length ? active : plans;
  /** @param {Plan} p */
  const when = (p) => String(p.kept ?? p.saved ?? p.start ?? "");
  return [...pool].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0)).pop() || null;
}

/** @param {LogData} data @param {Plan} plan */
function planSection(data, plan) {
  const w = data.words;
  const box = section(w.plan_title, "log-plan");
  const text = (/** @type {unknown} */ v) => (typeof v === "string" && v.trim() ? v : null);
  const date = (/** @type {unknown} */ v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const clinician = text(plan.clinician);
  if (clinician) box.append(el("p", {}, fill(w.plan_from, { clinician })));
  const review = date(plan.review);
  if (review) box.append(el("p", {}, fill(w.plan_review, { date: showDay(review, { day: "numeric", month: "long", year: "numeric" }) })));
  const often = /** @type {{days_per_week?: unknown}} */ (plan.how_often || {}).days_per_week;
  if (typeof often === "number") box.append(el("p", {}, fill(w.plan_often, { days: often })));
  const message = text(plan.note);
  if (message) box.append(el("blockquote", {}, message));
  const items = Array.isArray(plan.items) ? plan.items : [];
  const list = el("ul", { class: "log-plan-items" });
  for (const raw of items) {
    const item = /** @type {{kind?: unknown, id?: unknown, dose?: any}} */ (raw && typeof raw === "object" ? raw : {});
    if (typeof item.id !== "string") continue;
    const li = el("li");
    const routine = item.kind === "routine" && has(data.routines, item.id) ? data.routines[item.id] : null;
    const title = routine ? routine.title : has(data.items, item.id) ? data.items[item.id] : item.id;
    li.append(routine ? el("a", { href: routine.href }, title) : document.createTextNode(title));
    const dose = item.dose && typeof item.dose === "object" ? item.dose : null;
    const shapes = { reps: w.dose_reps, hold: w.dose_hold, minutes: w.dose_minutes };
    const words = dose && typeof dose.shape === "string" && has(shapes, dose.shape) ? shapes[/** @type {keyof shapes} */ (dose.shape)] : null;
    const numbers = dose ? Object.fromEntries(Object.entries(dose).filter(([, v]) => typeof v === "number")) : {};
    if (words) li.append(document.createTextNode(`: ${fill(words, numbers)}`));
    list.append(li);
  }
  if (list.childElementCount) box.append(list);
  // The link it came in, kept by /my-plan/ in parts: opened again on this site only, as a fragment.
  const link = Array.isArray(plan.link) && plan.link.every((p) => typeof p === "string") ? plan.link.join("") : "";
  if (data.links.my_plan && PLAN_FRAGMENT.test(link)) {
    const open = el("p");
    open.append(el("a", { href: `${data.links.my_plan}#${link}` }, w.plan_open));
    box.append(open);
  }
  return box;
}

/** @param {LogData} data @param {Contents} log @param {Date} now */
function summarySection(data, log, now) {
  const w = data.words;
  const box = section(w.summary_title, "log-summary");
  const titles = Object.fromEntries(routinesOf(data).map(([id, r]) => [id, r.title]));
  for (const r of summary(log.sessions, log.checkins, titles, now, data.summary)) {
    const values = { routine: r.title ?? r.routine, times: r.times, weeks: data.summary.weeks };
    const lines = [fill(r.times === 1 ? w.summary_line_one : w.summary_line, values)];
    const pain = { first: r.first_pain ?? "", latest: r.latest_pain ?? "" };
    if (r.trend === "down") lines.push(fill(w.summary_pain_down, pain));
    if (r.trend === "up") lines.push(fill(w.summary_pain_up, pain));
    if (r.trend === "same") lines.push(fill(w.summary_pain_same, pain));
    box.append(el("p", {}, lines.join(" ")));
  }
  const said = advice(data, log.sessions, log.checkins);
  if (said.length) {
    const div = el("div", { class: "log-advice-box" });
    div.append(...said);
    box.append(div);
  }
  return box;
}

/** @param {LogData} data @param {Contents} log @param {Plan | null} plan @param {Date} now */
function weekSection(data, log, plan, now) {
  const w = data.words;
  const box = section(w.this_week, "log-week");
  const planned = new Set((plan && Array.isArray(plan.items) ? plan.items : []).flatMap((i) =>
    i && typeof i === "object" && i.kind === "routine" && typeof i.id === "string" ? [i.id] : []));
  const list = el("ul", { class: "log-week-list" });
  for (const [id, routine] of routinesOf(data)) {
    if (!planned.has(id) && !log.sessions.some((s) => s.routine === id)) continue;
    const done = week(log.sessions, id, now, data.rules.week_starts).done_days;
    const target = routine.days_per_week;
    const li = el("li", { class: target !== null && done >= target ? "log-met" : "" });
    li.append(el("a", { href: routine.href }, routine.title), document.createTextNode(": "));
    const open = done === 1 ? w.week_count_open_one : w.week_count_open;
    li.append(el("strong", {}, target === null ? fill(open, { done }) : fill(w.week_count, { done, target })));
    list.append(li);
  }
  if (list.childElementCount) box.append(list);
  return box;
}

/** @param {LogData} data @param {Contents} log @param {Date} now */
function calendarSection(data, log, now) {
  const w = data.words;
  const box = section(w.calendar, "log-calendar");
  box.append(note(w.calendar_caption, ""));
  const table = el("table", { class: "log-calendar-table" });
  const head = el("tr");
  head.append(el("td"));
  for (let d = 0; d < 7; d++) {
    const monFirst = (data.rules.week_starts + d + 6) % 7;
    const th = el("th", { scope: "col" });
    th.append(el("span", { "aria-hidden": "true" }, w.weekdays_short[monFirst]), el("span", { class: "log-sr" }, w.weekdays[monFirst]));
    head.append(th);
  }
  const body = el("tbody");
  const names = (/** @type {string[]} */ ids, /** @type {Record<string, any>} */ from, /** @type {boolean} */ routines) =>
    ids.map((id) => (has(from, id) ? (routines ? from[id].title : from[id]) : id));
  for (const row of calendar(log.sessions, now, data.calendar_weeks, data.rules.week_starts)) {
    const tr = el("tr");
    tr.append(el("th", { scope: "row" }, showDay(row.start, { day: "numeric", month: "short" })));
    for (const day of row.days) {
      const td = el("td", { class: [day.today ? "log-today" : "", day.future ? "log-future" : ""].join(" ").trim() });
      if (day.today) td.setAttribute("aria-current", "date");
      td.append(el("span", { class: "log-date" }, String(Number(day.date.slice(8)))));
      const done = [...names(day.routines, data.routines, true), ...names(day.items, data.items, false)];
      if (done.length) {
        td.classList.add("log-done-day");
        const ul = el("ul");
        for (const name of done) ul.append(el("li", {}, name));
        td.append(ul);
      }
      tr.append(td);
    }
    body.append(tr);
  }
  const thead = el("thead");
  thead.append(head);
  table.append(thead, body);
  box.append(scrolling(box, table));
  return box;
}

/** @param {string} tag @param {Record<string, string | number>} attrs @returns {SVGElement} */
function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * The chart: a point per session, pain during (circles, solid line) and the next morning
 * (squares, dashed line), over a shaded band up to the acceptable level.
 * @param {LogData} data @param {{during: number | null, morning: number | null}[]} rows @param {string} labelId
 * @param {[string, string]} ends the first and last dates, as shown
 */
function chart(data, rows, labelId, ends) {
  const { width, height, left, right, top, bottom } = CHART;
  const { scale_max: max, acceptable_max: acceptable } = data.rules.pain;
  const span = width - left - right;
  const x = (/** @type {number} */ i) => left + (rows.length === 1 ? span / 2 : (i * span) / (rows.length - 1));
  const y = (/** @type {number} */ v) => top + ((height - top - bottom) * (max - v)) / (max - PAIN_MIN);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": labelId, class: "log-chart" });
  root.append(svg("rect", { class: "log-band", x: left, y: y(acceptable), width: span, height: y(PAIN_MIN) - y(acceptable) }));
  for (const v of new Set([PAIN_MIN, acceptable, max])) {
    root.append(svg("line", { class: "log-grid", x1: left, x2: width - right, y1: y(v), y2: y(v) }));
    const label = svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" });
    label.textContent = String(v);
    root.append(label);
  }
  ends.forEach((text, i) => {
    if (!text) return;
    const label = svg("text", { x: i ? width - right : left, y: height - 8, "text-anchor": i ? "end" : "start" });
    label.textContent = text;
    root.append(label);
  });
  for (const [key, cls] of /** @type {const} */ ([["during", "log-during"], ["morning", "log-morning"]])) {
    const points = rows.flatMap((r, i) => (r[key] === null ? [] : [[x(i), y(/** @type {number} */ (r[key]))]]));
    if (!points.length) continue;
    root.append(svg("polyline", { class: `log-line ${cls}`, points: points.map((p) => p.join(",")).join(" ") }));
    for (const [px, py] of points) {
      root.append(key === "during" ? svg("circle", { class: `log-mark ${cls}`, cx: px, cy: py, r: 4.5 })
        : svg("rect", { class: `log-mark ${cls}`, x: px - 4.5, y: py - 4.5, width: 9, height: 9 }));
    }
  }
  return root;
}

/** @param {LogData} data @param {Contents} log */
function painSection(data, log) {
  const w = data.words;
  const box = section(w.pain_chart, "log-pain");
  const shown = byStart(log.sessions).slice(-data.table_sessions);
  const morning = mornings(log.checkins);
  const yesNo = (/** @type {boolean | null | undefined} */ b) => (b === true ? w.answer_yes : b === false ? w.answer_no : "");
  const rows = shown.map((s) => ({ during: s.pain, morning: morning.get(s.id)?.pain ?? null }));
  const day = (/** @type {Session} */ s) => showDay(dayKey(new Date(s.started)), { weekday: "short", day: "numeric", month: "short" });
  if (rows.some((r) => r.during !== null || r.morning !== null)) {
    const figure = el("figure", { class: "log-figure" });
    const scale = { min: PAIN_MIN, max: data.rules.pain.scale_max, acceptable: data.rules.pain.acceptable_max };
    const caption = el("figcaption", { id: uid("log-chart") }, fill(w.pain_chart_caption, scale));
    const legend = el("ul", { class: "log-legend" });
    legend.append(el("li", { class: "log-key-during" }, w.pain_during), el("li", { class: "log-key-morning" }, w.pain_morning));
    const ends = /** @type {[string, string]} */ ([day(shown[0]), shown.length > 1 ? day(shown[shown.length - 1]) : ""]);
    figure.append(chart(data, rows, caption.id, ends), legend, caption);
    box.append(figure);
  }
  const table = el("table", { class: "log-table" });
  const head = el("tr");
  const headings = [w.table_date, w.table_routine, w.table_pain, w.table_easy, w.table_morning, w.table_morning_pain];
  for (const h of headings) head.append(el("th", { scope: "col" }, h));
  const thead = el("thead");
  thead.append(head);
  const body = el("tbody");
  for (const s of shown) {
    const c = morning.get(s.id);
    const tr = el("tr");
    const score = (/** @type {number | null | undefined} */ n) => (n === null || n === undefined ? "" : String(n));
    const cells = [day(s), whatOf(data, s), score(s.pain), yesNo(s.easy), yesNo(c?.worse), score(c?.pain)];
    for (const text of cells) tr.append(el("td", {}, text));
    body.append(tr);
  }
  table.append(thead, body);
  box.append(scrolling(box, table));
  return box;
}

/** @param {HTMLElement} box */
function mount(box) {
  const data = logData(box, "data-progress");
  if (!data) return;
  const w = data.words;
  const log = logOf(data);
  const scope = siteScope(data.root);
  const view = el("div", { class: "log-view" });
  const tools = takeIt(data);
  const reminders = remindersSection(data, scope);
  box.replaceChildren(view, tools, reminders);
  box.classList.add("log-page");

  const draw = async () => {
    /** @type {Contents} */
    let stored;
    try {
      stored = await log.read();
    } catch (error) {
      const unavailable = error instanceof StorageError && error.code === "unavailable";
      view.replaceChildren(note(unavailable ? w.storage_unavailable : w.storage_unreadable, "log-note log-warning"));
      tools.hidden = true;
      return;
    }
    tools.hidden = false;
    const now = new Date();
    const parts = [];
    if (stored.damaged) parts.push(note(fill(w.storage_corrupt, { count: stored.damaged }), "log-note log-warning"));
    const any = stored.sessions.length + stored.checkins.length + stored.plans.length > 0;
    if (any && !(await kept(data))) parts.push(note(w.persist_denied));
    const plan = activePlan(stored.plans);
    if (!stored.sessions.length) parts.push(note(w.empty, "log-empty"));
    else parts.push(summarySection(data, stored, now));
    if (plan) parts.push(planSection(data, plan));
    if (stored.sessions.length) {
      parts.push(weekSection(data, stored, plan, now), calendarSection(data, stored, now), painSection(data, stored));
    }
    view.replaceChildren(...parts);
    reminders.dispatchEvent(new CustomEvent("log-read", { detail: stored }));
  };
  // One drawing at a time, in order; a slip in one is reported and never stops the next.
  let rendering = Promise.resolve();
  const render = () => {
    rendering = rendering.then(draw).catch((error) => {
      view.replaceChildren(note(w.storage_unreadable, "log-note log-warning"));
      reportError(error);
    });
  };
  views.add({ box, render });
  render();

  /** Export, share, import, delete. @param {LogData} data */
  function takeIt(data) {
    const sec = section(w.take_it, "log-take-it");
    const say = speaker();
    const actions = el("div", { class: "log-actions" });
    const print = button(w.print_summary, true);
    const json = button(w.export_json);
    const csv = button(w.export_csv);
    const share = button(w.share);
    share.hidden = !canShareFiles();
    actions.append(print, json, csv, share);
    print.addEventListener("click", () => window.print());

    const files = async () => {
      const { BOM, makeLog, toCsv, toJson } = await exchange();
      const stored = await log.read();
      const made = makeLog(stored, SITE_PATH.test(scope) ? scope : "/", new Date());
      const name = fill(w.file_name, { date: dayKey(new Date()) });
      const cells = { yes: w.answer_yes, no: w.answer_no, left: w.side_left, right: w.side_right, items: data.items,
        routines: Object.fromEntries(Object.entries(data.routines).map(([id, r]) => [id, r.title])) };
      return {
        json: new File([toJson(made)], `${name}.json`, { type: "application/json" }),
        csv: new File([BOM + toCsv(made, /** @type {any} */ (w.csv), cells)], `${name}.csv`, { type: "text/csv" }),
      };
    };
    /** @param {"json" | "csv"} kind */
    const save = async (kind) => {
      try {
        const made = (await files())[kind];
        download(made, made.name);
      } catch (error) {
        say(storageWords(error, w));
      }
    };
    json.addEventListener("click", () => save("json"));
    csv.addEventListener("click", () => save("csv"));
    share.addEventListener("click", async () => {
      try {
        const made = await files();
        const both = [made.csv, made.json];
        await navigator.share({ files: navigator.canShare({ files: both }) ? both : [made.csv], title: w.share_title });
      } catch (error) {
        if (error instanceof StorageError) say(storageWords(error, w)); // else cancelled or refused by the browser
      }
    });

    const importing = section(w.import_title, "log-import", "h3");
    const input = /** @type {HTMLInputElement} */ (
      el("input", { type: "file", accept: ".json,application/json", id: uid("log-file"), class: "log-file" }));
    const label = el("label", { for: input.id, class: "md-button log-button" }, w.import_button);
    importing.append(input, label);
    /** @param {string} code */
    const refuse = (code) => say(fill(w.import_refused, { reason: w.errors[code] ?? w.errors["bad-field"] }));
    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      const { MAX_IMPORT_CHARS, merge, parseImport } = await exchange();
      // A UTF-16 code unit takes at least one byte, so a file over this many bytes can't pass.
      if (file.size > MAX_IMPORT_CHARS * 4) return refuse("too-large");
      let text = "";
      try {
        text = await file.text();
      } catch {
        return refuse("not-json");
      }
      const parsed = parseImport(text);
      if (!parsed.ok) return refuse(parsed.error);
      try {
        const stored = await log.read();
        const merged = merge(stored, parsed.log);
        if (!merged.ok) return refuse(merged.error);
        const fresh = {
          sessions: merged.value.sessions.slice(stored.sessions.length),
          checkins: merged.value.checkins.slice(stored.checkins.length),
          plans: merged.value.plans.slice(stored.plans.length),
        };
        await log.write(fresh);
        const sum = (/** @type {{sessions: number, checkins: number, plans: number}} */ c) => c.sessions + c.checkins + c.plans;
        say(fill(w.imported, { added: sum(merged.added), kept: sum(merged.kept) }));
        changed();
      } catch (error) {
        say(storageWords(error, w)); // nothing was written: the write is one transaction
      }
    });

    const remove = button(w.delete_all);
    const confirm = el("div", { class: "log-confirm", hidden: "", role: "group", "aria-labelledby": uid("log-confirm") });
    const question = el("p", { id: /** @type {string} */ (confirm.getAttribute("aria-labelledby")), tabindex: "-1" }, w.delete_confirm);
    const yes = button(w.delete_yes, true);
    const no = button(w.delete_cancel);
    const answers = el("div", { class: "log-actions" });
    answers.append(yes, no);
    confirm.append(question, answers);
    remove.setAttribute("aria-expanded", "false");
    const close = () => {
      confirm.hidden = true;
      remove.setAttribute("aria-expanded", "false");
      remove.focus();
    };
    remove.addEventListener("click", () => {
      confirm.hidden = false;
      remove.setAttribute("aria-expanded", "true");
      question.focus();
    });
    no.addEventListener("click", close);
    confirm.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
    yes.addEventListener("click", async () => {
      try {
        await log.clear();
        say(w.deleted);
      } catch (error) {
        say(storageWords(error, w));
      }
      close();
      changed();
    });
    const removing = section(w.delete_all, "log-delete", "h3");
    removing.append(remove, confirm);
    sec.append(actions, importing, removing, say.element);
    return sec;
  }
}

/**
 * A polite live region and the function that sets its text: each message is heard once.
 * @returns {((text: string) => void) & {element: HTMLElement}}
 */
function speaker() {
  const element = el("p", { class: "log-status", role: "status" });
  return Object.assign((/** @type {string} */ text) => { element.textContent = text; }, { element });
}

/** Whether this browser's share sheet takes files. */
function canShareFiles() {
  try {
    return typeof navigator.share === "function" && typeof navigator.canShare === "function" &&
      navigator.canShare({ files: [new File(["x"], "x.csv", { type: "text/csv" })] });
  } catch {
    return false;
  }
}

/**
 * Reminders: the routines, days and time the runner picks, as a calendar file made here, with one
 * weekly event per routine linking back to its page.
 * @param {LogData} data @param {string} scope
 */
function remindersSection(data, scope) {
  const w = data.words;
  const sec = section(w.reminders, "log-reminders");
  const say = speaker();
  const form = /** @type {HTMLFormElement} */ (el("form", { class: "log-form" }));
  const routines = el("fieldset", { class: "log-field" });
  routines.append(el("legend", {}, w.reminders_routines));
  for (const [id, r] of routinesOf(data)) {
    const label = el("label", { class: "log-check" });
    label.append(el("input", { type: "checkbox", name: "routine", value: id }), el("span", {}, r.title));
    routines.append(label);
  }
  const days = el("fieldset", { class: "log-field log-days" });
  days.append(el("legend", {}, w.reminders_days));
  w.weekdays.forEach((/** @type {string} */ name, /** @type {number} */ i) => {
    const label = el("label", { class: "log-check" });
    // The day's number, Sunday 0 (lib/ics.js turns it into iCalendar's weekday when saving).
    label.append(el("input", { type: "checkbox", name: "day", value: String((i + 1) % 7) }), el("span", {}, name));
    days.append(label);
  });
  const timeId = uid("log-time");
  const time = /** @type {HTMLInputElement} */ (
    el("input", { type: "time", id: timeId, name: "time", value: data.reminders.default_time, required: "" }));
  const timeBox = el("p", { class: "log-time" });
  timeBox.append(el("label", { for: timeId }, w.reminders_time), time);
  const go = button(w.reminders_download, true, "submit");
  form.append(routines, days, timeBox, go);
  sec.append(el("p", {}, w.reminders_intro), form, say.element);
  let touched = false;
  form.addEventListener("change", () => { touched = true; });
  // Until the runner picks, the routines in the log are ticked.
  sec.addEventListener("log-read", (event) => {
    if (touched) return;
    const stored = /** @type {CustomEvent<Contents>} */ (event).detail;
    for (const box of form.querySelectorAll("input[name=routine]")) {
      const input = /** @type {HTMLInputElement} */ (box);
      input.checked = stored.sessions.some((s) => s.routine === input.value);
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const picked = (/** @type {string} */ name) =>
      [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => /** @type {HTMLInputElement} */ (i).value);
    const ids = picked("routine");
    const days = picked("day");
    if (!ids.length || !days.length) {
      say(w.reminders_pick);
      return;
    }
    const { WEEKDAYS, calendar: icsCalendar } = await ics();
    const weekdays = days.map((n) => WEEKDAYS[Number(n)]);
    const at = time.value.slice(0, 5);
    const events = ids.map((id) => {
      const r = data.routines[id];
      const uidText = `${id}-${weekdays.join("").toLowerCase()}-${at.replace(":", "")}@${location.host}${scope}`.replace(NOT_IN_UID, "-");
      return { uid: uidText, title: r.title, description: r.frequency, url: new URL(r.href, location.href).href, weekdays, time: at,
        minutes: data.reminders.event_minutes, start: dayKey(new Date()), alarm_minutes: data.reminders.alarm_minutes };
    });
    const made = ids.length && weekdays.length ? icsCalendar({ events, prodid: `-//${data.site}//EN` }) : null;
    if (!made || !made.ok) {
      say(w.reminders_pick);
      return;
    }
    say("");
    download(new Blob([made.text], { type: "text/calendar;charset=utf-8" }), `${w.reminders_file}.ics`);
  });
  return sec;
}

/** The progress views on the page now; one swapped out by navigation drops out. */
/** @type {Set<{box: HTMLElement, render: () => void}>} */
const views = new Set();
document.addEventListener(CHANGED, () => {
  for (const entry of [...views]) {
    if (entry.box.isConnected) entry.render();
    else views.delete(entry);
  }
});

onPage(() => fresh("[data-progress]").forEach(mount));
