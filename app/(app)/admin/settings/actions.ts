'use server';

import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { updateSettings } from '@/lib/settings/update-settings';
import { AppError } from '@/lib/errors';

export type SettingsState = { ok?: boolean; message?: string; fields?: Record<string, string> };

/** Server action behind the settings form; errors come back as values. */
export async function saveSettings(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  try {
    await updateSettings({
      actor,
      input: {
        orgName: String(form.get('orgName') ?? ''),
        orgUrl: String(form.get('orgUrl') ?? '').trim(),
        editorsSeeDrafts: form.get('editorsSeeDrafts') === 'on',
        publishFactChecks: form.get('publishFactChecks') === 'on',
        contentLanguage: String(form.get('contentLanguage') ?? '').trim(),
      },
    });
    return { ok: true, message: 'Settings saved.' };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields };
    throw error;
  }
}
