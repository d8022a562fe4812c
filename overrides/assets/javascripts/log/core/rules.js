/**
 * The guide's rules applied to the progress log: how many days this week a routine was done, the
 * last weeks as a calendar, when to move on to the next stage, when to ease off, which session to
 * ask about the next morning, and the numbers behind a plain-words summary.
 *
 * The thresholds are the protocol's and come from page data as `rules`; the answers are codes
 * (`{ready: false, reason: "not-easy"}`) the page turns into words. Days are the runner's local
 * calendar days (a session at 01:00 UTC may belong to the evening before); `now` is an argument.
 * The sessions and check-ins are assumed checked by records.js.
 */

/**
 * @typedef {import("./records.js").Session} Session
 * @typedef {import("./records.js").Checkin} Checkin
 * @typedef {{ok_max: number, acceptable_max: number, scale_max: number, running_max: number}} PainRules
 * @typedef {{pain: PainRules, move_on: {sessions: number, all_easy: boolean}, ease_off: {in_a_row: number},
 *   week_starts: number}} Rules
 * @typedef {{done_days: number, dates: string[], start: string}} Week
 * @typedef {{date: string, routines: string[], items: string[], today: boolean, future: boolean}} Day
 * @typedef {{start: string, days: Day[]}} CalendarWeek
 * @typedef {{ready: boolean, reason: "ready" | "not-enough-sessions" | "pain-too-high" | "worse-next-morning" |
 *   "no-pain-score" | "not-easy" | "no-morning-yet", sessions_counted: number}} MoveOn
 * @typedef {{ease_off: boolean, reason: "none" | "pain-during" | "run-too-painful" | "worse-next-morning"}} EaseOff
 * @typedef {{weeks: number, average_of: number}} SummaryWindow
 * @typedef {{routine: string, title: string | null, times: number, total: number, last_date: string,
 *   first_pain: number | null, latest_pain: number | null, trend: "down" | "up" | "same" | null,
 *   worse_mornings: number}} RoutineSummary
 */

/** Days in a week (a definition, not a protocol number). */
const WEEK_DAYS = 7;
/** The longest calendar drawn, whatever the page asks for (ten years). */
export const MAX_CALENDAR_WEEKS = 520;

/** @param {Date | number} now @returns {Date} */
const asDate = (now) => new Date(typeof now === "number" ? now : now.getTime());

/** @param {number} n @returns {string} */
const pad = (n) => String(n).padStart(2, "0");

/**
 * The local calendar day of a moment, as "YYYY-MM-DD" (these sort as the days do).
 * @param {Date} date
 * @returns {string}
 */
export function dayKey(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** @param {string} iso @returns {string} */
const dayOf = (iso) => dayKey(new Date(iso));

/**
 * Local midnight n days after (or before) a moment's day; safe across clock changes.
 * @param {Date} date
 * @param {number} n
 * @returns {Date}
 */
function addDays(date, n) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + n);
}

/**
 * Local midnight of the first day of now's week; weekStarts is 0 for Sunday, 1 for Monday, ...
 * @param {Date} now
 * @param {number} weekStarts
 * @returns {Date}
 */
function weekStart(now, weekStarts) {
  const first = ((Math.trunc(weekStarts) % WEEK_DAYS) + WEEK_DAYS) % WEEK_DAYS || 0;
  return addDays(now, -((now.getDay() - first + WEEK_DAYS) % WEEK_DAYS));
}

/** Sessions oldest first (a copy). @param {Session[]} sessions @returns {Session[]} */
const byStart = (sessions) => [...sessions].sort((a, b) => Date.parse(a.started) - Date.parse(b.started));

/** Ids of the sessions a check-in said were followed by a worse morning. @param {Checkin[]} checkins */
const worseIds = (checkins) => new Set(checkins.filter((c) => c.worse).map((c) => c.session));

/** @param {number} n @param {number} min @param {number} max @returns {number} */
const clampWhole = (n, min, max) => (Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min);

/**
 * The days of this calendar week on which the routine was done; two sessions on one day count once.
 * The page compares `done_days` with the routine's `days_per_week`.
 * @param {Session[]} sessions
 * @param {string} routineId
 * @param {Date | number} now
 * @param {number} weekStarts
 * @returns {Week}
 */
