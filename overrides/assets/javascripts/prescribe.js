/**
 * The clinician's plan builder (/prescribe/): pick items from this guide's library (never an id it
 * does not have), set each dose within the bounds the data declares (the protocol's dose first),
 * how often, a start and a review date, your name and a note; the plan becomes a link to
 * /my-plan/ with the plan in its fragment (lib/plan.js), a QR code of it and a printable sheet.
 * Nothing is sent anywhere: the plan exists only in the link.
 *
 * Signing: the clinic's private key (a PEM file made by `guide clinic-key`) is imported once as a
 * non-extractable CryptoKey, checked against the site's public key, and kept in this browser's
 * IndexedDB (its own small database, `knee-guide-keys:<site path>`) until "forget the key". Every
 * word, bound and default comes from the page data (data/prescribe.yml).
 */
import { checkPlan, decodePayload, encodePlan, importPrivateKey, importPublicKey, signPayload, verifyPayload } from "./lib/plan.js";
import { fill } from "./lib/words.js";
import { doseText, own, planLink, planSheet, qrLibrary } from "./my-plan.js";
import { cardFonts, el, fresh, onPage, readJson } from "./page.js";
import { Settings, siteScope } from "./storage.js";

/**
 * @typedef {import("./my-plan.js").PlanPage} PlanPage
 * @typedef {import("./my-plan.js").LibraryEntry} LibraryEntry
 * @typedef {import("./lib/plan.js").Plan} Plan
 * @typedef {import("./lib/plan.js").Kind} Kind
 * @typedef {import("./lib/plan.js").Dose} Dose
 * @typedef {import("./lib/plan.js").Problem} Problem
 * @typedef {"reps" | "hold" | "minutes"} Shape
 * @typedef {{kind: Kind, id: string, shape: Shape | null, numbers: Record<string, number>}} Row
 *   a plan item as the builder holds it: numbers may be NaN while a field is being typed
 */

/** The numbers of each dose shape, in the order the builder shows them (lib/plan.js wire order). */
const FIELDS = /** @type {const} */ ({ reps: ["sets", "reps"], hold: ["holds", "seconds"], minutes: ["minutes"] });
/** The library's groups, in the order they are shown. */
const GROUPS = /** @type {const} */ (["strength", "stretch", "recovery", "routine", "stage"]);
/** The key database: one store, one entry. */
const KEY_DB_VERSION = 1;
const KEY_STORE = "keys";
const KEY_NAME = "clinic";
/** Units, not numbers of the protocol. */
const MS_PER_DAY = 86400000;
const DAYS_PER_WEEK = 7;
/** Random bytes signed to check that a private key belongs to the site's public key. */
const PROBE_BYTES = 16;

let unique = 0;
/** @param {string} prefix @returns {string} an id not used on the page yet */
const uid = (prefix) => `${prefix}-${++unique}`;

