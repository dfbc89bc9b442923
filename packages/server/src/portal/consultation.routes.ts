import {
  OPINION_TEXT_MAX,
  RESIDENT_NAME_MAX,
  responseProblems,
  SURVEY_LIMITS,
  type Language,
} from '@veche/domain';
import {
  editResponseRequestSchema,
  residentDataRequestSchema,
  submitOpinionRequestSchema,
  submitResponseRequestSchema,
  type PublicConsultation,
  type SurveyAnswersMessage,
  type SurveyMessage,
} from '@veche/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import {
  deleteResidentData,
  editResponse,
  publicConsultation,
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
} from '../consultations/resident-participation.use-case.js';
import { HttpError, parseInput } from '../http/api-error.js';
import { readUpload, type UploadedFile } from '../http/multipart-upload.js';
import { publicOrigin } from '../http/public-origin.js';
import { sittingName } from '../sittings/sitting-name.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import {
  answersFromForm,
  questionProblem,
  type FormProblem,
  type FormValues,
} from './consultation-form.js';
import {
  invalidLinkPage,
  opinionLinkPage,
  responseLinkPage,
  type LinkNotice,
} from './consultation-link.page.js';
import { consultationResultsPage, resultsNotYetPage } from './consultation-results.page.js';
import {
  consultationPage,
  consultationSentPage,
  type ConsultationAgendaLink,
} from './consultation.page.js';
import { consultationsPage, dayOn, type CalendarMonth } from './consultations.page.js';
import {
  residentDataPage,
  residentDataRequestPage,
  residentDataSentPage,
} from './resident-data.page.js';
import type { PortalKit } from './speak.routes.js';

const languageQuery = z.object({ lang: z.string().optional() });
const councilParams = z.object({ councilId: z.uuid() });
const consultationParams = z.object({ consultationId: z.uuid() });
/** A link's token: 256 random bits in base64url. */
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const calendarQuery = languageQuery.extend({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

/** Bytes of a text field: the longest text's characters, each up to four bytes in UTF-8. */
const TEXT_BYTES = 4 * Math.max(OPINION_TEXT_MAX, SURVEY_LIMITS.longTextMax) + 16;

/** The rate limit's refusal, turned into the form's message by the route. */
class RateLimited extends Error {}

/**
 * The text fields of a survey's form. A question with options sends a field per option, so the
 * app's default limit on fields (10) is raised to what this survey can send, and no further.
 */
async function readSurveyForm(request: FastifyRequest, survey: SurveyMessage) {
  if (!request.isMultipart()) {
    throw new HttpError(415, 'validation_failed', '(body): send multipart/form-data', {
      field: '(body)',
    });
  }
  const fields =
    10 +
    survey.questions.reduce(
      (sum, question) => sum + ('options' in question ? question.options.length : 1),
      0,
    );
  const texts: Record<string, string> = {};
  for await (const part of request.parts({
    limits: { fields, parts: fields + 1, files: 0, fieldSize: TEXT_BYTES },
  })) {
    if (part.type === 'field' && typeof part.value === 'string') texts[part.fieldname] = part.value;
  }
  return texts;
}

/** Each zod issue of the resident's fields as the page words it, on its field. */
function fieldProblems(error: z.ZodError, survey: SurveyMessage): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const issue of error.issues) {
    const [first, second] = issue.path;
    let problem: FormProblem | null = null;
    if (first === 'email') {
      problem =
        issue.code === 'too_big'
          ? { field: 'email', key: 'speak.error.tooLong', params: { max: 254 } }
          : { field: 'email', key: 'speak.error.email', params: { example: 'name@example.com' } };
    } else if (first === 'name' || first === 'text') {
      const max = first === 'name' ? RESIDENT_NAME_MAX : OPINION_TEXT_MAX;
      problem =
        issue.code === 'too_big'
          ? { field: first, key: 'speak.error.tooLong', params: { max } }
          : { field: first, key: 'speak.error.required' };
    } else if (first === 'answers' && typeof second === 'string') {
      problem = questionProblem(survey, second, issue.code === 'too_big' ? 'too_long' : 'invalid');
    }
    if (problem !== null && !problems.some((p) => p.field === problem.field)) {
      problems.push(problem);
    }
  }
  return problems;
}

/**
 * Everything wrong with a sent survey form, so that one round names it all: the rankings the
 * form could not read, the fields' own problems, and, once either exists (the use case is then
 * not asked), the domain's judgement of the answers, which the use case would pass otherwise.
 */
