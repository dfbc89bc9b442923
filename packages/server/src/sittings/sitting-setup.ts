import {
  isMajorityPresetId,
  type QuorumRuleKind,
  type SittingMode,
  type SittingSetup,
} from '@veche/domain';
import type { Repositories } from '../storage/repositories.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';
import { localDateIn } from '../time/zoned-time.js';
import { agendaTree } from './agenda-rows.js';

/** Speaking time when neither the item nor the council sets one. */
const DEFAULT_SPEAKING_LIMIT_MS = 5 * 60_000;

/**
 * What the domain needs to know about a sitting before its log starts: the body's members on the
 * sitting's date (in the council's time zone), sizes and rules, the agenda as prepared, and the
 * council's settings. It is frozen into the sitting when the first event is written.
 */
export async function buildSittingSetup(
  repos: Repositories,
  sitting: SittingRow,
): Promise<SittingSetup> {
  const council = await repos.councils.findById(sitting.councilId);
  const body = await repos.bodies.findById(sitting.councilId, sitting.bodyId);
  if (council === undefined || body === undefined) {
    throw new Error(`sitting ${sitting.id} refers to a missing council or body`);
  }
  const onDate = localDateIn(sitting.startsAt, council.timeZone);
  const members = await repos.persons.membersOfBody(sitting.councilId, sitting.bodyId, onDate);
  const agendaRows = await repos.sittings.agendaOf(sitting.councilId, [sitting.id]);
  return {
    sittingId: sitting.id,
    number: sitting.number,
    mode: sitting.mode as SittingMode,
    statutorySize: body.statutorySize,
    quorumRule: body.quorumRule as QuorumRuleKind,
    members: members.map((member) => ({
      id: member.personId,
      name: `${member.givenName} ${member.familyName}`,
    })),
    agenda: agendaTree(agendaRows),
    ballotChangeAllowed: council.ballotChangeAllowed,
    majorityPresetId: isMajorityPresetId(council.majorityPreset) ? council.majorityPreset : null,
    defaultSpeakingLimitMs: DEFAULT_SPEAKING_LIMIT_MS,
    initialStatus: sitting.status === 'draft' ? 'draft' : 'convened',
  };
}
