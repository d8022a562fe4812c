/**
 * Reminders in the runner's own calendar, without a server: an iCalendar file (RFC 5545) with one
 * weekly event per routine, which the page offers as a download.
 *
 * Decisions: times are floating local times (no TZID), so a 07:30 reminder rings at 07:30 wherever
 * the phone is. DTSTAMP is the start date at 00:00 UTC, not the clock, so the same input always
 * gives the same bytes (a changed schedule should come with a new start date, or a new UID, for
 * calendars to take it as an update). The first occurrence (DTSTART) is the first chosen weekday
 * on or after the start date. Lines are folded at 75 octets of UTF-8, never inside a character.
 */

/**
 * @typedef {{uid: string, title: string, description?: string, url?: string | null, weekdays: string[],
 *   time: string, minutes: number, start: string, alarm_minutes?: number | null}} ReminderEvent
 * @typedef {{events: ReminderEvent[], prodid: string}} CalendarInput
 * @typedef {{ok: true, text: string} | {ok: false, error: string, path: string}} CalendarResult
 */

/** RFC 5545 weekday codes, in the order of `Date.getUTCDay` (Sunday first). */
export const WEEKDAYS = Object.freeze(["SU", "MO", "TU", "WE", "TH", "FR", "SA"]);
/** RFC 5545: lines end with CRLF and are folded to at most 75 octets. */
const CRLF = "\r\n";
export const MAX_LINE_OCTETS = 75;
/** Input limits: events in one file, text lengths, a reminder's length and its alarm's lead time. */
export const MAX_EVENTS = 50;
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 2000;
export const MAX_URL = 2000;
export const MAX_MINUTES = 1440;

const UID = /^[A-Za-z0-9@._:\/-]{1,200}$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const URL_TEXT = /^https?:\/\/[^\s"<>\\^`{|}\u0000-\u001f\u007f]+$/;
/** Control characters a TEXT value may not hold (tab and line breaks are allowed), and lone surrogates. */
const BAD_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\uD800-\uDFFF]/u;
const MS_PER_MINUTE = 60000;
const MS_PER_DAY = 86400000;

/** Characters a UID may not hold (UID above): each becomes "-". */
const NOT_IN_UID = /[^A-Za-z0-9@._:/-]/g;

/**
 * A stable UID for the reminders of one thing (a routine, a plan) on some weekdays at a time, at
 * one copy of the guide: the same choice made again gives the same UID, so a calendar updates it.
 * @param {string} name the routine's or plan's id
 * @param {string[]} weekdays iCalendar weekday codes
 * @param {string} time "HH:MM"
 * @param {string} where the copy of the guide: its host and path
 * @returns {string}
 */
export function eventUid(name, weekdays, time, where) {
  return `${name}-${weekdays.join("").toLowerCase()}-${time.replace(":", "")}@${where}`.replace(NOT_IN_UID, "-").slice(0, 200);
}

/**
 * A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n.
 * @param {string} text
 * @returns {string}
 */
