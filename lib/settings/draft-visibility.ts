import { eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { claims } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { NotFound } from '@/lib/errors';
import type { DbOrTx } from '@/lib/review/record-event';
import { getSettings } from './get-settings';

/*
 * The one rule of who may see a claim: other people's drafts need `claim:read-others-drafts` (reviewers and
 * admins), or the `editors_see_drafts` setting for everyone else. Every read and write that names a claim goes through one
 * of the helpers below, so a hidden draft is "not found" everywhere (lists, sources, search, history, exports,
 * counts) and on every verb, before any version or permission check.
 */

/** The id whose drafts are the only ones the actor may see, or null when every claim is visible to them. */
export function ownDraftsOnly(actor: Actor): number | null {
  return !can(actor, 'claim:read-others-drafts') && !getSettings().editorsSeeDrafts ? actor.id : null;
}

/** A drizzle where-fragment over `claims` (combine with `and(...)`); undefined when the actor sees every claim. */
export function draftVisibilityFilter(actor: Actor): SQL | undefined {
  const authorId = ownDraftsOnly(actor);
  return authorId === null ? undefined : or(ne(claims.status, 'draft'), eq(claims.authorId, authorId));
}

/** The same rule for raw SQL over a claims table aliased `alias` (e.g. `c`); `1` when the actor sees every claim. */
export function visibleClaimSql(actor: Actor, alias: string): SQL {
  const authorId = ownDraftsOnly(actor);
  if (authorId === null) return sql`1`;
  const t = sql.raw(alias);
  return sql`(${t}.status != 'draft' or ${t}.author_id = ${authorId})`;
}

/** Whether the actor may see this claim. */
export function canSeeClaim(actor: Actor, claim: { status: string; authorId: number }): boolean {
  if (claim.status !== 'draft' || claim.authorId === actor.id) return true;
  return ownDraftsOnly(actor) === null;
}

/** The claim row when it exists and the actor may see it; throws NotFound otherwise (hidden looks like absent). */
export function loadVisibleClaim(db: DbOrTx, actor: Actor, id: number): typeof claims.$inferSelect {
  const claim = db.select().from(claims).where(eq(claims.id, id)).get();
  if (!claim || !canSeeClaim(actor, claim)) throw NotFound('Claim');
  return claim;
}
