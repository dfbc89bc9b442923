import { secondFactorCodeRequestSchema, secondFactorConfirmRequestSchema } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { SecondFactorService } from './second-factor.use-case.js';

/** The signed-in user's own second factor: its state, setting it up, new recovery codes, off. */
export function secondFactorRoutes(
  app: FastifyInstance,
  secondFactor: SecondFactorService,
  config: Config,
  signedIn: SignedInGuard,
): void {
  // The routes that check a code are limited like sign-in: a stolen session must not be able to
  // guess its way to turning the factor off.
  const codeChecks = {
    preHandler: signedIn,
    config: {
      rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs },
    },
  };

  app.get('/api/me/second-factor', { preHandler: signedIn }, async (request) =>
    secondFactor.status(authOf(request).user),
  );

  app.post('/api/me/second-factor/setup', { preHandler: signedIn }, async (request) => {
    const setup = await secondFactor.setup(authOf(request).user);
    request.log.info({ event: 'second_factor_setup' }, 'second factor setup started');
    return setup;
  });

  app.post('/api/me/second-factor/confirm', codeChecks, async (request) => {
    const { code } = parseInput(secondFactorConfirmRequestSchema, request.body);
    const codes = await secondFactor.confirm(authOf(request).user, code);
    request.log.info({ event: 'second_factor_on' }, 'second factor turned on');
    return codes;
  });

  app.post('/api/me/second-factor/recovery-codes', codeChecks, async (request) => {
    const { code } = parseInput(secondFactorCodeRequestSchema, request.body);
    return secondFactor.renewRecoveryCodes(authOf(request).user, code);
  });

  app.delete('/api/me/second-factor', codeChecks, async (request, reply) => {
    const { code } = parseInput(secondFactorCodeRequestSchema, request.body);
    await secondFactor.disable(authOf(request).user, code);
    request.log.info({ event: 'second_factor_off' }, 'second factor turned off');
    return reply.status(204).send();
  });
}
