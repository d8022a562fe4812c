/**
 * The pieces every section of the progress page is made of: a section with its heading, a note,
 * a table that scrolls sideways inside its own box on a narrow screen, a polite live region, a
 * day written in the guide's locale, and the small readings of the log the sections share.
 */
import { dayText, localDay } from "../../shared/core/days.js";
import { has } from "../../shared/core/own.js";
import { el, locale } from "../../shared/page.js";
import { uid } from "../widgets.js";

/**
 * @typedef {import("../widgets.js").LogData} LogData
 * @typedef {import("../core/records.js").Session} Session
 * @typedef {import("../core/records.js").Checkin} Checkin
 */

/** @param {string} text @param {string} [cls] */
export const note = (text, cls = "log-note") => el("p", { class: cls }, text);

/** A section with its heading. @param {string} title @param {string} cls @param {string} [level] */
export function section(title, cls, level = "h2") {
  const box = el("section", { class: `log-section ${cls}` });
  box.append(el(level, { id: uid("log-heading") }, title));
  return box;
}

/**
 * A table in a box that scrolls sideways on a narrow screen, reachable by keyboard and named by
 * its section's heading.
 * @param {HTMLElement} sec @param {HTMLElement} table
 */
export function scrolling(sec, table) {
  const heading = sec.firstElementChild;
  const box = el("div", { class: "log-scroll", role: "group", tabindex: "0", "aria-labelledby": heading ? heading.id : "" });
  box.append(table);
  return box;
}

/**
 * A polite live region and the function that sets its text: each message is heard once.
 * @returns {((text: string) => void) & {element: HTMLElement}}
 */
export function speaker() {
  const element = el("p", { class: "log-status", role: "status" });
  return Object.assign((/** @type {string} */ text) => { element.textContent = text; }, { element });
}

/**
 * A day of the log ("YYYY-MM-DD", or a moment's local day) in the guide's locale.
 * @param {string} day @param {Intl.DateTimeFormatOptions} how
 */
export const showDay = (day, how) => dayText(day, locale(), how);

/** The local day a session started. @param {Session} s */
export const startDay = (s) => localDay(new Date(s.started));

/** Sessions oldest first (a copy). @param {Session[]} sessions */
export const byStart = (sessions) => [...sessions].sort((a, b) => Date.parse(a.started) - Date.parse(b.started));

/** The latest check-in about each session. @param {Checkin[]} checkins @returns {Map<string, Checkin>} */
export function mornings(checkins) {
  const out = new Map();
  for (const c of [...checkins].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) out.set(c.session, c);
  return out;
}

/** What a session was: its routine's title, or its items'. @param {LogData} data @param {Session} s */
export function whatOf(data, s) {
  if (s.routine !== null) return has(data.routines, s.routine) ? data.routines[s.routine].title : s.routine;
  return s.items.map((i) => (has(data.items, i.item) ? data.items[i.item] : i.item)).join(", ");
}
