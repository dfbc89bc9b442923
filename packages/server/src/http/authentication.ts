import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService, AuthenticatedUser } from '../accounts/accounts.service.js';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from '../accounts/session-token.js';
import { HttpError } from './api-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedUser | null;
  }
}

/** Cookies are Secure whenever users reach the server over https. */
export function secureCookie(request: FastifyRequest, config: Config): boolean {
  return config.publicUrl?.startsWith('https:') ?? request.protocol === 'https';
}

/**
 * Reads the session cookie; the route then knows `request.auth`, or answers 401. When the session
 * was extended, the cookie is sent again with the new expiry, or the browser would still drop it
 * at the old one.
 */
export type SignedInGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function requireUser(accounts: AccountsService, config: Config): SignedInGuard {
  return async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const auth = token === undefined ? undefined : await accounts.authenticate(token);
    if (token === undefined || auth === undefined) {
      throw new HttpError(401, 'unauthenticated', 'Sign in first');
    }
    request.auth = auth;
    if (auth.renewedUntil !== null) {
      setSessionCookie(reply, token, auth.renewedUntil, secureCookie(request, config));
    }
  };
}

/**
 * For routes that answer everyone but more to the signed-in: `request.auth` is the user of a
 * valid session cookie, or null. A missing or stale cookie is not an error here.
 */
export function optionalUser(accounts: AccountsService): SignedInGuard {
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = (token === undefined ? undefined : await accounts.authenticate(token)) ?? null;
  };
}

/** The signed-in user of a route guarded by requireUser. */
export function authOf(request: FastifyRequest): AuthenticatedUser {
  if (request.auth === null) throw new Error('route is missing the requireUser guard');
  return request.auth;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
