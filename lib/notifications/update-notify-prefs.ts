import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type NotifyPrefs } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/validation';
import { normalisePrefs, notifyPrefsInput } from './notify-prefs';

/**
 * Any signed-in user: stores which notification kinds they do not want (notify() skips those from now on; what was
 * already sent stays). A personal preference, like keyboard shortcuts, so no audit event. Throws Invalid.
 */
export async function updateNotifyPrefs({ actor, input }: { actor: Actor; input: unknown }): Promise<NotifyPrefs> {
  const prefs = normalisePrefs(parseInput(notifyPrefsInput, input));
  await getDb().update(users).set({ notifyPrefs: prefs }).where(eq(users.id, actor.id));
  return prefs;
}
