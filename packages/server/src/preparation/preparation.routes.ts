import {
  conveneSittingRequestSchema,
  createSittingRequestSchema,
  saveAgendaRequestSchema,
  saveAgendaTemplateRequestSchema,
  sittingRecordingRequestSchema,
  updateSittingRequestSchema,
} from '@veche/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { publicOrigin } from '../http/public-origin.js';
import { z } from 'zod';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import { listTemplates, removeTemplate, saveTemplate } from './agenda-templates.use-case.js';
import {
  conveneSitting,
  createSitting,
  preparationOptions,
  saveAgenda,
  setSittingRecording,
  sittingPreparation,
  updateSittingDetails,
} from './sitting-preparation.use-case.js';

const councilParams = z.object({ councilId: z.uuid() });
const sittingParams = z.object({ sittingId: z.uuid() });
const templateParams = z.object({ councilId: z.uuid(), templateId: z.uuid() });

/** The council office prepares sittings: create, details, agenda, templates, convene. */
export function preparationRoutes(
  app: FastifyInstance,
  storage: StorageContext,
  repos: Repositories,
  signedIn: SignedInGuard,
  config: Config,
): void {
  const userOf = (request: Parameters<typeof authOf>[0]) => authOf(request).user.id;
  const noticeOf = (request: FastifyRequest) => ({
    origin: publicOrigin(request, config),
    delayMs: config.changeNoticeDelayMs,
  });

  app.get('/api/councils/:councilId/preparation', { preHandler: signedIn }, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return preparationOptions(repos, userOf(request), councilId);
  });

  app.post(
    '/api/councils/:councilId/sittings',
    { preHandler: signedIn },
    async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      const input = parseInput(createSittingRequestSchema, request.body);
      const created = await createSitting(storage, repos, userOf(request), councilId, input);
      return reply.status(201).send(created);
    },
  );

  app.get('/api/sittings/:sittingId/preparation', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    return sittingPreparation(repos, userOf(request), sittingId);
  });

  app.put('/api/sittings/:sittingId', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    const input = parseInput(updateSittingRequestSchema, request.body);
    return updateSittingDetails(
      storage,
      repos,
      userOf(request),
      sittingId,
      input,
      noticeOf(request),
    );
  });

  app.put('/api/sittings/:sittingId/agenda', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    const input = parseInput(saveAgendaRequestSchema, request.body);
    return saveAgenda(storage, repos, userOf(request), sittingId, input, noticeOf(request));
  });

  app.put('/api/sittings/:sittingId/recording', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    const input = parseInput(sittingRecordingRequestSchema, request.body);
    return setSittingRecording(repos, userOf(request), sittingId, input);
  });

  app.post('/api/sittings/:sittingId/convene', { preHandler: signedIn }, async (request) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    const { version } = parseInput(conveneSittingRequestSchema, request.body);
    return conveneSitting(storage, repos, userOf(request), sittingId, version, noticeOf(request));
  });

  app.get(
    '/api/councils/:councilId/agenda-templates',
    { preHandler: signedIn },
    async (request) => {
      const { councilId } = parseInput(councilParams, request.params);
      return { templates: await listTemplates(repos, userOf(request), councilId) };
    },
  );

  app.post(
    '/api/councils/:councilId/agenda-templates',
    { preHandler: signedIn },
    async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      const input = parseInput(saveAgendaTemplateRequestSchema, request.body);
      const saved = await saveTemplate(repos, userOf(request), councilId, null, input);
      return reply.status(201).send(saved);
    },
  );

  app.put(
    '/api/councils/:councilId/agenda-templates/:templateId',
    { preHandler: signedIn },
    async (request) => {
      const { councilId, templateId } = parseInput(templateParams, request.params);
      const input = parseInput(saveAgendaTemplateRequestSchema, request.body);
      return saveTemplate(repos, userOf(request), councilId, templateId, input);
    },
  );

  app.delete(
    '/api/councils/:councilId/agenda-templates/:templateId',
    { preHandler: signedIn },
    async (request, reply) => {
      const { councilId, templateId } = parseInput(templateParams, request.params);
      await removeTemplate(repos, userOf(request), councilId, templateId);
      return reply.status(204).send();
    },
  );
}
