/** The first retry comes quickly: most drops are a moment's loss of signal. */
export const BACKOFF_BASE_MS = 500;
/** However long the outage, a phone tries again at least this often. */
export const BACKOFF_CAP_MS = 15_000;

/**
 * How long to wait before reconnection attempt `attempt` (0 for the first): exponential, capped,
 * with "equal jitter" (half fixed, half random), so that a hall of phones dropped together by
 * the same outage does not come back in the same instant, yet none waits absurdly long.
 */
export function reconnectDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 16));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}