export function week(sessions, routineId, now, weekStarts) {
  const start = weekStart(asDate(now), weekStarts);
  const from = dayKey(start);
  const to = dayKey(addDays(start, WEEK_DAYS - 1));
  const dates = new Set(sessions.filter((s) => s.routine === routineId).map((s) => dayOf(s.started)).filter((d) => d >= from && d <= to));
  return { done_days: dates.size, dates: [...dates].sort(), start: from };
}

/**
 * The last `weeks` calendar weeks (this one last), each a row of seven days with the routines (and
 * single items, for sessions of no routine) done that day, in the order they were first done.
 * @param {Session[]} sessions
 * @param {Date | number} now
 * @param {number} weeks
 * @param {number} weekStarts
 * @returns {CalendarWeek[]}
 */
export function calendar(sessions, now, weeks, weekStarts) {
  const today = dayKey(asDate(now));
  const count = clampWhole(weeks, 0, MAX_CALENDAR_WEEKS);
  /** @type {Map<string, Day>} */
  const days = new Map();
  /** @type {CalendarWeek[]} */
  const rows = [];
  const first = addDays(weekStart(asDate(now), weekStarts), -WEEK_DAYS * (count - 1));
  for (let w = 0; w < count; w++) {
    const row = { start: dayKey(addDays(first, w * WEEK_DAYS)), days: /** @type {Day[]} */ ([]) };
    for (let d = 0; d < WEEK_DAYS; d++) {
      const date = dayKey(addDays(first, w * WEEK_DAYS + d));
      const day = { date, routines: [], items: [], today: date === today, future: date > today };
      days.set(date, day);
      row.days.push(day);
    }
    rows.push(row);
  }
  for (const s of byStart(sessions)) {
    const day = days.get(dayOf(s.started));
    if (!day) continue;
    const names = s.routine === null ? s.items.map((i) => i.item) : [s.routine];
    const into = s.routine === null ? day.items : day.routines;
    for (const name of names) if (!into.includes(name)) into.push(name);
  }
  return rows;
}

/**
 * Where a pain score sits on the pain rule: "ok" up to ok_max, "acceptable" up to acceptable_max,
 * else "too-high"; null for no score.
 * @param {number | null} pain
 * @param {PainRules} painRules
 * @returns {"ok" | "acceptable" | "too-high" | null}
 */
export function painBand(pain, painRules) {
  if (pain === null) return null;
  return pain <= painRules.ok_max ? "ok" : pain <= painRules.acceptable_max ? "acceptable" : "too-high";
}

/**
 * Ready to move on when each of the last `move_on.sessions` sessions of the routine (in a row) had
 * a pain score within the acceptable level, was marked easy (if `move_on.all_easy`), and has had
 * its next morning: a check-in saying the knee was no worse than usual. One easy session can be
 * chance; several in a row, each with a known good morning, are the sign. When several reasons
 * apply, the first in this order is given: not-enough-sessions, pain-too-high, worse-next-morning,
 * no-pain-score, not-easy, no-morning-yet.
 * @param {Session[]} sessions
 * @param {Checkin[]} checkins
 * @param {string} routineId
 * @param {Rules} rules
 * @returns {MoveOn}
 */
export function moveOn(sessions, checkins, routineId, rules) {
  const need = clampWhole(rules.move_on.sessions, 1, Infinity);
  const worse = worseIds(checkins);
  const fine = new Set(checkins.filter((c) => c.worse === false).map((c) => c.session));
  const last = byStart(sessions.filter((s) => s.routine === routineId)).slice(-need);
  /** @param {MoveOn["reason"]} reason @returns {MoveOn} */
  const answer = (reason) => ({ ready: reason === "ready", reason, sessions_counted: last.length });
  if (last.length < need) return answer("not-enough-sessions");
  if (last.some((s) => s.pain !== null && s.pain > rules.pain.acceptable_max)) return answer("pain-too-high");
  if (last.some((s) => worse.has(s.id))) return answer("worse-next-morning");
  if (last.some((s) => s.pain === null)) return answer("no-pain-score");
  if (rules.move_on.all_easy && last.some((s) => s.easy !== true)) return answer("not-easy");
  if (!last.every((s) => fine.has(s.id))) return answer("no-morning-yet");
  return answer("ready");
}

