import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { cacheNameFor, precachePaths, SERVICE_WORKER_FILE } from './src/pwa/sw-routing.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The app is bundled from the shared packages' sources, so they need no build of their own. */
const alias = {
  '@veche/domain': here('../domain/src/index.ts'),
  '@veche/protocol': here('../protocol/src/index.ts'),
};

/** The API server in development (`npm run dev` at the root). */
const apiServer = 'http://127.0.0.1:3000';

/** The placeholder in `src/pwa/service-worker.ts` that the build replaces with the precache. */
const PRECACHE_PLACEHOLDER = '__VECHE_PRECACHE__';

/** Every file below a folder, as paths relative to it with forward slashes. */
function filesBelow(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full).replaceAll('\\', '/'));
    }
  };
  walk(root);
  return out;
}

/**
 * Builds the service worker (`src/pwa/service-worker.ts`) into `dist/sw.js` with the list of
 * files to precache written in: every file of this build (the page, the hashed bundles) and of
 * `public/` (icons, manifest), and a cache name from a hash of their paths and contents, so that
 * each build that changes anything gets a new cache and its worker deletes the older ones.
 * The worker is emitted as a chunk of this same build (so it shares the routing code with the
 * tests) and must come out as a classic script, without imports: module workers are not
 * supported by every browser a councillor may have.
 */
function precacheServiceWorker(): Plugin {
  let publicDir = '';
  let chunkRef = '';
  return {
    name: 'veche:precache-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      chunkRef = this.emitFile({
        type: 'chunk',
        id: here('./src/pwa/service-worker.ts'),
        fileName: SERVICE_WORKER_FILE,
      });
    },
    generateBundle(_options, bundle) {
      const workerFile = this.getFileName(chunkRef);
      const worker = bundle[workerFile];
      if (worker?.type !== 'chunk') throw new Error(`${workerFile} is missing from the build`);
      if (
        worker.imports.length > 0 ||
        worker.dynamicImports.length > 0 ||
        worker.exports.length > 0
      )
        throw new Error(
          `${workerFile} must be a classic script, without imports or exports, but it has ` +
            JSON.stringify([...worker.imports, ...worker.dynamicImports, ...worker.exports]) +
            ': the page must not import what the worker imports (see register-service-worker.ts)',
        );

      const contents = new Map<string, string | Uint8Array>();
      for (const [fileName, output] of Object.entries(bundle)) {
        if (fileName !== workerFile)
          contents.set(fileName, output.type === 'chunk' ? output.code : output.source);
      }
      if (publicDir !== '') {
        for (const file of filesBelow(publicDir))
          contents.set(file, readFileSync(join(publicDir, file)));
      }
      if (!contents.has('index.html')) throw new Error('index.html is missing from the build');

      const paths = precachePaths([...contents.keys()]);
      const hash = createHash('sha256');
      for (const path of paths) {
        hash.update(`${path}\n`);
        hash.update(contents.get(path.slice(1)) ?? '');
      }
      const precache = { cache: cacheNameFor(hash.digest('hex').slice(0, 16)), paths };

      const uses = worker.code.split(PRECACHE_PLACEHOLDER).length - 1;
      if (uses !== 1)
        throw new Error(`${workerFile}: expected ${PRECACHE_PLACEHOLDER} once, found ${uses}`);
      worker.code = worker.code.replace(PRECACHE_PLACEHOLDER, JSON.stringify(precache));
    },
  };
}

export default defineConfig({
  root: here('.'),
  plugins: [react(), precacheServiceWorker()],
  resolve: { alias },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      // The live sitting's WebSocket; listed first, as the first matching entry wins.
      '/api/live': { target: apiServer, ws: true },
      '/api': apiServer,
      '/health': apiServer,
    },
  },
});
