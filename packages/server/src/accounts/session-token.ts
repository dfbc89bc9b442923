import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'veche_session';

/** 256 random bits, sent to the browser once in an HttpOnly cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a copy of the database does not hold usable cookies. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
