/**
 * "I did this routine today" without the log's weight: the button is shown at once, and the
 * form with the log's code (did-it.js, widgets.js, store.js and their cores) is loaded only when it
 * is pressed. The page carries a stub (its routine and the button's label); the rest of what
 * did-it.js reads comes from the shared file (widgets-data.js) when the button is pressed.
 */
import { el, fresh, onPage, readJson, stylesheet } from "../shared/page.js";
import { load } from "../shared/versions.js";

onPage(() => {
  for (const box of fresh("[data-did-it]")) {
    const data = readJson(box, "data-did-it");
    const label = data && typeof data.label === "string" ? data.label : null;
    if (!label) continue;
    const start = /** @type {HTMLButtonElement} */ (el("button", { type: "button", class: "md-button log-button" }, label));
    box.classList.add("log-panel");
    box.append(start);
    box.hidden = false;
    start.addEventListener("click", async () => {
      start.disabled = true;
      try {
        // did-it.js mounts this box again on load, with its own button: press that one.
        box.removeAttribute("data-mounted");
        start.remove();
        const { wholeLogData } = await load(() => import("./widgets-data.js"));
        if (!(await wholeLogData(box, "data-did-it"))) throw new Error("no log data");
        await Promise.all([load(() => import("./did-it.js")), stylesheet(new URL("../../stylesheets/log.css", import.meta.url))]);
        const open = box.querySelector("button.log-button");
        if (open instanceof HTMLButtonElement) open.click();
      } catch {
        start.disabled = false; // offline and never loaded (or a stale page): the button stays, to try again
        if (!start.isConnected) box.append(start);
      }
    }, { once: true });
  }
});
