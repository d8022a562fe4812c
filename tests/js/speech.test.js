// player/core/speech.js and timing.js: what is said when a step begins, and when the screen next changes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { start } from "../../overrides/assets/javascripts/player/core/player.js";
import { buildSteps } from "../../overrides/assets/javascripts/player/core/session.js";
import { repSaid, sentence, where } from "../../overrides/assets/javascripts/player/core/speech.js";
import { clock, nextTick } from "../../overrides/assets/javascripts/player/core/timing.js";

/** @typedef {import("../../overrides/assets/javascripts/player/core/session.js").Routine} Routine */

// Words of the test's own (the page's come from data/player.yml).
const WORDS = { set_of: "Set {set} of {sets}", side: "{side} leg", left: "Left", right: "Right", get_ready: "Get ready",
  next_up: "Next: {title}", rest: "Rest", switch: "Switch sides", done: "Done", hold: "Hold", run: "Run", walk: "Walk",
  phase_on: "On", phase_off: "Off", timer_per: "{per}" };
/** @type {Routine} */
const ROUTINE = { id: "r", title: "R", items: [
  { id: "clams", title: "Clams", kind: "strength", each_side: true, dose: { shape: "reps", sets: 2, reps: 3 } },
  { id: "calf", title: "Calf", kind: "stretch", each_side: false, dose: { shape: "hold", holds: 1, seconds: 30 } }] };
const OPTIONS = { tempo: { up_s: 2, down_s: 2 }, rest: { between_sets_s: 30, between_items_s: 30 }, switch_s: 10, lead_in_s: 5,
  first_side: /** @type {const} */ ("left"), rep_mode: /** @type {const} */ ("tempo") };

test("each step's sentence names what it is, the set and the side", () => {
  const steps = buildSteps(ROUTINE, OPTIONS);
  const said = steps.map((s) => sentence(s, WORDS, /** @type {any} */ (ROUTINE.items)));
  assert.deepEqual(said, ["Get ready. Next: Clams", "Clams. Set 1 of 2. Left leg", "Switch sides. Right leg", "Clams. Set 1 of 2. Right leg",
    "Rest. Next: Clams. Set 2 of 2", "Clams. Set 2 of 2. Left leg", "Switch sides. Right leg", "Clams. Set 2 of 2. Right leg",
    "Rest. Next: Calf", "Calf. Hold", "Done"]);
  assert.deepEqual(where(steps[9], WORDS, /** @type {any} */ (ROUTINE.items)), []);
});

test("time left is written m:ss, rounded up; the next tick comes just past the next change", () => {
  assert.deepEqual([clock(65000), clock(64001), clock(0), clock(-5)], ["1:05", "1:05", "0:00", "0:00"]);
  const state = start(buildSteps(ROUTINE, OPTIONS), 0, 3);
  assert.equal(nextTick(state, 0), 1001); // a second of the lead-in
  assert.equal(nextTick(state, 4500), 501);
  assert.equal(nextTick(state, 5500), 501);
  const slow = start(buildSteps(ROUTINE, { ...OPTIONS, tempo: { up_s: 1.5, down_s: 1.5 } }), 0, 3);
  assert.equal(nextTick(slow, 6200), 301); // the half rep changes at 6.5 s, before the next second
});

test("a guided repetition says its count and up, then down; an exercise whose work is the lowering says its own words", () => {
  const words = { ...WORDS, up: "Up", down: "Down", say_up: "{rep}, up", say_lowering_up: "{rep}. {up}" };
  const plain = { title: "Clams", dose: null };
  const lowering = { title: "Drops", dose: null, lowering: { up: "Rise on two", down: "Lower on one" } };
  assert.equal(repSaid("up", 3, plain, words, "en"), "3, up");
  assert.equal(repSaid("down", 3, plain, words, "en"), "Down");
  assert.equal(repSaid("up", 1200, lowering, words, "en"), "1,200. Rise on two");
  assert.equal(repSaid("down", 4, lowering, words, "en"), "Lower on one");
  assert.equal(repSaid("up", 2, undefined, words, "en"), "2, up", "no item (a lead-in): the plain words");
});
