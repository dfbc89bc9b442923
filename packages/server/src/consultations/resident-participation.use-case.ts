import {
  acceptsResponses,
  normalizeEmail,
  normalizeResponse,
  residentDeletionEffect,
  responseProblems,
  resultsArePublic,
  type Language,
} from '@veche/domain';
import type {
  AgendaItemConsultations,
  ConsultationResults,
  EditResponseRequest,
  PublicConsultation,
  ResidentData,
  ResidentDataDeletion,
  ResidentOpinion,
  ResidentResponse,
  SubmitOpinionRequest,
  SubmitResponseRequest,
} from '@veche/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { hashSessionToken, newSessionToken } from '../accounts/session-token.js';
import { acceptedDocumentType } from '../documents/document-type.js';
import { cleanFileName } from '../documents/documents.use-case.js';
import { HttpError } from '../http/api-error.js';
import type { UploadedFile } from '../http/multipart-upload.js';
import { formatMailTime, type MailKind, type MailParams } from '../mail/mail-texts.js';
import type { Mailer } from '../mail/mailer.js';
import { renderMail } from '../mail/render-mail.js';
import type { BlobStore } from '../storage/blob-store.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type {
  ConsultationResponseRow,
  ConsultationRow,
} from '../storage/repositories/consultations.repository.js';
import { hasPgCode, UNIQUE_VIOLATION, type StorageContext } from '../storage/storage-context.js';
import { consultationResults } from './consultation-results.js';
import {
  publicConsultationView,
  residentOpinionView,
  residentResponseView,
  statusOf,
  surveyOf,
} from './consultation-views.js';

/** How long a resident's data request link works. */
export const DATA_REQUEST_TTL_MS = 24 * 3_600_000;

export interface ResidentDeps {
  readonly storage: StorageContext;
  readonly repos: Repositories;
  readonly mailer: Mailer;
  readonly blobs: BlobStore;
  readonly logger: FastifyBaseLogger;
  readonly clock: () => Date;
}

/** Addresses of the pages the links in residents' e-mails open (the public portal's). */
export const residentLinks = {
  response: (origin: string, token: string) => `${origin}/portal/consultation-responses/${token}`,
  opinion: (origin: string, token: string) => `${origin}/portal/consultation-opinions/${token}`,
  data: (origin: string, token: string) => `${origin}/portal/resident-data/${token}`,
};

const notFound = () => new HttpError(404, 'not_found', 'No such consultation');
const linkInvalid = () =>
  new HttpError(404, 'link_invalid', 'The link is not valid (any more); ask for a new one');

/** A published consultation (a draft is "not found", like an unknown id) and its council. */
async function publishedConsultation(
  repos: Repositories,
  consultationId: string,
): Promise<{ row: ConsultationRow; council: CouncilRow }> {
  const row = await repos.consultations.locate(consultationId);
  if (row === undefined || row.publishedAt === null) throw notFound();
  const council = await repos.councils.findById(row.councilId);
  if (council === undefined) throw notFound();
  return { row, council };
}

function notOpen(row: ConsultationRow, now: Date): HttpError {
  return new HttpError(
    409,
    'consultation_not_open',
    'The consultation is not open for answers now',
    { facts: { status: statusOf(row, now) } },
  );
}

async function send<K extends MailKind>(
  deps: ResidentDeps,
  to: string,
  kind: K,
  language: Language,
  params: MailParams[K],
): Promise<void> {
  const mail = renderMail(kind, language, params);
  try {
    await deps.mailer.send({ to, ...mail });
  } catch (error) {
    deps.logger.error({ err: error, event: 'resident_mail_failed', kind }, 'mail not sent');
    throw new HttpError(502, 'mail_failed', 'The e-mail could not be sent; try again later');
  }
}

const languageFor = (council: CouncilRow, asked: Language | undefined): Language =>
  asked ?? (council.defaultLanguage as Language);

/** A council's published consultations with their status, the latest first. */
export async function publicConsultations(
  repos: Repositories,
  councilId: string,
  now: Date,
): Promise<PublicConsultation[]> {
  if ((await repos.councils.findById(councilId)) === undefined) {
    throw new HttpError(404, 'not_found', 'No such council');
  }
  const rows = await repos.consultations.listForCouncil(councilId, true);
  const documents = await repos.consultations.documentsOf(
    councilId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => publicConsultationView(row, documents, now));
}

