import { test } from "node:test";
import assert from "node:assert/strict";
import { counterpart, preferredOther } from "../../overrides/assets/javascripts/app/core/languages.js";

test("a page's counterpart keeps its address under the other language's root", () => {
  const root = new URL("https://h.example/guide/");
  const es = new URL("https://h.example/guide/es/");
  assert.equal(counterpart(new URL("https://h.example/guide/routines/clams/"), root, es), "https://h.example/guide/es/routines/clams/");
  assert.equal(counterpart(new URL("https://h.example/guide/es/keys/x/"), es, root), "https://h.example/guide/keys/x/");
  assert.equal(counterpart(new URL("https://h.example/guide/"), root, es), "https://h.example/guide/es/");
});

test("a page outside this language's root goes to the other language's home", () => {
  assert.equal(counterpart(new URL("https://h.example/elsewhere/"), new URL("https://h.example/guide/"), new URL("https://h.example/guide/es/")), "https://h.example/guide/es/");
});

test("the reader's first published language is offered only when it is not the page's", () => {
  assert.equal(preferredOther(["es-ES", "en"], "en", ["en", "es"]), "es");
  assert.equal(preferredOther(["en-GB", "es"], "en", ["en", "es"]), null);
  assert.equal(preferredOther(["fr", "es-MX"], "en", ["en", "es"]), "es");
  assert.equal(preferredOther(["fr"], "en", ["en", "es"]), null);
  assert.equal(preferredOther(["es"], "es", ["en", "es"]), null);
});
