import type { UpcomingSittingsResponse } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import type { AccountsService } from '../accounts/accounts.service.js';
import { authOf, requireUser } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import { upcomingSittings } from './upcoming-sittings.use-case.js';

export function sittingRoutes(
  app: FastifyInstance,
  repos: Repositories,
  accounts: AccountsService,
  clock: () => Date,
): void {
  app.get(
    '/api/sittings/upcoming',
    { preHandler: requireUser(accounts) },
    async (request): Promise<UpcomingSittingsResponse> => ({
      sittings: await upcomingSittings(repos, authOf(request).user.id, clock()),
    }),
  );
}
