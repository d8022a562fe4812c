// plans/core/plan.js and check.js: a plan survives the link, a signature holds only for what was signed, and a forged
// or broken link is refused with its code, never an exception.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import fc from "fast-check";
import { checkPlan, protocolsOf, rangeOf } from "../../overrides/assets/javascripts/plans/core/check.js";
import {
  decodePayload, encodePlan, importPrivateKey, importPublicKey, parseFragment, signPayload, verifyPayload,
} from "../../overrides/assets/javascripts/plans/core/plan.js";

/**
 * @typedef {import("../../overrides/assets/javascripts/plans/core/plan.js").Plan} Plan
 * @typedef {import("../../overrides/assets/javascripts/plans/core/plan.js").Item} Item
 * @typedef {import("../../overrides/assets/javascripts/plans/core/plan.js").Dose} Dose
 * @typedef {import("../../overrides/assets/javascripts/plans/core/check.js").Library} Library
 */

/** @type {Library} */
const LIBRARY = {
  exercise: {
    clams: { title: "Clams", dose_shape: "reps" },
    "straight-leg-raise": { title: "Straight leg raises", dose_shape: "reps" },
    "wall-sit": { title: "Wall sit", dose_shape: "hold" },
  },
  recovery: {
    "easy-walk": { title: "Easy walk", dose_shape: "minutes" },
    "calf-stretch": { title: "Calf stretch", dose_shape: "hold" },
    // A tool never used for longer than so many minutes at a time (heat): its own bound.
    warmth: { title: "Warmth", dose_shape: "minutes", bounds: { minutes: { min: 1, max: 30 } } },
  },
  routine: { "hip-strength-1": { title: "Hip strength, level 1", dose_shape: null } },
  stage: { "walk-run-2": { title: "Walk-run, stage 2" } },
};
const BOUNDS = {
  reps: { sets: { min: 1, max: 5, default: 3 }, reps: { min: 1, max: 30, default: 20 } },
  hold: { holds: { min: 1, max: 5, default: 3 }, seconds: { min: 5, max: 60, default: 30 } },
  minutes: { minutes: { min: 1, max: 60, default: 20 } },
  plan: { clinician: { min: 1, max: 60 }, note: { min: 0, max: 500 }, items: { min: 1, max: 12 }, days_per_week: { min: 1, max: 7 } },
};
const LIMITS = { max_chars: 6000, max_bytes: 8192 };
/** What a person may not type: control characters (a newline aside), lone surrogates, bidi controls. */
const NOT_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NOTE_100 = "Ice the knee for ten minutes after a run. Stop any exercise that makes the pain sharp; call us then.";

/** @type {Plan} */
const TYPICAL = {
  v: 1, clinic: "harbourside", clinician: "Sam Patel", note: NOTE_100, start: "2026-12-01", review: "2027-01-12",
  how_often: { days_per_week: 3 },
  items: [
    { kind: "exercise", id: "clams", dose: { shape: "reps", sets: 2, reps: 15 } },
    { kind: "exercise", id: "straight-leg-raise", dose: { shape: "reps", sets: 3, reps: 12 } },
    { kind: "exercise", id: "wall-sit", dose: { shape: "hold", holds: 3, seconds: 30 } },
    { kind: "recovery", id: "easy-walk", dose: { shape: "minutes", minutes: 20 } },
    { kind: "routine", id: "hip-strength-1", dose: null },
    { kind: "stage", id: "walk-run-2", dose: null },
  ],
};

/** The payload of any JSON, made by node:zlib (not by the code under test). @param {unknown} wire */
const payloadOf = (wire) => rawPayload(new TextEncoder().encode(JSON.stringify(wire)));
/** @param {Uint8Array<ArrayBuffer>} bytes */
const rawPayload = (bytes) => zlib.deflateRawSync(bytes).toString("base64url");
/** @param {string} text */
const utf8 = (text) => new TextEncoder().encode(text);
/** The typical plan as a wire array, to break one part at a time. */
const WIRE = () => [1, "harbourside", "Sam Patel", "Note", "2026-12-01", "2027-01-12", 3, [[0, "clams", 0, 2, 15], [2, "hip-strength-1"]]];
/** @param {Plan} plan @param {Partial<Plan>} change @returns {Plan} */
const withPlan = (plan, change) => ({ ...plan, ...change });

