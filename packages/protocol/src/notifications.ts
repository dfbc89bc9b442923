import { LANGUAGES } from '@veche/domain';
import { z } from 'zod';

/** One thing a member was told about a sitting, written out in the language asked for. */
export const notificationSchema = z.object({
  id: z.string(),
  sittingId: z.string(),
  kind: z.enum(['convened', 'changed']),
  /** "XXV sesja — Rada Miejska w Wierzbowie: Sesja budżetowa" */
  sittingName: z.string(),
  /** What changed, one line each (empty for a convening). */
  changes: z.array(z.string()),
  /** ISO 8601 instant. */
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** GET /api/me/notifications?language=pl: the latest, newest first. */
export const notificationsQuerySchema = z.object({
  language: z.enum(LANGUAGES).optional(),
});

export const notificationsResponseSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int().nonnegative(),
});
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>;

/** POST /api/me/notifications/read: these, or (without ids) all. */
export const markNotificationsReadRequestSchema = z.object({
  ids: z.array(z.uuid()).max(100).optional(),
});
