/**
 * "Find your plan": the decision flowchart, one question at a time, entirely on this device.
 * The graph and every word come from the page data (data/flowchart.yml, data/ui.yml); the answers
 * live in the URL hash and history, and no request is made. Without scripts the page shows the
 * whole tree as an outline instead. The walk itself is core/flowchart.js.
 */
import { fill } from "../shared/core/words.js";
import { el, fresh, locale, onPage, readJson } from "../shared/page.js";
import { decode, encode, hashOf, HASH_PREFIX, longest, walk } from "./core/flowchart.js";

/**
 * @typedef {import("./core/flowchart.js").Graph} Graph
 * @typedef {import("./core/flowchart.js").Choice} Choice
 * @typedef {import("./core/flowchart.js").Question} Question
 * @typedef {import("./core/flowchart.js").Walked} Walked
 * @typedef {{progress: string, announce: string, proceed: string, back: string, start_over: string,
 *   plan_intro: string, good_to_know: string, print_plan: string, how_often: string, while_waiting: string,
 *   parts: Record<string, string>}} Words
 */

/** @type {Widget | null} */
let current = null;

class Widget {
  /**
   * @param {HTMLElement} box
   * @param {Graph} graph
   * @param {Words} words
   */
  constructor(box, graph, words) {
    this.graph = graph;
    this.words = words;
    this.app = /** @type {HTMLElement} */ (box.querySelector(".flowchart-app"));
    this.path = location.pathname;
    /** @type {Record<string, number>} */
    this.memo = {};
    /** Answers given before going Back, to tick the options again. @type {Choice[] | null} */
    this.memory = null;
    /** @type {Choice[]} */
    this.answers = [];
    this.shown = "";
    /** The history entries this page pushed (their hashes) and the current one. */
    this.trail = [location.hash];
    this.at = 0;
    this.safety = /** @type {HTMLElement | null} */ (document.querySelector(".flowchart-safety"));
    if (this.safety) this.safety.hidden = true;
    this.live = this.app.appendChild(el("p", { class: "fc-sr", "aria-live": "polite" }));
    this.view = this.app.appendChild(el("div", { class: "fc-view" }));
    this.app.addEventListener("click", (event) => this.onClick(event));
    const start = location.hash.startsWith(HASH_PREFIX) ? decode(graph, location.hash) : [];
    this.render(start || this.restart(), false);
    /** @type {HTMLElement} */ (box.querySelector(".flowchart-outline")).hidden = true;
    this.app.hidden = false;
  }

  /** @param {string} text */
  heading(text) {
    return this.view.appendChild(el("h2", { tabindex: "-1", id: "fc-heading", class: "fc-heading" }, text));
  }

  /**
   * @param {HTMLElement} parent
   * @param {string[]} items
   * @param {string} cls
   */
  list(parent, items, cls) {
    if (!items.length) return;
    const ul = parent.appendChild(el("ul", { class: cls }));
    for (const text of items) ul.appendChild(el("li", {}, text));
  }

  /**
   * @param {HTMLElement} parent
   * @param {string} label
   * @param {string} act
   * @param {string} cls
   */
  button(parent, label, act, cls) {
    return parent.appendChild(el("button", { type: "button", class: cls, "data-act": act }, label));
  }

  /**
   * @param {string} id
   * @param {Question} node
   * @returns {string} what a screen reader hears
   */
  question(id, node) {
    const done = this.answers.length;
    const total = done + longest(this.graph, id, this.memo);
    const progress = this.view.appendChild(el("div", { class: "fc-progress" }));
    progress.appendChild(el("p", {}, fill(this.words.progress, { n: done + 1, total }, locale())));
    progress.appendChild(el("progress", { max: String(total), value: String(done), "aria-hidden": "true" }));
    this.heading(node.question);
    this.list(this.view, node.flags, "fc-flags");
    if (node.help) this.view.appendChild(el("p", { class: "fc-help" }, node.help));
    if (node.see) this.view.appendChild(el("p", { class: "fc-see" })).appendChild(el("a", { href: node.see.href }, node.see.title));
    const group = this.view.appendChild(el("div", { role: "group", "aria-labelledby": "fc-heading", class: "fc-answers" }));
    if (node.choose === "many") {
      // Coming back to this question: tick what was ticked before.
      const memory = this.memory;
      const before = memory && memory.length > done && encode(memory.slice(0, done)) === encode(this.answers)
        ? /** @type {number[]} */ (memory[done]) : [];
      node.options.forEach((option, i) => {
        const row = group.appendChild(el("div", { class: "fc-check" }));
        const box = /** @type {HTMLInputElement} */ (row.appendChild(el("input", { type: "checkbox", id: `fc-option-${i}`, value: String(i) })));
        box.checked = before.includes(i);
        row.appendChild(el("label", { for: `fc-option-${i}` }, option.label));
      });
      this.button(this.view, this.words.proceed, "continue", "md-button md-button--primary fc-continue");
    } else {
      node.answers.forEach((answer, i) => {
        this.button(group, answer.label, "answer", "fc-answer").setAttribute("data-answer", String(i));
      });
    }
    return fill(this.words.announce, { n: done + 1, question: node.question }, locale());
  }

