import {
  loginRequestSchema,
  preferencesRequestSchema,
  secondFactorLoginRequestSchema,
} from '@veche/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import type { SecondFactorService } from './second-factor.use-case.js';
import { SESSION_COOKIE } from './session-token.js';

export function authRoutes(
  app: FastifyInstance,
  accounts: AccountsService,
  config: Config,
  signedIn: SignedInGuard,
  secondFactor: SecondFactorService,
): void {
  // The account a code step's challenge belongs to: its body names no e-mail.
  const challengedAccount = new WeakMap<FastifyRequest, string>();
  // Besides the limit per address (the route's own), a limit per account: many addresses (or one
  // IPv6 network) must not give a guesser many tries at one password, nor at one account's codes.
  const perAccount = app.createRateLimit({
    max: config.loginRateLimit.max,
    timeWindow: config.loginRateLimit.windowMs,
    keyGenerator: (request) => {
      const email =
        challengedAccount.get(request) ?? (request.body as { email?: unknown } | undefined)?.email;
      return `account:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    },
  });
  const tooMany = (ttlInSeconds: number) =>
    new HttpError(
      429,
      'rate_limited',
      `Too many attempts; try again in ${String(ttlInSeconds)} s`,
      {
        facts: { retryAfterSeconds: ttlInSeconds },
      },
    );

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
      if (!verdict.isAllowed && verdict.isExceeded) throw tooMany(verdict.ttlInSeconds);
      const result = await accounts.login(input, request.headers['user-agent']);
      if (!result.ok) {
        request.log.info({ event: 'login_failed' }, 'login failed');
        throw new HttpError(401, 'invalid_credentials', 'The e-mail or the password is wrong');
      }
      // The password was right, but the account asks for a code too: no cookie yet.
      if (result.ok === 'second_factor') return result.challenge;
      setSessionCookie(reply, result.token, result.expiresAt, secureCookie(request, config));
      return result.user;
    },
  );

  app.post(
    '/api/auth/login/second-factor',
    {
      config: {
        rateLimit: {
          max: config.loginRateLimit.max,
          timeWindow: config.loginRateLimit.windowMs,
        },
      },
    },
    async (request, reply) => {
      const input = parseInput(secondFactorLoginRequestSchema, request.body);
      const account = await secondFactor.challengeAccount(input.challenge);
      if (account === undefined) {
        throw new HttpError(401, 'challenge_invalid', 'Sign in with the password again');
      }
      // Wrong codes count against the account as wrong passwords do: only they are counted, and
      // an account over its limit gets no more tries at a code either.
      challengedAccount.set(request, account);
      const before = await perAccount(request, { increment: false });
      // Read without counting: no tries left means the next wrong code would go over the limit.
      if (!before.isAllowed && before.remaining === 0) throw tooMany(before.ttlInSeconds);
      const result = await secondFactor.completeLogin(
        input.challenge,
        input.code,
        request.headers['user-agent'],
      );
      if (!result.ok) {
        request.log.info({ event: 'second_factor_failed' }, 'second factor failed');
        await perAccount(request);
        if (result.reason === 'challenge_invalid') {
          throw new HttpError(401, 'challenge_invalid', 'Too many wrong codes: sign in again');
        }
        throw new HttpError(401, 'code_invalid', 'code: the code is wrong, expired or used', {
          field: 'code',
          facts: { attemptsLeft: result.attemptsLeft },
        });
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
