// shared/core/words.js: slots in sentences from the page data, numbers and plurals in the guide's locale.
import assert from "node:assert/strict";
import { test } from "node:test";
import { counted, fill, number, plural } from "../../overrides/assets/javascripts/shared/core/words.js";

test("slots are filled with the values given and others are left as they are", () => {
  assert.equal(fill("Question {n} of up to {total}", { n: 2, total: 7 }), "Question 2 of up to 7");
  assert.equal(fill("Hello {name}", {}), "Hello {name}");
  assert.equal(fill("{toString}", {}), "{toString}");
  assert.equal(fill("{n}{n}", { n: "$&" }), "$&$&");
});

test("numbers are written as the locale writes them", () => {
  assert.equal(fill("{first} to {latest}", { first: 3.5, latest: 12000 }, "en-GB"), "3.5 to 12,000");
  assert.equal(fill("{first} to {latest}", { first: 3.5, latest: 12000 }, "es-ES"), "3,5 to 12.000");
  assert.equal(number(27.44, "en-GB", 1), "27.4");
  assert.equal(number(27.44, "de-DE", 1), "27,4");
  assert.equal(number(30, "en-GB", 1), "30.0");
});

test("a word with forms takes the one Intl.PluralRules gives for the count, else other", () => {
  const days = { one: "{done} day", other: "{done} days" };
  assert.equal(counted(days, 1, { done: 1 }, "en-GB"), "1 day");
  assert.equal(counted(days, 0, { done: 0 }, "en-GB"), "0 days");
  assert.equal(counted(days, 2, { done: 2 }, "en-GB"), "2 days");
  // Polish has "few" and "many": a word that gives them is used; one that does not falls back to other.
  const pl = { one: "{n} dzień", few: "{n} dni (few)", many: "{n} dni", other: "{n} dnia" };
  assert.equal(counted(pl, 3, { n: 3 }, "pl"), "3 dni (few)");
  assert.equal(counted(pl, 5, { n: 5 }, "pl"), "5 dni");
  assert.equal(plural({ one: "a", other: "b" }, 3, "pl"), "b");
  assert.equal(plural("the same sentence", 1, "en-GB"), "the same sentence");
  assert.equal(plural(/** @type {any} */ ({ other: "x", constructor: "y" }), 1, "en-GB"), "x");
});
