import {
  consultationStatus,
  personalDataErasureDueAt,
  type ConsultationStatus,
  type Survey,
  type SurveyAnswers,
} from '@veche/domain';
import type {
  Consultation,
  ConsultationDocument,
  PublicConsultation,
  ResidentOpinion,
  ResidentResponse,
} from '@veche/protocol';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type {
  ConsultationDocumentRow,
  ConsultationOpinionRow,
  ConsultationResponseRow,
  ConsultationRow,
} from '../storage/repositories/consultations.repository.js';

/** The row's survey: stored only after `surveyProblems` accepted it. */
export const surveyOf = (row: ConsultationRow): Survey => row.survey as Survey;
export const answersOf = (row: { answers: unknown }): SurveyAnswers => row.answers as SurveyAnswers;

/** A consultation's status at `now` (the domain's rule over the row). */
export function statusOf(row: ConsultationRow, now: Date): ConsultationStatus {
  return consultationStatus(
    {
      published: row.publishedAt !== null,
      startsAt: row.startsAt.getTime(),
      endsAt: row.endsAt.getTime(),
    },
    now.getTime(),
  );
}

/**
 * A document as listed: the public's address, or for the office (`office`) its own, which also
 * serves the documents of a draft.
 */
export function consultationDocumentView(
  row: ConsultationDocumentRow,
  office = false,
): ConsultationDocument {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    url: office
      ? `/api/consultations/${row.consultationId}/documents/${row.id}`
      : `/api/public/consultation-documents/${row.id}`,
  };
}

export function officeConsultationView(
  row: ConsultationRow,
  council: CouncilRow,
  documents: readonly ConsultationDocumentRow[],
  counts: { responses: number; opinions: number },
  now: Date,
): Consultation {
  return {
    id: row.id,
    councilId: row.councilId,
    subject: row.subject,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    published: row.publishedAt !== null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    status: statusOf(row, now),
    agendaItemId: row.agendaItemId,
    survey: surveyOf(row) as Consultation['survey'],
    documents: documents
      .filter((document) => document.consultationId === row.id)
      .map((document) => consultationDocumentView(document, true)),
    responseCount: counts.responses,
    opinionCount: counts.opinions,
    personalDataErasureDueAt: new Date(
      personalDataErasureDueAt(row.endsAt.getTime(), council.consultationRetentionDays),
    ).toISOString(),
    personalDataErasedAt: row.personalDataErasedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A published consultation as the public sees it (callers never pass a draft). */
export function publicConsultationView(
  row: ConsultationRow,
  documents: readonly ConsultationDocumentRow[],
  now: Date,
): PublicConsultation {
  const status = statusOf(row, now);
  return {
    id: row.id,
    councilId: row.councilId,
    subject: row.subject,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: status === 'draft' ? 'planned' : status,
    agendaItemId: row.agendaItemId,
    survey: surveyOf(row) as PublicConsultation['survey'],
    documents: documents
      .filter((document) => document.consultationId === row.id)
      .map((document) => consultationDocumentView(document)),
  };
}

export function residentResponseView(
  row: ConsultationResponseRow,
  consultation: { subject: string; endsAt: Date; status: ConsultationStatus },
): ResidentResponse {
  return {
    id: row.id,
    consultationId: row.consultationId,
    consultationSubject: consultation.subject,
    name: row.name,
    email: row.email,
    consentToPublishName: row.consentToPublishName,
    answers: answersOf(row) as ResidentResponse['answers'],
    verified: row.verifiedAt !== null,
    editableUntil: consultation.endsAt.toISOString(),
    editable: consultation.status === 'ongoing',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function residentOpinionView(
  row: ConsultationOpinionRow,
  consultationSubject: string,
): ResidentOpinion {
  return {
    id: row.id,
    consultationId: row.consultationId,
    consultationSubject,
    name: row.name,
    email: row.email,
    consentToPublishName: row.consentToPublishName,
    text: row.text,
    attachment: attachmentOf(row),
    verified: row.verifiedAt !== null,
    hidden: row.hiddenAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function attachmentOf(
  row: ConsultationOpinionRow,
): { fileName: string; mediaType: string; sizeBytes: number } | null {
  if (
    row.attachmentFileName === null ||
    row.attachmentMediaType === null ||
    row.attachmentSizeBytes === null
  ) {
    return null;
  }
  return {
    fileName: row.attachmentFileName,
    mediaType: row.attachmentMediaType,
    sizeBytes: row.attachmentSizeBytes,
  };
}
