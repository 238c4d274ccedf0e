import { and, eq, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { claims } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { NotFound } from '@/lib/errors';
import type { DbOrTx } from '@/db/client';
import { getSettings, SETTING_KEYS } from './get-settings';

/*
 * The one rule of who may see a claim: other people's drafts need `claim:read-others-drafts` (reviewers and
 * admins), or the `editors_see_drafts` setting for everyone else. Every read and write that names a claim goes through one
 * of the helpers below, so a hidden draft is "not found" everywhere (lists, sources, search, history, exports,
 * counts) and on every verb, before any version or permission check.
 */

/**
 * Whether others' drafts are hidden, asked inside the query itself (the setting is on unless stored as 'false'),
 * so filters stay plain SQL fragments and read the setting in the same snapshot as the claims they filter.
 */
const othersDraftsHidden = sql`exists (select 1 from "settings" where "key" = ${SETTING_KEYS.editorsSeeDrafts} and "value" = 'false')`;

/** A drizzle where-fragment over `claims` (combine with `and(...)`); undefined when the actor's role sees every claim. */
export function draftVisibilityFilter(actor: Actor): SQL | undefined {
  if (can(actor, 'claim:read-others-drafts')) return undefined;
  return or(ne(claims.status, 'draft'), eq(claims.authorId, actor.id), not(othersDraftsHidden));
}

/** The same rule for raw SQL over a claims table aliased `alias` (e.g. `c`); `1 = 1` when the role sees every claim. */
export function visibleClaimSql(actor: Actor, alias: string): SQL {
  if (can(actor, 'claim:read-others-drafts')) return sql`1 = 1`;
  const t = sql.raw(alias);
  return sql`(${t}.status != 'draft' or ${t}.author_id = ${actor.id} or not ${othersDraftsHidden})`;
}

/** Whether the actor may see this claim. */
export async function canSeeClaim(actor: Actor, claim: { status: string; authorId: number }): Promise<boolean> {
  if (claim.status !== 'draft' || claim.authorId === actor.id || can(actor, 'claim:read-others-drafts')) return true;
  return (await getSettings()).editorsSeeDrafts;
}

/** The claim row when it exists and the actor may see it; throws NotFound otherwise (hidden looks like absent). */
export async function loadVisibleClaim(db: DbOrTx, actor: Actor, id: number): Promise<typeof claims.$inferSelect> {
  const [claim] = await db
    .select()
    .from(claims)
    .where(and(eq(claims.id, id), draftVisibilityFilter(actor)));
  if (!claim) throw NotFound('Claim');
  return claim;
}

/**
 * The same rule for a claim that no longer exists (raw SQL; `claimId` names its id column, e.g. `ce.claim_id`), read
 * from its history: its status before it was deleted and its author (who created it). A claim deleted as a draft
 * stays hidden from those who could not see it before.
 */
export function visibleDeletedClaimSql(actor: Actor, claimId: SQL): SQL {
  if (can(actor, 'claim:read-others-drafts')) return sql`1 = 1`;
  return sql`(not ${othersDraftsHidden}
    or exists (select 1 from "review_events" r where r.claim_id = ${claimId} and r.action = 'created' and r.actor_id = ${actor.id})
    or exists (select 1 from "review_events" r where r.claim_id = ${claimId} and r.action = 'deleted' and r.from_status != 'draft'))`;
}
