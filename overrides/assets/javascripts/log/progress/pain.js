/**
 * Pain over time: a point per session, pain during it (circles, solid line) and the next morning
 * (squares, dashed line), over a shaded band up to the acceptable level (of the sessions shown,
 * each by its own protocol's rule: the strictest of them), then the same sessions as a table (the
 * chart's text equivalent, and what a clinician reads).
 */
import { fill, number } from "../../shared/core/words.js";
import { el, locale } from "../../shared/page.js";
import { painRulesOf } from "../core/rules.js";
import { uid } from "../widgets.js";
import { byStart, mornings, scrolling, section, showDay, startDay, whatOf } from "./parts.js";

/**
 * @typedef {import("../widgets.js").LogData} LogData
 * @typedef {import("../core/records.js").Session} Session
 * @typedef {import("../store.js").Contents} Contents
 */

const SVG = "http://www.w3.org/2000/svg";
/** The chart's drawing box, in SVG units: the size, and the margins kept for the axis labels. */
const CHART = { width: 600, height: 220, left: 34, right: 14, top: 12, bottom: 30 };
/** The marks' size, in SVG units. */
const MARK = 4.5;

/** @param {string} tag @param {Record<string, string | number>} attrs @returns {SVGElement} */
function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * @param {{min: number, max: number, acceptable: number}} scale
 * @param {{during: number | null, morning: number | null}[]} rows @param {string} labelId
 * @param {[string, string]} ends the first and last dates, as shown
 */
function chart(scale, rows, labelId, ends) {
  const { width, height, left, right, top, bottom } = CHART;
  const { min, max, acceptable } = scale;
  const span = width - left - right;
  const x = (/** @type {number} */ i) => left + (rows.length === 1 ? span / 2 : (i * span) / (rows.length - 1));
  const y = (/** @type {number} */ v) => top + ((height - top - bottom) * (max - v)) / (max - min);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": labelId, class: "log-chart" });
  root.append(svg("rect", { class: "log-band", x: left, y: y(acceptable), width: span, height: y(min) - y(acceptable) }));
  for (const v of new Set([min, acceptable, max])) {
    root.append(svg("line", { class: "log-grid", x1: left, x2: width - right, y1: y(v), y2: y(v) }));
    const label = svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" });
    label.textContent = number(v, locale());
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
      root.append(key === "during" ? svg("circle", { class: `log-mark ${cls}`, cx: px, cy: py, r: MARK })
        : svg("rect", { class: `log-mark ${cls}`, x: px - MARK, y: py - MARK, width: 2 * MARK, height: 2 * MARK }));
    }
  }
  return root;
}

/** @param {LogData} data @param {Contents} log */
export function painSection(data, log) {
  const w = data.words;
  const lang = locale();
  const box = section(w.pain_chart, "log-pain");
  const shown = byStart(log.sessions).slice(-data.table_sessions);
  const morning = mornings(log.checkins);
  const yesNo = (/** @type {boolean | null | undefined} */ b) => (b === true ? w.answer_yes : b === false ? w.answer_no : "");
  const rows = shown.map((s) => ({ during: s.pain, morning: morning.get(s.id)?.pain ?? null }));
  const day = (/** @type {Session} */ s) => showDay(startDay(s), { weekday: "short", day: "numeric", month: "short" });
  if (rows.some((r) => r.during !== null || r.morning !== null)) {
    const figure = el("figure", { class: "log-figure" });
    const rules = data.rules;
    const exercises = shown.filter((s) => s.stage === null).map((s) => painRulesOf(s, rules).acceptable_max);
    const acceptable = exercises.length ? Math.min(...exercises) : rules.pain.acceptable_max;
    const scale = { min: rules.pain.scale_min, max: rules.pain.scale_max, acceptable };
    const caption = el("figcaption", { id: uid("log-chart") }, fill(w.pain_chart_caption, scale, lang));
    const legend = el("ul", { class: "log-legend" });
    legend.append(el("li", { class: "log-key-during" }, w.pain_during), el("li", { class: "log-key-morning" }, w.pain_morning));
    const ends = /** @type {[string, string]} */ ([day(shown[0]), shown.length > 1 ? day(shown[shown.length - 1]) : ""]);
    figure.append(chart(scale, rows, caption.id, ends), legend, caption);
    box.append(figure);
  }
  const table = el("table", { class: "log-table" });
  const head = el("tr");
  const headings = [w.table_date, w.table_routine, w.table_pain, w.table_easy, w.table_morning, w.table_morning_pain];
  for (const h of headings) head.append(el("th", { scope: "col" }, h));
  const thead = el("thead");
  thead.append(head);
  const body = el("tbody");
  const score = (/** @type {number | null | undefined} */ n) => (n === null || n === undefined ? "" : number(n, lang));
  for (const s of shown) {
    const c = morning.get(s.id);
    const tr = el("tr");
    const cells = [day(s), whatOf(data, s), score(s.pain), yesNo(s.easy), yesNo(c?.worse), score(c?.pain)];
    for (const text of cells) tr.append(el("td", {}, text));
    body.append(tr);
  }
  table.append(thead, body);
  box.append(scrolling(box, table));
  return box;
}
