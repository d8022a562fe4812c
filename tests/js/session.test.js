// player/core/session.js: the steps of the shipped routines, their order and sides, the time they take,
// each dose shape, and doses the generator should never write (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSteps, cycleSpells, estimateMs } from "../../overrides/assets/javascripts/player/core/session.js";

/**
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Routine} Routine
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Options} Options
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Step} Step
 * @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Item} Item
 */

/** The options the protocol gives (data/protocol.yml through the page data). @type {Options} */
const OPTIONS = { tempo: { up_s: 2, down_s: 2 }, rest: { between_sets_s: 30, between_items_s: 30 }, switch_s: 10,
  lead_in_s: 5, first_side: "left", rep_mode: "tempo" };

/**
 * @param {string} id
 * @param {boolean} eachSide
 * @returns {Item}
 */
const strength = (id, eachSide) => ({ id, title: id, kind: "strength", each_side: eachSide, dose: { shape: "reps", sets: 3, reps: 20 } });
/**
 * @param {string} id
 * @returns {Item}
 */
const stretch = (id) => ({ id, title: id, kind: "stretch", each_side: true, dose: { shape: "hold", holds: 3, seconds: 30 } });

/** @type {Routine} */
const HIP = { id: "hip-strength-1", title: "Hip strength, level 1",
  items: [strength("straight-leg-raise", true), strength("clams", true), strength("bridge-with-band", false)] };

/** @type {Routine} */
const STRETCHES = { id: "daily-stretches", title: "Daily stretches",
  items: ["calf-stretch", "hamstring-stretch", "quad-stretch", "hip-flexor-stretch"].map(stretch) };

/** Every dose shape in one routine (the example of the issue). @type {Routine} */
const MIXED = { id: "hip-strength-1", title: "Hip strength, level 1", items: [
  strength("straight-leg-raise", true),
  { id: "bridge-with-band", title: "Bridges with a band", kind: "strength", each_side: false, dose: { shape: "reps", sets: 3, reps: 20 } },
  stretch("calf-stretch"),
  { id: "heat", title: "Heat", kind: "recovery", each_side: false, dose: { shape: "minutes", minutes: 30 } },
  { id: "foam-roller", title: "Foam roller", kind: "recovery", each_side: false,
    dose: { shape: "minutes-range", minutes_min: 1, minutes_max: 2, per: "each stiff muscle" } },
  { id: "ice", title: "Ice", kind: "recovery", each_side: false,
    dose: { shape: "cycle", minutes_on: 20, minutes_off: 20, hours_min: 1, hours_max: 2 } },
  { id: "stage-1", title: "Stage 1", kind: "run-walk", each_side: false,
    dose: { shape: "intervals", parts: [{ phase: "walk", minutes: 5 }, { phase: "run", minutes: 1 }, { phase: "walk", minutes: 1 }] } },
] };

/**
 * A step in a few words: kind, item, set/sets, side or phase, seconds.
 * @param {Step} s
 * @returns {string}
 */
function brief(s) {
  const secs = s.duration_ms === null ? "tap" : `${s.duration_ms / 1000}s`;
  if (s.kind === "lead-in" || s.kind === "done") return `${s.kind} ${secs}`;
  return `${s.kind} ${s.id} ${s.set}/${s.sets} ${s.side ?? s.phase ?? "-"} ${secs}`;
}

/**
 * The lines of one each-side strength item of 3 × 20 (80 s a side at 2 s up, 2 s down).
 * @param {string} id
 * @param {string} a first side
 * @param {string} b second side
 * @returns {string[]}
 */
function eachSide(id, a, b) {
  return [1, 2, 3].flatMap((set) => [
    ...(set > 1 ? [`rest ${id} ${set}/3 - 30s`] : []),
    `reps ${id} ${set}/3 ${a} 80s`, `switch ${id} ${set}/3 ${b} 10s`, `reps ${id} ${set}/3 ${b} 80s`]);
}

