import {
  notificationsResponseSchema,
  type NotificationsResponse,
  preparationOptionsSchema,
  sittingPreparationSchema,
  sittingRecordingSchema,
  type SittingRecording,
  type SittingRecordingRequest,
  type CreateSittingRequest,
  type PreparationOptions,
  type SaveAgendaRequest,
  type SittingPreparation,
  type UpdateSittingRequest,
  currentUserSchema,
  loginResponseSchema,
  recoveryCodesSchema,
  secondFactorSetupSchema,
  secondFactorStatusSchema,
  publicSittingSchema,
  sittingDocumentsResponseSchema,
  tabletLinkSchema,
  tabletLoginSchema,
  upcomingSittingsResponseSchema,
  type CurrentUser,
  type LoginRequest,
  type LoginResponse,
  type RecoveryCodes,
  type SecondFactorLoginRequest,
  type SecondFactorSetup,
  type SecondFactorStatus,
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
  /** The user, or for an account with a second factor the challenge its code step answers. */
  login: (credentials: LoginRequest): Promise<LoginResponse> =>
    requestJson('/api/auth/login', loginResponseSchema, { method: 'POST', body: credentials }),

  /** The code step of a sign-in: a code from the app, or a recovery code. */
  loginSecondFactor: (answer: SecondFactorLoginRequest): Promise<CurrentUser> =>
    requestJson('/api/auth/login/second-factor', currentUserSchema, {
      method: 'POST',
      body: answer,
    }),

  secondFactorStatus: (): Promise<SecondFactorStatus> =>
    requestJson('/api/me/second-factor', secondFactorStatusSchema),

  setUpSecondFactor: (): Promise<SecondFactorSetup> =>
    requestJson('/api/me/second-factor/setup', secondFactorSetupSchema, { method: 'POST' }),

  confirmSecondFactor: (code: string): Promise<RecoveryCodes> =>
    requestJson('/api/me/second-factor/confirm', recoveryCodesSchema, {
      method: 'POST',
      body: { code },
    }),

  renewRecoveryCodes: (code: string): Promise<RecoveryCodes> =>
    requestJson('/api/me/second-factor/recovery-codes', recoveryCodesSchema, {
      method: 'POST',
      body: { code },
    }),

  turnOffSecondFactor: (code: string): Promise<void> =>
    requestNoContent('/api/me/second-factor', { method: 'DELETE', body: { code } }),

  /** Redeems the one-time code of a tablet's QR code: signs in as the member it was made for. */
  tabletLogin: (token: string): Promise<TabletLogin> =>
    requestJson('/api/auth/tablet', tabletLoginSchema, { method: 'POST', body: { token } }),

  /** A one-time sign-in code for a member's tablet, for the operator or the chair to show. */
  issueTabletLink: (sittingId: string, memberId: string): Promise<TabletLink> =>
    requestJson(`/api/sittings/${encodeURIComponent(sittingId)}/tablet-links`, tabletLinkSchema, {
      method: 'POST',
      body: { memberId },
    }),

  /** Sets the password with an invitation's one-time link; signs in as its account. */
  setPassword: (token: string, password: string): Promise<CurrentUser> =>
    requestJson('/api/auth/set-password', currentUserSchema, {
      method: 'POST',
      body: { token, password },
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

  /** What the "new sitting" form offers: the council's bodies, terms and agenda templates. */
  preparationOptions: (councilId: string): Promise<PreparationOptions> =>
    requestJson(
      `/api/councils/${encodeURIComponent(councilId)}/preparation`,
      preparationOptionsSchema,
    ),

  createSitting: (councilId: string, sitting: CreateSittingRequest): Promise<SittingPreparation> =>
    requestJson(
      `/api/councils/${encodeURIComponent(councilId)}/sittings`,
      sittingPreparationSchema,
      { method: 'POST', body: sitting },
    ),

  /** A sitting as the office edits it; every save sends back its `version`. */
  sittingPreparation: (sittingId: string): Promise<SittingPreparation> =>
    requestJson(
      `/api/sittings/${encodeURIComponent(sittingId)}/preparation`,
      sittingPreparationSchema,
    ),

  updateSitting: (sittingId: string, details: UpdateSittingRequest): Promise<SittingPreparation> =>
    requestJson(`/api/sittings/${encodeURIComponent(sittingId)}`, sittingPreparationSchema, {
      method: 'PUT',
      body: details,
    }),

  saveAgenda: (sittingId: string, agenda: SaveAgendaRequest): Promise<SittingPreparation> =>
    requestJson(`/api/sittings/${encodeURIComponent(sittingId)}/agenda`, sittingPreparationSchema, {
      method: 'PUT',
      body: agenda,
    }),

  /** Where the sitting's recording is and when it starts (both null: none). */
  setRecording: (
    sittingId: string,
    recording: SittingRecordingRequest,
  ): Promise<SittingRecording> =>
    requestJson(
      `/api/sittings/${encodeURIComponent(sittingId)}/recording`,
      sittingRecordingSchema,
      { method: 'PUT', body: recording },
    ),

  conveneSitting: (sittingId: string, version: number): Promise<SittingPreparation> =>
    requestJson(
      `/api/sittings/${encodeURIComponent(sittingId)}/convene`,
      sittingPreparationSchema,
      { method: 'POST', body: { version } },
    ),

  /** The member's latest notices about sittings, written in `language`. */
  notifications: (language: string): Promise<NotificationsResponse> =>
    requestJson(
      `/api/me/notifications?language=${encodeURIComponent(language)}`,
      notificationsResponseSchema,
    ),

  markNotificationsRead: (): Promise<void> =>
    requestNoContent('/api/me/notifications/read', { method: 'POST', body: {} }),

  /** Any non-draft sitting's names, time and stream, without a sign-in. */
  publicSitting: (sittingId: string): Promise<PublicSitting> =>
    requestJson(`/api/public/sittings/${encodeURIComponent(sittingId)}`, publicSittingSchema),
};
