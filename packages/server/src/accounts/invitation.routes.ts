import { invitationRequestSchema, setPasswordRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { publicOrigin } from '../http/public-origin.js';
import { HttpError, parseInput } from '../http/api-error.js';
import {
  authOf,
  secureCookie,
  type SignedInGuard,
  setSessionCookie,
} from '../http/authentication.js';
import {
  type InvitationDependencies,
  inviteAccount,
  listCouncilAccounts,
  setAccountActive,
  setPasswordWithLink,
} from './invitation.use-case.js';

const councilParams = z.object({ councilId: z.uuid() });
const userParams = z.object({ councilId: z.uuid(), userId: z.uuid() });

/**
 * Accounts of a council, managed by its administrators: inviting a person by e-mail, listing
 * the accounts, deactivating and reactivating one; and the invited person setting a password.
 */
export function invitationRoutes(
  app: FastifyInstance,
  deps: InvitationDependencies,
  config: Config,
  signedIn: SignedInGuard,
): void {
  app.post(
    '/api/councils/:councilId/invitations',
    { preHandler: signedIn },
    async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      const input = parseInput(invitationRequestSchema, request.body);
      const account = await inviteAccount(
        deps,
        authOf(request).user,
        councilId,
        input,
        publicOrigin(request, config),
      );
      request.log.info(
        { event: 'account_invited', councilId, userId: account.id },
        'account invited',
      );
      return reply.status(201).send(account);
    },
  );

  app.get('/api/councils/:councilId/users', { preHandler: signedIn }, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return { users: await listCouncilAccounts(deps, authOf(request).user, councilId) };
  });

  app.post(
    '/api/councils/:councilId/users/:userId/deactivate',
    { preHandler: signedIn },
    async (request) => {
      const { councilId, userId } = parseInput(userParams, request.params);
      const account = await setAccountActive(deps, authOf(request).user, councilId, userId, false);
      request.log.info({ event: 'account_deactivated', councilId, userId }, 'account deactivated');
      return account;
    },
  );

  app.post(
    '/api/councils/:councilId/users/:userId/reactivate',
    { preHandler: signedIn },
    async (request) => {
      const { councilId, userId } = parseInput(userParams, request.params);
      const account = await setAccountActive(deps, authOf(request).user, councilId, userId, true);
      request.log.info({ event: 'account_reactivated', councilId, userId }, 'account reactivated');
      return account;
    },
  );

  app.post(
    '/api/auth/set-password',
    {
      // A token has 256 random bits, so guessing is hopeless; the limit keeps the attempt cheap.
      config: {
        rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs },
      },
    },
    async (request, reply) => {
      const { token, password } = parseInput(setPasswordRequestSchema, request.body);
      const result = await setPasswordWithLink(
        deps,
        token,
        password,
        request.headers['user-agent'],
      );
      if (!result.ok) {
        throw new HttpError(401, 'link_invalid', 'This link has expired or was already used');
      }
      setSessionCookie(reply, result.token, result.expiresAt, secureCookie(request, config));
      return result.user;
    },
  );
}
