/**
 * The player's first screen: the routine's items with their doses, the time it should take, and
 * the runner's choices (voice, beeps, counting reps by tempo or by tap, which side first), kept for
 * next time in this copy of the guide's settings; then Begin. The sources of the pace and the rests
 * are linked below.
 */
import { counted, fill } from "../shared/core/words.js";
import { el } from "../shared/page.js";
import { buildSteps, estimateMs } from "./core/session.js";

/**
 * @typedef {import("./core/session.js").Step} Step
 * @typedef {import("./core/session.js").Options} SessionOptions
 * @typedef {import("./resume.js").Choices} Choices
 * @typedef {import("./player.js").PlayerData} PlayerData
 * @typedef {import("./player.js").Source} Source
 * @typedef {import("../shared/settings.js").Settings} Settings
 */

const MS_PER_MINUTE = 60000;

/** The choices kept from last time (voice and beeps on, tempo, left first, when none were). @param {Settings} settings @returns {Choices} */
export function savedChoices(settings) {
  const saved = settings.all();
  return {
    voice: saved.voice !== false,
    beeps: saved.beeps !== false,
    rep_mode: saved.rep_mode === "tap" ? "tap" : "tempo",
    first_side: saved.first_side === "right" ? "right" : "left",
  };
}

/** The steps of the routine with these choices. @param {PlayerData} data @param {Choices} choices @returns {Step[]} */
export function stepsFor(data, choices) {
  const o = data.options;
  /** @type {SessionOptions} */
  const options = { tempo: o.tempo, rest: o.rest, switch_s: o.switch_s, lead_in_s: o.lead_in_s,
    first_side: choices.first_side, rep_mode: choices.rep_mode };
  return buildSteps(data.routine, options);
}

/** @param {HTMLElement} form @param {string} name @param {string} label @param {boolean} on */
function toggle(form, name, label, on) {
  const row = form.appendChild(el("div", { class: "player-toggle" }));
  const input = /** @type {HTMLInputElement} */ (row.appendChild(el("input", { type: "checkbox", id: `player-${name}`, name })));
  input.checked = on;
  row.appendChild(el("label", { for: `player-${name}` }, label));
}

/**
 * @param {HTMLElement} form @param {string} name @param {string} legend
 * @param {[string, string][]} options @param {string} chosen
 */
function radios(form, name, legend, options, chosen) {
  const set = form.appendChild(el("fieldset", { class: "player-radios" }));
  set.appendChild(el("legend", {}, legend));
  for (const [value, label] of options) {
    const row = set.appendChild(el("div", { class: "player-radio" }));
    const input = /** @type {HTMLInputElement} */ (row.appendChild(el("input", { type: "radio", name, value, id: `player-${name}-${value}` })));
    input.checked = value === chosen;
    row.appendChild(el("label", { for: `player-${name}-${value}` }, label));
  }
}

/** @param {HTMLElement} box @param {PlayerData} data */
function sources(box, data) {
  const rows = /** @type {[string, Source[]][]} */ ([[data.words.tempo_source, data.sources.tempo || []],
    [data.words.rest_source, data.sources.rest || []]]).filter(([, list]) => list.length);
  if (!rows.length) return;
  const ul = box.appendChild(el("ul", { class: "player-sources" }));
  for (const [label, list] of rows) {
    const li = ul.appendChild(el("li", {}, `${label}: `));
    list.forEach((source, i) => {
      if (i) li.appendChild(document.createTextNode("; "));
      li.appendChild(el("a", { href: source.url, rel: "noopener noreferrer" }, source.title));
      li.appendChild(document.createTextNode(` (${source.publisher})`));
    });
  }
}

/**
 * The choices as the form says now; a question this routine does not ask keeps the answer given on
 * another. Each is kept in the settings.
 * @param {HTMLElement} form @param {Choices} before @param {Settings} settings @returns {Choices}
 */
export function readChoices(form, before, settings) {
  /** @param {string} name */
  const checked = (name) => /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]`))?.checked ?? true;
  /** @param {string} name */
  const picked = (name) => /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`))?.value;
  /** @type {Choices} */
  const choices = {
    voice: checked("voice"),
    beeps: checked("beeps"),
    rep_mode: (picked("rep_mode") ?? before.rep_mode) === "tap" ? "tap" : "tempo",
    first_side: (picked("first_side") ?? before.first_side) === "right" ? "right" : "left",
  };
  for (const [name, value] of Object.entries(choices)) settings.set(name, value);
  return choices;
}

/**
 * Draw the settings into `box`; the keyboard goes to Begin.
 * @param {HTMLElement} box
 * @param {PlayerData} data
 * @param {{choices: Choices, settings: Settings, lang: string | undefined, voice?: import("./voice.js").Voice, begin: (choices: Choices) => void}} how
 */
export function showSettings(box, data, how) {
  const w = data.words;
  const items = data.routine.items;
  let choices = how.choices;
  const overview = box.appendChild(el("p", { class: "player-overview" }));
  const estimate = () => {
    const minutes = Math.max(1, Math.round(estimateMs(stepsFor(data, choices)) / MS_PER_MINUTE));
    const count = items.length;
    overview.textContent = fill(w.overview, { exercises: counted(w.exercises, count, { count }, how.lang),
      minutes: counted(w.minutes, minutes, { count: minutes }, how.lang) }, how.lang);
  };
  const list = box.appendChild(el("ol", { class: "player-items" }));
  for (const item of items) {
    const li = list.appendChild(el("li"));
    li.appendChild(el("span", { class: "player-item-title" }, item.title));
    const dose = [item.dose_text, item.side_label].filter(Boolean).join(" ");
    if (dose) li.appendChild(el("span", { class: "player-item-dose" }, dose));
  }
  const form = box.appendChild(el("form", { class: "player-settings", "aria-label": w.settings }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    how.begin(readChoices(form, choices, how.settings));
  });
  form.appendChild(el("h3", {}, w.settings));
  toggle(form, "voice", w.voice, choices.voice);
  // A device with no voice for the page's language: the steps are shown, not read in another one.
  const noVoice = form.appendChild(el("p", { class: "player-note player-no-voice", hidden: "" }, w.no_voice));
  how.voice?.ready.then(() => {
    if (how.voice?.missing) noVoice.hidden = false;
  });
  toggle(form, "beeps", w.beeps, choices.beeps);
  if (items.some((item) => item.dose && item.dose.shape === "reps")) {
    radios(form, "rep_mode", w.rep_mode, [["tempo", w.rep_mode_tempo], ["tap", w.rep_mode_tap]], choices.rep_mode);
  }
  if (items.some((item) => item.each_side)) {
    radios(form, "first_side", w.first_side, [["left", w.left], ["right", w.right]], choices.first_side);
  }
  form.addEventListener("change", () => {
    choices = readChoices(form, choices, how.settings);
    estimate();
  });
  const begin = form.appendChild(el("button", { type: "submit", class: "player-button player-primary player-begin" }, w.begin));
  sources(box, data);
  estimate();
  begin.focus();
}
