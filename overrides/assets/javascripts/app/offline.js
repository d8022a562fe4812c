/**
 * The offline page: the service worker sends here a page it never saved, naming that page in
 * `?from=`. Once there is a connection again, a button goes back to it (only within this guide).
 */
import { onPage, fresh } from "../shared/page.js";

onPage(() => {
  for (const retry of fresh("[data-offline-retry]")) {
    const wanted = new URLSearchParams(location.search).get("from");
    if (!wanted) continue;
    const root = new URL("../", location.href);
    let target;
    try {
      target = new URL(wanted, root);
    } catch {
      continue;
    }
    if (target.origin !== root.origin || !target.pathname.startsWith(root.pathname)) continue;
    const link = retry.querySelector("a");
    if (!link) continue;
    link.href = target.href;
    retry.hidden = false;
  }
});
