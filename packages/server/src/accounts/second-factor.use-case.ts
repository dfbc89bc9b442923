import type { CouncilRole } from '@veche/domain';
import type {
  RecoveryCodes,
  SecondFactorChallenge,
  SecondFactorSetup,
  SecondFactorStatus,
} from '@veche/protocol';
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { HttpError } from '../http/api-error.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { AccountsService, LoginResult } from './accounts.service.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

/** How long the code step of a sign-in waits after the password: time to open the app, no more. */
export const SECOND_FACTOR_CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes a challenge takes before it is void and the password must be given again. */
export const SECOND_FACTOR_MAX_FAILURES = 5;
export const RECOVERY_CODE_COUNT = 10;

const ISSUER = 'Veche';
/** Council roles that prepare or conduct sittings or administer: staff, asked for a second factor. */
const STAFF_ROLES: ReadonlySet<CouncilRole> = new Set(['operator', 'chair', 'council_admin']);
/**
 * Recovery codes are written in Crockford's base32 alphabet (no I, L, O, U), lower-case, so that
 * they are read aloud and typed without confusion; 16 characters are 80 random bits.
 */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_GROUPS = 4;
const RECOVERY_GROUP_LENGTH = 4;

/** True for a platform administrator or anyone who holds a staff role in some council. */
export function isStaff(user: UserRow, councils: ReadonlyArray<{ roles: CouncilRole[] }>): boolean {
  return user.isPlatformAdmin || councils.some((c) => c.roles.some((r) => STAFF_ROLES.has(r)));
}