function formProblems(
  survey: SurveyMessage,
  answers: SurveyAnswersMessage,
  unordered: readonly number[],
  error: z.ZodError | undefined,
): FormProblem[] {
  const problems: FormProblem[] = [
    ...unordered.map((index) =>
      questionProblem(survey, survey.questions[index]!.id, 'not_a_ranking'),
    ),
    ...(error === undefined ? [] : fieldProblems(error, survey)),
  ];
  if (problems.length === 0) return problems;
  for (const problem of responseProblems(survey, answers)) {
    const shown = questionProblem(survey, problem.questionId, problem.code);
    if (!problems.some((p) => p.field === shown.field)) problems.push(shown);
  }
  // In the order of the form: questions first, by place, then the resident's fields.
  const rank = (field: string) => {
    const match = /^q(\d+)$/.exec(field);
    return match === null ? 1_000 : Number(match[1]);
  };
  return problems.sort((a, b) => rank(a.field) - rank(b.field));
}

/** A refusal of the use cases, on the field it is about; null for one the page cannot word. */
function refusalProblems(error: HttpError, survey: SurveyMessage): FormProblem[] | null {
  switch (error.code) {
    case 'response_invalid':
      return (error.details.issues ?? []).map((issue) =>
        questionProblem(survey, issue.field.replace(/^answers\./, ''), issue.code ?? ''),
      );
    case 'already_responded':
      return [{ field: 'email', key: 'consult.error.alreadyResponded' }];
    case 'mail_failed':
      return [{ field: 'email', key: 'speak.error.mail' }];
    case 'file_too_large':
      return [
        {
          field: 'attachment',
          key: 'speak.error.fileTooLarge',
          params: {
            size: `${String(Math.round(Number(error.details.facts?.maxBytes ?? 0) / 1_048_576))} MB`,
          },
        },
      ];
    case 'file_empty':
      return [{ field: 'attachment', key: 'speak.error.fileEmpty' }];
    case 'file_type_unsupported':
      return [
        {
          field: 'attachment',
          key: 'speak.error.fileType',
          params: { formats: 'PDF, DOCX, ODT, PNG, JPEG, WebP' },
        },
      ];
    default:
      return null;
  }
}

/** The values a form sends back to refill it (never the honeypot). */
function refill(texts: Record<string, string>): FormValues {
  const { website: _website, ...values } = texts;
  return values;
}

/**
 * The portal's pages for residents' side of consultations (issue 7, section 2): the calendar,
 * a consultation with its survey and opinion form, the pages the e-mailed links open, and the
 * results. Plain forms that work without JavaScript; the use cases are the JSON API's.
 */
