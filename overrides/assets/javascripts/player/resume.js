/**
 * A running session kept over a reload: at every step and when the page is hidden, the session is
 * written to sessionStorage (this tab only), paused at that moment; a reload on #play finds it and
 * shows it paused where it was, when it is the same routine, plan or stage on the same page with
 * the same steps. Anything else found there is ignored.
 */
import { playerKey } from "../shared/core/places.js";
import { storage } from "../shared/page.js";
import { pause } from "./core/player.js";

/**
 * @typedef {import("./core/player.js").State} State
 * @typedef {{voice: boolean, beeps: boolean, rep_mode: "tempo" | "tap", first_side: "left" | "right"}} Choices
 * @typedef {{v: 1, routine: string, plan: string | null, stage: string | null, path: string, started: string, choices: Choices,
 *   state: State}} Snapshot
 * @typedef {{routine: string, plan: string | null, stage: string | null, path: string}} Which the session a snapshot is of
 */

export class Resume {
  /** @param {string} scope the site's path @param {Which} which */
  constructor(scope, which) {
    const names = storage();
    /** Where it is kept; null on a page that names no storage (a reload starts over). */
    this.key = names ? playerKey(names.prefix, scope) : null;
    this.which = which;
  }

  /**
   * Keep the session, paused now.
   * @param {State} state @param {string} started @param {Choices} choices @param {number} now
   */
  keep(state, started, choices, now) {
    /** @type {Snapshot} */
    const snapshot = { v: 1, ...this.which, started, choices, state: pause(state, now) };
    try {
      if (this.key) sessionStorage.setItem(this.key, JSON.stringify(snapshot));
    } catch {
      // A reload will start over.
    }
  }

  forget() {
    try {
      if (this.key) sessionStorage.removeItem(this.key);
    } catch {
      // Nothing kept.
    }
  }

  /**
   * The session kept before a reload, when it is this one's and sound.
   * @param {(choices: Choices) => unknown[]} stepsFor the steps these choices give now
   * @returns {Snapshot | null}
   */
  restore(stepsFor) {
    try {
      const kept = /** @type {Snapshot | null} */ (JSON.parse((this.key && sessionStorage.getItem(this.key)) || "null"));
      const w = this.which;
      if (!kept || kept.v !== 1 || kept.routine !== w.routine || kept.plan !== w.plan || kept.stage !== w.stage || kept.path !== w.path) {
        return null;
      }
      const steps = stepsFor(kept.choices);
      const state = kept.state;
      if (!state || JSON.stringify(state.steps) !== JSON.stringify(steps) || state.paused_at === null || state.finished) return null;
      if (!Number.isInteger(state.index) || state.index < 0 || state.index >= steps.length) return null;
      return kept;
    } catch {
      return null;
    }
  }
}
