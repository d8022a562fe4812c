/**
 * "Print this card" buttons: shown only when scripts run (without them, the browser's own Print
 * menu gives the same card). The card font is used on paper only (cards.css), so it is loaded
 * here first: the print then uses it from its first page.
 */
import { cardFonts, fresh, onPage } from "../shared/page.js";

onPage(() => {
  for (const button of fresh("button[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      await cardFonts();
      window.print();
    });
  }
});

// The browser's own Print menu: start loading the fonts as early as possible.
addEventListener("beforeprint", () => {
  cardFonts();
});
