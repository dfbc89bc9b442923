import {
  consultationDocumentSchema,
  consultationResultsSchema,
  consultationSchema,
  consultationsResponseSchema,
  officeOpinionSchema,
  officeOpinionsSchema,
  officeResponsesSchema,
  type Consultation,
  type ConsultationDocument,
  type ConsultationResults,
  type CreateConsultationRequest,
  type OfficeOpinions,
  type OfficeResponses,
  draftResolutionChoicesSchema,
  type DraftResolutionChoices,
} from '@veche/protocol';
import type { z } from 'zod';
import { ApiRequestError, readApiError } from '../api/api-error';
import { requestJson, requestNoContent } from '../api/api-client';

const one = (consultationId: string) => `/api/consultations/${encodeURIComponent(consultationId)}`;

export type OfficeOpinion = z.infer<typeof officeOpinionSchema>;

/** The council office's calls for consultations (issue 7, section 2). */
export const consultationsApi = {
  ofCouncil: async (councilId: string): Promise<Consultation[]> =>
    (
      await requestJson(
        `/api/councils/${encodeURIComponent(councilId)}/consultations`,
        consultationsResponseSchema,
      )
    ).consultations,

  /** The draft resolutions of sittings not yet closed, that a consultation may concern. */
  draftResolutions: async (councilId: string): Promise<DraftResolutionChoices['items']> =>
    (
      await requestJson(
        `/api/councils/${encodeURIComponent(councilId)}/draft-resolutions`,
        draftResolutionChoicesSchema,
      )
    ).items,

  get: (consultationId: string): Promise<Consultation> =>
    requestJson(one(consultationId), consultationSchema),

  create: (councilId: string, request: CreateConsultationRequest): Promise<Consultation> =>
    requestJson(
      `/api/councils/${encodeURIComponent(councilId)}/consultations`,
      consultationSchema,
      { method: 'POST', body: request },
    ),

  save: (
    consultationId: string,
    request: CreateConsultationRequest,
    version: number,
  ): Promise<Consultation> =>
    requestJson(one(consultationId), consultationSchema, {
      method: 'PUT',
      body: { ...request, version },
    }),

  publish: (consultationId: string, version: number): Promise<Consultation> =>
    requestJson(`${one(consultationId)}/publish`, consultationSchema, {
      method: 'POST',
      body: { version },
    }),

  /** Sends one file as multipart/form-data, its title first (the browser sets the boundary). */
  uploadDocument: async (
    consultationId: string,
    file: File,
    title: string,
  ): Promise<ConsultationDocument> => {
    const form = new FormData();
    if (title.trim() !== '') form.append('title', title.trim());
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(`${one(consultationId)}/documents`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
        body: form,
      });
    } catch (cause) {
      throw new ApiRequestError(
        0,
        'network',
        cause instanceof Error ? cause.message : 'fetch failed',
      );
    }
    if (!response.ok) throw await readApiError(response);
    const parsed = consultationDocumentSchema.safeParse(
      await response.json().catch(() => undefined),
    );
    if (!parsed.success) throw new ApiRequestError(response.status, 'bad_response', 'bad answer');
    return parsed.data;
  },

  removeDocument: (consultationId: string, documentId: string): Promise<void> =>
    requestNoContent(`${one(consultationId)}/documents/${encodeURIComponent(documentId)}`, {
      method: 'DELETE',
    }),

  responses: (consultationId: string): Promise<OfficeResponses> =>
    requestJson(`${one(consultationId)}/responses`, officeResponsesSchema),

  opinions: (consultationId: string): Promise<OfficeOpinions> =>
    requestJson(`${one(consultationId)}/opinions`, officeOpinionsSchema),

  hideOpinion: (opinionId: string, reason: string): Promise<OfficeOpinion> =>
    requestJson(
      `/api/consultation-opinions/${encodeURIComponent(opinionId)}/hide`,
      officeOpinionSchema,
      { method: 'POST', body: { reason } },
    ),

  results: (consultationId: string): Promise<ConsultationResults> =>
    requestJson(`${one(consultationId)}/results`, consultationResultsSchema),

  resultsCsvPath: (consultationId: string): string => `${one(consultationId)}/results.csv`,
};
