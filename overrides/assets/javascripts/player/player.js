/**
 * The hands-free session player: "Start this routine" on a routine page opens a full-screen player
 * at the routine page's own address plus `#play` (a history entry of its own: the browser's Back
 * leaves it, and opening a URL with #play opens it). It runs the routine step by step with speech,
 * beeps, vibration and the screen kept on, each only where the browser has it, then asks a short
 * check-in and saves the session on this device (log/store.js). Nothing leaves the device.
 *
 * The steps and their timing are core/session.js and core/player.js; the dialog is dialog.js, with
 * one module per part (settings, running and check-in screens, sound, voice, wake lock, reload,
 * history). Every word and number comes from the routine's player data, written by
 * generator/render/player.py from data/player.yml and the protocol into a file of its own
 * (assets/player/<routine>.json); the page carries only its address (`data-player='{"src": …}'`),
 * and it is fetched when Start is pressed (and kept offline by the service worker like any file).
 *
 * For other modules (the /my-plan/ and /return-to-running/ pages, through start.js loadPlayer):
 *
 *     openPlayer(data, { plan: "<plan id>", figures: "templates", status: {text, verified} });
 *
 * `data` has the shape of a routine's player data (`PlayerData` below); `routine.id`
 * may be the plan's id. `options.plan`: the plan's id, or null for a routine; the saved session
 * then has `routine: null` and `plan` set. `options.figures`: "templates" takes each item's picture
 * from `<template data-player-figure="<item id>">` in the page, "card" from the routine's card on
 * the page. `options.stage` (optional): the return-to-running stage the session is of, saved as its
 * `stage`; `options.protocol` (optional): for a stage, the protocol whose running limit judges it,
 * saved as its `protocol`. `options.status` (optional): a plan's status, shown on every screen. The player opens
 * over the current page with a history entry of the same URL (Back stops it); it returns nothing.
 */
import { el, fresh, onPage, readJson } from "../shared/page.js";
import { buildSteps } from "./core/session.js";
import { HASH, Player } from "./dialog.js";
import { leaveEntry, watchHistory } from "./history.js";
import { fetchOnce } from "../shared/fetch-once.js";

/**
 * @typedef {import("./core/session.js").Item} SessionItem
 * @typedef {SessionItem & {side_label: string | null, dose_text: string | null, cues: string[],
 *   lowering?: {up: string, down: string} | null}} Item
 *   `tempo` (its own pace) and `lowering` (the words said on the way up and down of an exercise
 *   whose work is the lowering) come with the items that have them
 * @typedef {{publisher: string, title: string, url: string}} Source
 * @typedef {{routine: {id: string, title: string, items: Item[]},
 *   move_on: {text: string, easy_rule: boolean, next: {title: string, href: string} | null},
 *   options: {tempo: {up_s: number, down_s: number}, rest: {between_sets_s: number, between_items_s: number},
 *     switch_s: number, lead_in_s: number, countdown: number},
 *   pain: {ok_max: number, acceptable_max: number, scale_min: number, scale_max: number, running_max: number,
 *     running_too_much: string},
 *   sources: {tempo: Source[], rest: Source[]}, links: {clinician: string, pain_rule: string, progress: string},
 *   root: string, words: Record<string, any>}} PlayerData
 * @typedef {{plan: string | null, figures: "templates" | "card", stage?: string | null, protocol?: string | null,
 *   status?: {text: string, verified: boolean} | null}} OpenOptions
 * @typedef {import("./dialog.js").How} How
 */

/** How long a closed player waits for Material to swap the page in, to hand the focus back. */
const REFOCUS_MS = 10000;

/** @type {Player | null} */
let current = null;
/**
 * Where the keyboard goes back to once the player closed through history: without the early
 * popstate hook, Material fetches the page again on the first Back after a full load and swaps it
 * in, so the new page's Start button gets the focus.
 * @type {{path: string, until: number} | null}
 */
let refocus = null;
/** The routine page's player, when this page has one. @type {{data: PlayerData, box: HTMLElement, button: HTMLElement | null} | null} */
let routinePage = null;

/** @param {Player} player */
function closed(player) {
  if (current === player) current = null;
  if (player.how.opener && player.how.opener.matches("[data-player-start]")) {
    refocus = { path: location.pathname, until: performance.now() + REFOCUS_MS };
  }
}

