import type { SittingDocument } from '@veche/protocol';
import { useEffect, useState } from 'react';
import { vecheApi } from '../api/veche-api';

/**
 * The sitting's documents, fetched once when the page opens: the members' list when signed in,
 * the public ones otherwise. Empty until known or if they cannot be had (the live page works
 * without them; the agenda simply shows no documents).
 */
export function useSittingDocuments(
  sittingId: string,
  audience: 'members' | 'public',
): readonly SittingDocument[] {
  const [documents, setDocuments] = useState<readonly SittingDocument[]>([]);
  useEffect(() => {
    let current = true;
    const load =
      audience === 'members' ? vecheApi.sittingDocuments : vecheApi.publicSittingDocuments;
    load(sittingId).then(
      (list) => {
        if (current) setDocuments(list);
      },
      () => {
        // Shown without documents; the rest of the page does not depend on them.
      },
    );
    return () => {
      current = false;
    };
  }, [sittingId, audience]);
  return documents;
}
