// flowchart/core/flowchart.js: answers in the hash, the walk, and hostile hashes (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { decode, encode, hashOf, longest, MAX_HASH_LENGTH, walk } from "../../overrides/assets/javascripts/flowchart/core/flowchart.js";

/** @typedef {import("../../overrides/assets/javascripts/flowchart/core/flowchart.js").Graph} Graph */

/** A small graph with a screen, a one-choice, a many-choice question and two outcomes. @type {Graph} */
const GRAPH = {
  start: "screen",
  parts: ["keys", "routines", "exercises", "recovery"],
  levels: { urgent: { title: "Urgent", action: "Get help today.", call: null } },
  links: {},
  nodes: {
    screen: { type: "question", question: "Any of these?", help: null, choose: "one", see: null, flags: ["a"], next: null,
      answers: [{ label: "Yes", next: "see-urgent", adds: {} }, { label: "No", next: "swelling", adds: {} }], options: [] },
    swelling: { type: "question", question: "Swelling?", help: null, choose: "one", see: null, flags: [], next: null,
      answers: [{ label: "Yes", next: "tight", adds: { routines: ["ice"], recovery: ["ice"], advice: ["Use ice."] } },
                { label: "No", next: "tight", adds: {} }], options: [] },
    tight: { type: "question", question: "Tight?", help: null, choose: "many", see: null, flags: [], next: "plan",
      answers: [], options: [{ label: "Calves", adds: { exercises: ["calf"], routines: ["stretch"] } },
                             { label: "Quads", adds: { exercises: ["quad"], routines: ["stretch"] } }] },
    "see-urgent": { type: "outcome", urgency: "urgent", title: "Get help today", advice: [], recommends: {} },
    plan: { type: "outcome", urgency: "self-care", title: "Your plan", advice: ["Go easy."],
      recommends: { keys: ["cut-back"], routines: ["hips"] } },
  },
};

test("a path is encoded in the hash and read back", () => {
  assert.equal(hashOf([1, 0, [0, 1]]), "#q=1.0.0-1");
  assert.equal(hashOf([1, 1, []]), "#q=1.1.n");
  assert.equal(hashOf([]), "");
  assert.deepEqual(decode(GRAPH, "#q=1.0.0-1"), [1, 0, [0, 1]]);
  assert.deepEqual(decode(GRAPH, "#q=1.1.n"), [1, 1, []]);
  assert.deepEqual(decode(GRAPH, ""), []);
});

test("the walk collects the plan once per item, in order, and the outcome's own parts", () => {
  const result = walk(GRAPH, [1, 0, [0, 1]]);
  assert.equal(result.id, "plan");
  assert.deepEqual(result.plan, {
    keys: ["cut-back"], routines: ["hips", "ice", "stretch"], exercises: ["calf", "quad"], recovery: ["ice"], advice: ["Use ice."],
  });
});

test("a see-a-clinician outcome collects nothing", () => {
  const result = walk(GRAPH, [0]);
  assert.equal(result.id, "see-urgent");
  assert.deepEqual(result.plan, { keys: [], routines: [], exercises: [], recovery: [], advice: [] });
});

test("the longest way on counts questions, not outcomes", () => {
  assert.equal(longest(GRAPH, "screen", {}), 3);
  assert.equal(longest(GRAPH, "tight", {}), 1);
  assert.equal(longest(GRAPH, "plan", {}), 0);
});

test("hashes that are no path from the start decode to null", () => {
  const bad = ["#q=2", "#q=1.2", "#q=1.0.1-0", "#q=1.0.0-0", "#q=1.0.2", "#q=1.0.n.0", "#q=01", "#q=-1", "#q=1.0.0-",
    "#q=1..0", "#q=1.0.n.", "#q=__proto__", "#q=constructor", "#q=1e1", "#q= 1", "#q=1.0.0-1-", "#q=99999"];
  for (const hash of bad) assert.equal(decode(GRAPH, hash), null, hash);
  assert.equal(decode(GRAPH, "#q=" + "1.".repeat(MAX_HASH_LENGTH)), null);
});

test("every valid path round-trips through the hash (property)", () => {
  const answers = fc.tuple(fc.constant(1), fc.integer({ min: 0, max: 1 }), fc.subarray([0, 1]));
  fc.assert(fc.property(answers, (path) => {
    assert.deepEqual(decode(GRAPH, hashOf(path)), path);
    assert.equal(walk(GRAPH, path).id, "plan");
  }), { numRuns: 500 });
});

test("any string as a hash decodes to a path or null, never throws (property)", () => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
    const result = decode(GRAPH, "#q=" + text);
    if (result !== null) assert.equal(encode(result), text.replace(/^$/, ""));
  }), { numRuns: 3000 });
  fc.assert(fc.property(fc.stringMatching(/^[0-9n.-]{0,20}$/), (text) => {
    const result = decode(GRAPH, "#q=" + text);
    if (result !== null) walk(GRAPH, result);
  }), { numRuns: 3000 });
});
