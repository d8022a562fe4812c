/**
 * Whether this device keeps a log for this copy of the guide: pages load the log's code only when
 * it does, so a first visit downloads none of it. A browser that cannot list its databases answers
 * true (reading a log that does not exist creates none); a page that names no storage, or a
 * browser without IndexedDB, false; a browser that refuses storage (the listing fails), null.
 */
import { logDatabase } from "../shared/core/places.js";
import { storage } from "../shared/page.js";

/** @param {string} scope the site's path (shared/page.js `siteScope`) @returns {Promise<boolean | null>} */
export async function hasLog(scope) {
  try {
    const names = storage();
    if (typeof indexedDB === "undefined" || !indexedDB || !names) return false;
    if (typeof indexedDB.databases !== "function") return true;
    const name = logDatabase(names.prefix, scope);
    return (await indexedDB.databases()).some((db) => db.name === name);
  } catch {
    return null;
  }
}
