import { and, asc, eq, inArray, or, sql, type Column } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, claims, claimSources, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { parseInput, plainText } from '@/lib/validation';
import { sourceColumns, type SourceView } from './source-view';

export const listSourcesInput = z.strictObject({
  q: plainText().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A claim that cites a source, as listed beside it. */
export type CitingClaim = { id: number; articleId: number; articleTitle: string; claimText: string; status: string };
export type SourceListItem = SourceView & { claimCount: number; claims: CitingClaim[] };

/** Escapes LIKE wildcards so typed text matches literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Sources ordered by title, optionally filtered by `q` (substring of title, publisher or URL, case-insensitive),
 * each with the number and list of claims citing it that the actor may see. Two queries whatever the number of sources.
 */
export async function listSources({ actor, input }: { actor: Actor; input: unknown }): Promise<{ items: SourceListItem[] }> {
  assertCan(actor, 'source:read');
  const f = parseInput(listSourcesInput, input);
  const db = getDb();
  const pattern = f.q ? likePattern(f.q) : null;
  // lower() on both sides: SQLite's like ignores ASCII case, PostgreSQL's does not.
  const contains = (column: Column) => sql`lower(${column}) like lower(${pattern}) escape '\\'`;
  const rows = await db
    .select(sourceColumns)
    .from(sources)
    .where(pattern ? or(contains(sources.title), contains(sources.publisher), contains(sources.url)) : undefined)
    .orderBy(asc(sql`lower(${sources.title})`), asc(sources.id))
    .limit(f.limit);
  if (rows.length === 0) return { items: [] };
  const links = await db
    .select({
      sourceId: claimSources.sourceId,
      id: claims.id,
      articleId: claims.articleId,
      articleTitle: articles.title,
      claimText: claims.claimText,
      status: claims.status,
    })
    .from(claimSources)
    .innerJoin(claims, eq(claims.id, claimSources.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(
      and(
        inArray(
          claimSources.sourceId,
          rows.map((r) => r.id),
        ),
        draftVisibilityFilter(actor),
      ),
    )
    .orderBy(asc(claims.id));
  const bySource = new Map<number, CitingClaim[]>();
  for (const { sourceId, ...claim } of links) {
    const list = bySource.get(sourceId) ?? [];
    list.push(claim);
    bySource.set(sourceId, list);
  }
  return {
    items: rows.map((r) => {
      const citing = bySource.get(r.id) ?? [];
      return { ...r, claimCount: citing.length, claims: citing };
    }),
  };
}