test("hip-strength-1, left first: 31 steps in order, each side every set, rests between sets and items", () => {
  const steps = buildSteps(HIP, OPTIONS);
  assert.equal(steps.length, 31);
  assert.deepEqual(steps.map(brief), [
    "lead-in 5s",
    ...eachSide("straight-leg-raise", "left", "right"),
    "rest clams 1/3 - 30s",
    ...eachSide("clams", "left", "right"),
    "rest bridge-with-band 1/3 - 30s",
    "reps bridge-with-band 1/3 - 80s", "rest bridge-with-band 2/3 - 30s", "reps bridge-with-band 2/3 - 80s",
    "rest bridge-with-band 3/3 - 30s", "reps bridge-with-band 3/3 - 80s",
    "done 0s",
  ]);
  // The written-out sequence above, first lines spelt in full so the helper cannot hide a mistake.
  assert.deepEqual(steps.slice(1, 6).map(brief), ["reps straight-leg-raise 1/3 left 80s", "switch straight-leg-raise 1/3 right 10s",
    "reps straight-leg-raise 1/3 right 80s", "rest straight-leg-raise 2/3 - 30s", "reps straight-leg-raise 2/3 left 80s"]);
  assert.deepEqual(steps[1], { kind: "reps", item: 0, id: "straight-leg-raise", set: 1, sets: 3, side: "left", duration_ms: 80000,
    reps: 20, up_ms: 2000, down_ms: 2000, phase: null });
  // 5 lead-in + 2 × (3 sets × (80 + 10 + 80) + 2 rests × 30 = 570) + 2 item rests × 30
  // + bridges 3 × 80 + 2 × 30 = 300  →  5 + 1140 + 60 + 300 = 1505 s.
  assert.equal(estimateMs(steps), 1505000);
});

test("hip-strength-1, right first: every set starts on the right, nothing else moves", () => {
  const left = buildSteps(HIP, OPTIONS);
  const right = buildSteps(HIP, { ...OPTIONS, first_side: "right" });
  assert.deepEqual(right.slice(0, 12).map(brief), ["lead-in 5s", ...eachSide("straight-leg-raise", "right", "left")]);
  const flip = { left: "right", right: "left" };
  assert.deepEqual(right, left.map((s) => ({ ...s, side: s.side && flip[s.side] })));
  assert.equal(estimateMs(right), 1505000);
});

test("daily-stretches: four stretches, each side, 3 × 30 s", () => {
  const steps = buildSteps(STRETCHES, OPTIONS);
  // 1 lead-in + 4 × (3 × (hold, switch, hold) + 2 rests = 11) + 3 item rests + 1 done.
  assert.equal(steps.length, 49);
  const per = ["hold", "switch", "hold", "rest", "hold", "switch", "hold", "rest", "hold", "switch", "hold"];
  assert.deepEqual(steps.map((s) => s.kind), ["lead-in", ...per, "rest", ...per, "rest", ...per, "rest", ...per, "done"]);
  assert.deepEqual(steps.filter((s) => s.kind === "hold").map((s) => s.side).slice(0, 6), ["left", "right", "left", "right", "left", "right"]);
  assert.deepEqual(buildSteps(STRETCHES, { ...OPTIONS, first_side: "right" }).slice(1, 4).map(brief),
    ["hold calf-stretch 1/3 right 30s", "switch calf-stretch 1/3 left 10s", "hold calf-stretch 1/3 left 30s"]);
  assert.deepEqual(steps.slice(11, 14).map(brief),
    ["hold calf-stretch 3/3 right 30s", "rest hamstring-stretch 1/3 - 30s", "hold hamstring-stretch 1/3 left 30s"]);
  // 5 + 4 × (3 × (30 + 10 + 30) + 2 × 30 = 270) + 3 × 30 = 5 + 1080 + 90 = 1175 s.
  assert.equal(estimateMs(steps), 1175000);
});

