/**
 * The log on this device: one module over IndexedDB, so the player, the progress page, the
 * morning check-in, the ladder and kept plans all store the same way. Each copy of the guide keeps
 * its own database, named after the site's path (shared/core/places.js).
 *
 * One connection per page: `logOf(scope)` gives every widget of the page the same Log, which
 * opens the database once and keeps it open. When another tab upgrades the database (a newer
 * version of the guide), this page closes its connection at once, so the upgrade is never held up,
 * and tells the reader to reload (shared/versions.js); until then the log answers "unavailable".
 * Reading a log that was never kept creates nothing: the answer is an empty log.
 *
 * Every record is checked (core/records.js) before it is written and again when it is read back:
 * a damaged record is left out and counted, never fatal. Writes of several records (an import)
 * happen in one transaction: all or nothing. A browser that refuses storage (a private window)
 * or a full quota gives an error with a code the page turns into words; nothing else breaks.
 */
import { logDatabase } from "../shared/core/places.js";
import { openDatabase } from "../shared/idb.js";
import { storage } from "../shared/page.js";
import { askToReload } from "../shared/versions.js";
import { migrate, validateCheckin, validatePlan, validateSession } from "./core/records.js";

/** The database's own schema version (its object stores), not the records' version. */
const DB_VERSION = 1;
const STORES = ["sessions", "checkins", "plans"];

/**
 * @typedef {import("./core/records.js").Session} Session
 * @typedef {import("./core/records.js").Checkin} Checkin
 * @typedef {import("./core/records.js").Plan} Plan
 * @typedef {{sessions: Session[], checkins: Checkin[], plans: Plan[], damaged: number}} Contents
 */

export class StorageError extends Error {
  /** @param {"unavailable" | "quota" | "invalid" | "failed"} code @param {string} [detail] */
  constructor(code, detail = "") {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.code = code;
  }
}

/** @param {unknown} error @returns {StorageError} */
function asStorageError(error) {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError") return new StorageError("quota");
  if (name === "SecurityError" || name === "InvalidStateError" || name === "VersionError") return new StorageError("unavailable", name);
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

/** @param {IDBDatabase} db */
function makeStores(db) {
  for (const store of STORES) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, { keyPath: "id" });
}

/** @returns {Contents} */
const empty = () => ({ sessions: [], checkins: [], plans: [], damaged: 0 });

class Log {
  /** @param {string} scope the site's path */
  constructor(scope) {
    const names = storage();
    /** The database's name; "" on a page that names no storage (the log is then unavailable). */
    this.name = names ? logDatabase(names.prefix, scope) : "";
    /** @type {Promise<IDBDatabase> | null} the open connection, once there is one */
    this.connection = null;
    /** The last attempt to open it. @type {Promise<IDBDatabase | null>} */
    this.pending = Promise.resolve(null);
    /** Another tab upgraded the database: this page must reload to use it. */
    this.upgraded = false;
  }

  /**
   * The page's connection, opened once (attempts one after another, so two widgets asking at once
   * share one); with `create` false, null when there is no log.
   * @param {boolean} create
   * @returns {Promise<IDBDatabase | null>}
   */
  open(create) {
    if (this.connection) return this.connection;
    const attempt = this.pending.catch(() => null).then(async () => {
      if (this.upgraded) throw new StorageError("unavailable", "upgraded in another tab");
      if (!this.name) throw new StorageError("unavailable", "this page names no storage");
      if (this.connection) return this.connection;
      let db;
      try {
        db = await openDatabase(this.name, DB_VERSION, makeStores, create);
      } catch (error) {
        // The database is newer than this page's code (a newer version of the guide upgraded it).
        if (error instanceof DOMException && error.name === "VersionError") this.gaveWay();
        throw asStorageError(error);
      }
      if (db) this.keep(db);
      return db;
    });
    this.pending = attempt;
    return attempt;
  }

  /** Keep a connection for the page, and give it up when the database changes under it. @param {IDBDatabase} db */
  keep(db) {
    const connection = Promise.resolve(db);
    this.connection = connection;
    db.onversionchange = (event) => {
      db.close();
      if (this.connection === connection) this.connection = null;
      // Deleted (newVersion null): a later write starts a new log. Upgraded: only newer code can use it.
      if (event.newVersion !== null) this.gaveWay();
    };
    db.onclose = () => {
      if (this.connection === connection) this.connection = null; // the browser closed it (storage cleared)
    };
  }

  /** The log is a newer version's now: this page must reload to use it. */
  gaveWay() {
    this.upgraded = true;
    askToReload("log");
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
    for (const raw of records.plans || []) rows.push(["plans", checked(validatePlan(raw))]);
    const db = /** @type {IDBDatabase} */ (await this.open(true));
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
   * Everything stored, each record checked again; damaged ones are left out and counted. A log
   * never kept reads as empty, and stays never kept.
   * @returns {Promise<Contents>}
   */
  async read() {
    const db = await this.open(false);
    if (!db) return empty();
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
        plans: keep(plans, (row) => validatePlan(row)),
        damaged,
      };
    } catch (error) {
      throw asStorageError(error);
    }
  }

  /** Delete the whole log of this copy of the guide (nothing to do when there is none). */
  async clear() {
    const db = await this.open(false);
    if (!db) return;
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

/** @param {{ok: boolean, value?: any, error?: string, path?: string}} result */
function checked(result) {
  if (!result.ok) throw new StorageError("invalid", `${result.error} at ${result.path}`);
  return result.value;
}

/** One Log per site path on this page, so every widget shares one connection. @type {Map<string, Log>} */
const logs = new Map();

/**
 * This page's log of the copy of the guide at `scope`.
 * @param {string} scope the site's path (shared/page.js siteScope)
 * @returns {Log}
 */
export function logOf(scope) {
  let log = logs.get(scope);
  if (!log) {
    log = new Log(scope);
    logs.set(scope, log);
  }
  return log;
}

/** @typedef {Log} LogStore */
