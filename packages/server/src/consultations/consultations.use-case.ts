import canonicalize from 'canonicalize';
import {
  holdsAnyRole,
  maySurveyChange,
  normalizeAgenda,
  numberAgenda,
  periodProblems,
  surveyProblems,
  type CouncilRole,
  type Survey,
} from '@veche/domain';
import type {
  Consultation,
  ConsultationDocument,
  CreateConsultationRequest,
  DraftResolutionChoices,
  OfficeOpinions,
  OfficeResponses,
  PublishConsultationRequest,
  UpdateConsultationRequest,
} from '@veche/protocol';
import { acceptedDocumentType } from '../documents/document-type.js';
import { cleanFileName, withoutExtension } from '../documents/documents.use-case.js';
import { HttpError } from '../http/api-error.js';
import { agendaTree } from '../sittings/agenda-rows.js';
import type { UploadedFile } from '../http/multipart-upload.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Repositories } from '../storage/repositories.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type {
  ConsultationFields,
  ConsultationOpinionRow,
  ConsultationRow,
} from '../storage/repositories/consultations.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import {
  answersOf,
  attachmentOf,
  consultationDocumentView,
  officeConsultationView,
  statusOf,
} from './consultation-views.js';

/** The council office runs consultations: its operators and administrators. */
export const CONSULTATION_OFFICE_ROLES: readonly CouncilRole[] = ['operator', 'council_admin'];

const notFound = () => new HttpError(404, 'not_found', 'No such consultation');

/**
 * The council, for its office only: a user without a role in it gets "not found" (they may not
 * learn it has consultations), one with another role "forbidden".
 */
export async function officeCouncil(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<CouncilRow> {
  const council = await repos.councils.findById(councilId);
  const roles = (await repos.users.councilsOf(user.id)).find(
    (entry) => entry.councilId === councilId,
  )?.roles;
  if (council === undefined || roles === undefined) {
    throw new HttpError(404, 'not_found', 'No such council');
  }
  if (!holdsAnyRole(roles, CONSULTATION_OFFICE_ROLES)) {
    throw new HttpError(403, 'forbidden', 'Only the council office manages consultations');
  }
  return council;
}

/** A consultation and its council, for the council's office; "not found" for a stranger. */
export async function officeConsultation(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
): Promise<{ council: CouncilRow; row: ConsultationRow }> {
  const row = await repos.consultations.locate(consultationId);
  if (row === undefined) throw notFound();
  try {
    return { council: await officeCouncil(repos, user, row.councilId), row };
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 404) throw notFound();
    throw error;
  }
}

async function viewOf(
  repos: Repositories,
  council: CouncilRow,
  row: ConsultationRow,
  now: Date,
): Promise<Consultation> {
  const documents = await repos.consultations.documentsOf(council.id, [row.id]);
  const counts = await repos.consultations.countsFor([row.id]);
  return officeConsultationView(
    row,
    council,
    documents,
    counts.get(row.id) ?? { responses: 0, opinions: 0 },
    now,
  );
}

/**
 * What a saved consultation must satisfy beyond the schema: a period whose end follows its start
 * (and, for a new or moved end, lies ahead), a survey the domain accepts, and a linked agenda
 * item that is a draft resolution of the same council. Each refusal names its field.
 */
async function checkedFields(
  repos: Repositories,
  councilId: string,
  input: CreateConsultationRequest,
  now: Date,
  previousEnd: Date | null,
): Promise<ConsultationFields> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const endMoved = previousEnd === null || previousEnd.getTime() !== endsAt.getTime();
  const [period] = periodProblems(
    { startsAt: startsAt.getTime(), endsAt: endsAt.getTime() },
    endMoved ? now.getTime() : undefined,
  );
  if (period !== undefined) {
    throw new HttpError(
      422,
      'period_invalid',
      period.code === 'in_the_past'
        ? 'endsAt: the end has already passed'
        : 'endsAt: the end must come after the start',
      { field: period.field, facts: { reason: period.code } },
    );
  }
  const survey = input.survey as Survey;
  const problems = surveyProblems(survey);
  if (problems.length > 0) {
    throw new HttpError(
      422,
      'survey_invalid',
      problems.map((problem) => `${problem.field}: ${problem.code}`).join('; '),
      {
        field: problems[0]!.field,
        issues: problems.map((problem) => ({
          field: problem.field,
          code: problem.code,
          message: problem.code,
        })),
      },
    );
  }
  const agendaItemId = input.agendaItemId ?? null;
  if (agendaItemId !== null) {
    const kind = await repos.consultations.agendaItemKind(councilId, agendaItemId);
    if (kind !== 'draft_resolution') {
      throw new HttpError(
        422,
        'not_a_draft_resolution',
        'agendaItemId: not a draft resolution on an agenda of this council',
        { field: 'agendaItemId' },
      );
    }
  }
  return {
    subject: input.subject,
    description: input.description,
    startsAt,
    endsAt,
    agendaItemId,
    survey,
  };
}

