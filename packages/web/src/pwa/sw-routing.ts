/**
 * What the service worker does with a request, and which built files it keeps, as pure
 * functions: the worker (`service-worker.ts`) and the build (`vite.config.ts`) both use them,
 * and `sw-routing.test.ts` checks them without a browser.
 */

/**
 * - `passthrough`: the worker stays out of it (no `respondWith`), so the browser fetches as if
 *   there were no worker. The API, the live WebSocket, other origins and every write land here.
 * - `navigation`: a page of the app. Network first; the precached `index.html` when the network
 *   fails, so the app opens offline and says itself that the server cannot be reached.
 * - `precached`: a file of the app shell. Cache first: hashed names never change content.
 */
export type SwRoute = 'passthrough' | 'navigation' | 'precached';

/** The parts of a `Request` the decision needs (a real `Request` has them). */
export interface RequestFacts {
  readonly method: string;
  readonly url: string;
  readonly mode: string;
}

/** The offline page of every navigation: the app itself, which routes on the client. */
export const APP_SHELL_URL = '/index.html';

/**
 * Addresses the server answers itself, never the app: the API (the live WebSocket `/api/live`
 * included; a WebSocket never reaches a service worker, but its path is excluded all the same)
 * and the health check. Compared after percent-decoding and in lower case, so that `/%61pi/` or
 * `/API/` cannot slip into the cache either.
 */
export function isServerPath(pathname: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(pathname).toLowerCase();
  } catch {
    // A malformed escape: not a page of ours; let the server answer it.
    return true;
  }
  return path === '/api' || path.startsWith('/api/') || path === '/health';
}

/**
 * Decides how the worker of `origin` (e.g. `https://veche.example`) handles a request.
 * `precached` holds the shell's paths (`/index.html`, `/assets/index-abc123.js`, ...).
 */
export function routeRequest(
  request: RequestFacts,
  origin: string,
  precached: ReadonlySet<string>,
): SwRoute {
  // Votes, sign-ins and every other write go to the server, never to a cache.
  if (request.method !== 'GET') return 'passthrough';
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return 'passthrough';
  }
  if (url.origin !== origin) return 'passthrough';
  if (isServerPath(url.pathname)) return 'passthrough';
  if (request.mode === 'navigate') return 'navigation';
  // A query makes it another resource (the shell's files are requested without one).
  if (url.search === '' && precached.has(url.pathname)) return 'precached';
  return 'passthrough';
}

/**
 * Which files of the build the worker precaches, as absolute paths: the page, the hashed
 * bundles and the public files (icons, manifest). Left out: the worker itself (the browser
 * fetches and compares it on its own), source maps, and Vite's own `.vite/` metadata.
 */
export function precachePaths(files: readonly string[]): string[] {
  return [
    ...new Set(
      files
        .map((file) => file.replaceAll('\\', '/').replace(/^\/+/, ''))
        .filter(
          (file) =>
            file !== '' &&
            file !== SERVICE_WORKER_FILE &&
            !file.endsWith('.map') &&
            !file.startsWith('.') &&
            !file.includes('/.'),
        )
        .map((file) => `/${file}`),
    ),
  ].sort();
}

/**
 * Vite's bundles: their names carry a hash of their content, so a stored copy is never stale and
 * the worker may take the one the browser already holds in its HTTP cache.
 */
export function isHashedAsset(path: string): boolean {
  return path.startsWith('/assets/');
}

/** The worker's file in the build, served at `/sw.js` so that its scope is the whole site. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Every cache this app's workers make starts with it; others on the origin are not ours. */
export const CACHE_PREFIX = 'veche-shell-';

/** The cache of one build: its name changes whenever a precached file's content changes. */
export function cacheNameFor(contentHash: string): string {
  return `${CACHE_PREFIX}${contentHash}`;
}

/** The caches an activated worker deletes: older builds of ours, nothing else. */
export function staleCaches(existing: readonly string[], current: string): string[] {
  return existing.filter((name) => name.startsWith(CACHE_PREFIX) && name !== current);
}

/**
 * Whether a network answer may replace or fill a cache entry: a complete, successful,
 * same-origin answer only (never an error page, a redirect or an opaque response).
 */
export function isStorable(response: {
  readonly ok: boolean;
  readonly status: number;
  readonly type: string;
  readonly redirected: boolean;
}): boolean {
  return (
    response.ok && response.status === 200 && response.type === 'basic' && !response.redirected
  );
}
