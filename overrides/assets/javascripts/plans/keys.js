/**
 * Signing plans on the builder (/prescribe/): the clinic's private key (a PEM file made by `guide
 * clinic-key`) is imported once as a non-extractable CryptoKey, checked against the site's public
 * key, and kept in this browser's IndexedDB (its own small database, shared/core/places.js) until
 * "forget the key". The panel says whether plans made now are signed.
 */
import { keyDatabase } from "../shared/core/places.js";
import { openDatabase } from "../shared/idb.js";
import { el, siteScope, storage } from "../shared/page.js";
import { importPrivateKey, importPublicKey, signPayload, verifyPayload } from "./core/plan.js";

/**
 * @typedef {import("./sheet.js").PlanPage} PlanPage
 */

/** The key database: one store, one entry. */
const KEY_DB_VERSION = 1;
const KEY_STORE = "keys";
const KEY_NAME = "clinic";
/** Random bytes signed to check that a private key belongs to the site's public key. */
const PROBE_BYTES = 16;

/** The clinic's private key, kept in this browser only (IndexedDB holds the CryptoKey itself). */
class KeyStore {
  /** @param {string} scope the site's path */
  constructor(scope) {
    const names = storage();
    /** The database's name; "" on a page that names no storage (nothing is kept). */
    this.name = names ? keyDatabase(names.prefix, scope) : "";
  }

  /**
   * One request in one transaction; the database is closed after it, so nothing stays open.
   * @param {IDBTransactionMode} mode @param {(store: IDBObjectStore) => IDBRequest} act
   * @returns {Promise<any>}
   */
  async run(mode, act) {
    if (!this.name) throw new DOMException("this page names no storage", "InvalidStateError");
    const db = /** @type {IDBDatabase} */ (await openDatabase(this.name, KEY_DB_VERSION, (made) => made.createObjectStore(KEY_STORE), true));
    return new Promise((resolve, reject) => {
      try {
        const tx = db.transaction(KEY_STORE, mode);
        const request = act(tx.objectStore(KEY_STORE));
        tx.oncomplete = () => { db.close(); resolve(request.result); };
        tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
      } catch (error) {
        db.close();
        reject(error);
      }
    });
  }

  /** @returns {Promise<CryptoKey | null>} */
  async get() {
    const key = await this.run("readonly", (store) => store.get(KEY_NAME));
    return key instanceof CryptoKey ? key : null;
  }

  /** @param {CryptoKey} key */
  put(key) {
    return this.run("readwrite", (store) => store.put(key, KEY_NAME));
  }

  remove() {
    return this.run("readwrite", (store) => store.delete(KEY_NAME));
  }
}

/**
 * Whether the private key signs what the site's public key verifies (the clinic's own key).
 * @param {CryptoKey} privateKey @param {CryptoKey} publicKey
 */
async function matches(privateKey, publicKey) {
  try {
    const probe = Array.from(crypto.getRandomValues(new Uint8Array(PROBE_BYTES)), (b) => b.toString(16).padStart(2, "0")).join("");
    return await verifyPayload(publicKey, probe, await signPayload(privateKey, probe));
  } catch {
    return false;
  }
}

/** The key panel: load, keep and forget the clinic's key; `key` is the one plans are signed with now. */
export class KeyPanel {
  /**
   * @param {PlanPage} data
   * @param {string} id a unique id for the file field
   * @param {() => void} changed called when the key changes (a link made before no longer says what now would)
   */
  constructor(data, id, changed) {
    this.data = data;
    this.words = data.words;
    this.changed = changed;
    this.keys = new KeyStore(siteScope(data.root));
    /** @type {CryptoKey | null} */
    this.key = null;
    /** The site's public key (null for a guide without one, or a broken one). */
    this.publicKey = data.public_key ? importPublicKey(data.public_key) : Promise.resolve(null);
    const w = this.words;
    this.element = el("section", { class: "rx-section rx-key" });
    this.element.append(el("h2", {}, w.key_title), el("p", {}, w.key_intro));
    this.say = this.element.appendChild(el("p", { class: "rx-key-status", role: "status" }));
    const actions = this.element.appendChild(el("div", { class: "rx-key-actions" }));
    this.load = actions.appendChild(el("p", { class: "rx-file" }));
    this.file = /** @type {HTMLInputElement} */ (el("input", { type: "file", id, accept: ".pem,.key,.txt,application/x-pem-file" }));
    this.load.append(el("label", { for: id }, w.key_load), this.file);
    this.forget = /** @type {HTMLButtonElement} */ (actions.appendChild(el("button", { type: "button", class: "md-button rx-button" }, w.key_forget)));
    this.file.addEventListener("change", () => this.onFile());
    this.forget.addEventListener("click", () => this.onForget());
    this.show(null);
    /** The stored key, looked up once; a link made before it is found waits for it. */
    this.loaded = this.loadStored();
  }

  /** @param {string | null} message what just happened, before the key's state */
  show(message) {
    const w = this.words;
    const site = Boolean(this.data.public_key);
    const state = !site ? w.key_site_none : this.key ? w.key_loaded : w.key_none;
    this.say.textContent = message ? `${message} ${state}` : state;
    this.load.hidden = !site || Boolean(this.key);
    this.forget.hidden = !this.key;
  }

  async loadStored() {
    const publicKey = await this.publicKey;
    if (!publicKey) return;
    try {
      const stored = await this.keys.get();
      // A key stored for an earlier public key of this site no longer signs for it.
      if (stored && (await matches(stored, publicKey))) this.key = stored;
    } catch {} // storage refused: no key kept
    this.show(null);
  }

  async onFile() {
    const input = this.file;
    const file = input.files && input.files[0];
    input.value = "";
    const publicKey = await this.publicKey;
    if (!file) return;
    let key = null;
    try {
      key = await importPrivateKey(await file.text(), false);
    } catch {} // unreadable: refused below
    if (!key || !publicKey || !(await matches(key, publicKey))) {
      this.show(this.words.key_bad);
      return;
    }
    this.key = key;
    this.changed();
    try {
      await this.keys.put(key);
      this.show(null);
    } catch {
      this.show(this.words.key_not_kept);
    }
  }

  async onForget() {
    this.key = null;
    this.changed();
    try {
      await this.keys.remove();
    } catch {} // nothing was kept
    this.show(this.words.key_forgotten);
    this.file.focus();
  }
}
