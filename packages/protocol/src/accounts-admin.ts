import { COUNCIL_ROLES } from '@veche/domain';
import { z } from 'zod';
import { languageSchema } from './auth.js';

/** The shortest and longest password a person may set (NIST SP 800-63B: length over rules). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const ACCOUNT_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** POST /api/councils/:councilId/invitations: a council administrator invites a person. */
export const invitationRequestSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  displayName: z.string().trim().min(1).max(200),
  language: languageSchema,
  roles: z
    .array(z.enum(COUNCIL_ROLES))
    .min(1)
    .max(COUNCIL_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, 'each role at most once'),
  /** The person of the council this account is for (a councillor); one account per person. */
  personId: z.uuid().optional(),
});
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

/** An account of a council, as its administrators see it. */
export const councilAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  language: languageSchema,
  personId: z.string().nullable(),
  roles: z.array(z.enum(COUNCIL_ROLES)),
  /** invited: no password set yet; active: may sign in; deactivated: may not. */
  status: z.enum(ACCOUNT_STATUSES),
  /** Until when the open invitation's link works; null unless invited. */
  invitationExpiresAt: z.iso.datetime().nullable(),
  deactivatedAt: z.iso.datetime().nullable(),
});
export type CouncilAccount = z.infer<typeof councilAccountSchema>;

/** GET /api/councils/:councilId/users */
export const councilAccountsResponseSchema = z.object({
  users: z.array(councilAccountSchema),
});
export type CouncilAccountsResponse = z.infer<typeof councilAccountsResponseSchema>;

/** POST /api/auth/set-password: the link's token and the new password. */
export const setPasswordRequestSchema = z.object({
  token: z.string().min(20).max(100),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `at least ${String(PASSWORD_MIN_LENGTH)} characters`)
    .max(PASSWORD_MAX_LENGTH, `at most ${String(PASSWORD_MAX_LENGTH)} characters`),
});
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;
