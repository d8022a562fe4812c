/**
 * The names of everything a copy of the guide keeps on the device: the guide's storage prefix
 * (data/site.yml `storage.prefix`, which every page names in <meta name="guide-storage">; see
 * shared/page.js `storage()`) and the site's path (`scope`, e.g. "/guide/"), so two copies on one
 * host keep apart what they can. They still share one origin's storage and keys: each clinic needs
 * its own origin (README, "For clinics"). The prefix never changes: phones already keep logs
 * under it.
 */

/** The log's IndexedDB database (sessions, check-ins, kept plans). @param {string} prefix @param {string} scope */
export const logDatabase = (prefix, scope) => `${prefix}:${scope}`;
/** The clinic's private key for signing plans, in IndexedDB. @param {string} prefix @param {string} scope */
export const keyDatabase = (prefix, scope) => `${prefix}-keys:${scope}`;
/** Small settings (voice, first side, the clinician's name), in localStorage. @param {string} prefix @param {string} scope */
export const settingsKey = (prefix, scope) => `${prefix}:${scope}:settings`;
/** A running session kept over a reload, in sessionStorage. @param {string} prefix @param {string} scope */
export const playerKey = (prefix, scope) => `${prefix}:${scope}:player`;
