/**
 * The clinician's plan builder (/prescribe/): pick items from this guide's library (never an id it
 * does not have; with several protocols, listed under each protocol whose keys or routines use
 * them), set each dose within the bounds the data declares (the protocol's dose first, an item's
 * own limits where it has them),
 * how often, a start and a review date, your name and a note; the plan becomes a link to
 * /my-plan/ with the plan in its fragment (core/plan.js), a QR code of it and a printable sheet,
 * signed when the clinic's key is loaded (keys.js). Nothing is sent anywhere: the plan exists only
 * in the link. Every word, bound and default comes from the page data (data/prescribe.yml).
 */
import { addDays, localDay, WEEK_DAYS } from "../shared/core/days.js";
import { own } from "../shared/core/own.js";
import { fill } from "../shared/core/words.js";
import { cardFonts, el, fresh, locale, onPage, readJson, siteScope } from "../shared/page.js";
import { Settings } from "../shared/settings.js";
import { checkPlan } from "./core/check.js";
import { decodePayload, encodePlan, signPayload } from "./core/plan.js";
import { KeyPanel } from "./keys.js";
import { PlanRows, uid } from "./rows.js";
import { planLink, planSheet, qrLibrary, statusOf } from "./sheet.js";

/**
 * @typedef {import("./sheet.js").PlanPage} PlanPage
 * @typedef {import("./sheet.js").LibraryEntry} LibraryEntry
 * @typedef {import("./core/plan.js").Plan} Plan
 * @typedef {import("./core/plan.js").Kind} Kind
 * @typedef {import("./core/plan.js").Dose} Dose
 * @typedef {import("./core/check.js").Problem} Problem
 * @typedef {import("./core/check.js").CheckedItem} CheckedItem
 */

/** The library's groups, in the order they are shown. */
const GROUPS = /** @type {const} */ (["strength", "stretch", "recovery", "routine", "stage"]);

/**
 * @param {HTMLElement} parent @param {string} label @param {string} cls @param {Record<string, string>} [more]
 * @returns {HTMLButtonElement}
 */
function button(parent, label, cls, more = {}) {
  return /** @type {HTMLButtonElement} */ (parent.appendChild(el("button", { type: "button", class: cls, ...more }, label)));
}

/** @param {string} label @param {HTMLElement} field @param {string} id @returns {HTMLElement} */
function labelled(label, field, id) {
  const box = el("p", { class: "rx-field" });
  box.append(el("label", { for: id }, label), field);
  return box;
}

/** @param {string} value @returns {HTMLInputElement} */
function dateField(value) {
  return /** @type {HTMLInputElement} */ (el("input", { type: "date", id: uid("rx-date"), value, required: "" }));
}

class Builder {
  /** @param {HTMLElement} box @param {PlanPage} data */
  constructor(box, data) {
    this.root = box;
    this.data = data;
    this.words = data.words;
    this.settings = new Settings(siteScope(data.root));
    /** @type {HTMLButtonElement[]} */
    this.adders = [];
    this.out = el("section", { class: "rx-section rx-out", hidden: "" });
    this.keys = new KeyPanel(data, uid("rx-key-file"), () => this.stale());
    this.rows = new PlanRows(data, () => this.stale(), () => this.adders[0] || null);
    this.rows.onRender = () => this.markAdders();
    for (const note of box.querySelectorAll(".plan-noscript")) note.remove();
    const app = box.appendChild(el("div", { class: "rx-app" }));
    const details = this.detailsSection();
    app.append(this.keys.element, this.librarySection(), this.rows.element, details.element, this.makeSection(), this.out);
    this.details = details;
    this.markAdders();
  }

  // --- the library ----------------------------------------------------------------------------

