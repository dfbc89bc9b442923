import type { Language } from '@veche/domain';
import type { CurrentUser, LoginRequest, SecondFactorChallenge } from '@veche/protocol';
import type { Repositories } from '../storage/repositories.js';
import { hasPassword, type UserRow } from '../storage/repositories/users.repository.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { verifyPassword } from './password.js';
import { isStaff, issueSecondFactorChallenge } from './second-factor.use-case.js';

export interface AuthenticatedUser {
  readonly user: UserRow;
  readonly sessionId: string;
  /** Set when this request extended the session: the new expiry. */
  readonly renewedUntil: Date | null;
}

export type LoginResult =
  { ok: true; token: string; expiresAt: Date; user: CurrentUser } | { ok: false };

/** A right password for an account with a second factor: a code must follow (no session yet). */
export type PasswordLoginResult =
  LoginResult | { ok: 'second_factor'; challenge: SecondFactorChallenge };

/** Sign-in, sign-out and the signed-in user: the use cases behind the auth routes. */
export function accountsService(
  repos: Repositories,
  clock: () => Date,
  sessionTtlMs: number,
  /** Told of every session signed out, so that open sockets of that session close. */
  onSessionEnded: (sessionId: string) => void = () => {},
) {
  async function describe(user: UserRow): Promise<CurrentUser> {
    const councils = await repos.users.councilsOf(user.id);
    const secondFactorEnabled = await hasSecondFactor(user);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.language as Language,
      councils,
      isPlatformAdmin: user.isPlatformAdmin,
      secondFactorEnabled,
      secondFactorRecommended: !secondFactorEnabled && isStaff(user, councils),
    };
  }

  async function hasSecondFactor(user: UserRow): Promise<boolean> {
    return ((await repos.secondFactors.find(user.id))?.confirmedAt ?? null) !== null;
  }

  async function openSession(user: UserRow, userAgent: string | undefined) {
    const token = newSessionToken();
    const expiresAt = new Date(clock().getTime() + sessionTtlMs);
    await repos.loginSessions.create({
      userId: user.id,
      councilId: user.councilId,
      tokenHash: hashSessionToken(token),
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { ok: true as const, token, expiresAt, user: await describe(user) };
  }

  return {
    describe,
    openSession,

    /**
     * Checks the password and opens a login session. An unknown e-mail, a deactivated account,
     * an invitation not yet taken up and a wrong password give the same answer after the same
     * work, so the answer does not tell whether an e-mail is registered. With a second factor
     * on, a right password gives a challenge to answer with a code (second-factor.use-case.ts),
     * not yet a session.
     */
    async login(input: LoginRequest, userAgent: string | undefined): Promise<PasswordLoginResult> {
      const user = await repos.users.findByEmail(input.email);
      const usable = user !== undefined && user.deactivatedAt === null && hasPassword(user);
      const matches = await verifyPassword(usable ? user.passwordHash : undefined, input.password);
      if (!usable || !matches) return { ok: false };
      if (await hasSecondFactor(user)) {
        return {
          ok: 'second_factor',
          challenge: await issueSecondFactorChallenge(repos, clock, user),
        };
      }
      return openSession(user, userAgent);
    },

    /**
     * Signs a tablet in with a one-time link that a conductor issued (see tablet-link.use-case):
     * the link is used up whatever happens next, and an expired or used link, or one for an
     * account deactivated meanwhile, gives the same refusal. It asks for no second factor, on
     * purpose: the link is issued by a conductor who is signed in (with their own second factor,
     * if they are staff), for a councillor of the sitting, and it works once for two minutes.
     */
    async loginWithLink(
      token: string,
      userAgent: string | undefined,
    ): Promise<(LoginResult & { ok: true; sittingId: string }) | { ok: false }> {
      const link = await repos.loginLinks.consume(hashSessionToken(token));
      if (link === undefined) return { ok: false };
      const user = await repos.users.findById(link.userId);
      if (user === undefined || user.deactivatedAt !== null) return { ok: false };
      return { ...(await openSession(user, userAgent)), sittingId: link.sittingId };
    },

    async logout(token: string): Promise<void> {
      const sessionId = await repos.loginSessions.delete(hashSessionToken(token));
      if (sessionId !== undefined) onSessionEnded(sessionId);
    },

    /**
     * The user behind a session cookie, or undefined. Sliding expiry: a session used after half
     * its lifetime is extended, so an active clerk is not signed out mid-sitting.
     */
    async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
      const session = await repos.loginSessions.findActive(hashSessionToken(token));
      if (session === undefined) return undefined;
      const user = await repos.users.findById(session.userId);
      if (user === undefined || user.deactivatedAt !== null) return undefined;
      const now = clock().getTime();
      if (session.expiresAt.getTime() - now >= sessionTtlMs / 2) {
        return { user, sessionId: session.id, renewedUntil: null };
      }
      const renewedUntil = new Date(now + sessionTtlMs);
      await repos.loginSessions.touch(session.id, renewedUntil);
      return { user, sessionId: session.id, renewedUntil };
    },

    async setLanguage(user: UserRow, language: Language): Promise<CurrentUser> {
      await repos.users.setLanguage(user.id, language);
      return describe({ ...user, language });
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
