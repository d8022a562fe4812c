/* Runs before Material's scripts (a plain script early in the page), so that Back and Forward
   inside a widget stay on the page: between the flowchart's questions, into and out of the
   player. It forwards popstate to the widget (window.guideOnPopstate) before Material's own
   listener, which would otherwise fetch the page again. */
if (!window.guideHistoryHook) {
  window.guideHistoryHook = 1;
  addEventListener("popstate", function (event) {
    if (window.guideOnPopstate) window.guideOnPopstate(event);
  });
}
