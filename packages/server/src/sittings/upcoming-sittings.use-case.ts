import {
  normalizeAgenda,
  numberAgenda,
  PREPARING_ROLES,
  toRoman,
  type SittingKind,
  type SittingMode,
  type SittingStatus,
} from '@veche/domain';
import type { SittingSummary } from '@veche/protocol';
import type { Repositories } from '../storage/repositories.js';
import { agendaTree } from './agenda-rows.js';

/** A sitting that started up to this long ago is still listed (it may run late into the day). */
const STILL_UPCOMING_MS = 12 * 3_600_000;

/** The sittings a user should prepare for: not closed, in the councils where they hold a role. */
export async function upcomingSittings(
  repos: Repositories,
  userId: string,
  now: Date,
): Promise<SittingSummary[]> {
  const listed = await repos.sittings.upcomingForUser({
    userId,
    from: new Date(now.getTime() - STILL_UPCOMING_MS),
    draftRoles: PREPARING_ROLES,
  });
  const byCouncil = new Map<string, string[]>();
  for (const sitting of listed) {
    byCouncil.set(sitting.councilId, [...(byCouncil.get(sitting.councilId) ?? []), sitting.id]);
  }
  const agendaRows = (
    await Promise.all(
      [...byCouncil].map(([councilId, ids]) => repos.sittings.agendaOf(councilId, ids)),
    )
  ).flat();
  return listed.map((sitting) => ({
    id: sitting.id,
    councilId: sitting.councilId,
    councilName: sitting.councilName,
    bodyId: sitting.bodyId,
    bodyName: sitting.bodyName,
    number: sitting.number,
    numberRoman: toRoman(sitting.number),
    title: sitting.title,
    kind: sitting.kind as SittingKind,
    mode: sitting.mode as SittingMode,
    status: sitting.status as SittingStatus,
    startsAt: sitting.startsAt.toISOString(),
    timeZone: sitting.timeZone,
    place: sitting.place,
    agenda: numberAgenda(
      normalizeAgenda(agendaTree(agendaRows.filter((row) => row.sittingId === sitting.id))),
    ).map((item) => ({ id: item.id, number: item.number, title: item.title })),
  }));
}
