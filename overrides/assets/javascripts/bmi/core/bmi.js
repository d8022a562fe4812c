/**
 * Body mass index from what a person types, on the device: metric or imperial, the band it falls
 * in (bands and limits from data/weight.yml), and a refusal for anything no adult could measure.
 */

// Definitions of the units, not numbers of the protocol.
const CM_PER_INCH = 2.54;
const KG_PER_POUND = 0.45359237;
const INCHES_PER_FOOT = 12;
const POUNDS_PER_STONE = 14;

/**
 * @typedef {{label: string, from: number | null, below: number | null}} Band
 * @typedef {{metres: number, kg: number}} Measure
 * @typedef {{height_m_min: number, height_m_max: number, weight_kg_min: number, weight_kg_max: number}} Limits
 */

/**
 * A number as typed ("72", "72.5", "72,5"), or NaN. An empty field is 0 where zero is allowed
 * (the inches of 6 ft 0 in), else NaN.
 * @param {string} raw
 * @param {boolean} allowZero
 * @returns {number}
 */
export function parseNumber(raw, allowZero) {
  const text = String(raw).trim().replace(",", ".");
  if (text === "") return allowZero ? 0 : NaN;
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(text)) return NaN;
  const value = Number(text);
  return value > 0 || (allowZero && value === 0) ? value : NaN;
}

/**
 * @param {{cm: string, kg: string}} fields
 * @returns {Measure}
 */
export function metric(fields) {
  return { metres: parseNumber(fields.cm, false) / 100, kg: parseNumber(fields.kg, false) };
}

/**
 * @param {{ft: string, in: string, st: string, lb: string}} fields
 * @returns {Measure}
 */
export function imperial(fields) {
  const inches = parseNumber(fields.ft, false) * INCHES_PER_FOOT + parseNumber(fields.in, true);
  const pounds = parseNumber(fields.st, false) * POUNDS_PER_STONE + parseNumber(fields.lb, true);
  return { metres: (inches * CM_PER_INCH) / 100, kg: pounds * KG_PER_POUND };
}

/**
 * The BMI to one decimal place, as a person reads it, or null when the measure is not one an
 * adult could have.
 * @param {Measure} measure
 * @param {Limits} limits
 * @returns {number | null}
 */
export function bmi(measure, limits) {
  const { metres, kg } = measure;
  if (!(metres >= limits.height_m_min && metres <= limits.height_m_max && kg >= limits.weight_kg_min && kg <= limits.weight_kg_max)) {
    return null;
  }
  return Math.round((kg / (metres * metres)) * 10) / 10;
}

/**
 * The band a BMI falls in: from its lower edge (included) to below its upper edge.
 * @param {Band[]} bands
 * @param {number} value
 * @returns {Band | undefined}
 */
export function bandOf(bands, value) {
  return bands.find((b) => (b.from === null || value >= b.from) && (b.below === null || value < b.below));
}