function totpFor(secret: string, email: string): TOTP {
  // The defaults every authenticator app understands: SHA-1, 6 digits, 30 s (RFC 6238).
  return new TOTP({
    issuer: ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

/**
 * The 30-second step a code belongs to, if it is the code of the current step or of one step
 * either side (a phone's clock a little off, a code typed as it changes); null otherwise.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const totp = totpFor(secret, '');
  const timestamp = now.getTime();
  const delta = totp.validate({ token: code, timestamp, window: 1 });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

/** A fresh recovery code, `xxxx-xxxx-xxxx-xxxx`. */
function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < RECOVERY_GROUP_LENGTH; i++) {
      group += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    }
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * A recovery code as typed (any case, spaces or dashes, O for 0, I or L for 1) reduced to its
 * characters, then hashed. A fast SHA-256 is enough, unlike for passwords: each code holds 80
 * random bits, far beyond what anyone can try against a stolen hash, so a slow hash (which only
 * makes guessing weak secrets expensive) would add nothing. And a copy of the database already
 * holds the TOTP secret itself (see the schema).
 */
export function hashRecoveryCode(code: string): string {
  const normalized = code
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  return createHash('sha256').update(`veche-recovery:${normalized}`).digest('hex');
}

function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

const codeInvalid = () =>
  new HttpError(422, 'code_invalid', 'code: the code is wrong, expired or already used', {
    field: 'code',
  });
const notOn = () =>
  new HttpError(409, 'second_factor_required', 'The second factor is not turned on');

/**
 * The TOTP second factor (RFC 6238) with recovery codes: setting it up, turning it off, and the
 * code step of a sign-in. Codes are accepted for one step either side of now and never twice.
 */
export function secondFactorService(
  storage: StorageContext,
  repos: Repositories,
  accounts: AccountsService,
) {
  const { clock } = storage;

  /**
   * Checks a TOTP code or a recovery code of a user whose factor is on and uses it up (the step
   * is recorded, the recovery code spent). Runs inside the caller's transaction.
   */
  async function spendCode(tx: Repositories, user: UserRow, code: string): Promise<boolean> {
    const factor = await tx.secondFactors.find(user.id);
    if (factor === undefined || factor.confirmedAt === null) return false;
    if (looksLikeTotp(code)) {
      const step = matchingStep(factor.secret, code.replace(/\s/g, ''), clock());
      return step !== null && (await tx.secondFactors.useStep(user.id, step));
    }
    return tx.secondFactors.useRecoveryCode(user.id, hashRecoveryCode(code));
  }

  async function newRecoveryCodes(tx: Repositories, user: UserRow): Promise<RecoveryCodes> {
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.secondFactors.replaceRecoveryCodes(
      user.id,
      user.councilId,
      recoveryCodes.map(hashRecoveryCode),
    );
    return { recoveryCodes };
  }

  return {
    async status(user: UserRow): Promise<SecondFactorStatus> {
      const factor = await repos.secondFactors.find(user.id);
      const enabled = (factor?.confirmedAt ?? null) !== null;
      return {
        enabled,
        pending: factor !== undefined && !enabled,
        staff: isStaff(user, await repos.users.councilsOf(user.id)),
        recoveryCodesLeft: enabled ? await repos.secondFactors.unusedRecoveryCodes(user.id) : 0,
      };
    },

    /** A new secret, pending until a code confirms it; a second setup replaces the first. */
    async setup(user: UserRow): Promise<SecondFactorSetup> {
      const secret = new Secret({ size: 20 }).base32;
      if (!(await repos.secondFactors.savePending(user.id, user.councilId, secret))) {
        throw new HttpError(409, 'second_factor_enabled', 'The second factor is already on');
      }
      return { secret, uri: totpFor(secret, user.email).toString() };
    },

    /** Turns a pending setup on with a current code; the recovery codes, shown this once. */
    async confirm(user: UserRow, code: string): Promise<RecoveryCodes> {
      return inTransaction(storage, async (tx) => {
        const factor = await tx.secondFactors.find(user.id);
        if (factor === undefined) throw notOn();
        if (factor.confirmedAt !== null) {
          throw new HttpError(409, 'second_factor_enabled', 'The second factor is already on');
        }
        const step = matchingStep(factor.secret, code, clock());
        if (step === null || !(await tx.secondFactors.confirm(user.id, step))) {
          throw codeInvalid();
        }
        return newRecoveryCodes(tx, user);
      });
    },

    /** Turns the factor off; a current code or a recovery code proves the phone (or paper) is at hand. */
    async disable(user: UserRow, code: string): Promise<void> {
      await inTransaction(storage, async (tx) => {
        if (((await tx.secondFactors.find(user.id))?.confirmedAt ?? null) === null) throw notOn();
        if (!(await spendCode(tx, user, code))) throw codeInvalid();
        await tx.secondFactors.remove(user.id);
      });
    },

    /** Replaces the recovery codes (all earlier ones stop working). */
    async renewRecoveryCodes(user: UserRow, code: string): Promise<RecoveryCodes> {
      return inTransaction(storage, async (tx) => {
        if (((await tx.secondFactors.find(user.id))?.confirmedAt ?? null) === null) throw notOn();
        if (!(await spendCode(tx, user, code))) throw codeInvalid();
        return newRecoveryCodes(tx, user);
      });
    },

    /** The e-mail of the account a challenge is for, while it can still be answered. */
    async challengeAccount(challenge: string): Promise<string | undefined> {
      const row = await repos.secondFactors.findOpenChallenge(
        hashSessionToken(challenge),
        SECOND_FACTOR_MAX_FAILURES,
      );
      return row === undefined ? undefined : (await repos.users.findById(row.userId))?.email;
    },

    /**
     * The code step of a sign-in. A right code ends the challenge and opens the session exactly
     * as a password sign-in does; a wrong one counts, and the fifth makes the challenge void.
     */
    async completeLogin(
      challenge: string,
      code: string,
      userAgent: string | undefined,
    ): Promise<
      | (LoginResult & { ok: true })
      | { ok: false; reason: 'challenge_invalid' }
      | { ok: false; reason: 'code_invalid'; attemptsLeft: number }
    > {
      const verdict = await inTransaction(storage, async (tx) => {
        const claimed = await tx.secondFactors.claimChallenge(
          hashSessionToken(challenge),
          SECOND_FACTOR_MAX_FAILURES,
        );
        if (claimed === undefined)
          return { ok: false as const, reason: 'challenge_invalid' as const };
        const user = await tx.users.findById(claimed.userId);
        if (user === undefined || user.deactivatedAt !== null) {
          return { ok: false as const, reason: 'challenge_invalid' as const };
        }
        if (await spendCode(tx, user, code)) return { ok: true as const, user };
        const failures = await tx.secondFactors.failChallenge(claimed.id);
        const attemptsLeft = Math.max(0, SECOND_FACTOR_MAX_FAILURES - failures);
        return attemptsLeft === 0
          ? { ok: false as const, reason: 'challenge_invalid' as const }
          : { ok: false as const, reason: 'code_invalid' as const, attemptsLeft };
      });
      if (!verdict.ok) return verdict;
      return accounts.openSession(verdict.user, userAgent);
    },
  };
}

export type SecondFactorService = ReturnType<typeof secondFactorService>;

/**
 * After a right password, for an account whose second factor is on: the challenge to answer
 * with a code instead of a session. Only its hash is stored; it works once, for five minutes.
 */
export async function issueSecondFactorChallenge(
  repos: Repositories,
  clock: () => Date,
  user: UserRow,
): Promise<SecondFactorChallenge> {
  const challenge = newSessionToken();
  const expiresAt = new Date(clock().getTime() + SECOND_FACTOR_CHALLENGE_TTL_MS);
  await repos.secondFactors.createChallenge({
    userId: user.id,
    councilId: user.councilId,
    tokenHash: hashSessionToken(challenge),
    expiresAt,
  });
  return { secondFactorRequired: true, challenge, expiresAt: expiresAt.toISOString() };
}
