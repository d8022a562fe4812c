// lib/words.js: slots in sentences from the page data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fill } from "../../overrides/assets/javascripts/lib/words.js";

test("slots are filled with the values given and others are left as they are", () => {
  assert.equal(fill("Question {n} of up to {total}", { n: 2, total: 7 }), "Question 2 of up to 7");
  assert.equal(fill("Hello {name}", {}), "Hello {name}");
  assert.equal(fill("{toString}", {}), "{toString}");
  assert.equal(fill("{n}{n}", { n: "$&" }), "$&$&");
});
