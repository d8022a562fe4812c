/**
 * The page data of the log's small widgets (the check-in, "I did this today"). A page carries only
 * a stub (`root`, the way to the site's root, and for "I did this today" its routine and label);
 * what every page would share (each routine's rules and address, the words, the links) is one
 * file, assets/log-widgets.json, fetched the first time a widget needs it and kept by the service
 * worker like any other file. Its addresses are relative to the site's root and are resolved
 * here against the page's own root.
 */
import { readJson } from "../shared/page.js";
import { fetchOnce } from "../shared/fetch-once.js";

const FILE = "assets/log-widgets.json";

/**
 * Addresses in the shared file, resolved against the site's root as seen from this page.
 * @param {any} shared @param {URL} root
 */
function resolved(shared, root) {
  const at = (/** @type {unknown} */ href) => (typeof href === "string" ? new URL(href, root).href : href);
  const links = Object.fromEntries(Object.entries(shared.links || {}).map(([name, href]) => [name, at(href)]));
  const routines = Object.fromEntries(Object.entries(shared.routines || {}).map(([id, info]) => [id,
    info && typeof info === "object"
      ? { ...info, href: at(info.href), next: info.next && typeof info.next === "object" ? { ...info.next, href: at(info.next.href) } : info.next }
      : info]));
  return { ...shared, links, routines };
}

/**
 * The widget's whole page data, written back into its attribute (so the widget's own module reads
 * it as it always has); null when the stub or the shared file is missing or malformed.
 * @param {Element} box
 * @param {string} attribute
 * @returns {Promise<Record<string, any> | null>}
 */
export async function wholeLogData(box, attribute) {
  const stub = readJson(box, attribute);
  if (!stub || typeof stub !== "object" || typeof stub.root !== "string") return null;
  if (stub.rules) return stub; // already whole
  const root = new URL(stub.root || "./", location.href);
  const shared = await fetchOnce(new URL(FILE, root).href);
  if (!shared || typeof shared !== "object" || !shared.words || !shared.rules || !shared.routines) return null;
  const whole = { ...resolved(shared, root), ...stub };
  box.setAttribute(attribute, JSON.stringify(whole));
  return whole;
}
