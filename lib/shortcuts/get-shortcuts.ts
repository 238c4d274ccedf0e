import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { resolveKeymap, type Keymap, type ShortcutPrefs } from './keymap';

/** The actor's own shortcut choices as stored (defaults when never changed) and the keymap they give. */
export async function getShortcuts({ actor }: { actor: Actor }): Promise<{ prefs: ShortcutPrefs; keymap: Keymap }> {
  const [row] = await getDb().select({ shortcuts: users.shortcuts }).from(users).where(eq(users.id, actor.id));
  const prefs = row?.shortcuts ?? { enabled: true, keys: {} };
  return { prefs, keymap: resolveKeymap(prefs) };
}
