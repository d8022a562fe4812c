/**
 * The back-to-running page: what the runner does next, from the runs logged on this device, and a
 * button that runs that stage in the player as a run-walk timer (saved with its stage, so the
 * next visit knows). The rules are core/ladder.js (the same as generator/ladder.py); the stages,
 * rules and words are page data (`data-ladder`, from data/ladder.yml). Without JavaScript the
 * page still shows every stage and rule as text. Reading a log that was never kept creates none.
 */
import { dayText, localDay } from "../shared/core/days.js";
import { own } from "../shared/core/own.js";
import { fill } from "../shared/core/words.js";
import { el, fresh, locale, onPage, readJson, siteScope } from "../shared/page.js";
import { logOf } from "../log/store.js";
import { loadPlayer } from "../player/start.js";
import { nextStep, runsOf } from "./core/ladder.js";

/**
 * @typedef {import("./core/ladder.js").LadderRules} LadderRules
 * @typedef {import("./core/ladder.js").Next} Next
 * @typedef {import("../player/player.js").PlayerData} PlayerData
 * @typedef {{stages: Record<string, PlayerData["routine"]>, titles: Record<string, string>, rules: LadderRules,
 *   move_on: PlayerData["move_on"], player: Omit<PlayerData, "routine" | "move_on">,
 *   words: Record<string, string> & {reasons: Record<string, string>}, root: string}} LadderData
 */

/**
 * @param {LadderData} data
 * @param {string} stage
 */
function run(data, stage) {
  /** @type {PlayerData} */
  const player = { ...data.player, routine: data.stages[stage], move_on: data.move_on };
  loadPlayer().then((module) => module.openPlayer(player, { plan: null, figures: "templates", stage }), () => {});
}

/**
 * @param {HTMLElement} box
 * @param {LadderData} data
 * @param {Next | null} next null when the log cannot be read
 */
function show(box, data, next) {
  const w = data.words;
  const lang = locale();
  box.replaceChildren();
  const stage = next ? next.stage : data.rules.start;
  const title = data.titles[stage];
  const status = box.appendChild(el("div", { class: "ladder-next", role: "status" }));
  if (next) {
    const line = { start: w.next_start, up: w.next_up, stay: w.next_stay, back: w.next_back }[next.decision];
    status.appendChild(el("p", { class: "ladder-decision" }, fill(line, { stage: title }, lang)));
    status.appendChild(el("p", { class: "ladder-reason" }, own(w.reasons, next.reason) || ""));
    if (next.rest_until && next.rest_until > localDay(new Date())) {
      const day = dayText(next.rest_until, lang, { weekday: "long", day: "numeric", month: "long" });
      status.appendChild(el("p", { class: "ladder-rest" }, fill(w.rest_until, { day }, lang)));
    }
  }
  status.appendChild(el("p", { class: "ladder-privacy" }, w.no_log));
  const start = box.appendChild(el("button", { type: "button", class: "md-button md-button--primary", "data-ladder-start": stage },
    fill(w.start_stage, { stage: title }, lang)));
  start.addEventListener("click", () => run(data, stage));
  const others = box.appendChild(el("details", { class: "ladder-others" }));
  others.appendChild(el("summary", {}, w.other_stages));
  const list = others.appendChild(el("ul"));
  for (const id of data.rules.stages) {
    const button = list.appendChild(el("li")).appendChild(el("button", { type: "button", class: "md-button", "data-ladder-start": id },
      fill(w.start_stage, { stage: data.titles[id] }, lang)));
    button.addEventListener("click", () => run(data, id));
  }
  box.hidden = false;
}

/** @param {HTMLElement} box @param {LadderData} data */
async function mount(box, data) {
  /** @type {Next | null} */
  let next = null;
  try {
    const log = await logOf(siteScope(data.root)).read();
    next = nextStep(data.rules, runsOf(log.sessions, log.checkins, data.rules.stages), localDay(new Date()));
  } catch {
    // No log on this device (private browsing, storage switched off): the stages still run.
  }
  if (box.isConnected) show(box, data, next);
}

/** The ladder on the page shown now. @type {{box: HTMLElement, data: LadderData} | null} */
let shown = null;

onPage(() => {
  for (const box of fresh("[data-ladder]")) {
    const data = /** @type {LadderData | null} */ (readJson(box, "data-ladder"));
    if (!data || !data.rules || !data.stages || !data.player) continue;
    shown = { box, data };
    mount(box, data);
  }
});

// A run just saved changes what comes next.
document.addEventListener("guide:session-saved", () => {
  if (shown && shown.box.isConnected) mount(shown.box, shown.data);
});
