/**
 * The language menu keeps the reader on the page: every language's pages share their addresses
 * under its own root (the default at the site's root, others under /<code>/), so the link to
 * another language is that language's root plus this page's address under this one. The menu's
 * links are written that way for the page the browser loaded (overrides/partials/alternate.html);
 * here they follow the pages Material's instant navigation swaps in. Without scripts, the links
 * still open the page the reader first loaded, in the other language.
 *
 * A prescribed plan travels in the page's address (after #), in no language: on /my-plan/ the
 * links keep it, and when the reader's browser prefers another language the copy publishes, the
 * page offers the plan in that language ("This page in Español"), rather than switching by itself.
 */
import { onPage } from "../shared/page.js";
import { counterpart, preferredOther } from "./core/languages.js";

/** This language's root: this module is at <root>/assets/javascripts/app/languages.js. */
const ROOT = new URL("../../../", import.meta.url);

/**
 * A link to another language (the menu's, the plan's offer) is followed by the browser, as a new
 * page: another language is another build (its own search, scripts and worker). Material's own
 * language handling would take the click (it reads the page's hreflang links as language homes
 * with a sitemap beside each; ours are this page's counterparts) and open the page without what
 * follows its # (a plan). The click stops here, before Material's listeners on the body.
 */
document.addEventListener(
  "click",
  (event) => {
    if (event.target instanceof Element && event.target.closest("a[hreflang]")) event.stopPropagation();
  },
  true,
);

onPage(() => {
  const plan = document.querySelector("[data-my-plan]") !== null;
  /** @type {HTMLAnchorElement[]} */
  const links = [];
  for (const link of document.querySelectorAll("a[data-guide-language]")) {
    if (!(link instanceof HTMLAnchorElement)) continue;
    const target = new URL(link.dataset.guideLanguage || "./", ROOT);
    link.href = counterpart(new URL(location.href), ROOT, target) + (plan ? location.hash : "");
    links.push(link);
  }
  const offer = document.querySelector("[data-plan-language]");
  if (!(offer instanceof HTMLElement) || !plan) return;
  const other = preferredOther(navigator.languages || [navigator.language], document.documentElement.lang, links.map((l) => l.hreflang));
  const link = links.find((l) => l.hreflang === other);
  if (!link) return;
  const [before, after] = (offer.dataset.planLanguage || "{language}").split("{language}");
  const a = Object.assign(document.createElement("a"), { href: link.href, hreflang: link.hreflang, lang: link.hreflang, textContent: link.textContent?.trim() || "" });
  offer.replaceChildren(before, a, after ?? "");
  offer.hidden = false;
});
