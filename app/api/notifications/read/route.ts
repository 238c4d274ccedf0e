import { apiRoute, readJson } from '@/lib/http/respond';
import { markNotificationsRead } from '@/lib/notifications/mark-notifications-read';

/** `{ ids: [...] }` or `{ all: true }` -> `{ marked, unread }`; only your own notifications are touched. */
export const POST = apiRoute(async ({ req, actor }) => markNotificationsRead({ actor, input: await readJson(req, 16 * 1024) }));
