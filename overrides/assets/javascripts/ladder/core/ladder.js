/**
 * The back-to-running rules applied to the runs logged: move up a stage, stay, or step back.
 * The same rules as generator/ladder.py; both are tested against tests/data/ladder_rules.json.
 *
 * Step back after a run that hurt more than the running limit, or a worse next morning; move up
 * only after enough runs at a stage, all within the limits, and never sooner than a set number of
 * days after the first run at that stage; rest days between runs. Days are "YYYY-MM-DD" (local).
 * Beside the next run, `see_physio` says why to see a physiotherapist before going on alone: a set
 * number of bad runs (too painful, or a worse next morning) at one stage ("stepped-back-twice"), or
 * no higher stage reached for a set number of weeks ("no-progress"); null otherwise.
 */

/**
 * @typedef {{stage: string, day: string, pain: number | null, worse_next_morning: boolean | null}} Run
 * @typedef {{stages: string[], start: string, runs_to_move_up: number, days_at_a_stage: number,
 *   rest_days: number, pain_max: number, bad_runs_to_see_physio: number, weeks_without_progress: number}} LadderRules
 * @typedef {"stepped-back-twice" | "no-progress"} SeePhysio
 * @typedef {{decision: "start" | "up" | "stay" | "back", stage: string, reason: string,
 *   rest_until: string | null, see_physio: SeePhysio | null}} Next
 */

import { addDays, daysBetween, localDay, WEEK_DAYS } from "../../shared/core/days.js";

/** Days "YYYY-MM-DD" sort as the days do. @param {Run} a @param {Run} b */
const byDay = (a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

/** @param {Run} run @param {number} painMax @returns {boolean} too painful, or a worse next morning */
const bad = (run, painMax) => (run.pain !== null && run.pain > painMax) || run.worse_next_morning === true;

/**
 * Why the runner should see a physiotherapist, or null. Runs are sorted by day.
 * @param {LadderRules} rules
 * @param {Run[]} sorted
 * @param {string} today
 * @returns {SeePhysio | null}
 */
export function seePhysio(rules, sorted, today) {
  const known = sorted.filter((r) => rules.stages.includes(r.stage));
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const run of known) if (bad(run, rules.pain_max)) counts.set(run.stage, (counts.get(run.stage) || 0) + 1);
  if ([...counts.values()].some((n) => n >= rules.bad_runs_to_see_physio)) return "stepped-back-twice";
  if (!known.length) return null;
  const highest = Math.max(...known.map((r) => rules.stages.indexOf(r.stage)));
  const reached = /** @type {Run} */ (known.find((r) => rules.stages.indexOf(r.stage) === highest)).day;
  const waited = daysBetween(reached, today);
  return highest < rules.stages.length - 1 && waited >= rules.weeks_without_progress * WEEK_DAYS ? "no-progress" : null;
}

/**
 * What the runner does next, from the runs logged so far (in any order).
 * @param {LadderRules} rules
 * @param {Run[]} runs
 * @param {string} today
 * @returns {Next}
 */
export function nextStep(rules, runs, today) {
  for (const day of [today, ...runs.map((r) => r.day)]) if (Number.isNaN(daysBetween(day, day))) throw new Error(`not a day: ${day}`);
  if (!runs.length) return { decision: "start", stage: rules.start, reason: "no-runs", rest_until: null, see_physio: null };
  const sorted = [...runs].sort(byDay);
  return { ...decide(rules, sorted, today), see_physio: seePhysio(rules, sorted, today) };
}

/**
 * The next run from the sorted runs (without the physiotherapist's question).
 * @param {LadderRules} rules
 * @param {Run[]} sorted
 * @param {string} today
 * @returns {Omit<Next, "see_physio">}
 */
function decide(rules, sorted, today) {
  const last = sorted[sorted.length - 1];
  const restUntil = addDays(last.day, rules.rest_days + 1);
  const current = rules.stages.includes(last.stage) ? last.stage : rules.start;
  const index = rules.stages.indexOf(current);
  const hurt = last.pain !== null && last.pain > rules.pain_max;
  if (bad(last, rules.pain_max)) {
    const reason = hurt ? "pain-too-high" : "worse-next-morning";
    if (index === 0) return { decision: "stay", stage: current, reason, rest_until: restUntil };
    return { decision: "back", stage: rules.stages[index - 1], reason, rest_until: restUntil };
  }
  /** @type {Run[]} */
  const tail = [];
  for (let i = sorted.length - 1; i >= 0 && sorted[i].stage === current; i--) tail.push(sorted[i]);
  if (index === rules.stages.length - 1) return { decision: "stay", stage: current, reason: "last-stage", rest_until: restUntil };
  if (tail.length < rules.runs_to_move_up) return { decision: "stay", stage: current, reason: "more-runs", rest_until: restUntil };
  if (daysBetween(tail[tail.length - 1].day, today) < rules.days_at_a_stage) {
    return { decision: "stay", stage: current, reason: "too-soon", rest_until: restUntil };
  }
  return { decision: "up", stage: rules.stages[index + 1], reason: "ready", rest_until: restUntil };
}

/**
 * The runs of the ladder in a log: sessions saved with one of its stages, each on the local day
 * it started, with the answer of the morning check-in about it (null when there is none).
 * @param {{id: string, stage: string | null, started: string | null, ended: string | null, pain: number | null}[]} sessions
 * @param {{session: string, worse: boolean}[]} checkins
 * @param {string[]} stages
 * @returns {Run[]}
 */
export function runsOf(sessions, checkins, stages) {
  /** @type {Map<string, boolean>} */
  const worse = new Map(checkins.map((c) => [c.session, c.worse]));
  /** @type {Run[]} */
  const runs = [];
  for (const s of sessions) {
    const when = s.started || s.ended;
    if (s.stage === null || !stages.includes(s.stage) || !when) continue;
    const answer = worse.get(s.id);
    runs.push({ stage: s.stage, day: localDay(new Date(when)), pain: s.pain, worse_next_morning: answer === undefined ? null : answer });
  }
  return runs;
}