/** The office creates a consultation; it stays a draft, seen by the office only, until published. */
export async function createConsultation(
  repos: Repositories,
  user: UserRow,
  councilId: string,
  input: CreateConsultationRequest,
  now: Date,
): Promise<Consultation> {
  const council = await officeCouncil(repos, user, councilId);
  const fields = await checkedFields(repos, councilId, input, now, null);
  const row = await repos.consultations.create(councilId, fields, user.id);
  return viewOf(repos, council, row, now);
}

const stale = (current: Consultation) =>
  new HttpError(409, 'stale_version', 'version: someone saved the consultation first', {
    field: 'version',
    facts: { current },
  });

/**
 * The office saves a consultation at the version it saw. The survey and the start change only
 * before the start (residents' answers refer to the questions as they were).
 */
export async function updateConsultation(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
  input: UpdateConsultationRequest,
  now: Date,
): Promise<Consultation> {
  const { council, row } = await officeConsultation(repos, user, consultationId);
  if (row.version !== input.version) throw stale(await viewOf(repos, council, row, now));
  if (!maySurveyChange(statusOf(row, now))) {
    // Compared canonically: jsonb keeps an object's keys in an order of its own.
    if (canonicalize(input.survey) !== canonicalize(row.survey)) {
      throw new HttpError(
        409,
        'consultation_started',
        'survey: the consultation has started; its questions can no longer change',
        { field: 'survey' },
      );
    }
    if (new Date(input.startsAt).getTime() !== row.startsAt.getTime()) {
      throw new HttpError(
        409,
        'consultation_started',
        'startsAt: the consultation has started; its start can no longer change',
        { field: 'startsAt' },
      );
    }
  }
  const fields = await checkedFields(repos, council.id, input, now, row.endsAt);
  const saved = await repos.consultations.update(council.id, row.id, input.version, fields);
  if (saved === null) {
    const current = await repos.consultations.findById(council.id, row.id);
    if (current === undefined) throw notFound();
    throw stale(await viewOf(repos, council, current, now));
  }
  return viewOf(repos, council, saved, now);
}

/** Publishing makes a consultation public; its end must still lie ahead. */
export async function publishConsultation(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
  input: PublishConsultationRequest,
  now: Date,
): Promise<Consultation> {
  const { council, row } = await officeConsultation(repos, user, consultationId);
  if (row.version !== input.version) throw stale(await viewOf(repos, council, row, now));
  if (row.publishedAt === null && row.endsAt.getTime() <= now.getTime()) {
    throw new HttpError(422, 'period_invalid', 'endsAt: the end has already passed', {
      field: 'endsAt',
      facts: { reason: 'in_the_past' },
    });
  }
  const published = await repos.consultations.publish(council.id, row.id, input.version);
  if (published === null) {
    const current = await repos.consultations.findById(council.id, row.id);
    if (current === undefined) throw notFound();
    throw stale(await viewOf(repos, council, current, now));
  }
  return viewOf(repos, council, published, now);
}

/** The council's consultations for its office, drafts included. */
export async function listConsultations(
  repos: Repositories,
  user: UserRow,
  councilId: string,
  now: Date,
): Promise<Consultation[]> {
  const council = await officeCouncil(repos, user, councilId);
  const rows = await repos.consultations.listForCouncil(councilId);
  const ids = rows.map((row) => row.id);
  const documents = await repos.consultations.documentsOf(councilId, ids);
  const counts = await repos.consultations.countsFor(ids);
  return rows.map((row) =>
    officeConsultationView(
      row,
      council,
      documents,
      counts.get(row.id) ?? { responses: 0, opinions: 0 },
      now,
    ),
  );
}

export async function getConsultation(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
  now: Date,
): Promise<Consultation> {
  const { council, row } = await officeConsultation(repos, user, consultationId);
  return viewOf(repos, council, row, now);
}

/** A document is added to a consultation: judged by content, the blob first, the row after. */
export async function addConsultationDocument(
  repos: Repositories,
  blobs: BlobStore,
  user: UserRow,
  consultationId: string,
  title: string | undefined,
  file: UploadedFile,
): Promise<ConsultationDocument> {
  const { council, row } = await officeConsultation(repos, user, consultationId);
  const type = await acceptedDocumentType(file.content);
  const fileName = cleanFileName(file.fileName);
  const blob = await blobs.put(file.content);
  const document = await repos.consultations.addDocument({
    councilId: council.id,
    consultationId: row.id,
    title: title ?? withoutExtension(fileName),
    fileName,
    mediaType: type.mediaType,
    sizeBytes: blob.sizeBytes,
    sha256: blob.sha256,
    createdByUserId: user.id,
  });
  return consultationDocumentView(document, true);
}

/** A document of a consultation, drafts included, for the office. */
export async function officeConsultationDocument(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
  documentId: string,
) {
  const { row } = await officeConsultation(repos, user, consultationId);
  const document = await repos.consultations.findDocument(documentId);
  if (document === undefined || document.consultationId !== row.id) {
    throw new HttpError(404, 'not_found', 'No such document of this consultation');
  }
  return document;
}

