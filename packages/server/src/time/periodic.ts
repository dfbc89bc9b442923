import type { FastifyBaseLogger } from 'fastify';

export interface Periodic<T> {
  /** One pass now, outside the timer (tests call it). */
  tick(): Promise<T>;
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` every `intervalMs`, one pass at a time: a slow pass makes the next one wait rather
 * than overlap, and a failing pass is logged and does not stop the next. With `atStart`, a first
 * pass runs at once, so a server that was down when something fell due catches up. The timer
 * does not keep the process alive.
 */
export function startPeriodic<T>(
  tick: () => Promise<T>,
  options: {
    readonly intervalMs: number;
    readonly atStart: boolean;
    readonly logger: FastifyBaseLogger;
    /** What the log says failed, e.g. "retention sweep failed". */
    readonly failure: string;
  },
): Periodic<T> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    running = running.then(tick).catch((error: unknown) => {
      options.logger.error({ err: error }, options.failure);
    });
  };
  if (options.atStart) pass();
  const timer = setInterval(pass, options.intervalMs);
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
