import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { settings } from '@/db/schema';

/** Organisation-wide settings with their defaults (stored as strings in the settings table). */
export type OrgSettings = { orgName: string; orgUrl: string; editorsSeeDrafts: boolean };

export const SETTING_KEYS = { orgName: 'org_name', orgUrl: 'org_url', editorsSeeDrafts: 'editors_see_drafts' } as const;

export const DEFAULT_SETTINGS: OrgSettings = { orgName: '', orgUrl: '', editorsSeeDrafts: true };

/** Reads the settings (no actor: ClaimReview exports and draft filters need them whatever the caller's role). */
export function getSettings(): OrgSettings {
  const rows = getDb()
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(SETTING_KEYS)))
    .all();
  const value = new Map(rows.map((r) => [r.key, r.value]));
  return {
    orgName: value.get(SETTING_KEYS.orgName) ?? DEFAULT_SETTINGS.orgName,
    orgUrl: value.get(SETTING_KEYS.orgUrl) ?? DEFAULT_SETTINGS.orgUrl,
    editorsSeeDrafts: (value.get(SETTING_KEYS.editorsSeeDrafts) ?? 'true') !== 'false',
  };
}
