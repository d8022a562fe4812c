/**
 * Taking the log to an appointment and back: print, a JSON copy and a CSV table made on this
 * device (core/exchange.js, loaded when a button asks for it), the share sheet, importing a saved
 * copy (checked whole, then written all or nothing), and deleting everything after a question.
 */
import { localDay } from "../../shared/core/days.js";
import { own } from "../../shared/core/own.js";
import { fill } from "../../shared/core/words.js";
import { download } from "../../shared/download.js";
import { el, locale, storage } from "../../shared/page.js";
import { load } from "../../shared/versions.js";
import { StorageError } from "../store.js";
import { button, changed, storageWords, uid } from "../widgets.js";
import { section, speaker } from "./parts.js";

/**
 * @typedef {import("../widgets.js").LogData} LogData
 * @typedef {import("../store.js").LogStore} LogStore
 */

/** A log's site path as core/records.js accepts it. */
const SITE_PATH = /^\/[A-Za-z0-9._~/-]*$/;
/** Saving, sharing and bringing back the log: loaded when a button asks for it. */
const exchange = () => load(() => import("../core/exchange.js"));
/** The format a saved log of this guide names (data/site.yml `storage.log_format`). */
const logFormat = () => storage()?.log_format || "";

/** Whether this browser's share sheet takes files. */
function canShareFiles() {
  try {
    return typeof navigator.share === "function" && typeof navigator.canShare === "function" &&
      navigator.canShare({ files: [new File(["x"], "x.csv", { type: "text/csv" })] });
  } catch {
    return false;
  }
}

/**
 * Export, share, import, delete.
 * @param {LogData} data @param {LogStore} log @param {string} scope the site's path
 * @returns {HTMLElement}
 */
export function takeItSection(data, log, scope) {
  const w = data.words;
  const sec = section(w.take_it, "log-take-it");
  const say = speaker();
  const actions = el("div", { class: "log-actions" });
  const print = button(w.print_summary, true);
  const json = button(w.export_json);
  const csv = button(w.export_csv);
  const share = button(w.share);
  share.hidden = !canShareFiles();
  actions.append(print, json, csv, share);
  print.addEventListener("click", () => window.print());

  const files = async () => {
    const { BOM, makeLog, toCsv, toJson } = await exchange();
    const stored = await log.read();
    const made = makeLog(stored, SITE_PATH.test(scope) ? scope : "/", new Date(), logFormat());
    const name = fill(w.file_name, { date: localDay(new Date()) });
    const cells = { yes: w.answer_yes, no: w.answer_no, left: w.side_left, right: w.side_right, items: data.items,
      routines: Object.fromEntries(Object.entries(data.routines).map(([id, r]) => [id, r.title])) };
    return {
      json: new File([toJson(made)], `${name}.json`, { type: "application/json" }),
      csv: new File([BOM + toCsv(made, /** @type {any} */ (w.csv), cells)], `${name}.csv`, { type: "text/csv" }),
    };
  };
  /** @param {"json" | "csv"} kind */
  const save = async (kind) => {
    try {
      const made = (await files())[kind];
      download(made, made.name);
    } catch (error) {
      say(storageWords(error, w));
    }
  };
  json.addEventListener("click", () => save("json"));
  csv.addEventListener("click", () => save("csv"));
  share.addEventListener("click", async () => {
    try {
      const made = await files();
      const both = [made.csv, made.json];
      await navigator.share({ files: navigator.canShare({ files: both }) ? both : [made.csv], title: w.share_title });
    } catch (error) {
      if (error instanceof StorageError) say(storageWords(error, w)); // else cancelled or refused by the browser
    }
  });
  sec.append(actions, importing(data, log, say), deleting(data, log, say), say.element);
  return sec;
}

/**
 * Bring back a saved copy: refused whole with the reason, or merged (a stored record wins).
 * @param {LogData} data @param {LogStore} log @param {(text: string) => void} say
 */
function importing(data, log, say) {
  const w = data.words;
  const box = section(w.import_title, "log-import", "h3");
  const input = /** @type {HTMLInputElement} */ (
    el("input", { type: "file", accept: ".json,application/json", id: uid("log-file"), class: "log-file" }));
  const label = el("label", { for: input.id, class: "md-button log-button" }, w.import_button);
  box.append(input, label);
  /** @param {string} code */
  const refuse = (code) => say(fill(w.import_refused, { reason: own(w.errors, code) ?? w.errors["bad-field"] }));
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    let parts;
    try {
      parts = await exchange();
    } catch {
      return refuse("not-json");
    }
    const { MAX_IMPORT_CHARS, merge, parseImport } = parts;
    // A UTF-16 code unit takes at least one byte, so a file over this many bytes can't pass.
    if (file.size > MAX_IMPORT_CHARS * 4) return refuse("too-large");
    let text = "";
    try {
      text = await file.text();
    } catch {
      return refuse("not-json");
    }
    const parsed = parseImport(text, logFormat());
    if (!parsed.ok) return refuse(parsed.error);
    try {
      const stored = await log.read();
      const merged = merge(stored, parsed.log);
      if (!merged.ok) return refuse(merged.error);
      const fresh = {
        sessions: merged.value.sessions.slice(stored.sessions.length),
        checkins: merged.value.checkins.slice(stored.checkins.length),
        plans: merged.value.plans.slice(stored.plans.length),
      };
      await log.write(fresh);
      const sum = (/** @type {{sessions: number, checkins: number, plans: number}} */ c) => c.sessions + c.checkins + c.plans;
      say(fill(w.imported, { added: sum(merged.added), kept: sum(merged.kept) }, locale()));
      changed();
    } catch (error) {
      say(storageWords(error, w)); // nothing was written: the write is one transaction
    }
    return undefined;
  });
  return box;
}

/**
 * Delete everything, after a question that Escape or "No" closes.
 * @param {LogData} data @param {LogStore} log @param {(text: string) => void} say
 */
function deleting(data, log, say) {
  const w = data.words;
  const remove = button(w.delete_all);
  const confirm = el("div", { class: "log-confirm", hidden: "", role: "group", "aria-labelledby": uid("log-confirm") });
  const question = el("p", { id: /** @type {string} */ (confirm.getAttribute("aria-labelledby")), tabindex: "-1" }, w.delete_confirm);
  const yes = button(w.delete_yes, true);
  const no = button(w.delete_cancel);
  const answers = el("div", { class: "log-actions" });
  answers.append(yes, no);
  confirm.append(question, answers);
  remove.setAttribute("aria-expanded", "false");
  const close = () => {
    confirm.hidden = true;
    remove.setAttribute("aria-expanded", "false");
    remove.focus();
  };
  remove.addEventListener("click", () => {
    confirm.hidden = false;
    remove.setAttribute("aria-expanded", "true");
    question.focus();
  });
  no.addEventListener("click", close);
  confirm.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
  yes.addEventListener("click", async () => {
    try {
      await log.clear();
      say(w.deleted);
    } catch (error) {
      say(storageWords(error, w));
    }
    close();
    changed();
  });
  const box = section(w.delete_all, "log-delete", "h3");
  box.append(remove, confirm);
  return box;
}
