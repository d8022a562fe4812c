/**
 * The player's voice (speechSynthesis), in the page's language: a new step interrupts what is
 * still being said; a cue (a rep, a count) is dropped when speech is busy, so it is never late.
 * It speaks only with a voice of the page's language (core/voices.js): where the browser has no
 * speech, or no voice for the language, `available` is false, the screen reader's live region
 * says the steps instead (dialog.js), and `missing` tells the settings screen to say why.
 */
import { pickVoice } from "./core/voices.js";

/** How long to wait for a browser that lists its voices late (Chrome loads them after the page). */
const WAIT_FOR_VOICES_MS = 1000;

export class Voice {
  /** @param {string} lang the language to speak, e.g. "es-ES" */
  constructor(lang) {
    this.lang = lang;
    /** @type {SpeechSynthesisVoice | null} */
    this.voice = null;
    /** Settles once the device's voices are known. */
    this.ready = this.find();
  }

  /** Whether the browser can speak at all. */
  get speaks() {
    return typeof window.speechSynthesis !== "undefined" && typeof window.SpeechSynthesisUtterance === "function";
  }

  get available() {
    return this.speaks && this.voice !== null;
  }

  /** The browser speaks, but has no voice for the page's language. */
  get missing() {
    return this.speaks && this.voice === null;
  }

  async find() {
    if (!this.speaks) return;
    const synth = window.speechSynthesis;
    const list = () => (typeof synth.getVoices === "function" ? synth.getVoices() : []);
    let voices = list();
    if (!voices.length) {
      voices = await new Promise((resolve) => {
        const done = () => resolve(list());
        synth.addEventListener?.("voiceschanged", done, { once: true });
        setTimeout(done, WAIT_FOR_VOICES_MS);
      });
    }
    this.voice = pickVoice(voices, this.lang);
  }

  /** @param {string} text @param {boolean} interrupt */
  say(text, interrupt) {
    if (!this.available || !text) return;
    try {
      const synth = window.speechSynthesis;
      if (interrupt) synth.cancel();
      else if (synth.speaking || synth.pending) return;
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = this.voice;
      utterance.lang = this.voice ? this.voice.lang : this.lang;
      synth.speak(utterance);
    } catch {
      // No voice this time.
    }
  }

  hush() {
    try {
      if (this.speaks) window.speechSynthesis.cancel();
    } catch {
      // Nothing to stop.
    }
  }
}
