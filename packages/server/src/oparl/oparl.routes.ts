import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { parseInput } from '../http/api-error.js';
import { publicOrigin } from '../http/public-origin.js';
import type { Repositories } from '../storage/repositories.js';
import type { OparlWindow } from '../storage/repositories/oparl.repository.js';
import { OPARL_PATH, oparlUrls, type BodyList } from './oparl-objects.js';
import { oparlService, type OparlObjects } from './oparl.service.js';

/** A list's page size unless `limit` asks for another, and the most it may ask for. */
export const OPARL_PAGE_SIZE = 100;
export const OPARL_MAX_PAGE_SIZE = 500;

const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;

const instant = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO 8601 date and time with a zone, e.g. 2026-01-31T00:00:00+01:00',
  })
  .optional();

const listQuery = z.object({
  created_since: instant,
  created_until: instant,
  modified_since: instant,
  modified_until: instant,
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(OPARL_MAX_PAGE_SIZE, `must be at most ${String(OPARL_MAX_PAGE_SIZE)}`)
    .optional(),
  page: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .optional(),
});

const idParams = z.object({ id: z.uuid() });
const bodyParams = z.object({ bodyId: z.uuid() });

/** OParl's list: the page's objects, where it stands, and links to the other pages. */
export interface OparlList {
  data: OparlObjects['objects'];
  pagination: {
    totalElements: number;
    elementsPerPage: number;
    currentPage: number;
    totalPages: number;
  };
  links: { first: string; prev?: string; next?: string; last: string; self: string };
}

interface ListRequest {
  readonly window: OparlWindow;
  readonly page: number;
  /** The filters and `limit` as asked, carried into every link of the list. */
  readonly carried: URLSearchParams;
}

function listRequest(request: FastifyRequest): ListRequest {
  const query = parseInput(listQuery, request.query);
  const at = (name: (typeof FILTERS)[number]) => {
    const value = query[name];
    return value === undefined ? undefined : new Date(value);
  };
  const limit = query.limit ?? OPARL_PAGE_SIZE;
  const page = query.page ?? 1;
  const carried = new URLSearchParams();
  for (const name of FILTERS) {
    const value = query[name];
    if (value !== undefined) carried.set(name, value);
  }
  if (query.limit !== undefined) carried.set('limit', String(query.limit));
  return {
    window: {
      createdSince: at('created_since'),
      createdUntil: at('created_until'),
      modifiedSince: at('modified_since'),
      modifiedUntil: at('modified_until'),
      offset: (page - 1) * limit,
      limit,
    },
    page,
    carried,
  };
}

function listAnswer(listUrl: string, asked: ListRequest, found: OparlObjects): OparlList {
  const { limit } = asked.window;
  const totalPages = Math.max(1, Math.ceil(found.total / limit));
  const pageUrl = (page: number) => {
    const query = new URLSearchParams(asked.carried);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return text === '' ? listUrl : `${listUrl}?${text}`;
  };
  return {
    data: found.objects,
    pagination: {
      totalElements: found.total,
      elementsPerPage: limit,
      currentPage: asked.page,
      totalPages,
    },
    links: {
      first: pageUrl(1),
      ...(asked.page > 1 ? { prev: pageUrl(Math.min(asked.page - 1, totalPages)) } : {}),
      ...(asked.page < totalPages ? { next: pageUrl(asked.page + 1) } : {}),
      last: pageUrl(totalPages),
      self: pageUrl(asked.page),
    },
  };
}

/**
 * Lets any origin read every answer under `/oparl/`, whatever answers it: a route, the not-found
 * handler, a validation error, or the same-origin guard refusing a write. Registered before that
 * guard, so that even its refusal carries the header.
 */
export function allowOparlFromAnyOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith(`${OPARL_PATH}/`) || request.url === OPARL_PATH) {
      void reply.header('access-control-allow-origin', '*');
    }
    done();
  });
}

