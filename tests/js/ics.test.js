// shared/core/ics.js: the iCalendar reminders: structure, the first occurrence and BYDAY for several starts,
// floating times, text escaping, folding at 75 octets without splitting a character, and refusals.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { calendar, escapeText, fold, MAX_EVENTS, MAX_LINE_OCTETS } from "../../overrides/assets/javascripts/shared/core/ics.js";

/**
 * @typedef {import("../../overrides/assets/javascripts/shared/core/ics.js").ReminderEvent} ReminderEvent
 */

const PRODID = "-//Knee guide//Reminders//EN";

/** @param {Partial<ReminderEvent>} [change] @returns {ReminderEvent} */
function event(change = {}) {
  return { uid: "hip-strength-1@knee-guide", title: "Hip strength, level 1", description: "Three exercises; about 20 minutes.",
    url: "https://example.org/knee-guide/routines/hip-strength-1/", weekdays: ["MO", "TH"], time: "07:30", minutes: 20,
    start: "2026-11-30", ...change };
}

/** @param {string} text */
const unfold = (text) => text.replace(/\r\n[ \t]/g, "");

/**
 * The properties of each VEVENT, unfolded, as name → value (the first of each name).
 * @param {string} text
 * @returns {Record<string, string>[]}
 */
function events(text) {
  /** @type {Record<string, string>[]} */
  const found = [];
  for (const line of unfold(text).split("\r\n")) {
    if (line === "BEGIN:VEVENT") found.push({});
    const [, name, value] = /^([A-Z-]+)[:;](.*)$/.exec(line) ?? [];
    const current = found[found.length - 1];
    if (current && name && name !== "BEGIN" && name !== "END" && !(name in current)) current[name] = value;
  }
  return found;
}

/** @param {ReturnType<typeof calendar>} result @returns {string} */
function textOf(result) {
  assert.ok(result.ok, JSON.stringify(result));
  return result.text;
}

test("a calendar with one weekly event per routine, floating local times, CRLF line ends", () => {
  const text = textOf(calendar({ prodid: PRODID, events: [event(), event({ uid: "daily-stretches@knee-guide", title: "Daily stretches",
    weekdays: ["SU", "MO", "TU", "WE", "TH", "FR", "SA"], time: "21:00", minutes: 10, url: null, description: "" })] }));
  const lines = text.split("\r\n");
  assert.deepEqual(lines.slice(0, 5), ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Knee guide//Reminders//EN", "CALSCALE:GREGORIAN", "BEGIN:VEVENT"]);
  assert.equal(lines.at(-2), "END:VCALENDAR");
  assert.equal(lines.at(-1), "", "the last line ends with CRLF too");
  assert.equal(/[^\r]\n|\r[^\n]/.test(text), false, "no bare LF or CR");
  const [hips, stretches] = events(text);
  assert.deepEqual(hips, {
    UID: "hip-strength-1@knee-guide", DTSTAMP: "20261130T000000Z", DTSTART: "20261130T073000", DTEND: "20261130T075000",
    RRULE: "FREQ=WEEKLY;BYDAY=MO,TH", SUMMARY: "Hip strength\\, level 1", DESCRIPTION: "Three exercises\\; about 20 minutes.",
    URL: "https://example.org/knee-guide/routines/hip-strength-1/",
  });
  assert.equal(stretches.RRULE, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU");
  assert.equal(stretches.DTSTART, "20261130T210000");
  assert.equal("URL" in stretches || "DESCRIPTION" in stretches, false, "empty fields are left out");
  assert.equal(text.includes("TZID"), false);
  assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 2);
});

test("DTSTART is the first chosen weekday on or after the start, BYDAY in week order", () => {
  /** @type {[string, string[], string, string, string][]} start, days, time, DTSTART, BYDAY */
  const table = [
    ["2026-11-30", ["MO", "TH"], "07:30", "20261130T073000", "MO,TH"], // a Monday: that day
    ["2026-12-01", ["TH", "MO"], "07:30", "20261203T073000", "MO,TH"], // a Tuesday: Thursday
    ["2026-12-04", ["MO", "TH"], "18:05", "20261207T180500", "MO,TH"], // a Friday: next Monday
    ["2026-11-29", ["SU"], "00:00", "20261129T000000", "SU"], // a Sunday, Sunday only
    ["2026-11-30", ["SU"], "09:00", "20261206T090000", "SU"], // six days on
    ["2026-12-29", ["FR"], "06:00", "20270101T060000", "FR"], // into the new year
    ["2028-02-27", ["WE"], "12:00", "20280301T120000", "WE"], // over 29 February
    ["2028-02-28", ["TU"], "12:00", "20280229T120000", "TU"], // onto 29 February
  ];
  for (const [start, weekdays, time, dtstart, byday] of table) {
    const [e] = events(textOf(calendar({ prodid: PRODID, events: [event({ start, weekdays, time })] })));
    assert.equal(e.DTSTART, dtstart, start);
    assert.equal(e.RRULE, `FREQ=WEEKLY;BYDAY=${byday}`, start);
    assert.equal(e.DTSTAMP, `${start.replace(/-/g, "")}T000000Z`);
  }
});

test("DTEND adds the minutes, past midnight if need be", () => {
  const [e] = events(textOf(calendar({ prodid: PRODID, events: [event({ time: "23:50", minutes: 25, start: "2026-12-31", weekdays: ["TH"] })] })));
  assert.deepEqual([e.DTSTART, e.DTEND], ["20261231T235000", "20270101T001500"]);
});

test("the same input gives the same bytes", () => {
  const input = { prodid: PRODID, events: [event()] };
  assert.equal(textOf(calendar(input)), textOf(calendar(structuredClone(input))));
});

test("an alarm is added when the page asks for one", () => {
  const text = textOf(calendar({ prodid: PRODID, events: [event({ alarm_minutes: 10 }), event({ uid: "b", alarm_minutes: 0 })] }));
  const alarms = unfold(text).split("BEGIN:VALARM").slice(1).map((a) => a.split("END:VALARM")[0]);
  assert.equal(alarms.length, 2);
  assert.ok(alarms[0].includes("\r\nACTION:DISPLAY\r\n") && alarms[0].includes("\r\nTRIGGER:-PT10M\r\n"));
  assert.ok(alarms[1].includes("\r\nTRIGGER:PT0M\r\n"));
  assert.equal(textOf(calendar({ prodid: PRODID, events: [event()] })).includes("VALARM"), false);
});

test("text is escaped: backslash, semicolon, comma, line breaks", () => {
  assert.equal(escapeText("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  const [e] = events(textOf(calendar({ prodid: PRODID, events: [event({ title: "Stretch; then, rest\\relax\nTomorrow" })] })));
  assert.equal(e.SUMMARY, "Stretch\\; then\\, rest\\\\relax\\nTomorrow");
});

test("long lines are folded at 75 octets without splitting a character, and unfold to the original", () => {
  const description = "Gentle stretches — calves, hamstrings, quads. Hold each one: 30 seconds ✓ 😀 膝の痛み ".repeat(8);
  const text = textOf(calendar({ prodid: PRODID, events: [event({ description })] }));
  for (const line of text.split("\r\n")) {
    assert.ok(Buffer.byteLength(line, "utf8") <= MAX_LINE_OCTETS, line);
    assert.equal(/[\uD800-\uDFFF]/u.test(line), false, "no half of a surrogate pair");
  }
  assert.equal(events(text)[0].DESCRIPTION, escapeText(description));
  assert.ok(text.split("\r\n").some((l) => Buffer.byteLength(l, "utf8") === MAX_LINE_OCTETS || l.startsWith(" ")), "something was folded");
});

test("property: folding keeps every line within 75 octets, splits no character, and unfolds to the input", () => {
  fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary-ascii", maxLength: 5 }), (body, name) => {
    const line = `${name.replace(/[\r\n]/g, "")}:${body.replace(/[\r\n]/g, "")}`;
    const folded = fold(line);
    for (const part of folded.split("\r\n")) {
      assert.ok(Buffer.byteLength(part, "utf8") <= MAX_LINE_OCTETS);
      assert.equal(/[\uD800-\uDFFF]/u.test(part), false);
    }
    assert.equal(unfold(folded), line);
  }), { numRuns: 1000 });
});

