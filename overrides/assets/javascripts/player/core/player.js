/**
 * The session player's step machine: where a hands-free session is, given the steps from
 * core/session.js and the time. The UI ticks it (`advance`) and speaks or beeps the events it returns.
 *
 * Time is never counted here: every call takes `now` (ms) and the position is worked out from the
 * time the current step started, less the time spent paused. A tick that comes late (a phone that
 * slept, a tab in the background) lands on exactly the step and the point in it the clock says.
 *
 * The state is a plain object (steps included) that can be saved and restored after a reload; no
 * function changes the state it is given. Once the done step is reached (or the session is ended)
 * the session is over and every operation leaves it as it is.
 *
 * Events are returned once each, by `advance`. Events a runner would hear late are dropped:
 * - when a tick passes steps, only their `step` events are returned (and `done` at the end), not
 *   their reps or counts;
 * - of the step reached, only the latest `rep` and the latest `count` not yet returned;
 * - pausing drops the reps and counts not yet returned (after a pause they would be stale).
 * An operation other than `advance` first moves the state to `now` the same way, silently: the
 * steps it passes are not announced (the UI ticks often, so these are a tick's worth at most).
 */

import { EXERCISE_KINDS } from "./session.js";

/** @typedef {import("./session.js").Step} Step */

// A definition of the unit, not a number of the protocol.
const MS_PER_SECOND = 1000;
/** Steps that count down their last seconds (how many: `countdown`, from the data, given to `start`). */
const COUNTED = ["hold", "rest", "timer", "lead-in", "switch"];

/**
 * @typedef {"pending" | "completed" | "skipped" | "partial"} Status
 * @typedef {{status: Status, reps_done: number | null, seconds_done: number | null}} Entry
 *   What happened to a step: reps done for a reps step (else null), whole seconds done otherwise.
 * @typedef {{steps: Step[], index: number, started_at: number, paused_at: number | null, paused_ms: number,
 *   paused_total_ms: number, taps: number[], log: Entry[], told_ms: number, announced: boolean,
 *   finished: boolean, countdown: number}} State
 *   `started_at`: when the current step began; `paused_ms`: time paused since then (a pause going on
 *   now counts from `paused_at`); `taps`: reps tapped per step; `told_ms`: how far into the current
 *   step events have been returned (-1: none yet); `announced`: its `step` event has been returned;
 *   `countdown`: how many last seconds of a timed step are counted (3: "3", "2", "1"; 0: none).
 * @typedef {{type: "step", index: number, at: number}
 *   | {type: "rep", index: number, rep: number, phase: "up" | "down", at: number}
 *   | {type: "count", index: number, n: number, at: number}
 *   | {type: "done", at: number}} PlayerEvent
 * @typedef {{index: number, elapsed_ms: number, remaining_ms: number | null, rep: number | null,
 *   phase: "up" | "down" | null}} Position
 * @typedef {{set: number, side: "left" | "right" | null, phase: string | null, reps_done: number | null,
 *   seconds_done: number | null, skipped: boolean}} SetDone
 * @typedef {{items: {item: string | null, sets: SetDone[]}[], skipped_steps: number, completed: boolean,
 *   early: boolean}} SessionRecord
 */

/** A copy of the state the caller may change. @param {State} state @returns {State} */
function copy(state) {
  return { ...state, taps: state.taps.slice(), log: state.log.map((entry) => ({ ...entry })) };
}

/**
 * Time into the current step, paused time left out.
 * @param {State} s
 * @param {number} now
 */
function elapsedOf(s, now) {
  return Math.max(0, (s.paused_at ?? now) - s.started_at - s.paused_ms);
}

/** Whether the runner taps each rep (a reps step with no duration). @param {Step} step */
function isTap(step) {
  return step.kind === "reps" && step.duration_ms === null;
}

/**
 * The rep a guided reps step is on at `elapsed` (0-based), its half and when that half began.
 * @param {Step} step
 * @param {number} elapsed
 * @returns {{rep: number, phase: "up" | "down", offset: number}}
 */
function halfRep(step, elapsed) {
  const up = step.up_ms ?? 0;
  const whole = up + (step.down_ms ?? 0);
  const rep = Math.min((step.reps ?? 1) - 1, Math.floor(elapsed / whole));
  const down = elapsed - rep * whole >= up;
  return { rep, phase: down ? "down" : "up", offset: rep * whole + (down ? up : 0) };
}

/**
 * What a step came to after `elapsed` ms.
 * @param {State} s
 * @param {number} elapsed
 * @param {Status} status
 * @returns {Entry}
 */
function entryOf(s, elapsed, status) {
  const step = s.steps[s.index];
  const ms = step.duration_ms === null ? elapsed : Math.min(elapsed, step.duration_ms);
  if (step.kind !== "reps") return { status, reps_done: null, seconds_done: Math.floor(ms / MS_PER_SECOND) };
  const whole = (step.up_ms ?? 0) + (step.down_ms ?? 0);
  const done = isTap(step) ? s.taps[s.index] : Math.floor(ms / whole);
  return { status, reps_done: status === "completed" ? step.reps : Math.min(step.reps ?? 0, done), seconds_done: null };
}

