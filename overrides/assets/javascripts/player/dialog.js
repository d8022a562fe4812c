/**
 * The player itself: a full-screen dialog over the page that runs a session step by step on a
 * short timer loop of performance.now() timestamps (core/player.js `advance`, so a late tick lands
 * on the right step), with speech, beeps, vibration and the screen kept on where the browser has
 * them, then the check-in.
 *
 * Decisions:
 * - Stopping while a session runs (Escape, the × button, the browser's Back) never throws it away
 *   without a word: it ends the session as "Finish now" does, and the check-in says it stopped
 *   early and saves only what was done. With nothing done yet (still in the lead-in), it just
 *   closes: there is nothing to keep. On the check-in, closing leaves without saving.
 * - Keys (input.js): Space and Enter belong to the focused control; elsewhere Space pauses.
 * - With no wake lock (the screen may turn off), hiding the page pauses the session, so no step is
 *   recorded as done that nobody saw. With the lock, the session goes on (the runner switched apps
 *   and is listening) and catches up on return.
 * - Each step is said once: by the voice when it is on and the browser can speak, else by the
 *   screen reader's live region, never both. (After a reload the voice may not start before a
 *   press, so the live region says where the session is, and the voice says it on "Carry on".)
 * - A reload on #play shows the session paused where it was (resume.js).
 */
import { el, locale, siteScope } from "../shared/page.js";
import { Settings } from "../shared/settings.js";
import { fill } from "../shared/core/words.js";
import { advance, end, pause, record, resume, start, tap } from "./core/player.js";
import { EXERCISE_KINDS } from "./core/session.js";
import { repSaid, sentence } from "./core/speech.js";
import { nextTick } from "./core/timing.js";
import { CheckinScreen } from "./checkin-screen.js";
import { listen } from "./input.js";
import { Resume } from "./resume.js";
import { RunningScreen } from "./running-screen.js";
import { savedChoices, showSettings, stepsFor } from "./settings-screen.js";
import { Sound } from "./sound.js";
import { Voice } from "./voice.js";
import { WakeLock } from "./wake-lock.js";

/**
 * @typedef {import("./core/player.js").State} State
 * @typedef {import("./core/player.js").PlayerEvent} PlayerEvent
 * @typedef {import("./core/session.js").Step} Step
 * @typedef {import("./resume.js").Choices} Choices
 * @typedef {import("./resume.js").Snapshot} Snapshot
 * @typedef {import("./player.js").PlayerData} PlayerData
 * @typedef {import("./player.js").OpenOptions} OpenOptions
 * @typedef {{host: HTMLElement, hash: boolean, push: boolean, opener: HTMLElement | null, ownHost: boolean}} How
 *   host: where the dialog goes; hash: the player is the page's #play; push: it made a history entry
 * @typedef {{closed: (player: Player) => void, leaveEntry: () => void}} Hooks
 *   closed: it was removed; leaveEntry: go back past its own history entry
 */

export const HASH = "#play";

