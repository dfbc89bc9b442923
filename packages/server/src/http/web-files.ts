/*
 * How the server hands out the built web app (packages/web/dist): caching per kind of file, and
 * which addresses the client-side routes' fallback to index.html must leave alone.
 */

/** Vite's bundles: the name carries a hash of the content, so it can be kept for good. */
const HASHED = 'public, max-age=31536000, immutable';
/**
 * Everything else (index.html, the manifest, icons, and above all the service worker `sw.js`)
 * is asked again on every use (answered by a 304 when unchanged), so a new build shows at once
 * and the browser notices a new service worker on the next visit.
 */
const REVALIDATE = 'no-cache';

/** The Cache-Control of a built file, by its path relative to the build folder. */
export function webCacheControl(relativePath: string): string {
  const path = relativePath.replaceAll('\\', '/');
  return path.startsWith('assets/') ? HASHED : REVALIDATE;
}

/**
 * Whether an address names a file (its last segment has an extension, as in `/sw.js` or
 * `/assets/index-abc.js`) rather than a page of the app. A missing file answers 404: the
 * fallback's index.html in its place would be cached as a script or an icon.
 */
export function namesFile(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}
