import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, CLAIM_STATUSES, CLAIM_TYPES, verdictScale, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Invalid } from '@/lib/errors';
import { tagFilterInput } from '@/lib/claims/tag-filter';
import { visibleClaimSql } from '@/lib/settings/draft-visibility';
import type { ExportFilters } from './stream-claims';

// Query strings and HTML forms send empty fields as ''; treat them as absent.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1));
const date = z.iso.date('Use a date in the form YYYY-MM-DD.');

/** Export filters as they arrive from a query string, form or CLI: status defaults to verified; `all` means every status. */
export const exportFiltersInput = z.strictObject({
  status: optional(z.union([z.literal('all'), list(z.enum(CLAIM_STATUSES))])),
  article: optional(z.coerce.number().int().positive()),
  verdict: optional(z.coerce.number().int().positive()),
  type: optional(list(z.enum(CLAIM_TYPES))),
  from: optional(date),
  to: optional(date),
  // The same rule as the board's and search's tag filter (lib/claims/tag-filter.ts).
  tag: optional(tagFilterInput()).describe('Only claims carrying this tag (compared trimmed and lower-cased, as on the board).'),
});
export type ExportFiltersInput = z.input<typeof exportFiltersInput>;

/**
 * Validates filters, checks that the named article and verdict exist (400 otherwise) and that the actor
 * may export them: anyone with export:verified for verified claims, export:any-status for the rest; drafts hidden
 * from the actor (see draft-visibility.ts) are never included.
 */
export async function resolveFilters(actor: Actor, data: z.infer<typeof exportFiltersInput>): Promise<ExportFilters> {
  assertCan(actor, 'export:verified');
  const statuses: ClaimStatus[] = data.status === 'all' ? [...CLAIM_STATUSES] : [...new Set(data.status ?? (['verified'] as const))];
  if (statuses.some((s) => s !== 'verified')) {
    assertCan(actor, 'export:any-status', 'Only reviewers and admins may export claims that are not verified.');
  }
  if (data.from && data.to && data.from > data.to) throw Invalid('The "from" date is after the "to" date.', { from: 'Must not be after "to".' });
  const db = getDb();
  if (data.article && !(await db.select({ id: articles.id }).from(articles).where(eq(articles.id, data.article))).length) {
    throw Invalid(`There is no article with id ${data.article}.`, { article: 'Unknown article.' });
  }
  if (data.verdict && !(await db.select({ id: verdictScale.id }).from(verdictScale).where(eq(verdictScale.id, data.verdict))).length) {
    throw Invalid(`There is no verdict with id ${data.verdict}.`, { verdict: 'Unknown verdict.' });
  }
  const visible = visibleClaimSql(actor, 'c');
  return { statuses, types: data.type, articleId: data.article, verdictId: data.verdict, from: data.from, to: data.to, tag: data.tag, visible };
}
