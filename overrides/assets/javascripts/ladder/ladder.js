/**
 * The back-to-running page: what the runner does next, from the runs logged on this device, and a
 * button that runs that stage in the player as a run-walk timer (saved with its stage and the
 * protocol whose running limit judged it, so the next visit knows). The rules are core/ladder.js
 * (the same as generator/ladder.py); the stages, rules and words are page data (`data-ladder`, from
 * data/ladder.yml and each protocol's own part). Without JavaScript the page still shows every
 * stage and rule as text. Reading a log that was never kept creates none.
 *
 * A library may hold several protocols with a way back to running, each with its own running limit
 * and what to do before starting. The page follows one: the runner's choice (kept in the settings),
 * else the protocol of the latest run or routine logged, else the first; with several, the runner
 * can choose another. When the log says so, it says to see a physiotherapist before going on
 * (core/ladder.js `seePhysio`), in the data's words. The log's code loads only on a device that
 * keeps a log (log/has-log.js): on a first visit the ladder starts at its first stage without it.
 */
import { dayText, localDay } from "../shared/core/days.js";
import { own } from "../shared/core/own.js";
import { fill } from "../shared/core/words.js";
import { el, fresh, locale, onPage, readJson, siteScope } from "../shared/page.js";
import { Settings } from "../shared/settings.js";
import { load } from "../shared/versions.js";
import { hasLog } from "../log/has-log.js";
import { loadPlayer } from "../player/start.js";
import { nextStep, runsOf } from "./core/ladder.js";

/**
 * @typedef {import("./core/ladder.js").LadderRules} LadderRules
 * @typedef {import("./core/ladder.js").Next} Next
 * @typedef {import("../player/player.js").PlayerData} PlayerData
 * @typedef {import("../log/core/records.js").Session} Session
 * @typedef {Record<string, string> & {reasons: Record<string, string>, see_physio: Record<string, string>}} Words
 * @typedef {{title: string, rules: LadderRules, pain: PlayerData["pain"], words: Words, player_words: Record<string, string>,
 *   before_you_start: string[], ready: string}} ProtocolEntry
 * @typedef {{stages: Record<string, PlayerData["routine"]>, titles: Record<string, string>, rules: LadderRules,
 *   protocols?: Record<string, ProtocolEntry>, order?: string[], routines?: Record<string, string>,
 *   move_on: PlayerData["move_on"], player: Omit<PlayerData, "routine" | "move_on">, words: Words, root: string}} LadderData
 * @typedef {{id: string | null, entry: ProtocolEntry | null}} Followed the protocol the page follows
 */

/** The setting that keeps the runner's choice of protocol. */
const CHOICE = "ladder_protocol";

/** The runner protocols, in library order. @param {LadderData} data @returns {string[]} */
function protocolIds(data) {
  const ids = Array.isArray(data.order) ? data.order : Object.keys(data.protocols || {});
  return ids.filter((id) => own(data.protocols, id));
}

/**
 * The protocol to follow: the runner's choice, else that of the latest run or routine logged of a
 * runner protocol, else the first.
 * @param {LadderData} data @param {Settings} settings @param {Session[]} sessions
 * @returns {Followed}
 */
function followed(data, settings, sessions) {
  const ids = protocolIds(data);
  const chosen = settings.all()[CHOICE];
  const logged = [...sessions].sort((a, b) => Date.parse(b.started) - Date.parse(a.started)).map((s) =>
    (s.stage !== null ? s.protocol : null) || (s.routine !== null ? own(data.routines, s.routine) : undefined));
  const id = [typeof chosen === "string" ? chosen : null, ...logged, ids[0]].find((c) => typeof c === "string" && ids.includes(c));
  return id ? { id, entry: /** @type {ProtocolEntry} */ (own(data.protocols, id)) } : { id: null, entry: null };
}

/**
 * @param {LadderData} data
 * @param {string} stage
 * @param {Followed} follow
 */
function run(data, stage, follow) {
  const entry = follow.entry;
  /** @type {PlayerData} */
  const player = { ...data.player, routine: data.stages[stage], move_on: data.move_on };
  if (entry) Object.assign(player, { pain: entry.pain, words: { ...data.player.words, ...entry.player_words } });
  loadPlayer().then((module) => module.openPlayer(player, { plan: null, figures: "templates", stage, protocol: follow.id }), () => {});
}

/**
 * The choice of protocol, when there are several.
 * @param {LadderData} data @param {Words} w @param {Followed} follow @param {(id: string) => void} choose
 * @returns {HTMLElement | null}
 */
