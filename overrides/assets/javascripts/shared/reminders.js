/**
 * The parts of a reminders form that the progress page and a plan share: the days of the week as
 * tick boxes, in the order the guide's week starts (data/progress.yml `week_starts`), each valued
 * with its number (0 Sunday: the calendar code, core/ics.js, is loaded only when a file is made);
 * the days ticked; and the finished calendar saved as a file.
 */
import { mondayFirst, weekOrder } from "./core/days.js";
import { download } from "./download.js";
import { el } from "./page.js";

/**
 * A fieldset of the seven days.
 * @param {string} legend
 * @param {string[]} names the days' names, Monday first (data/progress.yml `weekdays`)
 * @param {number} first the day the week starts: 0 Sunday, 1 Monday
 * @param {{fieldset: string, label: string}} classes
 * @param {(day: number, place: number) => boolean} [ticked] which start ticked: by day (0 Sunday)
 *   and by place in the week
 * @returns {HTMLFieldSetElement}
 */
export function dayChoices(legend, names, first, classes, ticked = () => false) {
  const days = /** @type {HTMLFieldSetElement} */ (el("fieldset", { class: classes.fieldset }));
  days.append(el("legend", {}, legend));
  weekOrder(first).forEach((day, place) => {
    const label = el("label", { class: classes.label });
    const input = /** @type {HTMLInputElement} */ (el("input", { type: "checkbox", name: "day", value: String(day) }));
    input.checked = ticked(day, place);
    label.append(input, el("span", {}, names[mondayFirst(day)]));
    days.append(label);
  });
  return days;
}

/** The days ticked, 0 Sunday … 6 Saturday. @param {HTMLFormElement} form @returns {number[]} */
export function pickedDays(form) {
  return [...form.querySelectorAll("input[name=day]:checked")].map((input) => Number(/** @type {HTMLInputElement} */ (input).value));
}

/** Save an iCalendar text as a file. @param {string} text @param {string} name without ".ics" */
export function saveCalendar(text, name) {
  download(new Blob([text], { type: "text/calendar;charset=utf-8" }), `${name}.ics`);
}
