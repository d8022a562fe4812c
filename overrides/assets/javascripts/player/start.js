/**
 * "Start this routine" without the player's weight: the button is shown at once, and the player
 * (player.js with its modules and style sheet, and the routine's data) is loaded only when it is
 * pressed, or at once when the address asks for it (#play: a reload, a shared link, Forward). Other pages that open the
 * player (/my-plan/, /return-to-running/) load it through loadPlayer(). A stale page (another tab
 * took a new version of the guide) loads nothing and is told to reload (shared/versions.js).
 */
import { fresh, onPage, stylesheet } from "../shared/page.js";
import { load } from "../shared/versions.js";

/** @typedef {typeof import("./player.js")} PlayModule */

/** @type {Promise<PlayModule> | null} */
let loading = null;

/** The player module, with its style sheet in the page. @returns {Promise<PlayModule>} */
export function loadPlayer() {
  if (!loading) {
    loading = load(() => Promise.all([import("./player.js"), stylesheet(new URL("../../stylesheets/player.css", import.meta.url))]))
      .then(([module]) => module);
    loading.catch(() => {
      loading = null; // offline and never loaded, or a stale page: the next press tries again
    });
  }
  return loading;
}

onPage(() => {
  for (const button of fresh("button[data-player-start]")) {
    button.hidden = false;
    // The first press loads the player and its data (assets/player/<routine>.json), and the player
    // then takes the button over and is pressed again; a press that could not load them leaves the
    // button to try again.
    /** @param {Event} event */
    const press = (event) => {
      event.stopImmediatePropagation();
      button.removeEventListener("click", press);
      const again = () => button.addEventListener("click", press);
      loadPlayer().then((module) => module.ready()).then((ok) => (ok ? button.click() : again()), again);
    };
    button.addEventListener("click", press);
  }
  if (location.hash === "#play" && document.querySelector("[data-player]")) loadPlayer().catch(() => {});
});