/**
 * The OParl 1.1 API (DESIGN.md section 7) under `/oparl/v1.1/`, no sign-in, public data only.
 * Every answer (errors and preflights too) allows any origin: the data are public and nothing
 * here reads a cookie or changes anything.
 */
export function oparlRoutes(app: FastifyInstance, repos: Repositories, config: Config): void {
  const serviceFor = (request: FastifyRequest) => {
    const urls = oparlUrls(publicOrigin(request, config));
    return { urls, oparl: oparlService(repos, urls) };
  };

  const bodyList = (list: BodyList) => async (request: FastifyRequest) => {
    const { bodyId } = parseInput(bodyParams, request.params);
    const asked = listRequest(request);
    const { urls, oparl } = serviceFor(request);
    return listAnswer(
      urls.bodyList(bodyId, list),
      asked,
      await oparl.bodyList(bodyId, list, asked.window),
    );
  };

  const object = (list: BodyList) => async (request: FastifyRequest) => {
    const { id } = parseInput(idParams, request.params);
    return serviceFor(request).oparl.object(list, id);
  };

  app.options('/oparl/v1.1/*', async (_request, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'GET, OPTIONS')
      .header('access-control-allow-headers', '*')
      .header('access-control-max-age', '86400')
      .send(),
  );

  app.get('/oparl/v1.1/system', async (request) => serviceFor(request).oparl.system());

  app.get('/oparl/v1.1/bodies', async (request) => {
    const asked = listRequest(request);
    const { urls, oparl } = serviceFor(request);
    return listAnswer(urls.bodies, asked, await oparl.bodies(asked.window));
  });

  app.get('/oparl/v1.1/bodies/:bodyId', async (request) => {
    const { bodyId } = parseInput(bodyParams, request.params);
    return serviceFor(request).oparl.body(bodyId);
  });

  app.get('/oparl/v1.1/bodies/:bodyId/organizations', bodyList('organizations'));
  app.get('/oparl/v1.1/bodies/:bodyId/persons', bodyList('persons'));
  app.get('/oparl/v1.1/bodies/:bodyId/memberships', bodyList('memberships'));
  app.get('/oparl/v1.1/bodies/:bodyId/meetings', bodyList('meetings'));
  app.get('/oparl/v1.1/bodies/:bodyId/agenda-items', bodyList('agenda-items'));
  app.get('/oparl/v1.1/bodies/:bodyId/papers', bodyList('papers'));
  app.get('/oparl/v1.1/bodies/:bodyId/consultations', bodyList('consultations'));
  app.get('/oparl/v1.1/bodies/:bodyId/files', bodyList('files'));
  app.get('/oparl/v1.1/bodies/:bodyId/locations', bodyList('locations'));
  app.get('/oparl/v1.1/bodies/:bodyId/legislative-terms', bodyList('legislative-terms'));

  app.get('/oparl/v1.1/organizations/:id/meetings', async (request) => {
    const { id } = parseInput(idParams, request.params);
    const asked = listRequest(request);
    const { urls, oparl } = serviceFor(request);
    return listAnswer(
      urls.organizationMeetings(id),
      asked,
      await oparl.organizationMeetings(id, asked.window),
    );
  });

  app.get('/oparl/v1.1/organizations/:id', object('organizations'));
  app.get('/oparl/v1.1/persons/:id', object('persons'));
  app.get('/oparl/v1.1/memberships/:id', object('memberships'));
  app.get('/oparl/v1.1/meetings/:id', object('meetings'));
  app.get('/oparl/v1.1/agenda-items/:id', object('agenda-items'));
  app.get('/oparl/v1.1/papers/:id', object('papers'));
  app.get('/oparl/v1.1/consultations/:id', object('consultations'));
  app.get('/oparl/v1.1/files/:id', object('files'));
  app.get('/oparl/v1.1/locations/:id', object('locations'));
  app.get('/oparl/v1.1/legislative-terms/:id', object('legislative-terms'));
}
