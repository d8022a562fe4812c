// log/core/rules.js: the week count, the calendar, moving on, easing off, the next-morning question and
// the summary, each on a table of logs. Days are local: this file runs in New York, where the
// clocks go back on Sunday 1 November 2026, so a day is not always 24 hours and UTC dates differ.
process.env.TZ = "America/New_York";

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { localDay as dayKey } from "../../overrides/assets/javascripts/shared/core/days.js";
import { calendar, easeOff, painOf, painRulesOf, partOf, protocolOf, routineProtocol, moveOn, painBand, pendingCheckin, summary, week } from "../../overrides/assets/javascripts/log/core/rules.js";

/**
 * @typedef {import("../../overrides/assets/javascripts/log/core/records.js").Session} Session
 * @typedef {import("../../overrides/assets/javascripts/log/core/records.js").Checkin} Checkin
 * @typedef {import("../../overrides/assets/javascripts/log/core/rules.js").Rules} Rules
 */

/** @type {Rules} */
const RULES = { pain: { ok_max: 3, acceptable_max: 5, scale_min: 0, scale_max: 10, running_max: 2 }, move_on: { sessions: 3, all_easy: true }, ease_off: { in_a_row: 2 }, week_starts: 1 };

/** Thursday 26 November 2026, 10:00 local time. */
const NOW = new Date(2026, 10, 26, 10, 0);

/**
 * A session on a local day of November 2026 (or a "YYYY-MM-DD"), 20 minutes long.
 * @param {string} id
 * @param {string | null} routine
 * @param {number | string} day
 * @param {{hour?: number, pain?: number | null, easy?: boolean | null, minutes?: number, items?: string[], stage?: string | null,
 *   protocol?: string | null}} [opts]
 * @returns {Session}
 */
function s(id, routine, day, opts = {}) {
  const [y, m, d] = typeof day === "number" ? [2026, 11, day] : day.split("-").map(Number);
  const start = new Date(y, m - 1, d, opts.hour ?? 9, 0);
  return {
    v: 2, id, routine, plan: null, source: "player", started: start.toISOString(),
    ended: new Date(start.getTime() + (opts.minutes ?? 20) * 60000).toISOString(),
    items: (opts.items ?? ["clams"]).map((item) => ({ item, sets: [] })),
    pain: opts.pain === undefined ? 2 : opts.pain, easy: opts.easy === undefined ? true : opts.easy, stage: opts.stage ?? null,
    protocol: opts.protocol ?? null,
  };
}

/** @param {string} session @param {boolean} worse @returns {Checkin} */
const morning = (session, worse) => ({ v: 2, id: `c-${session}`, kind: "morning", date: "2026-11-27", session, worse, pain: null });

test("this week counts days, not sessions, from the page's first weekday, on local dates", () => {
  const sessions = [
    s("a", "hip", 23, { hour: 8 }), s("b", "hip", 23, { hour: 18 }), s("c", "hip", 25), s("d", "hip", 22),
    s("e", "stretch", 24), s("f", "hip", 16), s("next", "hip", 30),
  ];
  assert.deepEqual(week(sessions, "hip", NOW, 1), { done_days: 2, dates: ["2026-11-23", "2026-11-25"], start: "2026-11-23" });
  assert.deepEqual(week(sessions, "hip", NOW, 0), { done_days: 3, dates: ["2026-11-22", "2026-11-23", "2026-11-25"], start: "2026-11-22" });
  assert.deepEqual(week(sessions, "stretch", NOW.getTime(), 1), { done_days: 1, dates: ["2026-11-24"], start: "2026-11-23" });
  assert.deepEqual(week(sessions, "none", NOW, 1), { done_days: 0, dates: [], start: "2026-11-23" });
  // 21:00 on Sunday 29 November in New York is already Monday 30 in UTC: still this week.
  const evening = s("g", "hip", 29, { hour: 21 });
  assert.ok(evening.started.startsWith("2026-11-30"));
  assert.equal(week([evening], "hip", NOW, 1).done_days, 1);
  // On the first day of the week, the week is that day onward.
  assert.equal(week(sessions, "hip", new Date(2026, 10, 23, 0, 0), 1).start, "2026-11-23");
  assert.equal(week(sessions, "hip", new Date(2026, 10, 22, 23, 59), 1).start, "2026-11-16");
});

