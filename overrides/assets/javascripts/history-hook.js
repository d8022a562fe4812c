/* Runs before Material's scripts (a plain script early in the flowchart page), so that Back and
   Forward between questions stay on this page: it forwards popstate to flowchart.js. */
if (!window.flowchartHook) {
  window.flowchartHook = 1;
  addEventListener("popstate", function (event) {
    if (window.flowchartOnPopstate) window.flowchartOnPopstate(event);
  });
}
