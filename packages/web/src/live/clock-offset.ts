/**
 * The difference between the server's clock and this device's, for countdowns: deadlines are the
 * server's (DESIGN.md section 5), and a phone's clock may be minutes off.
 *
 * A ping's answer bounds the offset best: the server read its clock somewhere between sending and
 * receiving, so the midpoint is off by at most half the round trip, and the sample with the
 * shortest round trip is the most exact. Until a ping has come back, any message's `serverTime`
 * gives a first estimate (off by the one-way delay).
 */
export interface ClockOffset {
  /** Server time minus local time, in ms. */
  readonly offsetMs: number;
  /** Round trip of the sample it rests on; Infinity when it rests on a one-way message. */
  readonly roundTripMs: number;
  /** Local time of that sample, so that old samples give way (clocks drift, routes change). */
  readonly sampledAt: number;
}

/** A sample older than this yields to any newer one. */
const SAMPLE_LIFETIME_MS = 5 * 60_000;

export const UNKNOWN_OFFSET: ClockOffset = { offsetMs: 0, roundTripMs: Infinity, sampledAt: 0 };

function better(current: ClockOffset, sample: ClockOffset): ClockOffset {
  if (sample.sampledAt - current.sampledAt > SAMPLE_LIFETIME_MS) return sample;
  return sample.roundTripMs <= current.roundTripMs ? sample : current;
}

/** Any server message: `serverTime` read when it arrived at local time `receivedAt`. */
export function offsetFromMessage(
  current: ClockOffset,
  serverTime: number,
  receivedAt: number,
): ClockOffset {
  return better(current, {
    offsetMs: serverTime - receivedAt,
    roundTripMs: Infinity,
    sampledAt: receivedAt,
  });
}

/** A pong for the ping sent at local time `sentAt`, received at `receivedAt`. */
export function offsetFromPong(
  current: ClockOffset,
  sentAt: number,
  serverTime: number,
  receivedAt: number,
): ClockOffset {
  const roundTripMs = Math.max(0, receivedAt - sentAt);
  return better(current, {
    offsetMs: serverTime - (sentAt + roundTripMs / 2),
    roundTripMs,
    sampledAt: receivedAt,
  });
}
