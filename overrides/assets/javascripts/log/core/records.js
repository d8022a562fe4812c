/**
 * The progress log's stored shapes: a session (saved by the player or by "I did this routine
 * today"), a morning check-in, and the log that export and import carry. Each record says its
 * schema version (`v`); older records are upgraded by `migrate`, then checked field by field. A
 * saved log names its format (data/site.yml `storage.log_format`, given by the page): a file of
 * another format is not a log of this guide.
 *
 * Everything here may come from outside (an imported file, a record read back from the device),
 * so nothing is trusted: the validators never throw, never copy a field they do not know, refuse
 * `__proto__`/`constructor`/`prototype` keys anywhere, and answer with an error code and the path
 * of the first bad value (`{ok: false, error: "bad-field", path: "sessions[3].items[0].item"}`).
 * Every field is required; the nullable ones must be present as null.
 */

/**
 * @typedef {{set: number, side: "left" | "right" | null, reps: number | null, seconds: number | null,
 *   skipped: boolean}} SetDone
 * @typedef {{item: string, sets: SetDone[]}} ItemDone
 * @typedef {{v: 2, id: string, routine: string | null, plan: string | null, source: "player" | "manual",
 *   started: string, ended: string, items: ItemDone[], pain: number | null, easy: boolean | null,
 *   stage: string | null, protocol: string | null}} Session
 *   `protocol`: the protocol whose pain rule the session was judged by, when it is not its routine's
 *   (a back-to-running run, judged by the running limit of the protocol the runner follows); null
 *   otherwise (a routine's session is its routine's protocol's; a plan's, the strictest rule's).
 * @typedef {{v: 2, id: string, kind: "morning", date: string, session: string, worse: boolean,
 *   pain: number | null}} Checkin
 * @typedef {{id: string, [key: string]: unknown}} Plan
 * @typedef {{format: string, v: 2, site: string, exported: string, sessions: Session[],
 *   checkins: Checkin[], plans: Plan[]}} Log
 * @typedef {{ok: false, error: string, path: string}} Refusal
 * @typedef {Record<string, unknown>} Fields
 */
/**
 * @template T
 * @typedef {{ok: true, value: T} | Refusal} Result
 */

import { own } from "../../shared/core/own.js";

export const VERSION = 2;
/** Sessions (decades at three a week) and check-ins in one log. */
export const MAX_SESSIONS = 5000;
export const MAX_CHECKINS = 5000;
/** Items in one session and sets of one item: far above any routine. */
export const MAX_ITEMS = 200;
export const MAX_SETS = 100;
/** Saved plans, and the size of one plan written as JSON. */
export const MAX_PLANS = 100;
export const MAX_PLAN_CHARS = 20000;
/** Any string (ids and slugs: MAX_ID). */
export const MAX_STRING = 200;
/** A string inside a kept plan: a clinician's note may be long (data/prescribe.yml `note_chars`,
 * at most 2000 by generator/model/prescribe.py). */
export const MAX_PLAN_STRING = 2000;
export const MAX_ID = 64;
/** Nesting of objects and arrays, counted from the record checked. */
export const MAX_DEPTH = 16;
/** Repetitions in a set; seconds of a hold (a day). */
export const MAX_REPS = 10000;
export const MAX_SECONDS = 86400;
/** The pain fields hold the 0-10 numeric rating scale: a format, so another scale is a new version. */
export const PAIN_SCALE_TOP = 10;

const ID = /^[a-z0-9-]+$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SITE = /^\/[A-Za-z0-9._~\/-]*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOSTILE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A refusal on its way out of the checks below, caught by `attempt`. */
class Refused {
  /** @param {string} error @param {string} path */
  constructor(error, path) {
    this.error = error;
    this.path = path;
  }
}

/** @param {string} error @param {string} path @returns {never} */
function fail(error, path) {
  throw new Refused(error, path);
}

/**
 * Run a check: a refusal (or any other slip) becomes `{ok: false}` instead of escaping.
 * @template T
 * @param {() => T} check
 * @returns {Result<T>}
 */