  librarySection() {
    const w = this.words;
    const sec = el("section", { class: "rx-section rx-library" });
    sec.append(el("h2", {}, w.library));
    const protocols = Array.isArray(this.data.protocols) ? this.data.protocols : [];
    if (protocols.length < 2) {
      this.libraryGroups(sec, () => true, "h3");
      return sec;
    }
    // Several protocols: each with what its keys and routines use (a shared exercise under each),
    // then what belongs to none of them (the way back to running, a clinic's own items).
    const ids = protocols.map((p) => p.id);
    /** @param {LibraryEntry} entry */
    const owners = (entry) => (typeof entry.protocol === "string" ? [entry.protocol] : Array.isArray(entry.protocols) ? entry.protocols : []);
    for (const protocol of protocols) {
      const box = sec.appendChild(el("section", { class: "rx-protocol", "aria-label": protocol.title }));
      box.append(el("h3", {}, protocol.title));
      this.libraryGroups(box, (entry) => owners(entry).includes(protocol.id), "h4");
    }
    this.libraryGroups(sec, (entry) => !owners(entry).some((id) => ids.includes(id)), "h3");
    return sec;
  }

  /**
   * The library's entries that `wanted` keeps, by group (strength, stretches, …), each group a list
   * of buttons that add an item to the plan.
   * @param {HTMLElement} parent @param {(entry: LibraryEntry) => boolean} wanted @param {string} level the groups' heading
   */
  libraryGroups(parent, wanted, level) {
    const w = this.words;
    /** @type {Record<string, [Kind, string, LibraryEntry][]>} */
    const groups = Object.fromEntries(GROUPS.map((g) => [g, []]));
    for (const kind of /** @type {Kind[]} */ (["exercise", "recovery", "routine", "stage"])) {
      for (const [id, entry] of Object.entries(this.data.library[kind] || {})) {
        if (!wanted(entry)) continue;
        const group = kind === "exercise" ? (entry.group === "stretch" ? "stretch" : "strength") : kind;
        groups[group].push([kind, id, entry]);
      }
    }
    const rank = (/** @type {LibraryEntry} */ e) => (typeof e.level === "number" ? e.level : 0);
    for (const group of GROUPS) {
      const entries = groups[group].sort(([, , a], [, , b]) => rank(a) - rank(b) || a.title.localeCompare(b.title));
      if (!entries.length) continue;
      const headingId = uid("rx-group");
      parent.append(el(level, { id: headingId }, w.groups[group]));
      const list = parent.appendChild(el("ul", { class: "rx-add-list", "aria-labelledby": headingId }));
      for (const [kind, id, entry] of entries) {
        const add = button(list.appendChild(el("li")), entry.title, "rx-add", {
          "data-kind": kind, "data-id": id, "aria-label": fill(w.add_item, { title: entry.title }, locale()),
        });
        add.addEventListener("click", () => this.rows.add(kind, id));
        this.adders.push(add);
      }
    }
  }

  /** Each adder shows whether its item is in the plan, or the plan is full. */
  markAdders() {
    const full = this.rows.full;
    for (const add of this.adders) {
      const added = this.rows.has(/** @type {Kind} */ (add.getAttribute("data-kind")), /** @type {string} */ (add.getAttribute("data-id")));
      add.classList.toggle("rx-added", added);
      add.setAttribute("aria-disabled", String(added || full));
    }
  }

  // --- how often, dates, who, note ------------------------------------------------------------

