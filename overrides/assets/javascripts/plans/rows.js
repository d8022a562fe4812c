/**
 * The builder's list of the plan's items (/prescribe/): each with its dose fields (within the
 * data's bounds, and the item's own where it has them, checked as typed), or the guide's own dose, and buttons to move it up, down or
 * remove it; the keyboard stays on the control that acted. Items come from the library only.
 */
import { own } from "../shared/core/own.js";
import { counted, fill } from "../shared/core/words.js";
import { el, locale } from "../shared/page.js";
import { rangeOf } from "./core/check.js";
import { FIELDS } from "./core/plan.js";
import { doseText } from "./sheet.js";

/**
 * @typedef {import("./sheet.js").PlanPage} PlanPage
 * @typedef {import("./sheet.js").LibraryEntry} LibraryEntry
 * @typedef {import("./core/plan.js").Kind} Kind
 * @typedef {import("./core/plan.js").Shape} Shape
 * @typedef {{kind: Kind, id: string, shape: Shape | null, numbers: Record<string, number>}} Row
 *   a plan item as the builder holds it: numbers may be NaN while a field is being typed
 */

let unique = 0;
/** @param {string} prefix @returns {string} an id not used on the page yet */
export const uid = (prefix) => `${prefix}-${++unique}`;

export class PlanRows {
  /**
   * @param {PlanPage} data
   * @param {() => void} changed called whenever the plan changes (the link made before goes stale)
   * @param {() => HTMLElement | null} fallback where the keyboard goes when the last item is removed
   */
  constructor(data, changed, fallback) {
    this.data = data;
    this.words = data.words;
    this.changed = changed;
    this.fallback = fallback;
    /** @type {Row[]} */
    this.rows = [];
    /** @type {() => void} the adders' look follows the rows (set by the library) */
    this.onRender = () => {};
    const w = this.words;
    this.element = el("section", { class: "rx-section rx-plan" });
    this.element.append(el("h2", {}, w.your_plan));
    this.empty = this.element.appendChild(el("p", { class: "rx-empty" }, w.empty_plan));
    this.list = this.element.appendChild(el("ol", { class: "rx-items" }));
    this.say = this.element.appendChild(el("p", { class: "rx-say", role: "status" }));
    this.list.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target.closest("button[data-act]") : null;
      const li = target && target.closest("li[data-index]");
      if (target && li) this.act(/** @type {string} */ (target.getAttribute("data-act")), Number(li.getAttribute("data-index")));
    });
    this.render(null);
  }

  /** @param {Kind} kind @param {string} id */
  has(kind, id) {
    return this.rows.some((row) => row.kind === kind && row.id === id);
  }

  get full() {
    return this.rows.length >= this.data.bounds.plan.items.max;
  }

  /** @param {Row} row */
  title(row) {
    return /** @type {LibraryEntry} */ (own(own(this.data.library, row.kind), row.id)).title;
  }

  /** Add an item of the library, with its guide dose to start from. @param {Kind} kind @param {string} id */
  add(kind, id) {
    const w = this.words;
    const lang = locale();
    const entry = own(own(this.data.library, kind), id);
    if (!entry || this.has(kind, id)) return;
    const max = this.data.bounds.plan.items.max;
    if (this.full) {
      this.say.textContent = counted(w.plan_full, max, { max }, lang);
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
    this.render(null);
    this.say.textContent = counted(w.added, max, { title: entry.title, count: this.rows.length, max }, lang);
  }

  /** @param {string} act @param {number} index */
  act(act, index) {
    const w = this.words;
    const row = this.rows[index];
    if (!row) return;
    if (act === "remove") {
      this.rows.splice(index, 1);
      this.render({ index: Math.min(index, this.rows.length - 1), act: "remove" });
      this.say.textContent = fill(w.removed, { title: this.title(row) }, locale());
      return;
    }
    const to = act === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= this.rows.length) return;
    [this.rows[index], this.rows[to]] = [this.rows[to], this.rows[index]];
    this.render({ index: to, act });
    this.say.textContent = fill(w.moved, { title: this.title(row), position: to + 1 }, locale());
  }

  /** @param {{index: number, act: string} | null} focus the control to focus after the list is drawn again */
  render(focus) {
    this.list.replaceChildren(...this.rows.map((row, i) => this.row(row, i)));
    this.empty.hidden = this.rows.length > 0;
    this.onRender();
    this.changed();
    if (!focus) return;
    const li = this.list.children[focus.index];
    if (!li) {
      this.fallback()?.focus();
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
      const b = /** @type {HTMLButtonElement} */ (controls.appendChild(el("button", {
        type: "button", class: `rx-control rx-${act}`, "data-act": act, "aria-describedby": titleId })));
      b.append(el("span", { "aria-hidden": "true", class: "rx-glyph" }, glyph), el("span", { class: "rx-label" }, label));
      b.disabled = disabled;
    }
    return li;
  }

  /** @param {Row} row @param {string} field @param {string} titleId */
  doseField(row, field, titleId) {
    const w = this.words;
    // The item's own limits where it has them (heat: so many minutes at most), else the general ones.
    const entry = own(own(this.data.library, row.kind), row.id);
    const range = /** @type {{min: number, max: number}} */ (rangeOf(entry, this.data.bounds, /** @type {Shape} */ (row.shape), field));
    const id = uid("rx-dose");
    const errorId = `${id}-error`;
    const box = el("div", { class: "rx-field" });
    const value = row.numbers[field];
    const input = /** @type {HTMLInputElement} */ (el("input", {
      type: "number", id, inputmode: "numeric", min: String(range.min), max: String(range.max), step: "1",
      value: Number.isFinite(value) ? String(value) : "", "aria-describedby": `${titleId} ${errorId}`, "data-field": field,
    }));
    const error = el("p", { class: "rx-error", id: errorId, hidden: "" }, fill(w.out_of_range, { min: range.min, max: range.max }, locale()));
    box.append(el("label", { for: id }, /** @type {Record<string, string>} */ (/** @type {unknown} */ (w.doses))[field]), input, error);
    const check = () => {
      const text = input.value.trim();
      const n = text === "" ? NaN : Number(text);
      row.numbers[field] = n;
      const ok = Number.isInteger(n) && n >= range.min && n <= range.max;
      error.hidden = ok;
      if (ok) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
      this.changed();
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
}