test("every dose shape: minutes, a range (its longest), an ice cycle and run-walk intervals", () => {
  const steps = buildSteps(MIXED, OPTIONS);
  assert.equal(steps.length, 43);
  assert.deepEqual(steps.slice(30).map(brief), [
    "rest heat 1/1 - 30s", "timer heat 1/1 - 1800s",
    "rest foam-roller 1/1 - 30s", "timer foam-roller 1/1 - 120s",
    "rest ice 1/3 - 30s", "timer ice 1/3 on 1200s", "timer ice 2/3 off 1200s", "timer ice 3/3 on 1200s",
    "rest stage-1 1/3 - 30s", "timer stage-1 1/3 walk 300s", "timer stage-1 2/3 run 60s", "timer stage-1 3/3 walk 60s",
    "done 0s",
  ]);
  assert.equal(steps[31].item, 3);
  assert.equal(steps[33].item, 4); // the UI finds "each stiff muscle" in routine.items[4].dose.per
  // 5 + 570 (leg raises) + 300 (bridges) + 270 (calf) + 1800 (heat) + 120 (roller) + 3600 (ice)
  // + 420 (5 + 1 + 1 min) + 6 item rests × 30 = 7265 s.
  assert.equal(estimateMs(steps), 7265000);
});

test("an ice cycle fills hours_min with on/off spells and never ends on an off spell", () => {
  const phases = (/** @type {number} */ on, /** @type {number} */ off, /** @type {number} */ hours) =>
    cycleSpells({ minutes_on: on, minutes_off: off, hours_min: hours }).map((s) => `${s.phase}${s.minutes}`).join(" ");
  assert.equal(phases(20, 20, 1), "on20 off20 on20"); // 60 min, exactly the hour
  assert.equal(phases(20, 20, 2), "on20 off20 on20 off20 on20"); // 100 min; one more pair would be 140
  assert.equal(phases(20, 40, 1), "on20"); // off 40 + on 20 would end at 80 min
  assert.equal(phases(15, 15, 1), "on15 off15 on15"); // 45 min; a fourth and fifth spell would be 75
  assert.equal(phases(90, 20, 1), "on90"); // the first spell is always kept
});

test("tap mode: reps steps have no duration; the estimate counts them at the tempo", () => {
  const steps = buildSteps(HIP, { ...OPTIONS, rep_mode: "tap" });
  const reps = steps.filter((s) => s.kind === "reps");
  assert.equal(reps.length, 15);
  assert.ok(reps.every((s) => s.duration_ms === null && s.reps === 20 && s.up_ms === 2000 && s.down_ms === 2000));
  assert.equal(estimateMs(steps), 1505000);
  assert.equal(estimateMs(buildSteps(HIP, { ...OPTIONS, rep_mode: "tap", tempo: { up_s: 1, down_s: 2 } })),
    1505000 - 15 * 20 * 1000);
});

test("rests and switches of 0 s are left out; a lead-in of 0 s stays, passing at once", () => {
  const steps = buildSteps(HIP, { ...OPTIONS, rest: { between_sets_s: 0, between_items_s: 0 }, switch_s: 0, lead_in_s: 0 });
  assert.deepEqual(steps.map((s) => s.kind), ["lead-in", ...Array(15).fill("reps"), "done"]);
  assert.equal(steps[0].duration_ms, 0);
  assert.equal(estimateMs(steps), 15 * 80000);
});

