import { getDb } from '@/db/client';
import type { ExportRow } from './export-row';
import { exportContext } from './export-claims';
import { claimReview } from './formats/claim-review';
import { sharedReader } from './export-reader';
import { streamClaims } from './stream-claims';

/** What the public fact-check page shows: published fields only (no notes, no staff names or emails). */
export type PublicFactCheck = {
  claim: Pick<ExportRow, 'id' | 'claimText' | 'summary' | 'claimant' | 'exact' | 'prefix' | 'suffix' | 'rationale' | 'reviewedAt' | 'article'> & {
    verdictLabel: string | null;
    sources: Pick<ExportRow['sources'][number], 'url' | 'title' | 'publisher' | 'relation' | 'excerpt'>[];
  };
  /** The ClaimReview the page embeds as JSON-LD (its url is this page). */
  claimReview: ReturnType<typeof claimReview>;
  orgName: string;
  orgUrl: string;
  language: string;
};

/**
 * The public, read-only view of a verified claim, or null when the organisation has not turned public fact-check
 * pages on (setting publish_fact_checks) or the claim does not exist or is not verified. No actor: anyone may read it.
 */
export async function findPublicFactCheck({ id, origin }: { id: number; origin: string }): Promise<PublicFactCheck | null> {
  const ctx = await exportContext(origin);
  if (!ctx.publicPages) return null;
  // One claim: read on the app's connection, no export snapshot needed.
  let row: ExportRow | undefined;
  for await (const r of streamClaims(sharedReader(getDb()), { statuses: ['verified'], claimId: id })) row = r;
  if (!row) return null;
  const { claimText, summary, claimant, exact, prefix, suffix, rationale, reviewedAt, article } = row;
  return {
    claim: {
      id: row.id,
      claimText,
      summary,
      claimant,
      exact,
      prefix,
      suffix,
      rationale,
      reviewedAt,
      article,
      verdictLabel: row.verdict?.label ?? null,
      sources: row.sources.map(({ url, title, publisher, relation, excerpt }) => ({ url, title, publisher, relation, excerpt })),
    },
    claimReview: claimReview(row, ctx),
    orgName: ctx.orgName,
    orgUrl: ctx.orgUrl,
    language: ctx.language,
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so the text can never close the script element. */
export function jsonLdScriptText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
