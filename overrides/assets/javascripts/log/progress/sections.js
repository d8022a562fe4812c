/**
 * The progress page's reading of the log in words: the summary with the rules' advice, the plan
 * kept from a clinician (with whether it is verified: a plan from a link signed by this clinic, or
 * not, which every plan brought in from a file is), and this week against each routine's how-often.
 */
import { has, own } from "../../shared/core/own.js";
import { counted, fill } from "../../shared/core/words.js";
import { el, locale } from "../../shared/page.js";
import { summary, week } from "../core/rules.js";
import { advice, routinesOf } from "../widgets.js";
import { section, showDay } from "./parts.js";

/**
 * @typedef {import("../widgets.js").LogData} LogData
 * @typedef {import("../core/records.js").Plan} Plan
 * @typedef {import("../store.js").Contents} Contents
 */

/** A plan link's fragment (plans/core/plan.js: "p1." and base64url parts). */
const PLAN_FRAGMENT = /^[A-Za-z0-9._-]{1,8000}$/;

/** The plan a runner kept last (one marked active wins). @param {Plan[]} plans @returns {Plan | null} */
export function activePlan(plans) {
  const active = plans.filter((p) => p.active === true);
  const pool = active.length ? active : plans;
  /** @param {Plan} p */
  const when = (p) => String(p.kept ?? p.saved ?? p.start ?? "");
  return [...pool].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0)).pop() || null;
}

/** @param {LogData} data @param {Contents} log @param {Date} now */
export function summarySection(data, log, now) {
  const w = data.words;
  const lang = locale();
  const box = section(w.summary_title, "log-summary");
  const titles = Object.fromEntries(routinesOf(data).map(([id, r]) => [id, r.title]));
  const weeks = counted(w.summary_weeks, data.summary.weeks, { count: data.summary.weeks }, lang);
  for (const r of summary(log.sessions, log.checkins, titles, now, data.summary)) {
    const times = counted(w.summary_times, r.times, { count: r.times }, lang);
    const lines = [fill(w.summary_line, { routine: r.title ?? r.routine, times, weeks }, lang)];
    const pain = { first: r.first_pain ?? "", latest: r.latest_pain ?? "" };
    if (r.trend === "down") lines.push(fill(w.summary_pain_down, pain, lang));
    if (r.trend === "up") lines.push(fill(w.summary_pain_up, pain, lang));
    if (r.trend === "same") lines.push(fill(w.summary_pain_same, pain, lang));
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

/**
 * The kept plan, under its status: "From <this clinic> (verified)" only for a plan /my-plan/ kept
 * after checking its signature; any other (unsigned, or brought in from a file) says it is not.
 * @param {LogData} data @param {Plan} plan
 */
export function planSection(data, plan) {
  const w = data.words;
  const lang = locale();
  const box = section(w.plan_title, "log-plan");
  const verified = plan.verified === true;
  const status = verified ? fill(w.plan_verified, { clinic: data.site }, lang) : w.plan_not_verified;
  box.append(el("p", { class: `log-plan-status ${verified ? "plan-verified" : "plan-unverified"}`, "data-verified": String(verified) }, status));
  const text = (/** @type {unknown} */ v) => (typeof v === "string" && v.trim() ? v : null);
  const date = (/** @type {unknown} */ v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const clinician = text(plan.clinician);
  if (clinician) box.append(el("p", {}, fill(w.plan_from, { clinician }, lang)));
  const review = date(plan.review);
  if (review) box.append(el("p", {}, fill(w.plan_review, { date: showDay(review, { dateStyle: "long" }) }, lang)));
  const often = /** @type {{days_per_week?: unknown}} */ (plan.how_often || {}).days_per_week;
  if (typeof often === "number") box.append(el("p", {}, counted(w.plan_often, often, { days: often }, lang)));
  const message = text(plan.note);
  if (message) box.append(el("blockquote", {}, message));
  const items = Array.isArray(plan.items) ? plan.items : [];
  const list = el("ul", { class: "log-plan-items" });
  /** @type {Record<string, {word: import("../../shared/core/words.js").Word, by: string}>} */
  const shapes = { reps: { word: w.dose_reps, by: "reps" }, hold: { word: w.dose_hold, by: "seconds" }, minutes: { word: w.dose_minutes, by: "minutes" } };
  for (const raw of items) {
    const item = /** @type {{kind?: unknown, id?: unknown, dose?: any}} */ (raw && typeof raw === "object" ? raw : {});
    if (typeof item.id !== "string") continue;
    const li = el("li");
    const routine = item.kind === "routine" && has(data.routines, item.id) ? data.routines[item.id] : null;
    const title = routine ? routine.title : has(data.items, item.id) ? data.items[item.id] : item.id;
    li.append(routine ? el("a", { href: routine.href }, title) : document.createTextNode(title));
    const dose = item.dose && typeof item.dose === "object" ? item.dose : null;
    const shape = dose && typeof dose.shape === "string" ? own(shapes, dose.shape) : undefined;
    const numbers = dose ? Object.fromEntries(Object.entries(dose).filter(([, v]) => typeof v === "number")) : {};
    if (shape) li.append(document.createTextNode(`: ${counted(shape.word, Number(numbers[shape.by]), numbers, lang)}`));
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

/** @param {LogData} data @param {Contents} log @param {Plan | null} plan @param {Date} now */
export function weekSection(data, log, plan, now) {
  const w = data.words;
  const lang = locale();
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
    const count = target === null ? counted(w.week_count_open, done, { done }, lang) : counted(w.week_count, target, { done, target }, lang);
    li.append(el("strong", {}, count));
    list.append(li);
  }
  if (list.childElementCount) box.append(list);
  return box;
}