const pairs = await Promise.all([0, 1].map(() =>
  crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"])));
const [{ privateKey, publicKey }, other] = pairs;

// ---- arbitraries -------------------------------------------------------------------------------

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
/** @param {number} max */
const text = (max) => fc.string({ unit: "binary", maxLength: max }).map((s) => s.replace(NOT_TEXT, "?"));
/**
 * A dose of a shape within the bounds (an item's own, where it has them, for minutes).
 * @param {keyof typeof BOUNDS.reps | string} shape @param {{minutes?: {min: number, max: number}}} [own]
 * @returns {fc.Arbitrary<Dose>}
 */
const doseOf = (shape, own = {}) => {
  /** @param {{min: number, max: number}} r */
  const n = (r) => fc.integer(r);
  if (shape === "reps") return fc.record({ shape: fc.constant("reps"), sets: n(BOUNDS.reps.sets), reps: n(BOUNDS.reps.reps) });
  if (shape === "hold") return fc.record({ shape: fc.constant("hold"), holds: n(BOUNDS.hold.holds), seconds: n(BOUNDS.hold.seconds) });
  return fc.record({ shape: fc.constant("minutes"), minutes: n(own.minutes ?? BOUNDS.minutes.minutes) });
};
/** An item from the fake library, its dose inside the bounds (or null: the guide's own). */
const knownItem = fc.constantFrom(...Object.entries(LIBRARY).flatMap(([kind, shelf]) =>
  Object.entries(shelf ?? {}).map(([id, entry]) => ({ kind, id, shape: entry.dose_shape ?? null, bounds: entry.bounds ?? {} }))))
  .chain(({ kind, id, shape, bounds }) => (shape ? fc.option(doseOf(shape, bounds), { nil: null }) : fc.constant(null))
    .map((dose) => /** @type {Item} */ ({ kind, id, dose })));
/** Any item of the right shape, known or not, with any dose (bounds are not the wire's business). */
const anyItem = fc.record({
  kind: fc.constantFrom("exercise", "recovery", "routine", "stage"),
  id: slug,
  dose: fc.option(fc.constantFrom("reps", "hold", "minutes").chain(doseOf), { nil: null }),
}).map((item) => /** @type {Item} */ (item));
const day = fc.integer({ min: Date.UTC(2000, 0, 1) / 864e5, max: Date.UTC(2099, 11, 31) / 864e5 })
  .map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
/** @param {fc.Arbitrary<Item>} item @returns {fc.Arbitrary<Plan>} */
const planOf = (item) => fc.record({
  v: fc.constant(/** @type {1} */ (1)),
  clinic: slug,
  clinician: text(60).filter((s) => !s.includes("\n") && s.length > 0),
  note: text(500),
  dates: fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  how_often: fc.record({ days_per_week: fc.integer({ min: 1, max: 7 }) }),
  items: fc.array(item, { minLength: 1, maxLength: 12 }),
  // Plain objects, as JSON.parse makes them (fast-check may make some without a prototype).
}).map(({ dates, ...rest }) => JSON.parse(JSON.stringify({ ...rest, start: dates[0], review: dates[1] })));

// ---- round trip --------------------------------------------------------------------------------

test("any plan of the right shape comes back from its payload unchanged", async () => {
  await fc.assert(fc.asyncProperty(planOf(anyItem), async (plan) => {
    const decoded = await decodePayload(await encodePlan(plan), LIMITS);
    assert.deepEqual(decoded, { ok: true, plan });
  }), { numRuns: 2000 });
});

test("a plan built from the guide within its bounds has no problem and every item ok", async () => {
  await fc.assert(fc.asyncProperty(planOf(knownItem), async (plan) => {
    const decoded = await decodePayload(await encodePlan(plan), LIMITS);
    assert.ok(decoded.ok);
    const checked = checkPlan(decoded.plan, LIBRARY, BOUNDS);
    assert.deepEqual(checked.problems, []);
    for (const item of checked.items) assert.equal(item.status, "ok", JSON.stringify(item));
  }), { numRuns: 300 });
});

test("encodePlan refuses what could not be read back", async () => {
  await assert.rejects(encodePlan(withPlan(TYPICAL, { note: "tab\there" })), /bad-shape note/);
  await assert.rejects(encodePlan(withPlan(TYPICAL, { clinic: "Harbour Side" })), /bad-shape clinic/);
  await assert.rejects(encodePlan(/** @type {Plan} */ (/** @type {unknown} */ ({ v: 1 }))), /bad-shape/);
});

// ---- signatures --------------------------------------------------------------------------------

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const payload = await encodePlan(TYPICAL);
const signature = await signPayload(privateKey, payload);

test("a signature verifies, and only with the key pair that made it", async () => {
  assert.equal(await verifyPayload(publicKey, payload, signature), true);
  assert.equal(await verifyPayload(other.publicKey, payload, signature), false);
  assert.equal(await verifyPayload(publicKey, payload, await signPayload(other.privateKey, payload)), false);
});

test("changing any one character of the payload or the signature breaks the signature", async () => {
  /** @param {string} s @param {number} at @param {number} by */
  const change = (s, at, by) => s.slice(0, at) + BASE64URL[(BASE64URL.indexOf(s[at]) + by) % 64] + s.slice(at + 1);
  await fc.assert(fc.asyncProperty(fc.nat(payload.length - 1), fc.integer({ min: 1, max: 63 }), async (at, by) => {
    assert.equal(await verifyPayload(publicKey, change(payload, at, by), signature), false);
  }), { numRuns: 300 });
  await fc.assert(fc.asyncProperty(fc.nat(signature.length - 1), fc.integer({ min: 1, max: 63 }), async (at, by) => {
    assert.equal(await verifyPayload(publicKey, payload, change(signature, at, by)), false);
  }), { numRuns: 300 });
});

test("changing any one byte of the signed bytes breaks the signature", async () => {
  const bytes = Buffer.from(payload, "base64url");
  const sig = Buffer.from(signature, "base64url");
  await fc.assert(fc.asyncProperty(fc.boolean(), fc.nat(1000), fc.integer({ min: 1, max: 255 }), async (inSig, at, xor) => {
    const target = new Uint8Array(inSig ? sig : bytes);
    target[at % target.length] ^= xor;
    const ok = inSig
      ? await verifyPayload(publicKey, payload, Buffer.from(target).toString("base64url"))
      : await verifyPayload(publicKey, Buffer.from(target).toString("base64url"), signature);
    assert.equal(ok, false);
  }), { numRuns: 300 });
});

test("the version is part of what is signed", async () => {
  const asV2 = new TextEncoder().encode(`p2.${payload}`);
  const sigV2 = Buffer.from(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, asV2)).toString("base64url");
  assert.equal(await verifyPayload(publicKey, payload, sigV2), false);
  const raw = new Uint8Array(Buffer.from(signature, "base64url"));
  assert.equal(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, raw, asV2), false);
  assert.deepEqual(parseFragment(`#p2.${payload}.${signature}`), { ok: false, error: "wrong-version" });
  // Exactly what is signed: the UTF-8 bytes of "p1." + payload, nothing less.
  assert.equal(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, raw, new TextEncoder().encode(`p1.${payload}`)), true);
  assert.equal(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, raw, new TextEncoder().encode(payload)), false);
  const bare = Buffer.from(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, new TextEncoder().encode(payload)));
  assert.equal(await verifyPayload(publicKey, payload, bare.toString("base64url")), false);
});

