import { loginRequestSchema, preferencesRequestSchema } from '@veche/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { HttpError, parseInput } from '../http/api-error.js';
import {
  authOf,
  clearSessionCookie,
  requireUser,
  setSessionCookie,
} from '../http/authentication.js';
import type { AccountsService } from './accounts.service.js';
import { SESSION_COOKIE } from './session-token.js';

export function authRoutes(app: FastifyInstance, accounts: AccountsService, config: Config): void {
  const secureCookie = (request: FastifyRequest) =>
    config.publicUrl?.startsWith('https:') ?? request.protocol === 'https';
  const signedIn = requireUser(accounts);

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
      const result = await accounts.login(input, request.headers['user-agent']);
      if (!result.ok) {
        request.log.info({ event: 'login_failed' }, 'login failed');
        throw new HttpError(401, 'invalid_credentials', 'The e-mail or the password is wrong');
      }
      setSessionCookie(reply, result.token, result.expiresAt, secureCookie(request));
      return result.user;
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined) await accounts.logout(token);
    clearSessionCookie(reply, secureCookie(request));
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
