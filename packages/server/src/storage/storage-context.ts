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

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);

/**
 * True when the database could not be reached or dropped the connection (as opposed to refusing
 * a statement): network errors, SQLSTATE class 08 (connection exception) and 57P01-57P03 (the
 * server is shutting down or starting).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) {
        return true;
      }
    }
    if (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect/.test(message)
    ) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