function attempt(check) {
  try {
    return { ok: true, value: check() };
  } catch (e) {
    return e instanceof Refused ? { ok: false, error: e.error, path: e.path } : { ok: false, error: "bad-field", path: "" };
  }
}

/** @param {string} path @param {string | number} key @returns {string} */
const at = (path, key) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** @param {unknown} x @param {string} path @returns {Fields} */
function fields(x, path) {
  if (typeof x !== "object" || x === null || Array.isArray(x)) fail("not-an-object", path);
  return /** @type {Fields} */ (x);
}


/**
 * Refuse a hostile key or too-deep nesting anywhere under x.
 * @param {unknown} x
 * @param {string} path
 * @param {number} depth
 */
function scan(x, path, depth) {
  if (typeof x !== "object" || x === null) return;
  if (depth > MAX_DEPTH) fail("too-deep", path);
  if (Array.isArray(x)) {
    x.forEach((v, i) => scan(v, at(path, i), depth + 1));
    return;
  }
  for (const key of Object.keys(x)) {
    if (HOSTILE_KEYS.has(key)) fail("bad-key", at(path, key));
    scan(/** @type {Fields} */ (x)[key], at(path, key), depth + 1);
  }
}

/**
 * Readers for the fields of one object: each returns the value or refuses with its path.
 * @param {unknown} x
 * @param {string} path
 */
