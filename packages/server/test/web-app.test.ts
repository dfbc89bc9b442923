import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The installable app as the built server hands it out: the web app manifest with its icons,
 * the service worker, and how each is cached. Needs `npm run build` (the web app in dist/).
 */

let veche: RunningVeche;

beforeAll(async () => {
  veche = await startVeche();
});

afterAll(async () => {
  await veche?.stop();
});

const get = (path: string): Promise<Response> => fetch(new URL(path, veche.url));

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

describe('the web app manifest', () => {
  it('is linked from the page and served as application/manifest+json', async () => {
    const page = await (await get('/')).text();
    expect(page).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(page).toContain('<meta name="theme-color" content="#173f5f"');
    expect(page).toMatch(/<link rel="apple-touch-icon" href="\/icons\/apple-touch-icon.png"/);

    const response = await get('/manifest.webmanifest');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'Veche',
      short_name: 'Veche',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#173f5f',
      background_color: '#f3f5f8',
    });
  });

  it('names icons that exist: SVG, PNG 192 and 512, and a maskable one', async () => {
    const manifest = (await (await get('/manifest.webmanifest')).json()) as {
      icons: ManifestIcon[];
    };
    const { icons } = manifest;
    expect(icons.map((icon) => `${icon.type} ${icon.sizes} ${icon.purpose ?? 'any'}`)).toEqual(
      expect.arrayContaining([
        'image/svg+xml any any',
        'image/png 192x192 any',
        'image/png 512x512 any',
        'image/png 512x512 maskable',
      ]),
    );
    for (const icon of [
      ...icons,
      { src: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' },
    ]) {
      const response = await get(icon.src);
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type'), icon.src).toMatch(
        new RegExp(`^${icon.type.replace('+', '\\+')}`),
      );
      const body = new Uint8Array(await response.arrayBuffer());
      if (icon.type === 'image/png') {
        // A PNG's header says its size: width and height in the IHDR chunk, bytes 16 to 23.
        const view = new DataView(body.buffer);
        expect([...body.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe(
          'PNG',
        );
        expect(`${String(view.getUint32(16))}x${String(view.getUint32(20))}`, icon.src).toBe(
          icon.sizes,
        );
      } else {
        expect(new TextDecoder().decode(body), icon.src).toContain('<svg');
      }
    }
  });
});

describe('the service worker', () => {
  it('is served at /sw.js as JavaScript that is never cached, with its precache written in', async () => {
    const response = await get('/sw.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const script = await response.text();
    // A classic script: no module syntax, and the build's list in place of its placeholder.
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).not.toContain('__VECHE_PRECACHE__');
    const found = /"cache":"(veche-shell-[0-9a-f]{16})","paths":(\[[^\]]*\])/.exec(script);
    expect(found, 'the precache list in sw.js').not.toBeNull();
    const paths = JSON.parse(found?.[2] ?? '[]') as string[];
    expect(paths).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']));
    expect(paths.some((path) => path.startsWith('/assets/') && path.endsWith('.js'))).toBe(true);
    expect(paths.filter((path) => path.includes('/api'))).toEqual([]);
    // Every file it will precache is there, so that its installation can succeed.
    for (const path of paths) expect((await get(path)).status, path).toBe(200);
  });

  it('lets hashed bundles be kept for good, and the page be asked again each time', async () => {
    const page = await get('/');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(bundle).toBeDefined();
    const script = await get(bundle ?? '');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // A client-side route still gets the app, with the page's caching.
    const route = await get('/sittings/00000000-0000-4000-8000-000000000000/live');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/^text\/html/);
    expect(route.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404, not the app, for a file that is not there', async () => {
    for (const path of ['/assets/index-gone.js', '/favicon.ico', '/icons/missing.png']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).not.toMatch(/text\/html/);
    }
  });
});
