// bmi/core/bmi.js: numbers as people type them, both unit systems, bands at their edges.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bandOf, bmi, imperial, metric, parseNumber } from "../../overrides/assets/javascripts/bmi/core/bmi.js";

const LIMITS = { height_m_min: 0.5, height_m_max: 2.75, weight_kg_min: 20, weight_kg_max: 400 };
const BANDS = [
  { label: "Underweight", from: null, below: 18.5 },
  { label: "Healthy weight", from: 18.5, below: 25 },
  { label: "Overweight", from: 25, below: 30 },
  { label: "Obesity", from: 30, below: null },
];

test("numbers are read as typed, with a comma or a point", () => {
  assert.equal(parseNumber("72", false), 72);
  assert.equal(parseNumber(" 72,5 ", false), 72.5);
  assert.ok(Number.isNaN(parseNumber("", false)));
  assert.equal(parseNumber("", true), 0);
  for (const bad of ["0", "-3", "abc", "1e3", "12.3.4", "Infinity", "0x10", "12345"]) {
    assert.ok(Number.isNaN(parseNumber(bad, false)), bad);
  }
});

test("metric and imperial give the same BMI for the same person", () => {
  const m = bmi(metric({ cm: "180", kg: "81" }), LIMITS);
  const i = bmi(imperial({ ft: "5", in: "10.866", st: "12", lb: "10.57" }), LIMITS);
  assert.equal(m, 25);
  assert.equal(i, 25);
});

test("a measure no adult could have is refused", () => {
  assert.equal(bmi(metric({ cm: "1800", kg: "80" }), LIMITS), null);
  assert.equal(bmi(metric({ cm: "180", kg: "0" }), LIMITS), null);
  assert.equal(bmi(metric({ cm: "", kg: "80" }), LIMITS), null);
});

test("a band starts at its lower edge: 30.0 is obesity, 29.9 is not", () => {
  assert.equal(bandOf(BANDS, 30)?.label, "Obesity");
  assert.equal(bandOf(BANDS, 29.9)?.label, "Overweight");
  assert.equal(bandOf(BANDS, 18.5)?.label, "Healthy weight");
  assert.equal(bandOf(BANDS, 12)?.label, "Underweight");
});
