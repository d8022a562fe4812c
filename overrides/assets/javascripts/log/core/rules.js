/**
 * The guide's rules applied to the progress log: how many days this week a routine was done, the
 * last weeks as a calendar, when to move on to the next stage, when to ease off, which session to
 * ask about the next morning, and the numbers behind a plain-words summary.
 *
 * The thresholds come from page data as `rules`: each protocol's pain rule (`protocols`), which
 * protocol each routine is of and its own limit (`routines`: a routine may hold an exercise with a
 * stricter rule of its own), and the strictest rule of all (`pain`), for a session of no one
 * protocol. Each session is judged by its own protocol's rule (`painRulesOf`). The answers are codes
 * (`{ready: false, reason: "not-easy"}`) the page turns into words. Days are the runner's local
 * calendar days (a session at 01:00 UTC may belong to the evening before); `now` is an argument.
 * The sessions and check-ins are assumed checked by records.js.
 */
import { localDay, WEEK_DAYS } from "../../shared/core/days.js";
import { own } from "../../shared/core/own.js";

/**
 * @typedef {import("./records.js").Session} Session
 * @typedef {import("./records.js").Checkin} Checkin
 * @typedef {{ok_max: number, acceptable_max: number, scale_min: number, scale_max: number, running_max: number}} PainRules
 * @typedef {{title?: string, part: string, pain: PainRules}} ProtocolRules
 * @typedef {{protocol: string | null, acceptable_max: number | null}} RoutineRules
 * @typedef {{pain: PainRules, protocols?: Record<string, ProtocolRules>, routines?: Record<string, RoutineRules>,
 *   part?: string, move_on: {sessions: number, all_easy: boolean}, ease_off: {in_a_row: number},
 *   week_starts: number}} Rules
 * @typedef {{done_days: number, dates: string[], start: string}} Week
 * @typedef {{date: string, routines: string[], items: string[], today: boolean, future: boolean}} Day
 * @typedef {{start: string, days: Day[]}} CalendarWeek
 * @typedef {{ready: boolean, reason: "ready" | "not-enough-sessions" | "pain-too-high" | "worse-next-morning" |
 *   "no-pain-score" | "not-easy" | "no-morning-yet", sessions_counted: number}} MoveOn
 * @typedef {{ease_off: boolean, reason: "none" | "pain-during" | "run-too-painful" | "worse-next-morning",
 *   run: boolean}} EaseOff `run`: the latest session was a run (the advice is to step back a stage)
 * @typedef {{weeks: number, average_of: number}} SummaryWindow
 * @typedef {{routine: string, title: string | null, times: number, total: number, last_date: string,
 *   first_pain: number | null, latest_pain: number | null, trend: "down" | "up" | "same" | null,
 *   worse_mornings: number}} RoutineSummary
 */

/** The longest calendar drawn, whatever the page asks for (ten years). */
export const MAX_CALENDAR_WEEKS = 520;

/**
 * The protocol a session is judged by: the one it names (a run), else its routine's; null for a
 * session of no one protocol (a plan, a single item, a routine this copy does not have).
 * @param {Session} session
 * @param {Rules} rules
 * @returns {string | null}
 */
export function protocolOf(session, rules) {
  return session.protocol || routineProtocol(session.routine, rules);
}

/**
 * The protocol a routine is of, or null (none given, or a routine this copy does not have).
 * @param {string | null} routineId
 * @param {Rules} rules
 * @returns {string | null}
 */
export function routineProtocol(routineId, rules) {
  const routine = routineId === null ? undefined : own(rules.routines, routineId);
  return routine ? routine.protocol : null;
}

/** @param {string | null} protocolId @param {Rules} rules @returns {ProtocolRules | undefined} */
const protocolRules = (protocolId, rules) => (protocolId === null ? undefined : own(rules.protocols, protocolId));

/**
 * A protocol's pain rule (its scale, its limits), else the strictest of all (`rules.pain`).
 * @param {string | null} protocolId
 * @param {Rules} rules
 * @returns {PainRules}
 */
export function painOf(protocolId, rules) {
  const found = protocolRules(protocolId, rules);
  return found ? found.pain : rules.pain;
}

/**
 * How the page names what hurts under a protocol (its `part`, said inside a sentence), else the
 * guide's word for no one protocol (`rules.part`), else "".
 * @param {string | null} protocolId
 * @param {Rules} rules
 * @returns {string}
 */
export function partOf(protocolId, rules) {
  const found = protocolRules(protocolId, rules);
  return found ? found.part : rules.part ?? "";
}

/**
 * The pain rule a session is judged by: its protocol's (else the strictest, `rules.pain`), with
 * its routine's own limit where that is stricter.
 * @param {Session} session
 * @param {Rules} rules
 * @returns {PainRules}
 */
export function painRulesOf(session, rules) {
  const base = painOf(protocolOf(session, rules), rules);
  const routine = session.routine === null ? undefined : own(rules.routines, session.routine);
  const limit = routine ? routine.acceptable_max : null;
  return typeof limit === "number" && limit < base.acceptable_max ? { ...base, acceptable_max: limit } : base;
}

/** @param {Date | number} now @returns {Date} */
const asDate = (now) => new Date(typeof now === "number" ? now : now.getTime());

/** The local calendar day of a moment (shared/core/days.js). */
const dayKey = localDay;

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
 * a pain score within the acceptable level of its own rule (`painRulesOf`), was marked easy (if
 * `move_on.all_easy`), and has had its next morning: a check-in saying what hurts was no worse
 * than usual. One easy session can be
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
  if (last.some((s) => s.pain !== null && s.pain > painRulesOf(s, rules).acceptable_max)) return answer("pain-too-high");
  if (last.some((s) => worse.has(s.id))) return answer("worse-next-morning");
  if (last.some((s) => s.pain === null)) return answer("no-pain-score");
  if (rules.move_on.all_easy && last.some((s) => s.easy !== true)) return answer("not-easy");
  if (!last.every((s) => fine.has(s.id))) return answer("no-morning-yet");
  return answer("ready");
}

/**
 * Ease off (do less next time) when each of the last `ease_off.in_a_row` sessions, of any routine,
 * had pain above its limit during it or a worse next morning, each by its own protocol's rule
 * (`painRulesOf`). A run (a session of a back-to-running stage) is judged by the running limit,
 * and its reason is "run-too-painful": the runner steps back a stage, rather than doing fewer
 * repetitions (`run` says the latest session was a run, whatever the reason). The reason is the
 * latest session's (pain first).
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
    const pain = painRulesOf(s, rules);
    const limit = run ? pain.running_max : pain.acceptable_max;
    if (s.pain !== null && s.pain > limit) return run ? "run-too-painful" : "pain-during";
    return worse.has(s.id) ? "worse-next-morning" : "none";
  };
  const last = byStart(sessions).slice(-need);
  if (last.length < need || last.some((s) => why(s) === "none")) return { ease_off: false, reason: "none", run: false };
  const latest = last[last.length - 1];
  return { ease_off: true, reason: why(latest), run: typeof latest.stage === "string" };
}

/**
 * The session to ask "Is it worse than usual this morning?" about (`partOf` names what hurts), or null. The rule: only
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
      title: own(routineTitles, routine) ?? null,
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
