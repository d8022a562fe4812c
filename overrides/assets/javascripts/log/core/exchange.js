/**
 * Taking the progress log to an appointment and back: the log as a JSON file (the runner's own
 * copy, which can be imported again on another phone) and as a CSV table a clinician can open in
 * a spreadsheet. An imported file is untrusted: it is refused whole, with a code, unless every
 * record in it passes the checks in records.js, and merging never changes a stored record. A plan
 * that arrives in a file is unverified, whatever the file says: only /my-plan/ checks a signature.
 */

import { localDay } from "../../shared/core/days.js";
import { has } from "../../shared/core/own.js";
import { MAX_CHECKINS, MAX_PLANS, MAX_SESSIONS, VERSION, validateLog } from "./records.js";

/**
 * @typedef {import("./records.js").Log} Log
 * @typedef {import("./records.js").Session} Session
 * @typedef {import("./records.js").Checkin} Checkin
 * @typedef {import("./records.js").Plan} Plan
 * @typedef {{sessions: Session[], checkins: Checkin[], plans: Plan[]}} Records
 * @typedef {{sessions: number, checkins: number, plans: number}} Counts
 * @typedef {{date: string, routine: string, item: string, set: string, side: string, reps: string,
 *   seconds: string, skipped: string, pain: string, easy: string}} Columns
 * @typedef {{left?: string, right?: string, yes?: string, no?: string, routines?: Record<string, string>,
 *   items?: Record<string, string>}} CellWords
 * @typedef {{max_chars?: number}} ImportLimits
 * @typedef {{ok: true, log: Log} | {ok: false, error: string, path: string}} Imported
 * @typedef {{ok: true, value: Records, added: Counts, kept: Counts} | {ok: false, error: string, path: string}} Merged
 */

/**
 * The longest import read, in characters: a 10 MB file is refused before it is parsed. An export
 * of the most sessions a log may hold, one record a line, fits when sessions are of a usual size.
 */
export const MAX_IMPORT_CHARS = 8_000_000;
/** The CSV columns, in order; their header words come from the page. */
export const CSV_COLUMNS = /** @type {const} */ (["date", "routine", "item", "set", "side", "reps", "seconds", "skipped", "pain", "easy"]);
/** RFC 4180 ends records with CRLF. */
const CRLF = "\r\n";
/** A byte order mark, for the page to put before the CSV so spreadsheets read it as UTF-8. */
export const BOM = "\uFEFF";
/** Cells a spreadsheet would run as a formula (OWASP CSV injection), and plain numbers, which it would not. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A log of these records, exported now from this site, in the guide's log format (page data).
 * @param {Records} records
 * @param {string} site
 * @param {Date | number} now
 * @param {string} format
 * @returns {Log}
 */
export function makeLog(records, site, now, format) {
  const exported = new Date(typeof now === "number" ? now : now.getTime()).toISOString();
  return { format, v: VERSION, site, exported, sessions: records.sessions, checkins: records.checkins, plans: records.plans };
}

/**
 * The log as JSON text: the log's own fields one a line, then each record on a line of its own
 * (readable, and half the size of fully indented JSON), ending with a newline.
 * @param {Log} log
 * @returns {string}
 */
