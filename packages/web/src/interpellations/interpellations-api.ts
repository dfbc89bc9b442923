import {
  interpellationFileSchema,
  interpellationListResponseSchema,
  interpellationSchema,
  type AnswerInterpellationRequest,
  type FileInterpellationRequest,
  type Interpellation,
  type InterpellationFile,
} from '@veche/protocol';
import { ApiRequestError, readApiError } from '../api/api-error';
import { requestJson } from '../api/api-client';

export type OfficeFilter = 'all' | 'filed' | 'overdue';

const councilPath = (councilId: string) =>
  `/api/councils/${encodeURIComponent(councilId)}/interpellations`;

const FILTER_QUERY: Record<OfficeFilter, string> = {
  all: '',
  filed: '?status=filed',
  overdue: '?overdue=true',
};

/** Interpellations and questions: filing, listing, answering, files, the public list. */
export const interpellationsApi = {
  mine: async (councilId: string): Promise<Interpellation[]> =>
    (await requestJson(`${councilPath(councilId)}?mine=true`, interpellationListResponseSchema))
      .interpellations,

  ofCouncil: async (councilId: string, filter: OfficeFilter): Promise<Interpellation[]> =>
    (
      await requestJson(
        `${councilPath(councilId)}${FILTER_QUERY[filter]}`,
        interpellationListResponseSchema,
      )
    ).interpellations,

  file: (councilId: string, input: FileInterpellationRequest): Promise<Interpellation> =>
    requestJson(councilPath(councilId), interpellationSchema, { method: 'POST', body: input }),

  answer: (id: string, input: AnswerInterpellationRequest): Promise<Interpellation> =>
    requestJson(`/api/interpellations/${encodeURIComponent(id)}/answer`, interpellationSchema, {
      method: 'PUT',
      body: input,
    }),

  /** Sends one file as multipart/form-data, as the documents' upload does. */
  attach: async (
    id: string,
    role: 'question' | 'answer',
    file: File,
  ): Promise<InterpellationFile> => {
    const form = new FormData();
    form.append('role', role);
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(`/api/interpellations/${encodeURIComponent(id)}/files`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
        body: form,
      });
    } catch (cause) {
      throw new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : 'fetch');
    }
    if (!response.ok) throw await readApiError(response);
    const parsed = interpellationFileSchema.safeParse(await response.json());
    if (!parsed.success) throw new ApiRequestError(response.status, 'bad_response', 'bad file');
    return parsed.data;
  },

  published: async (councilId: string): Promise<Interpellation[]> =>
    (
      await requestJson(
        `/api/public/councils/${encodeURIComponent(councilId)}/interpellations`,
        interpellationListResponseSchema,
      )
    ).interpellations,
};