test("a malformed signature is false, never an exception", async () => {
  for (const bad of ["", "A", "!!!!", signature + "A", signature.slice(0, -1), signature + "==", "A".repeat(86),
    Buffer.alloc(64).toString("base64url"), /** @type {string} */ (/** @type {unknown} */ (null))]) {
    assert.equal(await verifyPayload(publicKey, payload, bad), false, String(bad));
  }
  // 86 characters carry 516 bits for 64 bytes: a last character that differs only in the spare bits is refused.
  const last = BASE64URL.indexOf(signature[85]);
  const spare = signature.slice(0, 85) + BASE64URL[last ^ 1];
  assert.equal(await verifyPayload(publicKey, payload, spare), false);
  assert.equal(await verifyPayload(/** @type {CryptoKey} */ (/** @type {unknown} */ ({})), payload, signature), false);
});

// ---- keys --------------------------------------------------------------------------------------

test("a PEM PKCS#8 private key signs what its public JWK verifies", async () => {
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const pem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const jwk = pair.publicKey.export({ format: "jwk" });
  const signing = await importPrivateKey(pem);
  const verifying = await importPublicKey({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  assert.ok(signing && verifying);
  assert.equal(signing.extractable, false);
  assert.equal(await verifyPayload(verifying, payload, await signPayload(signing, payload)), true);
  assert.equal(await verifyPayload(publicKey, payload, await signPayload(signing, payload)), false);
  // The same key as DER bytes and as a private JWK.
  const der = pair.privateKey.export({ type: "pkcs8", format: "der" });
  const fromDer = await importPrivateKey(new Uint8Array(der));
  const fromJwk = await importPrivateKey(pair.privateKey.export({ format: "jwk" }));
  assert.ok(fromDer && fromJwk);
  for (const key of [fromDer, fromJwk]) assert.equal(await verifyPayload(verifying, payload, await signPayload(key, payload)), true);
});

test("keys of another form or curve are refused with null", async () => {
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const sec1 = pair.privateKey.export({ type: "sec1", format: "pem" }).toString();
  const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
  const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
  const encrypted = pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "x" }).toString();
  for (const key of [sec1, encrypted, "", "-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----",
    p384.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    new Uint8Array([1, 2, 3])]) {
    assert.equal(await importPrivateKey(key), null);
  }
  const jwk = pair.publicKey.export({ format: "jwk" });
  const p384jwk = p384.publicKey.export({ format: "jwk" });
  for (const bad of [null, "key", {}, { ...jwk, crv: "P-384" }, { ...jwk, kty: "RSA" }, { ...jwk, x: `${jwk.x}=` },
    { ...jwk, x: jwk.y?.slice(1) }, { ...jwk, x: "A".repeat(43) }, p384jwk, { kty: "EC", crv: "P-256", x: jwk.x }]) {
    assert.equal(await importPublicKey(bad), null, JSON.stringify(bad));
  }
});

