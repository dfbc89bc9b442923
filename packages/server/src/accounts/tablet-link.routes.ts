import { tabletLinkRequestSchema, tabletLoginRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { HttpError, parseInput } from '../http/api-error.js';
import {
  authOf,
  secureCookie,
  type SignedInGuard,
  setSessionCookie,
} from '../http/authentication.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import type { AccountsService } from './accounts.service.js';
import { issueTabletLink } from './tablet-link.use-case.js';

const paramsSchema = z.object({ sittingId: z.uuid() });

/** A tablet signed in by the QR code the operator shows: issuing the code, and redeeming it. */
export function tabletLinkRoutes(
  app: FastifyInstance,
  repos: Repositories,
  accounts: AccountsService,
  live: LiveSittingService,
  config: Config,
  signedIn: SignedInGuard,
  clock: () => Date,
): void {
  app.post('/api/sittings/:sittingId/tablet-links', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(paramsSchema, request.params);
    const { memberId } = parseInput(tabletLinkRequestSchema, request.body);
    const issued = await issueTabletLink(
      repos,
      live,
      clock,
      authOf(request).user,
      sittingId,
      memberId,
    );
    request.log.info({ event: 'tablet_link_issued', sittingId, memberId }, 'tablet link issued');
    return issued;
  });

  app.post(
    '/api/auth/tablet',
    {
      // A token has 256 random bits, so guessing is hopeless; the limit keeps the attempt cheap.
      config: {
        rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs },
      },
    },
    async (request, reply) => {
      const { token } = parseInput(tabletLoginRequestSchema, request.body);
      const result = await accounts.loginWithLink(token, request.headers['user-agent']);
      if (!result.ok) {
        throw new HttpError(
          401,
          'link_invalid',
          'This sign-in code has expired or was already used',
        );
      }
      setSessionCookie(reply, result.token, result.expiresAt, secureCookie(request, config));
      return { user: result.user, sittingId: result.sittingId };
    },
  );
}
