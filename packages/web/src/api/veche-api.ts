import {
  currentUserSchema,
  publicSittingSchema,
  sittingDocumentsResponseSchema,
  tabletLinkSchema,
  tabletLoginSchema,
  upcomingSittingsResponseSchema,
  type CurrentUser,
  type LoginRequest,
  type PreferencesRequest,
  type PublicSitting,
  type SittingDocument,
  type SittingSummary,
  type TabletLink,
  type TabletLogin,
} from '@veche/protocol';
import { requestJson, requestNoContent } from './api-client';

/** The endpoints the web client uses; each answer is checked against the shared protocol. */
export const vecheApi = {
  login: (credentials: LoginRequest): Promise<CurrentUser> =>
    requestJson('/api/auth/login', currentUserSchema, { method: 'POST', body: credentials }),

  /** Redeems the one-time code of a tablet's QR code: signs in as the member it was made for. */
  tabletLogin: (token: string): Promise<TabletLogin> =>
    requestJson('/api/auth/tablet', tabletLoginSchema, { method: 'POST', body: { token } }),

  /** A one-time sign-in code for a member's tablet, for the operator or the chair to show. */
  issueTabletLink: (sittingId: string, memberId: string): Promise<TabletLink> =>
    requestJson(`/api/sittings/${encodeURIComponent(sittingId)}/tablet-links`, tabletLinkSchema, {
      method: 'POST',
      body: { memberId },
    }),

  logout: (): Promise<void> => requestNoContent('/api/auth/logout', { method: 'POST' }),

  me: (): Promise<CurrentUser> => requestJson('/api/me', currentUserSchema),

  savePreferences: (preferences: PreferencesRequest): Promise<CurrentUser> =>
    requestJson('/api/me/preferences', currentUserSchema, { method: 'PUT', body: preferences }),

  upcomingSittings: async (): Promise<SittingSummary[]> =>
    (await requestJson('/api/sittings/upcoming', upcomingSittingsResponseSchema)).sittings,

  /** The documents of a sitting and its items, for its council's people. */
  sittingDocuments: async (sittingId: string): Promise<SittingDocument[]> =>
    (
      await requestJson(
        `/api/sittings/${encodeURIComponent(sittingId)}/documents`,
        sittingDocumentsResponseSchema,
      )
    ).documents,

  /** The public documents of a sitting, without a sign-in. */
  publicSittingDocuments: async (sittingId: string): Promise<SittingDocument[]> =>
    (
      await requestJson(
        `/api/public/sittings/${encodeURIComponent(sittingId)}/documents`,
        sittingDocumentsResponseSchema,
      )
    ).documents,

  /** Any non-draft sitting's names, time and stream, without a sign-in. */
  publicSitting: (sittingId: string): Promise<PublicSitting> =>
    requestJson(`/api/public/sittings/${encodeURIComponent(sittingId)}`, publicSittingSchema),
};