  /**
   * @param {Walked} result
   * @returns {string} what a screen reader hears
   */
  outcome(result) {
    const node = result.node;
    if (node.type !== "outcome") return "";
    this.heading(node.title);
    const level = this.graph.levels[node.urgency];
    if (level) {
      this.view.appendChild(el("p", { class: "fc-action" }, level.action));
      if (level.call) {
        const call = this.view.appendChild(el("p", { class: "fc-call" }));
        call.appendChild(el("span", { class: "guide-region" }, level.call.region));
        call.appendChild(document.createTextNode(" "));
        call.appendChild(el("a", { href: `tel:${level.call.number}`, class: "md-button md-button--primary" }, `${level.call.label}: ${level.call.number}`));
      }
      this.list(this.view, node.advice, "fc-advice");
      // What the outcome gives to use until the reader is seen (a "see someone soon" result).
      if (this.graph.parts.some((part) => result.plan[part].length)) {
        const waiting = this.view.appendChild(el("section", { class: "fc-waiting", "aria-labelledby": "fc-waiting" }));
        waiting.appendChild(el("h3", { id: "fc-waiting" }, this.words.while_waiting));
        this.parts(waiting, result, "h4");
      }
      return node.title;
    }
    this.view.appendChild(el("p", {}, this.words.plan_intro));
    this.parts(this.view, result, "h3");
    const advice = [...result.plan.advice, ...node.advice];
    if (advice.length) {
      this.view.appendChild(el("h3", {}, this.words.good_to_know));
      this.list(this.view, advice, "fc-advice");
    }
    if (this.safety) /** @type {HTMLElement} */ (this.view.appendChild(this.safety.cloneNode(true))).hidden = false;
    this.button(this.view.appendChild(el("div", { class: "fc-actions" })), this.words.print_plan, "print", "md-button md-button--primary fc-print");
    return node.title;
  }

  /**
   * The plan's parts, each under its heading, with a link and what to do for each item.
   * @param {HTMLElement} parent
   * @param {Walked} result
   * @param {string} level the parts' heading element
   */
  parts(parent, result, level) {
    const parts = parent.appendChild(el("div", { class: "fc-parts" }));
    for (const part of this.graph.parts) {
      if (!result.plan[part].length) continue;
      const section = parts.appendChild(el("section", { class: "fc-part", "aria-labelledby": `fc-part-${part}` }));
      section.appendChild(el(level, { id: `fc-part-${part}` }, this.words.parts[part] || part));
      const ul = section.appendChild(el("ul", { class: "fc-items" }));
      for (const id of result.plan[part]) this.planItem(ul.appendChild(el("li")), part, this.graph.links[part][id]);
    }
  }

  /**
   * One part of the plan: its link, and what to do and how much (the dose, how often, the
   * steps of a key, the items of a routine).
   * @param {HTMLElement} li
   * @param {string} part
   * @param {import("./core/flowchart.js").Link} link
   */
  planItem(li, part, link) {
    const head = li.appendChild(el("p", { class: "fc-item-head" }));
    head.appendChild(el("a", { href: link.href, "data-plan-part": part }, link.title));
    if (link.dose) head.appendChild(document.createTextNode(`: ${link.dose}`));
    if (link.summary) li.appendChild(el("p", { class: "fc-item-summary" }, link.summary));
    if (link.frequency) li.appendChild(el("p", { class: "fc-item-often" }, `${this.words.how_often} ${link.frequency}`));
    if (link.steps) {
      const ol = li.appendChild(el("ol", { class: "fc-item-steps" }));
      for (const step of link.steps) ol.appendChild(el("li", {}, step));
    }
    if (link.items) {
      const ul = li.appendChild(el("ul", { class: "fc-item-doses" }));
      for (const item of link.items) ul.appendChild(el("li", {}, item.dose ? `${item.title}: ${item.dose}` : item.title));
    }
  }

