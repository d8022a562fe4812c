/**
 * The player's beeps and buzz: Web Audio (an OscillatorNode; no audio file, no request), made on
 * the first user gesture as browsers ask, and vibration; quiet wherever the device has neither.
 */

/** Beeps: [frequency in Hz, length in ms] (the player's own sound design, not the protocol's). */
const BEEP = { go: [880, 350], rest: [440, 350], up: [784, 90], down: [523, 90], count: [660, 120], tap: [988, 60] };
const BEEP_VOLUME = 0.25;
const BEEP_FADE_S = 0.01;
const MS_PER_SECOND = 1000;
/** Vibration when a new step begins (ms). */
const VIBRATE_MS = 200;

/** @typedef {keyof typeof BEEP} Beep */

export class Sound {
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

  /** @param {Beep} kind */
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
