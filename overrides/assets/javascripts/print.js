/**
 * "Print this card" buttons: shown only when scripts run (without them, the browser's own Print
 * menu gives the same card).
 */
import { fresh, onPage } from "./page.js";

onPage(() => {
  for (const button of fresh("button[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
