import {
  agendaTemplateSchema,
  sittingDocumentSchema,
  speechRequestListSchema,
  speechRequestSchema,
  type AgendaTemplate,
  type ReviewSpeechRequest,
  type SaveAgendaTemplateRequest,
  type SittingDocument,
  type SpeechRequest,
  type SpeechRequestList,
} from '@veche/protocol';
import { ApiRequestError, readApiError } from '../api/api-error';
import { requestJson, requestNoContent } from '../api/api-client';

const templates = (councilId: string) =>
  `/api/councils/${encodeURIComponent(councilId)}/agenda-templates`;

/** What the office uploads with a file: its title, its item (none: the whole sitting), who reads it. */
export interface DocumentUpload {
  readonly file: File;
  readonly title: string;
  readonly itemId: string | null;
  readonly isPublic: boolean;
}

/**
 * The office's calls beyond the sitting editor's: agenda templates, document uploads and
 * residents' requests to speak.
 */
export const officeApi = {
  saveTemplate: (
    councilId: string,
    templateId: string | null,
    template: SaveAgendaTemplateRequest,
  ): Promise<AgendaTemplate> =>
    templateId === null
      ? requestJson(templates(councilId), agendaTemplateSchema, { method: 'POST', body: template })
      : requestJson(
          `${templates(councilId)}/${encodeURIComponent(templateId)}`,
          agendaTemplateSchema,
          {
            method: 'PUT',
            body: template,
          },
        ),

  removeTemplate: (councilId: string, templateId: string): Promise<void> =>
    requestNoContent(`${templates(councilId)}/${encodeURIComponent(templateId)}`, {
      method: 'DELETE',
    }),

  /**
   * Sends one file as multipart/form-data. The browser sets the content type with its boundary;
   * the text fields come before the file, so the server has read them when the file arrives.
   */
  uploadDocument: async (sittingId: string, upload: DocumentUpload): Promise<SittingDocument> => {
    const form = new FormData();
    if (upload.title.trim() !== '') form.append('title', upload.title.trim());
    if (upload.itemId !== null) form.append('itemId', upload.itemId);
    form.append('isPublic', String(upload.isPublic));
    form.append('file', upload.file, upload.file.name);
    let response: Response;
    try {
      response = await fetch(`/api/sittings/${encodeURIComponent(sittingId)}/documents`, {
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
    const parsed = sittingDocumentSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ApiRequestError(response.status, 'bad_response', 'bad answer');
    return parsed.data;
  },

  /** A sitting's requests to speak from residents, and the council's last day for them. */
  speechRequests: (sittingId: string): Promise<SpeechRequestList> =>
    requestJson(
      `/api/sittings/${encodeURIComponent(sittingId)}/speech-requests`,
      speechRequestListSchema,
    ),

  /** Approves a verified request, or rejects it with the reason the resident is sent. */
  reviewSpeechRequest: (requestId: string, review: ReviewSpeechRequest): Promise<SpeechRequest> =>
    requestJson(
      `/api/speech-requests/${encodeURIComponent(requestId)}/review`,
      speechRequestSchema,
      { method: 'POST', body: review },
    ),
};
