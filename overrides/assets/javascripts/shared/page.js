/**
 * The DOM side every widget shares: run a setup on each page view (the first load and every page
 * Material's instant navigation swaps in, through its `document$`), find the elements not set up
 * yet, read page data from data-* attributes and the page's locale and site path, build elements,
 * and add a style sheet or the card font when a widget needs them.
 */

/**
 * Call `setup` on every page view.
 * @param {() => void} setup
 */
export function onPage(setup) {
  const material = window.document$;
  if (material && typeof material.subscribe === "function") material.subscribe(() => setup());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
}

/**
 * Elements matching `selector` that no earlier page view set up; each is marked as set up.
 * @param {string} selector
 * @returns {HTMLElement[]}
 */
export function fresh(selector) {
  /** @type {HTMLElement[]} */
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    if (element instanceof HTMLElement && !element.hasAttribute("data-mounted")) {
      element.setAttribute("data-mounted", "");
      found.push(element);
    }
  }
  return found;
}

/**
 * JSON page data from an attribute, or null when it is missing or malformed. (Not a <script>
 * element: instant navigation re-runs scripts in the page and would run JSON as code.)
 * @param {Element | null} element
 * @param {string} attribute
 * @returns {any}
 */
export function readJson(element, attribute) {
  try {
    return JSON.parse((element && element.getAttribute(attribute)) || "null");
  } catch {
    return null;
  }
}

/**
 * A new element with attributes and text.
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {string | null} [text]
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

/**
 * Load the card font's two weights before printing (cards.css uses it on paper only, so the
 * browser has not fetched it); a no-op once loaded, and never fails the print.
 * @returns {Promise<void>}
 */
export async function cardFonts() {
  try {
    await Promise.all(["400", "700"].map((weight) => document.fonts.load(`${weight} 12pt "Atkinson Hyperlegible"`)));
  } catch {
    // Printing with the fallback font is better than not printing.
  }
}

/**
 * Add a style sheet to the page (once), for a widget whose code is loaded on demand; resolves
 * when it has loaded, or failed (the widget still works, unstyled).
 * @param {URL} url
 * @returns {Promise<void>}
 */
export function stylesheet(url) {
  const href = url.href;
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
    if (link instanceof HTMLLinkElement && link.href === href) return Promise.resolve();
  }
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", () => resolve());
    link.addEventListener("error", () => resolve());
    document.head.appendChild(link);
  });
}

/**
 * The guide's locale (a BCP 47 tag from the brand, e.g. "en-GB"), which the generator writes into
 * every page as <meta name="guide-locale">; else the page's language. Dates, numbers and plurals
 * are written with it.
 * @returns {string | undefined}
 */
export function locale() {
  const meta = document.querySelector('meta[name="guide-locale"]');
  return (meta && meta.getAttribute("content")) || document.documentElement.lang || undefined;
}

/**
 * The names the guide keeps things on the device under (data/site.yml `storage`, which the
 * generator writes into every page as <meta name="guide-storage"> and <meta name="guide-log-format">):
 * the prefix of every stored name (shared/core/places.js) and the format a saved log file names.
 * Null on a page that names neither (nothing is then kept).
 * @returns {{prefix: string, log_format: string} | null}
 */
export function storage() {
  const read = (/** @type {string} */ name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") || "";
  const prefix = read("guide-storage");
  const format = read("guide-log-format");
  return prefix && format ? { prefix, log_format: format } : null;
}

/**
 * The site's path, from the way to its root that each page knows (`"../../"`), e.g. "/guide/":
 * what everything kept on the device is named after, so two guides on one host never mix.
 * @param {string} root
 * @returns {string}
 */
export function siteScope(root) {
  return new URL(root || "./", location.href).pathname;
}