/**
 * Ease off (do less next time) when each of the last `ease_off.in_a_row` sessions, of any routine,
 * had pain above its limit during it or a worse next morning. A run (a session of a back-to-running
 * stage) is judged by the running limit, and its reason is "run-too-painful": the runner steps back
 * a stage, rather than doing fewer repetitions. The reason is the latest session's (pain first).
 * @param {Session[]} sessions
 * @param {Checkin[]} checkins
 * @param {Rules} rules
 * @returns {EaseOff}
 */
export function easeOff(sessions, checkins, rules) {
  const need = clampWhole(rules.ease_off.in_a_row, 1, Infinity);
  const worse = worseIds(checkins);
  /** @param {Session} s @returns {EaseOff["reason"]} */
  const why = (s) => {
    const run = typeof s.stage === "string";
    const limit = run ? rules.pain.running_max : rules.pain.acceptable_max;
    if (s.pain !== null && s.pain > limit) return run ? "run-too-painful" : "pain-during";
    return worse.has(s.id) ? "worse-next-morning" : "none";
  };
  const last = byStart(sessions).slice(-need);
  if (last.length < need || last.some((s) => why(s) === "none")) return { ease_off: false, reason: "none" };
  return { ease_off: true, reason: why(last[last.length - 1]) };
}

/**
 * The session to ask "Is your knee worse than usual this morning?" about, or null. The rule: only
 * the latest session is ever asked about; it is asked about on any later calendar day than the one
 * it ended on (the next day the guide is opened, however many days later), until a check-in for it
 * exists. A session done today means no question (its morning has not come); an older unanswered
 * session is never asked about once a later session exists.
 * @param {Session[]} sessions
 * @param {Checkin[]} checkins
 * @param {Date | number} now
 * @returns {Session | null}
 */
export function pendingCheckin(sessions, checkins, now) {
  const latest = byStart(sessions).pop();
  if (!latest || dayOf(latest.ended) >= dayKey(asDate(now))) return null;
  return checkins.some((c) => c.session === latest.id) ? null : latest;
}

/** @param {number[]} values @returns {number} the mean to one decimal place */
const mean = (values) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/**
 * Per routine done at least once: sessions in the last `window.weeks` weeks (today and the 7 × weeks
 * − 1 days before), all sessions, the latest day, the mean pain during the first and the latest
 * `window.average_of` sessions with a score (fewer, split in two halves, when there are under twice
 * that many; one score gives both and no trend), the trend from first to latest, and the sessions
 * followed by a worse morning. Routines come in the order of `routineTitles`, then any others by id;
 * sessions of no routine are left out.
 * @param {Session[]} sessions
 * @param {Checkin[]} checkins
 * @param {Record<string, string>} routineTitles
 * @param {Date | number} now
 * @param {SummaryWindow} window
 * @returns {RoutineSummary[]}
 */
export function summary(sessions, checkins, routineTitles, now, window) {
  const today = asDate(now);
  const to = dayKey(today);
  const from = dayKey(addDays(today, -(WEEK_DAYS * clampWhole(window.weeks, 0, MAX_CALENDAR_WEEKS) - 1)));
  const worse = worseIds(checkins);
  const known = Object.keys(routineTitles);
  const ids = [...new Set(sessions.map((s) => s.routine))].filter((r) => r !== null);
  const order = (/** @type {string} */ r) => (known.includes(r) ? known.indexOf(r) : known.length);
  ids.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((routine) => {
    const done = byStart(sessions.filter((s) => s.routine === routine));
    const scores = done.flatMap((s) => (s.pain === null ? [] : [s.pain]));
    const k = Math.min(clampWhole(window.average_of, 1, Infinity), Math.floor(scores.length / 2));
    const first = scores.length === 0 ? null : mean(k ? scores.slice(0, k) : scores);
    const latest = scores.length === 0 ? null : mean(k ? scores.slice(-k) : scores);
    const trend = !k || first === null || latest === null ? null : latest < first ? "down" : latest > first ? "up" : "same";
    return {
      routine,
      title: Object.prototype.hasOwnProperty.call(routineTitles, routine) ? routineTitles[routine] : null,
      times: done.filter((s) => dayOf(s.started) >= from && dayOf(s.started) <= to).length,
      total: done.length,
      last_date: dayOf(done[done.length - 1].started),
      first_pain: first,
      latest_pain: latest,
      trend,
      worse_mornings: done.filter((s) => worse.has(s.id)).length,
    };
  });
}