/** One published consultation with its documents and survey. */
export async function publicConsultation(
  repos: Repositories,
  consultationId: string,
  now: Date,
): Promise<PublicConsultation> {
  const { row, council } = await publishedConsultation(repos, consultationId);
  const documents = await repos.consultations.documentsOf(council.id, [row.id]);
  return publicConsultationView(row, documents, now);
}

/** A public document of a published consultation. */
export async function publicConsultationDocument(repos: Repositories, documentId: string) {
  const document = await repos.consultations.findDocument(documentId);
  const missing = () => new HttpError(404, 'not_found', 'No such document');
  if (document === undefined) throw missing();
  const consultation = await repos.consultations.findById(
    document.councilId,
    document.consultationId,
  );
  if (consultation?.publishedAt === null || consultation === undefined) throw missing();
  return document;
}

/** Refuses a response that does not fit the survey, naming each question. */
function checkAnswers(row: ConsultationRow, answers: SubmitResponseRequest['answers']) {
  const problems = responseProblems(surveyOf(row), answers);
  if (problems.length === 0) return;
  throw new HttpError(
    422,
    'response_invalid',
    problems.map((problem) => `${problem.field}: ${problem.code}`).join('; '),
    {
      field: problems[0]!.field,
      issues: problems.map((problem) => ({
        field: problem.field,
        code: problem.code,
        message: `question ${problem.questionId}: ${problem.code}`,
      })),
    },
  );
}

/**
 * A resident answers the survey of an ongoing consultation. The response is stored unverified
 * and an e-mail in the resident's language carries the link that confirms the address (only
 * then does it count) and later edits it. The database keeps one response per address: a second
 * one is refused (409 `already_responded`, field `email`) and the address gets a fresh link to
 * the response it already has, so its owner, and only they, can change it.
 */
export async function submitResponse(
  deps: ResidentDeps,
  consultationId: string,
  input: SubmitResponseRequest,
  origin: string,
): Promise<void> {
  const { repos } = deps;
  const now = deps.clock();
  const { row, council } = await publishedConsultation(repos, consultationId);
  if (!acceptsResponses(statusOf(row, now))) throw notOpen(row, now);
  checkAnswers(row, input.answers);
  const language = languageFor(council, input.language);
  const emailNormalized = normalizeEmail(input.email);
  const token = newSessionToken();
  const endsAt = formatMailTime(row.endsAt, language, council.timeZone);
  try {
    await repos.consultations.createResponse({
      councilId: council.id,
      consultationId: row.id,
      name: input.name,
      email: input.email.trim(),
      emailNormalized,
      consentToPublishName: input.consentToPublishName,
      language,
      tokenHash: hashSessionToken(token),
      answers: normalizeResponse(surveyOf(row), input.answers),
    });
  } catch (error) {
    if (!hasPgCode(error, UNIQUE_VIOLATION)) throw error;
    const existing = await repos.consultations.findResponseByEmail(row.id, emailNormalized);
    if (existing !== undefined && existing.email !== null) {
      await repos.consultations.replaceResponseToken(existing.id, hashSessionToken(token));
      const existingLanguage = existing.language as Language;
      await send(deps, existing.email, 'consultation_response_exists', existingLanguage, {
        recipientName: existing.name ?? input.name,
        councilName: council.name,
        consultationSubject: row.subject,
        link: residentLinks.response(origin, token),
        endsAt: formatMailTime(row.endsAt, existingLanguage, council.timeZone),
      });
    }
    throw new HttpError(
      409,
      'already_responded',
      'email: this address has already answered this consultation; a link to that response was sent to it',
      { field: 'email' },
    );
  }
  await send(deps, input.email.trim(), 'consultation_response', language, {
    recipientName: input.name,
    councilName: council.name,
    consultationSubject: row.subject,
    link: residentLinks.response(origin, token),
    endsAt,
  });
}

async function responseByToken(
  repos: Repositories,
  token: string,
): Promise<{ response: ConsultationResponseRow; row: ConsultationRow }> {
  const response = await repos.consultations.findResponseByToken(hashSessionToken(token));
  if (response === undefined) throw linkInvalid();
  const row = await repos.consultations.findById(response.councilId, response.consultationId);
  if (row === undefined) throw linkInvalid();
  return { response, row };
}

const responseView = (response: ConsultationResponseRow, row: ConsultationRow, now: Date) =>
  residentResponseView(response, {
    subject: row.subject,
    endsAt: row.endsAt,
    status: statusOf(row, now),
  });

/** The resident's response as their link shows it. */
export async function viewResponse(deps: ResidentDeps, token: string): Promise<ResidentResponse> {
  const { response, row } = await responseByToken(deps.repos, token);
  return responseView(response, row, deps.clock());
}

