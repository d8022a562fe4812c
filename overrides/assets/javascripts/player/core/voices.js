/**
 * Which of the device's voices speaks the page's language: one of exactly its language and region
 * ("es-ES"), else one of its language ("es-MX" for an "es-ES" page), the device's default first
 * among equals. None (null) when the device has no voice for the language: the player then says
 * so and shows each step as text, rather than read the words with a voice of another language.
 */

/**
 * @typedef {{lang: string, default?: boolean}} VoiceLike
 */

/** @param {string} tag @returns {string} */
const languageOf = (tag) => tag.toLowerCase().replace("_", "-").split("-")[0];

/**
 * @template {VoiceLike} V
 * @param {readonly V[]} voices
 * @param {string} lang the page's locale, e.g. "es-ES"
 * @returns {V | null}
 */
export function pickVoice(voices, lang) {
  const wanted = lang.toLowerCase().replace("_", "-");
  const byDefault = (/** @type {V} */ a, /** @type {V} */ b) => Number(Boolean(b.default)) - Number(Boolean(a.default));
  const exact = voices.filter((v) => v.lang.toLowerCase().replace("_", "-") === wanted).sort(byDefault);
  if (exact.length) return exact[0];
  const same = voices.filter((v) => languageOf(v.lang) === languageOf(wanted)).sort(byDefault);
  return same.length ? same[0] : null;
}
