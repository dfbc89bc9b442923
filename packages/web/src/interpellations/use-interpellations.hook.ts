import type { Interpellation } from '@veche/protocol';
import { useCallback, useEffect, useState } from 'react';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';

export type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; code: ErrorMessageCode }
  | { state: 'loaded'; items: Interpellation[] };

/**
 * A list loaded by `load`, again whenever `load` changes; `replace` puts a changed item in its
 * place (or first, when new) without asking the server again.
 */
export function useInterpellations(
  load: () => Promise<Interpellation[]>,
  onSessionEnded?: () => void,
) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    // A new filter keeps the old list on screen until the new one arrives.
    let current = true;
    load().then(
      (items) => current && setLoaded({ state: 'loaded', items }),
      (error: unknown) => {
        if (!current) return;
        const code = errorMessageCode(error);
        if (code === 'unauthenticated') onSessionEnded?.();
        setLoaded({ state: 'failed', code });
      },
    );
    return () => {
      current = false;
    };
  }, [load, onSessionEnded]);

  const replace = useCallback((item: Interpellation) => {
    setLoaded((now) => {
      if (now.state !== 'loaded') return now;
      const known = now.items.some((entry) => entry.id === item.id);
      return {
        state: 'loaded',
        items: known
          ? now.items.map((entry) => (entry.id === item.id ? item : entry))
          : [item, ...now.items],
      };
    });
  }, []);

  return { loaded, replace };
}
