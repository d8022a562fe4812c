/**
 * The BMI calculator on the weight page: worked out on this device, nothing is sent anywhere.
 * Bands, limits, the running threshold and every sentence come from the page data. A reader who
 * ticks the family-background box gets the lower line's sentence when the BMI is at or above it
 * (`lower_from`); the running advice is the same for everyone.
 */
import { fill, number } from "../shared/core/words.js";
import { fresh, locale, onPage, readJson } from "../shared/page.js";
import { bandOf, bmi, imperial, metric } from "./core/bmi.js";

/**
 * @param {HTMLFormElement} form
 * @param {string} name
 * @returns {string}
 */
function field(form, name) {
  const input = form.elements.namedItem(name);
  return input instanceof HTMLInputElement ? input.value : "";
}

/** @param {HTMLElement} box */
function mount(box) {
  const data = readJson(box.querySelector(".bmi-data"), "data-config");
  const form = box.querySelector("form");
  const result = box.querySelector(".bmi-result");
  if (!data || !(form instanceof HTMLFormElement) || !(result instanceof HTMLElement)) return;
  box.hidden = false;
  const units = () => {
    const choice = form.elements.namedItem("units");
    const isImperial = choice instanceof RadioNodeList && choice.value === "imperial";
    /** @type {HTMLElement} */ (box.querySelector(".bmi-metric")).hidden = isImperial;
    /** @type {HTMLElement} */ (box.querySelector(".bmi-imperial")).hidden = !isImperial;
    result.textContent = "";
    return isImperial;
  };
  for (const radio of form.querySelectorAll("input[name=units]")) radio.addEventListener("change", units);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const measure = units()
      ? imperial({ ft: field(form, "ft"), in: field(form, "in"), st: field(form, "st"), lb: field(form, "lb") })
      : metric({ cm: field(form, "cm"), kg: field(form, "kg") });
    const value = bmi(measure, data.limits);
    const band = value === null ? undefined : bandOf(data.bands, value);
    if (value === null || !band) {
      result.className = "bmi-result bmi-error";
      delete result.dataset.band;
      result.textContent = data.words.invalid;
      return;
    }
    result.className = "bmi-result";
    // One digit after the point, as the locale writes it ("27.4", "27,4").
    const sentences = [fill(data.words.result, { bmi: number(value, locale(), 1), band: band.label })];
    if (value >= data.reduce_from) sentences.push(data.words.above);
    const lower = form.elements.namedItem("lower");
    if (lower instanceof HTMLInputElement && lower.checked && value >= data.lower_from) sentences.push(data.words.lower);
    sentences.push(data.caveat);
    result.textContent = sentences.join(" ");
    result.dataset.band = band.label;
  });
}

onPage(() => fresh("[data-bmi]").forEach(mount));
