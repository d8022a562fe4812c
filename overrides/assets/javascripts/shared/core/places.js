/**
 * The names of everything a copy of the guide keeps on the device, each after the site's path
 * (`scope`, e.g. "/knee/"), so two copies on one host keep apart what they can. They still share
 * one origin's storage and keys: each clinic needs its own origin (README, "For clinics").
 */

/** The log's IndexedDB database (sessions, check-ins, kept plans). @param {string} scope */
export const logDatabase = (scope) => `knee-guide:${scope}`;
/** The clinic's private key for signing plans, in IndexedDB. @param {string} scope */
export const keyDatabase = (scope) => `knee-guide-keys:${scope}`;
/** Small settings (voice, first side, the clinician's name), in localStorage. @param {string} scope */
export const settingsKey = (scope) => `knee-guide:${scope}:settings`;
/** A running session kept over a reload, in sessionStorage. @param {string} scope */
export const playerKey = (scope) => `knee-guide:${scope}:player`;
