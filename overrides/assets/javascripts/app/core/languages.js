/**
 * Which page, in which language: every language's pages share their addresses under its own root,
 * so a page's counterpart is the other root plus this page's address; and the reader's preferred
 * language, among those a copy publishes. No DOM: app/languages.js uses these on the page.
 */

/**
 * The address of the page at `here` in the language whose root is `target` (both absolute), or
 * that language's home when `here` is outside this language's root.
 * @param {URL} here @param {URL} root @param {URL} target
 * @returns {string}
 */
export function counterpart(here, root, target) {
  const path = here.pathname.startsWith(root.pathname) ? here.pathname.slice(root.pathname.length) : "";
  return new URL(path, target).href;
}

/**
 * The first of the reader's languages the copy publishes, when it is not the page's; else null.
 * @param {readonly string[]} preferred the browser's languages, most wanted first
 * @param {string} page the page's language
 * @param {readonly string[]} published
 * @returns {string | null}
 */
export function preferredOther(preferred, page, published) {
  const base = (/** @type {string} */ tag) => tag.toLowerCase().split("-")[0];
  for (const tag of preferred) {
    if (base(tag) === base(page)) return null;
    const found = published.find((code) => base(code) === base(tag));
    if (found) return found;
  }
  return null;
}