// ---- fragments ---------------------------------------------------------------------------------

test("a fragment is split without decoding; anything else is not a plan", () => {
  assert.deepEqual(parseFragment(`#p1.${payload}`), { ok: true, payload, signature: null });
  assert.deepEqual(parseFragment(`p1.${payload}.${signature}`), { ok: true, payload, signature });
  assert.deepEqual(parseFragment(""), { ok: false, error: "empty" });
  assert.deepEqual(parseFragment("#"), { ok: false, error: "empty" });
  assert.deepEqual(parseFragment(`#p9.${payload}`), { ok: false, error: "wrong-version" });
  for (const bad of ["#q=0.1.2", "#p1", "#p1.", `#p1..${signature}`, `#p1.${payload}.`, `#p1.${payload}.${signature}.x`,
    `#P1.${payload}`, `#p1.${payload}+`, `#p1.${payload}=`, "#p1.a b", `#x.${payload}`, "#p1.%41"]) {
    assert.deepEqual(parseFragment(bad), { ok: false, error: "not-a-plan" }, bad);
  }
});

test("a typical six-item plan makes a short link", async () => {
  const unsigned = `p1.${payload}`;
  const signed = `p1.${payload}.${signature}`;
  console.log(`typical plan (6 items, ${NOTE_100.length}-character note): payload ${payload.length} characters,`
    + ` fragment ${unsigned.length} unsigned, ${signed.length} signed, JSON of the plan ${JSON.stringify(TYPICAL).length}`);
  assert.equal(NOTE_100.length, 100);
  assert.ok(signed.length < 600, `${signed.length}`);
  const parsed = parseFragment(`#${signed}`);
  assert.ok(parsed.ok && parsed.signature);
  assert.equal(await verifyPayload(publicKey, parsed.payload, parsed.signature), true);
  assert.deepEqual(await decodePayload(parsed.payload, LIMITS), { ok: true, plan: TYPICAL });
});

// ---- malformed payloads ------------------------------------------------------------------------

/** @param {string} p @param {string} error @param {object} [limits] */
async function refused(p, error, limits = LIMITS) {
  const result = await decodePayload(p, /** @type {typeof LIMITS} */ (limits));
  assert.equal(result.ok, false, `${p.slice(0, 40)} decoded`);
  assert.equal(!result.ok && result.error, error, p.slice(0, 40));
  return result;
}

test("empty, over-long and non-base64 payloads are refused before inflating", async () => {
  await refused("", "empty");
  await refused("A".repeat(LIMITS.max_chars + 1), "too-long");
  for (const bad of [`${payload}=`, `${payload.slice(0, 10)}+${payload.slice(11)}`, `ab/cd`, "ab cd", "abé", "A", "AAAAA"]) {
    await refused(bad, "not-base64");
  }
});

test("a truncated payload is refused: not base64 or corrupt, never a plan", async () => {
  for (let cut = 1; cut < payload.length; cut++) {
    const result = await decodePayload(payload.slice(0, cut), LIMITS);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && ["not-base64", "corrupt"].includes(result.error), `${cut}: ${!result.ok && result.error}`);
  }
  await refused(payload.slice(0, payload.length - (payload.length % 4 || 4)), "corrupt");
});

test("base64 of bytes that are not deflate is corrupt", async () => {
  await refused(Buffer.from([0xff, 0xff, 0xff, 0xff]).toString("base64url"), "corrupt");
  await refused(Buffer.from("not deflate at all").toString("base64url"), "corrupt");
  await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), async (bytes) => {
    const result = await decodePayload(Buffer.from(bytes).toString("base64url"), LIMITS);
    assert.ok(!result.ok, "random bytes decoded to a plan");
  }), { numRuns: 300 });
});

