/**
 * The next-morning check-in ("Is {part} worse than usual this morning?", naming what hurts as
 * the session's protocol does, core/rules.js `partOf`): a small panel, not a modal, offered on any
 * later day the guide is opened after a session (core/rules.js `pendingCheckin`), until it is
 * answered; "Not now" hides it for the rest of the day.
 */
import { localDay } from "../shared/core/days.js";
import { newId } from "../shared/core/ids.js";
import { fill } from "../shared/core/words.js";
import { el, fresh, locale, onPage } from "../shared/page.js";
import { painOf as scaleOf, partOf, pendingCheckin, protocolOf } from "./core/rules.js";
import { wholeLogData } from "./widgets-data.js";
import {
  CHANGED, advice, button, changed, chosen, logData, logFor, painField, painOf, settingsOf, storageWords, yesNoField,
} from "./widgets.js";

/**
 * @typedef {import("./core/records.js").Session} Session
 */

/** Refreshers of the check-ins on the page now; a check-in swapped out by navigation drops out. */
/** @type {Set<{box: HTMLElement, refresh: () => void}>} */
const mounted = new Set();
document.addEventListener(CHANGED, () => {
  for (const entry of [...mounted]) {
    if (entry.box.isConnected) entry.refresh();
    else mounted.delete(entry);
  }
});

/** @param {HTMLElement} box */
async function mount(box) {
  await wholeLogData(box, "data-checkin"); // a page's stub, filled from the shared file
  const data = logData(box, "data-checkin");
  if (!data) return;
  const words = data.words;
  const log = logFor(data);
  const settings = settingsOf(data);
  /** @type {Session | null} */
  let pending = null;
  /** @type {HTMLFormElement | null} */
  let form = null;
  const live = el("p", { class: "log-status", role: "status" });
  const done = el("div", { class: "log-done", tabindex: "-1", hidden: "" });
  box.classList.add("log-panel");
  box.append(live, done);
  // The panel is offered where it is seen: under the page's title.
  const title = document.querySelector(".md-content h1");
  if (title && title.parentElement) title.after(box);

  /** @param {Session} session the session asked about */
  const build = (session) => {
    const f = /** @type {HTMLFormElement} */ (el("form", { class: "log-form" }));
    const protocol = protocolOf(session, data.rules);
    const part = partOf(protocol, data.rules);
    const question = yesNoField(fill(words.checkin_question, { part }, locale()), "worse", words);
    for (const input of question.querySelectorAll("input")) input.required = true;
    const save = button(words.checkin_answer, true, "submit");
    const later = button(words.checkin_later);
    const actions = el("div", { class: "log-actions" });
    actions.append(save, later);
    f.append(question, painField(words.checkin_pain, scaleOf(protocol, data.rules), part), actions);
    later.addEventListener("click", () => {
      if (pending) settings.set("checkin_later", `${pending.id} ${localDay(new Date())}`);
      box.hidden = true;
    });
    f.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!pending) return;
      save.disabled = true;
      const checkin = {
        v: 2, id: newId(), kind: "morning", date: localDay(new Date()), session: pending.id,
        worse: chosen(f, "worse") === "yes", pain: painOf(chosen(f, "pain")),
      };
      try {
        await log.saveCheckin(checkin);
        const stored = await log.read();
        f.hidden = true;
        live.textContent = "";
        // On /progress/ the page itself shows the advice; say it once.
        const onProgress = document.querySelector("[data-progress]") !== null;
        done.replaceChildren(el("p", {}, words.saved), ...(onProgress ? [] : advice(data, stored.sessions, stored.checkins)));
        done.hidden = false;
        done.focus();
        pending = null;
        changed();
      } catch (error) {
        live.textContent = storageWords(error, words);
      } finally {
        save.disabled = false;
      }
    });
    return f;
  };

  const refresh = async () => {
    let stored;
    try {
      stored = await log.read();
    } catch {
      return; // no log on this browser: nothing to ask about (the progress page says why)
    }
    const today = localDay(new Date());
    const found = pendingCheckin(stored.sessions, stored.checkins, Date.now());
    if (!found || settings.all().checkin_later === `${found.id} ${today}`) {
      if (done.hidden) box.hidden = true;
      return;
    }
    if (pending && pending.id === found.id && !box.hidden) return;
    pending = found;
    if (form) form.remove();
    form = build(found);
    box.insertBefore(form, live);
    done.hidden = true;
    live.textContent = "";
    box.hidden = false;
  };
  mounted.add({ box, refresh });
  refresh();
}

onPage(() => fresh("[data-checkin]").forEach(mount));