function choice(data, w, follow, choose) {
  const ids = protocolIds(data);
  if (ids.length < 2) return null;
  const set = el("fieldset", { class: "ladder-protocol" });
  set.appendChild(el("legend", {}, w.choose_protocol));
  for (const id of ids) {
    const label = set.appendChild(el("label", { class: "ladder-protocol-choice" }));
    const input = /** @type {HTMLInputElement} */ (label.appendChild(el("input", { type: "radio", name: "ladder-protocol", value: id })));
    input.checked = id === follow.id;
    input.addEventListener("change", () => { if (input.checked) choose(id); });
    label.appendChild(el("span", {}, /** @type {ProtocolEntry} */ (own(data.protocols, id)).title));
  }
  return set;
}

/**
 * See a physiotherapist before going on: the reason in the data's words, with the warning signs.
 * @param {LadderData} data @param {Words} w @param {LadderRules} rules @param {Next} next
 * @returns {HTMLElement | null}
 */
function seePhysio(data, w, rules, next) {
  const text = next.see_physio ? own(w.see_physio, next.see_physio) : undefined;
  if (!text) return null;
  const p = el("p", { class: "ladder-see-physio", "data-reason": String(next.see_physio) },
    `${fill(text, { weeks: rules.weeks_without_progress }, locale())} `);
  p.appendChild(el("a", { href: data.player.links.clinician }, w.warning_signs));
  return p;
}

/**
 * What to do before the first run, and where the self-tests are, for the protocol followed.
 * @param {Words} w @param {ProtocolEntry} entry
 * @returns {HTMLElement}
 */
function beforeYouStart(w, entry) {
  const box = el("div", { class: "ladder-before" });
  if (entry.before_you_start.length) {
    box.appendChild(el("p", { class: "ladder-before-title" }, w.before_you_start));
    const list = box.appendChild(el("ul"));
    for (const text of entry.before_you_start) list.appendChild(el("li", {}, text));
  }
  box.appendChild(el("p")).appendChild(el("a", { href: entry.ready }, w.ready_heading));
  return box;
}

/**
 * @param {HTMLElement} box
 * @param {LadderData} data
 * @param {{sessions: Session[], checkins: {session: string, worse: boolean}[]} | null} log null when it cannot be read
 * @param {Settings} settings
 */
function show(box, data, log, settings) {
  const follow = followed(data, settings, log ? log.sessions : []);
  const entry = follow.entry;
  const w = entry ? entry.words : data.words;
  const rules = entry ? entry.rules : data.rules;
  /** @type {Next | null} */
  let next = null;
  // Every run logged, on the one ladder, judged by the running limit of the protocol followed.
  if (log) next = nextStep(rules, runsOf(log.sessions, log.checkins, rules.stages), localDay(new Date()));
  const lang = locale();
  box.replaceChildren();
  const picker = choice(data, w, follow, (id) => {
    settings.set(CHOICE, id);
    show(box, data, log, settings);
    const again = box.querySelector(`input[value="${CSS.escape(id)}"]`);
    if (again instanceof HTMLElement) again.focus();
  });
  if (picker) box.appendChild(picker);
  const stage = next ? next.stage : rules.start;
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
    const physio = seePhysio(data, w, rules, next);
    if (physio) status.appendChild(physio);
  }
  if (entry && (!next || next.decision === "start")) box.appendChild(beforeYouStart(w, entry));
  box.appendChild(el("p", { class: "ladder-privacy" }, w.no_log));
  const start = box.appendChild(el("button", { type: "button", class: "md-button md-button--primary", "data-ladder-start": stage },
    fill(w.start_stage, { stage: title }, lang)));
  start.addEventListener("click", () => run(data, stage, follow));
  const others = box.appendChild(el("details", { class: "ladder-others" }));
  others.appendChild(el("summary", {}, w.other_stages));
  const list = others.appendChild(el("ul"));
  for (const id of rules.stages) {
    const button = list.appendChild(el("li")).appendChild(el("button", { type: "button", class: "md-button", "data-ladder-start": id },
      fill(w.start_stage, { stage: data.titles[id] }, lang)));
    button.addEventListener("click", () => run(data, id, follow));
  }
  box.hidden = false;
}

/**
 * The log of this copy of the guide: empty on a device that keeps none (as reading it would give,
 * without loading the log's code), null when it cannot be read.
 * @param {string} scope
 * @returns {Promise<{sessions: Session[], checkins: {session: string, worse: boolean}[]} | null>}
 */
async function readLog(scope) {
  const kept = await hasLog(scope);
  if (kept === null) return null;
  if (!kept) return { sessions: [], checkins: [] };
  const { logOf } = await load(() => import("../log/store.js"));
  return logOf(scope).read();
}

/** @param {HTMLElement} box @param {LadderData} data */
async function mount(box, data) {
  const scope = siteScope(data.root);
  /** @type {{sessions: Session[], checkins: {session: string, worse: boolean}[]} | null} */
  let log = null;
  try {
    log = await readLog(scope);
  } catch {
    // No log on this device (private browsing, storage switched off, offline and never saved):
    // the stages still run.
  }
  if (box.isConnected) show(box, data, log, new Settings(scope));
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
