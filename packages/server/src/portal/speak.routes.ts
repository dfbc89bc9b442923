import {
  SPEECH_REQUEST_ATTACHMENT_MAX_BYTES,
  SPEECH_REQUEST_NAME_MAX,
  SPEECH_REQUEST_SUMMARY_MAX,
  type Language,
} from '@veche/domain';
import { speechRequestFormSchema } from '@veche/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { HttpError, parseInput } from '../http/api-error.js';
import { readUpload, type UploadedFile } from '../http/multipart-upload.js';
import { publicOrigin } from '../http/public-origin.js';
import {
  speechRequestWindow,
  type SpeechRequestUseCases,
} from '../residents/speech-requests.use-case.js';

type ConfirmedRequest = NonNullable<Awaited<ReturnType<SpeechRequestUseCases['byToken']>>>;
import type { PageContext } from './portal-layout.js';
import type { PortalUseCases } from './portal.use-case.js';
import {
  confirmPage,
  speakPage,
  speakSentPage,
  type FieldProblem,
  type SpeakFormValues,
} from './speak.page.js';

/** What the portal's routes share with these: how a page is answered. */
export interface PortalKit {
  pageContext(request: FastifyRequest, fallback: Language): PageContext;
  sendPage(request: FastifyRequest, reply: FastifyReply, html: string, status?: number): unknown;
  councilLanguage(value: string): Language;
  notFound(): Error;
}

const sittingParams = z.object({ sittingId: z.uuid() });
const tokenQuery = z.object({ token: z.string().min(1).max(200) });
const plainQuery = z.object({ lang: z.string().optional() });

/** Bytes of a text field: the summary's characters, each up to four bytes in UTF-8. */
const FIELD_BYTES = 4 * SPEECH_REQUEST_SUMMARY_MAX + 16;

/** The rate limit's refusal, turned into the form's message by the route. */
class RateLimited extends Error {}

const ATTACHMENT_SIZE = '5 MB';

/** Each zod issue of the form as the page words it, on its field. */
function formProblems(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (problems.some((p) => p.field === field)) continue;
    if (field === 'itemId') problems.push({ field, key: 'speak.error.item' });
    if (field === 'email') {
      problems.push(
        issue.code === 'too_big'
          ? { field, key: 'speak.error.tooLong', params: { max: 254 } }
          : { field, key: 'speak.error.email', params: { example: 'name@example.com' } },
      );
    }
    if (field === 'name' || field === 'summary') {
      const max = field === 'name' ? SPEECH_REQUEST_NAME_MAX : SPEECH_REQUEST_SUMMARY_MAX;
      problems.push(
        issue.code === 'too_big'
          ? { field, key: 'speak.error.tooLong', params: { max } }
          : { field, key: 'speak.error.required' },
      );
    }
  }
  return problems;
}

/** A refusal of the use case, on the field it names. */
function refusalProblem(error: HttpError): FieldProblem | null {
  switch (error.code) {
    case 'unknown_item':
      return { field: 'itemId', key: 'speak.error.item' };
    case 'too_many_requests':
      return { field: 'email', key: 'speak.error.tooMany' };
    case 'mail_failed':
      return { field: 'email', key: 'speak.error.mail' };
    case 'file_too_large':
      return {
        field: 'attachment',
        key: 'speak.error.fileTooLarge',
        params: { size: ATTACHMENT_SIZE },
      };
    case 'file_empty':
      return { field: 'attachment', key: 'speak.error.fileEmpty' };
    case 'file_type_unsupported':
      return {
        field: 'attachment',
        key: 'speak.error.fileType',
        params: { formats: 'PDF, DOCX, ODT, PNG, JPEG, WebP' },
      };
    default:
      return null;
  }
}

/** What the confirmation page says of the request a link names. */
function confirmFacts(found: ConfirmedRequest, lastDay: string) {
  return {
    council: found.council,
    sitting: found.sitting,
    name: found.request.name,
    itemTitle: found.request.itemTitle,
    lastDay,
  };
}

/**
 * The portal's pages for residents' requests to speak (issue 7, section 1): the form, what
 * follows it, and the confirmation link's page. Plain forms, so they work without JavaScript.
 */
