// log/core/exchange.js: export and import round trip, the CSV for a clinician (RFC 4180, no formulas),
// every kind of bad import refused whole, and merging that never overwrites a stored record.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { BOM, csvCell, makeLog, MAX_IMPORT_CHARS, merge, parseImport, toCsv, toJson } from "../../overrides/assets/javascripts/log/core/exchange.js";
import { MAX_PLAN_STRING, MAX_SESSIONS } from "../../overrides/assets/javascripts/log/core/records.js";

/**
 * @typedef {import("../../overrides/assets/javascripts/log/core/records.js").Session} Session
 * @typedef {import("../../overrides/assets/javascripts/log/core/records.js").Checkin} Checkin
 * @typedef {import("../../overrides/assets/javascripts/log/core/records.js").Log} Log
 * @typedef {import("../../overrides/assets/javascripts/log/core/exchange.js").Records} Records
 * @typedef {Record<string, any>} Loose
 */

/**
 * @param {string} id
 * @param {string} started
 * @param {Partial<Session>} [change]
 * @returns {Session}
 */
function session(id, started, change = {}) {
  return {
    v: 2, id, routine: "hip-strength-1", plan: "my-plan", source: "player", started,
    ended: new Date(Date.parse(started) + 20 * 60000).toISOString(),
    items: [{ item: "clams", sets: [{ set: 1, side: "left", reps: 20, seconds: null, skipped: false },
                                    { set: 2, side: "right", reps: null, seconds: null, skipped: true }] },
            { item: "bridge-with-band", sets: [{ set: 1, side: null, reps: null, seconds: 30, skipped: false }] }],
    pain: 2, easy: true, stage: null, protocol: null, ...change,
  };
}

/** @param {string} id @param {string} of @param {boolean} worse @returns {Checkin} */
const checkin = (id, of, worse) => ({ v: 2, id, kind: "morning", date: "2026-11-26", session: of, worse, pain: worse ? 4 : null });

/** @returns {Records} */
function stored() {
  return {
    sessions: [session("s-1", "2026-11-23T09:30:00.000Z"), session("s-2", "2026-11-25T18:00:00.000Z", { pain: null, easy: null, source: "manual" })],
    checkins: [checkin("c-1", "s-1", false)],
    plans: [{ id: "my-plan", routines: ["hip-strength-1"], note: "Tuesday, \"before work\"" }],
  };
}

const NOW = Date.parse("2026-11-26T08:00:00.000Z");
/** The format a saved log names: the page gives it (data/site.yml `storage.log_format`). */
const FORMAT = "test-guide-log";
const LOG = makeLog(stored(), "/guide/", NOW, FORMAT);
const TEXT = toJson(LOG);

/** parseImport of this guide's format. @param {unknown} text @param {import("../../overrides/assets/javascripts/log/core/exchange.js").ImportLimits} [limits] */
const readImport = (text, limits) => parseImport(text, FORMAT, limits);

/** @param {{ok: boolean}} result @param {string} error @param {string} [path] */
function refused(result, error, path) {
  assert.equal(result.ok, false, `expected ${error}`);
  const r = /** @type {{error: string, path: string}} */ (/** @type {unknown} */ (result));
  assert.equal(r.error, error);
  if (path !== undefined) assert.equal(r.path, path);
  assert.equal("log" in result, false, "nothing comes back from a refused import");
}

/** The log's text with a change made to its parsed form. @param {(log: Loose) => void} change */
function edited(change) {
  const log = JSON.parse(TEXT);
  change(log);
  return JSON.stringify(log);
}

test("the JSON export names its format and version, one record a line, and parses back to the log", () => {
  assert.ok(TEXT.startsWith('{\n  "format": "test-guide-log",\n  "v": 2,\n  "site": "/guide/",\n  "exported": "2026-11-26T08:00:00.000Z",\n'));
  assert.ok(TEXT.endsWith("}\n"));
  assert.deepEqual(JSON.parse(TEXT), LOG);
  assert.equal(TEXT.split("\n").filter((l) => l.startsWith('    {"v":2,"id":"s-')).length, 2);
  const empty = toJson(makeLog({ sessions: [], checkins: [], plans: [] }, "/", NOW, FORMAT));
  assert.deepEqual(JSON.parse(empty).sessions, []);
});

