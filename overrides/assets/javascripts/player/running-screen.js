/**
 * The running screen: what the runner does now (its kind, picture, name, set and side, cues), the
 * big number (a rep count or the time left), the phase, the tap button in tap mode, and the
 * controls (pause, back, skip, finish now). Its parts are made once and filled in step by step;
 * the dialog's data-* attributes say which step is shown (tests and styles read them).
 */
import { fill } from "../shared/core/words.js";
import { el } from "../shared/page.js";
import { position } from "./core/player.js";
import { EXERCISE_KINDS } from "./core/session.js";
import { phaseWords, where } from "./core/speech.js";
import { clock } from "./core/timing.js";
import { Figures } from "./figures.js";

/**
 * @typedef {import("./core/session.js").Step} Step
 * @typedef {import("./core/player.js").State} State
 * @typedef {import("./player.js").PlayerData} PlayerData
 */

export class RunningScreen {
  /**
   * @param {HTMLDialogElement} dialog @param {PlayerData} data
   * @param {"templates" | "card"} figures where the pictures are @param {string | undefined} lang
   */
  constructor(dialog, data, figures, lang) {
    const w = data.words;
    this.dialog = dialog;
    this.data = data;
    this.lang = lang;
    this.figures = new Figures(figures, data.routine.id, data.routine.items);
    this.drawn = -1;
    this.shownText = "";
    this.shownBar = "";
    this.stage = el("div", { class: "player-stage" });
    this.kindLabel = this.stage.appendChild(el("p", { class: "player-kind" }));
    this.figureBox = this.stage.appendChild(el("div", { class: "player-figure" }));
    this.nameLabel = this.stage.appendChild(el("h3", { class: "player-name" }));
    this.whereLabel = this.stage.appendChild(el("p", { class: "player-where" }));
    this.big = this.stage.appendChild(el("p", { class: "player-big" }));
    this.phaseLabel = this.stage.appendChild(el("p", { class: "player-phase" }));
    this.tapButton = this.stage.appendChild(el("button", { type: "button", class: "player-tap", "data-act": "tap" }));
    this.tapCount = this.tapButton.appendChild(el("span", { class: "player-tap-count" }));
    this.tapButton.appendChild(el("span", { class: "player-tap-hint" }, w.tap_hint));
    this.cues = this.stage.appendChild(el("ul", { class: "player-cues" }));
    // Said once when the screen cannot be kept on (a live region, filled only then).
    this.note = this.stage.appendChild(el("p", { class: "player-note", role: "status" }));
    this.controls = el("div", { class: "player-controls" });
    this.pauseButton = this.controls.appendChild(el("button", { type: "button", class: "player-button player-primary player-pause",
      "data-act": "pause", "aria-keyshortcuts": "Space" }, w.pause));
    const row = this.controls.appendChild(el("div", { class: "player-row" }));
    row.appendChild(el("button", { type: "button", class: "player-button", "data-act": "back", "aria-keyshortcuts": "ArrowLeft" }, w.back));
    row.appendChild(el("button", { type: "button", class: "player-button", "data-act": "skip", "aria-keyshortcuts": "ArrowRight" }, w.skip));
    row.appendChild(el("button", { type: "button", class: "player-button", "data-act": "end" }, w.end));
  }

  /** Put the screen into the dialog's body (emptied by the caller). @param {HTMLElement} box */
  attach(box) {
    this.drawn = -1;
    box.append(this.stage, this.controls);
  }

  /**
   * Draw the session at `now`: the step (rebuilt when it changes), the numbers every tick.
   * @param {State} state @param {number} now @param {HTMLElement} bar the progress bar
   */
  draw(state, now, bar) {
    const at = position(state, now);
    const step = state.steps[at.index];
    const w = this.data.words;
    const paused = state.paused_at !== null;
    if (at.index !== this.drawn) this.drawStep(at.index, step);
    this.dialog.setAttribute("data-paused", String(paused));
    const tapping = step.kind === "reps" && step.duration_ms === null;
    let big = "";
    let phase = "";
    if (step.kind === "reps" && at.rep !== null && step.reps !== null) {
      if (tapping) {
        this.tapCount.textContent = fill(w.rep_count, { rep: state.taps[at.index], reps: step.reps }, this.lang);
      } else {
        big = fill(w.rep_count, { rep: at.rep, reps: step.reps }, this.lang);
        // An exercise whose work is the lowering says its own words for the way up and down.
        const lowering = this.data.routine.items[step.item]?.lowering;
        phase = at.phase === "up" ? (lowering ? lowering.up : w.up) : (lowering ? lowering.down : w.down);
      }
    } else if (at.remaining_ms !== null && step.kind !== "done") {
      big = clock(at.remaining_ms);
    }
    if (paused) phase = w.paused;
    if (big !== this.shownText) this.big.textContent = this.shownText = big;
    if (this.phaseLabel.textContent !== phase) this.phaseLabel.textContent = phase;
    this.phaseLabel.setAttribute("data-phase", paused ? "paused" : at.phase || "");
    const label = paused ? w.resume : w.pause;
    if (this.pauseButton.textContent !== label) this.pauseButton.textContent = label;
    const width = `${Math.round((at.index / (state.steps.length - 1)) * 1000) / 10}%`;
    if (width !== this.shownBar) bar.style.width = this.shownBar = width;
  }

  /** @param {number} index @param {Step} step */
  drawStep(index, step) {
    const w = this.data.words;
    const items = this.data.routine.items;
    this.drawn = index;
    this.dialog.setAttribute("data-step", String(index));
    this.dialog.setAttribute("data-kind", step.kind);
    const item = step.item >= 0 ? items[step.item] : step.kind === "lead-in" ? items[0] : null;
    const figureIndex = step.kind === "lead-in" ? 0 : step.item;
    /** @type {Record<string, string>} */
    const kinds = { "lead-in": w.get_ready, rest: w.rest, switch: w.switch, done: "" };
    const between = step.kind in kinds;
    this.kindLabel.textContent = between ? kinds[step.kind] : phaseWords(step, w, items, this.lang).join(" · ");
    this.kindLabel.hidden = !this.kindLabel.textContent;
    this.nameLabel.textContent = item ? (between ? fill(w.next_up, { title: item.title }, this.lang) : item.title) : w.done;
    const at = where(step, w, items, this.lang);
    this.whereLabel.textContent = at.join(" · ");
    this.whereLabel.hidden = !at.length;
    this.figureBox.textContent = "";
    const figure = figureIndex >= 0 && step.kind !== "done" ? this.figures.of(figureIndex) : null;
    if (figure) this.figureBox.appendChild(figure);
    this.figureBox.hidden = !figure;
    this.cues.textContent = "";
    for (const cue of (item && EXERCISE_KINDS.includes(step.kind) ? item.cues : [])) this.cues.appendChild(el("li", {}, cue));
    this.cues.hidden = !this.cues.childElementCount;
    const tapping = step.kind === "reps" && step.duration_ms === null;
    const hadTapFocus = document.activeElement === this.tapButton;
    this.tapButton.hidden = !tapping;
    this.big.hidden = tapping;
    this.shownText = "\u0000";
    this.dialog.setAttribute("data-tap", String(tapping));
    // Keep the keyboard where it can act: on the counter while tapping, else on Pause.
    const active = document.activeElement;
    const lost = !active || active === document.body || active === this.dialog || !this.dialog.contains(active);
    if (tapping && (lost || active === this.pauseButton)) this.tapButton.focus();
    else if (!tapping && (hadTapFocus || lost)) this.pauseButton.focus();
  }
}
