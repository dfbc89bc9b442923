import type { FastifyBaseLogger } from 'fastify';
import type { Repositories } from '../storage/repositories.js';
import { inTransaction } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';

export interface RetentionSweep {
  /** One pass (the timer calls it; tests may too): how many consultations were erased. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

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
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

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

  const pass = () => {
    if (stopped) return;
    running = running.then(tick).catch((error: unknown) => {
      logger.error({ err: error }, 'retention sweep failed');
    });
  };
  // At start, then every interval: a server that was down when a period ended catches up.
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();

  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
