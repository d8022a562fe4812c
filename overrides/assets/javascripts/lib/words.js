/**
 * Sentences from the page data with their slots filled: `fill("Question {n} of {total}", {n: 2,
 * total: 5})`. The words live in data/ui.yml; scripts only fill in the values they know.
 */

/**
 * @param {string} template
 * @param {Record<string, string | number>} values
 * @returns {string}
 */
export function fill(template, values) {
  return template.replace(/\{([a-z_]+)\}/g, (slot, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : slot);
}
