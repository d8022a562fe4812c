/**
 * Page data kept in a file of its own (a routine's player data, the log widgets' shared file) is
 * fetched once per address for the life of the page (instant navigation keeps it), and a fetch
 * that failed (offline, never saved) is tried again next time.
 */

/** @type {Map<string, Promise<any>>} */
const fetched = new Map();

/** @param {string} url @returns {Promise<any>} the parsed JSON, or null when it could not be had */
export function fetchOnce(url) {
  let found = fetched.get(url);
  if (!found) {
    found = fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    fetched.set(url, found);
    found.then((data) => { if (data === null) fetched.delete(url); });
  }
  return found;
}
