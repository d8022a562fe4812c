// ladder/core/ladder.js against the same table of logs as generator/ladder.py (tests/data/ladder_rules.json).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { localDay } from "../../overrides/assets/javascripts/shared/core/days.js";
import { nextStep, runsOf } from "../../overrides/assets/javascripts/ladder/core/ladder.js";

const table = JSON.parse(readFileSync(new URL("../data/ladder_rules.json", import.meta.url), "utf8"));

for (const entry of table.cases) {
  test(entry.name, () => {
    /** @type {import("../../overrides/assets/javascripts/ladder/core/ladder.js").Run[]} */
    const runs = entry.runs.map((/** @type {[string, string, number | null, boolean | null]} */ r) => (
      { stage: r[0], day: r[1], pain: r[2], worse_next_morning: r[3] }));
    assert.deepEqual(nextStep(table.rules, runs, entry.today), entry.expect);
  });
}

test("a day that is not a date is a programming error", () => {
  assert.throws(() => nextStep(table.rules, [{ stage: "stage-1", day: "2026-12-01", pain: 0, worse_next_morning: false }], "today"));
  assert.throws(() => nextStep(table.rules, [{ stage: "stage-1", day: "1 Dec", pain: 0, worse_next_morning: false }], "2026-12-01"));
});

test("runsOf keeps the ladder's sessions, on their local day, with the next morning's answer", () => {
  const stages = ["stage-1", "stage-2"];
  /** @type {(y: number, m: number, d: number, h: number) => string} */
  const at = (y, m, d, h) => new Date(y, m - 1, d, h, 30).toISOString();
  const sessions = [
    { id: "a", stage: "stage-1", started: at(2026, 11, 2, 23), ended: null, pain: 1 },
    { id: "b", stage: null, started: at(2026, 11, 3, 8), ended: null, pain: 0 },
    { id: "c", stage: "stage-9", started: at(2026, 11, 4, 8), ended: null, pain: 0 },
    { id: "d", stage: "stage-2", started: null, ended: at(2026, 11, 5, 7), pain: null },
    { id: "e", stage: "stage-2", started: null, ended: null, pain: 2 },
  ];
  const checkins = [{ session: "a", worse: true }, { session: "b", worse: false }];
  assert.deepEqual(runsOf(sessions, checkins, stages), [
    { stage: "stage-1", day: "2026-11-02", pain: 1, worse_next_morning: true },
    { stage: "stage-2", day: "2026-11-05", pain: null, worse_next_morning: null },
  ]);
});

test("localDay is the device's calendar day, not UTC's", () => {
  assert.equal(localDay(new Date(2026, 0, 1, 0, 5)), "2026-01-01");
  assert.equal(localDay(new Date(2026, 11, 31, 23, 55)), "2026-12-31");
});
