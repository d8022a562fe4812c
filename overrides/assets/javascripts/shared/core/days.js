/**
 * Calendar days as the runner lives them: "YYYY-MM-DD" in the device's time zone (a session at
 * 01:00 UTC may belong to the evening before), days of the week in the order the guide's week
 * starts (data/progress.yml `week_starts`), and dates written as the guide's locale writes them
 * (data/brand.yml `locale`: "7 December 2026" in en-GB, never "December 7, 2026").
 */

/** Days in a week (a definition, not a protocol number). */
export const WEEK_DAYS = 7;
const MS_PER_DAY = 86400000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @param {number} n @returns {string} */
const pad = (n) => String(n).padStart(2, "0");

/**
 * The device's calendar day of a moment, "YYYY-MM-DD" (these sort as the days do).
 * @param {Date} date
 * @returns {string}
 */
export function localDay(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The day `n` days after `day` (before, for a negative n), or "" when `day` is not a date.
 * @param {string} day "YYYY-MM-DD"
 * @param {number} n
 * @returns {string}
 */
export function addDays(day, n) {
  const start = DAY.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  return Number.isNaN(start) ? "" : new Date(start + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The days from `from` to `to` (negative when `to` is earlier), or NaN when either is not a date.
 * @param {string} from "YYYY-MM-DD"
 * @param {string} to "YYYY-MM-DD"
 * @returns {number}
 */
export function daysBetween(from, to) {
  const at = (/** @type {string} */ day) => (DAY.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN);
  return Math.round((at(to) - at(from)) / MS_PER_DAY);
}

/**
 * The days of the week as numbers (0 Sunday … 6 Saturday, as Date.getDay counts them), the
 * configured first day first.
 * @param {number} first 0 for Sunday, 1 for Monday, ...
 * @returns {number[]}
 */
export function weekOrder(first) {
  const start = ((Math.trunc(first) % WEEK_DAYS) + WEEK_DAYS) % WEEK_DAYS || 0;
  return Array.from({ length: WEEK_DAYS }, (_, i) => (start + i) % WEEK_DAYS);
}

/**
 * A day's place in a list of weekday names that starts on Monday (the data's `weekdays`).
 * @param {number} weekday 0 Sunday … 6 Saturday
 * @returns {number}
 */
export function mondayFirst(weekday) {
  return (weekday + WEEK_DAYS - 1) % WEEK_DAYS;
}

/**
 * A calendar day written in the locale's words, the day as written (never moved by a time zone).
 * @param {string} day "YYYY-MM-DD"
 * @param {string | undefined} locale
 * @param {Intl.DateTimeFormatOptions} [how] the parts to write; by default the long date
 * @returns {string}
 */
export function dayText(day, locale, how = { dateStyle: "long" }) {
  const match = DAY.exec(day);
  if (!match) return day;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return new Intl.DateTimeFormat(locale, { ...how, timeZone: "UTC" }).format(at);
  } catch {
    return day;
  }
}
