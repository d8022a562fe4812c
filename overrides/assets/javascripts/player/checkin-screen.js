/**
 * The player's last screen: how it went. The pain during the session (from the scale's bottom to
 * its top, both from the protocol's pain rule) is judged on the spot by that rule (log/core/rules.js
 * `painBand`, loaded as the screen opens: the log's rules are no weight for the player to carry
 * before); a run (a back-to-running stage, or any run-walk item) is judged by the running limit
 * instead, and one above it gets the protocol's own sentence for a run that hurt too much. "Could
 * you do every set easily?" is asked where the routine moves on when easy, and Save keeps the
 * session on this device (log/store.js) as what was played: a session ended early keeps only what
 * was done, and the screen says so; a run keeps the protocol whose limit judged it. When it is
 * saved, `document` gets `guide:session-saved` with the session.
 */
import { newId } from "../shared/core/ids.js";
import { own } from "../shared/core/own.js";
import { fill } from "../shared/core/words.js";
import { el, siteScope } from "../shared/page.js";
import { logOf, StorageError } from "../log/store.js";
import { load } from "../shared/versions.js";
import { record } from "./core/player.js";

/**
 * @typedef {import("./core/player.js").State} State
 * @typedef {import("./core/session.js").Step} Step
 * @typedef {import("../log/core/records.js").Session} Session
 * @typedef {import("./player.js").PlayerData} PlayerData
 * @typedef {import("./player.js").OpenOptions} OpenOptions
 * @typedef {{started: string, ended: string, state: State, steps: Step[], early: boolean}} Played
 */

/** The kind of a routine item that is a run (a run-walk session). */
const RUN_KIND = "run-walk";

export class CheckinScreen {
  /** @param {PlayerData} data @param {OpenOptions} options @param {string | undefined} lang */
  constructor(data, options, lang) {
    this.data = data;
    this.options = options;
    this.lang = lang;
    this.id = newId();
    /** @type {{pain: number | null, easy: boolean | null}} */
    this.answers = { pain: null, easy: null };
    this.status = el("div", { class: "player-status", role: "status" });
    this.saveButton = /** @type {HTMLButtonElement} */ (el("button", { type: "submit", class: "player-button player-primary player-save" },
      data.words.save));
  }

  /** Whether this session is a run: judged by the running limit, not the exercise one. */
  get run() {
    return Boolean(this.options.stage) || this.data.routine.items.some((item) => item.kind === RUN_KIND);
  }

