/**
 * A plan's reminders in the patient's calendar: a button that opens a small form with the days (as
 * many as the plan asks, spread over the week, already ticked; the week in the order the guide's
 * starts) and a time, then an iCalendar file made here. The event says the plan's status, as every
 * place the plan appears does. The calendar code loads when the form is opened.
 */
import { el } from "../shared/page.js";
import { dayChoices, pickedDays, saveCalendar } from "../shared/reminders.js";
import { load } from "../shared/versions.js";

/**
 * @typedef {import("./sheet.js").MyPlanPage} MyPlanPage
 * @typedef {import("./sheet.js").ItemData} ItemData
 * @typedef {import("./sheet.js").Status} Status
 * @typedef {typeof import("../shared/core/ics.js")} Ics
 * @typedef {{id: string, link: string, start: string, days_per_week: number, items: ItemData[], status: Status,
 *   tell: (text: string) => void}} PlanReminder
 */

const MS_PER_MINUTE = 60000;

/**
 * How long a session of the plan takes, in whole minutes, as a calendar event can hold it.
 * @param {MyPlanPage} data @param {PlanReminder} plan @param {number} longest the longest event core/ics.js writes
 * @returns {Promise<number | null>}
 */
async function minutes(data, plan, longest) {
  const options = { ...data.player.options, first_side: "left", rep_mode: "tempo" };
  try {
    const { buildSteps, estimateMs } = await load(() => import("../player/core/session.js"));
    const ms = estimateMs(buildSteps({ id: plan.id, title: data.words.plan_title, items: /** @type {any} */ (plan.items) }, options));
    return Math.min(longest, Math.max(1, Math.ceil(ms / MS_PER_MINUTE)));
  } catch {
    return data.log.reminders.event_minutes ?? null;
  }
}

/**
 * The reminders file, downloaded (made here, sent nowhere).
 * @param {MyPlanPage} data @param {PlanReminder} plan @param {Ics} ics @param {number[]} days @param {string} time
 */
async function download(data, plan, ics, days, time) {
  const length = await minutes(data, plan, ics.MAX_MINUTES);
  const weekdays = days.map((day) => ics.WEEKDAYS[day]);
  const where = `${location.host}${new URL(data.player.root || "./", location.href).pathname}`;
  const lines = plan.items.map((item) => [item.title, item.dose_text, item.side_label].filter(Boolean).join(" "));
  const made = length === null || !weekdays.length ? null : ics.calendar({
    prodid: `-//${data.clinic.name}//EN`,
    events: [{ uid: ics.eventUid(plan.id, weekdays, time, where), title: data.words.plan_title, description: [plan.status.text, ...lines].join("\n"),
      url: plan.link.length <= ics.MAX_URL ? plan.link : null, weekdays, time, minutes: length, start: plan.start,
      alarm_minutes: data.log.reminders.alarm_minutes }],
  });
  if (!made || !made.ok) {
    plan.tell(data.words.calendar_failed);
    return;
  }
  plan.tell("");
  saveCalendar(made.text, plan.id);
}

/**
 * @param {HTMLFormElement} form @param {MyPlanPage} data @param {PlanReminder} plan @param {Ics} ics
 */
function fillForm(form, data, plan, ics) {
  const logWords = data.log.words;
  form.append(el("p", {}, logWords.reminders_intro));
  const perWeek = plan.days_per_week;
  const week = logWords.weekdays.length;
  const picked = new Set(Array.from({ length: perWeek }, (_, i) => Math.floor((i * week) / perWeek)));
  form.append(dayChoices(logWords.reminders_days, logWords.weekdays, data.log.rules.week_starts,
    { fieldset: "plan-days", label: "plan-check" }, (_, place) => picked.has(place)));
  const timeId = `${plan.id}-time`;
  const time = /** @type {HTMLInputElement} */ (el("input", { type: "time", id: timeId, required: "", value: data.log.reminders.default_time }));
  const row = form.appendChild(el("p", { class: "plan-time" }));
  row.append(el("label", { for: timeId }, logWords.reminders_time), time);
  form.append(el("button", { type: "submit", class: "md-button md-button--primary plan-button" }, logWords.reminders_download));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    download(data, plan, ics, pickedDays(form), time.value.slice(0, 5));
  });
}

/**
 * The reminders form behind its button, or null when the plan has nothing to remind of.
 * @param {HTMLButtonElement} open the button that opens it, made by the caller
 * @param {MyPlanPage} data @param {PlanReminder} plan
 * @returns {HTMLFormElement | null}
 */
export function planReminders(open, data, plan) {
  if (!plan.items.length) return null;
  const formId = `${plan.id}-reminders`;
  open.setAttribute("aria-expanded", "false");
  open.setAttribute("aria-controls", formId);
  const form = /** @type {HTMLFormElement} */ (el("form", { class: "plan-calendar", id: formId, hidden: "" }));
  open.addEventListener("click", async () => {
    if (!form.childElementCount) {
      try {
        fillForm(form, data, plan, await load(() => import("../shared/core/ics.js")));
      } catch {
        plan.tell(data.words.calendar_failed);
        return;
      }
    }
    form.hidden = !form.hidden;
    open.setAttribute("aria-expanded", String(!form.hidden));
  });
  return form;
}