/** @param {Date} date @returns {string} the local calendar day "YYYY-MM-DD" */
function dayOf(date) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** @param {string} day "YYYY-MM-DD" @param {number} days @returns {string} */
function addDays(day, days) {
  const start = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(start) ? "" : new Date(start + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The clinic's private key, kept in this browser only (IndexedDB holds the CryptoKey itself). */
class KeyStore {
  /** @param {string} scope the site's path */
  constructor(scope) {
    this.name = `knee-guide-keys:${scope}`;
  }

  /**
   * One request in one transaction; the database is closed after it, so nothing stays open.
   * @param {IDBTransactionMode} mode @param {(store: IDBObjectStore) => IDBRequest} act
   * @returns {Promise<any>}
   */
  run(mode, act) {
    return new Promise((resolve, reject) => {
      if (typeof indexedDB === "undefined") throw new Error("no IndexedDB");
      const opening = indexedDB.open(this.name, KEY_DB_VERSION);
      opening.onupgradeneeded = () => opening.result.createObjectStore(KEY_STORE);
      opening.onerror = () => reject(opening.error);
      opening.onblocked = () => reject(new Error("blocked"));
      opening.onsuccess = () => {
        const db = opening.result;
        try {
          const tx = db.transaction(KEY_STORE, mode);
          const request = act(tx.objectStore(KEY_STORE));
          tx.oncomplete = () => { db.close(); resolve(request.result); };
          tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
        } catch (error) {
          db.close();
          reject(error);
        }
      };
    });
  }

  /** @returns {Promise<CryptoKey | null>} */
  async get() {
    const key = await this.run("readonly", (store) => store.get(KEY_NAME));
    return key instanceof CryptoKey ? key : null;
  }

  /** @param {CryptoKey} key */
  put(key) {
    return this.run("readwrite", (store) => store.put(key, KEY_NAME));
  }

  remove() {
    return this.run("readwrite", (store) => store.delete(KEY_NAME));
  }
}

/**
 * Whether the private key signs what the site's public key verifies (the clinic's own key).
 * @param {CryptoKey} privateKey @param {CryptoKey} publicKey
 */
async function matches(privateKey, publicKey) {
  try {
    const probe = Array.from(crypto.getRandomValues(new Uint8Array(PROBE_BYTES)), (b) => b.toString(16).padStart(2, "0")).join("");
    return await verifyPayload(publicKey, probe, await signPayload(privateKey, probe));
  } catch {
    return false;
  }
}

/**
 * @param {HTMLElement} parent @param {string} label @param {string} cls @param {Record<string, string>} [more]
 * @returns {HTMLButtonElement}
 */
function button(parent, label, cls, more = {}) {
  return /** @type {HTMLButtonElement} */ (parent.appendChild(el("button", { type: "button", class: cls, ...more }, label)));
}

/** @param {string} tag @param {string} text @param {string} cls */
const section = (tag, text, cls) => {
  const box = el("section", { class: `rx-section ${cls}` });
  box.append(el(tag, {}, text));
  return box;
};

class Builder {
  /** @param {HTMLElement} box @param {PlanPage} data */
  constructor(box, data) {
    this.root = box;
    this.data = data;
    this.words = data.words;
    /** @type {Row[]} */
    this.rows = [];
    const scope = siteScope(data.player.root);
    this.settings = new Settings(scope);
    this.keys = new KeyStore(scope);
    /** @type {CryptoKey | null} */
    this.key = null;
    /** The site's public key (null for a guide without one, or a broken one). */
    this.publicKey = data.public_key ? importPublicKey(data.public_key) : Promise.resolve(null);
    for (const note of box.querySelectorAll(".plan-noscript")) note.remove();
    const app = box.appendChild(el("div", { class: "rx-app" }));
    app.append(this.keySection(), this.librarySection(), this.planSection(), this.detailsSection(), this.makeSection(),
      (this.out = el("section", { class: "rx-section rx-out", hidden: "" })));
    this.renderRows(null);
    /** The stored key, looked up once; a link made before it is found waits for it. */
    this.keyLoaded = this.loadKey();
  }

  // --- the clinic's key ---------------------------------------------------------------------

  keySection() {
    const w = this.words;
    const sec = section("h2", w.key_title, "rx-key");
    sec.append(el("p", {}, w.key_intro));
    this.keySay = sec.appendChild(el("p", { class: "rx-key-status", role: "status" }));
    const actions = sec.appendChild(el("div", { class: "rx-key-actions" }));
    const fileId = uid("rx-key-file");
    this.keyLoad = actions.appendChild(el("p", { class: "rx-file" }));
    this.keyFile = /** @type {HTMLInputElement} */ (el("input", { type: "file", id: fileId, accept: ".pem,.key,.txt,application/x-pem-file" }));
    this.keyLoad.append(el("label", { for: fileId }, w.key_load), this.keyFile);
    this.keyForget = button(actions, w.key_forget, "md-button rx-button");
    this.keyFile.addEventListener("change", () => this.onKeyFile());
    this.keyForget.addEventListener("click", () => this.forgetKey());
    this.showKey(null);
    return sec;
  }

  /** @param {string | null} message what just happened, before the key's state */
  showKey(message) {
    const w = this.words;
    const site = Boolean(this.data.public_key);
    const state = !site ? w.key_site_none : this.key ? w.key_loaded : w.key_none;
    /** @type {HTMLElement} */ (this.keySay).textContent = message ? `${message} ${state}` : state;
    /** @type {HTMLElement} */ (this.keyLoad).hidden = !site || Boolean(this.key);
    /** @type {HTMLButtonElement} */ (this.keyForget).hidden = !this.key;
  }

  async loadKey() {
    const publicKey = await this.publicKey;
    if (!publicKey) return;
    try {
      const stored = await this.keys.get();
      // A key stored for an earlier public key of this site no longer signs for it.
      if (stored && (await matches(stored, publicKey))) this.key = stored;
    } catch {} // storage refused: no key kept
    this.showKey(null);
  }

  async onKeyFile() {
    const input = /** @type {HTMLInputElement} */ (this.keyFile);
    const file = input.files && input.files[0];
    input.value = "";
    const publicKey = await this.publicKey;
    if (!file) return;
    let key = null;
    try {
      key = await importPrivateKey(await file.text(), false);
    } catch {} // unreadable: refused below
    if (!key || !publicKey || !(await matches(key, publicKey))) {
      this.showKey(this.words.key_bad);
      return;
    }
    this.key = key;
    this.stale();
    try {
      await this.keys.put(key);
      this.showKey(null);
    } catch {
      this.showKey(this.words.key_not_kept);
    }
  }

  async forgetKey() {
    this.key = null;
    this.stale();
    try {
      await this.keys.remove();
    } catch {} // nothing was kept
    this.showKey(this.words.key_forgotten);
    /** @type {HTMLInputElement} */ (this.keyFile).focus();
  }

  // --- the library ----------------------------------------------------------------------------

  librarySection() {
    const w = this.words;
    const sec = section("h2", w.library, "rx-library");
    /** @type {Record<string, [Kind, string, LibraryEntry][]>} */
    const groups = Object.fromEntries(GROUPS.map((g) => [g, []]));
    for (const kind of /** @type {Kind[]} */ (["exercise", "recovery", "routine", "stage"])) {
      for (const [id, entry] of Object.entries(this.data.library[kind] || {})) {
        const group = kind === "exercise" ? (entry.group === "stretch" ? "stretch" : "strength") : kind;
        groups[group].push([kind, id, entry]);
      }
    }
    const level = (/** @type {LibraryEntry} */ e) => (typeof e.level === "number" ? e.level : 0);
    this.adders = /** @type {HTMLButtonElement[]} */ ([]);
    for (const group of GROUPS) {
      const entries = groups[group].sort(([, , a], [, , b]) => level(a) - level(b) || a.title.localeCompare(b.title));
      if (!entries.length) continue;
      const headingId = uid("rx-group");
      sec.append(el("h3", { id: headingId }, w.groups[group]));
      const list = sec.appendChild(el("ul", { class: "rx-add-list", "aria-labelledby": headingId }));
      for (const [kind, id, entry] of entries) {
        const add = button(list.appendChild(el("li")), entry.title, "rx-add", {
          "data-kind": kind, "data-id": id, "aria-label": fill(w.add_item, { title: entry.title }),
        });
        add.addEventListener("click", () => this.add(kind, id));
        this.adders.push(add);
      }
    }
    return sec;
  }

  /** @param {Kind} kind @param {string} id */
  add(kind, id) {
    const w = this.words;
    const entry = own(own(this.data.library, kind), id);
    if (!entry || this.has(kind, id)) return;
    const max = this.data.bounds.plan.items.max;
    if (this.rows.length >= max) {
      this.sayPlan(fill(w.plan_full, { max }));
      return;
    }
    const shape = entry.dose_shape && entry.default ? entry.dose_shape : null;
    /** @type {Record<string, number>} */
    const numbers = {};
    if (shape && entry.default) {
      const given = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (entry.default));
      for (const field of FIELDS[shape]) numbers[field] = Number(given[field]);
    }
    this.rows.push({ kind, id, shape, numbers });
    this.renderRows(null);
    this.sayPlan(fill(w.added, { title: entry.title, count: this.rows.length, max }));
  }

  /** @param {Kind} kind @param {string} id */
  has(kind, id) {
    return this.rows.some((row) => row.kind === kind && row.id === id);
  }

  // --- the plan's items -----------------------------------------------------------------------

  planSection() {
    const w = this.words;
    const sec = section("h2", w.your_plan, "rx-plan");
    this.empty = sec.appendChild(el("p", { class: "rx-empty" }, w.empty_plan));
    this.list = sec.appendChild(el("ol", { class: "rx-items" }));
    this.planSay = sec.appendChild(el("p", { class: "rx-say", role: "status" }));
    this.list.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target.closest("button[data-act]") : null;
      const li = target && target.closest("li[data-index]");
      if (target && li) this.act(/** @type {string} */ (target.getAttribute("data-act")), Number(li.getAttribute("data-index")));
    });
    return sec;
  }

  /** @param {string} text */
  sayPlan(text) {
    /** @type {HTMLElement} */ (this.planSay).textContent = text;
  }

  /** @param {Row} row */
  title(row) {
    return /** @type {LibraryEntry} */ (own(own(this.data.library, row.kind), row.id)).title;
  }

  /** @param {string} act @param {number} index */
  act(act, index) {
    const w = this.words;
    const row = this.rows[index];
    if (!row) return;
    if (act === "remove") {
      this.rows.splice(index, 1);
      this.renderRows({ index: Math.min(index, this.rows.length - 1), act: "remove" });
      this.sayPlan(fill(w.removed, { title: this.title(row) }));
      return;
    }
    const to = act === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= this.rows.length) return;
    [this.rows[index], this.rows[to]] = [this.rows[to], this.rows[index]];
    this.renderRows({ index: to, act });
    this.sayPlan(fill(w.moved, { title: this.title(row), position: to + 1 }));
  }

  /** @param {{index: number, act: string} | null} focus the control to focus after the list is drawn again */
  renderRows(focus) {
    const list = /** @type {HTMLElement} */ (this.list);
    list.replaceChildren(...this.rows.map((row, i) => this.row(row, i)));
    /** @type {HTMLElement} */ (this.empty).hidden = this.rows.length > 0;
    const full = this.rows.length >= this.data.bounds.plan.items.max;
    for (const add of this.adders || []) {
      const kind = /** @type {Kind} */ (add.getAttribute("data-kind"));
      const added = this.has(kind, /** @type {string} */ (add.getAttribute("data-id")));
      add.classList.toggle("rx-added", added);
      add.setAttribute("aria-disabled", String(added || full));
    }
    this.stale();
    if (!focus) return;
    const li = list.children[focus.index];
    if (!li) {
      const first = this.adders && this.adders[0];
      if (first) first.focus();
      return;
    }
    const controls = /** @type {HTMLButtonElement[]} */ ([...li.querySelectorAll("button[data-act]")]);
    const wanted = controls.find((b) => b.getAttribute("data-act") === focus.act && !b.disabled) || controls.find((b) => !b.disabled);
    if (wanted) wanted.focus();
  }

  /** @param {Row} row @param {number} index @returns {HTMLElement} */
  row(row, index) {
    const w = this.words;
    const li = el("li", { class: "rx-item", "data-index": String(index) });
    const titleId = uid("rx-title");
    const head = li.appendChild(el("p", { class: "rx-item-head" }));
    head.append(el("span", { class: "rx-item-title", id: titleId }, this.title(row)));
    const item = own(this.data.items, row.id);
    if (row.kind !== "routine" && item && item.side_label) head.append(" ", el("span", { class: "rx-item-side" }, item.side_label));
    if (row.shape) {
      const fields = li.appendChild(el("div", { class: "rx-dose" }));
      for (const field of FIELDS[row.shape]) fields.append(this.doseField(row, field, titleId));
    } else {
      li.append(this.fixedDose(row));
    }
    const controls = li.appendChild(el("div", { class: "rx-controls" }));
    /** @type {[string, string, string, boolean][]} */
    const acts = [["up", "\u2191", w.move_up, index === 0], ["down", "\u2193", w.move_down, index === this.rows.length - 1],
      ["remove", "\u2715", w.remove, false]];
    for (const [act, glyph, label, disabled] of acts) {
      const b = button(controls, "", `rx-control rx-${act}`, { "data-act": act, "aria-describedby": titleId });
      b.append(el("span", { "aria-hidden": "true", class: "rx-glyph" }, glyph), el("span", { class: "rx-label" }, label));
      b.disabled = disabled;
    }
    return li;
  }

  /** @param {Row} row @param {string} field @param {string} titleId */
  doseField(row, field, titleId) {
    const w = this.words;
    const range = /** @type {Record<string, {min: number, max: number}>} */ (this.data.bounds[/** @type {Shape} */ (row.shape)])[field];
    const id = uid("rx-dose");
    const errorId = `${id}-error`;
    const box = el("div", { class: "rx-field" });
    const value = row.numbers[field];
    const input = /** @type {HTMLInputElement} */ (el("input", {
      type: "number", id, inputmode: "numeric", min: String(range.min), max: String(range.max), step: "1",
      value: Number.isFinite(value) ? String(value) : "", "aria-describedby": `${titleId} ${errorId}`, "data-field": field,
    }));
    const error = el("p", { class: "rx-error", id: errorId, hidden: "" }, fill(w.out_of_range, { min: range.min, max: range.max }));
    box.append(el("label", { for: id }, /** @type {Record<string, string>} */ (/** @type {unknown} */ (w.doses))[field]), input, error);
    const check = () => {
      const text = input.value.trim();
      const n = text === "" ? NaN : Number(text);
      row.numbers[field] = n;
      const ok = Number.isInteger(n) && n >= range.min && n <= range.max;
      error.hidden = ok;
      if (ok) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
      this.stale();
      return ok;
    };
    input.addEventListener("input", check);
    input.addEventListener("change", check);
    return box;
  }

  /** What an item without a dose to set does: the guide's own dose, or a routine's items. @param {Row} row */
  fixedDose(row) {
    const w = this.words;
    const box = el("div", { class: "rx-fixed" });
    box.append(el("p", { class: "rx-fixed-label" }, w.guide_dose));
    const ids = row.kind === "routine" ? own(this.data.routines, row.id) || [] : [row.id];
    const list = box.appendChild(el("ul", { class: "rx-fixed-items" }));
    for (const id of ids) {
      const item = own(this.data.items, id);
      if (!item) continue;
      const text = [row.kind === "routine" ? item.title : "", doseText(item.dose, w.doses, item.dose_text), item.side_label]
        .filter(Boolean).join(" ");
      if (text) list.append(el("li", {}, text));
    }
    if (!list.childElementCount) list.remove();
    return box;
  }

  // --- how often, dates, who, note ------------------------------------------------------------

  detailsSection() {
    const w = this.words;
    const limits = this.data.bounds.plan;
    const sec = el("section", { class: "rx-section rx-details" });
    const often = sec.appendChild(el("fieldset", { class: "rx-fieldset" }));
    often.append(el("legend", {}, w.how_often));
    const daysId = uid("rx-days");
    this.days = /** @type {HTMLSelectElement} */ (el("select", { id: daysId }));
    for (let n = limits.days_per_week.min; n <= limits.days_per_week.max; n++) {
      this.days.append(el("option", { value: String(n) }, String(n)));
    }
    this.days.value = String(this.data.defaults.days_per_week);
    often.append(this.labelled(w.days_per_week, this.days, daysId));
    const today = dayOf(new Date());
    const reviewAfter = this.data.defaults.review_weeks * DAYS_PER_WEEK;
    this.start = this.dateField(today);
    this.review = this.dateField(addDays(today, reviewAfter));
    const dates = sec.appendChild(el("div", { class: "rx-row" }));
    dates.append(this.labelled(w.start, this.start, this.start.id), this.labelled(w.review, this.review, this.review.id));
    let reviewTouched = false;
    this.review.addEventListener("input", () => { reviewTouched = true; });
    this.start.addEventListener("input", () => {
      const start = /** @type {HTMLInputElement} */ (this.start).value;
      if (!reviewTouched && start) /** @type {HTMLInputElement} */ (this.review).value = addDays(start, reviewAfter);
    });
    const clinicianId = uid("rx-clinician");
    this.clinician = /** @type {HTMLInputElement} */ (el("input", {
      type: "text", id: clinicianId, maxlength: String(limits.clinician.max), autocomplete: "name", spellcheck: "false",
    }));
    const remembered = this.settings.all().clinician;
    if (typeof remembered === "string") this.clinician.value = remembered;
    sec.append(this.labelled(w.clinician, this.clinician, clinicianId));
    const noteId = uid("rx-note");
    this.note = /** @type {HTMLTextAreaElement} */ (el("textarea", {
      id: noteId, rows: "3", maxlength: String(limits.note.max), "aria-describedby": `${noteId}-hint`,
    }));
    const note = this.labelled(w.note, this.note, noteId);
    note.append(el("span", { class: "rx-hint", id: `${noteId}-hint` }, w.note_hint));
    sec.append(note);
    sec.addEventListener("input", () => this.stale());
    sec.addEventListener("change", () => this.stale());
    return sec;
  }

  /** @param {string} value @returns {HTMLInputElement} */
  dateField(value) {
    return /** @type {HTMLInputElement} */ (el("input", { type: "date", id: uid("rx-date"), value, required: "" }));
  }

  /** @param {string} label @param {HTMLElement} field @param {string} id @returns {HTMLElement} */
  labelled(label, field, id) {
    const box = el("p", { class: "rx-field" });
    box.append(el("label", { for: id }, label), field);
    return box;
  }

  // --- the link -------------------------------------------------------------------------------

  makeSection() {
    const w = this.words;
    const box = el("div", { class: "rx-make" });
    this.makeButton = button(box, w.make_link, "md-button md-button--primary rx-button");
    this.problems = box.appendChild(el("div", { class: "rx-problems", role: "alert" }));
    if (typeof CompressionStream === "undefined" || !globalThis.crypto || !crypto.subtle) {
      this.makeButton.disabled = true;
      this.problems.append(el("p", {}, w.no_compression));
    }
    this.makeButton.addEventListener("click", () => this.make());
    return box;
  }

  /** The plan as the form says now. @returns {Plan} */
  plan() {
    const input = (/** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | undefined} */ f) => (f ? f.value : "");
    return {
      v: 1,
      clinic: this.data.clinic.id,
      clinician: input(this.clinician).trim(),
      note: input(this.note).replace(/\r\n?/g, "\n").trim(),
      start: input(this.start),
      review: input(this.review),
      how_often: { days_per_week: Number(input(this.days)) },
      items: this.rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        dose: row.shape ? /** @type {Dose} */ (/** @type {unknown} */ ({ shape: row.shape, ...row.numbers })) : null,
      })),
    };
  }

  /** The field a plan problem is about. @param {Problem} problem @returns {HTMLElement | null} */
  fieldOf(problem) {
    if (problem.startsWith("clinician")) return this.clinician || null;
    if (problem.startsWith("note")) return this.note || null;
    if (problem === "start-date") return this.start || null;
    if (problem.startsWith("review")) return this.review || null;
    if (problem === "days-per-week") return this.days || null;
    return (this.adders && this.adders[0]) || null;
  }

  /** The link made last no longer says what the form says: take it away. */
  stale() {
    if (this.out && !this.out.hidden) {
      this.out.hidden = true;
      this.out.replaceChildren();
    }
  }

  async make() {
    const w = this.words;
    const box = /** @type {HTMLElement} */ (this.problems);
    box.replaceChildren();
    for (const field of this.root.querySelectorAll(".rx-details [aria-invalid]")) field.removeAttribute("aria-invalid");
    /** @type {[string, HTMLElement | null][]} */
    const found = [];
    const outOfBounds = (/** @type {string} */ title) => fill(own(w.errors, "out-of-bounds") || "", { title });
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (this.root.querySelectorAll(".rx-dose input"))) {
      input.dispatchEvent(new Event("change"));
      const title = input.closest(".rx-item")?.querySelector(".rx-item-title")?.textContent || "";
      if (input.getAttribute("aria-invalid") === "true" && !found.some(([text]) => text === outOfBounds(title))) {
        found.push([outOfBounds(title), input]);
      }
    }
    const plan = this.plan();
    const checked = checkPlan(plan, this.data.library, this.data.bounds);
    for (const problem of checked.problems) {
      const field = this.fieldOf(problem);
      if (field && field !== (this.adders && this.adders[0])) field.setAttribute("aria-invalid", "true");
      found.push([own(w.problems, problem) || problem, field]);
    }
    for (const item of checked.items) {
      const text = outOfBounds(item.title || item.id);
      if (item.status !== "ok" && !found.some(([known]) => known === text)) found.push([text, null]);
    }
    if (found.length) {
      this.showProblems(found.map(([text]) => text));
      const first = found.find(([, field]) => field);
      if (first && first[1]) first[1].focus();
      return;
    }
    let payload;
    try {
      payload = await encodePlan(plan);
    } catch {
      this.showProblems([own(w.errors, "bad-shape") || ""]);
      return;
    }
    // The link must open on the patient's phone: read it back with the same limits.
    const back = await decodePayload(payload, this.data.limits);
    if (!back.ok) {
      this.showProblems([own(w.errors, back.error) || back.error]);
      return;
    }
    await this.keyLoaded;
    const signature = this.key ? await signPayload(this.key, payload) : null;
    const fragment = `p1.${payload}${signature ? `.${signature}` : ""}`;
    if (typeof plan.clinician === "string") this.settings.set("clinician", plan.clinician);
    await this.showLink(plan, checked.items, planLink(this.data, fragment), Boolean(signature));
  }

  /** @param {string[]} messages */
  showProblems(messages) {
    const box = /** @type {HTMLElement} */ (this.problems);
    box.replaceChildren(el("p", {}, this.words.fix_first));
    const list = box.appendChild(el("ul"));
    for (const text of messages) list.append(el("li", {}, text));
  }

  /**
   * @param {Plan} plan @param {import("./lib/plan.js").CheckedItem[]} items @param {string} link
   * @param {boolean} signed
   */
  async showLink(plan, items, link, signed) {
    const w = this.words;
    const out = /** @type {HTMLElement} */ (this.out);
    const headingId = uid("rx-link");
    const heading = el("h2", { id: headingId, tabindex: "-1" }, w.link);
    const field = /** @type {HTMLTextAreaElement} */ (el("textarea", {
      class: "rx-link", readonly: "", rows: "3", "aria-labelledby": headingId, spellcheck: "false",
    }));
    field.value = link;
    const actions = el("div", { class: "rx-out-actions" });
    const copy = button(actions, w.copy_link, "md-button md-button--primary rx-button");
    const print = button(actions, w.print_plan, "md-button rx-button");
    const say = el("p", { class: "rx-say", role: "status" });
    const status = signed
      ? { text: fill(w.from_verified, { clinic: this.data.clinic.name }), verified: true }
      : { text: w.unsigned_note, verified: false };
    const sheet = planSheet(this.data, plan, items, { status, link, level: 3, figures: false, qr: await qrLibrary() });
    out.replaceChildren(heading, field, actions, say, sheet);
    out.dataset.signed = String(signed);
    out.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(link);
        say.textContent = w.copied;
      } catch {
        field.focus();
        field.select();
        say.textContent = w.copy_failed;
      }
    });
    print.addEventListener("click", () => cardFonts().then(() => window.print()));
    /** @type {HTMLElement} */ (this.problems).replaceChildren();
    heading.focus();
    say.textContent = w.link_ready;
  }
}

onPage(() => {
  for (const box of fresh(".prescribe")) {
    const data = /** @type {PlanPage | null} */ (readJson(box, "data-prescribe"));
    if (data) new Builder(box, data);
  }
});
