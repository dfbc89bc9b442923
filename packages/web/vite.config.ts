import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The app is bundled from the shared packages' sources, so they need no build of their own. */
const alias = {
  '@veche/domain': here('../domain/src/index.ts'),
  '@veche/protocol': here('../protocol/src/index.ts'),
};

/** The API server in development (`npm run dev` at the root). */
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
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
