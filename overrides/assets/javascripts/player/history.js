/**
 * Back and Forward into and out of the player. The player has a history entry of its own (#play
 * on a routine page, or a pushed entry of the same address elsewhere), so the browser's Back
 * leaves it and Forward or a URL with #play opens it. Material's instant navigation listens to
 * popstate too and fetches the page again on the first one after a full load; where the page has
 * the early hook (app/history-hook.js, a plain script that runs before Material's), this runs
 * first and stops the event. Without it, this runs after Material and the page is swapped in again.
 */
import { HASH } from "./dialog.js";

/**
 * @typedef {import("./dialog.js").Player} Player
 * @typedef {{current: () => Player | null, reopen: () => boolean}} Registry
 *   current: the player open now; reopen: open the page's player for #play, when the page has one
 */

/** The player went back in history itself (closing): that popstate is ours, not Material's. */
let ownPop = false;

/** Leave the player's own history entry (it is closing). */
export function leaveEntry() {
  ownPop = true;
  history.back();
}

/**
 * Listen to Back and Forward for the player.
 * @param {Registry} registry
 */
export function watchHistory(registry) {
  /** Events already handled (through the early hook, then again through our own listener). */
  const seen = new WeakSet();
  /** @param {Event} event */
  const onHistory = (event) => {
    if (seen.has(event)) return;
    seen.add(event);
    if (ownPop) {
      if (event.type === "popstate") ownPop = false;
      event.stopImmediatePropagation();
      return;
    }
    const current = registry.current();
    if (current && current.open && current.alive()) {
      const stay = current.how.hash ? location.hash === HASH : Boolean(history.state && history.state.player);
      if (stay) current.leftAt = null;
      // A Back that stopped a session early is heard twice (popstate, then hashchange): once is enough.
      else if (current.leftAt !== location.href) {
        if (current.leftByHistory()) current.leftAt = location.href;
        event.stopImmediatePropagation();
      }
      return;
    }
    if (location.hash === HASH && registry.reopen()) event.stopImmediatePropagation();
  };
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
}
