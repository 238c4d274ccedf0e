import { and, asc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/validation';
import { HANDLE_MAX, handleOf } from './find-mentions';

/** Most users one autocomplete answer lists. */
export const MENTION_SUGGESTIONS_MAX = 8;

export const suggestMentionsInput = z.strictObject({
  /** What follows the `@` so far (may be empty): matches the start of a handle or any part of a name. */
  q: z.string().max(HANDLE_MAX).default(''),
  limit: z.coerce.number().int().min(1).max(MENTION_SUGGESTIONS_MAX).default(MENTION_SUGGESTIONS_MAX),
});
export type SuggestMentionsInput = z.input<typeof suggestMentionsInput>;

export type MentionSuggestion = { handle: string; name: string };

/** `%`, `_` and `\` match themselves. */
const literal = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Any signed-in user: enabled users whose handle starts with `q` or whose name contains it (case-insensitive),
 * handles first, at most MENTION_SUGGESTIONS_MAX. Only handles and names: the people one may mention are the
 * desk's members, whom everyone already sees on claims. Throws Invalid.
 */
export async function suggestMentions({ actor, input }: { actor: Actor; input: unknown }): Promise<MentionSuggestion[]> {
  void actor;
  const { q, limit } = parseInput(suggestMentionsInput, input);
  const query = literal(q.toLowerCase());
  // lower() on both sides: SQLite's like ignores ASCII case, PostgreSQL's does not (emails are stored lower-cased).
  const handleMatch = sql`${users.email} like ${`${query}%`} escape '\\'`;
  const nameMatch = sql`lower(${users.name}) like ${`%${query}%`} escape '\\'`;
  const rows = await getDb()
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.disabled, false), q ? or(handleMatch, nameMatch) : undefined))
    .orderBy(sql`case when ${handleMatch} then 0 else 1 end`, asc(users.email))
    .limit(limit);
  return rows.map((u) => ({ handle: handleOf(u.email), name: u.name }));
}
