import type { SittingSummary } from '@veche/protocol';
import { useEffect, useState } from 'react';
import { vecheApi } from '../api/veche-api';

/**
 * The sitting's title and body, for the page's heading: the live state carries only its number.
 * Null until known, and when the sitting is not among the upcoming ones (the page still works).
 */
export function useSittingSummary(sittingId: string): SittingSummary | null {
  const [summary, setSummary] = useState<SittingSummary | null>(null);
  useEffect(() => {
    let current = true;
    vecheApi.upcomingSittings().then(
      (sittings) => {
        if (current) setSummary(sittings.find((sitting) => sitting.id === sittingId) ?? null);
      },
      () => {
        // The heading falls back to the sitting's number; the live page itself does not need it.
      },
    );
    return () => {
      current = false;
    };
  }, [sittingId]);
  return summary;
}
