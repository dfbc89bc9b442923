import type { FastifyBaseLogger } from 'fastify';
import { startPeriodic, type Periodic } from '../time/periodic.js';
import type { Repositories } from '../storage/repositories.js';
import type { LiveSittingService } from './live-sitting.service.js';
import type { ResidentSpeakers } from '../residents/resident-speakers.js';

/** One pass over the live sittings (the timer calls it; tests may too). */
export type DeadlineWatcher = Periodic<void>;

/**
 * Closes votes and quorum checks whose time is up, in every live sitting, every `intervalMs`,
 * and queues the approved residents of each sitting's current item (`residents`).
 * Deadlines live in the database (in the sittings' logs), so any server process can do this, and
 * several doing it at once still close each thing once (see LiveSittingService.passedDeadlines).
 */
export function startDeadlineWatcher(
  repos: Repositories,
  live: LiveSittingService,
  clock: () => Date,
  logger: FastifyBaseLogger,
  residents: ResidentSpeakers | null = null,
  intervalMs = 250,
): DeadlineWatcher {
  async function tick(): Promise<void> {
    const sittings = await repos.sittings.listLive();
    residents?.keepOnly(new Set(sittings.map((sitting) => sitting.id)));
    for (const sitting of sittings) {
      // One sitting's trouble must not hold up the deadlines of all the others.
      try {
        for (const { commandId, command } of await live.passedDeadlines(
          sitting,
          clock().getTime(),
        )) {
          const result = await live.execute(sitting, commandId, 'system', command);
          logger.info({ sittingId: sitting.id, commandId, result: result.kind }, 'deadline passed');
        }
      } catch (error) {
        logger.error({ err: error, sittingId: sitting.id }, 'could not close at a deadline');
      }
      try {
        await residents?.queueDue(sitting);
      } catch (error) {
        logger.error({ err: error, sittingId: sitting.id }, 'could not queue residents to speak');
      }
    }
  }

  return startPeriodic(tick, {
    intervalMs,
    atStart: false,
    logger,
    failure: 'deadline pass failed',
  });
}
