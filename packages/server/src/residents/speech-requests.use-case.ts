import { createHash, randomBytes } from 'node:crypto';
import {
  holdsAnyRole,
  normalizedEmail,
  numberAgenda,
  PREPARING_ROLES,
  reviewRefusal,
  SPEECH_REQUEST_ATTACHMENT_MAX_BYTES,
  SPEECH_REQUESTS_PER_ADDRESS_PER_DAY,
  speechRequestLastDay,
  speechRequestsClosed,
  type Language,
  type SittingStatus,
  type SpeechRequestsClosed,
  type SpeechRequestStatus,
} from '@veche/domain';
import type {
  ReviewSpeechRequest,
  SpeechRequest,
  SpeechRequestForm,
  SpeechRequestList,
} from '@veche/protocol';
import { acceptedDocumentType } from '../documents/document-type.js';
import { cleanFileName } from '../documents/documents.use-case.js';
import { HttpError } from '../http/api-error.js';
import type { UploadedFile } from '../http/multipart-upload.js';
import { formatMailTime } from '../mail/mail-texts.js';
import type { Mailer } from '../mail/mailer.js';
import { renderMail } from '../mail/render-mail.js';
import { sittingAccess } from '../sittings/sitting-access.js';
import { sittingName } from '../sittings/sitting-name.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Repositories } from '../storage/repositories.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import type { SpeechRequestRow } from '../storage/repositories/speech-requests.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import { localDateIn } from '../time/zoned-time.js';
import { hasPgCode, UNIQUE_VIOLATION } from '../storage/storage-context.js';
import { residentCommandId, type ResidentSpeakers } from './resident-speakers.js';

const DAY_MS = 24 * 3600 * 1000;

export interface SpeechRequestDeps {
  readonly repos: Repositories;
  readonly blobs: BlobStore;
  readonly mailer: Mailer;
  readonly live: LiveSittingService;
  readonly residents: ResidentSpeakers;
  readonly clock: () => Date;
}

/** When a sitting takes requests: the council's last day, and why not now (or null). */
export interface SpeechRequestWindow {
  readonly lastDay: string;
  readonly closed: SpeechRequestsClosed | null;
}

export function speechRequestWindow(
  sitting: Pick<SittingListing, 'status' | 'startsAt'>,
  council: Pick<CouncilRow, 'timeZone' | 'speechRequestDeadlineDays'>,
  now: Date,
): SpeechRequestWindow {
  const lastDay = speechRequestLastDay(
    localDateIn(sitting.startsAt, council.timeZone),
    council.speechRequestDeadlineDays,
  );
  return {
    lastDay,
    closed: speechRequestsClosed(
      sitting.status as SittingStatus,
      localDateIn(now, council.timeZone),
      lastDay,
    ),
  };
}

/** What became of a resident's form. */
export type FilingOutcome =
  /** A new request: the confirmation link is on its way. */
  | { readonly kind: 'filed'; readonly request: SpeechRequestRow }
  /** The same address asked for the same item before and has not confirmed: a new link. */
  | { readonly kind: 'resent'; readonly request: SpeechRequestRow }
  /** The same address asked for the same item before and confirmed it: nothing new. */
  | { readonly kind: 'already'; readonly request: SpeechRequestRow }
  /** The honeypot was filled in: answered like a success, kept nowhere. */
  | { readonly kind: 'ignored' };

export interface PublicSittingFacts {
  readonly council: CouncilRow;
  readonly sitting: SittingListing;
}

const newToken = () => randomBytes(32).toString('base64url');
const tokenHash = (token: string) =>
  createHash('sha256').update(`veche-speech-request:${token}`).digest('hex');

