import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService, AuthenticatedUser } from '../accounts/accounts.service.js';
import { SESSION_COOKIE } from '../accounts/session-token.js';
import { HttpError } from './api-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedUser | null;
  }
}

/** Reads the session cookie; the route then knows `request.auth`, or answers 401. */
export function requireUser(accounts: AccountsService) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    const auth = token === undefined ? undefined : await accounts.authenticate(token);
    if (auth === undefined) {
      throw new HttpError(401, 'unauthenticated', 'Sign in first');
    }
    request.auth = auth;
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
