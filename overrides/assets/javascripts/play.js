/**
 * The hands-free session player: "Start this routine" on a routine page opens a full-screen player
 * at the routine page's own address plus `#play` (a history entry of its own: the browser's Back leaves it, and opening
 * a URL with #play opens it). It runs the routine step by step with speech (speechSynthesis),
 * beeps (an OscillatorNode; no audio file, no request), vibration and the screen kept on (Screen
 * Wake Lock), each only where the browser has it, then asks a short check-in and saves the session
 * on this device (storage.js). Nothing leaves the device.
 *
 * The steps and the timing are lib/session.js (`buildSteps`, `estimateMs`) and lib/player.js
 * (`advance(state, now)` on a short timer loop of performance.now() timestamps, so a late tick lands
 * on the right step). Every word and number comes from the page data (`data-player`, written by
 * generator/render/player.py from data/player.yml and the protocol). A reload on #play resumes the
 * session paused at the step it was on (the state is kept in sessionStorage); closing the player
 * (its button, Escape, Back) abandons the session.
 *
 * For other modules (the /my-plan/ page):
 *
 *     import { openPlayer } from "./play.js";
 *     openPlayer(data, { plan: "<plan id>", figures: "templates" });
 *
 * `data` has the shape of a routine page's `data-player` JSON (`PlayerData` below: `routine` {id,
 * title, items}, `move_on`, `options`, `pain`, `sources`, `links`, `root`, `words`); `routine.id`
 * may be the plan's id. `options.plan`: the plan's id, or null for a routine; the saved session
 * then has `routine: null` and `plan` set. `options.figures`: "templates" takes each item's picture
 * from `<template data-player-figure="<item id>">` in the page, "card" from the routine's card on
 * the page (`#card-<routine> .card-item:nth-child(n) .card-figure`). `options.stage` (optional): the
 * return-to-running stage the session is of, saved as its `stage`. The player opens over the
 * current page with a history entry of the same URL (Back closes it); it returns nothing.
 * When a session is saved, `document` gets a `guide:session-saved` event with the session as detail.
 */
import { advance, back, end, pause, position, record, resume, skip, start, tap } from "./lib/player.js";
import { buildSteps, estimateMs } from "./lib/session.js";
import { fill } from "./lib/words.js";
import { el, fresh, onPage, readJson } from "./page.js";
import { Log, Settings, siteScope, StorageError } from "./storage.js";

/**
 * @typedef {import("./lib/session.js").Step} Step
 * @typedef {import("./lib/session.js").Options} SessionOptions
 * @typedef {import("./lib/session.js").Item} SessionItem
 * @typedef {import("./lib/player.js").State} State
 * @typedef {import("./lib/player.js").PlayerEvent} PlayerEvent
 * @typedef {import("./lib/records.js").Session} Session
 * @typedef {SessionItem & {side_label: string | null, dose_text: string | null, cues: string[]}} Item
 * @typedef {{publisher: string, title: string, url: string}} Source
 * @typedef {{routine: {id: string, title: string, items: Item[]},
 *   move_on: {text: string, easy_rule: boolean, next: {title: string, href: string} | null},
 *   options: {tempo: {up_s: number, down_s: number}, rest: {between_sets_s: number, between_items_s: number},
 *     switch_s: number, lead_in_s: number, countdown: number},
 *   pain: {ok_max: number, acceptable_max: number, scale_max: number},
 *   sources: {tempo: Source[], rest: Source[]}, links: {clinician: string, pain_rule: string, progress: string},
 *   root: string, words: Record<string, string>}} PlayerData
 * @typedef {{plan: string | null, figures: "templates" | "card", stage?: string | null}} OpenOptions
 * @typedef {{voice: boolean, beeps: boolean, rep_mode: "tempo" | "tap", first_side: "left" | "right"}} Choices
 * @typedef {{host: HTMLElement, hash: boolean, push: boolean, opener: HTMLElement | null, ownHost: boolean}} How
 * @typedef {{v: 1, routine: string, plan: string | null, stage: string | null, path: string, started: string, choices: Choices,
 *   state: State}} Snapshot
 */

// Units and the player's own sound design (no protocol numbers: those come with the page data).
const MS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60;
const MS_PER_MINUTE = MS_PER_SECOND * SECONDS_PER_MINUTE;
/** The longest wait between two ticks, so the display never lags long behind the clock. */
const MAX_TICK_MS = 1000;
/** Wake a tick this long after a boundary (a half rep, a second), to land just past it. */
const PAST_BOUNDARY_MS = 1;
/** Beeps: [frequency in Hz, length in ms]. */
const BEEP = { go: [880, 350], rest: [440, 350], up: [784, 90], down: [523, 90], count: [660, 120], tap: [988, 60] };
const BEEP_VOLUME = 0.25;
const BEEP_FADE_S = 0.01;
/** Vibration when a new step begins (ms). */
const VIBRATE_MS = 200;
const HASH = "#play";
/** The pain score's scale starts at 0, no pain (a format, as in lib/records.js; its top comes with the data). */
const PAIN_SCALE_BOTTOM = 0;
const STORAGE_KEY = "player";
/** Steps in which a runner works (the others are pauses between them). */
const EXERCISES = ["reps", "hold", "timer"];
/** Steps that count down their last seconds (the count comes from `options.countdown`). */
const COUNTED = ["hold", "rest", "timer", "lead-in", "switch"];
const CONTROLS = "button, a, input, select, textarea, label, summary";

/** @type {Player | null} */
let current = null;
/** The player went back in history itself (closing): that popstate is ours, not Material's. */
let ownPop = false;
/**
 * Where the keyboard goes back to once the player closed through history: without the early
 * popstate hook (see the end of this file) Material fetches the page again on the first Back after
 * a full load and swaps it in, so the new page's Start button gets the focus.
 * @type {{path: string, until: number} | null}
 */
