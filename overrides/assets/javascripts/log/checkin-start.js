/**
 * The morning check-in ("Is it worse than usual this morning?", about what hurts) only concerns a device
 * that keeps a log: this loads checkin.js, with the log's code, only when this copy of the guide
 * has its database on the device (has-log.js), so a first visit downloads none of it.
 */
import { onPage, readJson, siteScope, stylesheet } from "../shared/page.js";
import { load } from "../shared/versions.js";
import { hasLog } from "./has-log.js";

onPage(async () => {
  const box = document.querySelector("[data-checkin]");
  const data = readJson(box, "data-checkin");
  if (!box || !data || typeof data.root !== "string" || (await hasLog(siteScope(data.root))) !== true) return;
  try {
    const { wholeLogData } = await load(() => import("./widgets-data.js"));
    if (!(await wholeLogData(box, "data-checkin"))) return;
    await stylesheet(new URL("../../stylesheets/log.css", import.meta.url));
    await load(() => import("./checkin.js"));
  } catch {
    // Offline and never saved, or this page is older than the guide's files: no check-in now.
  }
});
