// log/core/records.js: the stored shapes, their checks (every field, every limit, hostile keys) and the
// migration from the (never shipped) version 0.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  MAX_CHECKINS, MAX_DEPTH, MAX_ID, MAX_ITEMS, MAX_PLAN_CHARS, MAX_PLAN_STRING, MAX_PLANS, MAX_SESSIONS, MAX_SETS, MAX_STRING,
  migrate, validateCheckin, validateLog, validateSession,
} from "../../overrides/assets/javascripts/log/core/records.js";

/** @typedef {Record<string, any>} Loose */

/** The format a saved log names: the page gives it (data/site.yml `storage.log_format`). */
const FORMAT = "test-guide-log";
/** @param {unknown} x */
const validLog = (x) => validateLog(x, FORMAT);

/** A valid session, with some fields replaced. @param {Loose} [change] @returns {Loose} */
function session(change = {}) {
  return {
    v: 2, id: "s-20261125-0930-ab12", routine: "hip-strength-1", plan: null, source: "player",
    started: "2026-11-25T09:30:00.000Z", ended: "2026-11-25T09:50:00.000Z",
    items: [{ item: "clams", sets: [{ set: 1, side: "left", reps: 20, seconds: null, skipped: false },
                                    { set: 1, side: "right", reps: 20, seconds: null, skipped: false }] },
            { item: "bridge-with-band", sets: [{ set: 1, side: null, reps: null, seconds: 30, skipped: true }] }],
    pain: 2, easy: true, stage: null, protocol: null, ...change,
  };
}

/** @param {Loose} [change] @returns {Loose} */
function checkin(change = {}) {
  return { v: 2, id: "c-20261126-ab12", kind: "morning", date: "2026-11-26", session: "s-20261125-0930-ab12", worse: false, pain: 1, ...change };
}

/** @param {Loose} [change] @returns {Loose} */
function log(change = {}) {
  return { format: FORMAT, v: 2, site: "/guide/", exported: "2026-11-26T08:00:00.000Z",
    sessions: [session()], checkins: [checkin()], plans: [{ id: "my-plan", routines: ["hip-strength-1"], note: "<b>hi</b>" }], ...change };
}

/** @param {{ok: boolean, error?: string, path?: string}} result @param {string} error @param {string} [path] */
function refused(result, error, path) {
  assert.equal(result.ok, false, `expected ${error}`);
  assert.equal(result.error, error);
  if (path !== undefined) assert.equal(result.path, path);
}

test("a valid session, check-in and log pass and come back equal", () => {
  assert.deepEqual(validateSession(session()), { ok: true, value: session() });
  assert.deepEqual(validateCheckin(checkin()), { ok: true, value: checkin() });
  assert.deepEqual(validLog(log()), { ok: true, value: log() });
});

test("the clean copy holds only the known fields and a time in toISOString form", () => {
  const result = validateSession(session({ extra: "dropped", started: "2026-11-25T09:30:00Z" }));
  assert.ok(result.ok);
  assert.equal("extra" in result.value, false);
  assert.equal(result.value.started, "2026-11-25T09:30:00.000Z");
  const input = session();
  if (result.ok) result.value.items[0].sets[0].reps = 99;
  assert.equal(input.items[0].sets[0].reps, 20, "the copy shares nothing with the input");
});

test("every field of a session is checked, with its path", () => {
  /** @type {[Loose, string, string][]} */
  const cases = [
    [{ id: "S-1" }, "bad-field", "id"],
    [{ id: "" }, "bad-field", "id"],
    [{ id: "a".repeat(MAX_ID + 1) }, "too-long", "id"],
    [{ id: 12 }, "bad-field", "id"],
    [{ routine: "Hip strength" }, "bad-field", "routine"],
    [{ routine: undefined }, "bad-field", "routine"],
    [{ plan: "<script>" }, "bad-field", "plan"],
    [{ source: "robot" }, "bad-field", "source"],
    [{ started: "2026-11-25 09:30" }, "bad-field", "started"],
    [{ started: "2026-02-30T09:30:00.000Z" }, "bad-field", "started"],
    [{ started: "2026-11-25T24:00:00.000Z" }, "bad-field", "started"],
    [{ ended: "2026-11-25T09:00:00.000Z" }, "bad-field", "ended"],
    [{ items: {} }, "bad-field", "items"],
    [{ items: [null] }, "not-an-object", "items[0]"],
    [{ items: [{ item: "clams", sets: [{ set: 0, side: null, reps: 1, seconds: null, skipped: false }] }] }, "bad-field", "items[0].sets[0].set"],
    [{ items: [{ item: "clams", sets: [{ set: 1, side: "up", reps: 1, seconds: null, skipped: false }] }] }, "bad-field", "items[0].sets[0].side"],
    [{ items: [{ item: "clams", sets: [{ set: 1, side: null, reps: 2.5, seconds: null, skipped: false }] }] }, "bad-field", "items[0].sets[0].reps"],
    [{ items: [{ item: "clams", sets: [{ set: 1, side: null, reps: 1, seconds: -1, skipped: false }] }] }, "bad-field", "items[0].sets[0].seconds"],
    [{ items: [{ item: "clams", sets: [{ set: 1, side: null, reps: 1, seconds: null, skipped: "no" }] }] }, "bad-field", "items[0].sets[0].skipped"],
    [{ items: [{ item: "clams", sets: [{ set: 1, side: null, reps: 1, seconds: null }] }] }, "bad-field", "items[0].sets[0].skipped"],
    [{ items: [{ item: "clams", sets: Array(MAX_SETS + 1).fill({ set: 1, side: null, reps: 1, seconds: null, skipped: false }) }] }, "too-many", "items[0].sets"],
    [{ items: Array(MAX_ITEMS + 1).fill({ item: "clams", sets: [] }) }, "too-many", "items"],
    [{ pain: 11 }, "bad-field", "pain"],
    [{ pain: -1 }, "bad-field", "pain"],
    [{ pain: "3" }, "bad-field", "pain"],
    [{ pain: NaN }, "bad-field", "pain"],
    [{ easy: "yes" }, "bad-field", "easy"],
    [{ stage: 7 }, "bad-field", "stage"],
  ];
  for (const [change, error, path] of cases) refused(validateSession(session(change)), error, path);
  refused(validateSession([]), "not-an-object", "");
  refused(validateSession(null), "not-an-object", "");
  refused(validateSession("session"), "not-an-object", "");
});

