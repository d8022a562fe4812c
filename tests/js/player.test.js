// player/core/player.js: the step machine driven by timestamps: ticking, late ticks, pause, skip, back,
// end, tap mode, the record, and random sequences of operations (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { buildSteps } from "../../overrides/assets/javascripts/player/core/session.js";
import { advance, back, end, pause, position, record, resume, skip, start, tap } from "../../overrides/assets/javascripts/player/core/player.js";

/**
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Routine} Routine
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Options} Options
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Step} Step
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Item} Item
 * @typedef {import("../../overrides/assets/javascripts/player/core/player.js").State} State
 * @typedef {import("../../overrides/assets/javascripts/player/core/player.js").PlayerEvent} PlayerEvent
 */

/** @type {Options} */
const OPTIONS = { tempo: { up_s: 2, down_s: 2 }, rest: { between_sets_s: 30, between_items_s: 30 }, switch_s: 10,
  lead_in_s: 5, first_side: "left", rep_mode: "tempo" };
/** @type {Options} */
const TAP = { ...OPTIONS, rep_mode: "tap" };

/**
 * @param {string} id
 * @param {boolean} eachSide
 * @returns {Item}
 */
const strength = (id, eachSide) => ({ id, title: id, kind: "strength", each_side: eachSide, dose: { shape: "reps", sets: 3, reps: 20 } });

/** @type {Routine} */
const HIP = { id: "hip-strength-1", title: "Hip strength, level 1",
  items: [strength("straight-leg-raise", true), strength("clams", true), strength("bridge-with-band", false)] };
/** @type {Routine} */
const STRETCHES = { id: "daily-stretches", title: "Daily stretches",
  items: ["calf-stretch", "hamstring-stretch", "quad-stretch", "hip-flexor-stretch"].map((id) =>
    ({ id, title: id, kind: "stretch", each_side: true, dose: { shape: "hold", holds: 3, seconds: 30 } })) };

/** The last seconds counted down, as data/player.yml `countdown` gives them to the player. */
const COUNTDOWN = 3;

// hip-strength-1, guided, left first (see session.test.js): 0 lead-in 0–5 s; 1 leg raise left
// 5–85 s; 2 switch 85–95 s; 3 leg raise right 95–175 s; 4 rest 175–205 s; …; 30 done at 1505 s.
const HIP_END = 1505000;

/**
 * Ticks every `every` ms from the state's time to `to` (included), collecting the events.
 * @param {State} state
 * @param {number} from
 * @param {number} to
 * @param {number} every
 * @returns {{state: State, events: (PlayerEvent & {tick: number})[]}}
 */
function tickThrough(state, from, to, every) {
  /** @type {(PlayerEvent & {tick: number})[]} */
  const events = [];
  let s = state;
  for (let now = from; now <= to; now += every) {
    const out = advance(s, now);
    s = out.state;
    for (const e of out.events) events.push({ ...e, tick: now });
  }
  return { state: s, events };
}

/**
 * Every set done as the runner would in tap mode: taps at one a second on reps steps, waits out the rest.
 * @param {Step[]} steps
 * @returns {State}
 */
function tapThrough(steps) {
  let s = start(steps, 0, COUNTDOWN);
  let now = 0;
  while (!s.finished) {
    const step = steps[s.index];
    if (step.duration_ms === null) {
      for (let i = 0; i < (step.reps ?? 0); i += 1) s = tap(s, (now += 1000));
    } else {
      now = s.started_at + s.paused_ms + step.duration_ms;
      s = advance(s, now).state;
    }
  }
  return s;
}

/**
 * @param {unknown} value
 * @returns {unknown}
 */
