import type { UpcomingSittingsResponse } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import { upcomingSittings } from './upcoming-sittings.use-case.js';

export function sittingRoutes(
  app: FastifyInstance,
  repos: Repositories,
  signedIn: SignedInGuard,
  clock: () => Date,
): void {
  app.get(
    '/api/sittings/upcoming',
    { preHandler: signedIn },
    async (request): Promise<UpcomingSittingsResponse> => ({
      sittings: await upcomingSittings(repos, authOf(request).user.id, clock()),
    }),
  );
}
