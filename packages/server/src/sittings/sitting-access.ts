import { CONDUCTING_ROLES, holdsAnyRole, PREPARING_ROLES, type CouncilRole } from '@veche/domain';
import { HttpError } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';

export interface SittingAccess {
  readonly sitting: SittingRow;
  readonly roles: readonly CouncilRole[];
  readonly conducting: boolean;
}

/**
 * The sitting, if the user holds a role in its council; a sitting of another council, or a draft
 * the user may not prepare, is "not found", exactly as one that does not exist (no data crosses
 * councils, and nothing tells a stranger that it is there).
 */
export async function sittingAccess(
  repos: Repositories,
  userId: string,
  sittingId: string,
): Promise<SittingAccess> {
  const sitting = await repos.sittings.locate(sittingId);
  const council =
    sitting === undefined
      ? undefined
      : (await repos.users.councilsOf(userId)).find((c) => c.councilId === sitting.councilId);
  const roles = council?.roles ?? [];
  const visible =
    sitting !== undefined &&
    council !== undefined &&
    (sitting.status !== 'draft' || holdsAnyRole(roles, PREPARING_ROLES));
  if (!visible) throw new HttpError(404, 'not_found', 'No such sitting');
  return {
    sitting,
    roles,
    conducting: holdsAnyRole(roles, CONDUCTING_ROLES),
  };
}
