import type { CouncilRole, Language } from '@veche/domain';
import type { CouncilAccount, InvitationRequest } from '@veche/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { HttpError } from '../http/api-error.js';
import { formatMailTime } from '../mail/mail-texts.js';
import type { Mailer } from '../mail/mailer.js';
import { renderMail } from '../mail/render-mail.js';
import { createRepositories, inTransaction, type Repositories } from '../storage/repositories.js';
import {
  hasPassword,
  NO_PASSWORD,
  type UserRow,
} from '../storage/repositories/users.repository.js';
import { hasPgCode, UNIQUE_VIOLATION, type StorageContext } from '../storage/storage-context.js';
import type { AccountsService, LoginResult } from './accounts.service.js';
import { hashPassword } from './password.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

export interface InvitationDependencies {
  readonly storage: StorageContext;
  readonly accounts: AccountsService;
  readonly mailer: Mailer;
  /** How long an invitation's link works (INVITATION_TTL_HOURS). */
  readonly invitationTtlMs: number;
  /** Told of every session ended, so that open sockets of that session close at once. */
  readonly onSessionEnded: (sessionId: string) => void;
  readonly logger: FastifyBaseLogger;
}

/** Where a set-password link leads; the web app's page of the same address takes it from there. */
export function setPasswordLink(origin: string, token: string): string {
  return `${origin}/set-password/${encodeURIComponent(token)}`;
}

/**
 * The council's accounts are managed by its administrators only. Someone without any role in
 * the council is told it does not exist, exactly as for an unknown id (nothing crosses councils);
 * one of its people without the administrator's role is refused.
 */
async function requireCouncilAdmin(
  repos: Repositories,
  actor: UserRow,
  councilId: string,
): Promise<void> {
  const council = (await repos.users.councilsOf(actor.id)).find(
    (entry) => entry.councilId === councilId,
  );
  if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
  if (!council.roles.includes('council_admin')) {
    throw new HttpError(403, 'forbidden', 'Only an administrator of the council manages accounts');
  }
}

export function accountView(
  user: UserRow,
  roles: readonly CouncilRole[],
  invitationExpiresAt: Date | undefined,
): CouncilAccount {
  const status =
    user.deactivatedAt !== null ? 'deactivated' : hasPassword(user) ? 'active' : 'invited';
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: user.language as Language,
    personId: user.personId,
    roles: [...roles],
    status,
    invitationExpiresAt:
      status === 'invited' && invitationExpiresAt !== undefined
        ? invitationExpiresAt.toISOString()
        : null,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
  };
}

function emailTaken(): HttpError {
  return new HttpError(409, 'email_taken', 'email: an account with this address exists', {
    field: 'email',
  });
}

/** The account this invitation is for: a new one, or the same person's invitation not taken up. */
async function invitedAccount(
  repos: Repositories,
  councilId: string,
  input: InvitationRequest,
): Promise<UserRow> {
  const personId = input.personId ?? null;
  if (personId !== null) {
    if ((await repos.persons.findById(councilId, personId)) === undefined) {
      throw new HttpError(422, 'unknown_person', 'personId: not a person of this council', {
        field: 'personId',
      });
    }
    const holder = await repos.users.findByPerson(councilId, personId);
    if (holder !== undefined && holder.email !== input.email) {
      throw new HttpError(409, 'person_has_account', 'personId: this person has an account', {
        field: 'personId',
      });
    }
  }
  const existing = await repos.users.findByEmail(input.email);
  if (existing === undefined) {
    return repos.users.create({
      councilId,
      personId,
      email: input.email,
      passwordHash: NO_PASSWORD,
      displayName: input.displayName,
      language: input.language,
    });
  }
  // Only an invitation of this council that nobody took up may be sent again; any other account
  // with this address (active, deactivated, or of another council) stays as it is.
  if (
    existing.councilId !== councilId ||
    hasPassword(existing) ||
    existing.deactivatedAt !== null
  ) {
    throw emailTaken();
  }
  const changes = { displayName: input.displayName, language: input.language, personId };
  await repos.users.updateInvited(councilId, existing.id, changes);
  return { ...existing, ...changes };
}

/**
 * A council administrator invites a person: the account is created without a password (it
 * cannot sign in yet), gets its roles, and the person receives an e-mail in their language with
 * a one-time link to set the password. Inviting again a person who has not set it replaces the
 * link. Nothing is written when the input is refused; the e-mail goes out after the commit.
 */
