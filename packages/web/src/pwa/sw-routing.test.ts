import { describe, expect, it } from 'vitest';
import {
  cacheNameFor,
  isServerPath,
  isStorable,
  precachePaths,
  routeRequest,
  staleCaches,
  type RequestFacts,
} from './sw-routing';

const ORIGIN = 'https://veche.example';
const SHELL = new Set(['/index.html', '/assets/index-abc123.js', '/icons/icon-192.png']);

const request = (path: string, overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  method: 'GET',
  url: path.startsWith('http') ? path : `${ORIGIN}${path}`,
  mode: 'cors',
  ...overrides,
});
const route = (path: string, overrides: Partial<RequestFacts> = {}) =>
  routeRequest(request(path, overrides), ORIGIN, SHELL);

describe('which requests the service worker answers', () => {
  it('answers pages of the app network first, whatever their address', () => {
    for (const path of ['/', '/sittings/1/live', '/public/sittings/2', '/nowhere?x=1'])
      expect(route(path, { mode: 'navigate' }), path).toBe('navigation');
  });

  it('answers the shell’s files from the cache', () => {
    expect(route('/assets/index-abc123.js')).toBe('precached');
    expect(route('/index.html')).toBe('precached');
    expect(route('/icons/icon-192.png', { mode: 'no-cors' })).toBe('precached');
  });

  it('never touches the API, the live socket or the health check, even when navigated to', () => {
    for (const path of [
      '/api/me',
      '/api/live',
      '/api/sittings/1/commands',
      '/api/docs',
      '/api',
      '/API/me',
      '/%61pi/me',
      '/health',
    ]) {
      expect(route(path), path).toBe('passthrough');
      expect(route(path, { mode: 'navigate' }), path).toBe('passthrough');
    }
    // A path that only starts like the API is a page.
    expect(route('/apiary', { mode: 'navigate' })).toBe('navigation');
  });

  it('never answers a write, even to a file of the shell', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']) {
      expect(route('/index.html', { method }), method).toBe('passthrough');
      expect(route('/', { method, mode: 'navigate' }), method).toBe('passthrough');
    }
  });

  it('leaves other origins, unknown files and queried files to the network', () => {
    expect(route('https://cdn.example/assets/index-abc123.js')).toBe('passthrough');
    expect(route('https://cdn.example/', { mode: 'navigate' })).toBe('passthrough');
    expect(route('/assets/index-other.js')).toBe('passthrough');
    expect(route('/assets/index-abc123.js?v=2')).toBe('passthrough');
    expect(route('/', { url: 'not a url' })).toBe('passthrough');
  });

  it('takes a malformed escape for the server’s', () => {
    expect(isServerPath('/%E0%A4%A')).toBe(true);
    expect(isServerPath('/sittings')).toBe(false);
  });
});

describe('what the build precaches', () => {
  it('keeps the page, bundles and public files, as sorted absolute paths, once each', () => {
    expect(
      precachePaths([
        'index.html',
        'assets/index-abc123.js',
        'assets/index-abc123.js.map',
        'assets/index-def456.css',
        'sw.js',
        '.vite/manifest.json',
        'icons\\icon-192.png',
        'manifest.webmanifest',
        'index.html',
      ]),
    ).toEqual([
      '/assets/index-abc123.js',
      '/assets/index-def456.css',
      '/icons/icon-192.png',
      '/index.html',
      '/manifest.webmanifest',
    ]);
  });

  it('deletes only older caches of its own', () => {
    const current = cacheNameFor('2222');
    expect(current).toBe('veche-shell-2222');
    expect(
      staleCaches(['veche-shell-1111', current, 'someone-elses', 'veche-shell-0000'], current),
    ).toEqual(['veche-shell-1111', 'veche-shell-0000']);
  });

  it('stores only complete, successful answers of its own origin', () => {
    const answer = { ok: true, status: 200, type: 'basic', redirected: false };
    expect(isStorable(answer)).toBe(true);
    expect(isStorable({ ...answer, ok: false, status: 404 })).toBe(false);
    expect(isStorable({ ...answer, status: 206 })).toBe(false);
    expect(isStorable({ ...answer, type: 'opaque' })).toBe(false);
    expect(isStorable({ ...answer, redirected: true })).toBe(false);
  });
});
