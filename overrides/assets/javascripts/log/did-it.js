/**
 * "I did this routine today" on a routine page: log a routine done without the player, with the
 * pain during it (0 to the scale's top, optional) and whether every set was easy (optional).
 *
 * The session is a core/records.js Session with `source: "manual"`, `items: []` and `started` =
 * `ended` = the moment it is saved. Items are left empty on purpose: a manual entry says that the
 * routine was done, not which sets were done, and the calendar, summary and rules read the
 * routine; a row in the CSV still carries the date, routine, pain and "easy".
 */
import { has } from "../shared/core/own.js";
import { newId } from "../shared/core/ids.js";
import { el, fresh, onPage } from "../shared/page.js";
import { painOf as scaleOf, partOf, routineProtocol } from "./core/rules.js";
import {
  advice, button, changed, chosen, kept, logData, logFor, painField, painOf, storageWords, uid, yesNoField, yesNoOf,
} from "./widgets.js";

/** @param {HTMLElement} box */
function mount(box) {
  const data = logData(box, "data-did-it");
  const routine = data && typeof data.routine === "string" ? data.routine : "";
  if (!data || !has(data.routines, routine)) return;
  const words = data.words;
  const log = logFor(data);
  // The routine's protocol's scale, naming what hurts as it does.
  const protocol = routineProtocol(routine, data.rules);
  const formId = uid("did-it-form");
  const open = /** @type {HTMLButtonElement} */ (
    el("button", { type: "button", class: "md-button log-button", "aria-expanded": "false", "aria-controls": formId }, words.did_it_today));
  const form = /** @type {HTMLFormElement} */ (el("form", { class: "log-form", id: formId, hidden: "" }));
  const save = button(words.did_it_save, true, "submit");
  const pain = painField(words.did_it_pain, scaleOf(protocol, data.rules), partOf(protocol, data.rules));
  form.append(pain, yesNoField(words.did_it_easy, "easy", words), save);
  const live = el("p", { class: "log-status", role: "status" });
  const done = el("div", { class: "log-done", tabindex: "-1", hidden: "" });
  box.classList.add("log-panel");
  box.append(open, form, live, done);
  box.hidden = false;

  open.addEventListener("click", () => {
    const show = form.hidden;
    form.hidden = !show;
    open.setAttribute("aria-expanded", String(show));
    if (show) {
      form.reset();
      done.hidden = true;
      live.textContent = "";
      const first = form.querySelector("input");
      if (first) first.focus();
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    save.disabled = true;
    const now = new Date().toISOString();
    const session = {
      v: 2, id: newId(), routine, plan: null, source: "manual", started: now, ended: now, items: [],
      pain: painOf(chosen(form, "pain")), easy: yesNoOf(chosen(form, "easy")), stage: null, protocol: null,
    };
    try {
      await log.saveSession(session);
    } catch (error) {
      live.textContent = storageWords(error, words);
      save.disabled = false;
      return;
    }
    const saved = el("p", {}, `${words.saved} `);
    saved.append(el("a", { href: data.links.progress }, words.see_progress));
    done.replaceChildren(saved);
    try {
      const [stored, persisted] = await Promise.all([log.read(), kept(data)]);
      done.append(...advice(data, stored.sessions, stored.checkins));
      if (!persisted) done.append(el("p", { class: "log-note" }, words.persist_denied));
    } catch {
      // saved; only the advice could not be worked out
    }
    live.textContent = "";
    form.hidden = true;
    open.setAttribute("aria-expanded", "false");
    done.hidden = false;
    done.focus();
    save.disabled = false;
    changed();
  });
}

onPage(() => fresh("[data-did-it]").forEach(mount));