/** What an import of `stored()` keeps: the same, its plans marked unverified. */
const unverified = () => ({ ...stored(), plans: stored().plans.map((p) => ({ ...p, verified: false })) });

test("export, delete everything, import: the same log (its plans unverified)", () => {
  const imported = readImport(TEXT);
  assert.ok(imported.ok);
  assert.deepEqual(imported.log, { ...LOG, plans: unverified().plans });
  const merged = merge({ sessions: [], checkins: [], plans: [] }, imported.log);
  assert.ok(merged.ok);
  assert.deepEqual(merged.value, unverified());
  assert.deepEqual(merged.added, { sessions: 2, checkins: 1, plans: 1 });
  assert.deepEqual(merged.kept, { sessions: 0, checkins: 0, plans: 0 });
  assert.ok(readImport(BOM + TEXT).ok, "a byte order mark from an editor is allowed");
});

test("a plan that arrives in a file is unverified, whatever the file says", () => {
  const claims = readImport(edited((l) => { l.plans[0].verified = true; l.plans[0].clinician = "Dr Forger"; }));
  assert.ok(claims.ok);
  assert.equal(claims.log.plans[0].verified, false);
  assert.equal(claims.log.plans[0].clinician, "Dr Forger"); // kept as text, shown under "not verified"
});

test("every kind of bad import is refused with its code", () => {
  refused(readImport(TEXT.replace('"v": 2', '"v": 3')), "wrong-version", "v");
  refused(readImport(TEXT.replace("test-guide-log", "other-log")), "wrong-format", "format");
  refused(readImport("{}"), "wrong-format", "format");
  refused(readImport("[1, 2]"), "not-an-object", "");
  refused(readImport("null"), "not-an-object", "");
  refused(readImport(TEXT.slice(0, TEXT.length / 2)), "not-json");
  refused(readImport(""), "not-json");
  refused(readImport("{'format': 'test-guide-log'}"), "not-json");
  refused(readImport(/** @type {any} */ (42)), "not-text");
  refused(readImport(edited((l) => { l.sessions[1].pain = "7"; })), "bad-field", "sessions[1].pain");
  refused(readImport(edited((l) => { l.sessions[0].items = "clams"; })), "bad-field", "sessions[0].items");
  refused(readImport(edited((l) => { l.checkins[0].worse = 1; })), "bad-field", "checkins[0].worse");
  refused(readImport(edited((l) => { l.sessions = {}; })), "bad-field", "sessions");
  refused(readImport(edited((l) => { l.sessions[0].id = "x".repeat(65); })), "too-long", "sessions[0].id");
  refused(readImport(edited((l) => { l.plans[0].note = "x".repeat(MAX_PLAN_STRING + 1); })), "too-long", "plans[0].note");
  refused(readImport(edited((l) => { l.sessions = Array.from({ length: MAX_SESSIONS + 1 }, (_, i) => ({ ...l.sessions[0], id: `s-${i}` })); })),
    "too-many", "sessions");
  refused(readImport(edited((l) => { l.sessions[1].id = "s-1"; })), "duplicate-id", "sessions[1].id");
});

test("a 10 MB file is refused before it is parsed", () => {
  const huge = `{"format": "test-guide-log", "site": "${"x".repeat(10_000_000)}"}`;
  const parse = JSON.parse;
  let parsed = false;
  JSON.parse = (/** @type {string} */ text, /** @type {any} */ reviver) => ((parsed = true), parse(text, reviver));
  try {
    refused(readImport(huge), "too-large");
    refused(readImport(TEXT, { max_chars: 100 }), "too-large");
    refused(readImport(huge, { max_chars: 1e9 }), "too-large"); // the page can lower the limit, not raise it
  } finally {
    JSON.parse = parse;
  }
  assert.equal(parsed, false);
  assert.ok(MAX_IMPORT_CHARS < 10_000_000);
});