test("a dose or option the generator should never write throws a clear error", () => {
  /**
   * @param {Record<string, unknown>} dose
   * @returns {Routine}
   */
  const routine = (dose) => ({ id: "r", title: "R", items: [/** @type {Item} */ ({ id: "x", title: "X", kind: "strength", each_side: false, dose })] });
  const cases = /** @type {[Record<string, unknown>, RegExp][]} */ ([
    [{ shape: "laps", laps: 3 }, /routine r, item x: dose: unknown dose shape "laps"/],
    [{ sets: 3, reps: 20 }, /unknown dose shape undefined/],
    [{ shape: "reps", sets: 0, reps: 20 }, /dose\.sets must be a positive whole number, not 0/],
    [{ shape: "reps", sets: 3, reps: -20 }, /dose\.reps must be a positive whole number, not -20/],
    [{ shape: "reps", sets: 2.5, reps: 20 }, /dose\.sets must be a positive whole number/],
    [{ shape: "reps", sets: "3", reps: 20 }, /dose\.sets must be a positive whole number, not 3/],
    [{ shape: "hold", holds: 3, seconds: 0 }, /dose\.seconds must be a positive number, not 0/],
    [{ shape: "hold", holds: 3, seconds: NaN }, /dose\.seconds must be a positive number, not NaN/],
    [{ shape: "minutes", minutes: -1 }, /dose\.minutes must be a positive number/],
    [{ shape: "minutes-range", minutes_min: 3, minutes_max: 2, per: "x" }, /minutes_min is larger than minutes_max/],
    [{ shape: "cycle", minutes_on: 20, minutes_off: 0, hours_min: 1, hours_max: 2 }, /dose\.minutes_off must be a positive number/],
    [{ shape: "cycle", minutes_on: 20, minutes_off: 20, hours_min: 3, hours_max: 2 }, /hours_min is larger than hours_max/],
    [{ shape: "cycle", minutes_on: 20, minutes_off: 20, hours_min: Infinity, hours_max: 2 }, /dose\.hours_min must be a positive number/],
    [{ shape: "intervals", parts: [] }, /dose\.parts must be a list of at least one part/],
    [{ shape: "intervals", parts: [{ phase: "jog", minutes: 1 }] }, /dose\.parts\[0\]\.phase must be "run" or "walk"/],
    [{ shape: "intervals", parts: [{ phase: "run", minutes: 1 }, { phase: "walk", minutes: 0 }] }, /dose\.parts\[1\]\.minutes must be a positive number/],
  ]);
  for (const [dose, message] of cases) assert.throws(() => buildSteps(routine(dose), OPTIONS), message, JSON.stringify(dose));
  assert.throws(() => buildSteps({ id: "empty", title: "E", items: [] }, OPTIONS), /routine empty: needs at least one item/);
  const good = routine({ shape: "reps", sets: 1, reps: 1 });
  const badOptions = /** @type {[Record<string, unknown>, RegExp][]} */ ([
    [{ tempo: { up_s: 0, down_s: 2 } }, /options\.tempo\.up_s must be a positive number/],
    [{ rest: { between_sets_s: -5, between_items_s: 30 } }, /options\.rest\.between_sets_s must be 0 or more seconds, not -5/],
    [{ switch_s: NaN }, /options\.switch_s must be 0 or more seconds/],
    [{ first_side: "both" }, /options\.first_side must be "left" or "right"/],
    [{ rep_mode: "voice" }, /options\.rep_mode must be "tempo" or "tap"/],
  ]);
  for (const [change, message] of badOptions) {
    assert.throws(() => buildSteps(good, /** @type {Options} */ ({ ...OPTIONS, ...change })), message, JSON.stringify(change));
  }
  const noTempo = /** @type {Step} */ ({ ...buildSteps(good, OPTIONS)[1], duration_ms: null, up_ms: null });
  assert.throws(() => estimateMs([noTempo]), /a reps step has neither a duration nor reps and a tempo/);
});

test("an exercise with a pace of its own is counted at it; the others at the options' pace", () => {
  /** @type {Item} */
  const slow = { ...strength("heel-drop", true), tempo: { up_s: 1, down_s: 3 } };
  const steps = buildSteps({ id: "r", title: "r", items: [strength("clams", false), slow] }, OPTIONS);
  const reps = steps.filter((s) => s.kind === "reps");
  assert.deepEqual(reps.filter((s) => s.id === "clams").map((s) => [s.up_ms, s.down_ms, s.duration_ms])[0], [2000, 2000, 20 * 4000]);
  assert.ok(reps.filter((s) => s.id === "heel-drop").every((s) => s.up_ms === 1000 && s.down_ms === 3000 && s.duration_ms === 20 * 4000));
  const tap = buildSteps({ id: "r", title: "r", items: [slow] }, { ...OPTIONS, rep_mode: "tap" });
  assert.equal(estimateMs(tap), estimateMs(buildSteps({ id: "r", title: "r", items: [slow] }, OPTIONS)), "tap mode estimates at its own pace");
  assert.throws(() => buildSteps({ id: "r", title: "r", items: [{ ...slow, tempo: { up_s: 0, down_s: 3 } }] }, OPTIONS), /tempo\.up_s/);
});
