/* "Find your plan": the decision flowchart, one question at a time, entirely on this device.
   Reads the graph from the page's inline JSON (never fetched), keeps the answers in the URL hash
   (#q=0.1.1.2-0-3.1: one token per answer, "-" between the options of a many-choice question,
   "n" for none) and makes no network request. Without scripts the page shows the whole tree as
   an outline instead. Every text with a number in it comes from the JSON (data/). */
(function () {
  "use strict";
  var PARTS = { keys: "Key steps", routines: "Routines, with printable cards",
                exercises: "Exercises and stretches", recovery: "Recovery tools" };
  var RED = { emergency: 1, urgent: 1, soon: 1 };
  var NUM = /^(0|[1-9]\d*)$/, Q = /^#q=/;
  // The widget on this page (one per page): its element, graph, answers and what it remembers.
  var app, data, path, view, live, safety, memo, answers, shown, memory, trail, at;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (text != null) node.textContent = text;
    return node;
  }
  function add(parent, child) { return parent.appendChild(child); }
  function button(parent, label, act, cls) {
    return add(parent, el("button", { type: "button", "class": cls, "data-act": act }, label));
  }
  function list(parent, items, cls) {
    if (!items.length) return;
    var ul = add(parent, el("ul", { "class": cls }));
    items.forEach(function (text) { add(ul, el("li", {}, text)); });
  }
  function heading(text) { return add(view, el("h2", { tabindex: "-1", id: "fc-heading", "class": "fc-heading" }, text)); }
  function nexts(node) {
    return node.choose === "many" ? [node.next] : node.answers.map(function (a) { return a.next; });
  }

  // The most questions still to answer from a node (the graph has no cycles).
  function longest(id) {
    var node = data.nodes[id];
    if (memo[id] == null) {
      memo[id] = node.type === "question" ? 1 + Math.max.apply(null, nexts(node).map(longest)) : 0;
    }
    return memo[id];
  }

  function encode(list) {
    return list.map(function (a) { return a.join ? a.join("-") || "n" : a; }).join(".");
  }
  function hashOf(list) { return list.length ? "#q=" + encode(list) : ""; }

  // The answers in a hash, or null when it is not a path from the start.
  function decode(hash) {
    var text = hash.replace(Q, ""), list = [], id = data.start, tokens = text ? text.split(".") : [];
    for (var i = 0; i < tokens.length; i++) {
      var node = data.nodes[id], token = tokens[i], picked;
      if (node.type !== "question") return null;
      if (node.choose === "many") {
        picked = token === "n" ? [] : token.split("-");
        for (var j = 0; j < picked.length; j++) {
          if (!NUM.test(picked[j]) || (picked[j] = +picked[j]) >= node.options.length || j && picked[j] <= picked[j - 1]) return null;
        }
        id = node.next;
      } else {
        if (!NUM.test(token) || !node.answers[picked = +token]) return null;
        id = node.answers[picked].next;
      }
      list.push(picked);
    }
    return list;
  }

  // Follow the answers: the node reached and the plan collected (as generator.flowchart.walk).
  function walk(list) {
    var plan = {}, id = data.start;
    data.parts.forEach(function (p) { plan[p] = []; });
    function collect(adds) {
      data.parts.forEach(function (p) {
        (adds[p] || []).forEach(function (x) { if (plan[p].indexOf(x) < 0) plan[p].push(x); });
      });
    }
    list.forEach(function (a) {
      var node = data.nodes[id];
      if (a.join) a.forEach(function (i) { collect(node.options[i].adds); });
      else collect(node.answers[a].adds);
      id = a.join ? node.next : node.answers[a].next;
    });
    if (data.nodes[id].type === "outcome") collect(data.nodes[id].recommends);
    return { id: id, node: data.nodes[id], plan: plan };
  }

  function question(id, node) {
    var done = answers.length, total = done + longest(id);
    var progress = add(view, el("div", { "class": "fc-progress" }));
    add(progress, el("p", {}, "Question " + (done + 1) + " of up to " + total));
    add(progress, el("progress", { max: total, value: done, "aria-hidden": "true" }));
    heading(node.question);
    list(view, node.flags, "fc-flags");
    if (node.help) add(view, el("p", { "class": "fc-help" }, node.help));
    if (node.see) add(add(view, el("p", { "class": "fc-see" })), el("a", { href: "../" + node.see.path }, node.see.title));
    var group = add(view, el("div", { role: "group", "aria-labelledby": "fc-heading", "class": "fc-answers" }));
    if (node.choose === "many") {
      // Coming back to this question: tick what was ticked before.
      var before = memory && memory.length > done && encode(memory.slice(0, done)) === encode(answers) ? memory[done] : [];
      node.options.forEach(function (option, i) {
        var row = add(group, el("div", { "class": "fc-check" }));
        add(row, el("input", { type: "checkbox", id: "fc-option-" + i, value: i })).checked = before.indexOf(i) >= 0;
        add(row, el("label", { "for": "fc-option-" + i }, option.label));
      });
      button(view, "Continue", "continue", "md-button md-button--primary fc-continue");
    } else {
      node.answers.forEach(function (answer, i) {
        button(group, answer.label, "answer", "fc-answer").setAttribute("data-answer", i);
      });
    }
    return "Question " + (done + 1) + ": " + node.question;
  }

  function outcome(result) {
    var node = result.node;
    heading(node.title);
    if (RED[node.urgency]) {
      var action = data.levels[node.urgency].action;
      add(view, el("p", { "class": "fc-action" }, action));
      var call = data.levels[node.urgency].call;
      if (call) add(add(view, el("p", { "class": "fc-call" })), el("a", { href: "tel:" + call.number, "class": "md-button md-button--primary" }, call.label + ": " + call.number));
      list(view, node.advice.filter(function (line) { return action.indexOf(line) < 0; }), "fc-advice");
      return node.title;
    }
    add(view, el("p", {}, "Based on your answers, these parts of the guide are for you."));
    var parts = add(view, el("div", { "class": "fc-parts" }));
    data.parts.forEach(function (part) {
      if (!result.plan[part].length) return;
      var section = add(parts, el("section", { "class": "fc-part", "aria-labelledby": "fc-part-" + part }));
      add(section, el("h3", { id: "fc-part-" + part }, PARTS[part] || part));
      var ul = add(section, el("ul", {}));
      result.plan[part].forEach(function (id) {
        var link = data.links[part][id];
        add(add(ul, el("li")), el("a", { href: "../" + link.path, "data-plan-part": part }, link.title));
      });
    });
    if (node.advice.length) {
      add(view, el("h3", {}, "Good to know"));
      list(view, node.advice, "fc-advice");
    }
    if (safety) add(view, safety.cloneNode(true)).hidden = false;
    button(add(view, el("div", { "class": "fc-actions" })), "Print my plan", "print", "md-button md-button--primary fc-print");
    return node.title;
  }

  function render(list, focus) {
    var result = walk(list), end = result.node.type === "outcome";
    answers = list;
    shown = hashOf(list);
    app.setAttribute("data-state", end ? (RED[result.node.urgency] ? "outcome" : "plan") : "question");
    view.textContent = "";
    var top = add(view, el("div", { "class": "fc-top" }));
    if (list.length) button(top, "Back", "back", "fc-link fc-back");
    var said = end ? outcome(result) : question(result.id, result.node);
    if (list.length) button(add(view, el("div", { "class": "fc-bottom" })), "Start over", "restart", "fc-link");
    if (focus) {
      live.textContent = said;
      var y = app.getBoundingClientRect().top;
      if (y < 0 || y > innerHeight / 2) app.scrollIntoView({ block: "start" });
      view.querySelector(".fc-heading").focus({ preventScroll: true });
    }
  }

  // trail mirrors the history entries this page pushed (their hashes); at is the current one.
  function go(list) {
    if (location.hash !== trail[at]) { trail = [location.hash]; at = 0; }
    trail = trail.slice(0, ++at).concat(hashOf(list));
    history.pushState(null, "", location.pathname + location.search + hashOf(list));
    render(list, true);
  }

  function onClick(event) {
    var target = event.target.closest("button[data-act]"), list = answers.slice();
    var act = target && target.getAttribute("data-act");
    if (act === "print") return window.print();
    if (act === "answer") list.push(+target.getAttribute("data-answer"));
    else if (act === "continue") {
      list.push([].filter.call(app.querySelectorAll("input:checked"), Boolean).map(function (box) { return +box.value; }));
    } else if (act === "back") {
      memory = answers;
      list.pop();
      // The browser's own Back, when the entry before is this page's previous question.
      if (at && trail[at - 1] === hashOf(list) && location.hash === trail[at]) return history.back();
    } else if (act === "restart") {
      memory = null;
      list = [];
    } else return;
    go(list);
  }

  function here() { return app && app.isConnected && path === location.pathname; }

  // The URL changed under us (browser Back/Forward, an edited or shared hash): show its question.
  function sync() {
    var hash = location.hash;
    if (!here()) return;
    if (hash !== trail[at]) {
      if (at && trail[at - 1] === hash) at--;
      else if (trail[at + 1] === hash) at++;
      else { trail = [hash]; at = 0; }
    }
    if (hash && !Q.test(hash) || hash === shown) return;
    var list = decode(hash) || restart();
    if (list.length < answers.length) memory = answers;
    render(list, true);
  }

  // A hash that is no path through the chart: drop it and start over.
  function restart() {
    history.replaceState(history.state, "", location.pathname + location.search);
    trail[at] = "";
    return [];
  }

  function setup() {
    var box = document.querySelector("[data-flowchart]:not([data-ready])");
    if (!box) return;
    // Material's instant navigation re-creates inline scripts without their attributes: find it by place.
    try { data = JSON.parse(box.querySelector(".flowchart-data").getAttribute("data-graph")); } catch (e) { return; }
    box.setAttribute("data-ready", "1");
    app = box.querySelector(".flowchart-app");
    path = location.pathname;
    memo = {};
    memory = null;
    trail = [location.hash];
    at = 0;
    safety = document.querySelector(".flowchart-safety");
    if (safety) safety.hidden = true;
    live = add(app, el("p", { "class": "fc-sr", "aria-live": "polite" }));
    view = add(app, el("div", { "class": "fc-view" }));
    app.addEventListener("click", onClick);
    render((Q.test(location.hash) ? decode(location.hash) : []) || restart(), false);
    box.querySelector(".flowchart-outline").hidden = true;
    app.hidden = false;
  }

  // Back/Forward between this page's own questions is ours alone: Material's instant navigation
  // would otherwise fetch the page again on the first such step (a request, and a reset widget).
  // The page's inline hook calls this before Material's listener; ours is the fallback.
  function onPopstate(event) {
    if (here() && (!location.hash || Q.test(location.hash))) {
      event.stopImmediatePropagation();
      sync();
    }
  }
  window.flowchartOnPopstate = onPopstate;
  addEventListener("popstate", onPopstate);
  addEventListener("hashchange", sync);
  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
