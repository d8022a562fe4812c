/**
 * The session player's plan: a routine from the page data turned into the list of timed steps the
 * player (core/player.js) runs hands-free, and the time the whole session should take.
 *
 * Every number comes in: the doses with the routine, the tempo, rests and the lead-in with the
 * options (both written by the generator from the protocol); an item with a pace of its own
 * (`tempo`) is counted at that pace instead of the options'. Steps carry codes, never words; the UI
 * finds an item's title and the `per` text of a range in the routine by the step's `item` index.
 *
 * The order, for each item in turn:
 * - sets of reps or holds: set 1, then a rest, set 2, … (no rest after the last set). An each-side
 *   item does every set on both sides, first side first: set 1 left, switch, set 1 right, rest, …;
 * - minutes: one timer; a range of minutes: one timer of the longest time, done once per thing the
 *   UI names (`per`, e.g. "each stiff muscle");
 * - a cycle (ice): on and off spells back to back, filling `hours_min` (see `cycleSpells`);
 * - intervals (run-walk): one timer per part, with its phase, back to back;
 * - a rest between items; the whole list starts with a lead-in (get ready) and ends with `done`.
 * A rest or switch names what follows it: the item, set and sets of the next step (a switch also the
 * side about to be done), so the UI can say what is coming. Rests or switches of 0 s are left out.
 */

/** The kinds of step in which a runner works, each part of an item (the others are pauses between them). */
export const EXERCISE_KINDS = /** @type {readonly StepKind[]} */ (["reps", "hold", "timer"]);

// Definitions of the units, not numbers of the protocol.
const MS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60;
const MINUTES_PER_HOUR = 60;
const MS_PER_MINUTE = MS_PER_SECOND * SECONDS_PER_MINUTE;

/**
 * @typedef {"left" | "right"} Side
 * @typedef {"run" | "walk" | "on" | "off"} Phase
 * @typedef {"lead-in" | "reps" | "hold" | "timer" | "rest" | "switch" | "done"} StepKind
 * @typedef {{phase: "run" | "walk", minutes: number}} Part
 * @typedef {{shape: "reps", sets: number, reps: number}
 *   | {shape: "hold", holds: number, seconds: number}
 *   | {shape: "minutes", minutes: number}
 *   | {shape: "minutes-range", minutes_min: number, minutes_max: number, per: string}
 *   | {shape: "cycle", minutes_on: number, minutes_off: number, hours_min: number, hours_max: number}
 *   | {shape: "intervals", parts: Part[]}} Dose
 * @typedef {{up_s: number, down_s: number}} Tempo seconds up and down of one repetition
 * @typedef {{id: string, title: string, kind: string, each_side: boolean, dose: Dose, tempo?: Tempo | null}} Item
 * @typedef {{id: string, title: string, items: Item[]}} Routine
 * @typedef {{tempo: Tempo, rest: {between_sets_s: number, between_items_s: number},
 *   switch_s: number, lead_in_s: number, first_side: Side, rep_mode: "tempo" | "tap"}} Options
 * @typedef {{kind: StepKind, item: number, id: string | null, set: number, sets: number, side: Side | null,
 *   duration_ms: number | null, reps: number | null, up_ms: number | null, down_ms: number | null,
 *   phase: Phase | null}} Step
 *
 * `item` is the index of the item in the routine (-1 for the lead-in and done), `id` its id;
 * `set` counts from 1 (0 for the lead-in and done). `duration_ms` is null only for a reps step in
 * tap mode (the runner taps each rep). A reps step keeps `up_ms`/`down_ms` in both modes: the player
 * guides by them in tempo mode, and the estimate uses them for tap mode.
 */

/**
 * A step with every field, the ones not given left empty.
 * @param {StepKind} kind
 * @param {Partial<Step>} fields
 * @returns {Step}
 */
function makeStep(kind, fields) {
  return { kind, item: -1, id: null, set: 0, sets: 0, side: null, duration_ms: 0, reps: null, up_ms: null, down_ms: null,
    phase: null, ...fields };
}

/**
 * A number the data must give above zero (a whole one when `whole`); throws otherwise.
 * @param {unknown} value
 * @param {string} what where it is, for the message
 * @param {boolean} whole
 * @returns {number}
 */
function positive(value, what, whole) {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new Error(`${what} must be a positive ${whole ? "whole number" : "number"}, not ${String(value)}`);
  }
  return value;
}