/**
 * Makes step `index` the current one, begun at `at` (changes the working copy `s`). A pause going on
 * carries over to the new step.
 * @param {State} s
 * @param {number} index
 * @param {number} at
 */
function enter(s, index, at) {
  if (s.paused_at !== null && at > s.paused_at) {
    s.paused_total_ms += at - s.paused_at;
    s.paused_at = at;
  }
  Object.assign(s, { index, started_at: at, paused_ms: 0, told_ms: -1, announced: false, finished: index === s.steps.length - 1 });
  s.taps[index] = 0;
}

/**
 * Moves the working copy `s` past every step whose time is up at `now`, each begun the moment the
 * one before ended; adds the `step` (and `done`) events not yet returned to `events` when given.
 * @param {State} s
 * @param {number} now
 * @param {PlayerEvent[] | null} events
 */
function catchUp(s, now, events) {
  for (;;) {
    if (events && !s.announced) {
      events.push({ type: "step", index: s.index, at: s.started_at });
      if (s.finished) events.push({ type: "done", at: s.started_at });
      s.announced = true;
    }
    const step = s.steps[s.index];
    if (s.finished || step.duration_ms === null || elapsedOf(s, now) < step.duration_ms) return;
    s.log[s.index] = entryOf(s, step.duration_ms, "completed");
    enter(s, s.index + 1, s.started_at + s.paused_ms + step.duration_ms);
  }
}

/**
 * The latest rep and latest count of the current step not yet returned (changes `s.told_ms`).
 * @param {State} s
 * @param {number} now
 * @returns {PlayerEvent[]}
 */
function latest(s, now) {
  const step = s.steps[s.index];
  const elapsed = elapsedOf(s, now);
  const from = s.told_ms;
  const at = s.started_at + s.paused_ms;
  /** @type {PlayerEvent[]} */
  const events = [];
  if (step.kind === "reps" && step.duration_ms !== null) {
    const half = halfRep(step, elapsed);
    if (half.offset > from) events.push({ type: "rep", index: s.index, rep: half.rep + 1, phase: half.phase, at: at + half.offset });
  }
  if (COUNTED.includes(step.kind) && step.duration_ms !== null) {
    for (let n = 1; n <= s.countdown; n += 1) {
      const offset = step.duration_ms - n * MS_PER_SECOND;
      if (offset < 0 || offset > elapsed) continue;
      if (offset > from) events.push({ type: "count", index: s.index, n, at: at + offset });
      break;
    }
  }
  s.told_ms = Math.max(from, elapsed);
  return events;
}

/**
 * A session about to begin: the first step (the lead-in) starts at `now`.
 * @param {Step[]} steps from `buildSteps`; the last must be the done step
 * @param {number} now
 * @param {number} [countdown] the last seconds of a hold, rest, timer, lead-in or switch counted
 *   (data/player.yml `countdown`); none when left out
 * @returns {State}
 */
export function start(steps, now, countdown = 0) {
  if (!Array.isArray(steps) || steps.length === 0 || steps[steps.length - 1].kind !== "done") {
    throw new Error("a session needs a list of steps ending with the done step");
  }
  if (!Number.isFinite(now)) throw new Error(`start needs a time, not ${now}`);
  if (!Number.isInteger(countdown) || countdown < 0) throw new Error(`start needs a countdown of 0 or more seconds, not ${countdown}`);
  return { steps, index: 0, started_at: now, paused_at: null, paused_ms: 0, paused_total_ms: 0,
    taps: steps.map(() => 0), log: steps.map(() => ({ status: "pending", reps_done: null, seconds_done: null })),
    told_ms: -1, announced: false, finished: steps.length === 1, countdown };
}

/**
 * Moves the session to `now` and returns what happened since the last call (see the top).
 * @param {State} state
 * @param {number} now
 * @returns {{state: State, events: PlayerEvent[]}}
 */
export function advance(state, now) {
  const s = copy(state);
  /** @type {PlayerEvent[]} */
  const events = [];
  catchUp(s, now, events);
  if (!s.finished) events.push(...latest(s, now));
  return { state: s, events };
}

/**
 * An operation on a copy of the state moved to `now` (silently); a session over stays as it is.
 * @param {State} state
 * @param {number} now
 * @param {(s: State, step: Step, elapsed: number) => void} change changes the copy
 * @returns {State}
 */
function operate(state, now, change) {
  const s = copy(state);
  catchUp(s, now, null);
  if (!s.finished) change(s, s.steps[s.index], elapsedOf(s, now));
  return s;
}

/**
 * Stops the clock (the reps and counts not yet returned are dropped: they would be stale).
 * @param {State} state
 * @param {number} now
 * @returns {State}
 */
export function pause(state, now) {
  return operate(state, now, (s, _, elapsed) => {
    if (s.paused_at !== null) return;
    s.told_ms = Math.max(s.told_ms, elapsed);
    s.paused_at = now;
  });
}

