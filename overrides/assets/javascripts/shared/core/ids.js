/**
 * A new record's id (a session, a check-in): a random UUID, as lower-case hex and hyphens, which
 * log/core/records.js accepts; made on the device, so two devices never need to agree on a counter.
 */

/** @returns {string} */
export function newId() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
