/* BMI calculator on the weight page. Computed on this device; nothing is sent anywhere.
   Bands, the running threshold and the caveat come from the page's inline JSON (data/weight.yml). */
(function () {
  "use strict";
  var CM_PER_INCH = 2.54, KG_PER_POUND = 0.45359237, INCHES_PER_FOOT = 12, POUNDS_PER_STONE = 14;

  function number(input, allowZero) {
    var raw = input.value.trim().replace(",", ".");
    if (raw === "") return allowZero ? 0 : NaN;
    if (!/^\d+(\.\d+)?$/.test(raw)) return NaN;
    var value = parseFloat(raw);
    return value > 0 || (allowZero && value === 0) ? value : NaN;
  }

  function band(data, bmi) {
    return data.bands.filter(function (b) {
      return (b.from === null || bmi >= b.from) && (b.below === null || bmi < b.below);
    })[0];
  }

  function measure(form) {
    if (form.elements.units.value === "imperial") {
      var inches = number(form.elements.ft, false) * INCHES_PER_FOOT + number(form.elements["in"], true);
      var pounds = number(form.elements.st, false) * POUNDS_PER_STONE + number(form.elements.lb, true);
      return { metres: inches * CM_PER_INCH / 100, kg: pounds * KG_PER_POUND };
    }
    return { metres: number(form.elements.cm, false) / 100, kg: number(form.elements.kg, false) };
  }

  function setup() {
    document.querySelectorAll("[data-bmi]").forEach(function (box) {
      if (box.dataset.ready) return;
      box.dataset.ready = "1";
      box.hidden = false;
      // Material's instant navigation re-creates inline scripts without their attributes.
      var data = JSON.parse(box.querySelector(".bmi-data").getAttribute("data-config"));
      var form = box.querySelector("form"), result = box.querySelector(".bmi-result");
      function units() {
        var imperial = form.elements.units.value === "imperial";
        box.querySelector(".bmi-metric").hidden = imperial;
        box.querySelector(".bmi-imperial").hidden = !imperial;
        result.textContent = "";
      }
      Array.prototype.forEach.call(form.elements.units, function (r) { r.addEventListener("change", units); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var m = measure(form);
        var bmi = m.kg / (m.metres * m.metres);
        // Plausible adult ranges only: a typo (0, 1800 cm, text) gets a message, not a number.
        if (!isFinite(bmi) || m.metres < 0.5 || m.metres > 2.75 || m.kg < 20 || m.kg > 400) {
          result.className = "bmi-result bmi-error";
          delete result.dataset.band;
          result.textContent = "Please enter your height and weight as numbers greater than zero, for example a height and a weight an adult could have.";
          return;
        }
        var shown = Math.round(bmi * 10) / 10, found = band(data, shown);
        result.className = "bmi-result";
        result.textContent = "Your BMI is " + shown.toFixed(1) + ": " + found.label + ". " +
          (shown > data.reduce_from ? "Above " + data.reduce_from + ", this guide suggests bringing your weight down and choosing low-impact exercise before serious running. " : "") +
          data.caveat;
        result.dataset.band = found.label;
      });
    });
  }
  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