export function escapeText(text) {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** @param {number} codePoint @returns {number} its length in UTF-8 */
const octets = (codePoint) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * One content line folded (RFC 5545 3.1): no line over 75 octets, each continuation starting with
 * a space, a character never split; joined with CRLF.
 * @param {string} line
 * @returns {string}
 */
export function fold(line) {
  const lines = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = octets(/** @type {number} */ (ch.codePointAt(0)));
    if (size + n > MAX_LINE_OCTETS) {
      lines.push(current);
      current = " ";
      size = 1;
    }
    current += ch;
    size += n;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** @param {number} n */
const pad = (n) => String(n).padStart(2, "0");

/** A moment's UTC fields as an iCalendar DATE-TIME with no zone. @param {number} ms @returns {string} */
function floating(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

/**
 * The first reason an event cannot be written, or null.
 * @param {ReminderEvent} e
 * @returns {[string, string] | null} the error code and the field
 */
function problem(e) {
  if (typeof e !== "object" || e === null) return ["not-an-object", ""];
  /** @param {unknown} v @param {boolean} required */
  const badText = (v, required) =>
    v === undefined || v === null ? required : typeof v !== "string" || BAD_TEXT.test(v) || (required && !v.trim());
  if (typeof e.uid !== "string" || !UID.test(e.uid)) return ["bad-field", "uid"];
  if (badText(e.title, true)) return ["bad-field", "title"];
  if (e.title.length > MAX_TITLE) return ["too-long", "title"];
  if (badText(e.description, false)) return ["bad-field", "description"];
  if ((e.description ?? "").length > MAX_DESCRIPTION) return ["too-long", "description"];
  if (e.url !== undefined && e.url !== null && (typeof e.url !== "string" || !URL_TEXT.test(e.url))) return ["bad-field", "url"];
  if ((e.url ?? "").length > MAX_URL) return ["too-long", "url"];
  const days = e.weekdays;
  if (!Array.isArray(days) || !days.length || new Set(days).size !== days.length || !days.every((d) => WEEKDAYS.includes(d))) {
    return ["bad-field", "weekdays"];
  }
  if (typeof e.time !== "string" || !TIME.test(e.time)) return ["bad-field", "time"];
  if (!Number.isInteger(e.minutes) || e.minutes < 1 || e.minutes > MAX_MINUTES) return ["bad-field", "minutes"];
  if (startOf(e.start) === null) return ["bad-field", "start"];
  const alarm = e.alarm_minutes;
  if (alarm !== undefined && alarm !== null && !(Number.isInteger(alarm) && alarm >= 0 && alarm <= MAX_MINUTES)) {
    return ["bad-field", "alarm_minutes"];
  }
  return null;
}

/**
 * A real date "YYYY-MM-DD" as UTC midnight in ms, or null.
 * @param {unknown} date
 * @returns {number | null}
 */
function startOf(date) {
  const m = typeof date === "string" ? DATE.exec(date) : null;
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().startsWith(m[0]) ? ms : null;
}

/**
 * The content lines of one event (checked first).
 * @param {ReminderEvent} e
 * @returns {string[]}
 */
function eventLines(e) {
  const start = /** @type {number} */ (startOf(e.start));
  const ahead = [0, 1, 2, 3, 4, 5, 6].find((n) => e.weekdays.includes(WEEKDAYS[new Date(start + n * MS_PER_DAY).getUTCDay()]));
  const [hours, minutes] = e.time.split(":").map(Number);
  const first = start + /** @type {number} */ (ahead) * MS_PER_DAY + (hours * 60 + minutes) * MS_PER_MINUTE;
  const byDay = [...WEEKDAYS.slice(1), WEEKDAYS[0]].filter((d) => e.weekdays.includes(d)).join(",");
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${floating(start)}Z`,
    `DTSTART:${floating(first)}`,
    `DTEND:${floating(first + e.minutes * MS_PER_MINUTE)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${byDay}`,
    `SUMMARY:${escapeText(e.title)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (typeof e.alarm_minutes === "number") {
    const trigger = e.alarm_minutes ? `-PT${e.alarm_minutes}M` : "PT0M";
    lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(e.title)}`, `TRIGGER:${trigger}`, "END:VALARM");
  }
  lines.push("END:VEVENT");
  return lines;
}

/**
 * An iCalendar file with one weekly event per reminder, or the first problem with the input
 * (`{ok: false, error: "bad-field", path: "events[1].time"}`; also "no-events", "too-many",
 * "too-long", "duplicate-id" for a repeated UID).
 * @param {CalendarInput} input
 * @returns {CalendarResult}
 */
export function calendar(input) {
  /** @param {string} error @param {string} path @returns {CalendarResult} */
  const refuse = (error, path) => ({ ok: false, error, path });
  if (typeof input !== "object" || input === null) return refuse("not-an-object", "");
  const { events, prodid } = input;
  if (typeof prodid !== "string" || !prodid.trim() || BAD_TEXT.test(prodid)) return refuse("bad-field", "prodid");
  if (prodid.length > MAX_TITLE) return refuse("too-long", "prodid");
  if (!Array.isArray(events)) return refuse("bad-field", "events");
  if (!events.length) return refuse("no-events", "events");
  if (events.length > MAX_EVENTS) return refuse("too-many", "events");
  const uids = new Set();
  for (const [i, e] of events.entries()) {
    const found = problem(e);
    if (found) return refuse(found[0], found[1] ? `events[${i}].${found[1]}` : `events[${i}]`);
    if (uids.has(e.uid)) return refuse("duplicate-id", `events[${i}].uid`);
    uids.add(e.uid);
  }
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${escapeText(prodid)}`, "CALSCALE:GREGORIAN"];
  for (const e of events) lines.push(...eventLines(e));
  lines.push("END:VCALENDAR");
  return { ok: true, text: lines.map(fold).join(CRLF) + CRLF };
}
