/**
 * "My progress" (/progress/): the log kept in this browser, read with store.js and judged with
 * core/rules.js — a plain-words summary with the rules' advice, the kept plan and its status,
 * this week against each routine's how-often, a calendar of the last weeks, pain during and the
 * next morning as a chart and a table — and the tools that take it to an appointment, bring it
 * back, delete it, and put reminders in the runner's calendar.
 *
 * Nothing here makes a request, and reading a log that was never kept creates none. Every word and
 * number comes from the page data; a stored or imported string is only ever set as text.
 */
import { counted } from "../../shared/core/words.js";
import { el, fresh, locale, onPage, siteScope } from "../../shared/page.js";
// The morning check-in is offered on this page too (its panel, [data-checkin], is in the page).
import "../checkin.js";
import { StorageError } from "../store.js";
import { CHANGED, kept, logData, logFor } from "../widgets.js";
import { calendarSection } from "./calendar.js";
import { painSection } from "./pain.js";
import { note } from "./parts.js";
import { remindersSection } from "./reminders.js";
import { activePlan, planSection, summarySection, weekSection } from "./sections.js";
import { takeItSection } from "./take-it.js";

/**
 * @typedef {import("../store.js").Contents} Contents
 */

/** @param {HTMLElement} box */
function mount(box) {
  const data = logData(box, "data-progress");
  if (!data) return;
  const w = data.words;
  const log = logFor(data);
  const scope = siteScope(data.root);
  const view = el("div", { class: "log-view" });
  const tools = takeItSection(data, log, scope);
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
    if (stored.damaged) {
      parts.push(note(counted(w.storage_corrupt, stored.damaged, { count: stored.damaged }, locale()), "log-note log-warning"));
    }
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
