import type { CouncilRole } from '@veche/domain';
import { HttpError } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';

/** Hosting councils is the platform administrator's alone (DESIGN.md section 2). */
export function requirePlatformAdmin(user: UserRow): void {
  if (!user.isPlatformAdmin) {
    throw new HttpError(403, 'forbidden', 'Only a platform administrator manages councils');
  }
}

const COUNCIL_ADMIN: CouncilRole = 'council_admin';

/**
 * The council, if this user administers it: its council administrators, and the platform
 * administrators. A council in which the user holds no role is "not found", exactly like one
 * that does not exist, so nobody learns of another council's existence or of its rows; a role
 * other than administrator is "forbidden".
 */
export async function requireCouncilAdmin(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<CouncilRow> {
  const council = await repos.councils.findById(councilId);
  if (user.isPlatformAdmin && council !== undefined) return council;
  const roles = (await repos.users.councilsOf(user.id)).find(
    (entry) => entry.councilId === councilId,
  )?.roles;
  if (council === undefined || roles === undefined) {
    throw new HttpError(404, 'not_found', 'No such council');
  }
  if (!roles.includes(COUNCIL_ADMIN)) {
    throw new HttpError(403, 'forbidden', 'Only the council\u2019s administrators manage it');
  }
  return council;
}