function deepFreeze(value) {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

test("ticking a guided session hears every step, half-rep and count once, at its exact time", () => {
  const steps = buildSteps(HIP, OPTIONS);
  const { state, events } = tickThrough(start(steps, 0, COUNTDOWN), 0, HIP_END + 1000, 250);
  for (const e of events) assert.ok(e.at <= e.tick && e.at > e.tick - 250, JSON.stringify(e)); // heard within one tick
  const starts = events.filter((e) => e.type === "step");
  assert.deepEqual(starts.map((e) => e.type === "step" && e.index), steps.map((_, i) => i));
  /** @type {number[]} */
  const expected = [];
  steps.reduce((at, s) => (expected.push(at), at + (s.duration_ms ?? 0)), 0);
  assert.deepEqual(starts.map((e) => e.at), expected);
  assert.deepEqual(starts.slice(0, 5).map((e) => e.at), [0, 5000, 85000, 95000, 175000]);
  const reps = events.filter((e) => e.type === "rep");
  assert.equal(reps.length, 15 * 20 * 2); // 15 reps steps, 20 reps, up and down
  assert.deepEqual(reps.slice(0, 3).map(({ tick, ...e }) => e), [
    { type: "rep", index: 1, rep: 1, phase: "up", at: 5000 },
    { type: "rep", index: 1, rep: 1, phase: "down", at: 7000 },
    { type: "rep", index: 1, rep: 2, phase: "up", at: 9000 },
  ]);
  assert.deepEqual(reps[39], { type: "rep", index: 1, rep: 20, phase: "down", at: 83000, tick: 83000 });
  const counts = events.filter((e) => e.type === "count");
  assert.equal(counts.length, (9 + 6) * COUNTDOWN); // the lead-in, 8 rests and 6 switches of sides
  assert.deepEqual(counts.slice(0, 4).map(({ tick, ...e }) => e), [
    { type: "count", index: 0, n: 3, at: 2000 }, { type: "count", index: 0, n: 2, at: 3000 },
    { type: "count", index: 0, n: 1, at: 4000 }, { type: "count", index: 2, n: 3, at: 92000 },
  ]);
  assert.deepEqual(events.filter((e) => e.type === "done"), [{ type: "done", at: HIP_END, tick: HIP_END }]);
  assert.equal(state.finished, true);
  assert.equal(state.index, 30);
});

test("the record of a full guided run lists every set and side with full reps", () => {
  const steps = buildSteps(HIP, OPTIONS);
  const { state } = tickThrough(start(steps, 0, COUNTDOWN), 0, HIP_END, 1000);
  /**
   * @param {number} set
   * @param {"left" | "right" | null} side
   */
  const full = (set, side) => ({ set, side, phase: null, reps_done: 20, seconds_done: null, skipped: false });
  const bothSides = [1, 2, 3].flatMap((set) => [full(set, "left"), full(set, "right")]);
  assert.deepEqual(record(state, steps), {
    items: [
      { item: "straight-leg-raise", sets: bothSides },
      { item: "clams", sets: bothSides },
      { item: "bridge-with-band", sets: [full(1, null), full(2, null), full(3, null)] },
    ],
    skipped_steps: 0,
    completed: true,
    early: false,
  });
  const stretches = buildSteps(STRETCHES, { ...OPTIONS, first_side: "right" });
  const done = advance(start(stretches, 0, COUNTDOWN), 10 ** 7).state;
  const calf = record(done, stretches).items[0];
  assert.equal(calf.item, "calf-stretch");
  assert.deepEqual(calf.sets.map((s) => `${s.set} ${s.side} ${s.seconds_done} ${s.reps_done}`),
    ["1 right 30 null", "1 left 30 null", "2 right 30 null", "2 left 30 null", "3 right 30 null", "3 left 30 null"]);
});

test("a tick 90 s late lands on the exact step and point; only the steps passed and the latest rep are returned", () => {
  const steps = buildSteps(HIP, OPTIONS);
  let s = advance(start(steps, 0, COUNTDOWN), 0).state;
  s = advance(s, 60000).state; // leg raise left, 55 s in
  const late = advance(s, 150000);
  // Steps 2 (switch at 85 s) and 3 (right side at 95 s) began; 150 − 95 = 55 s into the right side:
  // 55 / 4 = 13 whole reps, 3 s into rep 14, past its 2 s up: rep 14 down, begun at 95 + 52 + 2 = 149 s.
  assert.deepEqual(late.events, [
    { type: "step", index: 2, at: 85000 },
    { type: "step", index: 3, at: 95000 },
    { type: "rep", index: 3, rep: 14, phase: "down", at: 149000 },
  ]);
  assert.deepEqual(position(late.state, 150000), { index: 3, elapsed_ms: 55000, remaining_ms: 25000, rep: 14, phase: "down" });
  assert.equal(late.state.started_at, 95000);
  assert.deepEqual(late.state.log.slice(1, 3), [
    { status: "completed", reps_done: 20, seconds_done: null }, { status: "completed", reps_done: null, seconds_done: 10 }]);
  // The same place as a phone ticking four times a second all along.
  const steady = tickThrough(start(steps, 0, COUNTDOWN), 0, 150000, 250).state;
  assert.deepEqual({ ...late.state, told_ms: 0 }, { ...steady, told_ms: 0 });
  assert.deepEqual(advance(late.state, 150250).events, []);
  assert.deepEqual(advance(late.state, 151000).events, [{ type: "rep", index: 3, rep: 15, phase: "up", at: 151000 }]);
});

test("a late tick into a countdown returns only the latest count, and none of the holds passed", () => {
  const steps = buildSteps(STRETCHES, OPTIONS);
  let s = advance(start(steps, 0, COUNTDOWN), 0).state;
  s = advance(s, 13500).state; // calf left, 8.5 s in
  const late = advance(s, 103500);
  // Left 5–35 s, switch 35–45, right 45–75, rest 75–105: 28.5 s into the rest, past "3" (at 102 s) and "2".
  assert.deepEqual(late.events, [
    { type: "step", index: 2, at: 35000 }, { type: "step", index: 3, at: 45000 }, { type: "step", index: 4, at: 75000 },
    { type: "count", index: 4, n: 2, at: 103000 },
  ]);
  const next = advance(late.state, 104000);
  assert.deepEqual(next.events, [{ type: "count", index: 4, n: 1, at: 104000 }]);
  assert.deepEqual(advance(next.state, 105000).events, [{ type: "step", index: 5, at: 105000 }]);
});

test("a phone asleep through the whole session wakes to the done step, with every step and no stale rep", () => {
  const steps = buildSteps(HIP, OPTIONS);
  const { state, events } = advance(advance(start(steps, 0, COUNTDOWN), 0).state, 10 ** 7);
  assert.deepEqual(events.map((e) => e.type === "step" ? e.index : e.type), [...[...steps.keys()].slice(1), "done"]);
  assert.deepEqual(events.at(-1), { type: "done", at: HIP_END });
  assert.deepEqual(position(state, 10 ** 7), { index: 30, elapsed_ms: 0, remaining_ms: 0, rep: null, phase: null });
  assert.equal(record(state, steps).completed, true);
  assert.deepEqual(advance(state, 10 ** 7 + 1).events, []);
});

test("paused time does not count; a pause drops the counts not yet heard", () => {
  const steps = buildSteps(HIP, OPTIONS);
  let s = advance(start(steps, 0, COUNTDOWN), 0).state;
  s = pause(s, 2500); // the "3" at 2 s was never ticked: after a pause it would be stale
  assert.equal(s.paused_at, 2500);
  assert.deepEqual(advance(s, 60000).events, []);
  assert.deepEqual(position(s, 60000), { index: 0, elapsed_ms: 2500, remaining_ms: 2500, rep: null, phase: null });
  assert.equal(pause(s, 61000).paused_at, 2500); // pausing again changes nothing
  s = resume(s, 70000);
  assert.equal(s.paused_at, null);
  assert.equal(s.paused_ms, 67500);
  assert.equal(s.paused_total_ms, 67500);
  assert.deepEqual(resume(s, 71000), s); // resuming while running changes nothing
  let out = advance(s, 70500);
  assert.deepEqual(out.events, [{ type: "count", index: 0, n: 2, at: 70500 }]);
  out = advance(out.state, 71500);
  assert.deepEqual(out.events, [{ type: "count", index: 0, n: 1, at: 71500 }]);
  out = advance(out.state, 72500);
  assert.deepEqual(out.events, [{ type: "step", index: 1, at: 72500 }, { type: "rep", index: 1, rep: 1, phase: "up", at: 72500 }]);
  s = out.state;
  assert.deepEqual(position(s, 80000), { index: 1, elapsed_ms: 7500, remaining_ms: 72500, rep: 2, phase: "down" });
  s = resume(pause(s, 80000), 90000); // 10 s paused in the middle of the set
  assert.deepEqual(position(s, 90000), { index: 1, elapsed_ms: 7500, remaining_ms: 72500, rep: 2, phase: "down" });
  assert.equal(s.paused_total_ms, 77500);
  out = advance(s, 162500); // 72.5 + 80 + 10 s
  assert.deepEqual(out.events, [{ type: "step", index: 2, at: 162500 }]);
  assert.deepEqual(out.state.log[1], { status: "completed", reps_done: 20, seconds_done: null });
  assert.equal(advance(s, 162499).state.index, 1);
});

test("skip marks the step skipped with what was done and begins the next; it works while paused", () => {
  const steps = buildSteps(HIP, OPTIONS);
  let s = skip(start(steps, 0, COUNTDOWN), 1000);
  assert.equal(s.index, 1);
  assert.equal(s.started_at, 1000);
  assert.deepEqual(s.log[0], { status: "skipped", reps_done: null, seconds_done: 1 });
  assert.deepEqual(advance(s, 1000).events, [{ type: "step", index: 1, at: 1000 }, { type: "rep", index: 1, rep: 1, phase: "up", at: 1000 }]);
  s = skip(s, 11000); // 10 s into the set: 2 whole reps
  assert.deepEqual(s.log[1], { status: "skipped", reps_done: 2, seconds_done: null });
  assert.deepEqual([s.index, s.started_at], [2, 11000]);
  s = skip(pause(s, 12000), 15000);
  assert.deepEqual([s.index, s.started_at, s.paused_at, s.paused_total_ms], [3, 15000, 15000, 3000]);
  assert.deepEqual(position(s, 20000), { index: 3, elapsed_ms: 0, remaining_ms: 80000, rep: 1, phase: "up" });
  s = resume(s, 20000);
  assert.equal(s.paused_total_ms, 8000);
  assert.deepEqual(position(s, 24000), { index: 3, elapsed_ms: 4000, remaining_ms: 76000, rep: 2, phase: "up" });
  // Skipping a step whose time is already up skips the one the clock is on, not the stale one.
  const late = skip(s, 20000 + 80000 + 3000); // the right side ended at 100 s; the rest began
  assert.equal(late.index, 5);
  assert.deepEqual(late.log.slice(3, 5), [{ status: "completed", reps_done: 20, seconds_done: null },
    { status: "skipped", reps_done: null, seconds_done: 3 }]);
  assert.deepEqual(record(late, steps), {
    items: [{ item: "straight-leg-raise", sets: [
      { set: 1, side: "left", phase: null, reps_done: 2, seconds_done: null, skipped: true },
      { set: 1, side: "right", phase: null, reps_done: 20, seconds_done: null, skipped: false }] }],
    skipped_steps: 1,
    completed: false,
    early: true,
  });
});

test("back restarts the step before, both to do again; at the first step it restarts it", () => {
  const steps = buildSteps(HIP, OPTIONS);
  let s = advance(start(steps, 0, COUNTDOWN), 90000).state; // the switch, begun at 85 s
  assert.equal(s.index, 2);
  s = back(s, 90000);
  assert.deepEqual([s.index, s.started_at, s.finished], [1, 90000, false]);
  assert.deepEqual(s.log.slice(0, 3).map((e) => e.status), ["completed", "pending", "pending"]);
  assert.deepEqual(advance(s, 90000).events, [{ type: "step", index: 1, at: 90000 }, { type: "rep", index: 1, rep: 1, phase: "up", at: 90000 }]);
  assert.deepEqual(position(s, 90000), { index: 1, elapsed_ms: 0, remaining_ms: 80000, rep: 1, phase: "up" });
  s = back(s, 91000);
  assert.deepEqual([s.index, s.started_at, s.log[0].status], [0, 91000, "pending"]);
  s = back(s, 92000);
  assert.deepEqual([s.index, s.started_at], [0, 92000]);
  const after = advance(s, 92000 + HIP_END).state;
  assert.equal(after.finished, true);
  assert.equal(record(after, steps).completed, true);
});

test("end stops early: the current set is partial, the rest not done, and the session is over", () => {
  const steps = buildSteps(HIP, OPTIONS);
  const s = end(start(steps, 0, COUNTDOWN), 15000); // 10 s into the first set: 2 reps
  assert.deepEqual([s.index, s.finished], [30, true]);
  assert.deepEqual(s.log[1], { status: "partial", reps_done: 2, seconds_done: null });
  assert.ok(s.log.slice(2).every((e) => e.status === "pending"));
  const out = advance(s, 15000);
  assert.deepEqual(out.events, [{ type: "step", index: 30, at: 15000 }, { type: "done", at: 15000 }]);
  assert.deepEqual(advance(out.state, 20000).events, []);
  assert.deepEqual(record(s, steps), {
    items: [{ item: "straight-leg-raise", sets: [{ set: 1, side: "left", phase: null, reps_done: 2, seconds_done: null, skipped: false }] }],
    skipped_steps: 0,
    completed: false,
    early: true,
  });
  for (const op of [pause, resume, skip, back, tap, end]) assert.deepEqual(op(s, 30000), s, op.name);
  assert.deepEqual(end(start(steps, 0, COUNTDOWN), 0).log[0].status, "pending"); // nothing of the lead-in was done
  assert.throws(() => record(s, steps.slice(1)), /record needs the steps the session was started with/);
});

test("tap mode: one tap per rep, the step ends exactly at the target and never by the clock", () => {
  const steps = buildSteps(HIP, TAP);
  let s = advance(start(steps, 0, COUNTDOWN), 0).state;
  assert.deepEqual(tap(s, 4000), s); // a tap on the lead-in counts nothing
  const out = advance(s, 5000);
  assert.deepEqual(out.events, [{ type: "step", index: 1, at: 5000 }]); // no guided reps in tap mode
  s = out.state;
  for (let i = 1; i <= 19; i += 1) s = tap(s, 5000 + i * 1000);
  assert.deepEqual([s.index, s.taps[1]], [1, 19]);
  assert.deepEqual(position(s, 24000), { index: 1, elapsed_ms: 19000, remaining_ms: null, rep: 20, phase: null });
  assert.equal(advance(s, 10 ** 7).state.index, 1); // the clock never ends a tapped set
  s = pause(s, 25000);
  assert.equal(tap(s, 26000).taps[1], 19); // a tap while paused counts nothing
  s = tap(resume(s, 30000), 31000);
  assert.deepEqual([s.index, s.started_at], [2, 31000]);
  assert.deepEqual(s.log[1], { status: "completed", reps_done: 20, seconds_done: null });
  assert.deepEqual(advance(s, 31000).events, [{ type: "step", index: 2, at: 31000 }]);
  const partial = end(tap(tap(skip(s, 32000), 33000), 34000), 35000); // 2 taps on the right side, then stop
  assert.deepEqual(partial.log[3], { status: "partial", reps_done: 2, seconds_done: null });
  const all = tapThrough(steps);
  const result = record(all, steps);
  assert.equal(result.completed, true);
  assert.deepEqual(result.items.map((i) => i.sets.map((set) => set.reps_done)), [Array(6).fill(20), Array(6).fill(20), Array(3).fill(20)]);
});

test("no operation changes the state it is given", () => {
  const steps = /** @type {Step[]} */ (deepFreeze(buildSteps(HIP, TAP)));
  const states = [start(steps, 0, COUNTDOWN), advance(start(steps, 0, COUNTDOWN), 7000).state, pause(advance(start(steps, 0, COUNTDOWN), 7000).state, 8000)];
  for (const s of states) {
    deepFreeze(s);
    const before = JSON.stringify(s);
    for (const op of [pause, resume, skip, back, tap, end]) assert.notEqual(op(s, 9000), s, op.name);
    assert.notEqual(advance(s, 9000).state, s);
    position(s, 9000);
    record(s, steps);
    assert.equal(JSON.stringify(s), before);
  }
});

test("a bad list of steps is refused", () => {
  assert.throws(() => start([], 0), /a session needs a list of steps ending with the done step/);
  assert.throws(() => start(buildSteps(HIP, OPTIONS).slice(0, -1), 0), /ending with the done step/);
  assert.throws(() => start(buildSteps(HIP, OPTIONS), NaN), /start needs a time/);
});

/** A short routine with every kind of step, so random operations reach them all. @type {Routine} */
const SHORT = { id: "short", title: "Short", items: [
  { id: "a", title: "A", kind: "strength", each_side: true, dose: { shape: "reps", sets: 2, reps: 3 } },
  { id: "b", title: "B", kind: "stretch", each_side: false, dose: { shape: "hold", holds: 2, seconds: 5 } },
  { id: "c", title: "C", kind: "run-walk", each_side: false, dose: { shape: "intervals", parts: [{ phase: "walk", minutes: 0.1 }, { phase: "run", minutes: 0.05 }] } },
] };
/** @type {Options} */
const SHORT_OPTIONS = { tempo: { up_s: 1, down_s: 1.5 }, rest: { between_sets_s: 4, between_items_s: 3 }, switch_s: 2,
  lead_in_s: 3, first_side: "right", rep_mode: "tempo" };

test("property: any operations at non-decreasing times keep the machine consistent", () => {
  const op = fc.record({
    name: fc.constantFrom("advance", "pause", "resume", "skip", "back", "tap", "end", "position"),
    dt: fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 40000 })),
  });
  fc.assert(fc.property(fc.constantFrom("tempo", "tap"), fc.integer({ min: 0, max: 10 ** 12 }), fc.array(op, { maxLength: 80 }),
    (mode, t0, ops) => {
      const steps = buildSteps(SHORT, { ...SHORT_OPTIONS, rep_mode: /** @type {"tempo" | "tap"} */ (mode) });
      let s = start(steps, t0, COUNTDOWN);
      let now = t0;
      let ended = false;
      for (const { name, dt } of ops) {
        now += dt;
        const before = JSON.stringify(s);
        if (name === "advance") {
          const out = advance(s, now);
          let last = -Infinity;
          for (const e of out.events) {
            assert.ok(e.at <= now && e.at >= t0 && e.at >= last, JSON.stringify(e));
            last = e.at;
          }
          s = out.state;
        } else if (name === "position") {
          position(s, now);
        } else {
          s = { pause, resume, skip, back, tap, end }[name](s, now);
          if (name === "end") ended = true;
        }
        assert.equal(JSON.stringify(JSON.parse(before)), before); // the state given is plain data, unchanged
        assert.ok(Number.isInteger(s.index) && s.index >= 0 && s.index < steps.length);
        assert.equal(s.finished, s.index === steps.length - 1);
        const at = position(s, now);
        assert.equal(at.index, advance(s, now).state.index);
        assert.ok(at.elapsed_ms >= 0 && s.paused_ms >= 0 && s.paused_total_ms >= 0);
        const duration = steps[at.index].duration_ms;
        if (duration !== null) assert.ok(at.elapsed_ms <= duration && at.remaining_ms === duration - at.elapsed_ms);
        assert.ok(s.log.slice(s.index + 1).every((e) => e.status === "pending"));
        if (!ended) assert.ok(s.log.slice(0, s.index).every((e) => e.status !== "pending"));
        assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
        const saved = record(s, steps);
        assert.ok(saved.skipped_steps >= 0 && (!saved.completed || s.finished));
      }
    }), { numRuns: 300 });
});

