import type { SittingEventRow } from '../storage/repositories/sitting-events.repository.js';
import type { LoggedEvent } from './live-sitting.service.js';
import { mayReadEvent, type SittingViewer } from './state-view.js';

/**
 * One event of the published log. An event the reader may not read (another member's private
 * chat message) keeps its place, type, time and hashes, so the reader can still check every
 * link of the chain around it; its content and author are withheld, and `redacted` says so.
 */
export function publishedEvent(row: SittingEventRow, viewer: SittingViewer) {
  const chained = {
    seq: row.seq,
    type: row.type,
    at: row.at.toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
  if (!mayReadEvent(row.payload as LoggedEvent, viewer)) {
    return { ...chained, payload: null, actorUserId: null, redacted: true as const };
  }
  // actorUserId is part of each hash: without it nobody could recompute the chain.
  return { ...chained, payload: row.payload, actorUserId: row.actorUserId };
}
