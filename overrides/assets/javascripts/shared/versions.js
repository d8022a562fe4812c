/**
 * Which version of the guide this page is, against the files it would load next. Once another
 * tab accepts an update, the new service worker serves every tab: a page still showing the old
 * version (its page data, the modules it has loaded) would get the new version's modules if it
 * loaded one now, and mix the two. So such a page is marked stale (app.js, on `controllerchange`):
 * it loads no more code (`load` refuses), it leaves by full page loads (app.js), and it tells the
 * reader to reload. The log's database upgraded by another tab asks the same (log/store.js).
 *
 * Nothing here interrupts a session: the notice waits while a dialog (the player) is open, and
 * code already loaded goes on working.
 */

const STALE = "data-guide-stale";

/** Whether this page is older than the files the guide now serves. */
export function isStale() {
  return document.documentElement.hasAttribute(STALE);
}

/** This page is older than the files the guide now serves (set once, for the page's life). */
export function markStale() {
  document.documentElement.setAttribute(STALE, "");
}

/**
 * Runs `then` as soon as no dialog is open (at once when none is).
 * @param {() => void} then
 */
export function whenFree(then) {
  const busy = () => document.querySelector("dialog[open]") !== null;
  if (!busy()) {
    then();
    return;
  }
  const watch = new MutationObserver(() => {
    if (busy()) return;
    watch.disconnect();
    then();
  });
  watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["open"] });
}

/**
 * Tell the reader to reload this page, in the words the page carries for the reason
 * (data/ui.yml, in overrides/main.html).
 * @param {"update" | "log"} reason
 */
export function askToReload(reason) {
  const notice = /** @type {HTMLElement | null} */ (document.querySelector("[data-guide-stale-notice]"));
  if (!notice) return;
  whenFree(() => {
    const text = notice.querySelector("p");
    if (text) text.textContent = notice.getAttribute(`data-${reason}`) || "";
    const reload = /** @type {HTMLButtonElement | null} */ (notice.querySelector("button"));
    if (reload) reload.onclick = () => location.reload();
    notice.hidden = false;
  });
}

/** A lazy load refused because this page is stale. */
export class StalePage extends Error {
  constructor() {
    super("stale page");
    this.name = "StalePage";
  }
}

/**
 * Load code (or a file) behind a button: refused on a stale page, which is told to reload.
 * @template T
 * @param {() => Promise<T>} loader
 * @returns {Promise<T>}
 */
export function load(loader) {
  if (isStale()) {
    askToReload("update");
    return Promise.reject(new StalePage());
  }
  return loader();
}
