import type { TabletLink } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import { sittingAccess } from '../sittings/sitting-access.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

/**
 * How long a tablet's QR code works. Long enough to pick up the tablet and scan; short enough
 * that a photo of the operator's screen is useless a moment later. It also works only once.
 */
export const TABLET_LINK_TTL_MS = 2 * 60_000;

/**
 * A conductor of the sitting (operator or chair) issues a one-time sign-in for a member of it,
 * shown as a QR code for the member's tablet in the hall. Only members of this sitting with an
 * active account of this council qualify; anything else is refused by name.
 */
export async function issueTabletLink(
  repos: Repositories,
  live: LiveSittingService,
  clock: () => Date,
  issuer: UserRow,
  sittingId: string,
  memberId: string,
): Promise<TabletLink> {
  const access = await sittingAccess(repos, issuer.id, sittingId);
  if (!access.conducting) {
    throw new HttpError(403, 'forbidden', 'Only the operator or the chair signs tablets in');
  }
  const setup = await live.setup(access.sitting);
  const member = setup.members.find((candidate) => candidate.id === memberId);
  if (member === undefined) {
    throw new HttpError(422, 'not_a_member', 'memberId: not a member of this sitting', {
      field: 'memberId',
    });
  }
  const account = await repos.users.findByPerson(access.sitting.councilId, memberId);
  if (account === undefined || account.deactivatedAt !== null) {
    throw new HttpError(422, 'no_account', 'memberId: this member has no active account', {
      field: 'memberId',
    });
  }
  const token = newSessionToken();
  const expiresAt = new Date(clock().getTime() + TABLET_LINK_TTL_MS);
  await repos.loginLinks.create({
    councilId: access.sitting.councilId,
    userId: account.id,
    sittingId,
    tokenHash: hashSessionToken(token),
    createdByUserId: issuer.id,
    expiresAt,
  });
  return { token, expiresAt: expiresAt.toISOString(), memberName: member.name };
}
