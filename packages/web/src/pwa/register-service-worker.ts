import { markUpdateReady } from './app-update';

/**
 * The built worker (`SERVICE_WORKER_FILE` in sw-routing.ts). Written out rather than imported:
 * a module the page and the worker shared would become a chunk of its own, which the classic
 * worker script cannot import (the build stops with an error if that happens).
 */
const WORKER_URL = '/sw.js';

/**
 * Registers the service worker (`service-worker.ts`, built into `/sw.js`) for the whole site.
 * main.tsx calls it in production builds only: in development Vite serves modules that change
 * on every edit, and a cache in front of them would only get in the way.
 *
 * It waits for the page's `load`, so that on a weak link the worker's download of the shell
 * does not compete with the first display of the app.
 */
export function registerServiceWorker(container: ServiceWorkerContainer): void {
  // A page that a worker already controlled at its start runs the build that worker stored; when
  // another worker takes over, a newer build is in place and the page offers a reload. On the
  // very first visit the first worker taking control is no news.
  const hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (hadController) markUpdateReady();
  });

  const register = (): void => {
    // updateViaCache 'none': the browser checks sw.js with the server on every visit.
    container
      .register(WORKER_URL, { scope: '/', updateViaCache: 'none' })
      .catch((error: unknown) => {
        // Without a worker the app still works online; there is nothing to tell the user.
        console.warn('Veche: the service worker could not be registered', error);
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
