/**
 * The last weeks as a calendar: a row per week, its days in the order the guide's week starts
 * (data/progress.yml `week_starts`), each day marked with what was done on it.
 */
import { mondayFirst, weekOrder } from "../../shared/core/days.js";
import { has } from "../../shared/core/own.js";
import { el } from "../../shared/page.js";
import { calendar } from "../core/rules.js";
import { note, scrolling, section, showDay } from "./parts.js";

/**
 * @typedef {import("../widgets.js").LogData} LogData
 * @typedef {import("../store.js").Contents} Contents
 */

/** @param {LogData} data @param {Contents} log @param {Date} now */
export function calendarSection(data, log, now) {
  const w = data.words;
  const box = section(w.calendar, "log-calendar");
  box.append(note(w.calendar_caption, ""));
  const table = el("table", { class: "log-calendar-table" });
  const head = el("tr");
  head.append(el("td"));
  for (const day of weekOrder(data.rules.week_starts)) {
    const th = el("th", { scope: "col" });
    const name = mondayFirst(day);
    th.append(el("span", { "aria-hidden": "true" }, w.weekdays_short[name]), el("span", { class: "log-sr" }, w.weekdays[name]));
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
      td.append(el("span", { class: "log-date" }, showDay(day.date, { day: "numeric" })));
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
