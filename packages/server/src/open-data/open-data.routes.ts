import { commandIdFieldSchema } from '@veche/protocol';
import {
  openDataAgendaItemSchema,
  openDataBallotSchema,
  openDataSittingSchema,
  openDataVoteSchema,
  namedBallotSchema,
} from '@veche/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { parseInput } from '../http/api-error.js';
import { publicOrigin } from '../http/public-origin.js';
import { toCsv } from './csv.js';
import type { CouncilOpenData, OpenDataService } from './open-data.use-case.js';

const sittingParams = z.object({ sittingId: z.uuid() });
const voteParams = z.object({ sittingId: z.uuid(), voteId: commandIdFieldSchema });

/** The council-wide exports: each table as CSV and as JSON. */
export const OPEN_DATA_FILES = [
  'sittings.csv',
  'sittings.json',
  'agenda-items.csv',
  'agenda-items.json',
  'votes.csv',
  'votes.json',
  'ballots.csv',
  'ballots.json',
] as const;
const councilFileParams = z.object({ councilId: z.uuid(), file: z.enum(OPEN_DATA_FILES) });

/** Each table's columns, in the order of its protocol schema: the CSV's stable column order. */
const TABLES = {
  sittings: { key: 'sittings', columns: Object.keys(openDataSittingSchema.shape) },
  'agenda-items': { key: 'agendaItems', columns: Object.keys(openDataAgendaItemSchema.shape) },
  votes: { key: 'votes', columns: Object.keys(openDataVoteSchema.shape) },
  ballots: { key: 'ballots', columns: Object.keys(openDataBallotSchema.shape) },
} as const satisfies Record<string, { key: keyof CouncilOpenData; columns: string[] }>;

/** The named list's CSV columns: `memberId, name, choice, enteredByOperator`. */
const NAMED_LIST_COLUMNS = Object.keys(namedBallotSchema.shape) as (keyof z.infer<
  typeof namedBallotSchema
>)[];

/** Published results change only when a vote closes: a minute's delay is acceptable. */
const CACHE_CONTROL = 'public, max-age=60';

const sendCsv = (reply: FastifyReply, body: string) =>
  reply.type('text/csv; charset=utf-8').header('cache-control', CACHE_CONTROL).send(body);
const sendJson = (reply: FastifyReply, body: unknown) =>
  reply.type('application/json; charset=utf-8').header('cache-control', CACHE_CONTROL).send(body);

/**
 * Open data without a sign-in (issue 6, docs/open-data.md): a sitting's closed votes, named
 * lists (JSON and CSV), Popolo VoteEvents, the recording's chapters (WebVTT), and a council's
 * tables as CSV and JSON. Anything of a draft sitting is "not found".
 */
export function openDataRoutes(app: FastifyInstance, openData: OpenDataService, config: Config) {
  app.get('/api/public/sittings/:sittingId/votes.json', async (request, reply) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    return sendJson(reply, await openData.votes(sittingId));
  });

  app.get('/api/public/sittings/:sittingId/votes/:voteId/list.json', async (request, reply) => {
    const { sittingId, voteId } = parseInput(voteParams, request.params);
    return sendJson(reply, await openData.namedList(sittingId, voteId));
  });

  app.get('/api/public/sittings/:sittingId/votes/:voteId/list.csv', async (request, reply) => {
    const { sittingId, voteId } = parseInput(voteParams, request.params);
    const list = await openData.namedList(sittingId, voteId);
    return sendCsv(reply, toCsv(NAMED_LIST_COLUMNS, list.ballots));
  });

  app.get('/api/public/sittings/:sittingId/votes/:voteId/popolo.json', async (request, reply) => {
    const { sittingId, voteId } = parseInput(voteParams, request.params);
    const origin = publicOrigin(request, config);
    return sendJson(reply, await openData.popoloVote(sittingId, voteId, origin));
  });

  app.get('/api/public/sittings/:sittingId/popolo.json', async (request, reply) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    return sendJson(reply, await openData.popoloSitting(sittingId, publicOrigin(request, config)));
  });

  app.get('/api/public/sittings/:sittingId/chapters.vtt', async (request, reply) => {
    const { sittingId } = parseInput(sittingParams, request.params);
    const vtt = await openData.chapters(sittingId);
    return reply
      .type('text/vtt; charset=utf-8')
      .header('cache-control', CACHE_CONTROL)
      .header('access-control-allow-origin', '*')
      .send(vtt);
  });

  app.get('/api/public/councils/:councilId/open-data/:file', async (request, reply) => {
    const { councilId, file } = parseInput(councilFileParams, request.params);
    const [name, format] = file.split('.') as [keyof typeof TABLES, 'csv' | 'json'];
    const table = TABLES[name];
    const rows = (await openData.council(councilId))[table.key] as object[];
    if (format === 'json') return sendJson(reply, { councilId, [table.key]: rows });
    return sendCsv(reply, toCsv(table.columns as never[], rows));
  });
}
