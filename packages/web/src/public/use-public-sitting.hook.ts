import type { PublicSitting } from '@veche/protocol';
import { useEffect, useState } from 'react';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';

export type PublicSittingState =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly sitting: PublicSitting }
  | { readonly state: 'failed'; readonly code: ErrorMessageCode };

/** A sitting's names, time and stream, without a sign-in (GET /api/public/sittings/:id). */
export function usePublicSitting(sittingId: string): PublicSittingState {
  const [result, setResult] = useState<PublicSittingState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    vecheApi.publicSitting(sittingId).then(
      (sitting) => {
        if (current) setResult({ state: 'loaded', sitting });
      },
      (error: unknown) => {
        if (current) setResult({ state: 'failed', code: errorMessageCode(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [sittingId]);
  return result;
}
