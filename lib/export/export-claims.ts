import { eq, max, min, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, queryRows } from '@/db/client';
import { verdictScale } from '@/db/schema';
import { getSettings } from '@/lib/settings/get-settings';
import type { Actor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/validation';
import { DEFAULT_ORG_NAME, type ExportContext } from './export-row';
import { exportFiltersInput, resolveFilters } from './export-filters';
import { EXPORT_FORMAT_NAMES, exportFormat } from './formats';
import { openExportReader } from './export-reader';
import { streamClaimBatches, whereClause, type ExportFilters } from './stream-claims';

export const exportClaimsInput = exportFiltersInput.extend({
  format: z.enum(EXPORT_FORMAT_NAMES, `Use one of: ${EXPORT_FORMAT_NAMES.join(', ')}.`),
  /** CSV only: "0" leaves out the UTF-8 byte order mark (default "1", for Excel). */
  bom: z.enum(['0', '1']).optional(),
});
export type ExportClaimsInput = z.input<typeof exportClaimsInput>;

export type ExportResult = { contentType: string; filename: string; chunks: AsyncIterable<string> };

/** Chunks are coalesced to about this many characters so a 100k-claim export is ~1k writes, not 100k. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Validates and authorizes an export, then returns its content type, a file name and the lazily produced
 * text. Throws Invalid/Forbidden before any output. The rows are read only while `chunks` is iterated, from a
 * dedicated read-only snapshot (openExportReader) that is closed when iteration ends, fails or is abandoned
 * (return(), as when a download is cancelled).
 */
export async function exportClaims({ actor, input, origin }: { actor: Actor; input: unknown; origin: string }): Promise<ExportResult> {
  const data = parseInput(exportClaimsInput, input);
  const filters = await resolveFilters(actor, data);
  const format = exportFormat(data.format, { bom: data.bom !== '0' });
  const ctx = await exportContext(origin);
  return { contentType: format.contentType, filename: exportFilename(filters, format.extension), chunks: produce() };

  async function* produce(): AsyncGenerator<string, void, undefined> {
    const reader = await openExportReader();
    try {
      let buffer = format.header(ctx);
      let count = 0;
      for await (const batch of streamClaimBatches(reader, filters)) {
        for (const row of batch) {
          buffer += format.row(row, ctx, count++);
          if (buffer.length >= CHUNK_CHARS) {
            yield buffer;
            buffer = '';
          }
        }
      }
      buffer += format.footer(ctx, count);
      if (buffer) yield buffer;
    } finally {
      await reader.close();
    }
  }
}

/** How many claims an export with these filters would contain (for the export page). Throws like exportClaims. */
export async function countExportable({ actor, input }: { actor: Actor; input: unknown }): Promise<number> {
  const filters = await resolveFilters(actor, parseInput(exportFiltersInput, input));
  const [row] = await queryRows<{ n: number }>(getDb(), sql`select cast(count(*) as integer) as n from claims c where ${whereClause(filters)}`);
  return row.n;
}

/** Organisation (settings org_name/org_url, else defaults), public pages, language and the rated scale's bounds. */
export async function exportContext(origin: string): Promise<ExportContext> {
  const db = getDb();
  const base = origin.replace(/\/+$/, '');
  const settings = await getSettings();
  // Unrated verdicts (Unproven…) are off the scale, so they do not stretch its bounds.
  const [scale] = await db
    .select({ best: max(verdictScale.rating), worst: min(verdictScale.rating) })
    .from(verdictScale)
    .where(eq(verdictScale.unrated, false));
  return {
    origin: base,
    orgName: settings.orgName.trim() || DEFAULT_ORG_NAME,
    orgUrl: settings.orgUrl.trim() || base,
    bestRating: scale?.best ?? 1,
    worstRating: scale?.worst ?? 1,
    publicPages: settings.publishFactChecks,
    language: settings.contentLanguage,
  };
}

/** e.g. claimdesk-verified-claims-article-12-2025-01-31.csv */
function exportFilename(filters: ExportFilters, extension: string): string {
  const status = filters.statuses.length === 1 ? filters.statuses[0].replace('_', '-') : 'all';
  const article = filters.articleId ? `-article-${filters.articleId}` : '';
  return `claimdesk-${status}-claims${article}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}
