import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { settings } from '@/db/schema';

/** Organisation-wide settings with their defaults (stored as strings in the settings table). */
export type OrgSettings = {
  orgName: string;
  orgUrl: string;
  editorsSeeDrafts: boolean;
  /** Verified claims get a public, read-only fact-check page (the ClaimReview url). Off by default. */
  publishFactChecks: boolean;
  /** BCP 47 language of articles and rationales (Web Annotation `language`, the public page's lang). */
  contentLanguage: string;
};

export const SETTING_KEYS = {
  orgName: 'org_name',
  orgUrl: 'org_url',
  editorsSeeDrafts: 'editors_see_drafts',
  publishFactChecks: 'publish_fact_checks',
  contentLanguage: 'content_language',
} as const;

const DEFAULT_SETTINGS: OrgSettings = { orgName: '', orgUrl: '', editorsSeeDrafts: true, publishFactChecks: false, contentLanguage: 'en' };

/** Reads the settings (no actor: ClaimReview exports and draft filters need them whatever the caller's role). */
export async function getSettings(): Promise<OrgSettings> {
  const rows = await getDb()
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(SETTING_KEYS)));
  const value = new Map(rows.map((r) => [r.key, r.value]));
  return {
    orgName: value.get(SETTING_KEYS.orgName) ?? DEFAULT_SETTINGS.orgName,
    orgUrl: value.get(SETTING_KEYS.orgUrl) ?? DEFAULT_SETTINGS.orgUrl,
    editorsSeeDrafts: (value.get(SETTING_KEYS.editorsSeeDrafts) ?? 'true') !== 'false',
    publishFactChecks: value.get(SETTING_KEYS.publishFactChecks) === 'true',
    contentLanguage: value.get(SETTING_KEYS.contentLanguage) || DEFAULT_SETTINGS.contentLanguage,
  };
}
