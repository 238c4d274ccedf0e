import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { parseInput, textField } from '@/lib/validation';
import { getSettings, SETTING_KEYS, type OrgSettings } from './get-settings';
import { ORG_NAME_MAX, ORG_URL_MAX } from './limits';

export const updateSettingsInput = z.strictObject({
  orgName: textField(ORG_NAME_MAX).optional(),
  orgUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Use an http(s) URL.' }).max(ORG_URL_MAX)]).optional(),
  editorsSeeDrafts: z.boolean().optional(),
  publishFactChecks: z.boolean().optional(),
  // BCP 47 shape (e.g. en, en-GB, pt-BR, zh-Hant); empty resets to the default.
  contentLanguage: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a language tag such as en or en-GB.'),
    ])
    .optional(),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsInput>;

/** Admin only: writes the given settings in one transaction and returns all settings. Throws Forbidden/Invalid. */
export async function updateSettings({ actor, input }: { actor: Actor; input: unknown }): Promise<OrgSettings> {
  assertCan(actor, 'settings:manage');
  const data = parseInput(updateSettingsInput, input);
  const entries = Object.entries(data).filter(([, v]) => v !== undefined) as [keyof OrgSettings, string | boolean][];
  // getSettings() reads through the transaction (getDb() returns it inside a body), so before/after are this write's.
  return runInTransaction(async (tx) => {
    const before = await getSettings();
    for (const [name, v] of entries) {
      const row = { key: SETTING_KEYS[name], value: String(v) };
      await tx
        .insert(settings)
        .values(row)
        .onConflictDoUpdate({ target: settings.key, set: { value: row.value } });
    }
    const after = await getSettings();
    const diff = changedFields(before, after);
    if (Object.keys(diff).length)
      await recordAudit(tx, { actorId: actor.id, action: 'settings.updated', summary: `Changed ${Object.keys(diff).join(', ')}`, diff });
    return after;
  });
}
