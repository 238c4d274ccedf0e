import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { keyClashes, normaliseKey, resolveKeymap, SHORTCUTS, SHORTCUT_IDS, type Keymap, type ShortcutId, type ShortcutPrefs } from './keymap';

const shortcutKey = z.string().transform((raw, ctx) => {
  if (raw.trim() === '') return '';
  const key = normaliseKey(raw);
  if (key === null) ctx.addIssue({ code: 'custom', message: 'Use one character (a letter, digit or sign).' });
  return key ?? '';
});

export const updateShortcutsInput = z.strictObject({
  enabled: z.boolean(),
  /** By shortcut id; an empty string (or a missing id) keeps that shortcut's default key. */
  keys: z.strictObject(
    Object.fromEntries(SHORTCUT_IDS.map((id) => [id, shortcutKey.optional()])) as Record<ShortcutId, z.ZodOptional<typeof shortcutKey>>,
  ),
});
export type UpdateShortcutsInput = z.input<typeof updateShortcutsInput>;

/**
 * Any signed-in user: stores their own shortcut choices (on/off, keys that differ from the defaults) and returns the
 * keymap they give. Throws Invalid naming `keys.<id>` for a key that is not one character or that another shortcut
 * of the same place already uses. A personal display preference, so no audit event.
 */
export async function updateShortcuts({ actor, input }: { actor: Actor; input: unknown }): Promise<Keymap> {
  const data = parseInput(updateShortcutsInput, input);
  const keys: ShortcutPrefs['keys'] = {};
  for (const id of SHORTCUT_IDS) {
    const key = data.keys[id];
    if (key && key !== SHORTCUTS[id].key) keys[id] = key;
  }
  const prefs: ShortcutPrefs = { enabled: data.enabled, keys };
  // Clashes are judged on the keys as chosen, also while shortcuts are off, so turning them back on cannot clash.
  const clashes = keyClashes(resolveKeymap({ enabled: true, keys }));
  if (clashes.length) {
    const fields = Object.fromEntries(clashes.map(([id, other]) => [`keys.${id}`, `Also the key of “${SHORTCUTS[other].label}”.`]));
    throw Invalid('Two shortcuts of the same place share a key.', fields);
  }
  await getDb().update(users).set({ shortcuts: prefs }).where(eq(users.id, actor.id));
  return resolveKeymap(prefs);
}