let refocus = null;
/** How long a closed player waits for Material to swap the page in, to hand the focus back. */
const REFOCUS_MS = 10000;

/** @param {Element | null} target @returns {boolean} */
const isField = (target) => target instanceof Element && target.matches("input, select, textarea");

/** @param {number} ms @returns {string} minutes and seconds, e.g. "1:05" */
function clock(ms) {
  const whole = Math.max(0, Math.ceil(ms / MS_PER_SECOND));
  return `${Math.floor(whole / SECONDS_PER_MINUTE)}:${String(whole % SECONDS_PER_MINUTE).padStart(2, "0")}`;
}

/** @returns {string} an id of [a-z0-9-] for the session */
function sessionId() {
  if (globalThis.crypto && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Gives every id under `root` a prefix, and the references to them (`url(#…)`, aria and `href="#…"`),
 * so a copy of a picture in the page keeps its ids unique.
 * @param {Element} root
 * @param {string} prefix
 */
function prefixIds(root, prefix) {
  /** @type {Map<string, string>} */
  const ids = new Map();
  const all = [root, ...root.querySelectorAll("*")];
  for (const node of all) {
    if (!node.id) continue;
    ids.set(node.id, prefix + node.id);
    node.id = prefix + node.id;
  }
  const lists = ["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details", "aria-flowto", "for", "headers"];
  for (const node of all) {
    for (const attr of [...node.attributes]) {
      if (attr.name === "id") continue;
      let value = attr.value.replace(/url\(\s*#([^)\s]+)\s*\)/g, (whole, id) => (ids.has(id) ? `url(#${ids.get(id)})` : whole));
      if (lists.includes(attr.name)) value = value.split(/\s+/).map((token) => ids.get(token) ?? token).join(" ");
      if ((attr.localName === "href") && value.startsWith("#") && ids.has(value.slice(1))) value = `#${ids.get(value.slice(1))}`;
      if (value !== attr.value) node.setAttributeNS(attr.namespaceURI, attr.name, value);
    }
  }
}

/** Beeps and vibration: Web Audio made on the first user gesture, quiet where it is missing. */
class Sound {
  constructor() {
    /** @type {AudioContext | null} */
    this.context = null;
  }

  /** Call from a user gesture (a click): browsers only let audio start from one. */
  wake() {
    try {
      if (!this.context) {
        const Context = window.AudioContext || /** @type {any} */ (window).webkitAudioContext;
        if (Context) this.context = new Context();
      }
      if (this.context && this.context.state === "suspended") this.context.resume().catch(() => {});
    } catch {
      this.context = null;
    }
  }

  /** @param {keyof BEEP} kind */
  beep(kind) {
    const context = this.context;
    if (!context) return;
    try {
      const [frequency, ms] = BEEP[kind];
      const at = context.currentTime;
      const stop = at + ms / MS_PER_SECOND;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(BEEP_VOLUME, at + BEEP_FADE_S);
      gain.gain.setValueAtTime(BEEP_VOLUME, stop - BEEP_FADE_S);
      gain.gain.linearRampToValueAtTime(0, stop);
      oscillator.connect(gain);
      gain.connect(context.destination);
      oscillator.start(at);
      oscillator.stop(stop);
    } catch {
      // No sound this time; the session goes on.
    }
  }

  vibrate() {
    try {
      if (typeof navigator.vibrate === "function") navigator.vibrate(VIBRATE_MS);
    } catch {
      // Not on this device.
    }
  }

  close() {
    if (this.context) this.context.close().catch(() => {});
    this.context = null;
  }
}

/** Speech: a new step interrupts what is still being said; a cue is dropped when speech is busy. */
class Voice {
  get available() {
    return typeof window.speechSynthesis !== "undefined" && typeof window.SpeechSynthesisUtterance === "function";
  }

  /** @param {string} text @param {boolean} interrupt */
  say(text, interrupt) {
    if (!this.available || !text) return;
    try {
      const synth = window.speechSynthesis;
      if (interrupt) synth.cancel();
      else if (synth.speaking || synth.pending) return;
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = document.documentElement.lang || "en";
      synth.speak(utterance);
    } catch {
      // No voice this time.
    }
  }

  hush() {
    try {
      if (this.available) window.speechSynthesis.cancel();
    } catch {
      // Nothing to stop.
    }
  }
}

/** The Screen Wake Lock: held while a session plays; `missing` once it could not be had. */
class ScreenLock {
  constructor() {
    /** @type {WakeLockSentinel | null} */
    this.sentinel = null;
    this.wanted = false;
    this.missing = false;
    /** @type {Promise<boolean> | null} */
    this.asking = null;
  }

  /** @returns {Promise<boolean>} whether the screen is kept on */
  request() {
    this.wanted = true;
    if (this.sentinel) return Promise.resolve(true);
    if (!this.asking) this.asking = this.ask().finally(() => { this.asking = null; });
    return this.asking;
  }

  /** @returns {Promise<boolean>} */
  async ask() {
    if (!("wakeLock" in navigator) || !navigator.wakeLock) {
      this.missing = true;
      return false;
    }
    try {
      const sentinel = await navigator.wakeLock.request("screen");
      if (!this.wanted) {
        sentinel.release().catch(() => {});
        return false;
      }
      this.sentinel = sentinel;
      sentinel.addEventListener("release", () => {
        if (this.sentinel === sentinel) this.sentinel = null;
      });
      return true;
    } catch {
      this.missing = true;
      return false;
    }
  }

  release() {
    this.wanted = false;
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel) sentinel.release().catch(() => {});
  }
}

class Player {
  /**
   * @param {PlayerData} data
   * @param {OpenOptions} options
   * @param {How} how
   */
  constructor(data, options, how) {
    this.data = data;
    this.words = data.words;
    this.options = options;
    this.how = how;
    this.path = location.pathname;
    this.scope = siteScope(data.root);
    this.settings = new Settings(this.scope);
    this.storageKey = `knee-guide:${this.scope}:${STORAGE_KEY}`;
    this.sound = new Sound();
    this.voice = new Voice();
    this.lock = new ScreenLock();
    /** @type {"settings" | "running" | "checkin"} */
    this.screen = "settings";
    /** @type {State | null} */
    this.state = null;
    /** @type {Step[]} */
    this.steps = [];
    /** @type {Choices} */
    this.choices = this.savedChoices();
    this.started = "";
    this.ended = "";
    this.id = sessionId();
    this.timer = 0;
    this.drawn = -1;
    this.counted = Infinity;
    this.shownText = "";
    this.shownBar = "";
    /** @type {Map<number, Element | null>} */
    this.figures = new Map();
    /** @type {{pain: number | null, easy: boolean | null}} */
    this.answers = { pain: null, easy: null };
    this.open = false;
    this.reloaded = false;
    const w = this.words;
    this.dialog = /** @type {HTMLDialogElement} */ (el("dialog", { class: "player-dialog", "aria-labelledby": "player-title" }));
    const shell = this.dialog.appendChild(el("div", { class: "player-shell" }));
    const top = shell.appendChild(el("div", { class: "player-top" }));
    top.appendChild(el("h2", { id: "player-title", class: "player-title" }, fill(w.title, { routine: this.data.routine.title })));
    this.closeButton = top.appendChild(el("button", { type: "button", class: "player-close", "aria-label": w.close, title: w.close }, "×"));
    this.bar = shell.appendChild(el("div", { class: "player-bar", "aria-hidden": "true" })).appendChild(el("div"));
    this.body = shell.appendChild(el("div", { class: "player-body" }));
    this.live = shell.appendChild(el("p", { class: "player-live", "aria-live": "polite" }));
    this.closeButton.addEventListener("click", () => this.requestClose());
    this.dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      this.requestClose();
    });
    this.dialog.addEventListener("close", () => {
      if (this.open) this.requestClose();
    });
    this.dialog.addEventListener("keydown", (event) => this.onKey(event));
    this.dialog.addEventListener("keyup", (event) => {
      if (this.screen === "running" && event.key === " " && !isField(/** @type {Element} */ (event.target))) event.preventDefault();
    });
    this.dialog.addEventListener("click", (event) => this.onClick(event));
    // The running screen's parts, made once and filled in step by step.
    this.stage = el("div", { class: "player-stage" });
    this.kindLabel = this.stage.appendChild(el("p", { class: "player-kind" }));
    this.figureBox = this.stage.appendChild(el("div", { class: "player-figure" }));
    this.nameLabel = this.stage.appendChild(el("h3", { class: "player-name" }));
    this.whereLabel = this.stage.appendChild(el("p", { class: "player-where" }));
    this.big = this.stage.appendChild(el("p", { class: "player-big" }));
    this.phaseLabel = this.stage.appendChild(el("p", { class: "player-phase" }));
    this.tapButton = this.stage.appendChild(el("button", { type: "button", class: "player-tap", "data-act": "tap" }));
    this.tapCount = this.tapButton.appendChild(el("span", { class: "player-tap-count" }));
    this.tapButton.appendChild(el("span", { class: "player-tap-hint" }, w.tap_hint));
    this.cues = this.stage.appendChild(el("ul", { class: "player-cues" }));
    // Said once when the screen cannot be kept on (a live region, filled only then).
    this.note = this.stage.appendChild(el("p", { class: "player-note", role: "status" }));
    this.controls = el("div", { class: "player-controls" });
    this.pauseButton = this.controls.appendChild(el("button", { type: "button", class: "player-button player-primary player-pause",
      "data-act": "pause", "aria-keyshortcuts": "Space" }, w.pause));
    const row = this.controls.appendChild(el("div", { class: "player-row" }));
    row.appendChild(el("button", { type: "button", class: "player-button", "data-act": "back", "aria-keyshortcuts": "ArrowLeft" }, w.back));
    row.appendChild(el("button", { type: "button", class: "player-button", "data-act": "skip", "aria-keyshortcuts": "ArrowRight" }, w.skip));
    row.appendChild(el("button", { type: "button", class: "player-button", "data-act": "end" }, w.end));
    // The settings' time estimate and the check-in's answer to saving.
    this.overview = el("p", { class: "player-overview" });
    this.status = el("div", { class: "player-status", role: "status" });
    this.saveButton = /** @type {HTMLButtonElement} */ (el("button", { type: "submit", class: "player-button player-primary player-save" }, w.save));
  }

  // --- opening and closing ---------------------------------------------------------------------

  /** Shows the player: the running session kept over a reload, else the settings. */
  show() {
    this.how.host.hidden = false;
    this.how.host.appendChild(this.dialog);
    document.documentElement.classList.add("player-open");
    this.open = true;
    this.dialog.showModal();
    const kept = this.restore();
    if (kept) this.resumeKept(kept);
    else this.showSettings();
    this.onVisibility = () => this.visibility();
    this.onHide = () => this.keep();
    document.addEventListener("visibilitychange", this.onVisibility);
    addEventListener("pagehide", this.onHide);
  }

  /** The runner asked to close (button, Escape): leave the history entry too. */
  requestClose() {
    if (!this.open) return;
    const ours = this.how.hash ? location.hash === HASH : Boolean(history.state && history.state.player);
    this.teardown();
    if (ours && this.how.push) {
      ownPop = true;
      history.back();
    } else if (ours && this.how.hash) history.replaceState(history.state, "", location.pathname + location.search);
  }

  /** Stops everything and removes the player (the session is abandoned). */
  teardown() {
    if (!this.open) return;
    this.open = false;
    this.stopLoop();
    this.lock.release();
    this.voice.hush();
    this.sound.close();
    this.forget();
    if (this.onVisibility) document.removeEventListener("visibilitychange", this.onVisibility);
    if (this.onHide) removeEventListener("pagehide", this.onHide);
    if (this.dialog.open) this.dialog.close();
    this.dialog.remove();
    document.documentElement.classList.remove("player-open");
    if (this.how.ownHost) this.how.host.remove();
    else this.how.host.hidden = true;
    if (current === this) current = null;
    if (this.how.opener && this.how.opener.isConnected) this.how.opener.focus();
    if (this.how.opener && this.how.opener.matches("[data-player-start]")) {
      refocus = { path: location.pathname, until: performance.now() + REFOCUS_MS };
    }
  }

  /** Whether the page the player was opened on is still the page shown. */
  alive() {
    return this.open && this.dialog.isConnected && location.pathname === this.path;
  }

  // --- settings ------------------------------------------------------------------------------

  /** @returns {Choices} */
  savedChoices() {
    const saved = this.settings.all();
    return {
      voice: saved.voice !== false,
      beeps: saved.beeps !== false,
      rep_mode: saved.rep_mode === "tap" ? "tap" : "tempo",
      first_side: saved.first_side === "right" ? "right" : "left",
    };
  }

  /** @param {Choices} choices @returns {SessionOptions} */
  sessionOptions(choices) {
    const o = this.data.options;
    return { tempo: o.tempo, rest: o.rest, switch_s: o.switch_s, lead_in_s: o.lead_in_s,
      first_side: choices.first_side, rep_mode: choices.rep_mode };
  }

  /** @param {Choices} choices @returns {Step[]} */
  stepsFor(choices) {
    return buildSteps(this.data.routine, this.sessionOptions(choices));
  }

  /** @param {string} name */
  screenBox(name) {
    this.screen = /** @type {"settings" | "running" | "checkin"} */ (name);
    this.dialog.setAttribute("data-screen", name);
    this.body.textContent = "";
    return this.body;
  }

  showSettings() {
    const w = this.words;
    const box = this.screenBox("settings");
    const items = this.data.routine.items;
    box.appendChild(this.overview);
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
      this.begin();
    });
    form.appendChild(el("h3", {}, w.settings));
    this.toggle(form, "voice", w.voice, this.choices.voice);
    this.toggle(form, "beeps", w.beeps, this.choices.beeps);
    if (items.some((item) => item.dose && item.dose.shape === "reps")) {
      this.radios(form, "rep_mode", w.rep_mode, [["tempo", w.rep_mode_tempo], ["tap", w.rep_mode_tap]], this.choices.rep_mode);
    }
    if (items.some((item) => item.each_side)) {
      this.radios(form, "first_side", w.first_side, [["left", w.left], ["right", w.right]], this.choices.first_side);
    }
    form.addEventListener("change", () => {
      this.readChoices(form);
      this.updateOverview();
    });
    form.appendChild(el("button", { type: "submit", class: "player-button player-primary player-begin" }, w.begin));
    this.sources(box);
    this.updateOverview();
    this.bar.style.width = "0";
    /** @type {HTMLElement} */ (form.querySelector(".player-begin")).focus();
  }

  /** @param {HTMLElement} box */
  sources(box) {
    const rows = /** @type {[string, Source[]][]} */ ([[this.words.tempo_source, this.data.sources.tempo || []],
      [this.words.rest_source, this.data.sources.rest || []]]).filter(([, list]) => list.length);
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

  /** @param {HTMLElement} form @param {string} name @param {string} label @param {boolean} on */
  toggle(form, name, label, on) {
    const row = form.appendChild(el("div", { class: "player-toggle" }));
    const input = /** @type {HTMLInputElement} */ (row.appendChild(el("input", { type: "checkbox", id: `player-${name}`, name })));
    input.checked = on;
    row.appendChild(el("label", { for: `player-${name}` }, label));
  }

  /**
   * @param {HTMLElement} form
   * @param {string} name
   * @param {string} legend
   * @param {[string, string][]} options
   * @param {string} chosen
   */
  radios(form, name, legend, options, chosen) {
    const set = form.appendChild(el("fieldset", { class: "player-radios" }));
    set.appendChild(el("legend", {}, legend));
    for (const [value, label] of options) {
      const row = set.appendChild(el("div", { class: "player-radio" }));
      const input = /** @type {HTMLInputElement} */ (row.appendChild(el("input", { type: "radio", name, value, id: `player-${name}-${value}` })));
      input.checked = value === chosen;
      row.appendChild(el("label", { for: `player-${name}-${value}` }, label));
    }
  }

  /** @param {HTMLElement} form */
  readChoices(form) {
    /** @param {string} name */
    const checked = (name) => /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]`))?.checked ?? true;
    /** @param {string} name */
    const picked = (name) => /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`))?.value;
    this.choices = {
      voice: checked("voice"),
      beeps: checked("beeps"),
      // A question this routine does not ask keeps the answer given on another.
      rep_mode: (picked("rep_mode") ?? this.choices.rep_mode) === "tap" ? "tap" : "tempo",
      first_side: (picked("first_side") ?? this.choices.first_side) === "right" ? "right" : "left",
    };
    for (const [name, value] of Object.entries(this.choices)) this.settings.set(name, value);
  }

  updateOverview() {
    const minutes = Math.max(1, Math.round(estimateMs(this.stepsFor(this.choices)) / MS_PER_MINUTE));
    this.overview.textContent = fill(this.words.overview, { count: this.data.routine.items.length, minutes });
  }

  // --- running -------------------------------------------------------------------------------

  begin() {
    const form = this.body.querySelector("form");
    if (form) this.readChoices(form);
    this.sound.wake();
    this.steps = this.stepsFor(this.choices);
    this.state = start(this.steps, performance.now());
    this.started = new Date().toISOString();
    this.showRunning();
    this.lockScreen();
    this.tick();
    this.pauseButton.focus();
  }

  showRunning() {
    const box = this.screenBox("running");
    this.drawn = -1;
    box.appendChild(this.stage);
    box.appendChild(this.controls);
  }

  async lockScreen() {
    const kept = await this.lock.request();
    if (!kept && this.lock.missing && this.screen === "running" && !this.note.textContent) this.note.textContent = this.words.no_wake_lock;
  }

  /** Moves the session to now: events spoken and beeped, the screen drawn, the next tick set. */
  tick() {
    this.stopLoop();
    if (!this.open || !this.state || this.screen !== "running") return;
    const now = performance.now();
    const { state, events } = advance(this.state, now);
    this.state = state;
    this.draw(now);
    this.hear(events, now);
    if (state.finished) this.finish();
    else this.schedule(now);
  }

  stopLoop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
  }

  /** The next tick: just past the next moment the screen or the sound changes (at most a second). */
  schedule(/** @type {number} */ now) {
    const state = /** @type {State} */ (this.state);
    if (state.paused_at !== null) return;
    const at = position(state, now);
    const step = state.steps[at.index];
    let wait = MAX_TICK_MS;
    if (at.remaining_ms !== null) {
      wait = Math.min(wait, at.remaining_ms % MS_PER_SECOND || MS_PER_SECOND, at.remaining_ms);
      if (step.kind === "reps" && step.up_ms !== null && step.down_ms !== null && at.rep !== null) {
        const whole = step.up_ms + step.down_ms;
        const next = (at.rep - 1) * whole + (at.phase === "up" ? step.up_ms : whole);
        wait = Math.min(wait, next - at.elapsed_ms);
      }
    }
    this.timer = window.setTimeout(() => this.tick(), Math.max(0, wait) + PAST_BOUNDARY_MS);
  }

  /**
   * Speaks and beeps what happened: of the steps a tick passed, only the one reached (a late tick
   * never reads out stale steps); its reps; the last seconds of a timed step.
   * @param {PlayerEvent[]} events
   * @param {number} now
   */
  hear(events, now) {
    const state = /** @type {State} */ (this.state);
    const steps = events.filter((event) => event.type === "step");
    const reached = steps.length ? steps[steps.length - 1] : null;
    if (reached && reached.type === "step") this.announce(reached.index);
    for (const event of events) {
      if (event.type !== "rep" || event.index !== state.index) continue;
      if (this.choices.beeps) this.sound.beep(event.phase);
      if (this.choices.voice) this.voice.say(event.phase === "up" ? fill(this.words.say_up, { rep: event.rep }) : this.words.down, false);
    }
    const step = state.steps[state.index];
    if (!COUNTED.includes(step.kind) || step.duration_ms === null || state.paused_at !== null) return;
    const left = /** @type {number} */ (position(state, now).remaining_ms);
    const n = Math.ceil(left / MS_PER_SECOND);
    if (left > 0 && n <= this.data.options.countdown && n < this.counted) {
      this.counted = n;
      if (this.choices.beeps) this.sound.beep("count");
      if (this.choices.voice) this.voice.say(String(n), false);
    }
  }

  /** @param {number} index a new step: said once (voice and screen reader), beeped, buzzed */
  announce(index) {
    const step = this.steps[index];
    this.counted = Infinity;
    const text = this.sentence(step);
    this.live.textContent = text;
    if (this.choices.voice) this.voice.say(text, true);
    if (this.choices.beeps) {
      if (step.kind !== "done") this.sound.beep(EXERCISES.includes(step.kind) ? "go" : "rest");
      this.sound.vibrate();
    }
    this.keep();
  }

  /** @param {Step} step @returns {string} what is said when it begins */
  sentence(step) {
    const w = this.words;
    const item = this.data.routine.items[step.item];
    const where = this.where(step);
    switch (step.kind) {
      case "lead-in":
        return [w.get_ready, fill(w.next_up, { title: this.data.routine.items[0].title })].join(". ");
      case "rest":
        return [w.rest, fill(w.next_up, { title: item.title }), ...where].join(". ");
      case "switch":
        return [w.switch, ...where.slice(-1)].join(". ");
      case "done":
        return w.done;
      default:
        return [item.title, ...this.phaseWords(step), ...where].join(". ");
    }
  }

  /** @param {Step} step @returns {string[]} "Set 2 of 3", "Left leg" as they apply */
  where(step) {
    const w = this.words;
    const parts = [];
    const item = this.data.routine.items[step.item];
    const phased = step.phase !== null;
    if (step.sets > 1 && !phased && item) parts.push(fill(w.set_of, { set: step.set, sets: step.sets }));
    if (step.side) parts.push(fill(w.side, { side: step.side === "left" ? w.left : w.right }));
    return parts;
  }

  /** @param {Step} step @returns {string[]} the phase of an interval or cycle, the `per` of a range */
  phaseWords(step) {
    const w = this.words;
    /** @type {Record<string, string>} */
    const phases = { run: w.run, walk: w.walk, on: w.phase_on, off: w.phase_off };
    const item = this.data.routine.items[step.item];
    const dose = item && item.dose;
    if (step.phase) return [phases[step.phase]];
    if (step.kind === "hold") return [w.hold];
    if (dose && dose.shape === "minutes-range") return [fill(w.timer_per, { per: dose.per })];
    return [];
  }

  /** @param {number} now draws the current step (rebuilt when it changes; numbers every tick) */
  draw(now) {
    const state = /** @type {State} */ (this.state);
    const at = position(state, now);
    const step = state.steps[at.index];
    const w = this.words;
    const paused = state.paused_at !== null;
    if (at.index !== this.drawn) this.drawStep(at.index, step);
    this.dialog.setAttribute("data-paused", String(paused));
    const tapping = step.kind === "reps" && step.duration_ms === null;
    let big = "";
    let phase = "";
    if (step.kind === "reps" && at.rep !== null && step.reps !== null) {
      if (tapping) {
        this.tapCount.textContent = fill(w.rep_count, { rep: state.taps[at.index], reps: step.reps });
      } else {
        big = fill(w.rep_count, { rep: at.rep, reps: step.reps });
        phase = at.phase === "up" ? w.up : w.down;
      }
    } else if (at.remaining_ms !== null && step.kind !== "done") {
      big = clock(at.remaining_ms);
    }
    if (paused) phase = w.paused;
    if (big !== this.shownText) this.big.textContent = this.shownText = big;
    if (this.phaseLabel.textContent !== phase) this.phaseLabel.textContent = phase;
    this.phaseLabel.setAttribute("data-phase", paused ? "paused" : at.phase || "");
    const label = paused ? w.resume : w.pause;
    if (this.pauseButton.textContent !== label) this.pauseButton.textContent = label;
    const bar = `${Math.round((at.index / (state.steps.length - 1)) * 1000) / 10}%`;
    if (bar !== this.shownBar) this.bar.style.width = this.shownBar = bar;
  }

  /** @param {number} index @param {Step} step */
  drawStep(index, step) {
    const w = this.words;
    this.drawn = index;
    this.dialog.setAttribute("data-step", String(index));
    this.dialog.setAttribute("data-kind", step.kind);
    const item = step.item >= 0 ? this.data.routine.items[step.item] : step.kind === "lead-in" ? this.data.routine.items[0] : null;
    const figureIndex = step.kind === "lead-in" ? 0 : step.item;
    /** @type {Record<string, string>} */
    const kinds = { "lead-in": w.get_ready, rest: w.rest, switch: w.switch, done: "" };
    const between = step.kind in kinds;
    this.kindLabel.textContent = between ? kinds[step.kind] : this.phaseWords(step).join(" · ");
    this.kindLabel.hidden = !this.kindLabel.textContent;
    this.nameLabel.textContent = item ? (between ? fill(w.next_up, { title: item.title }) : item.title) : w.done;
    const where = this.where(step);
    this.whereLabel.textContent = where.join(" · ");
    this.whereLabel.hidden = !where.length;
    this.figureBox.textContent = "";
    const figure = figureIndex >= 0 && step.kind !== "done" ? this.figure(figureIndex) : null;
    if (figure) this.figureBox.appendChild(figure);
    this.figureBox.hidden = !figure;
    this.cues.textContent = "";
    for (const cue of (item && EXERCISES.includes(step.kind) ? item.cues : [])) this.cues.appendChild(el("li", {}, cue));
    this.cues.hidden = !this.cues.childElementCount;
    const tapping = step.kind === "reps" && step.duration_ms === null;
    const hadTapFocus = document.activeElement === this.tapButton;
    this.tapButton.hidden = !tapping;
    this.big.hidden = tapping;
    this.shownText = "\u0000";
    this.dialog.setAttribute("data-tap", String(tapping));
    // Keep the keyboard where it can act: on the counter while tapping, else on Pause.
    const active = document.activeElement;
    const lost = !active || active === document.body || active === this.dialog || !this.dialog.contains(active);
    if (tapping && (lost || active === this.pauseButton)) this.tapButton.focus();
    else if (!tapping && (hadTapFocus || lost)) this.pauseButton.focus();
  }

  /**
   * The picture of an item: from the routine's card on the page, or from a template; its ids get
   * the `player-` prefix (only one picture is shown at a time, so each id stays unique).
   * @param {number} index
   * @returns {Element | null}
   */
  figure(index) {
    if (this.figures.has(index)) return /** @type {Element | null} */ (this.figures.get(index));
    const item = this.data.routine.items[index];
    /** @type {Element | null} */
    let picture = null;
    try {
      if (this.options.figures === "templates") {
        const template = document.querySelector(`template[data-player-figure="${CSS.escape(item.id)}"]`);
        if (template instanceof HTMLTemplateElement) picture = /** @type {Element | null} */ (template.content.firstElementChild?.cloneNode(true) ?? null);
      } else {
        const source = document.querySelector(`#card-${CSS.escape(this.data.routine.id)} .card-item:nth-child(${index + 1}) .card-figure`);
        const art = source && source.firstElementChild;
        if (art) {
          picture = /** @type {Element} */ (art.cloneNode(true));
          prefixIds(picture, "player-");
        }
      }
    } catch {
      picture = null;
    }
    this.figures.set(index, picture);
    return picture;
  }

  // --- controls ------------------------------------------------------------------------------

  /** @param {(state: State, now: number) => State} operation */
  act(operation) {
    if (!this.state || this.screen !== "running") return;
    this.state = operation(this.state, performance.now());
    this.tick();
    this.keep();
  }

  togglePause() {
    if (!this.state || this.screen !== "running") return;
    const now = performance.now();
    if (this.state.paused_at === null) {
      this.state = pause(this.state, now);
      this.voice.hush();
      this.lock.release();
      this.live.textContent = this.words.paused;
      this.stopLoop();
      this.draw(now);
      this.keep();
    } else {
      this.sound.wake();
      // After a reload nothing was said yet: say where the session is (a gesture lets speech start).
      if (this.reloaded && this.choices.voice) this.voice.say(this.sentence(this.steps[this.state.index]), true);
      this.reloaded = false;
      this.state = resume(this.state, now);
      this.lockScreen();
      this.tick();
      this.keep();
    }
  }

  countRep() {
    if (!this.state || this.state.paused_at !== null) return;
    const step = this.state.steps[this.state.index];
    if (step.kind !== "reps" || step.duration_ms !== null) return;
    this.sound.wake();
    const n = this.state.taps[this.state.index] + 1;
    if (this.choices.beeps) this.sound.beep("tap");
    if (this.choices.voice && n < (step.reps ?? 0)) this.voice.say(String(n), true);
    this.act(tap);
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const target = event.target instanceof Element ? event.target : null;
    const button = target && target.closest("button[data-act]");
    const act = button && button.getAttribute("data-act");
    if (act === "pause") this.togglePause();
    else if (act === "skip") this.act(skip);
    else if (act === "back") this.act(back);
    else if (act === "end") this.act(end);
    else if (act === "tap") this.countRep();
    else if (act === "close") this.requestClose();
    else if (this.screen === "running" && target && !target.closest(CONTROLS) && this.dialog.getAttribute("data-tap") === "true") {
      this.countRep(); // tap anywhere on the screen
    }
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (this.screen !== "running" || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    if (isField(target)) return;
    if (event.key === " ") {
      event.preventDefault();
      if (!event.repeat) this.togglePause();
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      this.act(skip);
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      this.act(back);
    }
  }

  visibility() {
    if (!this.open || this.screen !== "running" || !this.state) return;
    if (document.visibilityState === "hidden") {
      this.keep();
      return;
    }
    if (this.state.paused_at === null) {
      this.lockScreen();
      this.tick();
    }
  }

  // --- reload ----------------------------------------------------------------------------------

  /** Keeps the running session in sessionStorage (paused at this moment), for a reload. */
  keep() {
    if (!this.open || this.screen !== "running" || !this.state) return;
    /** @type {Snapshot} */
    const snapshot = { v: 1, routine: this.data.routine.id, plan: this.options.plan, stage: this.options.stage ?? null,
      path: this.path, started: this.started,
      choices: this.choices, state: pause(this.state, performance.now()) };
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify(snapshot));
    } catch {
      // A reload will start over.
    }
  }

  forget() {
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch {
      // Nothing kept.
    }
  }

  /** @returns {Snapshot | null} the session kept before a reload, when it is this routine's and sound */
  restore() {
    try {
      const kept = /** @type {Snapshot | null} */ (JSON.parse(sessionStorage.getItem(this.storageKey) || "null"));
      if (!kept || kept.v !== 1 || kept.routine !== this.data.routine.id || kept.plan !== this.options.plan
        || kept.stage !== (this.options.stage ?? null) || kept.path !== this.path) return null;
      const steps = this.stepsFor(kept.choices);
      const state = kept.state;
      if (!state || JSON.stringify(state.steps) !== JSON.stringify(steps) || state.paused_at === null || state.finished) return null;
      if (!Number.isInteger(state.index) || state.index < 0 || state.index >= steps.length) return null;
      return kept;
    } catch {
      return null;
    }
  }

  /** @param {Snapshot} kept a session from before a reload: shown paused where it was */
  resumeKept(kept) {
    const now = performance.now();
    const state = kept.state;
    const shift = now - /** @type {number} */ (state.paused_at);
    this.choices = { ...kept.choices };
    this.steps = state.steps;
    this.state = { ...state, started_at: state.started_at + shift, paused_at: now };
    this.started = kept.started;
    this.reloaded = true;
    this.showRunning();
    this.draw(now);
    this.live.textContent = `${this.words.paused}. ${this.sentence(this.steps[this.state.index])}`;
    this.pauseButton.focus();
  }

  // --- the end -------------------------------------------------------------------------------

  finish() {
    this.stopLoop();
    this.lock.release();
    this.forget();
    this.ended = new Date().toISOString();
    if (this.ended < this.started) this.ended = this.started;
    this.showCheckin();
  }

  showCheckin() {
    const w = this.words;
    const pain = this.data.pain;
    const box = this.screenBox("checkin");
    this.bar.style.width = "100%";
    box.appendChild(el("p", { class: "player-done" }, w.done));
    const heading = box.appendChild(el("h3", { class: "player-checkin-title", tabindex: "-1" }, w.checkin_title));
    const form = box.appendChild(el("form", { class: "player-checkin" }));
    const painSet = form.appendChild(el("fieldset", { class: "player-scale" }));
    painSet.appendChild(el("legend", {}, fill(w.pain_question, { min: PAIN_SCALE_BOTTOM, max: pain.scale_max })));
    const scale = painSet.appendChild(el("div", { class: "player-scale-options" }));
    for (let n = PAIN_SCALE_BOTTOM; n <= pain.scale_max; n += 1) {
      const label = scale.appendChild(el("label", { class: "player-choice" }));
      label.appendChild(el("input", { type: "radio", name: "pain", value: String(n) }));
      label.appendChild(el("span", {}, String(n)));
    }
    const verdict = form.appendChild(el("div", { class: "player-verdict", role: "status" }));
    let easyVerdict = null;
    if (this.data.move_on.easy_rule) {
      const easySet = form.appendChild(el("fieldset", { class: "player-scale player-easy" }));
      easySet.appendChild(el("legend", {}, w.easy_question));
      const row = easySet.appendChild(el("div", { class: "player-scale-options" }));
      for (const [value, label] of [["yes", w.answer_yes], ["no", w.answer_no]]) {
        const choice = row.appendChild(el("label", { class: "player-choice player-choice-wide" }));
        choice.appendChild(el("input", { type: "radio", name: "easy", value }));
        choice.appendChild(el("span", {}, label));
      }
      easyVerdict = form.appendChild(el("div", { class: "player-verdict", role: "status" }));
    }
    form.addEventListener("change", (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      if (input.name === "pain") {
        this.answers.pain = Number(input.value);
        this.painVerdict(verdict, this.answers.pain);
      } else if (input.name === "easy" && easyVerdict) {
        this.answers.easy = input.value === "yes";
        easyVerdict.textContent = this.answers.easy ? w.move_on_ready : "";
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save();
    });
    const actions = form.appendChild(el("div", { class: "player-actions" }));
    actions.appendChild(this.saveButton);
    actions.appendChild(el("button", { type: "button", class: "player-button", "data-act": "close" }, w.close));
    form.appendChild(this.status);
    heading.focus();
  }

  /** @param {HTMLElement} box @param {number} pain the pain rule of the protocol, applied on the spot */
  painVerdict(box, pain) {
    const rule = this.data.pain;
    const w = this.words;
    box.textContent = "";
    const level = pain <= rule.ok_max ? "ok" : pain <= rule.acceptable_max ? "acceptable" : "too-high";
    box.setAttribute("data-level", level);
    const text = level === "ok" ? w.pain_ok : level === "acceptable" ? w.pain_acceptable : w.pain_too_high;
    const p = box.appendChild(el("p", {}, text));
    if (level === "too-high") {
      p.appendChild(document.createTextNode(" "));
      p.appendChild(el("a", { href: this.data.links.clinician }, w.warning_signs));
    }
  }

  /** @returns {Session} what was played, as lib/records.js keeps it */
  session() {
    const done = record(/** @type {State} */ (this.state), this.steps);
    return {
      v: 1,
      id: this.id,
      // A plan's session, or a back-to-running stage's, is not one of the guide's routines.
      routine: this.options.plan || this.options.stage ? null : this.data.routine.id,
      plan: this.options.plan,
      source: "player",
      started: this.started,
      ended: this.ended,
      items: done.items.map((item) => ({
        item: /** @type {string} */ (item.item),
        sets: item.sets.map((set) => ({ set: set.set, side: set.side, reps: set.reps_done, seconds: set.seconds_done, skipped: set.skipped })),
      })),
      pain: this.answers.pain,
      easy: this.data.move_on.easy_rule ? this.answers.easy : null,
      stage: this.options.stage ?? null,
    };
  }

  async save() {
    const w = this.words;
    const status = this.status;
    const button = this.saveButton;
    button.disabled = true;
    status.textContent = "";
    status.removeAttribute("data-saved");
    const session = this.session();
    try {
      await new Log(this.scope).saveSession(session);
      status.setAttribute("data-saved", "true");
      const p = status.appendChild(el("p", {}, `${w.saved} `));
      p.appendChild(el("a", { href: this.data.links.progress }, w.see_progress));
      document.dispatchEvent(new CustomEvent("guide:session-saved", { detail: session }));
    } catch (error) {
      const code = error instanceof StorageError ? error.code : "failed";
      status.setAttribute("data-saved", "false");
      status.appendChild(el("p", {}, fill(w.not_saved, { reason: w[`reason_${code}`] || w.reason_failed })));
    } finally {
      button.disabled = false;
    }
  }
}

