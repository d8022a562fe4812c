/**
 * On every page: keeps the guide working offline. A deployed build (its pages name a service
 * worker in <meta name="guide-worker">) registers the worker; a preview (`make serve`, no such
 * meta) removes any worker an earlier visit left, so an editor never sees stale pages.
 *
 * When a new version has been downloaded in the background, the notice "A new version of this
 * guide is ready" offers to reload. It waits while a dialog is open (the session player), and the
 * new version takes over only when the reader says so: never a silent swap mid-session.
 */

/** Look for a new version at most this often while the reader moves between pages. */
const CHECK_EVERY_MS = 5 * 60 * 1000;

/** @param {string} name */
function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? element.getAttribute("content") : null;
}

/** True while something must not be interrupted: an open dialog (the session player). */
function busy() {
  return document.querySelector("dialog[open]") !== null;
}

/**
 * Show the notice when nothing is in the way; otherwise as soon as the open dialog closes.
 * @param {ServiceWorkerRegistration} registration
 */
function offerUpdate(registration) {
  const notice = /** @type {HTMLElement | null} */ (document.querySelector("[data-guide-update]"));
  if (!notice || !notice.hidden) return;
  if (busy()) {
    const watch = new MutationObserver(() => {
      if (busy()) return;
      watch.disconnect();
      offerUpdate(registration);
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["open"] });
    return;
  }
  notice.hidden = false;
  const reload = /** @type {HTMLButtonElement} */ (notice.querySelector("[data-guide-reload]"));
  const later = /** @type {HTMLButtonElement} */ (notice.querySelector("[data-guide-later]"));
  reload.onclick = () => {
    const waiting = registration.waiting;
    if (!waiting) return location.reload();
    reload.disabled = true;
    // The new worker takes over, then the page reloads from it.
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    waiting.postMessage({ type: "SKIP_WAITING" });
  };
  later.onclick = () => {
    notice.hidden = true;
  };
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
  // (Material's document$ directly, not page.js: this runs on every page and stays small.)
  let checked = Date.now();
  const material = window.document$;
  if (!material || typeof material.subscribe !== "function") return;
  material.subscribe(() => {
    if (Date.now() - checked < CHECK_EVERY_MS) return;
    checked = Date.now();
    registration.update().catch(() => {});
  });
}

async function start() {
  if (!("serviceWorker" in navigator)) return;
  const root = new URL(meta("guide-root") || "./", location.href);
  const worker = meta("guide-worker");
  if (worker) {
    const registration = await navigator.serviceWorker.register(new URL(worker, root), { scope: root.href });
    watchUpdates(registration);
    return;
  }
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    if (registration.scope.startsWith(root.href)) await registration.unregister();
  }
}

start().catch(() => {
  // Offline use is an extra: a browser that refuses it (private mode, storage full) still reads.
});
