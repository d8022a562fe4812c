/**
 * Reminders: the routines, days and time the runner picks, as a calendar file made here, with one
 * weekly event per routine linking back to its page. Until the runner picks, the routines in the
 * log are ticked (the page sends `log-read` with the log each time it is drawn).
 */
import { localDay } from "../../shared/core/days.js";
import { el } from "../../shared/page.js";
import { dayChoices, pickedDays, saveCalendar } from "../../shared/reminders.js";
import { load } from "../../shared/versions.js";
import { button, routinesOf, uid } from "../widgets.js";
import { section, speaker } from "./parts.js";

/**
 * @typedef {import("../widgets.js").LogData} LogData
 * @typedef {import("../store.js").Contents} Contents
 */

/** The calendar file's code: loaded when a reminder is asked for. */
const ics = () => load(() => import("../../shared/core/ics.js"));

/** @param {LogData} data @param {string} scope the site's path */
export function remindersSection(data, scope) {
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
  const days = dayChoices(w.reminders_days, w.weekdays, data.rules.week_starts, { fieldset: "log-field log-days", label: "log-check" });
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
    const ids = [...form.querySelectorAll("input[name=routine]:checked")].map((i) => /** @type {HTMLInputElement} */ (i).value);
    const days = pickedDays(form);
    if (!ids.length || !days.length) {
      say(w.reminders_pick);
      return;
    }
    let calendarFile;
    try {
      calendarFile = await ics();
    } catch {
      return; // offline and never loaded, or a stale page (told to reload)
    }
    const weekdays = days.map((day) => calendarFile.WEEKDAYS[day]);
    const at = time.value.slice(0, 5);
    const events = ids.map((id) => {
      const r = data.routines[id];
      return { uid: calendarFile.eventUid(id, weekdays, at, `${location.host}${scope}`), title: r.title, description: r.frequency,
        url: new URL(r.href, location.href).href, weekdays, time: at, minutes: data.reminders.event_minutes, start: localDay(new Date()),
        alarm_minutes: data.reminders.alarm_minutes };
    });
    const made = calendarFile.calendar({ events, prodid: `-//${data.site}//EN` });
    if (!made.ok) {
      say(w.reminders_pick);
      return;
    }
    say("");
    saveCalendar(made.text, w.reminders_file);
  });
  return sec;
}
