import { asc, desc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getSettings } from '@/lib/settings/get-settings';

/** How many recent articles the export page offers in its article filter. */
const ARTICLE_CHOICES = 500;

export type ExportOptions = {
  verdicts: { id: number; label: string }[];
  articles: { id: number; title: string }[];
  /** False for editors: they may export verified claims only. */
  anyStatus: boolean;
  /** Settings that make ClaimReview exports weaker, for warnings on the export page. */
  orgNameSet: boolean;
  publicPages: boolean;
};

/** Choices for the export page's filters (verdict scale in order, most recent articles). Throws Forbidden. */
export async function exportOptions({ actor }: { actor: Actor }): Promise<ExportOptions> {
  assertCan(actor, 'export:verified');
  const db = getDb();
  const settings = await getSettings();
  return {
    verdicts: await db.select({ id: verdictScale.id, label: verdictScale.label }).from(verdictScale).orderBy(asc(verdictScale.sort)),
    articles: await db.select({ id: articles.id, title: articles.title }).from(articles).orderBy(desc(articles.id)).limit(ARTICLE_CHOICES),
    anyStatus: can(actor, 'export:any-status'),
    orgNameSet: settings.orgName.trim() !== '',
    publicPages: settings.publishFactChecks,
  };
}