export function speakRoutes(
  scope: FastifyInstance,
  kit: PortalKit,
  portal: PortalUseCases,
  speech: SpeechRequestUseCases,
  config: Config,
  clock: () => Date,
): void {
  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    sittingId: string,
    values?: SpeakFormValues,
    problems?: readonly FieldProblem[],
    status = 200,
  ) {
    const page = await portal.sitting(sittingId);
    if (page === null) throw kit.notFound();
    const context = kit.pageContext(request, kit.councilLanguage(page.council.defaultLanguage));
    const window = speechRequestWindow(page.sitting, page.council, clock());
    return kit.sendPage(
      request,
      reply,
      speakPage(context, { ...page, window, values, problems }),
      status,
    );
  }

  scope.get('/portal/sittings/:sittingId/speak', async (request, reply) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    parseInput(plainQuery, request.query);
    return formPage(request, reply, sittingId);
  });

  scope.post(
    '/portal/sittings/:sittingId/speak',
    {
      config: {
        rateLimit: {
          // Per client address: plenty for a family behind one router, too few for a program.
          max: config.publicFormRateLimit,
          timeWindow: 3_600_000,
          errorResponseBuilder: () => new RateLimited(),
        },
      },
      errorHandler: (error, request, reply) => {
        if (!(error instanceof RateLimited)) throw error;
        const { sittingId } = request.params as { sittingId: string };
        formPage(
          request,
          reply,
          sittingId,
          undefined,
          [{ field: 'form', key: 'speak.error.rateLimited' }],
          429,
        ).catch((failure: unknown) => reply.send(failure));
      },
    },
    async (request, reply) => {
      const { sittingId } = parseInput(sittingParams, request.params);
      let texts: Record<string, string>;
      let file: UploadedFile | undefined;
      try {
        ({ texts, file } = await readUpload(
          request,
          SPEECH_REQUEST_ATTACHMENT_MAX_BYTES,
          FIELD_BYTES,
        ));
      } catch (error) {
        if (error instanceof HttpError && error.code === 'file_too_large') {
          return formPage(request, reply, sittingId, undefined, [refusalProblem(error)!], 413);
        }
        throw error;
      }
      const values: SpeakFormValues = {
        name: texts.name,
        email: texts.email,
        itemId: texts.itemId,
        summary: texts.summary,
      };
      const parsed = speechRequestFormSchema.safeParse(texts);
      if (!parsed.success) {
        return formPage(request, reply, sittingId, values, formProblems(parsed.error), 400);
      }
      const page = await portal.sitting(sittingId);
      if (page === null) throw kit.notFound();
      const context = kit.pageContext(request, kit.councilLanguage(page.council.defaultLanguage));
      try {
        const outcome = await speech.file({
          sittingId,
          form: parsed.data,
          attachment: file,
          language: context.language,
          origin: publicOrigin(request, config),
        });
        const lastDay = speechRequestWindow(page.sitting, page.council, clock()).lastDay;
        const sent =
          outcome.kind === 'already'
            ? { kind: 'already' as const, status: outcome.request.status as 'pending' }
            : { kind: 'sent' as const, email: parsed.data.email };
        return kit.sendPage(
          request,
          reply,
          speakSentPage(context, { ...page, lastDay, sent }),
          outcome.kind === 'filed' || outcome.kind === 'ignored' ? 201 : 200,
        );
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        // Past the deadline meanwhile: the form's page now says so.
        if (error.code === 'requests_closed') {
          return formPage(request, reply, sittingId, values, [], 409);
        }
        const problem = refusalProblem(error);
        if (problem === null) throw error;
        return formPage(request, reply, sittingId, values, [problem], error.statusCode);
      }
    },
  );

  scope.get('/portal/speech-requests/confirm', async (request, reply) => {
    const { token } = parseInput(tokenQuery.extend(plainQuery.shape), request.query);
    const found = await speech.byToken(token);
    const context = kit.pageContext(
      request,
      found === null ? 'en' : kit.councilLanguage(found.request.language),
    );
    if (found === null) {
      return kit.sendPage(
        request,
        reply,
        confirmPage(context, { state: 'invalid', token, found: null }),
        404,
      );
    }
    const window = speechRequestWindow(found.sitting, found.council, clock());
    const state =
      found.request.status !== 'unverified' ? 'done' : window.closed === null ? 'ask' : 'closed';
    return kit.sendPage(
      request,
      reply,
      confirmPage(context, {
        state,
        token,
        found: confirmFacts(found, window.lastDay),
      }),
    );
  });

  scope.post('/portal/speech-requests/confirm', async (request, reply) => {
    parseInput(plainQuery, request.query);
    const { texts } = await readUpload(request, 1);
    const { token } = parseInput(tokenQuery, texts);
    let state: 'done' | 'closed' = 'done';
    let found = await speech.byToken(token);
    try {
      found = await speech.confirm(token);
    } catch (error) {
      if (!(error instanceof HttpError) || error.code !== 'requests_closed') throw error;
      state = 'closed';
    }
    const context = kit.pageContext(
      request,
      found === null ? 'en' : kit.councilLanguage(found.request.language),
    );
    if (found === null) {
      return kit.sendPage(
        request,
        reply,
        confirmPage(context, { state: 'invalid', token, found: null }),
        404,
      );
    }
    return kit.sendPage(
      request,
      reply,
      confirmPage(context, {
        state,
        token,
        found: confirmFacts(
          found,
          speechRequestWindow(found.sitting, found.council, clock()).lastDay,
        ),
      }),
      state === 'closed' ? 409 : 200,
    );
  });
}