/**
 * @param {PlayerData} data
 * @param {OpenOptions} options
 * @param {How} how
 */
function launch(data, options, how) {
  if (current) current.teardown();
  const player = new Player(data, options, how);
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
  const chosen = { plan: options && options.plan ? options.plan : null, stage: options && options.stage ? options.stage : null,
    figures: options && options.figures === "card" ? /** @type {const} */ ("card") : /** @type {const} */ ("templates") };
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

/** The routine page's player, when this page has one. @type {{data: PlayerData, box: HTMLElement, button: HTMLElement | null} | null} */
let routinePage = null;

function setup() {
  if (current && !current.alive()) current.teardown();
  const focusStart = refocus && refocus.path === location.pathname && performance.now() < refocus.until;
  refocus = null;
  for (const box of fresh("[data-player]")) {
    const data = readJson(box, "data-player");
    if (!playable(data)) continue;
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
  }
}

/** The URL says #play (opened from a link, a reload, Forward): open the player without a new entry. */
function openFromUrl() {
  const page = routinePage;
  if (!page || !page.box.isConnected || current) return;
  launch(page.data, { plan: null, figures: "card" }, { host: page.box, hash: true, push: false, opener: page.button, ownHost: false });
}

/**
 * Back and Forward into or out of the player are ours. Material's instant navigation listens to
 * popstate too and fetches the page again on the first one after a full load; when the page has the
 * early hook (history-hook.js, a plain script that runs before Material's), this runs first
 * and stops the event. Without it, this runs after Material and the page is swapped in again.
 * @param {Event} event
 */
function onHistory(event) {
  if (seen.has(event)) return;
  seen.add(event);
  if (ownPop) {
    if (event.type === "popstate") ownPop = false;
    event.stopImmediatePropagation();
    return;
  }
  if (current && current.open && current.alive()) {
    const stay = current.how.hash ? location.hash === HASH : Boolean(history.state && history.state.player);
    if (!stay) {
      current.how.push = false;
      current.teardown();
      event.stopImmediatePropagation();
    }
    return;
  }
  if (location.hash === HASH && routinePage && routinePage.box.isConnected) {
    event.stopImmediatePropagation();
    openFromUrl();
  }
}

/** Events already handled (through the early hook, then again through our own listener). */
const seen = new WeakSet();
const earlier = window.guideOnPopstate;
if (window.guideHistoryHook) {
  // Chain onto the early hook: the player first, then whoever had it (the flowchart's own check).
  window.guideOnPopstate = (event) => {
    onHistory(event);
    if (earlier && !event.cancelBubble) earlier(event);
  };
}
// Always listen too: a module loaded later (flowchart.js) may take the hook over.
addEventListener("popstate", onHistory);
addEventListener("hashchange", onHistory);
onPage(setup);