function reader(x, path) {
  const o = fields(x, path);
  /** @param {string} key @param {RegExp} pattern @param {number} max @returns {string} */
  const str = (key, pattern, max) => {
    const value = own(o, key);
    if (typeof value !== "string") return fail("bad-field", at(path, key));
    if (value.length > max) fail("too-long", at(path, key));
    return pattern.test(value) ? value : fail("bad-field", at(path, key));
  };
  return {
    o,
    str,
    /** @param {string} key */
    id: (key) => str(key, ID, MAX_ID),
    /** @param {string} key @param {RegExp} pattern */
    orNull: (key, pattern) => (own(o, key) === null ? null : str(key, pattern, MAX_ID)),
    /**
     * @template {string | number | boolean | null} T
     * @param {string} key @param {readonly T[]} values @returns {T}
     */
    oneOf: (key, values) => {
      const value = /** @type {T} */ (own(o, key));
      return values.includes(value) ? value : fail("bad-field", at(path, key));
    },
    /** A whole number from min to max, or null. @param {string} key @param {number} min @param {number} max */
    count: (key, min, max) => {
      const value = own(o, key);
      if (value === null) return null;
      return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : fail("bad-field", at(path, key));
    },
    /** @param {string} key @param {number} max @returns {unknown[]} */
    list: (key, max) => {
      const value = own(o, key);
      if (!Array.isArray(value)) fail("bad-field", at(path, key));
      return value.length > max ? fail("too-many", at(path, key)) : value;
    },
    /** A real UTC instant, returned as `Date.toISOString` writes it. @param {string} key */
    time: (key) => {
      const value = str(key, ISO_TIME, MAX_STRING);
      const ms = Date.parse(value);
      const clean = Number.isFinite(ms) ? new Date(ms).toISOString() : "";
      return clean.slice(0, 19) === value.slice(0, 19) ? clean : fail("bad-field", at(path, key));
    },
    /** A calendar date that exists (no 31 February). @param {string} key */
    date: (key) => {
      const value = str(key, ISO_DATE, MAX_STRING);
      const ms = Date.parse(`${value}T00:00:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value) ? value : fail("bad-field", at(path, key));
    },
  };
}

/** @param {unknown} x @param {string} path @returns {ItemDone} */
function checkItem(x, path) {
  const r = reader(x, path);
  const sets = r.list("sets", MAX_SETS).map((s, i) => {
    const set = reader(s, at(at(path, "sets"), i));
    return {
      set: set.count("set", 1, MAX_SETS) ?? fail("bad-field", at(at(at(path, "sets"), i), "set")),
      side: set.oneOf("side", /** @type {const} */ (["left", "right", null])),
      reps: set.count("reps", 0, MAX_REPS),
      seconds: set.count("seconds", 0, MAX_SECONDS),
      skipped: set.oneOf("skipped", /** @type {const} */ ([true, false])),
    };
  });
  return { item: r.str("item", SLUG, MAX_ID), sets };
}

/** @param {unknown} x @param {string} path @returns {Session} */
function checkSession(x, path) {
  const r = reader(migrated(x, path), path);
  r.oneOf("v", [VERSION]);
  const started = r.time("started");
  const ended = r.time("ended");
  if (ended < started) fail("bad-field", at(path, "ended"));
  return {
    v: VERSION,
    id: r.id("id"),
    routine: r.orNull("routine", SLUG),
    plan: r.orNull("plan", ID),
    source: r.oneOf("source", /** @type {const} */ (["player", "manual"])),
    started,
    ended,
    items: r.list("items", MAX_ITEMS).map((item, i) => checkItem(item, at(at(path, "items"), i))),
    pain: r.count("pain", 0, PAIN_SCALE_TOP),
    easy: r.oneOf("easy", /** @type {const} */ ([true, false, null])),
    stage: r.orNull("stage", ID),
    protocol: r.orNull("protocol", SLUG),
  };
}

/** @param {unknown} x @param {string} path @returns {Checkin} */
function checkCheckin(x, path) {
  const r = reader(migrated(x, path), path);
  r.oneOf("v", [VERSION]);
  return {
    v: VERSION,
    id: r.id("id"),
    kind: r.oneOf("kind", /** @type {const} */ (["morning"])),
    date: r.date("date"),
    session: r.id("session"),
    worse: r.oneOf("worse", /** @type {const} */ ([true, false])),
    pain: r.count("pain", 0, PAIN_SCALE_TOP),
  };
}

/**
 * A saved plan is kept as it is (its shape belongs to the plans feature), but it must have an id
 * and hold only JSON values, with strings and its whole size limited.
 * @param {unknown} x
 * @param {string} path
 * @returns {Plan}
 */
function checkPlan(x, path) {
  reader(x, path).id("id");
  /** @param {unknown} value @param {string} where @returns {unknown} */
  const copy = (value, where) => {
    if (value === null || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return value;
    if (typeof value === "string") return value.length > MAX_PLAN_STRING ? fail("too-long", where) : value;
    if (Array.isArray(value)) return value.map((v, i) => copy(v, at(where, i)));
    if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return fail("bad-field", where);
    /** @type {Fields} */
    const out = {};
    for (const [key, v] of Object.entries(value)) out[key] = copy(v, at(where, key));
    return out;
  };
  const plan = /** @type {Plan} */ (copy(x, path));
  return JSON.stringify(plan).length > MAX_PLAN_CHARS ? fail("too-long", path) : plan;
}

/** Ids are unique within a list. @param {{id: string}[]} records @param {string} path */
function unique(records, path) {
  const seen = new Set();
  records.forEach((r, i) => (seen.has(r.id) ? fail("duplicate-id", at(at(path, i), "id")) : seen.add(r.id)));
}

/** @param {unknown} x @param {string} format @returns {Log} */
function checkLog(x, format) {
  if (typeof format !== "string" || !format || own(fields(x, ""), "format") !== format) fail("wrong-format", "format");
  const r = reader(migrated(x, ""), "");
  r.oneOf("v", [VERSION]);
  /** @type {Log} */
  const log = {
    format,
    v: VERSION,
    site: r.str("site", SITE, MAX_STRING),
    exported: r.time("exported"),
    sessions: r.list("sessions", MAX_SESSIONS).map((s, i) => checkSession(s, at("sessions", i))),
    checkins: r.list("checkins", MAX_CHECKINS).map((c, i) => checkCheckin(c, at("checkins", i))),
    plans: r.list("plans", MAX_PLANS).map((p, i) => checkPlan(p, at("plans", i))),
  };
  unique(log.sessions, "sessions");
  unique(log.checkins, "checkins");
  unique(log.plans, "plans");
  return log;
}

/**
 * Check a session, upgrading an older version first: a clean copy with only the known fields.
 * @param {unknown} x
 * @returns {Result<Session>}
 */
export function validateSession(x) {
  return attempt(() => (scan(x, "", 1), checkSession(x, "")));
}

/**
 * Check a morning check-in, upgrading an older version first.
 * @param {unknown} x
 * @returns {Result<Checkin>}
 */
export function validateCheckin(x) {
  return attempt(() => (scan(x, "", 1), checkCheckin(x, "")));
}

/**
 * Check a kept plan: an id, JSON values only, strings and its whole size limited.
 * @param {unknown} x
 * @returns {Result<Plan>}
 */
export function validatePlan(x) {
  return attempt(() => (scan(x, "", 1), checkPlan(x, "")));
}

/**
 * Check a whole log of this format and every record in it: one bad record refuses the log.
 * @param {unknown} x
 * @param {string} format the format a log of this guide names (page data)
 * @returns {Result<Log>}
 */
export function validateLog(x, format) {
  return attempt(() => (scan(x, "", 1), checkLog(x, format)));
}

// Migrations. Version 0 never shipped: it is defined here so the mechanism was tested before a real
// version needed it. A v0 session had `date` (when it started) and `minutes` instead of `started`
// and `ended`, and no `plan` or `stage`; a v0 check-in had no `kind` and no `pain`; a v0 log had no
// `plans`. Version 2 gave a session its `protocol` (null for every session before: each is judged as
// before, by its routine's protocol, or the strictest rule); check-ins and logs only changed number.
// STEPS[kind][n] takes a record from version n to n + 1, as a copy; it need not check anything (a
// value it cannot convert becomes null and the validators refuse it).

/** @param {number} ms @returns {string | null} */
const isoOrNull = (ms) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null);

/** @type {Record<"session" | "checkin" | "log", ((o: Fields) => Fields)[]>} */
const STEPS = {
  session: [({ date, minutes, ...rest }) => {
    const start = typeof date === "string" ? Date.parse(date) : NaN;
    const end = start + (typeof minutes === "number" ? minutes : NaN) * 60000;
    return { ...rest, v: 1, started: isoOrNull(start), ended: isoOrNull(end), plan: null, stage: null };
  }, (o) => ({ ...o, v: 2, protocol: null })],
  checkin: [(o) => ({ ...o, v: 1, kind: "morning", pain: null }), (o) => ({ ...o, v: 2 })],
  log: [(o) => ({ ...o, v: 1, plans: [] }), (o) => ({ ...o, v: 2 })],
};

/** @param {Fields} o @returns {"log" | "checkin" | "session"} */
function kindOf(o) {
  if (own(o, "format") !== undefined) return "log";
  return own(o, "kind") !== undefined || own(o, "worse") !== undefined ? "checkin" : "session";
}

/** @param {unknown} x @param {string} path @returns {Fields} */
function migrated(x, path) {
  let o = fields(x, path);
  const kind = kindOf(o);
  const v = own(o, "v");
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > VERSION) return fail("wrong-version", at(path, "v"));
  for (let n = v; n < VERSION; n++) o = STEPS[kind][n](o);
  if (kind === "log" && v < VERSION) {
    for (const key of ["sessions", "checkins"]) {
      const records = own(o, key);
      if (Array.isArray(records)) o[key] = records.map((rec, i) => migrated(rec, at(key, i)));
    }
  }
  return o;
}

/**
 * Upgrade a session, check-in or log (with its records) to the current version. This is not a
 * check: validate the result (the validators call it themselves).
 * @param {unknown} record
 * @returns {Result<Fields>}
 */
export function migrate(record) {
  return attempt(() => (scan(record, "", 1), migrated(record, "")));
}
