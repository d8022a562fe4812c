/**
 * The morning check-in ("Is it worse than usual this morning?", about what hurts) only concerns a device
 * that keeps a log: this loads checkin.js, with the log's code, only when this copy of the guide
 * has its database on the device, so a first visit downloads none of it. A browser that cannot
 * list its databases loads it anyway (reading a log that does not exist creates none).
 */
import { logDatabase } from "../shared/core/places.js";
import { onPage, readJson, siteScope, storage, stylesheet } from "../shared/page.js";
import { load } from "../shared/versions.js";

/** @param {string} root @returns {Promise<boolean>} */
async function hasLog(root) {
  try {
    const names = storage();
    if (typeof indexedDB === "undefined" || !names) return false;
    if (typeof indexedDB.databases !== "function") return true;
    const name = logDatabase(names.prefix, siteScope(root));
    return (await indexedDB.databases()).some((db) => db.name === name);
  } catch {
    return false;
  }
}

onPage(async () => {
  const box = document.querySelector("[data-checkin]");
  const data = readJson(box, "data-checkin");
  if (!box || !data || typeof data.root !== "string" || !(await hasLog(data.root))) return;
  try {
    const { wholeLogData } = await load(() => import("./widgets-data.js"));
    if (!(await wholeLogData(box, "data-checkin"))) return;
    await stylesheet(new URL("../../stylesheets/log.css", import.meta.url));
    await load(() => import("./checkin.js"));
  } catch {
    // Offline and never saved, or this page is older than the guide's files: no check-in now.
  }
});
