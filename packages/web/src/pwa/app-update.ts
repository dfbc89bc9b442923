import { useSyncExternalStore } from 'react';

/*
 * Whether a newer build of the app has taken over this page's service worker. The page goes on
 * running the code it started with (a reload in the middle of a vote would be unkind), and the
 * page frame offers a reload instead.
 */

let ready = false;
const listeners = new Set<() => void>();

export function markUpdateReady(): void {
  if (ready) return;
  ready = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isReady = (): boolean => ready;

/** True once a newer build is ready; it stays true until the page is reloaded. */
export function useAppUpdateReady(): boolean {
  return useSyncExternalStore(subscribe, isReady, isReady);
}