export function consultationRoutes(
  scope: FastifyInstance,
  kit: PortalKit,
  deps: ResidentDeps,
  config: Config,
): void {
  const { repos, clock } = deps;
  const attachmentLimit = `${String(Math.round(config.documentMaxBytes / 1_048_576))} MB`;

  /** A use case's "not found" as the portal's 404 page. */
  async function orNotFound<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 404) throw kit.notFound();
      throw error;
    }
  }

  async function councilOf(councilId: string): Promise<CouncilRow> {
    const council = await repos.councils.findById(councilId);
    if (council === undefined) throw kit.notFound();
    return council;
  }

  /** The draft resolution's agenda item the consultation concerns, if its sitting is public. */
  async function agendaLink(
    consultation: PublicConsultation,
    language: Language,
  ): Promise<ConsultationAgendaLink | null> {
    if (consultation.agendaItemId === null) return null;
    const sittings = await repos.sittings.listForCouncil(consultation.councilId);
    const items = await repos.sittings.agendaOf(
      consultation.councilId,
      sittings.map((sitting) => sitting.id),
    );
    const item = items.find((candidate) => candidate.id === consultation.agendaItemId);
    if (item === undefined) return null;
    const sitting = await repos.sittings.publicById(item.sittingId);
    if (sitting === null) return null;
    return {
      sittingId: sitting.id,
      sittingName: sittingName(language, sitting),
      itemTitle: item.title,
    };
  }

  async function loaded(request: FastifyRequest, consultationId: string) {
    const consultation = await orNotFound(publicConsultation(repos, consultationId, clock()));
    const council = await councilOf(consultation.councilId);
    const context = kit.pageContext(request, kit.councilLanguage(council.defaultLanguage));
    return { consultation, council, context };
  }

  async function detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    consultationId: string,
    sent?: Parameters<typeof consultationPage>[1]['sent'],
    status = 200,
  ) {
    const { consultation, council, context } = await loaded(request, consultationId);
    const agenda = await agendaLink(consultation, context.language);
    return kit.sendPage(
      request,
      reply,
      consultationPage(context, {
        council,
        consultation,
        agenda,
        attachmentLimit,
        ...(sent ? { sent } : {}),
      }),
      status,
    );
  }

  scope.get('/portal/councils/:councilId/consultations', async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    const { month } = parseInput(calendarQuery, request.query);
    const council = await councilOf(councilId);
    const consultations = await orNotFound(publicConsultations(repos, councilId, clock()));
    const context = kit.pageContext(request, kit.councilLanguage(council.defaultLanguage));
    const today = dayOn(clock(), council.timeZone);
    const [year, number] = (month ?? today.slice(0, 7)).split('-').map(Number);
    const shown: CalendarMonth = { year: year!, month: number! };
    return kit.sendPage(
      request,
      reply,
      consultationsPage(context, { council, consultations, month: shown, today }),
    );
  });

  scope.get('/portal/consultations/:consultationId', async (request, reply) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    parseInput(languageQuery, request.query);
    return detailPage(request, reply, consultationId);
  });

  const limited = (form: 'response' | 'opinion') => ({
    config: {
      rateLimit: {
        // Per client address, as the request-to-speak form: enough for a household.
        max: config.publicFormRateLimit,
        timeWindow: 3_600_000,
        errorResponseBuilder: () => new RateLimited(),
      },
    },
    errorHandler: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      if (!(error instanceof RateLimited)) throw error;
      const { consultationId } = request.params as { consultationId: string };
      detailPage(
        request,
        reply,
        consultationId,
        { form, values: {}, problems: [{ field: 'form', key: 'speak.error.rateLimited' }] },
        429,
      ).catch((failure: unknown) => reply.send(failure));
    },
  });

  /** What follows a refused form: the page again with the form's values and its problems. */
  async function refused(
    request: FastifyRequest,
    reply: FastifyReply,
    consultationId: string,
    form: 'response' | 'opinion',
    error: unknown,
    values: FormValues,
    survey: SurveyMessage,
  ) {
    if (!(error instanceof HttpError)) throw error;
    // Closed meanwhile: the page now says so, without the forms.
    if (error.code === 'consultation_not_open') {
      return detailPage(request, reply, consultationId, undefined, 409);
    }
    const problems = refusalProblems(error, survey);
    if (problems === null) throw error;
    return detailPage(request, reply, consultationId, { form, values, problems }, error.statusCode);
  }

  scope.post(
    '/portal/consultations/:consultationId/response',
    limited('response'),
    async (request, reply) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      parseInput(languageQuery, request.query);
      const { consultation, council, context } = await loaded(request, consultationId);
      const survey = consultation.survey;
      const texts = await readSurveyForm(request, survey);
      const values = refill(texts);
      // The honeypot: answered as if sent, stored nowhere.
      if ((texts.website ?? '').trim() !== '') {
        return kit.sendPage(
          request,
          reply,
          consultationSentPage(context, { council, consultation, email: texts.email ?? '' }),
        );
      }
      const { answers, unordered } = answersFromForm(survey, texts);
      const parsed = submitResponseRequestSchema.safeParse({
        name: texts.name ?? '',
        email: texts.email ?? '',
        consentToPublishName: texts.consent === 'yes',
        language: context.language,
        answers,
      });
      const problems = formProblems(survey, answers, unordered, parsed.error);
      if (!parsed.success || problems.length > 0) {
        return detailPage(
          request,
          reply,
          consultationId,
          { form: 'response', values, problems },
          400,
        );
      }
      try {
        await submitResponse(deps, consultationId, parsed.data, publicOrigin(request, config));
      } catch (error) {
        return refused(request, reply, consultationId, 'response', error, values, survey);
      }
      return kit.sendPage(
        request,
        reply,
        consultationSentPage(context, { council, consultation, email: parsed.data.email }),
      );
    },
  );

  scope.post(
    '/portal/consultations/:consultationId/opinion',
    limited('opinion'),
    async (request, reply) => {
      const { consultationId } = parseInput(consultationParams, request.params);
      parseInput(languageQuery, request.query);
      const { consultation, council, context } = await loaded(request, consultationId);
      const survey = consultation.survey;
      let texts: Record<string, string>;
      let file: UploadedFile | undefined;
      try {
        ({ texts, file } = await readUpload(request, config.documentMaxBytes, TEXT_BYTES));
      } catch (error) {
        return refused(request, reply, consultationId, 'opinion', error, {}, survey);
      }
      const values = refill(texts);
      if ((texts.website ?? '').trim() !== '') {
        return kit.sendPage(
          request,
          reply,
          consultationSentPage(context, { council, consultation, email: texts.email ?? '' }),
        );
      }
      const parsed = submitOpinionRequestSchema.safeParse({
        name: texts.name ?? '',
        email: texts.email ?? '',
        consentToPublishName: texts.consent === 'yes',
        language: context.language,
        text: texts.text ?? '',
      });
      if (!parsed.success) {
        return detailPage(
          request,
          reply,
          consultationId,
          { form: 'opinion', values, problems: fieldProblems(parsed.error, survey) },
          400,
        );
      }
      // A browser sends an empty file part when no file was chosen.
      const attachment = file !== undefined && file.content.length > 0 ? file : undefined;
      try {
        await submitOpinion(
          deps,
          consultationId,
          parsed.data,
          attachment,
          publicOrigin(request, config),
        );
      } catch (error) {
        return refused(request, reply, consultationId, 'opinion', error, values, survey);
      }
      return kit.sendPage(
        request,
        reply,
        consultationSentPage(context, { council, consultation, email: parsed.data.email }),
      );
    },
  );

  scope.get('/portal/consultations/:consultationId/results', async (request, reply) => {
    const { consultationId } = parseInput(consultationParams, request.params);
    parseInput(languageQuery, request.query);
    const { consultation, council, context } = await loaded(request, consultationId);
    try {
      const results = await publicResults(repos, consultationId, clock());
      return kit.sendPage(
        request,
        reply,
        consultationResultsPage(context, { council, consultation, results }),
      );
    } catch (error) {
      if (!(error instanceof HttpError) || error.code !== 'consultation_not_finished') throw error;
      return kit.sendPage(
        request,
        reply,
        resultsNotYetPage(context, { council, consultation }),
        409,
      );
    }
  });

  /** A link that names nothing (any more): its own page, 404. */
  function invalidLink(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    if (!(error instanceof HttpError) || error.code !== 'link_invalid') throw error;
    const context = kit.pageContext(request, 'en');
    return kit.sendPage(request, reply, invalidLinkPage(context), 404);
  }

  async function responsePage(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    notice: LinkNotice,
    sent?: { values: FormValues; problems: readonly FormProblem[] },
    status = 200,
  ) {
    let response;
    try {
      response = await viewResponse(deps, token);
    } catch (error) {
      return invalidLink(request, reply, error);
    }
    const { consultation, council, context } = await loaded(request, response.consultationId);
    return kit.sendPage(
      request,
      reply,
      responseLinkPage(context, {
        council,
        consultation,
        response,
        token,
        notice,
        ...(sent ? { sent } : {}),
      }),
      status,
    );
  }

  scope.get('/portal/consultation-responses/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    parseInput(languageQuery, request.query);
    return responsePage(request, reply, token, null);
  });

  scope.post('/portal/consultation-responses/:token/confirm', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    parseInput(languageQuery, request.query);
    try {
      await verifyResponse(deps, token);
    } catch (error) {
      if (error instanceof HttpError && error.code === 'consultation_not_open') {
        return responsePage(request, reply, token, 'closed', undefined, 409);
      }
      return invalidLink(request, reply, error);
    }
    return responsePage(request, reply, token, 'confirmed');
  });

  scope.post('/portal/consultation-responses/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    parseInput(languageQuery, request.query);
    let current;
    try {
      current = await viewResponse(deps, token);
    } catch (error) {
      return invalidLink(request, reply, error);
    }
    const { consultation } = await loaded(request, current.consultationId);
    const survey = consultation.survey;
    const texts = await readSurveyForm(request, survey);
    const values = refill(texts);
    const { answers, unordered } = answersFromForm(survey, texts);
    const parsed = editResponseRequestSchema.safeParse({
      answers,
      name: texts.name ?? '',
      consentToPublishName: texts.consent === 'yes',
    });
    const problems = formProblems(survey, answers, unordered, parsed.error);
    if (!parsed.success || problems.length > 0) {
      return responsePage(request, reply, token, null, { values, problems }, 400);
    }
    try {
      await editResponse(deps, token, parsed.data);
    } catch (error) {
      if (error instanceof HttpError && error.code === 'consultation_not_open') {
        return responsePage(request, reply, token, 'closed', undefined, 409);
      }
      if (error instanceof HttpError && error.code === 'response_invalid') {
        const refusal = refusalProblems(error, survey) ?? [];
        return responsePage(request, reply, token, null, { values, problems: refusal }, 422);
      }
      return invalidLink(request, reply, error);
    }
    return responsePage(request, reply, token, 'saved');
  });

  async function opinionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    confirm: boolean,
  ) {
    let notice: LinkNotice = confirm ? 'confirmed' : null;
    let status = 200;
    let opinion;
    try {
      opinion = await verifyOpinion(deps, token, confirm);
    } catch (error) {
      if (!(error instanceof HttpError) || error.code !== 'consultation_not_open') {
        return invalidLink(request, reply, error);
      }
      opinion = await verifyOpinion(deps, token, false);
      notice = 'closed';
      status = 409;
    }
    const { consultation, council, context } = await loaded(request, opinion.consultationId);
    return kit.sendPage(
      request,
      reply,
      opinionLinkPage(context, {
        council,
        opinion,
        token,
        open: consultation.status === 'ongoing',
        notice,
      }),
      status,
    );
  }

  scope.get('/portal/consultation-opinions/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    parseInput(languageQuery, request.query);
    return opinionPage(request, reply, token, false);
  });

  scope.post('/portal/consultation-opinions/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    parseInput(languageQuery, request.query);
    return opinionPage(request, reply, token, true);
  });

  async function dataRequestPage(
    request: FastifyRequest,
    reply: FastifyReply,
    councilId: string,
    sent: { values: FormValues; problems: readonly FormProblem[] } | null,
    status = 200,
  ) {
    const council = await councilOf(councilId);
    const context = kit.pageContext(request, kit.councilLanguage(council.defaultLanguage));
    return kit.sendPage(
      request,
      reply,
      residentDataRequestPage(context, { council, sent }),
      status,
    );
  }

  scope.get('/portal/councils/:councilId/resident-data', async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    parseInput(languageQuery, request.query);
    return dataRequestPage(request, reply, councilId, null);
  });

  scope.post(
    '/portal/councils/:councilId/resident-data',
    {
      config: {
        rateLimit: {
          max: config.publicFormRateLimit,
          timeWindow: 3_600_000,
          errorResponseBuilder: () => new RateLimited(),
        },
      },
      errorHandler: (error, request, reply) => {
        if (!(error instanceof RateLimited)) throw error;
        const { councilId } = request.params as { councilId: string };
        dataRequestPage(
          request,
          reply,
          councilId,
          { values: {}, problems: [{ field: 'form', key: 'speak.error.rateLimited' }] },
          429,
        ).catch((failure: unknown) => reply.send(failure));
      },
    },
    async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      parseInput(languageQuery, request.query);
      const council = await councilOf(councilId);
      const context = kit.pageContext(request, kit.councilLanguage(council.defaultLanguage));
      const { texts } = await readUpload(request, 1);
      const values = refill(texts);
      const parsed = residentDataRequestSchema.safeParse({
        email: texts.email ?? '',
        language: context.language,
      });
      if (!parsed.success) {
        return dataRequestPage(
          request,
          reply,
          councilId,
          { values, problems: fieldProblems(parsed.error, { questions: [] }) },
          400,
        );
      }
      // The honeypot: the same page as always, nothing sent.
      if ((texts.website ?? '').trim() === '') {
        try {
          await requestResidentData(deps, councilId, parsed.data, publicOrigin(request, config));
        } catch (error) {
          if (!(error instanceof HttpError) || error.code !== 'mail_failed') throw error;
          return dataRequestPage(
            request,
            reply,
            councilId,
            { values, problems: [{ field: 'email', key: 'speak.error.mail' }] },
            502,
          );
        }
      }
      return kit.sendPage(
        request,
        reply,
        residentDataSentPage(context, { council, email: parsed.data.email }),
      );
    },
  );

  async function dataPage(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    remove: boolean,
  ) {
    let deleted = null;
    let data;
    try {
      if (remove) deleted = await deleteResidentData(deps, token);
      data = await residentData(deps, token);
    } catch (error) {
      return invalidLink(request, reply, error);
    }
    const first = data.responses[0]?.consultationId ?? data.opinions[0]?.consultationId;
    let council: CouncilRow | null = null;
    if (first !== undefined) {
      const consultation = await orNotFound(publicConsultation(repos, first, clock()));
      council = await councilOf(consultation.councilId);
    }
    const context = kit.pageContext(
      request,
      council === null ? 'en' : kit.councilLanguage(council.defaultLanguage),
    );
    return kit.sendPage(
      request,
      reply,
      residentDataPage(context, { council, data, token, deleted }),
    );
  }

  scope.get('/portal/resident-data/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    parseInput(languageQuery, request.query);
    return dataPage(request, reply, token, false);
  });

  scope.post('/portal/resident-data/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    parseInput(languageQuery, request.query);
    return dataPage(request, reply, token, true);
  });
}
