import { COUNCIL_ROLES, LANGUAGES } from '@veche/domain';
import { z } from 'zod';

export const languageSchema = z.enum(LANGUAGES);

/** POST /api/auth/login */
export const loginRequestSchema = z.object({
  // Trimmed and lower-cased before it is checked: addresses are often pasted with spaces.
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const councilMembershipSchema = z.object({
  councilId: z.string(),
  councilName: z.string(),
  roles: z.array(z.enum(COUNCIL_ROLES)),
});

/** GET /api/me, and the body of a successful login. */
export const currentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  language: languageSchema,
  councils: z.array(councilMembershipSchema),
  /** Hosts councils on this installation (DESIGN.md section 2); absent means false. */
  isPlatformAdmin: z.boolean().optional(),
  /** Whether sign-in asks for a code from an authenticator app (absent from older servers). */
  secondFactorEnabled: z.boolean().optional(),
  /** Staff (operator, chair, administrators) without a second factor: they are asked to add one. */
  secondFactorRecommended: z.boolean().optional(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** PUT /api/me/preferences */
export const preferencesRequestSchema = z.object({
  language: languageSchema,
});
export type PreferencesRequest = z.infer<typeof preferencesRequestSchema>;

/** POST /api/sittings/:sittingId/tablet-links: a one-time sign-in for a member's tablet. */
export const tabletLinkRequestSchema = z.object({
  memberId: z.uuid(),
});
export type TabletLinkRequest = z.infer<typeof tabletLinkRequestSchema>;

export const tabletLinkSchema = z.object({
  /** Goes into the QR code as `/tablet/<token>`; works once, until `expiresAt`. */
  token: z.string(),
  expiresAt: z.iso.datetime(),
  memberName: z.string(),
});
export type TabletLink = z.infer<typeof tabletLinkSchema>;

/** POST /api/auth/tablet: the tablet redeems the code it scanned. */
export const tabletLoginRequestSchema = z.object({
  token: z.string().min(20).max(100),
});
export type TabletLoginRequest = z.infer<typeof tabletLoginRequestSchema>;

export const tabletLoginSchema = z.object({
  user: currentUserSchema,
  sittingId: z.string(),
});
export type TabletLogin = z.infer<typeof tabletLoginSchema>;
