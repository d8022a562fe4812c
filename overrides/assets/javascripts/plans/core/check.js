/**
 * What this guide makes of a plan (core/plan.js reads it from a link): each item against the
 * library (only ids the guide has) and the bounds of its dose, the general ones narrowed by the
 * item's own (heat: never more than so many minutes at a time), and the plan as a whole (who made
 * it, its note, its dates, how often, how many items). Never throws: the answers are codes.
 */
import { own } from "../../shared/core/own.js";
import { DATE, doseFields, isText } from "./plan.js";

/**
 * @typedef {import("./plan.js").Kind} Kind
 * @typedef {import("./plan.js").Shape} Shape
 * @typedef {import("./plan.js").Item} Item
 * @typedef {import("./plan.js").Plan} Plan
 * @typedef {{title: string, dose_shape?: Shape | null, bounds?: Partial<Record<string, Range>>,
 *   protocols?: string[], protocol?: string | null}} Entry
 *   `bounds`: the item's own limits for some of its dose's fields (heat: never more than so many
 *   minutes at a time), which narrow the general ones; `protocols`: those whose keys or routines
 *   use an exercise or tool; `protocol`: a routine's
 * @typedef {Partial<Record<Kind, Record<string, Entry>>>} Library
 * @typedef {{min: number, max: number}} Range
 * @typedef {{min: number, max: number, default: number}} DoseRange
 * @typedef {{reps: {sets: DoseRange, reps: DoseRange}, hold: {holds: DoseRange, seconds: DoseRange},
 *   minutes: {minutes: DoseRange}, plan: {clinician: Range, note: Range, items: Range, days_per_week: Range}}} Bounds
 * @typedef {Item & {status: "ok" | "unknown" | "out-of-bounds", title?: string}} CheckedItem
 * @typedef {"clinician-length" | "clinician-characters" | "note-length" | "note-characters" | "start-date"
 *   | "review-date" | "review-before-start" | "days-per-week" | "item-count"} Problem
 */

/** @type {(value: unknown, range: Range) => boolean} */
const inRange = (value, range) => typeof value === "number" && value >= range.min && value <= range.max;

/** @param {string} text @returns {number | null} the time of a real calendar date "YYYY-MM-DD" (UTC midnight) */
function calendarDay(text) {
  const match = typeof text === "string" ? DATE.exec(text) : null;
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? date.getTime() : null;
}

/**
 * The range a field of a dose may take for one item: the general bounds of its shape, narrowed by
 * the item's own (`entry.bounds`) where it has them; null for a field the shape does not have.
 * @param {Entry | undefined} entry
 * @param {Bounds} bounds
 * @param {Shape} shape
 * @param {string} field
 * @returns {Range | null}
 */
export function rangeOf(entry, bounds, shape, field) {
  const general = own(/** @type {Record<string, DoseRange> | undefined} */ (own(/** @type {any} */ (bounds), shape)), field);
  if (!general) return null;
  const mine = own(entry && entry.bounds, field);
  if (!mine) return { min: general.min, max: general.max };
  return { min: Math.max(general.min, mine.min), max: Math.min(general.max, mine.max) };
}

/** @param {Item} item @param {Library} library @param {Bounds} bounds @returns {CheckedItem} */
function checkItem(item, library, bounds) {
  const entry = own(own(library, item.kind), item.id);
  if (!entry) return { ...item, status: "unknown" };
  const dose = item.dose;
  const fits = dose === null || (entry.dose_shape === dose.shape && doseFields(dose).every(([field, n]) => {
    const range = rangeOf(entry, bounds, dose.shape, field);
    return range !== null && Number.isSafeInteger(n) && inRange(n, range);
  }));
  return { ...item, status: fits ? "ok" : "out-of-bounds", title: entry.title };
}

/**
 * What this guide makes of a plan. Each item is "ok" (with its title), "unknown" (not in this
 * guide: list it as text, never link it) or "out-of-bounds" (its dose does not fit the item or
 * lies outside the bounds, the item's own where it has them: refuse the item). A dose of null on an exercise or recovery item means
 * the guide's own dose; a routine or stage, whose library entry has no dose_shape, takes no dose.
 * `problems` are codes for the plan as a whole (empty when it may be shown).
 * @param {Plan} plan
 * @param {Library} library from page data
 * @param {Bounds} bounds from page data
 * @returns {{items: CheckedItem[], problems: Problem[]}}
 */
export function checkPlan(plan, library, bounds) {
  const limits = bounds.plan;
  /** @type {Problem[]} */
  const problems = [];
  const length = (/** @type {string} */ text) => (typeof text === "string" ? [...text].length : NaN);
  if (!inRange(length(plan.clinician), limits.clinician)) problems.push("clinician-length");
  if (!isText(plan.clinician, false)) problems.push("clinician-characters");
  if (!inRange(length(plan.note), limits.note)) problems.push("note-length");
  if (!isText(plan.note, true)) problems.push("note-characters");
  const start = calendarDay(plan.start);
  const review = calendarDay(plan.review);
  if (start === null) problems.push("start-date");
  if (review === null) problems.push("review-date");
  if (start !== null && review !== null && review < start) problems.push("review-before-start");
  const days = plan.how_often?.days_per_week;
  if (!Number.isInteger(days) || !inRange(days, limits.days_per_week)) problems.push("days-per-week");
  if (!inRange(plan.items.length, limits.items)) problems.push("item-count");
  return { items: plan.items.map((item) => checkItem(item, library, bounds)), problems };
}

/**
 * The protocols a plan's items come from, in the order `all` lists them: each item's own (a
 * routine's, or an exercise only one protocol uses), then, for an exercise several use (the calf
 * stretch), theirs only when the plan has none of them already; all of them when no item names
 * one. The printed plan gives these protocols' pain rules, and no other.
 * @param {Item[]} items
 * @param {Library} library
 * @param {string[]} all
 * @returns {string[]}
 */
export function protocolsOf(items, library, all) {
  /** @type {string[][]} */
  const owners = [];
  for (const item of items) {
    const entry = own(own(library, item.kind), item.id);
    if (!entry) continue;
    const ids = typeof entry.protocol === "string" ? [entry.protocol] : Array.isArray(entry.protocols) ? entry.protocols : [];
    if (ids.length) owners.push(ids);
  }
  const found = new Set(owners.filter((ids) => ids.length === 1).flat());
  for (const ids of owners) if (!ids.some((id) => found.has(id))) ids.forEach((id) => found.add(id));
  const chosen = all.filter((id) => found.has(id));
  return chosen.length ? chosen : all.slice();
}
