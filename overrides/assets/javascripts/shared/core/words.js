/**
 * Sentences from the page data, in the guide's language: `fill("Question {n} of {total}", {n: 2,
 * total: 5}, "en-GB")` puts each value in its slot, numbers written as the locale writes them
 * (Intl.NumberFormat: "1,000" in English, "1.000" in Spanish). A word that depends on a count is an
 * object keyed by CLDR plural category (`{one: "{done} day", other: "{done} days"}`): `plural`
 * picks the form Intl.PluralRules gives for the count, falling back to `other`. The words live in
 * data/*.yml; scripts only fill in the values they know.
 */
import { own } from "./own.js";

/**
 * @typedef {string | ({other: string} & Partial<Record<Intl.LDMLPluralRule, string>>)} Word
 *   a sentence, or its forms by plural category
 */

/**
 * A number as the locale writes it; `digits` fixes the digits after the point.
 * @param {number} value
 * @param {string | undefined} locale a BCP 47 tag, or undefined for the browser's own
 * @param {number} [digits]
 * @returns {string}
 */
export function number(value, locale, digits) {
  const fixed = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  try {
    return new Intl.NumberFormat(locale, fixed).format(value);
  } catch {
    return digits === undefined ? String(value) : value.toFixed(digits);
  }
}

/**
 * The template with each `{name}` slot replaced by its value (numbers through `number`); a slot
 * with no value is left as it is.
 * @param {string} template
 * @param {Record<string, string | number>} values
 * @param {string} [locale]
 * @returns {string}
 */
export function fill(template, values, locale) {
  return template.replace(/\{([a-z_]+)\}/g, (slot, name) => {
    const value = own(values, name);
    if (value === undefined) return slot;
    return typeof value === "number" ? number(value, locale) : String(value);
  });
}

/**
 * The form of a word for a count: its CLDR category's form, else `other`; a plain sentence is its
 * own form for every count.
 * @param {Word} word
 * @param {number} count
 * @param {string} [locale]
 * @returns {string}
 */
export function plural(word, count, locale) {
  if (typeof word === "string") return word;
  let category = "other";
  try {
    category = new Intl.PluralRules(locale).select(count);
  } catch {
    // an unknown locale: the `other` form
  }
  const form = own(word, category);
  return typeof form === "string" ? form : word.other;
}

/**
 * A word for a count with its slots filled: `counted(w.week_count_open, done, {done}, locale)`.
 * @param {Word} word
 * @param {number} count
 * @param {Record<string, string | number>} values
 * @param {string} [locale]
 * @returns {string}
 */
export function counted(word, count, values, locale) {
  return fill(plural(word, count, locale), values, locale);
}