/**
 * Starts the clock again; the time paused does not count.
 * @param {State} state
 * @param {number} now
 * @returns {State}
 */
export function resume(state, now) {
  const s = copy(state);
  if (s.paused_at === null) return s;
  const gap = Math.max(0, now - s.paused_at);
  s.paused_ms += gap;
  s.paused_total_ms += gap;
  s.paused_at = null;
  return s;
}

/**
 * Marks the current step skipped (with what was done of it) and begins the next at `now`.
 * @param {State} state
 * @param {number} now
 * @returns {State}
 */
export function skip(state, now) {
  return operate(state, now, (s, _, elapsed) => {
    s.log[s.index] = entryOf(s, elapsed, "skipped");
    enter(s, s.index + 1, now);
  });
}

/**
 * Restarts the step before the current one (the first step restarts itself); both are to do again.
 * @param {State} state
 * @param {number} now
 * @returns {State}
 */
export function back(state, now) {
  return operate(state, now, (s) => {
    const target = Math.max(0, s.index - 1);
    for (const i of [s.index, target]) s.log[i] = { status: "pending", reps_done: null, seconds_done: null };
    s.taps[s.index] = 0;
    enter(s, target, now);
  });
}

/**
 * Counts one rep of a tap-mode reps step; the last rep completes it and begins the next step.
 * A tap while paused, or on any other step, changes nothing.
 * @param {State} state
 * @param {number} now
 * @returns {State}
 */
export function tap(state, now) {
  return operate(state, now, (s, step, elapsed) => {
    if (s.paused_at !== null || !isTap(step)) return;
    s.taps[s.index] += 1;
    if (s.taps[s.index] < (step.reps ?? 0)) return;
    s.log[s.index] = entryOf(s, elapsed, "completed");
    enter(s, s.index + 1, now);
  });
}

/**
 * Ends the session early: the current step is partly done if anything of it was, the rest are not
 * done; the done step is reached (the next `advance` returns its `step` and `done` events).
 * @param {State} state
 * @param {number} now
 * @returns {State}
 */
export function end(state, now) {
  return operate(state, now, (s, _, elapsed) => {
    if (elapsed > 0 || s.taps[s.index] > 0) s.log[s.index] = entryOf(s, elapsed, "partial");
    enter(s, s.steps.length - 1, now);
  });
}

/**
 * Where the session is at `now`: the step, time into it and left of it (null for a tap-mode reps
 * step, which has no end in time), and for a reps step the rep under way (1-based: from the clock
 * in tempo mode, the reps tapped + 1 in tap mode) and, in tempo mode, its half.
 * @param {State} state
 * @param {number} now
 * @returns {Position}
 */
export function position(state, now) {
  const s = copy(state);
  catchUp(s, now, null);
  const step = s.steps[s.index];
  const raw = elapsedOf(s, now);
  const elapsed = step.duration_ms === null ? raw : Math.min(raw, step.duration_ms);
  const at = { index: s.index, elapsed_ms: elapsed, remaining_ms: step.duration_ms === null ? null : step.duration_ms - elapsed };
  if (isTap(step)) return { ...at, rep: Math.min(step.reps ?? 0, s.taps[s.index] + 1), phase: null };
  if (step.kind !== "reps") return { ...at, rep: null, phase: null };
  const half = halfRep(step, elapsed);
  return { ...at, rep: half.rep + 1, phase: half.phase };
}

/**
 * What was done, for saving: each item's sets (and sides) reached, in order, with the reps or whole
 * seconds done; sets never reached (after an early end) are left out. Rests, switches, the lead-in
 * and done are no item. `completed`: the session reached its end with every set completed;
 * `early`: it was ended before every set was reached or finished (a skipped set is not early).
 * @param {State} state
 * @param {Step[]} steps the steps the session was started with
 * @returns {SessionRecord}
 */
export function record(state, steps) {
  if (steps.length !== state.log.length) throw new Error("record needs the steps the session was started with");
  /** @type {SessionRecord["items"]} */
  const items = [];
  /** @type {Map<number, SessionRecord["items"][number]>} */
  const byItem = new Map();
  let skipped = 0;
  let completed = state.finished;
  let early = false;
  steps.forEach((step, i) => {
    if (!EXERCISE_KINDS.includes(step.kind)) return;
    const entry = state.log[i];
    if (entry.status !== "completed") completed = false;
    if (entry.status === "pending" || entry.status === "partial") early = true;
    if (entry.status === "pending") return;
    if (entry.status === "skipped") skipped += 1;
    let group = byItem.get(step.item);
    if (!group) {
      group = { item: step.id, sets: [] };
      byItem.set(step.item, group);
      items.push(group);
    }
    group.sets.push({ set: step.set, side: step.side, phase: step.phase, reps_done: entry.reps_done,
      seconds_done: entry.seconds_done, skipped: entry.status === "skipped" });
  });
  return { items, skipped_steps: skipped, completed, early };
}
