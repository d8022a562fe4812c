/**
 * The language menu keeps the reader on the page: every language's pages share their addresses
 * under its own root (the default at the site's root, others under /<code>/), so the link to
 * another language is that language's root plus this page's address under this one. The menu's
 * links are written that way for the page the browser loaded (overrides/partials/alternate.html);
 * here they follow the pages Material's instant navigation swaps in. Without scripts, the links
 * still open the page the reader first loaded, in the other language.
 */
import { onPage } from "../shared/page.js";

/** This language's root: this module is at <root>/assets/javascripts/app/languages.js. */
const ROOT = new URL("../../../", import.meta.url);

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

onPage(() => {
  for (const link of document.querySelectorAll("a[data-guide-language]")) {
    if (!(link instanceof HTMLAnchorElement)) continue;
    const target = new URL(link.dataset.guideLanguage || "./", ROOT);
    link.href = counterpart(new URL(location.href), ROOT, target);
  }
});
