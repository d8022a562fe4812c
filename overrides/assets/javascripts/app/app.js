/**
 * On every page: the guide's version on this device. A deployed build (its pages name a service
 * worker in <meta name="guide-worker">) registers the worker, which keeps every file for offline
 * use; a preview (`make serve`, no such meta) removes the worker an earlier visit left at exactly
 * its own scope (a clinic's copy under the preview's path keeps its own).
 *
 * When a new version has been downloaded in the background, the notice "A new version of this
 * guide is ready" offers to reload. It waits while a dialog is open (the session player), and the
 * new version takes over only when the reader says so: never a silent swap mid-session. When
 * another tab says so, this tab's page is the old version under the new files: it is marked stale
 * (shared/versions.js), loads no more code, and leaves by full page loads, never by Material's
 * instant navigation, which would run the old code on the new version's pages.
 */
import { askToReload, isStale, markStale, whenFree } from "../shared/versions.js";

/** Look for a new version at most this often while the reader moves between pages. */
const CHECK_EVERY_MS = 5 * 60 * 1000;

/** This tab asked the waiting worker to take over (and reloads itself when it has). */
let accepting = false;

/** @param {string} name */
function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? element.getAttribute("content") : null;
}

/**
 * Show the notice when nothing is in the way; otherwise as soon as the open dialog closes.
 * @param {ServiceWorkerRegistration} registration
 */
function offerUpdate(registration) {
  const notice = /** @type {HTMLElement | null} */ (document.querySelector("[data-guide-update]"));
  if (!notice || !notice.hidden || isStale()) return;
  whenFree(() => {
    notice.hidden = false;
    const reload = /** @type {HTMLButtonElement} */ (notice.querySelector("[data-guide-reload]"));
    const later = /** @type {HTMLButtonElement} */ (notice.querySelector("[data-guide-later]"));
    reload.onclick = () => {
      const waiting = registration.waiting;
      if (!waiting) return location.reload();
      reload.disabled = true;
      accepting = true;
      // The new worker takes over, then the page reloads from it.
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
      waiting.postMessage({ type: "SKIP_WAITING" });
    };
    later.onclick = () => {
      notice.hidden = true;
    };
  });
}

/**
 * Offer the update whenever a new worker has finished installing behind the current one.
 * @param {ServiceWorkerRegistration} registration
 */
function watchUpdates(registration) {
  const ready = () => {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration);
  };
  ready();
  // A worker may already be installing when the page registers (the browser checked on its own).
  registration.installing?.addEventListener("statechange", ready);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    if (installing) installing.addEventListener("statechange", ready);
  });
  // Instant navigation loads no new documents, so the browser would not look for updates itself.
  let checked = Date.now();
  const material = window.document$;
  if (!material || typeof material.subscribe !== "function") return;
  material.subscribe(() => {
    if (Date.now() - checked < CHECK_EVERY_MS) return;
    checked = Date.now();
    registration.update().catch(() => {});
  });
}

/**
 * Another tab let a new version take over while this page shows the old one: from now on this
 * page is stale. (The first worker taking over a page that had none is the same version.)
 */
function watchOtherTabs() {
  /** The page this tab shows (a widget's own history entries keep it). */
  let shown = location.pathname;
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    const before = controller;
    controller = navigator.serviceWorker.controller;
    if (!before || accepting || isStale()) return;
    markStale();
    shown = location.pathname;
    document.querySelector("[data-guide-update]")?.setAttribute("hidden", "");
    askToReload("update");
  });
  // A stale page leaves by a full page load. These listeners run before Material's (capture, on
  // the window), which would fetch the next page and run this page's old code on it.
  addEventListener("click", (event) => {
    if (!isStale() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (link instanceof HTMLAnchorElement && !link.target && !link.hasAttribute("download") && link.origin === location.origin) {
      event.stopPropagation();
    }
  }, true);
  addEventListener("popstate", (event) => {
    if (!isStale() || location.pathname === shown) return;
    event.stopImmediatePropagation();
    location.reload();
  }, true);
}

async function start() {
  if (!("serviceWorker" in navigator)) return;
  const root = new URL(meta("guide-root") || "./", location.href);
  const worker = meta("guide-worker");
  if (worker) {
    const registration = await navigator.serviceWorker.register(new URL(worker, root), { scope: root.href });
    watchOtherTabs();
    watchUpdates(registration);
    return;
  }
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    if (registration.scope === root.href) await registration.unregister();
  }
}

// The language menu (a copy in more than one language) keeps the reader on the page.
if (document.querySelector("a[data-guide-language]")) import("./languages.js");

start().catch(() => {
  // Offline use is an extra: a browser that refuses it (private mode, storage full) still reads.
});
