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
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** PUT /api/me/preferences */
export const preferencesRequestSchema = z.object({
  language: languageSchema,
});
export type PreferencesRequest = z.infer<typeof preferencesRequestSchema>;
