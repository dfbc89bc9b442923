import { toRoman } from '@veche/domain';
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import { publicOrigin } from '../http/public-origin.js';
import { commandIdFieldSchema } from '@veche/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../http/api-error.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import { minutesDocument, namedListDocument } from './minutes-document.js';
import { minutesDocx } from './minutes-docx.js';
import { minutesPdf } from './minutes-pdf.js';
import { MINUTES_LABELS } from './minutes-texts.js';
import { closedNamedVote, loadSittingRecord } from './minutes.use-case.js';

const sittingParams = z.object({ sittingId: z.uuid() });
const voteParams = z.object({ sittingId: z.uuid(), voteId: commandIdFieldSchema });

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A download: an ASCII name for old clients and the name in the council's language for the
 * others (RFC 6266, RFC 5987).
 */
export function attachment(asciiName: string, name: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** How many rendered files a process keeps; a closed sitting's minutes are asked for again and again. */
const CACHED_FILES = 32;

/**
 * Rendered files by ETag, most recently used last. The ETag changes with the log and the header,
 * so a kept file is never stale.
 */
const rendered = new Map<string, Promise<Buffer>>();

function renderOnce(etag: string, render: () => Promise<Buffer>): Promise<Buffer> {
  let file = rendered.get(etag);
  if (file === undefined) {
    file = render();
    // A failed rendering is not kept: the next request tries again.
    file.catch(() => rendered.delete(etag));
  }
  rendered.delete(etag);
  rendered.set(etag, file);
  if (rendered.size > CACHED_FILES) rendered.delete(rendered.keys().next().value!);
  return file;
}

async function send(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { etag: string; type: string; ascii: string; name: string },
  render: () => Promise<Buffer>,
): Promise<FastifyReply> {
  const etag = `"${file.etag}"`;
  void reply
    .header('etag', etag)
    // Public, but checked on every use: an open sitting's minutes grow with its log.
    .header('cache-control', 'public, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', attachment(file.ascii, file.name));
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(file.type).send(await renderOnce(file.etag, render));
}

/**
 * The minutes of a sitting (PDF, and DOCX for the office to edit) and the named list of each
 * closed named vote, for anyone: built from the sitting's log whenever asked, so an open
 * sitting's minutes show it as it stands and a named list is public as soon as its vote closes.
 */
export function minutesRoutes(
  app: FastifyInstance,
  repos: Repositories,
  live: LiveSittingService,
  config: Config,
): void {
  const minutes = async (request: FastifyRequest, reply: FastifyReply, kind: 'pdf' | 'docx') => {
    const { sittingId } = parseInput(sittingParams, request.params);
    const loaded = await loadSittingRecord(repos, live, sittingId);
    const labels = MINUTES_LABELS[loaded.header.language];
    const roman = toRoman(loaded.record.number);
    const origin = publicOrigin(request, config);
    const recordUrl = `${origin}/api/public/sittings/${sittingId}/record.json`;
    const document = minutesDocument(
      { ...loaded.header, chainHead: { ...loaded.head, recordUrl } },
      loaded.record,
    );
    // The files name the record's address, so one rendered for another origin is another file.
    const originTag = createHash('sha256').update(origin).digest('hex').slice(0, 8);
    return send(
      request,
      reply,
      {
        etag: `${loaded.fingerprint}-${originTag}-${kind}`,
        type: kind === 'pdf' ? PDF : DOCX,
        ascii: `minutes-${roman}-${loaded.day}.${kind}`,
        name: `${labels.documentTitle} ${roman} ${loaded.day}.${kind}`,
      },
      () => (kind === 'pdf' ? minutesPdf(document) : minutesDocx(document)),
    );
  };
  app.get('/api/public/sittings/:sittingId/minutes.pdf', (request, reply) =>
    minutes(request, reply, 'pdf'),
  );
  app.get('/api/public/sittings/:sittingId/minutes.docx', (request, reply) =>
    minutes(request, reply, 'docx'),
  );

  app.get('/api/public/sittings/:sittingId/votes/:voteId/list.pdf', async (request, reply) => {
    const { sittingId, voteId } = parseInput(voteParams, request.params);
    const loaded = await loadSittingRecord(repos, live, sittingId);
    const vote = closedNamedVote(loaded.record, voteId);
    const labels = MINUTES_LABELS[loaded.header.language];
    const roman = toRoman(loaded.record.number);
    const safeVote = voteId.replace(/[^A-Za-z0-9_-]/g, '_');
    return send(
      request,
      reply,
      {
        etag: `${loaded.fingerprint}-vote-${createEtagPart(voteId)}`,
        type: PDF,
        ascii: `vote-list-${roman}-${loaded.day}-${safeVote}.pdf`,
        name: `${labels.namedListTitle} ${roman} ${loaded.day} ${voteId}.pdf`,
      },
      () => minutesPdf(namedListDocument(loaded.header, loaded.record, vote)),
    );
  });
}

/** A vote id as it may stand in an ETag (which allows no quote and no control character). */
function createEtagPart(voteId: string): string {
  return Buffer.from(voteId).toString('base64url');
}
