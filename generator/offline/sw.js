/*
 * The guide's service worker: every file of the site is kept on the device after the first visit,
 * so the guide works with no signal. Written by the generator after each build: PRECACHE (above
 * this text) lists each file with a hash of its content and the version of the whole set.
 *
 * - Install: a new version copies unchanged files from the newest complete version on the device
 *   (no network) and fetches only what changed, into a cache of its own. Its list of hashes is
 *   written last: only a cache that has it is complete. An install that fails removes its cache,
 *   and one cut short (the browser closed) is removed by the next: a half-filled cache is never
 *   taken as a version to copy from. Nothing changes for open pages.
 * - It then waits: the page offers "A new version of this guide is ready", and only when the
 *   reader says so does it take over (never in the middle of a session in the player). Other open
 *   tabs then know their page is older than the files (app/app.js) and reload before loading more.
 * - Fetch: files of the site come from the cache, then the network; a page that was never saved
 *   leads to the offline page. Requests to other hosts are never made by the guide, and not touched.
 */
/* global PRECACHE */
const PREFIX = "guide:";
const SCOPE = self.registration.scope;
const OURS = `${PREFIX}${SCOPE}:`;
const CACHE = `${OURS}${PRECACHE.version}`;
/** The list of hashes, written last: the mark of a complete cache. */
const HASHES = "__hashes.json";

/** @param {string} path */
const address = (path) => new URL(path, SCOPE).href;

/** @param {Cache} cache */
const complete = async (cache) => (await cache.match(address(HASHES))) !== undefined;

/** The names of this scope's caches (a copy of the guide at another path has its own). */
async function ours() {
  return (await caches.keys()).filter((name) => name.startsWith(OURS));
}

/** Removes every cache of ours that an earlier install left half-filled; answers the complete ones. */
async function completeCaches() {
  const kept = [];
  for (const name of await ours()) {
    if (await complete(await caches.open(name))) kept.push(name);
    else await caches.delete(name);
  }
  return kept;
}

/** The newest complete cache of another version (the one in use, or one installed since), or undefined. */
async function previous() {
  const names = (await completeCaches()).filter((name) => name !== CACHE);
  return names.length ? caches.open(names[names.length - 1]) : undefined;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const old = await previous();
    const cache = await caches.open(CACHE);
    if (await complete(cache)) return;
    try {
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
      await cache.put(address(HASHES), new Response(JSON.stringify(PRECACHE.files)));
    } catch (error) {
      await caches.delete(CACHE); // half-filled: never to be copied from
      throw error;
    }
  })());
});

/** @param {Cache} cache */
async function readHashes(cache) {
  const response = await cache.match(address(HASHES));
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
    await Promise.all((await ours()).filter((name) => name !== CACHE).map((name) => caches.delete(name)));
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
  // Another language's pages, under this scope: its own worker keeps and serves them.
  if (PRECACHE.elsewhere.some((folder) => request.url.startsWith(address(folder)))) return;
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
