/**
 * Opening an IndexedDB database the way every store of the guide does. "blocked" (another tab
 * still holds an older version open) is waiting, not failure: that tab is told to close
 * (`versionchange`) and the open goes on once it has. With `create` false, a database that does
 * not exist is not made: the upgrade that would make it is aborted, which leaves no database
 * behind, and the answer is null (reading a log that was never kept keeps nothing).
 */

/**
 * @param {string} name
 * @param {number} version
 * @param {(db: IDBDatabase, oldVersion: number) => void} upgrade makes the object stores, one
 *   step per version
 * @param {boolean} create whether to make the database when there is none
 * @returns {Promise<IDBDatabase | null>} null only when `create` is false and there is none
 */
export function openDatabase(name, version, upgrade, create) {
  return new Promise((resolve, reject) => {
    /** @type {IDBOpenDBRequest} */
    let request;
    try {
      if (typeof indexedDB === "undefined") throw new DOMException("no IndexedDB", "InvalidStateError");
      request = indexedDB.open(name, version);
    } catch (error) {
      reject(error);
      return;
    }
    let absent = false;
    request.onupgradeneeded = (event) => {
      if (!create && event.oldVersion === 0) {
        absent = true;
        /** @type {IDBTransaction} */ (request.transaction).abort();
        return;
      }
      upgrade(request.result, event.oldVersion);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (absent ? resolve(null) : reject(request.error));
    request.onblocked = () => {
      // Another tab has the database open at an older version; it closes on `versionchange`.
    };
  });
}