/**
 * A number of seconds an option may set to 0 (that step is then left out); throws when negative.
 * @param {unknown} value
 * @param {string} what
 * @returns {number}
 */
function seconds(value, what) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${what} must be 0 or more seconds, not ${String(value)}`);
  }
  return value;
}

/**
 * The spells of a cycle dose, in minutes: an "on" spell first, then "off" + "on" pairs while the
 * pair still fits in `hours_min`, so the session never ends on an "off" spell (resting is no
 * treatment) and never runs past the shortest time the dose asks for. 1 h of 20 on / 20 off is
 * on 20, off 20, on 20 (60 min); 2 h is five spells (100 min: a sixth and seventh would make 140).
 * The first "on" spell is always there, even when it alone is longer than `hours_min`.
 * @param {{minutes_on: number, minutes_off: number, hours_min: number}} dose
 * @returns {{phase: "on" | "off", minutes: number}[]}
 */
export function cycleSpells(dose) {
  const window = dose.hours_min * MINUTES_PER_HOUR;
  /** @type {{phase: "on" | "off", minutes: number}[]} */
  const spells = [{ phase: "on", minutes: dose.minutes_on }];
  let total = dose.minutes_on;
  while (total + dose.minutes_off + dose.minutes_on <= window) {
    spells.push({ phase: "off", minutes: dose.minutes_off }, { phase: "on", minutes: dose.minutes_on });
    total += dose.minutes_off + dose.minutes_on;
  }
  return spells;
}

/**
 * The steps one side of each set of an item would be, before sides and rests: one per set.
 * Checks the dose on the way.
 * @param {Item} item
 * @param {number} index
 * @param {Options} options
 * @param {string} where for messages
 * @returns {{sets: Step[], rests: boolean}} `rests`: whether sets are separated by rests
 */
function setsOf(item, index, options, where) {
  const dose = /** @type {Record<string, unknown>} */ (item.dose || {});
  const at = { item: index, id: item.id };
  /** @param {{minutes: number, phase: Phase | null}[]} spans */
  const timers = (spans) => spans.map((span, i) => makeStep("timer",
    { ...at, set: i + 1, sets: spans.length, duration_ms: span.minutes * MS_PER_MINUTE, phase: span.phase }));
  switch (dose.shape) {
    case "reps": {
      const sets = positive(dose.sets, `${where}.sets`, true);
      const reps = positive(dose.reps, `${where}.reps`, true);
      const tempo = item.tempo || options.tempo;
      const up = positive(tempo.up_s, `${where}: tempo.up_s`, false) * MS_PER_SECOND;
      const down = positive(tempo.down_s, `${where}: tempo.down_s`, false) * MS_PER_SECOND;
      const duration = options.rep_mode === "tap" ? null : reps * (up + down);
      return { rests: true, sets: Array.from({ length: sets }, (_, i) => makeStep("reps",
        { ...at, set: i + 1, sets, reps, up_ms: up, down_ms: down, duration_ms: duration })) };
    }
    case "hold": {
      const holds = positive(dose.holds, `${where}.holds`, true);
      const ms = positive(dose.seconds, `${where}.seconds`, false) * MS_PER_SECOND;
      return { rests: true, sets: Array.from({ length: holds }, (_, i) => makeStep("hold",
        { ...at, set: i + 1, sets: holds, duration_ms: ms })) };
    }
    case "minutes":
      return { rests: false, sets: timers([{ minutes: positive(dose.minutes, `${where}.minutes`, false), phase: null }]) };
    case "minutes-range": {
      const least = positive(dose.minutes_min, `${where}.minutes_min`, false);
      const most = positive(dose.minutes_max, `${where}.minutes_max`, false);
      if (least > most) throw new Error(`${where}: minutes_min is larger than minutes_max`);
      return { rests: false, sets: timers([{ minutes: most, phase: null }]) };
    }
    case "cycle": {
      const on = positive(dose.minutes_on, `${where}.minutes_on`, false);
      const off = positive(dose.minutes_off, `${where}.minutes_off`, false);
      const hours = positive(dose.hours_min, `${where}.hours_min`, false);
      if (hours > positive(dose.hours_max, `${where}.hours_max`, false)) throw new Error(`${where}: hours_min is larger than hours_max`);
      return { rests: false, sets: timers(cycleSpells({ minutes_on: on, minutes_off: off, hours_min: hours })) };
    }
    case "intervals": {
      const parts = dose.parts;
      if (!Array.isArray(parts) || parts.length === 0) throw new Error(`${where}.parts must be a list of at least one part`);
      return { rests: false, sets: timers(parts.map((part, i) => {
        if (part?.phase !== "run" && part?.phase !== "walk") throw new Error(`${where}.parts[${i}].phase must be "run" or "walk"`);
        return { minutes: positive(part.minutes, `${where}.parts[${i}].minutes`, false), phase: part.phase };
      })) };
    }
    default:
      throw new Error(`${where}: unknown dose shape ${JSON.stringify(dose.shape)}`);
  }
}

/**
 * A rest or switch naming the step that follows it.
 * @param {"rest" | "switch"} kind
 * @param {number} ms
 * @param {Step} next
 * @returns {Step}
 */
function between(kind, ms, next) {
  return makeStep(kind, { item: next.item, id: next.id, set: next.set, sets: next.sets,
    side: kind === "switch" ? next.side : null, duration_ms: ms });
}

/**
 * The options, checked: positive tempo, rests and switch of 0 s or more, a known side and mode.
 * @param {Options} options
 * @returns {void}
 */
function checkOptions(options) {
  positive(options?.tempo?.up_s, "options.tempo.up_s", false);
  positive(options.tempo.down_s, "options.tempo.down_s", false);
  seconds(options.rest?.between_sets_s, "options.rest.between_sets_s");
  seconds(options.rest.between_items_s, "options.rest.between_items_s");
  seconds(options.switch_s, "options.switch_s");
  seconds(options.lead_in_s, "options.lead_in_s");
  if (options.first_side !== "left" && options.first_side !== "right") throw new Error(`options.first_side must be "left" or "right"`);
  if (options.rep_mode !== "tempo" && options.rep_mode !== "tap") throw new Error(`options.rep_mode must be "tempo" or "tap"`);
}

/**
 * The steps of a session, lead-in first and done last. Throws an Error on a dose or option the
 * generator should never have written (an unknown shape, a number that is not above zero).
 * @param {Routine} routine
 * @param {Options} options
 * @returns {Step[]}
 */
export function buildSteps(routine, options) {
  checkOptions(options);
  if (!Array.isArray(routine?.items) || routine.items.length === 0) {
    throw new Error(`routine ${routine?.id}: needs at least one item`);
  }
  const sides = /** @type {Side[]} */ (options.first_side === "left" ? ["left", "right"] : ["right", "left"]);
  const setRest = options.rest.between_sets_s * MS_PER_SECOND;
  const itemRest = options.rest.between_items_s * MS_PER_SECOND;
  const switchMs = options.switch_s * MS_PER_SECOND;
  /** @type {Step[]} */
  const steps = [makeStep("lead-in", { duration_ms: options.lead_in_s * MS_PER_SECOND })];
  routine.items.forEach((item, index) => {
    const { sets, rests } = setsOf(item, index, options, `routine ${routine.id}, item ${item?.id}: dose`);
    sets.forEach((set, n) => {
      const done = item.each_side ? sides.map((side) => ({ ...set, side })) : [set];
      if (n === 0 && index > 0 && itemRest > 0) steps.push(between("rest", itemRest, done[0]));
      if (n > 0 && rests && setRest > 0) steps.push(between("rest", setRest, done[0]));
      done.forEach((one, s) => {
        if (s > 0 && switchMs > 0) steps.push(between("switch", switchMs, one));
        steps.push(one);
      });
    });
  });
  steps.push(makeStep("done", {}));
  return steps;
}

/**
 * How long a session should take, in ms: the sum of the steps. A tap-mode reps step has no
 * duration (the runner sets the pace); it counts as if guided by the tempo, reps × (up + down).
 * @param {Step[]} steps
 * @returns {number}
 */
export function estimateMs(steps) {
  let total = 0;
  for (const step of steps) {
    if (step.duration_ms !== null) total += step.duration_ms;
    else if (step.reps !== null && step.up_ms !== null && step.down_ms !== null) total += step.reps * (step.up_ms + step.down_ms);
    else throw new Error(`a ${step.kind} step has neither a duration nor reps and a tempo`);
  }
  return total;
}
