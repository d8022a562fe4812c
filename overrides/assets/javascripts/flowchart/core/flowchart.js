/**
 * "Find your plan" without the page: the graph the generator writes, the answers in the URL hash,
 * and the plan a path collects (the same walk as generator/plan.py; tests compare them).
 *
 * The hash holds one token per answer, joined by ".": an answer's index for a one-choice
 * question, the chosen option indexes joined by "-" for a many-choice one, "n" for none
 * (`#q=0.1.1.2-0-3.1`). A hash is untrusted input: anything that is not a path from the start
 * decodes to null.
 */
import { own } from "../../shared/core/own.js";

/**
 * @typedef {{keys?: string[], routines?: string[], exercises?: string[], recovery?: string[], advice?: string[]}} Adds
 * @typedef {{label: string, next: string, adds: Adds}} Answer
 * @typedef {{label: string, adds: Adds}} Option
 * @typedef {{title: string, href: string, summary?: string, steps?: string[], frequency?: string,
 *   items?: {title: string, dose: string | null}[], dose?: string | null}} Link
 * @typedef {{type: "question", question: string, help: string | null, choose: "one" | "many",
 *   see: Link | null, flags: string[], next: string | null, answers: Answer[], options: Option[],
 *   protocol?: string}} Question  (`protocol`: whose flowchart holds it; none for the question of where it hurts)
 * @typedef {{type: "outcome", urgency: string, title: string, advice: string[], recommends: Adds,
 *   protocol?: string}} Outcome
 * @typedef {Question | Outcome} GraphNode
 * @typedef {{title: string, action: string, call: {number: string, label: string, region: string} | null}} Level
 * @typedef {{start: string, nodes: Record<string, GraphNode>, links: Record<string, Record<string, Link>>,
 *   levels: Record<string, Level>, parts: string[]}} Graph
 * @typedef {number | number[]} Choice
 * @typedef {{id: string, node: GraphNode, plan: Record<string, string[]>}} Walked
 */

export const HASH_PREFIX = "#q=";
/** Longer than any real path (a hash is typed or pasted by anyone). */
export const MAX_HASH_LENGTH = 2000;
const INDEX = /^(0|[1-9]\d{0,3})$/;

/**
 * @param {Choice[]} answers
 * @returns {string}
 */
export function encode(answers) {
  return answers.map((a) => (Array.isArray(a) ? a.join("-") || "n" : String(a))).join(".");
}

/**
 * The URL hash for these answers ("" for none).
 * @param {Choice[]} answers
 * @returns {string}
 */
export function hashOf(answers) {
  return answers.length ? HASH_PREFIX + encode(answers) : "";
}

/**
 * The answers in a hash, or null when it is not a path from the start.
 * @param {Graph} graph
 * @param {string} hash
 * @returns {Choice[] | null}
 */
export function decode(graph, hash) {
  if (typeof hash !== "string" || hash.length > MAX_HASH_LENGTH) return null;
  const text = hash.startsWith(HASH_PREFIX) ? hash.slice(HASH_PREFIX.length) : hash.replace(/^#/, "");
  /** @type {Choice[]} */
  const answers = [];
  let id = graph.start;
  for (const token of text ? text.split(".") : []) {
    const node = own(graph.nodes, id);
    if (!node || node.type !== "question") return null;
    if (node.choose === "many") {
      const picked = token === "n" ? [] : token.split("-");
      /** @type {number[]} */
      const indexes = [];
      for (const part of picked) {
        if (!INDEX.test(part)) return null;
        const i = Number(part);
        if (i >= node.options.length || (indexes.length && i <= indexes[indexes.length - 1])) return null;
        indexes.push(i);
      }
      if (node.next === null) return null;
      answers.push(indexes);
      id = node.next;
    } else {
      if (!INDEX.test(token)) return null;
      const answer = node.answers[Number(token)];
      if (!answer) return null;
      answers.push(Number(token));
      id = answer.next;
    }
  }
  return answers;
}

/**
 * Follow the answers from the start: the node reached and the plan collected (each part of
 * `graph.parts`, and `advice`: lines the answers add), the self-care outcome's own parts first.
 * A red outcome (see a clinician, or not for this guide) collects no answer: only its own parts
 * (what to use while waiting).
 * @param {Graph} graph
 * @param {Choice[]} answers
 * @returns {Walked}
 */
export function walk(graph, answers) {
  /** @type {Record<string, string[]>} */
  const plan = {};
  const parts = [...graph.parts, "advice"];
  for (const part of parts) plan[part] = [];
  /** @param {Adds} adds */
  const collect = (adds) => {
    for (const part of parts) {
      for (const item of /** @type {Record<string, string[] | undefined>} */ (adds)[part] || []) {
        if (!plan[part].includes(item)) plan[part].push(item);
      }
    }
  };
  let id = graph.start;
  for (const answer of answers) {
    const node = graph.nodes[id];
    if (node.type !== "question") break;
    if (Array.isArray(answer)) {
      for (const i of answer) collect(node.options[i].adds);
      id = /** @type {string} */ (node.next);
    } else {
      collect(node.answers[answer].adds);
      id = node.answers[answer].next;
    }
  }
  const node = graph.nodes[id];
  if (node.type === "outcome") {
    if (node.urgency in graph.levels) {
      // No plan: only what the outcome itself gives to use while waiting (a recovery tool, such
      // as something cold for a swollen joint, until the reader is seen).
      for (const part of parts) plan[part] = [];
      collect(node.recommends);
    } else {
      // The outcome's own parts (the core of every plan) come first, then the answers'.
      const answered = { ...plan };
      for (const part of parts) plan[part] = [];
      collect(node.recommends);
      collect(answered);
    }
  }
  return { id, node, plan };
}

/**
 * The most questions still to answer from a node (the graph has no loops).
 * @param {Graph} graph
 * @param {string} id
 * @param {Record<string, number>} memo
 * @returns {number}
 */
export function longest(graph, id, memo) {
  if (memo[id] === undefined) {
    const node = graph.nodes[id];
    memo[id] = node.type === "question" ? 1 + Math.max(...successors(node).map((next) => longest(graph, next, memo))) : 0;
  }
  return memo[id];
}

/**
 * @param {Question} node
 * @returns {string[]}
 */
export function successors(node) {
  return node.choose === "many" ? [/** @type {string} */ (node.next)] : node.answers.map((a) => a.next);
}
