/**
 * What the player says and shows about a step, in the page's words (data/player.yml): the sentence
 * said when a step begins ("Clams. Set 2 of 3. Left leg"), where the runner is, and the phase of an
 * interval or cycle. Steps carry codes (core/session.js); the words and the items' titles come
 * with the page data.
 */
import { fill } from "../../shared/core/words.js";

/**
 * @typedef {import("./session.js").Step} Step
 * @typedef {{title: string, dose: ({shape: string, per?: string} & Record<string, unknown>) | null,
 *   lowering?: {up: string, down: string} | null}} Item
 * @typedef {Record<string, any>} Words
 */

/**
 * What is said as a guided repetition goes up or down: the count and "up", then "down"; for an
 * exercise whose work is the lowering, the count and its own words for the way up, then its words
 * for the way down.
 * @param {"up" | "down"} phase @param {number} rep @param {Item | undefined} item @param {Words} w @param {string} [locale]
 * @returns {string}
 */
export function repSaid(phase, rep, item, w, locale) {
  const lowering = item && item.lowering;
  if (phase === "down") return lowering ? lowering.down : w.down;
  return lowering ? fill(w.say_lowering_up, { rep, up: lowering.up }, locale) : fill(w.say_up, { rep }, locale);
}

/**
 * "Set 2 of 3", "Left leg", as they apply.
 * @param {Step} step @param {Words} w @param {Item[]} items @param {string} [locale]
 * @returns {string[]}
 */
export function where(step, w, items, locale) {
  const parts = [];
  const item = items[step.item];
  if (step.sets > 1 && step.phase === null && item) parts.push(fill(w.set_of, { set: step.set, sets: step.sets }, locale));
  if (step.side) parts.push(fill(w.side, { side: step.side === "left" ? w.left : w.right }, locale));
  return parts;
}

/**
 * The phase of an interval or cycle, "Hold", or the `per` of a range of minutes.
 * @param {Step} step @param {Words} w @param {Item[]} items @param {string} [locale]
 * @returns {string[]}
 */
export function phaseWords(step, w, items, locale) {
  /** @type {Record<string, string>} */
  const phases = { run: w.run, walk: w.walk, on: w.phase_on, off: w.phase_off };
  const item = items[step.item];
  const dose = item && item.dose;
  if (step.phase) return [phases[step.phase]];
  if (step.kind === "hold") return [w.hold];
  if (dose && dose.shape === "minutes-range") return [fill(w.timer_per, { per: String(dose.per) }, locale)];
  return [];
}

/**
 * What is said when a step begins.
 * @param {Step} step @param {Words} w @param {Item[]} items @param {string} [locale]
 * @returns {string}
 */
export function sentence(step, w, items, locale) {
  const item = items[step.item];
  const at = where(step, w, items, locale);
  switch (step.kind) {
    case "lead-in":
      return [w.get_ready, fill(w.next_up, { title: items[0].title }, locale)].join(". ");
    case "rest":
      return [w.rest, fill(w.next_up, { title: item.title }, locale), ...at].join(". ");
    case "switch":
      return [w.switch, ...at.slice(-1)].join(". ");
    case "done":
      return w.done;
    default:
      return [item.title, ...phaseWords(step, w, items, locale), ...at].join(". ");
  }
}
