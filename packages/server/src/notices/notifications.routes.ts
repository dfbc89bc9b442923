import { LANGUAGES, type Language } from '@veche/domain';
import {
  markNotificationsReadRequestSchema,
  notificationsQuerySchema,
  type NotificationsResponse,
} from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../http/api-error.js';
import { authOf, type SignedInGuard } from '../http/authentication.js';
import { sittingName } from '../sittings/sitting-name.js';
import type { Repositories } from '../storage/repositories.js';
import { describeChange, type NoticeChange } from './notice-changes.js';

/** How many notifications the list shows. */
const LATEST = 20;

const asLanguage = (value: string): Language =>
  (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : 'en';

/** The signed-in member's notifications about sittings: the latest, and marking them read. */
export function notificationRoutes(
  app: FastifyInstance,
  repos: Repositories,
  signedIn: SignedInGuard,
): void {
  app.get(
    '/api/me/notifications',
    { preHandler: signedIn },
    async (request): Promise<NotificationsResponse> => {
      const { user } = authOf(request);
      const query = parseInput(notificationsQuerySchema, request.query);
      const language = query.language ?? asLanguage(user.language);
      const rows = await repos.notices.forUser(user.id, LATEST);
      // Most of a member's notices are about a few sittings: look each one up once.
      const named = new Map<string, Promise<{ name: string; timeZone: string } | null>>();
      const sittingOf = (councilId: string, sittingId: string) => {
        let found = named.get(sittingId);
        if (found === undefined) {
          found = describedSitting(repos, councilId, sittingId, language);
          named.set(sittingId, found);
        }
        return found;
      };
      const notifications = [];
      for (const row of rows) {
        const sitting = await sittingOf(row.councilId, row.sittingId);
        if (sitting === null) continue;
        notifications.push({
          id: row.id,
          sittingId: row.sittingId,
          kind: row.kind as 'convened' | 'changed',
          sittingName: sitting.name,
          changes: (row.changes as NoticeChange[]).map((change) =>
            describeChange(change, language, sitting.timeZone),
          ),
          createdAt: row.createdAt.toISOString(),
          read: row.readAt !== null,
        });
      }
      return {
        notifications,
        unread: notifications.filter((notification) => !notification.read).length,
      };
    },
  );

  app.post('/api/me/notifications/read', { preHandler: signedIn }, async (request, reply) => {
    const { ids } = parseInput(markNotificationsReadRequestSchema, request.body);
    await repos.notices.markRead(authOf(request).user.id, ids ?? null);
    return reply.status(204).send();
  });
}

/** A sitting's name in `language` and its council's time zone; null when it is gone. */
async function describedSitting(
  repos: Repositories,
  councilId: string,
  sittingId: string,
  language: Language,
): Promise<{ name: string; timeZone: string } | null> {
  const sitting = await repos.sittings.findById(councilId, sittingId);
  if (sitting === undefined) return null;
  const [council, body] = await Promise.all([
    repos.councils.findById(councilId),
    repos.bodies.findById(councilId, sitting.bodyId),
  ]);
  if (council === undefined || body === undefined) return null;
  return {
    name: sittingName(language, { ...sitting, bodyName: body.name }),
    timeZone: council.timeZone,
  };
}
