import { and, desc, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { claims, claimTags } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';
import { parseInput, plainText } from '@/lib/validation';
import { normaliseTag } from './normalise-tags';
import { TAG_MAX } from './limits';

export const suggestTagsInput = z.strictObject({
  /** What was typed so far; tags starting with it come first, then tags containing it. Empty: the most used. */
  q: plainText()
    .max(TAG_MAX * 4)
    .transform(normaliseTag)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export type TagSuggestion = { tag: string; count: number };

/**
 * Tags in use on claims the actor may see (so a hidden draft's tags never show), matching `q`, most used first.
 * One grouped query over claim_tags; its (tag, claim_id) index serves the prefix match.
 */
export async function suggestTags({ actor, input }: { actor: Actor; input: unknown }): Promise<{ items: TagSuggestion[] }> {
  assertCan(actor, 'claim:read');
  const { q, limit } = parseInput(suggestTagsInput, input);
  const escaped = (q ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
  const starts = sql`case when ${claimTags.tag} like ${`${escaped}%`} escape '\\' then 0 else 1 end`;
  const count = sql<number>`cast(count(*) as integer)`;
  const rows = await getDb()
    .select({ tag: claimTags.tag, count })
    .from(claimTags)
    .innerJoin(claims, eq(claims.id, claimTags.claimId))
    .where(and(q ? sql`${claimTags.tag} like ${`%${escaped}%`} escape '\\'` : undefined, draftVisibilityFilter(actor)))
    .groupBy(claimTags.tag)
    .orderBy(asc(starts), desc(count), asc(claimTags.tag))
    .limit(limit);
  return { items: rows };
}
