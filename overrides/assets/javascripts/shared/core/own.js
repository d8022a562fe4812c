/**
 * An object's own property, never an inherited one: ids and keys come from page data, links and
 * imported files, and one named "constructor" or "__proto__" must not reach Object's.
 */

/**
 * Whether `key` is an own property of `record` (false for anything that is not an object).
 * @param {unknown} record
 * @param {PropertyKey} key
 * @returns {boolean}
 */
export function has(record, key) {
  return typeof record === "object" && record !== null && Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * record[key] when it is the record's own, else undefined.
 * @template T
 * @param {Record<string, T> | null | undefined} record
 * @param {string} key
 * @returns {T | undefined}
 */
export function own(record, key) {
  return record && has(record, key) ? record[key] : undefined;
}
