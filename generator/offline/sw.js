/*
 * The guide's service worker: every file of the site is kept on the device after the first visit,
 * so the guide works with no signal. Written by the generator after each build: PRECACHE (above
 * this text) lists each file with a hash of its content and the version of the whole set.
 *
 * - Install: a new version copies unchanged files from the version in use (no network) and fetches
 *   only what changed, into a cache of its own. Nothing changes for open pages.
 * - It then waits: the page offers "A new version of this guide is ready", and only when the
 *   reader says so does it take over (never in the middle of a session in the player).
 * - Fetch: files of the site come from the cache, then the network; a page that was never saved
 *   leads to the offline page. Requests to other hosts are never made by the guide, and not touched.
 */
/* global PRECACHE */
const PREFIX = "guide:";
const SCOPE = self.registration.scope;
const CACHE = `${PREFIX}${SCOPE}:${PRECACHE.version}`;

/** @param {string} path */
const address = (path) => new URL(path, SCOPE).href;

/** The cache of the version in use (any other of ours), or undefined. */
async function previous() {
  const names = (await caches.keys()).filter((name) => name.startsWith(`${PREFIX}${SCOPE}:`) && name !== CACHE);
  return names.length ? caches.open(names[names.length - 1]) : undefined;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const old = await previous();
    const oldHashes = old ? await readHashes(old) : {};
    const todo = [];
    for (const [path, hash] of Object.entries(PRECACHE.files)) {
      const url = address(path);
      const kept = oldHashes[path] === hash && old ? await old.match(url) : undefined;
      if (kept) await cache.put(url, kept);
      else todo.push(url);
    }
    // A few at a time: a phone on a slow line should not open dozens of requests at once.
    for (let i = 0; i < todo.length; i += 6) {
      await Promise.all(todo.slice(i, i + 6).map(async (url) => {
        const response = await fetch(new Request(url, { cache: "reload", credentials: "same-origin" }));
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(url, response);
      }));
    }
    await cache.put(address("__hashes.json"), new Response(JSON.stringify(PRECACHE.files)));
  })());
});

/** @param {Cache} cache */
async function readHashes(cache) {
  const response = await cache.match(address("__hashes.json"));
  try {
    return response ? await response.json() : {};
  } catch {
    return {};
  }
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(`${PREFIX}${SCOPE}:`) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

/** The cache key of a request for a page: "x/" and "x/index.html" are the same page. */
function key(url) {
  const clean = new URL(url);
  clean.hash = "";
  clean.search = "";
  if (clean.pathname.endsWith("/index.html")) clean.pathname = clean.pathname.slice(0, -"index.html".length);
  return clean.href;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key(request.url));
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (error) {
      // A page never saved: go to the offline page, which links to everything that is saved and
      // offers to try this page again.
      if (request.mode === "navigate" && (await cache.match(address(PRECACHE.offline)))) {
        const offline = new URL(address(PRECACHE.offline));
        offline.searchParams.set("from", request.url);
        return Response.redirect(offline.href, 302);
      }
      throw error;
    }
  })());
});
