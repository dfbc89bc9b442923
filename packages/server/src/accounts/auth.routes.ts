import { loginRequestSchema, preferencesRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { HttpError, parseInput } from '../http/api-error.js';
import {
  authOf,
  clearSessionCookie,
  secureCookie,
  type SignedInGuard,
  setSessionCookie,
} from '../http/authentication.js';
import type { AccountsService } from './accounts.service.js';
import { SESSION_COOKIE } from './session-token.js';

export function authRoutes(
  app: FastifyInstance,
  accounts: AccountsService,
  config: Config,
  signedIn: SignedInGuard,
): void {
  // Besides the limit per address (the route's own), a limit per account: many addresses (or one
  // IPv6 network) must not give a guesser many tries at one password.
  const perAccount = app.createRateLimit({
    max: config.loginRateLimit.max,
    timeWindow: config.loginRateLimit.windowMs,
    keyGenerator: (request) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `account:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    },
  });

  app.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: config.loginRateLimit.max,
          timeWindow: config.loginRateLimit.windowMs,
        },
      },
    },
    async (request, reply) => {
      const input = parseInput(loginRequestSchema, request.body);
      const verdict = await perAccount(request);
      // `isAllowed` means "on the allow list"; over the limit is `isExceeded`.
      if (!verdict.isAllowed && verdict.isExceeded) {
        throw new HttpError(
          429,
          'rate_limited',
          `Too many attempts; try again in ${String(verdict.ttlInSeconds)} s`,
          {
            facts: { retryAfterSeconds: verdict.ttlInSeconds },
          },
        );
      }
      const result = await accounts.login(input, request.headers['user-agent']);
      if (!result.ok) {
        request.log.info({ event: 'login_failed' }, 'login failed');
        throw new HttpError(401, 'invalid_credentials', 'The e-mail or the password is wrong');
      }
      setSessionCookie(reply, result.token, result.expiresAt, secureCookie(request, config));
      return result.user;
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined) await accounts.logout(token);
    clearSessionCookie(reply, secureCookie(request, config));
    return reply.status(204).send();
  });

  app.get('/api/me', { preHandler: signedIn }, async (request) =>
    accounts.describe(authOf(request).user),
  );

  app.put('/api/me/preferences', { preHandler: signedIn }, async (request) => {
    const input = parseInput(preferencesRequestSchema, request.body);
    return accounts.setLanguage(authOf(request).user, input.language);
  });
}
