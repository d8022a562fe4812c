/* "Print this card" buttons: shown only when scripts run (without them, the browser's own
   Print menu gives the same card). Hooked into Material's instant navigation. */
(function () {
  "use strict";
  function setup() {
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.hidden = false;
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
