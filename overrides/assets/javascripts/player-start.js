/**
 * "Start this routine" without the player's weight: the button is shown at once, and the player
 * (play.js with its libraries and style sheet, about 25 KB compressed) is loaded only when it is
 * pressed, or at once when the address asks for it (#play: a reload, a shared link, Forward).
 * Other pages that open the player (/my-plan/, /return-to-running/) load it through loadPlayer().
 */
import { fresh, onPage, stylesheet } from "./page.js";

/** @typedef {typeof import("./play.js")} PlayModule */

/** @type {Promise<PlayModule> | null} */
let loading = null;

/** The player module, with its style sheet in the page. @returns {Promise<PlayModule>} */
export function loadPlayer() {
  if (!loading) {
    const css = stylesheet(new URL("../stylesheets/player.css", import.meta.url));
    loading = Promise.all([import("./play.js"), css]).then(([module]) => module);
    loading.catch(() => {
      loading = null; // offline and never loaded: the next press tries again
    });
  }
  return loading;
}

onPage(() => {
  for (const button of fresh("button[data-player-start]")) {
    button.hidden = false;
    // The first press loads the player, which then takes the button over and is pressed again.
    button.addEventListener(
      "click",
      (event) => {
        event.stopImmediatePropagation();
        loadPlayer().then(() => button.click(), () => {});
      },
      { once: true },
    );
  }
  if (location.hash === "#play" && document.querySelector("[data-player]")) loadPlayer().catch(() => {});
});
