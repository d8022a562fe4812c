/**
 * The player's voice (speechSynthesis, in the page's language): a new step interrupts what is
 * still being said; a cue (a rep, a count) is dropped when speech is busy, so it is never late.
 * Where the browser has no speech, `available` is false and the screen reader's live region says
 * the steps instead (dialog.js).
 */

export class Voice {
  /** @param {string} lang the language to speak, e.g. "en-GB" */
  constructor(lang) {
    this.lang = lang;
  }

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
      utterance.lang = this.lang;
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