test("a deflate bomb is refused as too big after inflating at most a little past the limit", async () => {
  const bomb = rawPayload(new Uint8Array(50 * 1024 * 1024));
  assert.ok(bomb.length < 100_000);
  // Count what the inflater hands over, to show the whole 50 MB is never produced.
  const Real = globalThis.DecompressionStream;
  let produced = 0;
  /** @type {any} */ (globalThis).DecompressionStream = class {
    /** @param {CompressionFormat} format */
    constructor(format) {
      const real = new Real(format);
      this.writable = real.writable;
      this.readable = real.readable.pipeThrough(new TransformStream({
        transform(chunk, out) { produced += chunk.byteLength; out.enqueue(chunk); },
      }));
    }
  };
  try {
    const started = performance.now();
    await refused(bomb, "too-big", { ...LIMITS, max_chars: 100_000 });
    const ms = performance.now() - started;
    assert.ok(ms < 1000, `took ${ms} ms`);
    assert.ok(produced < 2 * 1024 * 1024, `inflated ${produced} bytes`);
  } finally {
    globalThis.DecompressionStream = Real;
  }
  // With the page's own limits the bomb does not even fit in a link.
  await refused(bomb, "too-long");
  // A bomb small enough for a link still inflates past max_bytes.
  await refused(rawPayload(new Uint8Array(1024 * 1024)), "too-big");
});

test("inflated bytes that are not JSON, or not UTF-8, are refused", async () => {
  await refused(rawPayload(utf8("[1, \"harbourside\"")), "not-json");
  await refused(rawPayload(utf8("hello")), "not-json");
  await refused(rawPayload(new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d])), "not-json");
});

test("JSON of another version is refused as wrong-version", async () => {
  for (const v of [0, 2, "1", null, 1.5]) await refused(payloadOf([v, ...WIRE().slice(1)]), "wrong-version");
});

test("JSON of the wrong shape is refused with the path of what is wrong", async () => {
  /** @type {[unknown, string][]} */
  const cases = [
    [{ v: 1 }, ""],
    [[], ""],
    [WIRE().slice(0, 7), ""],
    [[...WIRE(), "extra"], ""],
    [Object.assign(WIRE(), { 1: "Harbourside" }), "clinic"],
    [Object.assign(WIRE(), { 2: 42 }), "clinician"],
    [Object.assign(WIRE(), { 2: "Sam\nPatel" }), "clinician"],
    [Object.assign(WIRE(), { 3: null }), "note"],
    [Object.assign(WIRE(), { 4: "1 Dec 2026" }), "start"],
    [Object.assign(WIRE(), { 5: 20270112 }), "review"],
    [Object.assign(WIRE(), { 6: "3" }), "how_often.days_per_week"],
    [Object.assign(WIRE(), { 6: 2.5 }), "how_often.days_per_week"],
    [Object.assign(WIRE(), { 7: {} }), "items"],
    [Object.assign(WIRE(), { 7: [[0]] }), "items.0"],
    [Object.assign(WIRE(), { 7: [{ kind: 0, id: "clams" }] }), "items.0"],
    [Object.assign(WIRE(), { 7: [[4, "clams"]] }), "items.0.kind"],
    [Object.assign(WIRE(), { 7: [["0", "clams"]] }), "items.0.kind"],
    [Object.assign(WIRE(), { 7: [[0, "Clams"]] }), "items.0.id"],
    [Object.assign(WIRE(), { 7: [[0, "clams"], [0, 7]] }), "items.1.id"],
    [Object.assign(WIRE(), { 7: [[0, "clams", 3, 2]] }), "items.0.dose.shape"],
    [Object.assign(WIRE(), { 7: [[0, "clams", 0, 2]] }), "items.0.dose"],
    [Object.assign(WIRE(), { 7: [[0, "clams", 2, 2, 15]] }), "items.0.dose"],
    [Object.assign(WIRE(), { 7: [[0, "clams", 0, 2.5, 15]] }), "items.0.dose.sets"],
    [Object.assign(WIRE(), { 7: [[1, "easy-walk", 2, "20"]] }), "items.0.dose.minutes"],
    [Object.assign(WIRE(), { 7: [[0, "wall-sit", 1, 3, null]] }), "items.0.dose.seconds"],
  ];
  for (const [wire, path] of cases) {
    const result = await refused(payloadOf(wire), "bad-shape");
    assert.equal(!result.ok && result.path, path, JSON.stringify(wire));
  }
  const huge = await refused(rawPayload(utf8(JSON.stringify(WIRE()).replace(",3,", ",1e400,"))), "bad-shape");
  assert.equal(!huge.ok && huge.path, "how_often.days_per_week");
});

