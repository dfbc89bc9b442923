import { useMemo, useSyncExternalStore } from 'react';
import { matchRoute, type Route } from './routes';

interface Place {
  readonly path: string;
  /** How many times the address changed in this tab: pages take the focus after a move. */
  readonly moves: number;
}

let place: Place = { path: window.location.pathname, moves: 0 };
const listeners = new Set<() => void>();

function moved(): void {
  place = { path: window.location.pathname, moves: place.moves + 1 };
  for (const listener of [...listeners]) listener();
}

/**
 * Goes to another page of the app without reloading it (the live connection stays open).
 * `replace` leaves no history entry behind: Back does not return to a used one-time code.
 */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  moved();
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', moved);
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('popstate', moved);
  };
}

const currentPlace = () => place;

/** The page the address names, following links, Back and Forward; `moved` once it has changed. */
export function useRoute(): { route: Route; moved: boolean } {
  const { path, moves } = useSyncExternalStore(subscribe, currentPlace);
  const route = useMemo(() => matchRoute(path), [path]);
  return { route, moved: moves > 0 };
}