test("__proto__ and constructor keys are refused and pollute nothing", () => {
  const inSession = TEXT.replace('"routine":"hip-strength-1"', '"__proto__":{"polluted":true},"routine":"hip-strength-1"');
  assert.notEqual(inSession, TEXT);
  refused(readImport(inSession), "bad-key", "sessions[0].__proto__");
  refused(readImport(TEXT.replace('"format"', '"constructor": {"prototype": {"polluted": true}}, "format"')), "bad-key", "constructor");
  refused(readImport(TEXT.replace('{"id":"my-plan"', '{"id":"my-plan","x":{"__proto__":{"polluted":true}}')), "bad-key", "plans[0].x.__proto__");
  assert.equal(/** @type {Loose} */ ({}).polluted, undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted"), false);
});

test("a script tag stays inert text in a plan, and is refused in a field with a pattern", () => {
  const script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  const imported = readImport(edited((l) => { l.plans[0].note = script; }));
  assert.ok(imported.ok);
  assert.equal(imported.log.plans[0].note, script, "kept exactly, as text for textContent");
  refused(readImport(edited((l) => { l.sessions[0].items[0].item = script; })), "bad-field", "sessions[0].items[0].item");
  refused(readImport(edited((l) => { l.site = "/<script>/"; })), "bad-field", "site");
});

test("one bad record refuses the whole file: nothing is half-merged", () => {
  const before = stored();
  const store = stored();
  const incoming = edited((l) => {
    l.sessions.push({ ...l.sessions[0], id: "s-new" }, { ...l.sessions[0], id: "s-bad", pain: 11 });
  });
  const imported = readImport(incoming);
  refused(imported, "bad-field", "sessions[3].pain");
  if (imported.ok) merge(store, imported.log);
  assert.deepEqual(store, before);
});

test("merging keeps the stored copy of a known id and counts what it did", () => {
  const store = stored();
  const copy = structuredClone(store);
  const incoming = {
    sessions: [session("s-1", "2026-11-23T09:30:00.000Z", { pain: 9 }), session("s-3", "2026-11-27T09:30:00.000Z")],
    checkins: [checkin("c-1", "s-1", true), checkin("c-3", "s-3", false)],
    plans: [{ id: "my-plan", note: "changed" }],
  };
  const merged = merge(store, incoming);
  assert.ok(merged.ok);
  assert.deepEqual(merged.value.sessions.map((s) => [s.id, s.pain]), [["s-1", 2], ["s-2", null], ["s-3", 2]]);
  assert.deepEqual(merged.value.checkins.map((c) => [c.id, c.worse]), [["c-1", false], ["c-3", false]]);
  assert.equal(merged.value.plans[0].note, store.plans[0].note);
  assert.deepEqual(merged.added, { sessions: 1, checkins: 1, plans: 0 });
  assert.deepEqual(merged.kept, { sessions: 1, checkins: 1, plans: 1 });
  assert.deepEqual(store, copy, "the store given is not changed");
  const full = { sessions: Array.from({ length: MAX_SESSIONS }, (_, i) => session(`s-${i}`, "2026-11-23T09:30:00.000Z")), checkins: [], plans: [] };
  assert.deepEqual(merge(full, { sessions: [session("s-extra", "2026-11-27T09:30:00.000Z")], checkins: [], plans: [] }),
    { ok: false, error: "too-many", path: "sessions" });
  assert.ok(merge(full, { sessions: [session("s-0", "2026-11-27T09:30:00.000Z")], checkins: [], plans: [] }).ok, "a known id adds nothing");
});

/**
 * Read CSV text back into rows of cells (RFC 4180), to check what a spreadsheet would see.
 * @param {string} text
 * @returns {string[][]}
 */
function readCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  const cell = /("((?:[^"]|"")*)"|[^",\r\n]*)(,|\r\n)/gy;
  let row = /** @type {string[]} */ ([]);
  let m;
  while (cell.lastIndex < text.length && (m = cell.exec(text))) {
    row.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
    if (m[3] === "\r\n") rows.push(row), (row = []);
  }
  assert.equal(cell.lastIndex, text.length, "the whole text is read");
  return rows;
}

const COLUMNS = { date: "Date", routine: "Routine", item: "Exercise", set: "Set", side: "Side", reps: "Reps", seconds: "Seconds",
  skipped: "Skipped", pain: "Pain (0-10)", easy: "Easy" };