test("__proto__ and constructor keys pollute nothing and are refused or unknown", async () => {
  const texts = [
    '{"__proto__": {"polluted": true}}',
    '[1, "harbourside", "Sam", "", "2026-12-01", "2027-01-12", 3, [{"__proto__": {"polluted": true}}]]',
    '[1, "harbourside", "Sam", "", "2026-12-01", "2027-01-12", 3, [[0, "__proto__"]]]',
    '[1, "harbourside", {"__proto__": {"polluted": true}}, "", "2026-12-01", "2027-01-12", 3, []]',
  ];
  for (const json of texts) await refused(rawPayload(utf8(json)), "bad-shape");
  assert.equal(/** @type {any} */ ({}).polluted, undefined);
  // "constructor" is a well-formed id, so it decodes, and is then not in this guide.
  const decoded = await decodePayload(payloadOf(Object.assign(WIRE(), { 7: [[0, "constructor"], [2, "constructor"]] })), LIMITS);
  assert.ok(decoded.ok);
  const checked = checkPlan(decoded.plan, LIBRARY, BOUNDS);
  assert.deepEqual(checked.items.map((i) => i.status), ["unknown", "unknown"]);
});

test("the note is refused with control characters other than a newline, or hidden direction marks", async () => {
  for (const bad of ["a\tb", "a\rb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u202eb", "a\u2066b", "a\ud800b", "\udc00", "\ud800\n\udc00"]) {
    const result = await refused(payloadOf(Object.assign(WIRE(), { 3: bad })), "bad-shape");
    assert.equal(!result.ok && result.path, "note", JSON.stringify(bad));
    assert.ok(checkPlan(withPlan(TYPICAL, { note: bad }), LIBRARY, BOUNDS).problems.includes("note-characters"));
  }
  const fine = "Line one\nLine two — déjà vu 🏃";
  const decoded = await decodePayload(payloadOf(Object.assign(WIRE(), { 3: fine })), LIMITS);
  assert.ok(decoded.ok && decoded.plan.note === fine);
});

test("an over-long note or clinician name is a problem; length counts characters, not UTF-16 units", () => {
  /** @param {Partial<Plan>} change */
  const problems = (change) => checkPlan(withPlan(TYPICAL, change), LIBRARY, BOUNDS).problems;
  assert.deepEqual(problems({ note: "x".repeat(500) }), []);
  assert.deepEqual(problems({ note: "🏃".repeat(500) }), []);
  assert.deepEqual(problems({ note: "x".repeat(501) }), ["note-length"]);
  assert.deepEqual(problems({ clinician: "S".repeat(60) }), []);
  assert.deepEqual(problems({ clinician: "S".repeat(61) }), ["clinician-length"]);
  assert.deepEqual(problems({ clinician: "" }), ["clinician-length"]);
  assert.deepEqual(problems({ clinician: "Sam\nPatel" }), ["clinician-characters"]);
});

test("an over-long note in a link decodes, then checkPlan refuses the plan", async () => {
  const decoded = await decodePayload(payloadOf(Object.assign(WIRE(), { 3: "x".repeat(501) })), LIMITS);
  assert.ok(decoded.ok);
  assert.deepEqual(checkPlan(decoded.plan, LIBRARY, BOUNDS).problems, ["note-length"]);
});

test("dates must be real, and the review not before the start; days a week 1 to 7; 1 to 12 items", () => {
  /** @param {Partial<Plan>} change */
  const problems = (change) => checkPlan(withPlan(TYPICAL, change), LIBRARY, BOUNDS).problems;
  assert.deepEqual(problems({ start: "2027-01-12" }), []);
  assert.deepEqual(problems({ start: "2027-01-13" }), ["review-before-start"]);
  assert.deepEqual(problems({ review: "2027-02-29" }), ["review-date"]);
  assert.deepEqual(problems({ start: "2028-02-29", review: "2028-03-01" }), []);
  assert.deepEqual(problems({ start: "2026-13-01" }), ["start-date"]);
  assert.deepEqual(problems({ start: "2026-00-10" }), ["start-date"]);
  assert.deepEqual(problems({ start: "0026-12-01" }), ["start-date"]);
  assert.deepEqual(problems({ start: "2026-12-1" }), ["start-date"]);
  assert.deepEqual(problems({ how_often: { days_per_week: 0 } }), ["days-per-week"]);
  assert.deepEqual(problems({ how_often: { days_per_week: 8 } }), ["days-per-week"]);
  assert.deepEqual(problems({ how_often: { days_per_week: 7 } }), []);
  assert.deepEqual(problems({ items: [] }), ["item-count"]);
  assert.deepEqual(problems({ items: Array(13).fill(TYPICAL.items[0]) }), ["item-count"]);
  assert.deepEqual(problems({ items: Array(12).fill(TYPICAL.items[0]) }), []);
});

