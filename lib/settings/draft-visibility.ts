import { eq, ne, or, type SQL } from 'drizzle-orm';
import { claims } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { getSettings } from './get-settings';

/**
 * A where-clause fragment hiding other people's drafts from editors when the `editors_see_drafts` setting is off;
 * undefined when the actor may see every claim (reviewers, admins, or the setting is on). Combine with `and(...)`.
 */
export function draftVisibilityFilter(actor: Actor): SQL | undefined {
  if (actor.role !== 'editor' || getSettings().editorsSeeDrafts) return undefined;
  return or(ne(claims.status, 'draft'), eq(claims.authorId, actor.id));
}

/** Whether the actor may see this claim under the same rule as draftVisibilityFilter. */
export function canSeeClaim(actor: Actor, claim: { status: string; authorId: number }): boolean {
  return claim.status !== 'draft' || claim.authorId === actor.id || draftVisibilityFilter(actor) === undefined;
}
