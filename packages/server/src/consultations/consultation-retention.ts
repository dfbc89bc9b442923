import type { FastifyBaseLogger } from 'fastify';
import { startPeriodic, type Periodic } from '../time/periodic.js';
import type { Repositories } from '../storage/repositories.js';
import { inTransaction } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';

/** A pass's result: how many consultations were erased. */
export type RetentionSweep = Periodic<number>;

/**
 * Erases the names, e-mail addresses and links of residents' responses and opinions once a
 * consultation's end plus its council's retention days has passed (the domain's
 * `personalDataErasureDueAt`; the repository asks the same of the database), keeping answers and
 * texts for the results. Each consultation in its own transaction; running in several processes
 * at once erases each row once (the update only touches rows not yet erased).
 */
export function startRetentionSweep(
  storage: StorageContext,
  repos: Repositories,
  logger: FastifyBaseLogger,
  intervalMs = 3_600_000,
): RetentionSweep {
  async function tick(): Promise<number> {
    // Expired data-request links hold an address too; they go as soon as they are useless.
    await repos.consultations.deleteExpiredDataRequests(storage.clock());
    const due = await repos.consultations.dueForErasure(storage.clock());
    for (const consultation of due) {
      const erased = await inTransaction(storage, (tx) =>
        tx.consultations.erasePersonalData(consultation.councilId, consultation.id),
      );
      logger.info(
        { consultationId: consultation.id, ...erased, event: 'consultation_data_erased' },
        'residents\u2019 personal data erased after the retention period',
      );
    }
    return due.length;
  }

  return startPeriodic(tick, {
    intervalMs,
    atStart: true,
    logger,
    failure: 'retention sweep failed',
  });
}
