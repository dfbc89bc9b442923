import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import { reportPdfFor } from './consultation-report.js';
import { publicResults } from './resident-participation.use-case.js';

const consultationParams = z.object({ consultationId: z.uuid() });

/** The report of a finished consultation as a PDF, for everyone (issue 7, section 2). */
export function consultationReportRoutes(
  app: FastifyInstance,
  repos: Repositories,
  clock: () => Date,
): void {
  app.get('/api/public/consultations/:consultationId/report.pdf', async (request, reply) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    // The same refusals as the results: unknown or a draft 404, not yet finished 409.
    const results = await publicResults(repos, consultationId, clock());
    const row = await repos.consultations.locate(consultationId);
    const council = row && (await repos.councils.findById(row.councilId));
    if (!row || !council) throw new HttpError(404, 'not_found', 'No such consultation');
    const pdf = await reportPdfFor(council, row, results);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="consultation-report.pdf"`)
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'no-cache')
      .send(pdf);
  });
}
