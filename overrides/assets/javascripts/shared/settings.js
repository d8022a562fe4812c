/**
 * Small settings of this copy of the guide (voice on, first side, the clinician's name), in
 * localStorage under the site's path. Reading a setting never throws: a browser without storage
 * just forgets.
 */
import { settingsKey } from "./core/places.js";
import { storage } from "./page.js";

export class Settings {
  /** @param {string} scope the site's path */
  constructor(scope) {
    const names = storage();
    /** Where they are kept; null on a page that names no storage (nothing is kept). */
    this.key = names ? settingsKey(names.prefix, scope) : null;
  }

  /** @returns {Record<string, string | boolean>} */
  all() {
    try {
      const value = this.key ? JSON.parse(localStorage.getItem(this.key) || "{}") : {};
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch {
      return {};
    }
  }

  /** @param {string} name @param {string | boolean} value @returns {boolean} whether it was kept */
  set(name, value) {
    try {
      if (!this.key) return false;
      localStorage.setItem(this.key, JSON.stringify({ ...this.all(), [name]: value }));
      return true;
    } catch {
      return false;
    }
  }
}