/**
 * The link confirms the address: from then on the response counts. Only while the
 * consultation is ongoing, so that results, once it has ended, no longer move.
 */
export async function verifyResponse(deps: ResidentDeps, token: string): Promise<ResidentResponse> {
  const now = deps.clock();
  const { response, row } = await responseByToken(deps.repos, token);
  if (response.verifiedAt !== null) return responseView(response, row, now);
  if (!acceptsResponses(statusOf(row, now))) throw notOpen(row, now);
  const verified = await deps.repos.consultations.verifyResponse(response.id);
  return responseView(verified ?? response, row, now);
}

/**
 * The resident changes their response through the link until the end. Using the link proves
 * the address as verifying does, so an edit also verifies.
 */
export async function editResponse(
  deps: ResidentDeps,
  token: string,
  input: EditResponseRequest,
): Promise<ResidentResponse> {
  const now = deps.clock();
  const { response, row } = await responseByToken(deps.repos, token);
  if (!acceptsResponses(statusOf(row, now))) throw notOpen(row, now);
  checkAnswers(row, input.answers);
  await deps.repos.consultations.verifyResponse(response.id);
  const updated = await deps.repos.consultations.updateResponse(response.id, {
    answers: normalizeResponse(surveyOf(row), input.answers),
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.consentToPublishName === undefined
      ? {}
      : { consentToPublishName: input.consentToPublishName }),
  });
  if (updated === undefined) throw linkInvalid();
  return responseView(updated, row, now);
}

/**
 * A resident sends an opinion (text, optionally a file judged by content like documents) to an
 * ongoing consultation; it reaches the office once the address is confirmed by the e-mailed link.
 */
export async function submitOpinion(
  deps: ResidentDeps,
  consultationId: string,
  input: SubmitOpinionRequest,
  file: UploadedFile | undefined,
  origin: string,
): Promise<void> {
  const { repos } = deps;
  const now = deps.clock();
  const { row, council } = await publishedConsultation(repos, consultationId);
  if (!acceptsResponses(statusOf(row, now))) throw notOpen(row, now);
  let attachment = null;
  if (file !== undefined) {
    const type = await acceptedDocumentType(file.content);
    const blob = await deps.blobs.put(file.content);
    attachment = {
      fileName: cleanFileName(file.fileName),
      mediaType: type.mediaType,
      sizeBytes: blob.sizeBytes,
      sha256: blob.sha256,
    };
  }
  const language = languageFor(council, input.language);
  const token = newSessionToken();
  await repos.consultations.createOpinion({
    councilId: council.id,
    consultationId: row.id,
    name: input.name,
    email: input.email.trim(),
    emailNormalized: normalizeEmail(input.email),
    consentToPublishName: input.consentToPublishName,
    language,
    tokenHash: hashSessionToken(token),
    text: input.text,
    attachment,
  });
  await send(deps, input.email.trim(), 'consultation_opinion', language, {
    recipientName: input.name,
    councilName: council.name,
    consultationSubject: row.subject,
    link: residentLinks.opinion(origin, token),
  });
}

/** The opinion's link confirms the address (while the consultation is ongoing) and shows it. */
export async function verifyOpinion(
  deps: ResidentDeps,
  token: string,
  confirm: boolean,
): Promise<ResidentOpinion> {
  const now = deps.clock();
  const opinion = await deps.repos.consultations.findOpinionByToken(hashSessionToken(token));
  if (opinion === undefined) throw linkInvalid();
  const row = await deps.repos.consultations.findById(opinion.councilId, opinion.consultationId);
  if (row === undefined) throw linkInvalid();
  if (!confirm || opinion.verifiedAt !== null) return residentOpinionView(opinion, row.subject);
  if (!acceptsResponses(statusOf(row, now))) throw notOpen(row, now);
  const verified = await deps.repos.consultations.verifyOpinion(opinion.id);
  return residentOpinionView(verified ?? opinion, row.subject);
}

/** The public results of a finished consultation (the office sees them at any time). */
export async function publicResults(
  repos: Repositories,
  consultationId: string,
  now: Date,
): Promise<ConsultationResults> {
  const { row } = await publishedConsultation(repos, consultationId);
  if (!resultsArePublic(statusOf(row, now))) {
    throw new HttpError(
      409,
      'consultation_not_finished',
      'The results are published when the consultation ends',
      { facts: { endsAt: row.endsAt.toISOString() } },
    );
  }
  return consultationResults(repos, row, now);
}

