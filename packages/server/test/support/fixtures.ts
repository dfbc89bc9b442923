import type { StorageContext } from '../../src/storage/storage-context.js';
import type { Database } from '../../src/storage/database.js';

/** A clock that stands still until a test moves it. */
export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function fixedClock(startIso = '2026-11-20T09:00:00.000Z'): TestClock {
  let now = new Date(startIso).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = new Date(iso).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

/** Predictable UUIDs: 00000000-0000-4000-8000-000000000001, ...0002, ... */
export function sequentialIds(): () => string {
  let next = 1;
  return () => `00000000-0000-4000-8000-${(next++).toString(16).padStart(12, '0')}`;
}

export function testContext(
  db: Database,
  clock: TestClock = fixedClock(),
): StorageContext & {
  clock: TestClock;
} {
  return { db, clock, newId: sequentialIds() };
}