export async function removeConsultationDocument(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
  documentId: string,
): Promise<void> {
  const { council, row } = await officeConsultation(repos, user, consultationId);
  if (!(await repos.consultations.removeDocument(council.id, row.id, documentId))) {
    throw new HttpError(404, 'not_found', 'No such document of this consultation');
  }
}

/** Every response, verified or not, with names and e-mails (until the retention sweep). */
export async function listResponses(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
): Promise<OfficeResponses> {
  const { council, row } = await officeConsultation(repos, user, consultationId);
  const responses = await repos.consultations.listResponses(council.id, row.id);
  return {
    responses: responses.map((response) => ({
      id: response.id,
      name: response.name,
      email: response.email,
      consentToPublishName: response.consentToPublishName,
      answers: answersOf(response) as OfficeResponses['responses'][number]['answers'],
      verifiedAt: response.verifiedAt?.toISOString() ?? null,
      createdAt: response.createdAt.toISOString(),
      updatedAt: response.updatedAt.toISOString(),
    })),
  };
}

function officeOpinionView(row: ConsultationOpinionRow): OfficeOpinions['opinions'][number] {
  const attachment = attachmentOf(row);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    consentToPublishName: row.consentToPublishName,
    text: row.text,
    attachment:
      attachment === null
        ? null
        : { ...attachment, url: `/api/consultation-opinions/${row.id}/attachment` },
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    hiddenAt: row.hiddenAt?.toISOString() ?? null,
    hiddenByUserId: row.hiddenByUserId,
    hiddenReason: row.hiddenReason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every opinion, hidden ones with who hid them and why. */
export async function listOpinions(
  repos: Repositories,
  user: UserRow,
  consultationId: string,
): Promise<OfficeOpinions> {
  const { council, row } = await officeConsultation(repos, user, consultationId);
  const opinions = await repos.consultations.listOpinions(council.id, row.id);
  return { opinions: opinions.map(officeOpinionView) };
}

/** The office's opinion, located by its id alone. */
async function officeOpinion(
  repos: Repositories,
  user: UserRow,
  opinionId: string,
): Promise<ConsultationOpinionRow> {
  const opinion = await repos.consultations.findOpinion(opinionId);
  const missing = () => new HttpError(404, 'not_found', 'No such opinion');
  if (opinion === undefined) throw missing();
  try {
    await officeCouncil(repos, user, opinion.councilId);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 404) throw missing();
    throw error;
  }
  return opinion;
}

/**
 * Moderation: the office hides an abusive opinion with a reason; it stays on record with who
 * hid it and when, and the public sees only that one was hidden. Hiding it again keeps the first.
 */
export async function hideOpinion(
  repos: Repositories,
  user: UserRow,
  opinionId: string,
  reason: string,
): Promise<OfficeOpinions['opinions'][number]> {
  const opinion = await officeOpinion(repos, user, opinionId);
  const hidden = await repos.consultations.hideOpinion(
    opinion.councilId,
    opinion.id,
    user.id,
    reason,
  );
  if (hidden === undefined) throw new HttpError(404, 'not_found', 'No such opinion');
  return officeOpinionView(hidden);
}

/** An opinion's attachment, for the office (residents' files are not public). */
export async function opinionAttachment(
  repos: Repositories,
  user: UserRow,
  opinionId: string,
): Promise<{ sha256: string; fileName: string; mediaType: string; sizeBytes: number }> {
  const opinion = await officeOpinion(repos, user, opinionId);
  const attachment = attachmentOf(opinion);
  if (attachment === null || opinion.attachmentSha256 === null) {
    throw new HttpError(404, 'not_found', 'The opinion has no attachment');
  }
  return { ...attachment, sha256: opinion.attachmentSha256 };
}

/**
 * The draft resolutions a consultation may concern, for the office's picker: every
 * `draft_resolution` item on the agenda of the council's sittings that are not closed, with its
 * number, in the order the sittings come.
 */
export async function draftResolutionChoices(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<DraftResolutionChoices> {
  await officeCouncil(repos, user, councilId);
  const sittings = (await repos.sittings.listForCouncil(councilId))
    .filter((sitting) => sitting.status !== 'closed')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const rows = await repos.sittings.agendaOf(
    councilId,
    sittings.map((sitting) => sitting.id),
  );
  const items: DraftResolutionChoices['items'] = [];
  for (const sitting of sittings) {
    const own = rows.filter((row) => row.sittingId === sitting.id);
    const kinds = new Map(own.map((row) => [row.id, row.kind]));
    for (const item of numberAgenda(normalizeAgenda(agendaTree(own)))) {
      if (kinds.get(item.id) !== 'draft_resolution') continue;
      items.push({
        id: item.id,
        number: item.number,
        title: item.title,
        sittingId: sitting.id,
        sittingTitle: sitting.title,
        bodyName: sitting.bodyName,
        sittingNumber: sitting.number,
        startsAt: sitting.startsAt.toISOString(),
      });
    }
  }
  return { items };
}