/** Residents' requests to speak (issue 7, section 1): filed on the portal, decided by the office. */
export function speechRequestUseCases(deps: SpeechRequestDeps) {
  const { repos, blobs, mailer, live, residents, clock } = deps;

  async function publicFacts(sittingId: string): Promise<PublicSittingFacts> {
    const sitting = await repos.sittings.publicById(sittingId);
    const council = sitting && (await repos.councils.findById(sitting.councilId));
    if (!sitting || !council) throw new HttpError(404, 'not_found', 'No such sitting');
    return { council, sitting };
  }

  async function sendConfirmation(
    facts: PublicSittingFacts,
    request: SpeechRequestRow,
    token: string,
    origin: string,
    lastDay: string,
  ): Promise<void> {
    const language = request.language as Language;
    const mail = renderMail('speech_request_verify', language, {
      recipientName: request.name,
      councilName: facts.council.name,
      sittingName: sittingName(language, facts.sitting),
      startsAt: formatMailTime(facts.sitting.startsAt, language, facts.council.timeZone),
      itemTitle: request.itemTitle,
      lastDay: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${lastDay}T12:00:00Z`),
      ),
      link: `${origin}/portal/speech-requests/confirm?token=${token}`,
    });
    try {
      await mailer.send({ to: request.email, ...mail });
    } catch {
      // The request stays unconfirmed; sending the form again finds it and sends a new link.
      throw new HttpError(503, 'mail_failed', 'email: the confirmation could not be sent', {
        field: 'email',
      });
    }
  }

  /** The attachment's stored form, judged by its content like every upload (PDF, DOCX, ...). */
  async function storeAttachment(file: UploadedFile | undefined) {
    if (file === undefined || (file.fileName === '' && file.content.length === 0)) return null;
    if (file.content.length > SPEECH_REQUEST_ATTACHMENT_MAX_BYTES) {
      throw new HttpError(413, 'file_too_large', 'attachment: the file is too large', {
        field: 'attachment',
        facts: { maxBytes: SPEECH_REQUEST_ATTACHMENT_MAX_BYTES },
      });
    }
    let type: { mediaType: string };
    try {
      type = await acceptedDocumentType(file.content);
    } catch (error) {
      if (error instanceof HttpError) {
        throw new HttpError(
          error.statusCode,
          error.code,
          error.message.replace(/^file/, 'attachment'),
          {
            field: 'attachment',
            facts: error.details.facts,
          },
        );
      }
      throw error;
    }
    const blob = await blobs.put(file.content);
    return {
      fileName: cleanFileName(file.fileName),
      mediaType: type.mediaType,
      sizeBytes: blob.sizeBytes,
      sha256: blob.sha256,
    };
  }

  /** Whether the server has put the approved request in the sitting's speaker queue. */
  async function joinedQueue(sittingId: string, requestId: string): Promise<boolean> {
    const record = await repos.sittingCommands.find(sittingId, residentCommandId(requestId));
    return (record?.outcome as { accepted?: boolean } | undefined)?.accepted === true;
  }

  return {
    publicFacts,

    /**
     * Files a resident's request from the portal's form. Refused, changing nothing, when the
     * sitting does not take requests now, the item is not on its agenda, or the address has
     * filed too many today; the same address and item again finds the first request.
     */
    async file(input: {
      sittingId: string;
      form: SpeechRequestForm;
      attachment: UploadedFile | undefined;
      language: Language;
      origin: string;
    }): Promise<FilingOutcome> {
      const facts = await publicFacts(input.sittingId);
      const now = clock();
      const window = speechRequestWindow(facts.sitting, facts.council, now);
      if (window.closed !== null) {
        throw new HttpError(409, 'requests_closed', `Requests to speak: ${window.closed}`, {
          facts: { reason: window.closed, lastDay: window.lastDay },
        });
      }
      // A program filled in the field people never see: it is told what a person would be.
      if ((input.form.website ?? '').trim() !== '') return { kind: 'ignored' };
      const { state } = await live.fromLog(facts.sitting);
      const item = numberAgenda(state.agenda).find((entry) => entry.id === input.form.itemId);
      if (item === undefined) {
        throw new HttpError(422, 'unknown_item', 'itemId: not an item of this sitting', {
          field: 'itemId',
        });
      }
      const email = normalizedEmail(input.form.email);
      const same = await repos.speechRequests.findSame(facts.sitting.id, item.id, email);
      if (same !== undefined) {
        if (same.status !== 'unverified') return { kind: 'already', request: same };
        const token = newToken();
        await repos.speechRequests.replaceToken(same.id, tokenHash(token));
        await sendConfirmation(facts, same, token, input.origin, window.lastDay);
        return { kind: 'resent', request: same };
      }
      const filedToday = await repos.speechRequests.countByAddressSince(
        email,
        new Date(now.getTime() - DAY_MS),
      );
      if (filedToday >= SPEECH_REQUESTS_PER_ADDRESS_PER_DAY) {
        throw new HttpError(
          429,
          'too_many_requests',
          'email: too many requests from this address today',
          {
            field: 'email',
            facts: { max: SPEECH_REQUESTS_PER_ADDRESS_PER_DAY },
          },
        );
      }
      const attachment = await storeAttachment(input.attachment);
      const token = newToken();
      let request: SpeechRequestRow;
      try {
        request = await repos.speechRequests.create({
          councilId: facts.council.id,
          sittingId: facts.sitting.id,
          agendaItemId: item.id,
          itemTitle: item.title,
          name: input.form.name,
          email: input.form.email,
          emailNormalized: email,
          language: input.language,
          summary: input.form.summary,
          attachment,
          verificationTokenHash: tokenHash(token),
        });
      } catch (error) {
        // The same form sent twice at once: the other copy made the request.
        if (!hasPgCode(error, UNIQUE_VIOLATION)) throw error;
        const first = await repos.speechRequests.findSame(facts.sitting.id, item.id, email);
        if (first === undefined) throw error;
        return { kind: 'already', request: first };
      }
      await sendConfirmation(facts, request, token, input.origin, window.lastDay);
      return { kind: 'filed', request };
    },

    /**
     * The request a confirmation link names, or null for a link that names none (mistyped,
     * or replaced by a newer one).
     */
    async byToken(
      token: string,
    ): Promise<(PublicSittingFacts & { request: SpeechRequestRow }) | null> {
      const request = await repos.speechRequests.findByTokenHash(tokenHash(token));
      if (request === undefined) return null;
      return { ...(await publicFacts(request.sittingId)), request };
    },

    /**
     * Confirms the address, which makes the request count. Only while the sitting still takes
     * requests: the office must see every request by the last day. Confirming twice is fine.
     */
    async confirm(
      token: string,
    ): Promise<(PublicSittingFacts & { request: SpeechRequestRow }) | null> {
      const found = await this.byToken(token);
      if (found === null) return null;
      if (found.request.status !== 'unverified') return found;
      const window = speechRequestWindow(found.sitting, found.council, clock());
      if (window.closed !== null) {
        throw new HttpError(409, 'requests_closed', `Requests to speak: ${window.closed}`, {
          facts: { reason: window.closed, lastDay: window.lastDay },
        });
      }
      await repos.speechRequests.markVerified(found.request.id);
      const request = (await repos.speechRequests.findById(found.request.id))!;
      return { ...found, request };
    },

    /** A sitting's requests, for the office that prepares it. */
    async list(user: UserRow, sittingId: string): Promise<SpeechRequestList> {
      const access = await sittingAccess(repos, user.id, sittingId);
      if (!holdsAnyRole(access.roles, PREPARING_ROLES)) {
        throw new HttpError(403, 'forbidden', 'Only the council office reads requests to speak');
      }
      const council = (await repos.councils.findById(access.sitting.councilId))!;
      const rows = await repos.speechRequests.listForSitting(council.id, sittingId);
      const { state } = await live.fromLog(access.sitting);
      const numbers = new Map(numberAgenda(state.agenda).map((item) => [item.id, item.number]));
      const requests: SpeechRequest[] = [];
      for (const row of rows) {
        const queued = row.status === 'approved' && (await joinedQueue(sittingId, row.id));
        requests.push(requestView(row, numbers, queued));
      }
      return {
        lastDay: speechRequestWindow(access.sitting, council, clock()).lastDay,
        requests,
      };
    },

    /**
     * The office approves or rejects a verified request (a rejection with its reason) and the
     * resident is told by e-mail in the language they filed in. An approved request whose item
     * is the live sitting's current one joins the queue at once.
     */
    async review(
      user: UserRow,
      requestId: string,
      review: ReviewSpeechRequest,
      origin: string,
    ): Promise<SpeechRequest> {
      const found = await repos.speechRequests.findById(requestId);
      if (found === undefined) throw new HttpError(404, 'not_found', 'No such request');
      const access = await sittingAccess(repos, user.id, found.sittingId);
      if (!holdsAnyRole(access.roles, PREPARING_ROLES)) {
        throw new HttpError(
          403,
          'forbidden',
          'Only the council office decides on requests to speak',
        );
      }
      const refusal = reviewRefusal(found.status as SpeechRequestStatus, review);
      if (refusal !== null) {
        throw new HttpError(409, refusal, `The request cannot be decided: ${refusal}`, {
          facts: { status: found.status },
        });
      }
      const reviewed = await repos.speechRequests.review(found.councilId, requestId, {
        status: review.decision === 'approve' ? 'approved' : 'rejected',
        rejectionReason: review.decision === 'reject' ? review.reason : null,
        reviewedByUserId: user.id,
      });
      if (reviewed === undefined) {
        throw new HttpError(409, 'already_reviewed', 'Someone decided on this request first');
      }
      const facts = await publicFacts(found.sittingId);
      await tellResident(facts, reviewed, origin);
      if (reviewed.status === 'approved') await residents.afterApproval(access.sitting);
      const { state } = await live.fromLog(access.sitting);
      const numbers = new Map(numberAgenda(state.agenda).map((item) => [item.id, item.number]));
      const queued = await joinedQueue(found.sittingId, requestId);
      return requestView(reviewed, numbers, queued);
    },

    async attachment(user: UserRow, requestId: string) {
      const found = await repos.speechRequests.findById(requestId);
      if (found === undefined) throw new HttpError(404, 'not_found', 'No such request');
      const access = await sittingAccess(repos, user.id, found.sittingId);
      if (!holdsAnyRole(access.roles, PREPARING_ROLES) || found.attachmentSha256 === null) {
        throw new HttpError(404, 'not_found', 'No such attachment');
      }
      return {
        fileName: found.attachmentFileName!,
        mediaType: found.attachmentMediaType!,
        sizeBytes: found.attachmentSizeBytes!,
        sha256: found.attachmentSha256,
      };
    },
  };

  async function tellResident(
    facts: PublicSittingFacts,
    request: SpeechRequestRow,
    origin: string,
  ): Promise<void> {
    const language = request.language as Language;
    const common = {
      recipientName: request.name,
      councilName: facts.council.name,
      sittingName: sittingName(language, facts.sitting),
      itemTitle: request.itemTitle,
      link: `${origin}/portal/sittings/${facts.sitting.id}`,
    };
    const mail =
      request.status === 'approved'
        ? renderMail('speech_request_approved', language, {
            ...common,
            startsAt: formatMailTime(facts.sitting.startsAt, language, facts.council.timeZone),
            place: facts.sitting.place ?? '—',
          })
        : renderMail('speech_request_rejected', language, {
            ...common,
            reason: request.rejectionReason ?? '',
          });
    await mailer.send({ to: request.email, ...mail });
  }
}

function requestView(
  row: SpeechRequestRow,
  numbers: ReadonlyMap<string, string>,
  queued: boolean,
): SpeechRequest {
  return {
    id: row.id,
    sittingId: row.sittingId,
    itemId: row.agendaItemId ?? '',
    itemNumber: row.agendaItemId === null ? null : (numbers.get(row.agendaItemId) ?? null),
    itemTitle: row.itemTitle,
    name: row.name,
    email: row.email,
    language: row.language,
    summary: row.summary,
    status: row.status as SpeechRequest['status'],
    filedAt: row.filedAt.toISOString(),
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    rejectionReason: row.rejectionReason,
    attachment:
      row.attachmentFileName === null
        ? null
        : {
            fileName: row.attachmentFileName,
            mediaType: row.attachmentMediaType!,
            sizeBytes: row.attachmentSizeBytes!,
            url: `/api/speech-requests/${row.id}/attachment`,
          },
    queued,
  };
}

export type SpeechRequestUseCases = ReturnType<typeof speechRequestUseCases>;