  detailsSection() {
    const w = this.words;
    const limits = this.data.bounds.plan;
    const element = el("section", { class: "rx-section rx-details" });
    const often = element.appendChild(el("fieldset", { class: "rx-fieldset" }));
    often.append(el("legend", {}, w.how_often));
    const daysId = uid("rx-days");
    const days = /** @type {HTMLSelectElement} */ (el("select", { id: daysId }));
    for (let n = limits.days_per_week.min; n <= limits.days_per_week.max; n++) days.append(el("option", { value: String(n) }, String(n)));
    days.value = String(this.data.defaults.days_per_week);
    often.append(labelled(w.days_per_week, days, daysId));
    const today = localDay(new Date());
    const reviewAfter = this.data.defaults.review_weeks * WEEK_DAYS;
    const start = dateField(today);
    const review = dateField(addDays(today, reviewAfter));
    const dates = element.appendChild(el("div", { class: "rx-row" }));
    dates.append(labelled(w.start, start, start.id), labelled(w.review, review, review.id));
    let reviewTouched = false;
    review.addEventListener("input", () => { reviewTouched = true; });
    start.addEventListener("input", () => {
      if (!reviewTouched && start.value) review.value = addDays(start.value, reviewAfter);
    });
    const clinicianId = uid("rx-clinician");
    const clinician = /** @type {HTMLInputElement} */ (el("input", {
      type: "text", id: clinicianId, maxlength: String(limits.clinician.max), autocomplete: "name", spellcheck: "false",
    }));
    const remembered = this.settings.all().clinician;
    if (typeof remembered === "string") clinician.value = remembered;
    element.append(labelled(w.clinician, clinician, clinicianId));
    const noteId = uid("rx-note");
    const note = /** @type {HTMLTextAreaElement} */ (el("textarea", {
      id: noteId, rows: "3", maxlength: String(limits.note.max), "aria-describedby": `${noteId}-hint`,
    }));
    const noteBox = labelled(w.note, note, noteId);
    noteBox.append(el("span", { class: "rx-hint", id: `${noteId}-hint` }, w.note_hint));
    element.append(noteBox);
    element.addEventListener("input", () => this.stale());
    element.addEventListener("change", () => this.stale());
    return { element, days, start, review, clinician, note };
  }

  // --- the link -------------------------------------------------------------------------------

  makeSection() {
    const w = this.words;
    const box = el("div", { class: "rx-make" });
    const make = button(box, w.make_link, "md-button md-button--primary rx-button");
    this.problems = box.appendChild(el("div", { class: "rx-problems", role: "alert" }));
    if (typeof CompressionStream === "undefined" || !globalThis.crypto || !crypto.subtle) {
      make.disabled = true;
      this.problems.append(el("p", {}, w.no_compression));
    }
    make.addEventListener("click", () => this.make());
    return box;
  }

  /** The plan as the form says now. @returns {Plan} */
  plan() {
    const d = this.details;
    return {
      v: 1,
      clinic: this.data.clinic.id,
      clinician: d.clinician.value.trim(),
      note: d.note.value.replace(/\r\n?/g, "\n").trim(),
      start: d.start.value,
      review: d.review.value,
      how_often: { days_per_week: Number(d.days.value) },
      items: this.rows.rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        dose: row.shape ? /** @type {Dose} */ (/** @type {unknown} */ ({ shape: row.shape, ...row.numbers })) : null,
      })),
    };
  }

  /** The field a plan problem is about. @param {Problem} problem @returns {HTMLElement | null} */
  fieldOf(problem) {
    const d = this.details;
    if (problem.startsWith("clinician")) return d.clinician;
    if (problem.startsWith("note")) return d.note;
    if (problem === "start-date") return d.start;
    if (problem.startsWith("review")) return d.review;
    if (problem === "days-per-week") return d.days;
    return this.adders[0] || null;
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
    const outOfBounds = (/** @type {string} */ title) => fill(own(w.errors, "out-of-bounds") || "", { title }, locale());
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
      if (field && field !== this.adders[0]) field.setAttribute("aria-invalid", "true");
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
    await this.keys.loaded;
    const key = this.keys.key;
    const signature = key ? await signPayload(key, payload) : null;
    const fragment = `p1.${payload}${signature ? `.${signature}` : ""}`;
    if (plan.clinician) this.settings.set("clinician", plan.clinician);
    await this.showLink(plan, checked.items, planLink(this.data, fragment), Boolean(signature));
  }

  /** @param {string[]} messages */
  showProblems(messages) {
    const box = /** @type {HTMLElement} */ (this.problems);
    box.replaceChildren(el("p", {}, this.words.fix_first));
    const list = box.appendChild(el("ul"));
    for (const text of messages) list.append(el("li", {}, text));
  }

  /** @param {Plan} plan @param {CheckedItem[]} items @param {string} link @param {boolean} signed */
  async showLink(plan, items, link, signed) {
    const w = this.words;
    const out = this.out;
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
    const sheet = planSheet(this.data, plan, items, { status: statusOf(this.data, signed, w.unsigned_note), link, level: 3, figures: false,
      qr: await qrLibrary() });
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