test("ids not in this guide are listed as unknown, with no title, and refuse nothing else", () => {
  const plan = withPlan(TYPICAL, {
    items: [...TYPICAL.items, { kind: "exercise", id: "pistol-squat", dose: { shape: "reps", sets: 2, reps: 5 } },
      { kind: "stage", id: "clams", dose: null }, { kind: "routine", id: "tostring", dose: null }],
  });
  const checked = checkPlan(plan, LIBRARY, BOUNDS);
  assert.deepEqual(checked.problems, []);
  assert.deepEqual(checked.items.map((i) => i.status), ["ok", "ok", "ok", "ok", "ok", "ok", "unknown", "unknown", "unknown"]);
  assert.deepEqual(checked.items.map((i) => i.title), [
    "Clams", "Straight leg raises", "Wall sit", "Easy walk", "Hip strength, level 1", "Walk-run, stage 2", undefined, undefined, undefined]);
  assert.ok(!("title" in checked.items[6]));
  assert.deepEqual(checked.items[6].dose, plan.items[6].dose);
  // A library without a kind at all.
  assert.equal(checkPlan(TYPICAL, { exercise: LIBRARY.exercise }, BOUNDS).items[4].status, "unknown");
});

test("a dose outside its bounds, or of the wrong shape for the item, is out of bounds", () => {
  /** @param {Item} item */
  const status = (item) => checkPlan(withPlan(TYPICAL, { items: [item] }), LIBRARY, BOUNDS).items[0].status;
  /** @param {Dose | null} dose */
  const clams = (dose) => status({ kind: "exercise", id: "clams", dose });
  assert.equal(clams({ shape: "reps", sets: 5, reps: 30 }), "ok");
  assert.equal(clams({ shape: "reps", sets: 1, reps: 1 }), "ok");
  assert.equal(clams(null), "ok");
  assert.equal(clams({ shape: "reps", sets: 6, reps: 15 }), "out-of-bounds");
  assert.equal(clams({ shape: "reps", sets: 0, reps: 15 }), "out-of-bounds");
  assert.equal(clams({ shape: "reps", sets: 2, reps: 31 }), "out-of-bounds");
  assert.equal(clams({ shape: "reps", sets: 2, reps: -5 }), "out-of-bounds");
  assert.equal(clams({ shape: "reps", sets: 2.5, reps: 15 }), "out-of-bounds");
  assert.equal(clams({ shape: "hold", holds: 3, seconds: 30 }), "out-of-bounds");
  assert.equal(status({ kind: "exercise", id: "wall-sit", dose: { shape: "hold", holds: 3, seconds: 61 } }), "out-of-bounds");
  assert.equal(status({ kind: "exercise", id: "wall-sit", dose: { shape: "hold", holds: 3, seconds: 4 } }), "out-of-bounds");
  assert.equal(status({ kind: "recovery", id: "easy-walk", dose: { shape: "minutes", minutes: 61 } }), "out-of-bounds");
  assert.equal(status({ kind: "recovery", id: "easy-walk", dose: { shape: "minutes", minutes: 60 } }), "ok");
  assert.equal(status({ kind: "routine", id: "hip-strength-1", dose: { shape: "reps", sets: 2, reps: 10 } }), "out-of-bounds");
  assert.equal(status({ kind: "stage", id: "walk-run-2", dose: { shape: "minutes", minutes: 20 } }), "out-of-bounds");
  const checked = checkPlan(withPlan(TYPICAL, { items: [{ kind: "exercise", id: "clams", dose: { shape: "reps", sets: 9, reps: 15 } }] }), LIBRARY, BOUNDS);
  assert.equal(checked.items[0].title, "Clams");
  assert.deepEqual(checked.problems, []);
});

test("an item's own bounds narrow the general ones: a signed plan past them is refused too", () => {
  /** @param {number} minutes */
  const warmth = (minutes) => checkPlan(withPlan(TYPICAL, { items: [{ kind: "recovery", id: "warmth", dose: { shape: "minutes", minutes } }] }),
    LIBRARY, BOUNDS).items[0].status;
  assert.equal(warmth(30), "ok");
  assert.equal(warmth(1), "ok");
  assert.equal(warmth(31), "out-of-bounds", "within the general 60, past its own 30");
  assert.equal(warmth(0), "out-of-bounds");
  const shelf = /** @type {NonNullable<Library["recovery"]>} */ (LIBRARY.recovery);
  assert.deepEqual(rangeOf(shelf.warmth, BOUNDS, "minutes", "minutes"), { min: 1, max: 30 });
  assert.deepEqual(rangeOf(shelf["easy-walk"], BOUNDS, "minutes", "minutes"), { min: 1, max: 60 });
  // An item's own bound never widens the general one.
  assert.deepEqual(rangeOf({ title: "x", bounds: { minutes: { min: 0, max: 90 } } }, BOUNDS, "minutes", "minutes"), { min: 1, max: 60 });
  assert.equal(rangeOf(shelf.warmth, BOUNDS, "minutes", "sets"), null);
  assert.equal(rangeOf(undefined, BOUNDS, "reps", "constructor"), null);
});