  /**
   * Draw the check-in into `box` (emptied by the caller); the keyboard goes to its heading.
   * @param {HTMLElement} box @param {Played} played
   */
  show(box, played) {
    const w = this.data.words;
    /** @type {Promise<typeof import("../log/core/rules.js") | null>} */
    const rules = load(() => import("../log/core/rules.js")).catch(() => null);
    const pain = this.data.pain;
    box.appendChild(el("p", { class: "player-done" }, played.early ? w.ended_early : w.done));
    const heading = box.appendChild(el("h3", { class: "player-checkin-title", tabindex: "-1" }, w.checkin_title));
    const form = box.appendChild(el("form", { class: "player-checkin" }));
    const painSet = form.appendChild(el("fieldset", { class: "player-scale" }));
    painSet.appendChild(el("legend", {}, fill(w.pain_question, { min: pain.scale_min, max: pain.scale_max }, this.lang)));
    const scale = painSet.appendChild(el("div", { class: "player-scale-options" }));
    for (let n = pain.scale_min; n <= pain.scale_max; n += 1) {
      const label = scale.appendChild(el("label", { class: "player-choice" }));
      label.appendChild(el("input", { type: "radio", name: "pain", value: String(n) }));
      label.appendChild(el("span", {}, fill("{n}", { n }, this.lang)));
    }
    const verdict = form.appendChild(el("div", { class: "player-verdict", role: "status" }));
    let easyVerdict = null;
    if (this.data.move_on.easy_rule) {
      const easySet = form.appendChild(el("fieldset", { class: "player-scale player-easy" }));
      easySet.appendChild(el("legend", {}, w.easy_question));
      const row = easySet.appendChild(el("div", { class: "player-scale-options" }));
      for (const [value, label] of [["yes", w.answer_yes], ["no", w.answer_no]]) {
        const choice = row.appendChild(el("label", { class: "player-choice player-choice-wide" }));
        choice.appendChild(el("input", { type: "radio", name: "easy", value }));
        choice.appendChild(el("span", {}, label));
      }
      easyVerdict = form.appendChild(el("div", { class: "player-verdict", role: "status" }));
    }
    form.addEventListener("change", (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      if (input.name === "pain") {
        const pain = Number(input.value);
        this.answers.pain = pain;
        if (this.run) this.verdict(verdict, pain <= this.data.pain.running_max ? "ok" : "too-high");
        else {
          rules.then((found) => {
            if (found && this.answers.pain === pain) this.verdict(verdict, found.painBand(pain, this.data.pain));
          });
        }
      } else if (input.name === "easy" && easyVerdict) {
        this.answers.easy = input.value === "yes";
        easyVerdict.textContent = this.answers.easy ? w.move_on_ready : "";
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save(played);
    });
    const actions = form.appendChild(el("div", { class: "player-actions" }));
    actions.appendChild(this.saveButton);
    actions.appendChild(el("button", { type: "button", class: "player-button", "data-act": "close" }, w.close));
    form.appendChild(this.status);
    heading.focus();
  }

  /**
   * What the pain rule says of the score given.
   * @param {HTMLElement} box @param {"ok" | "acceptable" | "too-high" | null} level
   */
  verdict(box, level) {
    const w = this.data.words;
    if (!level) return;
    box.textContent = "";
    box.setAttribute("data-level", level);
    const tooHigh = this.run ? this.data.pain.running_too_much : w.pain_too_high;
    const text = level === "ok" ? w.pain_ok : level === "acceptable" ? w.pain_acceptable : tooHigh;
    const p = box.appendChild(el("p", {}, text));
    if (level === "too-high") {
      p.appendChild(document.createTextNode(" "));
      p.appendChild(el("a", { href: this.data.links.clinician }, w.warning_signs));
    }
  }

  /** What was played, as log/core/records.js keeps it. @param {Played} played @returns {Session} */
  session(played) {
    const done = record(played.state, played.steps);
    const options = this.options;
    return {
      v: 2,
      id: this.id,
      // A plan's session, or a back-to-running stage's, is not one of the guide's routines.
      routine: options.plan || options.stage ? null : this.data.routine.id,
      plan: options.plan,
      source: "player",
      started: played.started,
      ended: played.ended,
      items: done.items.map((item) => ({
        item: /** @type {string} */ (item.item),
        sets: item.sets.map((set) => ({ set: set.set, side: set.side, reps: set.reps_done, seconds: set.seconds_done, skipped: set.skipped })),
      })),
      pain: this.answers.pain,
      easy: this.data.move_on.easy_rule ? this.answers.easy : null,
      stage: options.stage ?? null,
      // A run keeps the protocol whose running limit it was judged by (the runner's choice).
      protocol: options.stage && options.protocol ? options.protocol : null,
    };
  }

  /** @param {Played} played */
  async save(played) {
    const w = this.data.words;
    const { status, saveButton: button } = this;
    button.disabled = true;
    status.textContent = "";
    status.removeAttribute("data-saved");
    const session = this.session(played);
    try {
      await logOf(siteScope(this.data.root)).saveSession(session);
      status.setAttribute("data-saved", "true");
      const p = status.appendChild(el("p", {}, `${w.saved} `));
      p.appendChild(el("a", { href: this.data.links.progress }, w.see_progress));
      document.dispatchEvent(new CustomEvent("guide:session-saved", { detail: session }));
    } catch (error) {
      const code = error instanceof StorageError ? error.code : "failed";
      status.setAttribute("data-saved", "false");
      status.appendChild(el("p", {}, fill(w.not_saved, { reason: own(w, `reason_${code}`) || w.reason_failed }, this.lang)));
    } finally {
      button.disabled = false;
    }
  }
}