test("every field of a check-in is checked", () => {
  refused(validateCheckin(checkin({ kind: "evening" })), "bad-field", "kind");
  refused(validateCheckin(checkin({ date: "2026-02-29" })), "bad-field", "date");
  refused(validateCheckin(checkin({ date: "26-11-2026" })), "bad-field", "date");
  refused(validateCheckin(checkin({ session: "../x" })), "bad-field", "session");
  refused(validateCheckin(checkin({ worse: null })), "bad-field", "worse");
  refused(validateCheckin(checkin({ pain: 10.5 })), "bad-field", "pain");
  assert.ok(validateCheckin(checkin({ date: "2028-02-29", pain: null })).ok);
});

test("a log is checked whole: format, version, every record, limits and unique ids", () => {
  refused(validLog(log({ format: "other-log" })), "wrong-format", "format");
  refused(validLog({ v: 1 }), "wrong-format", "format");
  refused(validLog(log({ v: 3 })), "wrong-version", "v");
  refused(validLog(log({ v: "1" })), "wrong-version", "v");
  refused(validLog(log({ site: "https://evil.example/" })), "bad-field", "site");
  refused(validLog(log({ site: `/${"a".repeat(MAX_STRING)}/` })), "too-long", "site");
  refused(validLog(log({ sessions: [session(), session({ pain: 12 })] })), "bad-field", "sessions[1].pain");
  refused(validLog(log({ sessions: [session(), session()] })), "duplicate-id", "sessions[1].id");
  refused(validLog(log({ checkins: [checkin({ v: 3 })] })), "wrong-version", "checkins[0].v");
  refused(validLog(log({ sessions: Array(MAX_SESSIONS + 1).fill(0) })), "too-many", "sessions");
  refused(validLog(log({ checkins: Array(MAX_CHECKINS + 1).fill(0) })), "too-many", "checkins");
  refused(validLog(log({ plans: Array(MAX_PLANS + 1).fill({ id: "p" }) })), "too-many", "plans");
  refused(validLog(log({ plans: [{ name: "no id" }] })), "bad-field", "plans[0].id");
  refused(validLog(log({ plans: [{ id: "p", note: "x".repeat(MAX_PLAN_STRING + 1) }] })), "too-long", "plans[0].note");
  assert.equal(validLog(log({ plans: [{ id: "p", note: "x".repeat(500) }] })).ok, true);
  refused(validLog(log({ plans: [{ id: "p", notes: Array(200).fill("x".repeat(MAX_STRING)) }] })), "too-long", "plans[0]");
  assert.ok(JSON.stringify({ id: "p", notes: Array(200).fill("x".repeat(MAX_STRING)) }).length > MAX_PLAN_CHARS);
  refused(validLog(log({ plans: [{ id: "p", when: new Date(0) }] })), "bad-field", "plans[0].when");
  refused(validLog(log({ sessions: undefined })), "bad-field", "sessions");
});

