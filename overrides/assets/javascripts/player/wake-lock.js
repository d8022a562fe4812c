/**
 * The Screen Wake Lock, held while a session plays so the phone's screen stays on. `granted` says
 * whether the screen is being kept on for this run (the browser drops the lock while the page is
 * hidden and it is asked for again on return; that does not change `granted`); `missing` is set
 * once the lock could not be had at all. Without it the screen may turn off mid-session: the
 * player then pauses when the page is hidden (dialog.js).
 */

export class WakeLock {
  constructor() {
    /** @type {WakeLockSentinel | null} */
    this.sentinel = null;
    this.wanted = false;
    this.granted = false;
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
      this.granted = false;
      return false;
    }
    try {
      const sentinel = await navigator.wakeLock.request("screen");
      if (!this.wanted) {
        sentinel.release().catch(() => {});
        return false;
      }
      this.sentinel = sentinel;
      this.granted = true;
      sentinel.addEventListener("release", () => {
        if (this.sentinel === sentinel) this.sentinel = null;
      });
      return true;
    } catch {
      // Refused (a hidden page, a battery saver): the screen may turn off.
      this.missing = true;
      this.granted = false;
      return false;
    }
  }

  release() {
    this.wanted = false;
    this.granted = false;
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel) sentinel.release().catch(() => {});
  }
}
