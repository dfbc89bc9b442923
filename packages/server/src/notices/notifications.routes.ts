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
      const notifications = [];
      for (const row of rows) {
        const sitting = await repos.sittings.findById(row.councilId, row.sittingId);
        const council = await repos.councils.findById(row.councilId);
        const body =
          sitting === undefined
            ? undefined
            : await repos.bodies.findById(row.councilId, sitting.bodyId);
        if (sitting === undefined || council === undefined || body === undefined) continue;
        notifications.push({
          id: row.id,
          sittingId: row.sittingId,
          kind: row.kind as 'convened' | 'changed',
          sittingName: sittingName(language, { ...sitting, bodyName: body.name }),
          changes: (row.changes as NoticeChange[]).map((change) =>
            describeChange(change, language, council.timeZone),
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