test("bad input is refused with a code and the field", () => {
  /** @type {[Partial<ReminderEvent> | Record<string, unknown>, string, string][]} */
  const table = [
    [{ weekdays: ["MON"] }, "bad-field", "weekdays"],
    [{ weekdays: ["mo"] }, "bad-field", "weekdays"],
    [{ weekdays: [] }, "bad-field", "weekdays"],
    [{ weekdays: ["MO", "MO"] }, "bad-field", "weekdays"],
    [{ weekdays: "MO" }, "bad-field", "weekdays"],
    [{ time: "7:30" }, "bad-field", "time"],
    [{ time: "24:00" }, "bad-field", "time"],
    [{ time: "07:60" }, "bad-field", "time"],
    [{ minutes: 0 }, "bad-field", "minutes"],
    [{ minutes: 20.5 }, "bad-field", "minutes"],
    [{ minutes: 2000 }, "bad-field", "minutes"],
    [{ start: "2026-02-30" }, "bad-field", "start"],
    [{ start: "30/11/2026" }, "bad-field", "start"],
    [{ start: "0026-11-30" }, "bad-field", "start"],
    [{ url: "javascript:alert(1)" }, "bad-field", "url"],
    [{ url: "https://example.org/a b" }, "bad-field", "url"],
    [{ url: `https://example.org/${"a".repeat(2000)}` }, "too-long", "url"],
    [{ uid: "a b" }, "bad-field", "uid"],
    [{ uid: "x\r\nATTACH:evil" }, "bad-field", "uid"],
    [{ title: "" }, "bad-field", "title"],
    [{ title: "bell\u0007" }, "bad-field", "title"],
    [{ title: "half \uD83D" }, "bad-field", "title"],
    [{ title: "x".repeat(201) }, "too-long", "title"],
    [{ description: 42 }, "bad-field", "description"],
    [{ alarm_minutes: -5 }, "bad-field", "alarm_minutes"],
  ];
  for (const [change, error, field] of table) {
    const result = calendar({ prodid: PRODID, events: [event(), event(/** @type {Partial<ReminderEvent>} */ ({ uid: "second", ...change }))] });
    assert.deepEqual(result, { ok: false, error, path: `events[1].${field}` }, JSON.stringify(change));
  }
  assert.deepEqual(calendar({ prodid: PRODID, events: [] }), { ok: false, error: "no-events", path: "events" });
  assert.deepEqual(calendar({ prodid: PRODID, events: Array.from({ length: MAX_EVENTS + 1 }, (_, i) => event({ uid: `e${i}` })) }),
    { ok: false, error: "too-many", path: "events" });
  assert.deepEqual(calendar({ prodid: PRODID, events: [event(), event()] }), { ok: false, error: "duplicate-id", path: "events[1].uid" });
  assert.deepEqual(calendar({ prodid: "", events: [event()] }), { ok: false, error: "bad-field", path: "prodid" });
  assert.deepEqual(calendar(/** @type {any} */ ({ prodid: PRODID, events: [null] })), { ok: false, error: "not-an-object", path: "events[0]" });
  assert.deepEqual(calendar(/** @type {any} */ (null)), { ok: false, error: "not-an-object", path: "" });
});

