import { bodyCode, formatResolutionNumber, resolutionsOf, type SittingState } from '@veche/domain';
import type { Repositories } from '../storage/repositories.js';
import type { NewResolution } from '../storage/repositories/resolutions.repository.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';
import { localDateIn } from '../time/zoned-time.js';

/**
 * Enters what a closing sitting resolved into the council's register, in the transaction that
 * appends its close: each draft resolution's deciding vote (the domain's `resolutionsOf`), the
 * adopted ones numbered in the agenda's order by the council's pattern, with the next sequence
 * number of the body in the term (under the council's lock, so two sittings closing at once do
 * not take the same one). The year is the calendar year of the close on the council's clock.
 */
export async function recordResolutionsAtClose(
  tx: Repositories,
  sitting: SittingRow,
  state: SittingState,
  closedAt: number,
): Promise<void> {
  const items = await tx.sittings.agendaOf(sitting.councilId, [sitting.id]);
  const drafts = new Set(
    items.filter((item) => item.kind === 'draft_resolution').map((item) => item.id),
  );
  const decided = resolutionsOf(state, drafts);
  if (decided.length === 0) return;
  const council = await tx.councils.lock(sitting.councilId);
  const body = await tx.bodies.findById(sitting.councilId, sitting.bodyId);
  if (council === undefined || body === undefined) return;
  const year = Number(localDateIn(new Date(closedAt), council.timeZone).slice(0, 4));
  let seq = await tx.resolutions.nextSeq(sitting.councilId, sitting.bodyId, sitting.termId);
  const rows: NewResolution[] = decided.map((resolution) => {
    const common = {
      councilId: sitting.councilId,
      sittingId: sitting.id,
      bodyId: sitting.bodyId,
      termId: sitting.termId,
      agendaItemId: resolution.itemId,
      voteId: resolution.voteId,
      title: resolution.title,
      year,
      decidedAt: new Date(resolution.decidedAt),
    };
    if (!resolution.adopted) return { ...common, adopted: false, seq: null, number: null };
    const values = { sitting: sitting.number, seq, year, body: bodyCode(body.name) };
    const formatted = formatResolutionNumber(council.resolutionNumberPattern, values);
    // The pattern is checked when it is saved; should an old one not render, the number is
    // still unique and readable rather than the close failing.
    const number = formatted.ok ? formatted.value : `${String(seq)}/${String(year)}`;
    return { ...common, adopted: true, seq: seq++, number };
  });
  await tx.resolutions.record(rows);
}