export async function inviteAccount(
  deps: InvitationDependencies,
  inviter: UserRow,
  councilId: string,
  input: InvitationRequest,
  origin: string,
): Promise<CouncilAccount> {
  const repos = createRepositories(deps.storage);
  await requireCouncilAdmin(repos, inviter, councilId);
  const council = await repos.councils.findById(councilId);
  if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
  const token = newSessionToken();
  const expiresAt = new Date(deps.storage.clock().getTime() + deps.invitationTtlMs);
  const user = await inTransaction(deps.storage, async (tx) => {
    const account = await invitedAccount(tx, councilId, input);
    await tx.users.setRoles(councilId, account.id, input.roles);
    await tx.passwordTokens.replace({
      councilId,
      userId: account.id,
      purpose: 'invitation',
      tokenHash: hashSessionToken(token),
      createdByUserId: inviter.id,
      expiresAt,
    });
    return account;
  }).catch((error: unknown) => {
    // Two invitations of one new address at once: the second finds the first one's row.
    if (hasPgCode(error, UNIQUE_VIOLATION)) throw emailTaken();
    throw error;
  });
  const mail = renderMail('invitation', input.language, {
    recipientName: input.displayName,
    councilName: council.name,
    inviterName: inviter.displayName,
    link: setPasswordLink(origin, token),
    expiresAt: formatMailTime(expiresAt, input.language, council.timeZone),
  });
  try {
    await deps.mailer.send({ to: input.email, ...mail });
  } catch (error) {
    deps.logger.error({ err: error, event: 'invitation_mail_failed' }, 'invitation not sent');
    throw new HttpError(
      502,
      'mail_failed',
      'The account is ready but the e-mail could not be sent; invite the person again later',
    );
  }
  return accountView(user, input.roles, expiresAt);
}

export type SetPasswordResult = (LoginResult & { ok: true }) | { ok: false };

/**
 * The person follows the link and chooses a password: the link is used up, the password set,
 * and the person signed in. An expired, used or unknown link, or one of an account deactivated
 * meanwhile, gives one refusal. Any other sign-in of the account ends, as after a reset.
 */
export async function setPasswordWithLink(
  deps: InvitationDependencies,
  token: string,
  password: string,
  userAgent: string | undefined,
): Promise<SetPasswordResult> {
  // Hashed first: the slow part stays outside the transaction.
  const passwordHash = await hashPassword(password);
  const user = await inTransaction(deps.storage, async (tx) => {
    const link = await tx.passwordTokens.consume(hashSessionToken(token));
    if (link === undefined) return undefined;
    const account = await tx.users.findById(link.userId);
    if (account === undefined || account.deactivatedAt !== null) return undefined;
    await tx.users.setPassword(account.id, passwordHash);
    return { ...account, passwordHash };
  });
  if (user === undefined) return { ok: false };
  const repos = createRepositories(deps.storage);
  for (const sessionId of await repos.loginSessions.deleteForUser(user.id)) {
    deps.onSessionEnded(sessionId);
  }
  return deps.accounts.openSession(user, userAgent);
}

/** The council's accounts with their roles and status, for its administrators. */
export async function listCouncilAccounts(
  deps: InvitationDependencies,
  actor: UserRow,
  councilId: string,
): Promise<CouncilAccount[]> {
  const repos = createRepositories(deps.storage);
  await requireCouncilAdmin(repos, actor, councilId);
  const accounts = await repos.users.listForCouncil(councilId);
  const open = await repos.passwordTokens.openOf(councilId, 'invitation');
  return accounts.map(({ user, roles }) => accountView(user, roles, open.get(user.id)));
}

/**
 * Deactivates (or reactivates) an account of the council. Deactivation ends its sign-ins at once
 * (open sockets too) and keeps everything it did; an administrator cannot lock themselves out.
 */
export async function setAccountActive(
  deps: InvitationDependencies,
  actor: UserRow,
  councilId: string,
  userId: string,
  active: boolean,
): Promise<CouncilAccount> {
  const repos = createRepositories(deps.storage);
  await requireCouncilAdmin(repos, actor, councilId);
  const target = await repos.users.findInCouncil(councilId, userId);
  if (target === undefined) throw new HttpError(404, 'not_found', 'No such account');
  if (!active && target.id === actor.id) {
    throw new HttpError(
      422,
      'cannot_deactivate_self',
      'An administrator cannot deactivate themselves',
    );
  }
  let deactivatedAt = target.deactivatedAt;
  if (active) deactivatedAt = null;
  else deactivatedAt ??= deps.storage.clock();
  await repos.users.setDeactivated(councilId, userId, deactivatedAt);
  if (!active) {
    for (const sessionId of await repos.loginSessions.deleteForUser(userId)) {
      deps.onSessionEnded(sessionId);
    }
  }
  const roles = (await repos.users.councilsOf(userId)).find((c) => c.councilId === councilId);
  const open = await repos.passwordTokens.openOf(councilId, 'invitation');
  return accountView({ ...target, deactivatedAt }, roles?.roles ?? [], open.get(userId));
}
