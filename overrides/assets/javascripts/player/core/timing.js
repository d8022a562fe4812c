/**
 * When the player's screen next changes, and how a time left is written. The player ticks on a
 * timer (player/dialog.js) and works out where it is from timestamps (core/player.js), so a tick
 * only has to come just after the moment something changes: the next whole second of a countdown,
 * the next half of a guided repetition, the end of the step; never more than a second away.
 */
import { position } from "./player.js";

/** @typedef {import("./player.js").State} State */

// Units, and how often the screen is drawn at least (not numbers of the protocol).
const MS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60;
/** The longest wait between two ticks, so the display never lags long behind the clock. */
const MAX_TICK_MS = 1000;
/** Wake a tick this long after a boundary (a half rep, a second), to land just past it. */
const PAST_BOUNDARY_MS = 1;

/**
 * Minutes and seconds left, e.g. "1:05" (a time left rounds up: "0:01" until it is over).
 * @param {number} ms
 * @returns {string}
 */
export function clock(ms) {
  const whole = Math.max(0, Math.ceil(ms / MS_PER_SECOND));
  return `${Math.floor(whole / SECONDS_PER_MINUTE)}:${String(whole % SECONDS_PER_MINUTE).padStart(2, "0")}`;
}

/**
 * How long to wait for the next tick of a running session.
 * @param {State} state not paused
 * @param {number} now
 * @returns {number} ms
 */
export function nextTick(state, now) {
  const at = position(state, now);
  const step = state.steps[at.index];
  let wait = MAX_TICK_MS;
  if (at.remaining_ms !== null) {
    wait = Math.min(wait, at.remaining_ms % MS_PER_SECOND || MS_PER_SECOND, at.remaining_ms);
    if (step.kind === "reps" && step.up_ms !== null && step.down_ms !== null && at.rep !== null) {
      const whole = step.up_ms + step.down_ms;
      const next = (at.rep - 1) * whole + (at.phase === "up" ? step.up_ms : whole);
      wait = Math.min(wait, next - at.elapsed_ms);
    }
  }
  return Math.max(0, wait) + PAST_BOUNDARY_MS;
}