test("whatever the link holds, decoding returns a code and never throws", async () => {
  const codes = ["empty", "too-long", "not-base64", "corrupt", "too-big", "not-json", "wrong-version", "bad-shape"];
  const junk = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom(...BASE64URL) }),
    fc.tuple(fc.nat(payload.length - 1), fc.constantFrom(...BASE64URL)).map(([at, c]) => payload.slice(0, at) + c + payload.slice(at + 1)),
    fc.json().map((j) => payloadOf(JSON.parse(j))),
    fc.jsonValue().map((v) => payloadOf([1, ...(Array.isArray(v) ? v : [v])])),
  );
  await fc.assert(fc.asyncProperty(junk, async (p) => {
    const result = await decodePayload(p, LIMITS);
    assert.ok(result.ok || codes.includes(result.error), JSON.stringify(result));
  }), { numRuns: 1000 });
  await fc.assert(fc.property(fc.string(), (hash) => {
    const result = parseFragment(hash);
    assert.ok(result.ok || ["empty", "not-a-plan", "wrong-version"].includes(result.error));
  }), { numRuns: 1000 });
});

// ---- the tool the Python tests use -------------------------------------------------------------

test("plan-tool signs with a PEM and verifies with a JWK", () => {
  const tool = fileURLToPath(new URL("./tools/plan-tool.mjs", import.meta.url));
  /** @param {object} input */
  const run = (input) => {
    const out = spawnSync(process.execPath, [tool], { input: JSON.stringify(input), encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    return JSON.parse(out.stdout);
  };
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const pem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const jwk = pair.publicKey.export({ format: "jwk" });
  const signed = run({ action: "sign", plan: TYPICAL, private_pem: pem });
  assert.equal(signed.ok, true);
  assert.match(signed.fragment, /^p1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
  const verified = run({ action: "verify", fragment: signed.fragment, public_jwk: jwk });
  assert.deepEqual(verified, { ok: true, signed: true, verified: true, plan: TYPICAL });
  const forged = run({ action: "verify", fragment: signed.fragment.replace(/.$/, (/** @type {string} */ c) => (c === "A" ? "B" : "A")), public_jwk: jwk });
  assert.equal(forged.verified, false);
  const unsigned = run({ action: "verify", fragment: signed.fragment.split(".").slice(0, 2).join("."), public_jwk: jwk });
  assert.deepEqual(unsigned, { ok: true, signed: false, verified: false, plan: TYPICAL });
  assert.deepEqual(run({ action: "sign", plan: TYPICAL, private_pem: "nope" }), { ok: false, error: "bad-key" });
  assert.deepEqual(run({ action: "verify", fragment: "#q=1", public_jwk: jwk }), { ok: false, error: "not-a-plan" });
});

test("a plan's protocols are those its items come from, in the guide's order; a shared exercise adds none already there; all when none says", () => {
  const library = {
    exercise: { clams: { title: "Clams", protocols: ["a"] }, stretch: { title: "Stretch", protocols: ["a", "b"] }, lone: { title: "Lone" } },
    routine: { r1: { title: "R1", protocol: "b" } },
  };
  const item = (/** @type {any} */ kind, /** @type {string} */ id) => ({ kind, id, dose: null });
  assert.deepEqual(protocolsOf([item("exercise", "clams")], library, ["a", "b"]), ["a"]);
  assert.deepEqual(protocolsOf([item("routine", "r1"), item("exercise", "clams")], library, ["a", "b"]), ["a", "b"]);
  assert.deepEqual(protocolsOf([item("exercise", "stretch")], library, ["b", "a"]), ["b", "a"]);
  // a shared exercise beside one protocol's own brings no other protocol
  assert.deepEqual(protocolsOf([item("exercise", "stretch"), item("exercise", "clams")], library, ["a", "b"]), ["a"]);
  assert.deepEqual(protocolsOf([item("exercise", "lone"), item("exercise", "missing")], library, ["a", "b"]), ["a", "b"]);
  assert.deepEqual(protocolsOf([item("routine", "__proto__")], library, ["a"]), ["a"]);
});
