import type { Language } from '@veche/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import ical from 'ical-generator';
import { z } from 'zod';
import type { Config } from '../config.js';
import { HttpError, parseInput } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import { embeddableStreamUrl } from './public-sitting.routes.js';
import { sittingName } from './sitting-name.js';

const councilParams = z.object({ councilId: z.uuid() });
const bodyParams = z.object({ bodyId: z.uuid() });

/** Sittings have a start but no planned end; calendars get this much time for each. */
export const SITTING_CALENDAR_DURATION_MS = 3 * 3_600_000;

/** Calendar programs poll; a few minutes' delay on a changed sitting is acceptable. */
const CACHE_CONTROL = 'public, max-age=300';

/** The words before the stream's address, in the council's language. */
const STREAM_LABEL: Record<Language, string> = {
  pl: 'Transmisja',
  bg: 'Излъчване',
  'sr-Cyrl': 'Пренос',
  'sr-Latn': 'Prenos',
  en: 'Live stream',
};

function originOf(request: FastifyRequest, config: Config): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/**
 * An iCalendar feed of sittings (RFC 5545): one event per sitting that is not a draft, with a
 * UID that never changes (sitting id @ host), so that a subscribed calendar updates an event
 * rather than adding a second one. Times are in UTC; the calendar program shows them in its own
 * zone.
 */
export function sittingsCalendar(
  name: string,
  language: Language,
  sittings: readonly SittingListing[],
  origin: string,
): string {
  const host = new URL(origin).host;
  const calendar = ical({ name, prodId: { company: 'Veche', product: 'sittings' } });
  for (const sitting of sittings) {
    const page = `${origin}/public/sittings/${sitting.id}`;
    const stream = embeddableStreamUrl(sitting.streamUrl);
    const followsRemotely = sitting.mode === 'remote' || sitting.mode === 'hybrid';
    calendar.createEvent({
      id: `${sitting.id}@${host}`,
      start: sitting.startsAt,
      end: new Date(sitting.startsAt.getTime() + SITTING_CALENDAR_DURATION_MS),
      stamp: sitting.updatedAt,
      summary: sittingName(language, sitting),
      location: sitting.place,
      url: page,
      description: [
        page,
        ...(followsRemotely && stream !== null ? [`${STREAM_LABEL[language]}: ${stream}`] : []),
      ].join('\n'),
    });
  }
  return calendar.toString();
}

function sendCalendar(reply: FastifyReply, body: string): FastifyReply {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('cache-control', CACHE_CONTROL)
    .send(body);
}

/** Public calendar feeds: a council's sittings, and one body's (a committee's). */
export function calendarRoutes(app: FastifyInstance, repos: Repositories, config: Config): void {
  app.get('/api/public/councils/:councilId/calendar.ics', async (request, reply) => {
    const { councilId } = parseInput(councilParams, request.params);
    const council = await repos.councils.findById(councilId);
    if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
    const sittings = await repos.sittings.publicOfCouncil(council.id);
    const language = council.defaultLanguage as Language;
    return sendCalendar(
      reply,
      sittingsCalendar(council.name, language, sittings, originOf(request, config)),
    );
  });

  app.get('/api/public/bodies/:bodyId/calendar.ics', async (request, reply) => {
    const { bodyId } = parseInput(bodyParams, request.params);
    const body = await repos.bodies.locate(bodyId);
    const council = body && (await repos.councils.findById(body.councilId));
    if (body === undefined || council === undefined) {
      throw new HttpError(404, 'not_found', 'No such body');
    }
    const sittings = await repos.sittings.publicOfCouncil(council.id, body.id);
    const language = council.defaultLanguage as Language;
    return sendCalendar(
      reply,
      sittingsCalendar(body.name, language, sittings, originOf(request, config)),
    );
  });
}