export function toJson(log) {
  /** @param {unknown[]} records */
  const list = (records) => (records.length ? `[\n${records.map((r) => `    ${JSON.stringify(r)}`).join(",\n")}\n  ]` : "[]");
  const head = { format: log.format, v: VERSION, site: log.site, exported: log.exported };
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  lines.push(`  "sessions": ${list(log.sessions)}`, `  "checkins": ${list(log.checkins)}`, `  "plans": ${list(log.plans)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

/**
 * One CSV cell: a cell a spreadsheet would read as a formula gets a leading `'` (so it shows as
 * text; a plain number such as -3 is left alone), and a cell holding `"`, a comma or a line break is
 * quoted with its `"` doubled (RFC 4180).
 * @param {string | number | null} value
 * @returns {string}
 */
export function csvCell(value) {
  let text = value === null ? "" : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The log as a CSV table, one row per set, oldest session first, with a header row of the page's
 * words. A session with no items, or an item with no sets, still has a row (its pain is kept).
 * The date is the session's local start day. Sides and yes/no are written with `words` when the
 * page gives them, else as the codes left/right/true/false; routines and items as their titles
 * in `words` when given, else their ids.
 * @param {Log} log
 * @param {Columns} columns
 * @param {CellWords} [words]
 * @returns {string}
 */
export function toCsv(log, columns, words = {}) {
  /** @param {Record<string, string> | undefined} names @param {string | null} id */
  const name = (names, id) => (id !== null && names && has(names, id) ? names[id] : id);
  /** @param {boolean | null} b */
  const yesNo = (b) => (b === null ? null : b ? words.yes ?? "true" : words.no ?? "false");
  /** @type {(string | number | null)[][]} */
  const rows = [CSV_COLUMNS.map((c) => columns[c])];
  const sessions = [...log.sessions].sort((a, b) => Date.parse(a.started) - Date.parse(b.started));
  for (const s of sessions) {
    const date = localDay(new Date(s.started));
    const tail = [s.pain, yesNo(s.easy)];
    const items = s.items.length ? s.items : [null];
    for (const item of items) {
      const sets = item && item.sets.length ? item.sets : [null];
      for (const set of sets) {
        const side = set && set.side ? words[set.side] ?? set.side : null;
        const done = set ? [set.set, side, set.reps, set.seconds, yesNo(set.skipped)] : [null, null, null, null, null];
        rows.push([date, name(words.routines, s.routine), item && name(words.items, item.item), ...done, ...tail]);
      }
    }
  }
  return rows.map((row) => row.map(csvCell).join(",") + CRLF).join("");
}

/**
 * Read an exported file of this guide's log format. Refused, with nothing kept: text over the limit
 * (before parsing), "too-large"; not JSON or cut short, "not-json"; not a log of this format,
 * "wrong-format"; a version this code
 * does not know, "wrong-version"; then the first bad record's code and path from records.js
 * ("bad-field", "too-long", "too-many", "bad-key", "duplicate-id", ...). An older version is
 * upgraded; every plan in it is marked unverified. `limits.max_chars` can lower the limit, never
 * raise it. Never throws.
 * @param {unknown} text
 * @param {string} format the log format of this guide (page data)
 * @param {ImportLimits} [limits]
 * @returns {Imported}
 */
export function parseImport(text, format, limits = {}) {
  const given = limits.max_chars;
  const max = typeof given === "number" && given >= 0 ? Math.min(given, MAX_IMPORT_CHARS) : MAX_IMPORT_CHARS;
  if (typeof text !== "string") return { ok: false, error: "not-text", path: "" };
  if (text.length > max) return { ok: false, error: "too-large", path: "" };
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch {
    return { ok: false, error: "not-json", path: "" };
  }
  const checked = validateLog(data, format);
  if (!checked.ok) return checked;
  const plans = checked.value.plans.map((plan) => ({ ...plan, verified: false }));
  return { ok: true, log: { ...checked.value, plans } };
}

/**
 * The union by id of the stored records and an import's: a record whose id is already stored keeps
 * the stored copy. `added` counts the imported records taken, `kept` those left out because their
 * id was stored. Refused ("too-many") when the union would pass the log's limits. Neither input
 * is changed.
 * @param {Records} existing
 * @param {Records} incoming
 * @returns {Merged}
 */
export function merge(existing, incoming) {
  /**
   * @template {{id: string}} T
   * @param {T[]} stored
   * @param {T[]} imported
   */
  const union = (stored, imported) => {
    const ids = new Set(stored.map((r) => r.id));
    const fresh = imported.filter((r) => !ids.has(r.id) && (ids.add(r.id), true));
    return { all: [...stored, ...fresh], added: fresh.length, kept: imported.length - fresh.length };
  };
  const sessions = union(existing.sessions, incoming.sessions);
  const checkins = union(existing.checkins, incoming.checkins);
  const plans = union(existing.plans, incoming.plans);
  const limits = /** @type {const} */ ([["sessions", sessions, MAX_SESSIONS], ["checkins", checkins, MAX_CHECKINS], ["plans", plans, MAX_PLANS]]);
  for (const [key, merged, max] of limits) if (merged.all.length > max) return { ok: false, error: "too-many", path: key };
  return {
    ok: true,
    value: { sessions: sessions.all, checkins: checkins.all, plans: plans.all },
    added: { sessions: sessions.added, checkins: checkins.added, plans: plans.added },
    kept: { sessions: sessions.kept, checkins: checkins.kept, plans: plans.kept },
  };
}