export class Player {
  /** @param {PlayerData} data @param {OpenOptions} options @param {How} how @param {Hooks} hooks */
  constructor(data, options, how, hooks) {
    this.data = data;
    this.words = data.words;
    this.options = options;
    this.how = how;
    this.hooks = hooks;
    this.lang = locale();
    this.path = location.pathname;
    const scope = siteScope(data.root);
    this.settings = new Settings(scope);
    this.resume = new Resume(scope, { routine: data.routine.id, plan: options.plan, stage: options.stage ?? null, path: this.path });
    this.sound = new Sound();
    this.voice = new Voice(this.lang || "en");
    this.lock = new WakeLock();
    /** @type {"settings" | "running" | "checkin"} */
    this.screen = "settings";
    /** @type {State | null} */
    this.state = null;
    /** @type {Step[]} */
    this.steps = [];
    this.choices = savedChoices(this.settings);
    this.started = "";
    this.timer = 0;
    this.open = false;
    this.reloaded = false;
    /** Where Back left the player open on its check-in (history.js), until the URL moves on. @type {string | null} */
    this.leftAt = null;
    const w = this.words;
    // Focusable itself (tabindex -1), so a press on no control leaves the keyboard in the player.
    this.dialog = /** @type {HTMLDialogElement} */ (el("dialog", { class: "player-dialog", "aria-labelledby": "player-title", tabindex: "-1" }));
    const shell = this.dialog.appendChild(el("div", { class: "player-shell" }));
    const top = shell.appendChild(el("div", { class: "player-top" }));
    top.appendChild(el("h2", { id: "player-title", class: "player-title" }, fill(w.title, { routine: data.routine.title }, this.lang)));
    this.closeButton = top.appendChild(el("button", { type: "button", class: "player-close", "aria-label": w.close, title: w.close }, "×"));
    // A plan's status goes with it: shown on every screen of its session.
    if (options.status) {
      const kind = options.status.verified ? "plan-verified" : "plan-unverified";
      shell.appendChild(el("p", { class: `player-plan-status ${kind}` }, options.status.text));
    }
    this.bar = shell.appendChild(el("div", { class: "player-bar", "aria-hidden": "true" })).appendChild(el("div"));
    this.body = shell.appendChild(el("div", { class: "player-body" }));
    this.live = shell.appendChild(el("p", { class: "player-live", "aria-live": "polite" }));
    this.running = new RunningScreen(this.dialog, data, options.figures, this.lang);
    this.checkin = new CheckinScreen(data, options, this.lang);
    this.dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      this.requestClose();
    });
    // Closed by the browser itself (a second Escape): treated as a request, and shown again to stay.
    this.dialog.addEventListener("close", () => {
      if (!this.open) return;
      this.requestClose();
      if (this.open && !this.dialog.open) this.dialog.showModal();
    });
    listen(this);
    this.onVisibility = () => this.visibility();
    this.onHide = () => this.keep();
  }

  // --- opening and closing ---------------------------------------------------------------------

  /** Shows the player: the running session kept over a reload, else the settings. */
  show() {
    this.how.host.hidden = false;
    this.how.host.appendChild(this.dialog);
    document.documentElement.classList.add("player-open");
    this.open = true;
    this.dialog.showModal();
    const kept = this.resume.restore((choices) => stepsFor(this.data, choices));
    if (kept) this.resumeKept(kept);
    else this.showSettings();
    document.addEventListener("visibilitychange", this.onVisibility);
    addEventListener("pagehide", this.onHide);
  }

  /** Escape or ×: while a session runs, stop it early (see the top); else close. */
  requestClose() {
    if (!this.open) return;
    if (this.screen === "running" && this.stopEarly()) return;
    this.close();
  }

  /** Close, leaving the player's own history entry too. */
  close() {
    const ours = this.how.hash ? location.hash === HASH : Boolean(history.state && history.state.player);
    this.teardown();
    if (ours && this.how.push) this.hooks.leaveEntry();
    else if (ours && this.how.hash) history.replaceState(history.state, "", location.pathname + location.search);
  }

  /**
   * The browser's Back left the player's entry: a running session stops early, else it closes.
   * @returns {boolean} whether the player stays open (on the check-in)
   */
  leftByHistory() {
    this.how.push = false;
    if (this.screen === "running" && this.stopEarly()) return true;
    this.teardown();
    return false;
  }

  /**
   * End the running session now and go to its check-in; false when nothing was done yet.
   * @returns {boolean}
   */
  stopEarly() {
    if (!this.state || this.state.finished) return false;
    const ended = end(this.state, performance.now());
    if (!record(ended, this.steps).items.length) return false;
    this.state = ended;
    this.tick();
    return true;
  }

  /** Stops everything and removes the player (a session not saved is abandoned). */
  teardown() {
    if (!this.open) return;
    this.open = false;
    this.stopLoop();
    this.lock.release();
    this.voice.hush();
    this.sound.close();
    this.resume.forget();
    document.removeEventListener("visibilitychange", this.onVisibility);
    removeEventListener("pagehide", this.onHide);
    if (this.dialog.open) this.dialog.close();
    this.dialog.remove();
    document.documentElement.classList.remove("player-open");
    if (this.how.ownHost) this.how.host.remove();
    else this.how.host.hidden = true;
    if (this.how.opener && this.how.opener.isConnected) this.how.opener.focus();
    this.hooks.closed(this);
  }

  /** Whether the page the player was opened on is still the page shown. */
  alive() {
    return this.open && this.dialog.isConnected && location.pathname === this.path;
  }

  /** @param {"settings" | "running" | "checkin"} name @returns {HTMLElement} the emptied body */
  screenBox(name) {
    this.screen = name;
    this.dialog.setAttribute("data-screen", name);
    this.body.textContent = "";
    return this.body;
  }

  showSettings() {
    this.bar.style.width = "0";
    showSettings(this.screenBox("settings"), this.data, { choices: this.choices, settings: this.settings, lang: this.lang, voice: this.voice,
      begin: (choices) => this.begin(choices) });
  }

  // --- running -------------------------------------------------------------------------------

  /** @param {Choices} choices */
  begin(choices) {
    this.choices = choices;
    this.sound.wake();
    this.steps = stepsFor(this.data, choices);
    this.state = start(this.steps, performance.now(), this.data.options.countdown);
    this.started = new Date().toISOString();
    this.running.attach(this.screenBox("running"));
    this.lockScreen();
    this.tick();
    this.running.pauseButton.focus();
  }

  async lockScreen() {
    const kept = await this.lock.request();
    const note = this.running.note;
    if (!kept && this.lock.missing && this.screen === "running" && !note.textContent) note.textContent = this.words.no_wake_lock;
  }

  /** Moves the session to now: events spoken and beeped, the screen drawn, the next tick set. */
  tick() {
    this.stopLoop();
    if (!this.open || !this.state || this.screen !== "running") return;
    const now = performance.now();
    const { state, events } = advance(this.state, now);
    this.state = state;
    this.running.draw(state, now, this.bar);
    this.hear(events);
    if (state.finished) this.finish();
    else if (state.paused_at === null) this.timer = window.setTimeout(() => this.tick(), nextTick(state, now));
  }

  stopLoop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
  }

  /**
   * Speaks and beeps what happened: of the steps a tick passed, only the one reached (a late tick
   * never reads out stale steps); its reps; the last seconds of a timed step.
   * @param {PlayerEvent[]} events
   */
  hear(events) {
    const state = /** @type {State} */ (this.state);
    const steps = events.filter((event) => event.type === "step");
    const reached = steps.length ? steps[steps.length - 1] : null;
    if (reached && reached.type === "step") this.announce(reached.index);
    for (const event of events) {
      if (event.type === "rep" && event.index === state.index) {
        if (this.choices.beeps) this.sound.beep(event.phase);
        const item = this.data.routine.items[state.steps[state.index].item];
        if (this.choices.voice) this.voice.say(repSaid(event.phase, event.rep, item, this.words, this.lang), false);
      } else if (event.type === "count" && event.index === state.index) {
        if (this.choices.beeps) this.sound.beep("count");
        if (this.choices.voice) this.voice.say(fill("{n}", { n: event.n }, this.lang), false);
      }
    }
  }

  /**
   * Said once: by the voice when it speaks, else by the screen reader's live region.
   * @param {string} text
   */
  tell(text) {
    if (this.choices.voice && this.voice.available) {
      this.live.textContent = "";
      this.voice.say(text, true);
    } else {
      this.live.textContent = text;
    }
  }

  /** @param {number} index a new step: said once, beeped, buzzed */
  announce(index) {
    const step = this.steps[index];
    this.tell(sentence(step, this.words, this.data.routine.items, this.lang));
    if (this.choices.beeps) {
      if (step.kind !== "done") this.sound.beep(EXERCISE_KINDS.includes(step.kind) ? "go" : "rest");
      this.sound.vibrate();
    }
    this.keep();
  }

  // --- controls ------------------------------------------------------------------------------

  /** @param {(state: State, now: number) => State} operation */
  act(operation) {
    if (!this.state || this.screen !== "running") return;
    this.state = operation(this.state, performance.now());
    this.tick();
    this.keep();
  }

  /** Pause now (the clock stops, speech stops, the screen may turn off). */
  pauseNow() {
    if (!this.state || this.screen !== "running" || this.state.paused_at !== null) return;
    const now = performance.now();
    this.state = pause(this.state, now);
    this.voice.hush();
    this.lock.release();
    this.stopLoop();
    this.running.draw(this.state, now, this.bar);
    this.tell(this.words.paused);
    this.keep();
  }

  togglePause() {
    if (!this.state || this.screen !== "running") return;
    if (this.state.paused_at === null) {
      this.pauseNow();
      return;
    }
    this.sound.wake();
    // After a reload nothing was said yet: say where the session is (a press lets speech start).
    if (this.reloaded && this.choices.voice) this.voice.say(sentence(this.steps[this.state.index], this.words, this.data.routine.items, this.lang), true);
    this.reloaded = false;
    this.state = resume(this.state, performance.now());
    this.lockScreen();
    this.tick();
    this.keep();
  }

  /** Count one repetition of a tap-mode step. */
  countRep() {
    if (!this.state || this.state.paused_at !== null) return;
    const step = this.state.steps[this.state.index];
    if (step.kind !== "reps" || step.duration_ms !== null) return;
    this.sound.wake();
    const n = this.state.taps[this.state.index] + 1;
    if (this.choices.beeps) this.sound.beep("tap");
    if (this.choices.voice && n < (step.reps ?? 0)) this.voice.say(fill("{n}", { n }, this.lang), true);
    this.act(tap);
  }

  /** The page was hidden or shown again (see the top: no wake lock, no unseen steps). */
  visibility() {
    if (!this.open || this.screen !== "running" || !this.state) return;
    if (document.visibilityState === "hidden") {
      if (!this.lock.granted) this.pauseNow();
      this.keep();
      return;
    }
    if (this.state.paused_at === null) {
      this.lockScreen();
      this.tick();
    }
  }

  // --- reload --------------------------------------------------------------------------------

  /** Keeps the running session for a reload (resume.js). */
  keep() {
    if (!this.open || this.screen !== "running" || !this.state) return;
    this.resume.keep(this.state, this.started, this.choices, performance.now());
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
    this.running.attach(this.screenBox("running"));
    this.running.draw(this.state, now, this.bar);
    this.live.textContent = `${this.words.paused}. ${sentence(this.steps[this.state.index], this.words, this.data.routine.items, this.lang)}`;
    this.running.pauseButton.focus();
  }

  // --- the end -------------------------------------------------------------------------------

  finish() {
    this.stopLoop();
    this.lock.release();
    this.resume.forget();
    const state = /** @type {State} */ (this.state);
    let ended = new Date().toISOString();
    if (ended < this.started) ended = this.started;
    const early = record(state, this.steps).early;
    this.bar.style.width = "100%";
    this.checkin.show(this.screenBox("checkin"), { started: this.started, ended, state, steps: this.steps, early });
  }
}