test("the CSV has a header of the page's words and one row per set, with CRLF", () => {
  const log = makeLog({ ...stored(), sessions: [...stored().sessions].reverse() }, "/", NOW, FORMAT);
  const text = toCsv(log, COLUMNS, { yes: "yes", no: "no", left: "L", right: "R", routines: { "hip-strength-1": "Hip strength, level 1" } });
  assert.ok(text.endsWith("\r\n"));
  assert.equal(text.replace(/\r\n/g, "").includes("\n"), false);
  const rows = readCsv(text);
  assert.deepEqual(rows[0], ["Date", "Routine", "Exercise", "Set", "Side", "Reps", "Seconds", "Skipped", "Pain (0-10)", "Easy"]);
  assert.equal(rows.length, 1 + 3 + 3);
  const day = (/** @type {string} */ iso) => { const d = new Date(iso); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`; };
  assert.deepEqual(rows[1], [day("2026-11-23T09:30:00.000Z"), "Hip strength, level 1", "clams", "1", "L", "20", "", "no", "2", "yes"]);
  assert.deepEqual(rows[2].slice(2, 8), ["clams", "2", "R", "", "", "yes"]);
  assert.deepEqual(rows[3].slice(2, 8), ["bridge-with-band", "1", "", "", "30", "no"]);
  assert.deepEqual(rows[4].slice(8), ["", ""], "no pain score, easy not answered");
  assert.ok(text.includes('"Hip strength, level 1"'));
  const codes = readCsv(toCsv(log, COLUMNS));
  assert.deepEqual(codes[1].slice(1, 10), ["hip-strength-1", "clams", "1", "left", "20", "", "false", "2", "true"]);
  const bare = makeLog({ sessions: [session("s-9", "2026-11-23T09:30:00.000Z", { items: [] })], checkins: [], plans: [] }, "/", NOW, FORMAT);
  assert.deepEqual(readCsv(toCsv(bare, COLUMNS))[1].slice(1), ["hip-strength-1", "", "", "", "", "", "", "2", "true"], "a session with no sets keeps its row");
});

test("CSV cells: quotes doubled, commas and line breaks quoted, formulas made text, negative numbers left alone", () => {
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(-3), "-3");
  assert.equal(csvCell("-2.5"), "-2.5");
  for (const attack of ["=HYPERLINK(\"http://x\")", "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "\r=1", "=1,2"]) {
    const [[read]] = readCsv(`${csvCell(attack)}\r\n`);
    assert.equal(read, `'${attack}`, attack);
  }
  const titled = toCsv(LOG, COLUMNS, { routines: { "hip-strength-1": "=cmd|' /C calc'!A0" }, items: { clams: "@clams" } });
  assert.deepEqual(readCsv(titled)[1].slice(1, 3), ["'=cmd|' /C calc'!A0", "'@clams"]);
});

test("property: no text makes parseImport throw, and what it accepts is a valid log that exports the same", () => {
  const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", "v", "format", "id", "pain", "sessions");
  const jsonish = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, fc.jsonValue(), tie("object"), fc.array(tie("value"), { maxLength: 4 })),
    object: fc.dictionary(fc.oneof(hostileKey, fc.string()), tie("value"), { maxKeys: 4 }),
  })).value;
  fc.assert(fc.property(jsonish, (value) => {
    const result = readImport(JSON.stringify(value) ?? "");
    if (result.ok) assert.deepEqual(readImport(toJson(result.log)), result);
  }), { numRuns: 500 });
  fc.assert(fc.property(fc.string(), (text) => { readImport(text); }), { numRuns: 500 });
  // A valid log with one value anywhere in it replaced by a random one.
  const paths = fc.constantFrom(["v"], ["site"], ["sessions", 0, "id"], ["sessions", 0, "items", 0, "sets", 1, "side"], ["sessions", 1, "pain"],
    ["checkins", 0, "date"], ["plans", 0], ["sessions", 0, "items"], ["sessions", 1, "started"], ["checkins"]);
  fc.assert(fc.property(paths, jsonish, (path, value) => {
    const log = JSON.parse(TEXT);
    let at = log;
    for (const key of path.slice(0, -1)) at = at[key];
    at[path[path.length - 1]] = value;
    const result = readImport(JSON.stringify(log));
    assert.equal(typeof result.ok, "boolean");
  }), { numRuns: 500 });
});

test("every cut of an export is refused as not JSON, and deep nesting does not overflow", () => {
  const end = TEXT.trimEnd().length;
  for (let n = 0; n < end; n += 7) refused(readImport(TEXT.slice(0, n)), "not-json");
  const deep = "[".repeat(200_000) + "]".repeat(200_000);
  const result = readImport(deep);
  assert.equal(result.ok, false);
  const nested = `{"format":"test-guide-log","v":2,"x":${"[".repeat(5000)}${"]".repeat(5000)}}`;
  refused(readImport(nested), "too-deep");
});
