/**
 * Saving a file made on this device (a log, a calendar of reminders): a Blob handed to an
 * <a download>, so nothing is sent anywhere. The object URL is released once the download has
 * surely started.
 */
import { el } from "./page.js";

/** How long a download's object URL is kept before it is released. */
const RELEASE_MS = 60000;

/**
 * @param {Blob} blob
 * @param {string} name the file's name, with its extension
 */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name, hidden: "" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_MS);
}