  /**
   * @param {Choice[]} answers
   * @param {boolean} focus
   */
  render(answers, focus) {
    const result = walk(this.graph, answers);
    const node = result.node;
    this.answers = answers;
    this.shown = hashOf(answers);
    const state = node.type === "outcome" ? (node.urgency in this.graph.levels ? "outcome" : "plan") : "question";
    this.app.setAttribute("data-state", state);
    // The pain rule under the chart (and on the printed plan) is the walked protocol's alone.
    for (const rule of document.querySelectorAll(".flowchart-safety [data-protocol]")) {
      if (rule instanceof HTMLElement) rule.hidden = Boolean(node.protocol) && rule.dataset.protocol !== node.protocol;
    }
    this.view.textContent = "";
    const top = this.view.appendChild(el("div", { class: "fc-top" }));
    if (answers.length) this.button(top, this.words.back, "back", "fc-link fc-back");
    const said = node.type === "outcome" ? this.outcome(result) : this.question(result.id, node);
    if (answers.length) this.button(this.view.appendChild(el("div", { class: "fc-bottom" })), this.words.start_over, "restart", "fc-link");
    if (focus) {
      this.live.textContent = said;
      const y = this.app.getBoundingClientRect().top;
      if (y < 0 || y > innerHeight / 2) this.app.scrollIntoView({ block: "start" });
      /** @type {HTMLElement} */ (this.view.querySelector(".fc-heading")).focus({ preventScroll: true });
    }
  }

  /** @param {Choice[]} answers */
  go(answers) {
    if (location.hash !== this.trail[this.at]) {
      this.trail = [location.hash];
      this.at = 0;
    }
    this.trail = this.trail.slice(0, ++this.at).concat(hashOf(answers));
    history.pushState(null, "", location.pathname + location.search + hashOf(answers));
    this.render(answers, true);
  }

  /** @param {Event} event */
  onClick(event) {
    const target = event.target instanceof Element ? event.target.closest("button[data-act]") : null;
    const act = target && target.getAttribute("data-act");
    let answers = this.answers.slice();
    if (act === "print") return window.print();
    if (act === "answer") answers.push(Number(/** @type {Element} */ (target).getAttribute("data-answer")));
    else if (act === "continue") {
      answers.push([...this.app.querySelectorAll("input:checked")].map((box) => Number(/** @type {HTMLInputElement} */ (box).value)));
    } else if (act === "back") {
      this.memory = this.answers;
      answers.pop();
      // The browser's own Back, when the entry before is this page's previous question.
      if (this.at && this.trail[this.at - 1] === hashOf(answers) && location.hash === this.trail[this.at]) return history.back();
    } else if (act === "restart") {
      this.memory = null;
      answers = [];
    } else return undefined;
    this.go(answers);
    return undefined;
  }

  here() {
    return this.app.isConnected && this.path === location.pathname;
  }

  /** The URL changed under us (Back/Forward, an edited or shared hash): show its question. */
  sync() {
    const hash = location.hash;
    if (!this.here()) return;
    if (hash !== this.trail[this.at]) {
      if (this.at && this.trail[this.at - 1] === hash) this.at--;
      else if (this.trail[this.at + 1] === hash) this.at++;
      else {
        this.trail = [hash];
        this.at = 0;
      }
    }
    if ((hash && !hash.startsWith(HASH_PREFIX)) || hash === this.shown) return;
    const answers = decode(this.graph, hash) || this.restart();
    if (answers.length < this.answers.length) this.memory = this.answers;
    this.render(answers, true);
  }

  /** A hash that is no path through the chart: drop it and start over. */
  restart() {
    history.replaceState(history.state, "", location.pathname + location.search);
    this.trail[this.at] = "";
    return [];
  }
}

function setup() {
  for (const box of fresh("[data-flowchart]")) {
    const data = readJson(box.querySelector(".flowchart-data"), "data-graph");
    if (data && data.graph && data.words) current = new Widget(box, data.graph, data.words);
  }
}

// Back/Forward between this page's own questions is ours alone: Material's instant navigation
// would otherwise fetch the page again on the first such step (a request, and a reset widget).
// history-hook.js calls this before Material's listener; ours is the fallback.
/** @param {PopStateEvent} event */
function onPopstate(event) {
  if (current && current.here() && (!location.hash || location.hash.startsWith(HASH_PREFIX))) {
    event.stopImmediatePropagation();
    current.sync();
  }
}
window.guideOnPopstate = onPopstate;
addEventListener("popstate", onPopstate);
addEventListener("hashchange", () => current && current.sync());
onPage(setup);
