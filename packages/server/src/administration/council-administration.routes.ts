import {
  bodyInputSchema,
  membershipCreateSchema,
  membershipEndSchema,
  membershipUpdateSchema,
  personInputSchema,
  termInputSchema,
} from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import type { Repositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import { createBody, listBodies, updateBody } from './bodies.use-case.js';
import { createMembership, endMembership, updateMembership } from './memberships.use-case.js';
import { listPersons, savePerson } from './persons.use-case.js';
import { listTerms, saveTerm } from './terms.use-case.js';

const councilParams = z.object({ councilId: z.uuid() });
const bodyParams = councilParams.extend({ bodyId: z.uuid() });
const termParams = councilParams.extend({ termId: z.uuid() });
const personParams = councilParams.extend({ personId: z.uuid() });
const membershipParams = councilParams.extend({ membershipId: z.uuid() });

/** A council administrator's bodies, terms, persons and seats of one council. */
export function councilAdministrationRoutes(
  app: FastifyInstance,
  repos: Repositories,
  storage: StorageContext,
  signedIn: SignedInGuard,
): void {
  const guarded = { preHandler: signedIn };

  app.get('/api/councils/:councilId/bodies', guarded, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return { bodies: await listBodies(repos, authOf(request).user, councilId) };
  });

  app.post('/api/councils/:councilId/bodies', guarded, async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    const input = parseInput(bodyInputSchema, request.body);
    return reply.status(201).send(await createBody(repos, authOf(request).user, councilId, input));
  });

  app.put('/api/councils/:councilId/bodies/:bodyId', guarded, async (request) => {
    const { councilId, bodyId } = parseInput(bodyParams, request.params);
    const input = parseInput(bodyInputSchema, request.body);
    return updateBody(repos, authOf(request).user, councilId, bodyId, input);
  });

  app.get('/api/councils/:councilId/terms', guarded, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return { terms: await listTerms(repos, authOf(request).user, councilId) };
  });

  app.post('/api/councils/:councilId/terms', guarded, async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    const input = parseInput(termInputSchema, request.body);
    const term = await saveTerm(storage, authOf(request).user, councilId, null, input);
    return reply.status(201).send(term);
  });

  app.put('/api/councils/:councilId/terms/:termId', guarded, async (request) => {
    const { councilId, termId } = parseInput(termParams, request.params);
    const input = parseInput(termInputSchema, request.body);
    return saveTerm(storage, authOf(request).user, councilId, termId, input);
  });

  app.get('/api/councils/:councilId/persons', guarded, async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return { persons: await listPersons(repos, authOf(request).user, councilId) };
  });

  app.post('/api/councils/:councilId/persons', guarded, async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    const input = parseInput(personInputSchema, request.body);
    const person = await savePerson(storage, authOf(request).user, councilId, null, input);
    return reply.status(201).send(person);
  });

  app.put('/api/councils/:councilId/persons/:personId', guarded, async (request) => {
    const { councilId, personId } = parseInput(personParams, request.params);
    const input = parseInput(personInputSchema, request.body);
    return savePerson(storage, authOf(request).user, councilId, personId, input);
  });

  app.post('/api/councils/:councilId/memberships', guarded, async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    const input = parseInput(membershipCreateSchema, request.body);
    const seat = await createMembership(storage, authOf(request).user, councilId, input);
    return reply.status(201).send(seat);
  });

  app.put('/api/councils/:councilId/memberships/:membershipId', guarded, async (request) => {
    const { councilId, membershipId } = parseInput(membershipParams, request.params);
    const input = parseInput(membershipUpdateSchema, request.body);
    return updateMembership(storage, authOf(request).user, councilId, membershipId, input);
  });

  app.post('/api/councils/:councilId/memberships/:membershipId/end', guarded, async (request) => {
    const { councilId, membershipId } = parseInput(membershipParams, request.params);
    const input = parseInput(membershipEndSchema, request.body);
    return endMembership(storage, authOf(request).user, councilId, membershipId, input);
  });
}
