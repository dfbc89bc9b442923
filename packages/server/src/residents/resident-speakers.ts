import type { FastifyBaseLogger } from 'fastify';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';

/** The command id under which a resident's approved request joins the queue: one per request. */
export const residentCommandId = (requestId: string) => `resident:${requestId}`;

export interface ResidentSpeakers {
  /** Queues the approved residents of the sitting's current item, if not yet done for it. */
  queueDue(sitting: SittingRow): Promise<void>;
  /** After an approval: the current item may be the request's, so look again now. */
  afterApproval(sitting: SittingRow): Promise<void>;
  /** Forgets sittings that are no longer live. */
  keepOnly(liveSittingIds: ReadonlySet<string>): void;
}

/**
 * Residents whose request to speak the office approved join the speaker queue of their item
 * (DESIGN.md section 4, "Speakers") when the sitting reaches that item: the item becomes current
 * while the sitting is open or in a break. They are queued as the server (`system`), each under
 * its own command id, so every process that notices may try and the request still joins once;
 * and one the chair later withdraws does not come back when the sitting returns to the item.
 *
 * The deadline watcher calls `queueDue` for each live sitting on every pass; the database is
 * asked only when a sitting's current item has changed since the last look.
 */
export function residentSpeakers(
  repos: Repositories,
  live: LiveSittingService,
  logger: FastifyBaseLogger,
): ResidentSpeakers {
  /** The current item each live sitting had when its residents were last queued. */
  const looked = new Map<string, string>();

  async function queue(sitting: SittingRow, always: boolean): Promise<void> {
    const { state } = await live.fromLog(sitting);
    const itemId = state.currentItemId;
    if ((state.status !== 'open' && state.status !== 'suspended') || itemId === null) return;
    if (!always && looked.get(sitting.id) === itemId) return;
    const approved = await repos.speechRequests.approvedForItems(sitting.councilId, sitting.id, [
      itemId,
    ]);
    for (const request of approved) {
      const result = await live.execute(sitting, residentCommandId(request.id), 'system', {
        type: 'speaker.request',
        requestId: request.id,
        speechType: 'normal',
        itemId,
        speaker: { kind: 'resident', requestId: request.id, name: request.name },
      });
      if (result.kind === 'done' && !result.replayed) {
        logger.info(
          { sittingId: sitting.id, requestId: request.id, accepted: result.outcome.accepted },
          'resident queued to speak',
        );
      }
    }
    looked.set(sitting.id, itemId);
  }

  return {
    queueDue: (sitting) => queue(sitting, false),
    afterApproval: (sitting) => queue(sitting, true),
    keepOnly(liveSittingIds) {
      for (const id of looked.keys()) if (!liveSittingIds.has(id)) looked.delete(id);
    },
  };
}
