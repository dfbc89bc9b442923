import {
  editResponseRequestSchema,
  residentDataRequestSchema,
  submitOpinionRequestSchema,
  submitResponseRequestSchema,
  type SubmissionAccepted,
} from '@veche/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { contentDisposition } from '../documents/documents.routes.js';
import { HttpError, parseInput } from '../http/api-error.js';
import type { UploadedFile } from '../http/multipart-upload.js';
import { publicOrigin } from '../http/public-origin.js';
import type { Language } from '@veche/domain';
import { consultationsCalendar } from './consultation-calendar.js';
import { consultationResultsCsv } from './consultation-results.js';
import { sendStoredFile } from './consultations.routes.js';
import {
  agendaItemConsultations,
  deleteResidentData,
  editResponse,
  publicConsultation,
  publicConsultationDocument,
  publicConsultations,
  publicResults,
  requestResidentData,
  residentData,
  submitOpinion,
  submitResponse,
  verifyOpinion,
  verifyResponse,
  viewResponse,
  type ResidentDeps,
} from './resident-participation.use-case.js';

const councilParams = z.object({ councilId: z.uuid() });
const consultationParams = z.object({ consultationId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });
const itemParams = z.object({ itemId: z.uuid() });
/** A link's token: 256 random bits in base64url. */
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/**
 * Residents' writes per address per route: enough for a household behind one address, too few
 * for a script filling the database or sending mail to strangers.
 */
export const RESIDENT_RATE_LIMIT = { max: 20, timeWindow: 10 * 60_000 } as const;
const limited = { config: { rateLimit: RESIDENT_RATE_LIMIT } };

const ACCEPTED: SubmissionAccepted = { status: 'verification_sent' };

/**
 * The honeypot: a field people never see (the form hides it), which only robots fill. Such a
 * submission is answered as if accepted, so the robot learns nothing, and is stored nowhere.
 */
function caughtByHoneypot(fields: unknown): boolean {
  const website = (fields as { website?: unknown } | null | undefined)?.website;
  return typeof website === 'string' && website.trim() !== '';
}

/** An opinion's fields and optional file, from JSON or from multipart/form-data. */
async function opinionInput(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fields: Record<string, unknown>; file: UploadedFile | undefined }> {
  if (!request.isMultipart()) {
    return { fields: (request.body ?? {}) as Record<string, unknown>, file: undefined };
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    // The opinion's text is longer than the plugin's default field limit.
    const limits = { fields: 10, fieldSize: 64_000, fileSize: maxBytes, files: 1, parts: 12 };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (content.byteLength > 0 || part.filename !== '') {
          file = { fileName: part.filename, content };
        }
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpError(413, 'file_too_large', 'file: the file is too large', {
        field: 'file',
        facts: { maxBytes },
      });
    }
    throw error;
  }
  return { fields, file };
}

/** Residents' side of consultations: no sign-in (issue 7, section 2). */
export function publicConsultationRoutes(
  app: FastifyInstance,
  deps: ResidentDeps,
  config: Config,
): void {
  const { repos, blobs, clock } = deps;

  app.get('/api/public/councils/:councilId/consultations', async (request) => {
    const { councilId } = parseInput(councilParams, request.params);
    return { consultations: await publicConsultations(repos, councilId, clock()) };
  });

  app.get('/api/public/councils/:councilId/consultations.ics', async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    const council = await repos.councils.findById(councilId);
    if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
    const rows = await repos.consultations.listForCouncil(council.id, true);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        consultationsCalendar(
          council.name,
          council.defaultLanguage as Language,
          rows,
          publicOrigin(request, config),
        ),
      );
  });

  app.get('/api/public/agenda-items/:itemId/consultations', async (request) => {
    const { itemId } = parseInput(itemParams, request.params);
    return agendaItemConsultations(repos, itemId, clock());
  });

  app.get('/api/public/consultations/:consultationId', async (request) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    return publicConsultation(repos, consultationId, clock());
  });

  app.get('/api/public/consultation-documents/:documentId', async (request, reply) => {
    const { documentId } = parseInput(documentParams, request.params);
    const document = await publicConsultationDocument(repos, documentId);
    void reply.header('access-control-allow-origin', '*');
    return sendStoredFile(request, reply, blobs, document);
  });

  app.post(
    '/api/public/consultations/:consultationId/responses',
    limited,
    async (request, reply) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      if (caughtByHoneypot(request.body)) return reply.status(202).send(ACCEPTED);
      const input = parseInput(submitResponseRequestSchema, request.body);
      await submitResponse(deps, consultationId, input, publicOrigin(request, config));
      return reply.status(202).send(ACCEPTED);
    },
  );

  app.get('/api/public/consultation-responses/:token', limited, async (request) => {
    const { token } = parseInput(tokenParams, request.params);
    return viewResponse(deps, token);
  });

  app.post('/api/public/consultation-responses/:token/verify', limited, async (request) => {
    const { token } = parseInput(tokenParams, request.params);
    return verifyResponse(deps, token);
  });

  app.put('/api/public/consultation-responses/:token', limited, async (request) => {
    const { token } = parseInput(tokenParams, request.params);
    const input = parseInput(editResponseRequestSchema, request.body);
    return editResponse(deps, token, input);
  });

  app.post(
    '/api/public/consultations/:consultationId/opinions',
    limited,
    async (request, reply) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      const { fields, file } = await opinionInput(request, config.documentMaxBytes);
      if (caughtByHoneypot(fields)) return reply.status(202).send(ACCEPTED);
      const input = parseInput(submitOpinionRequestSchema, fields);
      await submitOpinion(deps, consultationId, input, file, publicOrigin(request, config));
      return reply.status(202).send(ACCEPTED);
    },
  );

  app.get('/api/public/consultation-opinions/:token', limited, async (request) => {
    const { token } = parseInput(tokenParams, request.params);
    return verifyOpinion(deps, token, false);
  });

  app.post('/api/public/consultation-opinions/:token/verify', limited, async (request) => {
    const { token } = parseInput(tokenParams, request.params);
    return verifyOpinion(deps, token, true);
  });

  app.get('/api/public/consultations/:consultationId/results', async (request) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    return publicResults(repos, consultationId, clock());
  });

  app.get('/api/public/consultations/:consultationId/results.csv', async (request, reply) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    const csv = consultationResultsCsv(await publicResults(repos, consultationId, clock()));
    return reply
      .type('text/csv; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header(
        'content-disposition',
        contentDisposition(`consultation-${consultationId}-results.csv`),
      )
      .send(csv);
  });

  app.post(
    '/api/public/councils/:councilId/resident-data-requests',
    limited,
    async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      if (caughtByHoneypot(request.body)) return reply.status(202).send(ACCEPTED);
      const input = parseInput(residentDataRequestSchema, request.body);
      await requestResidentData(deps, councilId, input, publicOrigin(request, config));
      return reply.status(202).send(ACCEPTED);
    },
  );

  app.get('/api/public/resident-data/:token', limited, async (request) => {
    const { token } = parseInput(tokenParams, request.params);
    return residentData(deps, token);
  });

  app.delete('/api/public/resident-data/:token', limited, async (request) => {
    const { token } = parseInput(tokenParams, request.params);
    return deleteResidentData(deps, token);
  });
}
