import { apiRoute, readJson } from '@/lib/http/respond';
import { getNotifyPrefs } from '@/lib/notifications/get-notify-prefs';
import { updateNotifyPrefs } from '@/lib/notifications/update-notify-prefs';

/** `{ off: [...] }`: the notification kinds you turned off. */
export const GET = apiRoute(({ actor }) => getNotifyPrefs({ actor }));

/** Replaces the kinds you turned off; answers the stored `{ off }`. */
export const PUT = apiRoute(async ({ req, actor }) => updateNotifyPrefs({ actor, input: await readJson(req, 4 * 1024) }));
