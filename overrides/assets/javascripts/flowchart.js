/* "Find your plan": the decision flowchart, one question at a time, entirely on this device.
   Reads the graph from the page's inline JSON (never fetched), keeps the answers in the URL hash
   (#q=0.1.1.2-0-3.1: one token per answer, "-" between the options of a many-choice question,
   "n" for none), and makes no network request. Without scripts the page shows the whole tree as
   an outline instead. Every text with a number in it comes from the JSON (data/). */
(function () {
  "use strict";
  var PARTS = { keys: "Key steps", routines: "Routines, with printable cards",
                exercises: "Exercises and stretches", recovery: "Recovery tools" };
  var RED = { emergency: 1, urgent: 1, soon: 1 };
  var NUM = /^(0|[1-9]\d*)$/;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs) if (attrs.hasOwnProperty(key)) node.setAttribute(key, attrs[key]);
    if (text != null) node.textContent = text;
    return node;
  }
  function add(parent, child) { parent.appendChild(child); return child; }

  // The longest number of questions still to answer from each node (the graph has no cycles).
  function longest(data, id, memo) {
    if (memo[id] != null) return memo[id];
    var node = data.nodes[id], best = 0;
    if (node.type === "question") {
      (node.choose === "many" ? [node.next] : node.answers.map(function (a) { return a.next; }))
        .forEach(function (next) { best = Math.max(best, longest(data, next, memo)); });
      best += 1;
    }
    return (memo[id] = best);
  }

  function encode(answers) {
    return answers.map(function (a) {
      return typeof a === "number" ? String(a) : a.length ? a.join("-") : "n";
    }).join(".");
  }

  // The answers in a hash, or null when the hash is not a valid path from the start.
  function decode(data, hash) {
    var text = hash.replace(/^#?q=/, ""), answers = [], id = data.start;
    if (text === "") return answers;
    var tokens = text.split("."), i, j;
    for (i = 0; i < tokens.length; i++) {
      var node = data.nodes[id], token = tokens[i];
      if (node.type !== "question") return null;
      if (node.choose === "many") {
        var picked = token === "n" ? [] : token.split("-");
        for (j = 0; j < picked.length; j++) {
          if (!NUM.test(picked[j])) return null;
          picked[j] = +picked[j];
          if (picked[j] >= node.options.length || (j && picked[j] <= picked[j - 1])) return null;
        }
        answers.push(picked);
        id = node.next;
      } else {
        if (!NUM.test(token) || +token >= node.answers.length) return null;
        answers.push(+token);
        id = node.answers[+token].next;
      }
    }
    return answers;
  }

  // Follow the answers: the node reached and the plan collected (as generator.flowchart.walk).
  function walk(data, answers) {
    var plan = {}, id = data.start;
    data.parts.forEach(function (p) { plan[p] = []; });
    function collect(adds) {
      data.parts.forEach(function (p) {
        (adds[p] || []).forEach(function (x) { if (plan[p].indexOf(x) < 0) plan[p].push(x); });
      });
    }
    answers.forEach(function (a) {
      var node = data.nodes[id];
      if (node.choose === "many") {
        a.forEach(function (i) { collect(node.options[i].adds); });
        id = node.next;
      } else {
        collect(node.answers[a].adds);
        id = node.answers[a].next;
      }
    });
    var end = data.nodes[id];
    if (end.type === "outcome") collect(end.recommends);
    return { id: id, node: end, plan: plan };
  }

  function button(label, act, cls) {
    var b = el("button", { type: "button", "class": cls || "fc-button", "data-act": act }, label);
    return b;
  }

  function list(parent, items, cls) {
    if (!items.length) return;
    var ul = add(parent, el("ul", { "class": cls }));
    items.forEach(function (text) { add(ul, el("li", {}, text)); });
  }

  function renderQuestion(app, view, node, answers) {
    var data = app.fcData, done = answers.length;
    var total = done + longest(data, app.fcId, app.fcMemo);
    var progress = add(view, el("div", { "class": "fc-progress" }));
    add(progress, el("p", {}, "Question " + (done + 1) + " of up to " + total));
    add(progress, el("progress", { max: total, value: done, "aria-hidden": "true" }));
    add(view, el("h2", { tabindex: "-1", id: "fc-heading", "class": "fc-heading" }, node.question));
    list(view, node.flags, "fc-flags");
    if (node.help) add(view, el("p", { "class": "fc-help" }, node.help));
    var group = add(view, el("div", { role: "group", "aria-labelledby": "fc-heading", "class": "fc-answers" }));
    if (node.choose === "many") {
      var memory = app.fcMemory, before = memory && memory.length > done &&
        encode(memory.slice(0, done)) === encode(answers) ? memory[done] : [];
      node.options.forEach(function (option, i) {
        var row = add(group, el("div", { "class": "fc-check" }));
        var box = add(row, el("input", { type: "checkbox", id: "fc-option-" + i, value: i }));
        box.checked = before.indexOf(i) >= 0;
        add(row, el("label", { "for": "fc-option-" + i }, option.label));
      });
      add(view, button("Continue", "continue", "md-button md-button--primary fc-continue"));
    } else {
      node.answers.forEach(function (answer, i) {
        add(group, button(answer.label, "answer", "fc-answer")).setAttribute("data-answer", i);
      });
    }
    return "Question " + (done + 1) + ": " + node.question;
  }

  function renderOutcome(app, view, result) {
    var data = app.fcData, node = result.node;
    add(view, el("h2", { tabindex: "-1", id: "fc-heading", "class": "fc-heading" }, node.title));
    if (RED[node.urgency]) {
      var action = data.levels[node.urgency].action;
      add(view, el("p", { "class": "fc-action" }, action));
      list(view, node.advice.filter(function (line) { return action.indexOf(line) < 0; }), "fc-advice");
      return node.title;
    }
    add(view, el("p", {}, "Based on your answers, these parts of the guide are for you."));
    var parts = add(view, el("div", { "class": "fc-parts" }));
    data.parts.forEach(function (part) {
      var ids = result.plan[part];
      if (!ids.length) return;
      var section = add(parts, el("section", { "class": "fc-part", "aria-labelledby": "fc-part-" + part }));
      add(section, el("h3", { id: "fc-part-" + part }, PARTS[part] || part));
      var ul = add(section, el("ul", {}));
      ids.forEach(function (id) {
        var link = data.links[part][id];
        add(add(ul, el("li")), el("a", { href: "../" + link.path, "data-plan-part": part }, link.title));
      });
    });
    if (node.advice.length) {
      add(view, el("h3", {}, "Good to know"));
      list(view, node.advice, "fc-advice");
    }
    if (app.fcSafety) add(view, app.fcSafety.cloneNode(true)).hidden = false;
    var actions = add(view, el("div", { "class": "fc-actions" }));
    add(actions, button("Print my plan", "print", "md-button md-button--primary fc-print"));
    return node.title;
  }

  function render(app, answers, focus) {
    var data = app.fcData, result = walk(data, answers), outcome = result.node.type === "outcome";
    var plan = outcome && !RED[result.node.urgency];
    app.fcAnswers = answers;
    app.fcId = result.id;
    app.fcHash = encode(answers);
    app.setAttribute("data-state", plan ? "plan" : outcome ? "outcome" : "question");
    if (app.fcSafety) app.fcSafety.hidden = true;
    var view = app.fcView;
    view.textContent = "";
    var top = add(view, el("div", { "class": "fc-top" }));
    if (answers.length) add(top, button("Back", "back", "fc-link fc-back"));
    var said = outcome ? renderOutcome(app, view, result) : renderQuestion(app, view, result.node, answers);
    if (answers.length) add(view, el("div", { "class": "fc-bottom" })).appendChild(button("Start over", "restart", "fc-link"));
    if (focus) {
      app.fcLive.textContent = said;
      var top = app.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) app.scrollIntoView({ block: "start" });
      view.querySelector(".fc-heading").focus({ preventScroll: true });
    }
  }

  function hashOf(answers) { return answers.length ? "#q=" + encode(answers) : ""; }

  // fcTrail mirrors the history entries this page pushed (their hashes); fcAt is the current one.
  function go(app, answers) {
    if (location.hash !== app.fcTrail[app.fcAt]) { app.fcTrail = [location.hash]; app.fcAt = 0; }
    app.fcTrail = app.fcTrail.slice(0, ++app.fcAt).concat(hashOf(answers));
    history.pushState(null, "", location.pathname + location.search + hashOf(answers));
    render(app, answers, true);
  }

  function onClick(app, event) {
    var target = event.target.closest ? event.target.closest("button[data-act]") : null;
    if (!target) return;
    var act = target.getAttribute("data-act"), answers = app.fcAnswers.slice();
    if (act === "answer") {
      answers.push(+target.getAttribute("data-answer"));
    } else if (act === "continue") {
      answers.push(Array.prototype.filter.call(app.querySelectorAll("input[type=checkbox]"), function (box) {
        return box.checked;
      }).map(function (box) { return +box.value; }));
    } else if (act === "back") {
      app.fcMemory = app.fcAnswers;
      answers.pop();
      // Same as the browser's Back when the previous entry is this page's previous question.
      if (app.fcAt > 0 && app.fcTrail[app.fcAt - 1] === hashOf(answers) && location.hash === app.fcTrail[app.fcAt]) {
        history.back();
        return;
      }
    } else if (act === "restart") {
      app.fcMemory = null;
      answers = [];
    } else if (act === "print") {
      window.print();
      return;
    }
    go(app, answers);
  }

  // The URL changed under us (browser Back/Forward, an edited or shared hash): show its question.
  function current() {
    var app = document.querySelector(".flowchart-app[data-state]");
    return app && app.fcPath === location.pathname ? app : null;
  }

  function sync() {
    var app = current(), hash = location.hash;
    if (!app) return;
    var trail = app.fcTrail, at = app.fcAt;
    if (hash !== trail[at]) {
      if (at > 0 && trail[at - 1] === hash) app.fcAt--;
      else if (trail[at + 1] === hash) app.fcAt++;
      else { app.fcTrail = [hash]; app.fcAt = 0; }
    }
    if (hash && !/^#q=/.test(hash) || hash.replace(/^#q=/, "") === app.fcHash) return;
    var answers = decode(app.fcData, hash);
    if (!answers) {
      history.replaceState(history.state, "", location.pathname + location.search);
      app.fcTrail[app.fcAt] = "";
      answers = [];
    }
    if (answers.length < app.fcAnswers.length) app.fcMemory = app.fcAnswers;
    render(app, answers, true);
  }

  function setup() {
    var boxes = document.querySelectorAll("[data-flowchart]");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.getAttribute("data-ready")) return;
      box.setAttribute("data-ready", "1");
      var app = box.querySelector(".flowchart-app"), outline = box.querySelector(".flowchart-outline");
      var data;
      // Material's instant navigation re-creates inline scripts without their attributes: find it by place.
      var script = box.querySelector(".flowchart-data") || box.querySelector("script");
      try { data = JSON.parse(script.textContent); } catch (e) { return; }
      app.fcData = data;
      app.fcPath = location.pathname;
      app.fcMemo = {};
      app.fcSafety = document.querySelector(".flowchart-safety");
      app.fcLive = add(app, el("p", { "class": "fc-sr", "aria-live": "polite" }));
      app.fcView = add(app, el("div", { "class": "fc-view" }));
      app.addEventListener("click", function (event) { onClick(app, event); });
      var answers = /^#q=/.test(location.hash) ? decode(data, location.hash) : [];
      if (!answers) {
        history.replaceState(history.state, "", location.pathname + location.search);
        answers = [];
      }
      app.fcTrail = [location.hash];
      app.fcAt = 0;
      render(app, answers, false);
      if (outline) outline.hidden = true;
      app.hidden = false;
    });
  }

  // Back/Forward between this page's own questions is ours alone: Material's instant navigation
  // would otherwise fetch the page again on the first such step (a request, and a reset widget).
  // The page's inline hook calls this before Material's listener; ours is the fallback.
  function onPopstate(event) {
    if (current() && (!location.hash || /^#q=/.test(location.hash))) {
      event.stopImmediatePropagation();
      sync();
    }
  }
  window.flowchartOnPopstate = onPopstate;
  window.addEventListener("popstate", onPopstate);
  window.addEventListener("hashchange", sync);
  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
