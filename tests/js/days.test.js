// shared/core/days.js: local days, the week in the guide's order, dates in the guide's locale.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, dayText, localDay, mondayFirst, weekOrder } from "../../overrides/assets/javascripts/shared/core/days.js";

test("English (UK) pages write 7 December 2026, never December 7, 2026", () => {
  assert.equal(dayText("2026-12-07", "en-GB"), "7 December 2026");
  assert.equal(dayText("2026-12-07", "en-GB", { weekday: "long", day: "numeric", month: "long" }), "Monday 7 December");
  assert.equal(dayText("2026-12-07", "en-US"), "December 7, 2026");
  assert.equal(dayText("2026-12-07", "es-ES"), "7 de diciembre de 2026");
  assert.equal(dayText("not a day", "en-GB"), "not a day");
});

test("a day is the device's calendar day, and days add across months and leap years", () => {
  assert.equal(localDay(new Date(2026, 11, 7, 23, 59)), "2026-12-07");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2026-03-01", -1), "2026-02-28");
  assert.equal(addDays("someday", 1), "");
});

test("the week starts on the configured day; names come from a Monday-first list", () => {
  assert.deepEqual(weekOrder(1), [1, 2, 3, 4, 5, 6, 0]);
  assert.deepEqual(weekOrder(0), [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(weekOrder(6), [6, 0, 1, 2, 3, 4, 5]);
  const names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  assert.deepEqual(weekOrder(0).map((d) => names[mondayFirst(d)]), ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);
});
