import { toRoman, type SittingMode, type SittingStatus } from '@veche/domain';
import type { PublicSitting } from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';

const paramsSchema = z.object({ sittingId: z.uuid() });

/** Only a web address may be embedded: anything else (javascript:, data:, ...) is not shown. */
export function embeddableStreamUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function publicSitting(sitting: SittingListing): PublicSitting {
  return {
    id: sitting.id,
    title: sitting.title,
    bodyName: sitting.bodyName,
    councilName: sitting.councilName,
    numberRoman: toRoman(sitting.number),
    startsAt: sitting.startsAt.toISOString(),
    timeZone: sitting.timeZone,
    place: sitting.place,
    mode: sitting.mode as SittingMode,
    status: sitting.status as SittingStatus,
    streamUrl: embeddableStreamUrl(sitting.streamUrl),
  };
}

/**
 * What the public live page and the hall display need to know of a sitting, without a sign-in:
 * sittings are public once convened (DESIGN.md: the public follows every sitting). A draft is
 * "not found", exactly like an unknown id.
 */
export function publicSittingRoutes(app: FastifyInstance, repos: Repositories): void {
  app.get('/api/public/sittings/:sittingId', async (request): Promise<PublicSitting> => {
    const { sittingId } = parseInput(paramsSchema, request.params);
    const sitting = await repos.sittings.publicById(sittingId);
    if (sitting === null) throw new HttpError(404, 'not_found', 'No such sitting');
    return publicSitting(sitting);
  });
}