test("property: however the ticks fall, the session is at the same step and point as one tick", () => {
  const steps = buildSteps(SHORT, SHORT_OPTIONS);
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20000 }), { maxLength: 30 }), (gaps) => {
    let s = start(steps, 0, COUNTDOWN);
    let now = 0;
    for (const gap of gaps) s = advance(s, (now += gap)).state;
    const once = advance(start(steps, 0, COUNTDOWN), now).state;
    assert.deepEqual(position(s, now), position(once, now));
    assert.deepEqual([s.index, s.started_at, s.log], [once.index, once.started_at, once.log]);
  }), { numRuns: 300 });
});

test("the countdown is the data's: none when it is 0, and a switch of sides counts down too", () => {
  const steps = buildSteps(HIP, OPTIONS);
  const silent = tickThrough(start(steps, 0, 0), 0, HIP_END, 250).events;
  assert.equal(silent.filter((e) => e.type === "count").length, 0);
  const two = tickThrough(start(steps, 0, 2), 0, 96000, 250).events.filter((e) => e.type === "count");
  assert.deepEqual(two.map(({ tick, ...e }) => e), [
    { type: "count", index: 0, n: 2, at: 3000 }, { type: "count", index: 0, n: 1, at: 4000 },
    { type: "count", index: 2, n: 2, at: 93000 }, { type: "count", index: 2, n: 1, at: 94000 },
  ]);
  assert.throws(() => start(steps, 0, -1), /countdown/);
});

test("a session that reached its end with a set skipped is not early; one ended before is", () => {
  const steps = buildSteps(HIP, OPTIONS);
  const skipped = advance(skip(start(steps, 0, COUNTDOWN), 6000), 6000 + HIP_END).state;
  assert.deepEqual([skipped.finished, record(skipped, steps).early, record(skipped, steps).completed], [true, false, false]);
  const ended = end(advance(start(steps, 0, COUNTDOWN), 200000).state, 200000);
  assert.equal(record(ended, steps).early, true);
});
