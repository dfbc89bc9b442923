import type { Council, CouncilCreateRequest, CouncilUpdateRequest } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { CouncilSettingsRow } from '../storage/repositories/councils.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { requirePlatformAdmin } from './admin-access.js';
import { councilView } from './administration-views.js';

function settingsOf(input: CouncilCreateRequest | CouncilUpdateRequest): CouncilSettingsRow {
  return {
    name: input.name,
    country: input.country,
    languages: input.languages,
    defaultLanguage: input.defaultLanguage,
    timeZone: input.timeZone,
    quorumRule: input.quorumRule,
    majorityPreset: input.majorityPreset,
    resolutionNumberPattern: input.resolutionNumberPattern,
    ballotChangeAllowed: input.ballotChangeAllowed,
    speechRequestDeadlineDays: input.speechRequestDeadlineDays,
    // Left out, the database's default (new) or the saved value (update) stays.
    consultationRetentionDays: input.consultationRetentionDays,
  };
}

/** Every council on this installation, for the platform administrator. */
export async function listCouncils(repos: Repositories, user: UserRow): Promise<Council[]> {
  requirePlatformAdmin(user);
  return (await repos.councils.list()).map(councilView);
}

export async function readCouncil(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<Council> {
  requirePlatformAdmin(user);
  const council = await repos.councils.findById(councilId);
  if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
  return councilView(council);
}

/**
 * Creates a council and, when asked, its plenary body (with the council's quorum rule) and its
 * first term, all or nothing. Accounts are not made here: the council's administrators are
 * invited to it separately.
 */
export async function createCouncil(
  storage: StorageContext,
  user: UserRow,
  input: CouncilCreateRequest,
): Promise<Council> {
  requirePlatformAdmin(user);
  return inTransaction(storage, async (repos) => {
    const council = await repos.councils.create(settingsOf(input));
    if (input.plenary !== undefined) {
      await repos.bodies.create({
        councilId: council.id,
        name: input.plenary.name,
        kind: 'plenary',
        statutorySize: input.plenary.statutorySize,
        quorumRule: input.quorumRule,
      });
    }
    if (input.term !== undefined) {
      await repos.terms.create({
        councilId: council.id,
        name: input.term.name,
        startsOn: input.term.startsOn,
        endsOn: input.term.endsOn ?? null,
      });
    }
    return councilView(council);
  });
}

/**
 * Saves a council's settings over the version the administrator read. A save made meanwhile by
 * someone else refuses this one (409 `stale_version`, with the council as it is now), so that
 * nobody's change is silently overwritten.
 */
export async function updateCouncil(
  repos: Repositories,
  user: UserRow,
  councilId: string,
  input: CouncilUpdateRequest,
): Promise<Council> {
  requirePlatformAdmin(user);
  const saved = await repos.councils.updateSettings(councilId, input.version, settingsOf(input));
  if (saved !== undefined) return councilView(saved);
  const current = await repos.councils.findById(councilId);
  if (current === undefined) throw new HttpError(404, 'not_found', 'No such council');
  throw new HttpError(
    409,
    'stale_version',
    `version: the council was changed meanwhile (now version ${String(current.version)}); ` +
      'read it again and repeat the change',
    { field: 'version', facts: { current: councilView(current) } },
  );
}
