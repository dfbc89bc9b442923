import {
  currentUserSchema,
  publicSittingSchema,
  upcomingSittingsResponseSchema,
  type CurrentUser,
  type LoginRequest,
  type PreferencesRequest,
  type PublicSitting,
  type SittingSummary,
} from '@veche/protocol';
import { requestJson, requestNoContent } from './api-client';

/** The endpoints the web client uses; each answer is checked against the shared protocol. */
export const vecheApi = {
  login: (credentials: LoginRequest): Promise<CurrentUser> =>
    requestJson('/api/auth/login', currentUserSchema, { method: 'POST', body: credentials }),

  logout: (): Promise<void> => requestNoContent('/api/auth/logout', { method: 'POST' }),

  me: (): Promise<CurrentUser> => requestJson('/api/me', currentUserSchema),

  savePreferences: (preferences: PreferencesRequest): Promise<CurrentUser> =>
    requestJson('/api/me/preferences', currentUserSchema, { method: 'PUT', body: preferences }),

  upcomingSittings: async (): Promise<SittingSummary[]> =>
    (await requestJson('/api/sittings/upcoming', upcomingSittingsResponseSchema)).sittings,

  /** Any non-draft sitting's names, time and stream, without a sign-in. */
  publicSitting: (sittingId: string): Promise<PublicSitting> =>
    requestJson(`/api/public/sittings/${encodeURIComponent(sittingId)}`, publicSittingSchema),
};
