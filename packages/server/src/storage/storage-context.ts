import type { Database } from './database.js';

/**
 * What every repository needs: the database, a clock and an id generator. Tests pass a fixed
 * clock and predictable ids; production passes the system clock and random UUIDs.
 */
export interface StorageContext {
  readonly db: Database;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** PostgreSQL's error code for a unique violation; both drivers report it the same way. */
export const UNIQUE_VIOLATION = '23505';

/** True when `error` (or the error it wraps, as Drizzle does) carries the PostgreSQL `code`. */
export function hasPgCode(error: unknown, code: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    if ((current as { code?: unknown }).code === code) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
