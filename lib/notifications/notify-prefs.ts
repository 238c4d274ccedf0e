import { z } from 'zod';
import { NOTIFICATION_TYPES, type NotifyPrefs } from '@/db/enums';

/** The body of PUT /api/account/notifications: the kinds the user does not want. */
export const notifyPrefsInput = z.strictObject({
  off: z.array(z.enum(NOTIFICATION_TYPES, 'Unknown kind of notification.')).max(NOTIFICATION_TYPES.length),
});
export type NotifyPrefsInput = z.input<typeof notifyPrefsInput>;

/** The kinds as stored (deduplicated, in NOTIFICATION_TYPES order), so equal choices store equal JSON. */
export function normalisePrefs(prefs: NotifyPrefs | null | undefined): NotifyPrefs {
  const off = new Set(prefs?.off ?? []);
  return { off: NOTIFICATION_TYPES.filter((t) => off.has(t)) };
}