test("__proto__, constructor and prototype keys are refused anywhere, and pollute nothing", () => {
  const hostile = [
    ['{"__proto__": {"polluted": true}}', "__proto__"],
    ['{"constructor": {"prototype": {"polluted": true}}}', "constructor"],
  ];
  for (const [json, key] of hostile) {
    refused(validateSession({ ...session(), ...JSON.parse(json) }), "bad-key", key);
    refused(validLog(log({ plans: [{ id: "p", ...JSON.parse(json) }] })), "bad-key", `plans[0].${key}`);
  }
  const deep = log({ sessions: [session({ items: [{ item: "clams", sets: [JSON.parse('{"__proto__": 1}')] }] })] });
  refused(validLog(deep), "bad-key", "sessions[0].items[0].sets[0].__proto__");
  assert.equal(/** @type {Loose} */ ({}).polluted, undefined);
});

test("nesting deeper than the limit is refused, not recursed into", () => {
  /** @type {Loose} */
  let plan = { id: "p" };
  for (let i = 0; i < MAX_DEPTH + 5; i++) plan = { id: "p", inner: plan };
  refused(validLog(log({ plans: [plan] })), "too-deep");
});

test("a script tag is inert text in a plan and refused where a field has a pattern", () => {
  const script = "<script>alert(1)</script>";
  const result = validLog(log({ plans: [{ id: "p", note: script }] }));
  assert.ok(result.ok);
  assert.equal(result.value.plans[0].note, script);
  refused(validateSession(session({ routine: script })), "bad-field", "routine");
});

test("a version 0 session, check-in and log are upgraded, then checked", () => {
  const v0 = { v: 0, id: "s-1", routine: "hip-strength-1", source: "manual", date: "2026-11-25T09:30:00.000Z", minutes: 20,
    items: [], pain: 3, easy: false };
  const upgraded = migrate(v0);
  assert.ok(upgraded.ok);
  assert.equal(upgraded.value.v, 2);
  assert.equal(upgraded.value.protocol, null);
  assert.equal(upgraded.value.started, "2026-11-25T09:30:00.000Z");
  assert.equal(upgraded.value.ended, "2026-11-25T09:50:00.000Z");
  assert.equal("date" in upgraded.value, false);
  assert.equal(v0.v, 0, "the input is not changed");
  assert.deepEqual(validateSession(v0), validateSession(upgraded.value));
  assert.equal(validateSession(v0).ok, true);

  const c0 = { v: 0, id: "c-1", date: "2026-11-26", session: "s-1", worse: true };
  assert.deepEqual(validateCheckin(c0), { ok: true, value: { ...c0, v: 2, kind: "morning", pain: null } });

  const log0 = { format: FORMAT, v: 0, site: "/", exported: "2026-11-26T08:00:00.000Z", sessions: [v0], checkins: [c0] };
  const m = migrate(log0);
  assert.ok(m.ok);
  assert.deepEqual(m.value.plans, []);
  assert.equal(/** @type {Loose[]} */ (m.value.sessions)[0].started, "2026-11-25T09:30:00.000Z");
  const checked = validLog(log0);
  assert.ok(checked.ok);
  assert.equal(checked.value.sessions[0].ended, "2026-11-25T09:50:00.000Z");
});

test("a version 0 session that cannot be converted is refused, not thrown", () => {
  refused(validateSession({ v: 0, id: "s-1", routine: null, source: "manual", date: "soon", minutes: 20, items: [], pain: null, easy: null }),
    "bad-field", "started");
  refused(validateSession({ v: 0, id: "s-1", routine: null, source: "manual", date: "2026-11-25T09:30:00.000Z", minutes: 1e20,
    items: [], pain: null, easy: null }), "bad-field", "ended");
});

test("versions this code does not know are refused", () => {
  for (const v of [3, -1, 0.5, "1", null, undefined]) refused(migrate(session({ v })), "wrong-version", "v");
  refused(migrate(42), "not-an-object", "");
});

test("a version 1 session gets no protocol (judged as before), and a run may name the protocol it was judged by", () => {
  const { protocol, ...v1 } = session({ v: 1, routine: null, stage: "stage-2" });
  assert.equal(protocol, null);
  assert.deepEqual(validateSession(v1), { ok: true, value: session({ routine: null, stage: "stage-2" }) });
  assert.deepEqual(validateCheckin(checkin({ v: 1 })), { ok: true, value: checkin() });
  const run = session({ routine: null, stage: "stage-2", protocol: "some-protocol" });
  assert.deepEqual(validateSession(run), { ok: true, value: run });
  refused(validateSession(session({ protocol: "Not A Slug" })), "bad-field", "protocol");
  refused(validateSession(session({ protocol: undefined })), "bad-field", "protocol");
  const old = validLog(log({ v: 1, sessions: [v1], checkins: [checkin({ v: 1 })] }));
  assert.ok(old.ok);
  assert.equal(old.value.v, 2);
  assert.equal(old.value.sessions[0].protocol, null);
});

test("a log names the guide's own format: any other is refused, whatever else it holds", () => {
  assert.equal(validateLog(log(), FORMAT).ok, true);
  refused(validateLog(log(), "another-guide-log"), "wrong-format", "format");
  refused(validateLog(log({ format: "" }), ""), "wrong-format", "format");
});