/**
 * The published consultations about an agenda item's draft resolution, each with its results
 * once finished: the report councillors see on the item during the sitting. All of it is public.
 */
export async function agendaItemConsultations(
  repos: Repositories,
  agendaItemId: string,
  now: Date,
): Promise<AgendaItemConsultations> {
  const rows = await repos.consultations.publishedForAgendaItem(agendaItemId);
  const consultations = [];
  for (const row of rows) {
    const documents = await repos.consultations.documentsOf(row.councilId, [row.id]);
    consultations.push({
      consultation: publicConsultationView(row, documents, now),
      results: resultsArePublic(statusOf(row, now))
        ? await consultationResults(repos, row, now)
        : null,
    });
  }
  return { consultations };
}

/**
 * A resident asks what a council keeps about an address. The answer is the same whether or not
 * anything is kept (nobody learns who took part); if something is, the address gets a link.
 */
export async function requestResidentData(
  deps: ResidentDeps,
  councilId: string,
  input: { email: string; language?: Language | undefined },
  origin: string,
): Promise<void> {
  const council = await deps.repos.councils.findById(councilId);
  if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
  const emailNormalized = normalizeEmail(input.email);
  const entries = await deps.repos.consultations.residentEntries(councilId, emailNormalized);
  if (entries.responses.length === 0 && entries.opinions.length === 0) return;
  const token = newSessionToken();
  const expiresAt = new Date(deps.clock().getTime() + DATA_REQUEST_TTL_MS);
  await deps.repos.consultations.createDataRequest({
    councilId,
    emailNormalized,
    tokenHash: hashSessionToken(token),
    expiresAt,
  });
  const language = languageFor(council, input.language);
  await send(deps, input.email.trim(), 'resident_data', language, {
    councilName: council.name,
    link: residentLinks.data(origin, token),
    expiresAt: formatMailTime(expiresAt, language, council.timeZone),
  });
}

async function dataRequest(deps: ResidentDeps, token: string) {
  const request = await deps.repos.consultations.findDataRequest(hashSessionToken(token));
  if (request === undefined) throw linkInvalid();
  return {
    request,
    entries: await deps.repos.consultations.residentEntries(
      request.councilId,
      request.emailNormalized,
    ),
  };
}

/** What a council keeps about the address of a data request's link. */
export async function residentData(deps: ResidentDeps, token: string): Promise<ResidentData> {
  const now = deps.clock();
  const { request, entries } = await dataRequest(deps, token);
  return {
    email: request.emailNormalized,
    responses: entries.responses.map((response) =>
      residentResponseView(response, {
        subject: response.consultationSubject,
        endsAt: response.consultationEndsAt,
        status: statusAt(response, now),
      }),
    ),
    opinions: entries.opinions.map((opinion) =>
      residentOpinionView(opinion, opinion.consultationSubject),
    ),
  };
}

const statusAt = (
  entry: { consultationEndsAt: Date; consultationPublishedAt: Date | null },
  now: Date,
) =>
  entry.consultationPublishedAt === null
    ? ('draft' as const)
    : now.getTime() < entry.consultationEndsAt.getTime()
      ? ('ongoing' as const)
      : ('finished' as const);

/**
 * The resident deletes what a council keeps about their address: an entry of a consultation
 * still running goes entirely; one of a finished consultation is part of its results, so only
 * the name and e-mail go (the domain's `residentDeletionEffect`).
 */
export async function deleteResidentData(
  deps: ResidentDeps,
  token: string,
): Promise<ResidentDataDeletion> {
  const now = deps.clock();
  const { entries } = await dataRequest(deps, token);
  // All of it or nothing: a half-done deletion would leave the resident unsure what is kept.
  return inTransaction(deps.storage, async (tx) => {
    let deleted = 0;
    let anonymised = 0;
    for (const response of entries.responses) {
      if (residentDeletionEffect(statusAt(response, now)) === 'delete') {
        await tx.consultations.deleteResponse(response.id);
        deleted += 1;
      } else {
        await tx.consultations.anonymiseResponse(response.id);
        anonymised += 1;
      }
    }
    for (const opinion of entries.opinions) {
      if (residentDeletionEffect(statusAt(opinion, now)) === 'delete') {
        await tx.consultations.deleteOpinion(opinion.id);
        deleted += 1;
      } else {
        await tx.consultations.anonymiseOpinion(opinion.id);
        anonymised += 1;
      }
    }
    return { deleted, anonymised };
  });
}
