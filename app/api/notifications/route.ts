import { apiRoute, queryObject } from '@/lib/http/respond';
import { listNotifications } from '@/lib/notifications/list-notifications';

/** `?cursor&limit&unread=true` -> `{ items, nextCursor, unread }`: your own notifications, newest first. */
export const GET = apiRoute(({ req, actor }) => listNotifications({ actor, input: queryObject(req) }));
