import {
  LANGUAGES,
  normalizeAgenda,
  numberAgenda,
  type Language,
  type SittingMode,
} from '@veche/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../mail/mailer.js';
import { formatMailTime } from '../mail/mail-texts.js';
import { renderMail } from '../mail/render-mail.js';
import { agendaTree } from '../sittings/agenda-rows.js';
import { sittingName } from '../sittings/sitting-name.js';
import { createRepositories, inTransaction, type Repositories } from '../storage/repositories.js';
import type { SittingNoticeRow } from '../storage/repositories/notices.repository.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { localDateIn } from '../time/zoned-time.js';
import { CHANGE_PHRASES, describeChange, type NoticeChange } from './notice-changes.js';

/** Where a notice's links point and how long changes gather before they are sent. */
export interface NoticeContext {
  readonly origin: string;
  readonly delayMs: number;
}

/** Tells the members a sitting was convened: sent at the next sweep. */
export async function queueConvened(
  repos: Repositories,
  sitting: SittingRow,
  notice: NoticeContext,
  now: Date,
): Promise<void> {
  await repos.notices.queue({
    councilId: sitting.councilId,
    sittingId: sitting.id,
    kind: 'convened',
    changes: [],
    origin: notice.origin,
    dueAt: now,
  });
}

/**
 * Tells the members of a convened sitting what changed, once the office has been quiet for the
 * delay (each change pushes the sending back). Nothing for a draft: nobody knows of it yet.
 */
export async function queueChanges(
  repos: Repositories,
  sitting: SittingRow,
  changes: readonly NoticeChange[],
  notice: NoticeContext,
  now: Date,
): Promise<void> {
  if (sitting.status !== 'convened' || changes.length === 0) return;
  await repos.notices.queue({
    councilId: sitting.councilId,
    sittingId: sitting.id,
    kind: 'changed',
    changes,
    origin: notice.origin,
    dueAt: new Date(now.getTime() + notice.delayMs),
  });
}

const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);

const MODE_WORDS = (language: Language, mode: string) =>
  CHANGE_PHRASES[language].modes[mode as SittingMode];

/** The sitting's page for members. */
export const livePageLink = (origin: string, sittingId: string) =>
  `${origin}/sittings/${encodeURIComponent(sittingId)}/live`;

/**
 * Sends one notice: an e-mail to every member of the body with an active account, in their
 * language, and a notification in the app. A sitting that has opened or closed since, or was
 * deleted, needs no notice.
 */
async function sendNotice(
  repos: Repositories,
  mailer: Mailer,
  notice: SittingNoticeRow,
): Promise<number> {
  const sitting = await repos.sittings.findById(notice.councilId, notice.sittingId);
  if (sitting === undefined || sitting.status !== 'convened') return 0;
  const [council, body, rows, documents] = await Promise.all([
    repos.councils.findById(sitting.councilId),
    repos.bodies.findById(sitting.councilId, sitting.bodyId),
    repos.sittings.agendaOf(sitting.councilId, [sitting.id]),
    repos.documents.listForSitting(sitting.councilId, sitting.id),
  ]);
  if (council === undefined || body === undefined) return 0;
  const onDate = localDateIn(sitting.startsAt, council.timeZone);
  const members = await repos.persons.membersOfBody(sitting.councilId, sitting.bodyId, onDate);
  const agenda = numberAgenda(normalizeAgenda(agendaTree(rows))).map(
    (item) => `${item.number}. ${item.title}`,
  );
  const changes = notice.changes as NoticeChange[];
  const told: { userId: string }[] = [];
  for (const member of members) {
    const user = await repos.users.findByPerson(sitting.councilId, member.personId);
    if (user === undefined || user.deactivatedAt !== null) continue;
    const language: Language = isLanguage(user.language) ? user.language : 'en';
    const common = {
      recipientName: user.displayName,
      councilName: council.name,
      sittingName: sittingName(language, { ...sitting, bodyName: body.name }),
      startsAt: formatMailTime(sitting.startsAt, language, council.timeZone),
      link: livePageLink(notice.origin, sitting.id),
    };
    const mail =
      notice.kind === 'convened'
        ? renderMail('sitting_convened', language, {
            ...common,
            place: sitting.place ?? CHANGE_PHRASES[language].noPlace,
            mode: MODE_WORDS(language, sitting.mode),
            agenda,
            documents:
              documents.length > 0
                ? documents.map((document) => document.title)
                : [CHANGE_PHRASES[language].noDocuments],
          })
        : renderMail('sitting_changed', language, {
            ...common,
            changes: changes.map((change) => describeChange(change, language, council.timeZone)),
          });
    await mailer.send({ to: user.email, ...mail });
    told.push({ userId: user.id });
  }
  await repos.notices.notify(
    told.map(({ userId }) => ({
      councilId: sitting.councilId,
      userId,
      sittingId: sitting.id,
      kind: notice.kind as 'convened' | 'changed',
      changes,
    })),
  );
  return told.length;
}

/** How long a notice that failed to send waits before the next try. */
const RETRY_AFTER_MS = 60_000;

export interface NoticeSender {
  /** Sends what is due now; the number of members told. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Sends due notices every `intervalMs`. Each is sent and removed in one transaction, with the row
 * locked so that another process skips it; if sending fails, the transaction rolls back and the
 * notice waits a minute before the next try (some members may then get it twice: at least once,
 * never lost).
 */
export function startNoticeSender(
  storage: StorageContext,
  mailer: Mailer,
  logger: FastifyBaseLogger,
  intervalMs: number,
): NoticeSender {
  let running: Promise<number> | null = null;
  const sweep = async (): Promise<number> => {
    let told = 0;
    let failed: SittingNoticeRow | null = null;
    try {
      await inTransaction(storage, async (tx) => {
        for (const notice of await tx.notices.lockDue(10)) {
          failed = notice;
          told += await sendNotice(tx, mailer, notice);
          await tx.notices.remove(notice.sittingId);
          failed = null;
        }
      });
    } catch (error) {
      logger.error({ err: error, event: 'notice_failed' }, 'a sitting notice could not be sent');
      const retry = failed as SittingNoticeRow | null;
      if (retry !== null) {
        await createRepositories(storage).notices.postpone(
          retry.sittingId,
          new Date(storage.clock().getTime() + RETRY_AFTER_MS),
        );
      }
      return 0;
    }
    if (told > 0) logger.info({ event: 'notices_sent', told }, 'sitting notices sent');
    return told;
  };
  const tick = () => {
    running ??= sweep().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    sweep: async () => {
      await running;
      return sweep();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