/** @param {PlayerData} data @param {OpenOptions} options @param {How} how */
function launch(data, options, how) {
  if (current) current.teardown();
  const player = new Player(data, options, how, { closed, leaveEntry });
  current = player;
  if (how.push) {
    const url = how.hash ? location.pathname + location.search + HASH : location.href;
    const state = history.state && typeof history.state === "object" ? history.state : {};
    history.pushState({ ...state, player: true }, "", url);
  }
  player.show();
  return player;
}

/**
 * Opens the player over the current page (see the top of this file).
 * @param {PlayerData} data
 * @param {OpenOptions} options
 */
export function openPlayer(data, options) {
  // In the page's content (swapped out with it by instant navigation), where Material's type applies.
  const place = document.querySelector(".md-content .md-typeset");
  const host = (place || document.body).appendChild(el("div", { class: place ? "player" : "player md-typeset" }));
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  /** @type {OpenOptions} */
  const chosen = { plan: options && options.plan ? options.plan : null, stage: options && options.stage ? options.stage : null,
    protocol: options && options.protocol ? options.protocol : null,
    figures: options && options.figures === "card" ? "card" : "templates", status: options && options.status ? options.status : null };
  launch(data, chosen, { host, hash: false, push: true, opener, ownHost: true });
}

/** @param {unknown} data @returns {data is PlayerData} */
function playable(data) {
  const d = /** @type {PlayerData} */ (data);
  if (!d || !d.routine || !Array.isArray(d.routine.items) || !d.options || !d.words || !d.pain || !d.move_on || !d.links) return false;
  try {
    buildSteps(d.routine, { ...d.options, first_side: "left", rep_mode: "tempo" });
    return true;
  } catch {
    return false;
  }
}

/** The URL says #play (opened from a link, a reload, Forward): open the player without a new entry. */
function openFromUrl() {
  const page = routinePage;
  if (!page || !page.box.isConnected || current) return false;
  launch(page.data, { plan: null, figures: "card" }, { host: page.box, hash: true, push: false, opener: page.button, ownHost: false });
  return true;
}

/** Whether this page's player has its data (and its button its handler). @type {Promise<boolean>} */
let pageReady = Promise.resolve(false);

/**
 * Resolves once the routine page's player has fetched its data and is ready to open: true, or false
 * when there is none (not a routine page, or offline before the data was ever saved: tried again
 * on the next call). start.js waits for it before it presses the button again.
 * @returns {Promise<boolean>}
 */
export function ready() {
  return pageReady.then((ok) => {
    if (ok) return true;
    setup();
    return pageReady;
  });
}

/**
 * Fetches a routine page's player data (the page holds only its address) and hands the button over.
 * @param {HTMLElement} box @param {boolean} focusStart @returns {Promise<boolean>}
 */
async function mount(box, focusStart) {
  const stub = readJson(box, "data-player");
  const src = stub && typeof stub === "object" ? stub.src : null;
  const data = typeof src === "string" ? await fetchOnce(new URL(src, location.href).href) : null;
  if (!box.isConnected) return false;
  if (!playable(data)) {
    box.removeAttribute("data-mounted"); // set up again on the next try
    return false;
  }
  const button = /** @type {HTMLElement | null} */ (document.querySelector("button[data-player-start]"));
  routinePage = { data, box, button };
  if (button) {
    button.hidden = false;
    button.addEventListener("click", () => {
      if (!current) launch(data, { plan: null, figures: "card" }, { host: box, hash: true, push: true, opener: button, ownHost: false });
    });
  }
  if (location.hash === HASH) openFromUrl();
  else if (button && focusStart) button.focus();
  return true;
}

function setup() {
  if (current && !current.alive()) current.teardown();
  const focusStart = Boolean(refocus && refocus.path === location.pathname && performance.now() < refocus.until);
  refocus = null;
  const boxes = fresh("[data-player]");
  if (boxes.length) pageReady = Promise.all(boxes.map((box) => mount(box, focusStart))).then((found) => found.some(Boolean));
  else if (!document.querySelector("[data-player]")) pageReady = Promise.resolve(false);
}

watchHistory({ current: () => current, reopen: () => location.hash === HASH && routinePage !== null && routinePage.box.isConnected && openFromUrl() });
onPage(setup);