test("the calendar is the last weeks as rows of seven local days, across the clock change", () => {
  const sessions = [s("a", "hip", 23), s("b", "stretch", 23, { hour: 7 }), s("c", "hip", 23, { hour: 19 }),
    s("d", null, 24, { items: ["ice", "clams"] }), s("e", "hip", "2026-11-01"), s("f", "hip", "2026-10-25")];
  const rows = calendar(sessions, NOW, 5, 1);
  assert.deepEqual(rows.map((r) => r.start), ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
  const days = rows.flatMap((r) => r.days);
  assert.equal(days.length, 35);
  for (let i = 1; i < days.length; i++) {
    const next = new Date(days[i - 1].date + "T12:00:00");
    next.setDate(next.getDate() + 1);
    assert.equal(days[i].date, dayKey(next), "consecutive days");
  }
  const byDate = Object.fromEntries(days.map((d) => [d.date, d]));
  assert.deepEqual(byDate["2026-11-23"].routines, ["stretch", "hip"]);
  assert.deepEqual(byDate["2026-11-24"], { date: "2026-11-24", routines: [], items: ["ice", "clams"], today: false, future: false });
  assert.deepEqual(byDate["2026-11-01"].routines, ["hip"]);
  assert.equal(byDate["2026-10-25"], undefined, "before the first row");
  assert.equal(byDate["2026-11-26"].today, true);
  assert.deepEqual(days.filter((d) => d.future).map((d) => d.date), ["2026-11-27", "2026-11-28", "2026-11-29"]);
  assert.deepEqual(calendar(sessions, NOW, 0, 1), []);
  // Just after midnight, the week after the clocks went forward (8 March 2026): a day is not 24 hours back.
  const spring = calendar([], new Date(2026, 2, 12, 0, 30), 2, 1);
  assert.deepEqual(spring.map((r) => [r.start, r.days[6].date]), [["2026-03-02", "2026-03-08"], ["2026-03-09", "2026-03-15"]]);
  assert.equal(calendar(sessions, NOW, 2, 0)[1].start, "2026-11-22");
});

test("pain bands follow the page's limits", () => {
  assert.deepEqual([0, 3, 4, 5, 6, 10, null].map((p) => painBand(p, RULES.pain)), ["ok", "ok", "acceptable", "acceptable", "too-high", "too-high", null]);
});

test("moving on: ready, and not yet for each reason", () => {
  const easy = [s("a", "hip", 20), s("b", "hip", 23), s("c", "hip", 25)];
  const fine = [morning("a", false), morning("b", false), morning("c", false)];
  /** @type {[string, Session[], Checkin[], string, number][]} */
  const table = [
    ["three easy sessions within the pain limit, each with a good next morning", easy, fine, "ready", 3],
    ["the same, before the latest next morning's check-in", easy, fine.slice(0, 2), "no-morning-yet", 3],
    ["a check-in about the latest session only", easy, [morning("c", false)], "no-morning-yet", 3],
    ["pain exactly at the acceptable level", [s("a", "hip", 20, { pain: 5 }), ...easy.slice(1)], fine, "ready", 3],
    ["only two sessions", easy.slice(1), fine, "not-enough-sessions", 2],
    ["none at all", [], [], "not-enough-sessions", 0],
    ["other routines do not count", [...easy.slice(1), s("x", "stretch", 26)], fine, "not-enough-sessions", 2],
    ["one not easy", [s("a", "hip", 20, { easy: false }), ...easy.slice(1)], fine, "not-easy", 3],
    ["easy not answered", [...easy.slice(0, 2), s("c", "hip", 25, { easy: null })], fine, "not-easy", 3],
    ["pain above the acceptable level", [s("a", "hip", 20, { pain: 6 }), ...easy.slice(1)], fine, "pain-too-high", 3],
    ["pain too high wins over not easy", [s("a", "hip", 20, { pain: 8, easy: false }), ...easy.slice(1)], fine, "pain-too-high", 3],
    ["worse the next morning", easy, [morning("a", false), morning("b", true), morning("c", false)], "worse-next-morning", 3],
    ["the latest morning was worse", easy, [...fine.slice(0, 2), morning("c", true)], "worse-next-morning", 3],
    ["no pain score", [s("a", "hip", 20, { pain: null }), ...easy.slice(1)], fine, "no-pain-score", 3],
    ["only the last three count", [s("old", "hip", 10, { pain: 9, easy: false }), ...easy], [morning("old", true), ...fine], "ready", 3],
    ["the order of the input does not matter", [easy[2], s("old", "hip", 10, { easy: false }), easy[0], easy[1]], fine, "ready", 3],
  ];
  for (const [name, sessions, checkins, reason, counted] of table) {
    assert.deepEqual(moveOn(sessions, checkins, "hip", RULES), { ready: reason === "ready", reason, sessions_counted: counted }, name);
  }
  const anyEffort = { ...RULES, move_on: { sessions: 3, all_easy: false } };
  assert.equal(moveOn([s("a", "hip", 20, { easy: false }), ...easy.slice(1)], fine, "hip", anyEffort).reason, "ready");
  const two = { ...RULES, move_on: { sessions: 2, all_easy: true } };
  assert.equal(moveOn(easy.slice(1), fine, "hip", two).reason, "ready");
});

test("move on needs two easy sessions in a row, each with a morning no worse", () => {
  const two = { ...RULES, move_on: { sessions: 2, all_easy: true } };
  const a = s("a", "hip", 23);
  const b = s("b", "hip", 25);
  assert.equal(moveOn([b], [morning("b", false)], "hip", two).reason, "not-enough-sessions", "one easy session is not enough");
  assert.equal(moveOn([a, b], [morning("b", false)], "hip", two).reason, "no-morning-yet", "the first session's morning is unknown");
  assert.equal(moveOn([a, b], [morning("a", false), morning("b", false)], "hip", two).reason, "ready");
  const hard = s("h", "hip", 24, { easy: false });
  assert.equal(moveOn([a, hard, b], [morning("a", false), morning("h", false), morning("b", false)], "hip", two).reason, "not-easy",
    "the two must be in a row");
});

test("a run is judged by the running limit and means stepping back, not fewer repetitions", () => {
  const run = (/** @type {string} */ id, /** @type {number} */ day, /** @type {number} */ pain) => s(id, null, day, { pain, stage: "stage-2" });
  // 3 out of 10 is within the exercise rule but above the running limit.
  assert.deepEqual(easeOff([run("r1", 20, 3), run("r2", 22, 3)], [], RULES), { ease_off: true, reason: "run-too-painful", run: true });
  assert.deepEqual(easeOff([s("e1", "hip", 20, { pain: 3 }), s("e2", "hip", 22, { pain: 3 })], [], RULES),
    { ease_off: false, reason: "none", run: false });
  assert.deepEqual(easeOff([run("r1", 20, 2), run("r2", 22, 2)], [], RULES), { ease_off: false, reason: "none", run: false },
    "at the limit is within it");
  assert.deepEqual(easeOff([s("e1", "hip", 20, { pain: 7 }), run("r2", 22, 4)], [], RULES), { ease_off: true, reason: "run-too-painful", run: true });
  // A run followed by a worse morning also means stepping back: the reason is the morning, the advice a run's.
  assert.deepEqual(easeOff([run("r1", 20, 1), run("r2", 22, 1)], [morning("r1", true), morning("r2", true)], RULES),
    { ease_off: true, reason: "worse-next-morning", run: true });
});

test("easing off after two bad sessions in a row, not after one", () => {
  const ok = (/** @type {string} */ id, /** @type {number} */ day) => s(id, "hip", day);
  const hurt = (/** @type {string} */ id, /** @type {number} */ day) => s(id, "hip", day, { pain: 7 });
  /** @type {[string, Session[], Checkin[], boolean, string][]} */
  const table = [
    ["no sessions", [], [], false, "none"],
    ["one painful session", [ok("a", 20), hurt("b", 23)], [], false, "none"],
    ["two painful sessions in a row", [ok("a", 20), hurt("b", 23), hurt("c", 25)], [], true, "pain-during"],
    ["painful, fine, painful", [hurt("a", 20), ok("b", 23), hurt("c", 25)], [], false, "none"],
    ["two painful, then a fine one", [hurt("a", 20), hurt("b", 23), ok("c", 25)], [], false, "none"],
    ["pain exactly at the acceptable level is not too much", [s("a", "hip", 23, { pain: 5 }), s("b", "hip", 25, { pain: 5 })], [], false, "none"],
    ["worse next morning twice", [ok("a", 23), ok("b", 25)], [morning("a", true), morning("b", true)], true, "worse-next-morning"],
    ["worse once", [ok("a", 23), ok("b", 25)], [morning("a", true), morning("b", false)], false, "none"],
    ["painful, then worse the next morning", [hurt("a", 23), ok("b", 25)], [morning("b", true)], true, "worse-next-morning"],
    ["worse, then painful", [ok("a", 23), hurt("b", 25)], [morning("a", true)], true, "pain-during"],
    ["across routines", [hurt("a", 23), s("b", "stretch", 25, { pain: 6 })], [], true, "pain-during"],
    ["no pain score is not bad", [hurt("a", 23), s("b", "hip", 25, { pain: null })], [], false, "none"],
  ];
  for (const [name, sessions, checkins, ease, reason] of table) {
    const found = easeOff(sessions, checkins, RULES);
    assert.deepEqual({ ease_off: found.ease_off, reason: found.reason }, { ease_off: ease, reason }, name);
  }
  const three = { ...RULES, ease_off: { in_a_row: 3 } };
  assert.equal(easeOff([hurt("a", 20), hurt("b", 23)], [], three).ease_off, false);
  assert.equal(easeOff([hurt("a", 20), hurt("b", 23), hurt("c", 25)], [], three).ease_off, true);
});

test("the next-morning question is about the latest session, from the next day on, once", () => {
  const yesterday = s("y", "hip", 25);
  /** @type {[string, Session[], Checkin[], string | null][]} */
  const table = [
    ["no sessions", [], [], null],
    ["a session yesterday", [yesterday], [], "y"],
    ["already answered", [yesterday], [morning("y", false)], null],
    ["a session today: its morning has not come", [s("t", "hip", 26, { hour: 7 })], [], null],
    ["yesterday and today: nothing (yesterday's is passed over)", [yesterday, s("t", "hip", 26, { hour: 7 })], [], null],
    ["two earlier sessions: only the latest", [s("old", "hip", 20), yesterday], [], "y"],
    ["the latest is answered: an older one is not asked", [s("old", "hip", 20), yesterday], [morning("y", true)], null],
    ["days later, still asked", [s("w", "hip", 19)], [], "w"],
    ["late at night, ended after midnight: not yet", [s("n", "hip", 25, { hour: 23, minutes: 70 })], [], null],
    ["the order of the input does not matter", [yesterday, s("old", "hip", 20)], [], "y"],
  ];
  for (const [name, sessions, checkins, expected] of table) {
    assert.equal(pendingCheckin(sessions, checkins, NOW)?.id ?? null, expected, name);
  }
  assert.equal(pendingCheckin([s("t", "hip", 26, { hour: 7 })], [], new Date(2026, 10, 27, 0, 1))?.id, "t", "just after midnight");
});

test("the summary: routines in page order, times, first and latest pain, trend", () => {
  const titles = { hip: "Hip strength", stretch: "Daily stretches", ice: "Ice" };
  const sessions = [
    s("h1", "hip", "2026-09-01", { pain: 6 }), s("h2", "hip", "2026-09-03", { pain: 5 }), s("h3", "hip", "2026-09-05", { pain: null }),
    s("h4", "hip", "2026-09-08", { pain: 4 }), s("h5", "hip", 20, { pain: 2 }), s("h6", "hip", 23, { pain: 2 }), s("h7", "hip", 25, { pain: 1 }),
    s("s1", "stretch", 24, { pain: 1 }), s("s2", "stretch", 26, { pain: 3 }),
    s("x1", "unknown", 2, { pain: 2 }), s("single", null, 25),
  ];
  const result = summary(sessions, [morning("h6", true), morning("h7", false)], titles, NOW, { weeks: 4, average_of: 3 });
  assert.deepEqual(result.map((r) => r.routine), ["hip", "stretch", "unknown"]);
  const [hip, stretch, unknown] = result;
  assert.deepEqual(hip, { routine: "hip", title: "Hip strength", times: 3, total: 7, last_date: "2026-11-25",
    first_pain: 5, latest_pain: 1.7, trend: "down", worse_mornings: 1 });
  assert.deepEqual([stretch.first_pain, stretch.latest_pain, stretch.trend, stretch.times], [1, 3, "up", 2]);
  assert.deepEqual([unknown.title, unknown.first_pain, unknown.latest_pain, unknown.trend, unknown.times], [null, 2, 2, null, 1]);
  const same = summary([s("a", "hip", 23, { pain: 2 }), s("b", "hip", 25, { pain: 2 })], [], titles, NOW, { weeks: 1, average_of: 3 });
  assert.equal(same[0].trend, "same");
  const none = summary([s("a", "hip", 23, { pain: null })], [], titles, NOW, { weeks: 1, average_of: 3 });
  assert.deepEqual([none[0].first_pain, none[0].latest_pain, none[0].trend], [null, null, null]);
  assert.equal(summary(sessions, [], titles, NOW, { weeks: 1, average_of: 3 })[0].times, 3, "the 20th is six days before the 26th");
  assert.equal(summary(sessions, [], titles, new Date(2026, 10, 27, 8), { weeks: 1, average_of: 3 })[0].times, 2, "and seven before the 27th");
});

test("property: the week's days are distinct, sorted, within seven days of its start, and agree with the calendar", () => {
  const day = fc.integer({ min: 0, max: 60 });
  fc.assert(fc.property(fc.array(fc.tuple(day, fc.integer({ min: 0, max: 23 })), { maxLength: 40 }), fc.integer({ min: 0, max: 6 }), (list, first) => {
    const sessions = list.map(([d, h], i) => s(`s${i}`, "hip", dayKey(new Date(2026, 9, 1 + d)), { hour: h }));
    const w = week(sessions, "hip", NOW, first);
    assert.equal(w.done_days, w.dates.length);
    assert.deepEqual(w.dates, [...new Set(w.dates)].sort());
    const row = calendar(sessions, NOW, 1, first)[0];
    assert.equal(row.start, w.start);
    assert.deepEqual(row.days.filter((d) => d.routines.includes("hip")).map((d) => d.date), w.dates);
  }));
});

/** A library of two protocols with their own pain rules, and the strictest of both for anything else. */
const LIBRARY = {
  ...RULES,
  pain: { ok_max: 2, acceptable_max: 4, scale_min: 0, scale_max: 10, running_max: 2 },
  part: "it",
  protocols: {
    one: { part: "your one", pain: { ok_max: 3, acceptable_max: 5, scale_min: 0, scale_max: 10, running_max: 2 } },
    two: { part: "your two", pain: { ok_max: 2, acceptable_max: 4, scale_min: 0, scale_max: 10, running_max: 5 } },
  },
  routines: {
    hip: { protocol: "one", acceptable_max: 5 },
    strict: { protocol: "one", acceptable_max: 3 },
    wob: { protocol: "two", acceptable_max: 4 },
  },
  move_on: { sessions: 2, all_easy: true },
};

test("each session is judged by its own protocol's rule, a routine's own stricter limit, or the strictest", () => {
  assert.equal(protocolOf(s("a", "hip", 20), LIBRARY), "one");
  assert.equal(protocolOf(s("a", "wob", 20), LIBRARY), "two");
  assert.equal(protocolOf(s("a", null, 20), LIBRARY), null, "a plan's or a single item's session");
  assert.equal(protocolOf(s("a", "gone", 20), LIBRARY), null, "a routine this copy does not have");
  assert.equal(protocolOf(s("a", null, 20, { stage: "stage-1", protocol: "two" }), LIBRARY), "two", "a run names its own");
  assert.equal(protocolOf(s("a", "constructor", 20), LIBRARY), null);
  assert.equal(painRulesOf(s("a", "hip", 20), LIBRARY).acceptable_max, 5);
  assert.equal(painRulesOf(s("a", "strict", 20), LIBRARY).acceptable_max, 3);
  assert.equal(painRulesOf(s("a", "wob", 20), LIBRARY).acceptable_max, 4);
  assert.deepEqual(painRulesOf(s("a", null, 20), LIBRARY), LIBRARY.pain);
  assert.equal(partOf(protocolOf(s("a", "wob", 20), LIBRARY), LIBRARY), "your two");
  assert.equal(partOf(protocolOf(s("a", null, 20), LIBRARY), LIBRARY), "it");
  assert.equal(partOf(null, LIBRARY), "it");
  assert.equal(partOf("gone", LIBRARY), "it");
  assert.equal(partOf("one", RULES), "", "a page with no words for it");
  assert.equal(routineProtocol("strict", LIBRARY), "one");
  assert.equal(routineProtocol(null, LIBRARY), null);
  assert.deepEqual(painOf("two", LIBRARY), LIBRARY.protocols.two.pain);
  assert.deepEqual(painOf(null, LIBRARY), LIBRARY.pain);

  // 5 out of 10 is within the first protocol's rule and above the second's.
  const at5 = (/** @type {string} */ id, /** @type {string} */ routine, /** @type {number} */ day) => s(id, routine, day, { pain: 5 });
  assert.equal(easeOff([at5("a", "hip", 20), at5("b", "hip", 22)], [], LIBRARY).ease_off, false);
  assert.deepEqual(easeOff([at5("a", "wob", 20), at5("b", "wob", 22)], [], LIBRARY), { ease_off: true, reason: "pain-during", run: false });
  assert.equal(easeOff([at5("a", "hip", 20), at5("b", "wob", 22)], [], LIBRARY).ease_off, false, "one of the two was within its rule");
  assert.equal(easeOff([at5("a", "strict", 20), at5("b", "strict", 22)], [], LIBRARY).ease_off, true);
  const fine = [morning("a", false), morning("b", false)];
  assert.equal(moveOn([at5("a", "hip", 20), at5("b", "hip", 22)], fine, "hip", LIBRARY).reason, "ready");
  assert.equal(moveOn([at5("a", "wob", 20), at5("b", "wob", 22)], fine, "wob", LIBRARY).reason, "pain-too-high");

  // A run at 4: within the second protocol's running limit, above the first's (and the strictest).
  const run = (/** @type {string} */ id, /** @type {number} */ day, /** @type {string | null} */ protocol) =>
    s(id, null, day, { pain: 4, stage: "stage-2", protocol });
  assert.equal(easeOff([run("a", 20, "two"), run("b", 22, "two")], [], LIBRARY).ease_off, false);
  assert.deepEqual(easeOff([run("a", 20, "one"), run("b", 22, "one")], [], LIBRARY), { ease_off: true, reason: "run-too-painful", run: true });
  assert.equal(easeOff([run("a", 20, null), run("b", 22, null)], [], LIBRARY).ease_off, true, "a run of no known protocol: the strictest");
});
