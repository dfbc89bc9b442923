/*
 * The Veche service worker: it makes the councillor app installable and lets it open without a
 * network (a phone in a council chamber's basement, a tablet on a weak link). It keeps the app
 * shell only, that is the built page, its hashed bundles, the icons and the manifest, and never
 * anything the server says about a council: sittings, votes, the user are always asked of the
 * server, and the app itself says when the server cannot be reached.
 *
 * Written by hand, on purpose. vite-plugin-pwa and Workbox are not in our dependency set, and
 * an app-shell cache needs about a hundred lines; a library would bring far more code (routing,
 * strategies, expiration, a generated worker) than we would use, to audit and keep up to date.
 *
 * How it fits together:
 * - `sw-routing.ts` decides what to do with each request (pure, tested in the `web` tier).
 * - The build (`precacheServiceWorker` in `vite.config.ts`) bundles this file with it into
 *   `dist/sw.js`, a classic script (no imports left, so every browser can run it), and writes in
 *   `__VECHE_PRECACHE__`: the shell's paths and a cache name from a hash of their content.
 *   A new build therefore changes `sw.js`, which the browser notices on its next visit; the
 *   server sends `sw.js` with `Cache-Control: no-cache`, so no HTTP cache hides the change.
 * - `register-service-worker.ts` registers it, in production builds only.
 *
 * Life cycle: `install` stores the whole shell in the build's cache (all or nothing: if one file
 * fails, the worker is not installed and the previous one goes on serving), then takes over at
 * once (`skipWaiting`): the shell is only ever read whole from one cache, so a page that started
 * on the old build loses nothing. `activate` deletes the caches of older builds and takes
 * control of open pages, which then offer a reload (`app-update.ts`).
 */
import { APP_SHELL_URL, isHashedAsset, isStorable, routeRequest, staleCaches } from './sw-routing';

/** Written in by the build: the cache of this build and the paths it holds. */
interface PrecacheBuild {
  readonly cache: string;
  readonly paths: readonly string[];
}
declare const __VECHE_PRECACHE__: PrecacheBuild;

/*
 * The worker's own types. The web package is type-checked with the DOM library, which lacks
 * them, and the WebWorker library cannot be added beside it; these are the few members we use.
 */
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: ExtendableEventLike) => void,
  ): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

const worker = self as unknown as WorkerScope;
const BUILD = __VECHE_PRECACHE__;
const PRECACHED: ReadonlySet<string> = new Set(BUILD.paths);

/**
 * How long a page's network answer may take before the stored shell is served instead. On a
 * weak link a request can hang far longer than it fails; the stored shell is this very build,
 * and the app then loads its data (or says it cannot) on its own.
 */
const NAVIGATION_TIMEOUT_MS = 6_000;

worker.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(staleCaches(names, BUILD.cache).map((name) => caches.delete(name))),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const route = routeRequest(event.request, worker.location.origin, PRECACHED);
  switch (route) {
    case 'passthrough':
      // No respondWith: the browser fetches it as if there were no worker (the API, writes).
      return;
    case 'navigation':
      event.respondWith(networkFirst(event.request));
      return;
    case 'precached':
      event.respondWith(cacheFirst(event.request));
      return;
  }
});

async function precache(): Promise<void> {
  const cache = await caches.open(BUILD.cache);
  // Unhashed files (the page, the manifest, icons) bypass the HTTP cache, so that what is stored
  // is what this build serves; a hashed bundle may come from the HTTP cache, as it cannot differ.
  await cache.addAll(
    BUILD.paths.map(
      (path) => new Request(path, { cache: isHashedAsset(path) ? 'default' : 'reload' }),
    ),
  );
}

/**
 * A page: from the network, so that a new build shows at once; the stored shell when the
 * network fails, takes too long, or a proxy answers that the server is down (5xx). A stored
 * page is never refreshed from a navigation: it must match the bundles stored beside it.
 */
async function networkFirst(request: Request): Promise<Response> {
  const network = fetch(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), NAVIGATION_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([network, timeout]);
    if (answer !== 'timeout' && answer.status < 500) return answer;
  } catch {
    // Offline, or the connection failed: the stored shell below.
  } finally {
    clearTimeout(timer);
  }
  const shell = await caches.match(APP_SHELL_URL, { cacheName: BUILD.cache });
  // Without a stored shell (the cache was cleared) the network's answer is all there is.
  return shell ?? network;
}

/** A file of the shell: from the cache, else from the network (and then stored). */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(BUILD.cache);
  const stored = await cache.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (isStorable(response)) await cache.put(request, response.clone());
  return response;
}
