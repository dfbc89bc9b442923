import {
  bodiesResponseSchema,
  bodySchema,
  councilAccountSchema,
  councilAccountsResponseSchema,
  councilSchema,
  councilsResponseSchema,
  memberImportPreviewSchema,
  membershipSchema,
  personSchema,
  personsResponseSchema,
  termSchema,
  termsResponseSchema,
  type Body,
  type BodyInput,
  type Council,
  type CouncilAccount,
  type CouncilCreateRequest,
  type CouncilUpdateRequest,
  type InvitationRequest,
  type MemberImportPreview,
  type Membership,
  type MembershipCreate,
  type Person,
  type PersonInput,
  type Term,
  type TermInput,
} from '@veche/protocol';
import type { z } from 'zod';
import { ApiRequestError, readApiError } from '../api/api-error';

async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  method: 'GET' | 'POST' | 'PUT' = 'GET',
  body?: unknown,
  contentType = 'application/json',
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(method === 'GET' ? {} : { 'content-type': contentType }),
      },
      body:
        method === 'GET'
          ? undefined
          : contentType === 'application/json'
            ? JSON.stringify(body ?? {})
            : (body as Blob),
    });
  } catch (cause) {
    throw new ApiRequestError(
      0,
      'network',
      cause instanceof Error ? cause.message : 'fetch failed',
    );
  }
  if (!response.ok) throw await readApiError(response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiRequestError(response.status, 'bad_response', 'bad answer');
  return parsed.data;
}

const council = (councilId: string) => `/api/councils/${encodeURIComponent(councilId)}`;

/** The administration endpoints; each answer is checked against the shared protocol. */
export const adminApi = {
  councils: async (): Promise<Council[]> =>
    (await request('/api/platform/councils', councilsResponseSchema)).councils,
  council: (councilId: string): Promise<Council> =>
    request(`/api/platform/councils/${encodeURIComponent(councilId)}`, councilSchema),
  createCouncil: (input: CouncilCreateRequest): Promise<Council> =>
    request('/api/platform/councils', councilSchema, 'POST', input),
  updateCouncil: (councilId: string, input: CouncilUpdateRequest): Promise<Council> =>
    request(`/api/platform/councils/${encodeURIComponent(councilId)}`, councilSchema, 'PUT', input),

  bodies: async (councilId: string): Promise<Body[]> =>
    (await request(`${council(councilId)}/bodies`, bodiesResponseSchema)).bodies,
  saveBody: (councilId: string, bodyId: string | null, input: BodyInput): Promise<Body> =>
    bodyId === null
      ? request(`${council(councilId)}/bodies`, bodySchema, 'POST', input)
      : request(`${council(councilId)}/bodies/${bodyId}`, bodySchema, 'PUT', input),

  terms: async (councilId: string): Promise<Term[]> =>
    (await request(`${council(councilId)}/terms`, termsResponseSchema)).terms,
  saveTerm: (councilId: string, termId: string | null, input: TermInput): Promise<Term> =>
    termId === null
      ? request(`${council(councilId)}/terms`, termSchema, 'POST', input)
      : request(`${council(councilId)}/terms/${termId}`, termSchema, 'PUT', input),

  persons: async (councilId: string): Promise<Person[]> =>
    (await request(`${council(councilId)}/persons`, personsResponseSchema)).persons,
  savePerson: (councilId: string, personId: string | null, input: PersonInput): Promise<Person> =>
    personId === null
      ? request(`${council(councilId)}/persons`, personSchema, 'POST', input)
      : request(`${council(councilId)}/persons/${personId}`, personSchema, 'PUT', input),

  createMembership: (councilId: string, input: MembershipCreate): Promise<Membership> =>
    request(`${council(councilId)}/memberships`, membershipSchema, 'POST', input),
  endMembership: (councilId: string, membershipId: string, endsOn: string): Promise<Membership> =>
    request(`${council(councilId)}/memberships/${membershipId}/end`, membershipSchema, 'POST', {
      endsOn,
    }),

  /**
   * Sends a member list. A refused import (422 `import_invalid`) still answers with its
   * preview, which is what the page shows.
   */
  importMembers: async (
    councilId: string,
    file: Blob,
    dryRun: boolean,
  ): Promise<MemberImportPreview> => {
    try {
      return await request(
        `${council(councilId)}/imports/members?dryRun=${String(dryRun)}`,
        memberImportPreviewSchema,
        'POST',
        file,
        'text/csv',
      );
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'import_invalid') {
        const preview = memberImportPreviewSchema.safeParse(error.facts.preview);
        if (preview.success) return preview.data;
      }
      throw error;
    }
  },

  accounts: async (councilId: string): Promise<CouncilAccount[]> =>
    (await request(`${council(councilId)}/users`, councilAccountsResponseSchema)).users,
  /** Creates the account and sends the e-mail with its set-password link. */
  invite: (councilId: string, input: InvitationRequest): Promise<CouncilAccount> =>
    request(`${council(councilId)}/invitations`, councilAccountSchema, 'POST', input),
  /** Deactivates (the account's sessions end at once) or reactivates an account. */
  setAccountActive: (councilId: string, userId: string, active: boolean): Promise<CouncilAccount> =>
    request(
      `${council(councilId)}/users/${encodeURIComponent(userId)}/${active ? 'reactivate' : 'deactivate'}`,
      councilAccountSchema,
      'POST',
    ),
};
