/**
 * The log on this device: one small module over IndexedDB, so the player, the progress page, the
 * morning check-in and kept plans all store the same way. Each copy of the guide keeps its own
 * database, named after the site's path, so two clinics' guides on one host never mix.
 *
 * Every record is checked (lib/records.js) before it is written and again when it is read back:
 * a damaged record is left out and counted, never fatal. Writes of several records (an import)
 * happen in one transaction: all or nothing. A browser that refuses storage (a private window)
 * or a full quota gives an error with a code the page turns into words; nothing else breaks.
 * Settings (voice, beeps, side) are small and live in localStorage, under the same site path.
 */
import { migrate, validateCheckin, validateSession } from "./lib/records.js";
import { logDatabase } from "./page.js";

/** The database's own schema version (its object stores), not the records' version. */
const DB_VERSION = 1;
const STORES = ["sessions", "checkins", "plans"];

/**
 * @typedef {import("./lib/records.js").Session} Session
 * @typedef {import("./lib/records.js").Checkin} Checkin
 * @typedef {import("./lib/records.js").Plan} Plan
 * @typedef {{sessions: Session[], checkins: Checkin[], plans: Plan[], damaged: number}} Contents
 */

export class StorageError extends Error {
  /** @param {"unavailable" | "quota" | "invalid" | "failed"} code @param {string} [detail] */
  constructor(code, detail = "") {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.code = code;
  }
}

/**
 * The site's path, from the way to its root that each page knows (`"../../"`), e.g. "/knee/".
 * @param {string} root
 * @returns {string}
 */
export function siteScope(root) {
  return new URL(root || "./", location.href).pathname;
}

/** @param {unknown} error @returns {StorageError} */
function asStorageError(error) {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError") return new StorageError("quota");
  if (name === "SecurityError" || name === "InvalidStateError") return new StorageError("unavailable", name);
  return new StorageError("failed", String(error));
}

/**
 * @template T
 * @param {IDBRequest<T>} request
 * @returns {Promise<T>}
 */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(asStorageError(request.error));
  });
}

/** @param {IDBTransaction} tx @returns {Promise<void>} */
function committed(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(asStorageError(tx.error));
    tx.onabort = () => reject(asStorageError(tx.error || new DOMException("aborted", "AbortError")));
  });
}

export class Log {
  /** @param {string} scope the site's path */
  constructor(scope) {
    this.scope = scope;
    this.name = logDatabase(scope);
    /** @type {Promise<IDBDatabase> | null} */
    this.opening = null;
  }

  /** @returns {Promise<IDBDatabase>} */
  open() {
    if (!this.opening) {
      this.opening = new Promise((resolve, reject) => {
        let request;
        try {
          if (typeof indexedDB === "undefined") throw new StorageError("unavailable", "no IndexedDB");
          request = indexedDB.open(this.name, DB_VERSION);
        } catch (error) {
          reject(asStorageError(error));
          return;
        }
        // Migrations of the object stores, one step per database version.
        request.onupgradeneeded = () => {
          const db = request.result;
          for (const store of STORES) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, { keyPath: "id" });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(asStorageError(request.error));
        request.onblocked = () => reject(new StorageError("unavailable", "blocked"));
      });
      this.opening.catch(() => { this.opening = null; });
    }
    return this.opening;
  }

  /** Ask the browser to keep the log when space runs low; true when it agrees. */
  async persist() {
    try {
      return Boolean(navigator.storage && navigator.storage.persist && (await navigator.storage.persist()));
    } catch {
      return false;
    }
  }

