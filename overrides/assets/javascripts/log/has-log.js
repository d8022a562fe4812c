/**
 * Whether this device keeps a log for this copy of the guide: pages load the log's code only when
 * it does, so a first visit downloads none of it. A browser that cannot list its databases answers
 * true (reading a log that does not exist creates none); one where no log can be kept here (the
 * page names no storage, no IndexedDB, or the listing fails: storage refused), null.
 */
import { logDatabase } from "../shared/core/places.js";
import { storage } from "../shared/page.js";

/** @param {string} scope the site's path (shared/page.js `siteScope`) @returns {Promise<boolean | null>} */
export async function hasLog(scope) {
  try {
    const names = storage();
    if (typeof indexedDB === "undefined" || !indexedDB || !names) return null;
    if (typeof indexedDB.databases !== "function") return true;
    const name = logDatabase(names.prefix, scope);
    return (await indexedDB.databases()).some((db) => db.name === name);
  } catch {
    return null;
  }
}
