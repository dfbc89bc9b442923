import { toRoman } from '@veche/domain';
import {
  RESOLUTIONS_PAGE_SIZE,
  resolutionsQuerySchema,
  type ResolutionsResponse,
} from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';

const paramsSchema = z.object({ councilId: z.uuid() });

/** The council's resolutions register, public (issue 6, section 2). */
export function resolutionsRoutes(app: FastifyInstance, repos: Repositories): void {
  app.get(
    '/api/public/councils/:councilId/resolutions',
    async (request): Promise<ResolutionsResponse> => {
      const { councilId } = parseInput(paramsSchema, request.params);
      const query = parseInput(resolutionsQuerySchema, request.query);
      const council = await repos.councils.findById(councilId);
      if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
      const { rows, total } = await repos.resolutions.list(councilId, {
        termId: query.term,
        bodyId: query.body,
        year: query.year,
        adopted: query.outcome === undefined ? undefined : query.outcome === 'adopted',
        query: query.q,
        limit: RESOLUTIONS_PAGE_SIZE,
        offset: (query.page - 1) * RESOLUTIONS_PAGE_SIZE,
      });
      const documents = await repos.resolutions.publicDocumentsOf(
        councilId,
        rows.map((row) => row.agendaItemId),
      );
      return {
        total,
        page: query.page,
        pageSize: RESOLUTIONS_PAGE_SIZE,
        resolutions: rows.map((row) => ({
          id: row.id,
          number: row.number,
          title: row.title,
          adopted: row.adopted,
          year: row.year,
          decidedAt: row.decidedAt.toISOString(),
          body: { id: row.bodyId, name: row.bodyName },
          term: { id: row.termId, name: row.termName },
          sitting: {
            id: row.sittingId,
            number: row.sittingNumber,
            numberRoman: toRoman(row.sittingNumber),
            startsAt: row.sittingStartsAt.toISOString(),
          },
          agendaItemId: row.agendaItemId,
          voteId: row.voteId,
          documents: documents
            .filter((document) => document.agendaItemId === row.agendaItemId)
            .map((document) => ({
              id: document.id,
              title: document.title,
              url: `/api/documents/${document.id}`,
            })),
        })),
      };
    },
  );
}
