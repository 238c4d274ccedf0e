'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { updateShortcuts } from '@/lib/shortcuts/update-shortcuts';
import { getShortcuts } from '@/lib/shortcuts/get-shortcuts';
import { SHORTCUT_IDS } from '@/lib/shortcuts/keymap';
import { AppError } from '@/lib/errors';

import type { ShortcutPrefs } from '@/lib/shortcuts/keymap';

/** `values`: what was sent, shown again after an error (React resets a form once its action is done). */
export type ShortcutsState = { ok?: boolean; message?: string; fields?: Record<string, string>; values?: ShortcutPrefs };

/** Server action behind the shortcut form: "reset" restores the defaults; errors come back as values. */
export async function saveShortcuts(_prev: ShortcutsState, form: FormData): Promise<ShortcutsState> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const reset = form.get('intent') === 'reset';
  // A place the form did not show (the review queue, for an editor) keeps its stored keys.
  const stored = (await getShortcuts({ actor })).prefs.keys;
  const keys = Object.fromEntries(SHORTCUT_IDS.map((id) => [id, reset ? '' : String(form.get(`key:${id}`) ?? stored[id] ?? '')]));
  const enabled = reset || form.get('enabled') === 'on';
  try {
    await updateShortcuts({ actor, input: { enabled, keys } });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields, values: { enabled, keys } };
    throw error;
  }
  // The layout hands every page the keymap: render it again with the new keys.
  revalidatePath('/', 'layout');
  return { ok: true, message: reset ? 'Shortcuts reset to the defaults.' : 'Shortcuts saved.' };
}
