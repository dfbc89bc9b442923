import { z } from 'zod';
import { currentUserSchema } from './auth.js';

/** A 6-digit code from an authenticator app (RFC 6238); spaces are the client's to remove. */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'six digits');

/**
 * A code from the authenticator app, or one of the recovery codes (`xxxx-xxxx-xxxx-xxxx`; case,
 * spaces and dashes do not matter).
 */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(6)
  .max(40)
  .regex(/^[0-9A-Za-z -]+$/, 'digits, letters and dashes only');

/** POST /api/auth/login when the account has a second factor: no session yet, but this. */
export const secondFactorChallengeSchema = z.object({
  secondFactorRequired: z.literal(true),
  /** Answered with a code at POST /api/auth/login/second-factor; works once, until `expiresAt`. */
  challenge: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeSchema>;

/** The answer of POST /api/auth/login: the signed-in user, or the second factor's challenge. */
export const loginResponseSchema = z.union([secondFactorChallengeSchema, currentUserSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** POST /api/auth/login/second-factor */
export const secondFactorLoginRequestSchema = z.object({
  challenge: z.string().min(20).max(100),
  code: secondFactorCodeSchema,
});
export type SecondFactorLoginRequest = z.infer<typeof secondFactorLoginRequestSchema>;

/** GET /api/me/second-factor */
export const secondFactorStatusSchema = z.object({
  enabled: z.boolean(),
  /** A setup was started and waits for its first code. */
  pending: z.boolean(),
  /** The user conducts sittings or administers: a second factor is expected of them. */
  staff: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

/** POST /api/me/second-factor/setup: shown once, to be put into an authenticator app. */
export const secondFactorSetupSchema = z.object({
  /** Base32, for typing in by hand. */
  secret: z.string(),
  /** `otpauth://totp/...`, for the QR code. */
  uri: z.string(),
});
export type SecondFactorSetup = z.infer<typeof secondFactorSetupSchema>;

/** POST /api/me/second-factor/confirm */
export const secondFactorConfirmRequestSchema = z.object({ code: totpCodeSchema });
export type SecondFactorConfirmRequest = z.infer<typeof secondFactorConfirmRequestSchema>;

/** DELETE /api/me/second-factor and POST /api/me/second-factor/recovery-codes */
export const secondFactorCodeRequestSchema = z.object({ code: secondFactorCodeSchema });
export type SecondFactorCodeRequest = z.infer<typeof secondFactorCodeRequestSchema>;

/** Ten one-time recovery codes, shown once: the server keeps only their hashes. */
export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).length(10),
});
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