  /**
   * Check, then write one or more records in a single transaction (all or nothing).
   * @param {{sessions?: unknown[], checkins?: unknown[], plans?: unknown[]}} records
   */
  async write(records) {
    /** @type {[string, object][]} */
    const rows = [];
    for (const raw of records.sessions || []) rows.push(["sessions", checked(validateSession(raw))]);
    for (const raw of records.checkins || []) rows.push(["checkins", checked(validateCheckin(raw))]);
    for (const raw of records.plans || []) rows.push(["plans", checkedPlan(raw)]);
    const db = await this.open();
    /** @type {IDBTransaction | null} */
    let tx = null;
    try {
      tx = db.transaction(STORES, "readwrite");
      const finished = committed(tx);
      finished.catch(() => {});
      for (const [store, value] of rows) tx.objectStore(store).put(value);
      await finished;
    } catch (error) {
      // A put that throws part-way must not leave the earlier ones: all or nothing.
      try {
        if (tx) tx.abort();
      } catch {
        // already finished
      }
      throw asStorageError(error);
    }
  }

  /** @param {unknown} session */
  saveSession(session) {
    return this.write({ sessions: [session] });
  }

  /** @param {unknown} checkin */
  saveCheckin(checkin) {
    return this.write({ checkins: [checkin] });
  }

  /** @param {unknown} plan */
  savePlan(plan) {
    return this.write({ plans: [plan] });
  }

  /**
   * Everything stored, each record checked again; damaged ones are left out and counted.
   * @returns {Promise<Contents>}
   */
  async read() {
    const db = await this.open();
    try {
      const tx = db.transaction(STORES, "readonly");
      const [sessions, checkins, plans] = await Promise.all(STORES.map((store) => done(tx.objectStore(store).getAll())));
      let damaged = 0;
      /** @template T @param {unknown[]} rows @param {(x: unknown) => {ok: boolean, value?: T}} check @returns {T[]} */
      const keep = (rows, check) => rows.flatMap((row) => {
        const result = check(row);
        if (result.ok) return [/** @type {T} */ (result.value)];
        damaged++;
        return [];
      });
      return {
        sessions: keep(sessions, (row) => validateSession(migrateOr(row))),
        checkins: keep(checkins, (row) => validateCheckin(migrateOr(row))),
        plans: keep(plans, (row) => (isPlan(row) ? { ok: true, value: row } : { ok: false })),
        damaged,
      };
    } catch (error) {
      throw asStorageError(error);
    }
  }

  /** Delete the whole log of this copy of the guide. */
  async clear() {
    const db = await this.open();
    const tx = db.transaction(STORES, "readwrite");
    const finished = committed(tx);
    for (const store of STORES) tx.objectStore(store).clear();
    await finished;
  }
}

/** @param {unknown} row */
function migrateOr(row) {
  const result = migrate(row);
  return result.ok ? result.value : row;
}

/** @param {unknown} row @returns {row is Plan} */
function isPlan(row) {
  return typeof row === "object" && row !== null && typeof (/** @type {{id?: unknown}} */ (row)).id === "string";
}

/** @param {{ok: boolean, value?: any, error?: string, path?: string}} result */
function checked(result) {
  if (!result.ok) throw new StorageError("invalid", `${result.error} at ${result.path}`);
  return result.value;
}

/** @param {unknown} plan */
function checkedPlan(plan) {
  if (!isPlan(plan) || !/^[a-z0-9-]{1,64}$/.test(plan.id)) throw new StorageError("invalid", "plan id");
  return plan;
}

/**
 * Small settings of this copy of the guide (voice on, first side…), in localStorage. Reading a
 * setting never throws: a browser without storage just forgets.
 */
export class Settings {
  /** @param {string} scope */
  constructor(scope) {
    this.key = `knee-guide:${scope}:settings`;
  }

  /** @returns {Record<string, string | boolean>} */
  all() {
    try {
      const value = JSON.parse(localStorage.getItem(this.key) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch {
      return {};
    }
  }

  /** @param {string} name @param {string | boolean} value @returns {boolean} whether it was kept */
  set(name, value) {
    try {
      localStorage.setItem(this.key, JSON.stringify({ ...this.all(), [name]: value }));
      return true;
    } catch {
      return false;
    }
  }
}
