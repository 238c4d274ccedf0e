import type { ClaimStatus, Role } from '@/db/schema';

const EVERYONE = ['editor', 'reviewer', 'admin'] as const;
const REVIEWERS = ['reviewer', 'admin'] as const;
const ADMINS = ['admin'] as const;

/**
 * Who may act on something that belongs to someone: `own` roles on their own (claims they wrote, sources they added),
 * `any` roles on anyone's. `any` implies `own`.
 */
type OwnedGrant = { readonly own: readonly Role[]; readonly any: readonly Role[] };

/**
 * The one table of who may do what (editors import and mark articles, source and submit their claims; reviewers
 * also review others' claims; admins also manage users, the verdict scale and settings). Services check it and the
 * claim page gets its answers through `claimAbilities`; status rules (which status allows what) live in
 * lib/review/workflow.ts.
 */
export const PERMISSIONS = {
  'article:read': EVERYONE,
  'article:create': EVERYONE,
  'claim:read': EVERYONE,
  // Editors see other people's drafts too while the `editors_see_drafts` setting is on (lib/settings/draft-visibility.ts).
  'claim:read-others-drafts': REVIEWERS,
  'claim:create': EVERYONE,
  // A published field edited after review sends the claim back (workflow.statusAfterEdit).
  'claim:edit': { own: EVERYONE, any: REVIEWERS },
  // `own` means the author's own draft; a claim past draft is deleted only with `any`.
  'claim:delete': { own: EVERYONE, any: ADMINS },
  'claim:submit': { own: EVERYONE, any: ADMINS },
  // Approve, request changes, reject (never on one's own claim: workflow) and reopen.
  'claim:review': REVIEWERS,
  'claim:comment': EVERYONE,
  'claim:link': EVERYONE,
  // Change who works on a claim next. `own`: the author's own claim, or taking it for oneself / letting one's own go;
  // who may be named is mayBeAssignedClaim below.
  'claim:assign': { own: EVERYONE, any: REVIEWERS },
  // Change who marks an article's claims; `own` as for claims (one's own import, oneself).
  'article:assign': { own: EVERYONE, any: REVIEWERS },
  'source:read': EVERYONE,
  'source:create': EVERYONE,
  'source:edit': { own: EVERYONE, any: REVIEWERS },
  'source:delete': { own: EVERYONE, any: ADMINS },
  'verdict:manage': ADMINS,
  'export:verified': EVERYONE,
  'export:any-status': REVIEWERS,
  'user:manage': ADMINS,
  'settings:manage': ADMINS,
  'audit:read': ADMINS,
} as const satisfies Record<string, readonly Role[] | OwnedGrant>;

export type Permission = keyof typeof PERMISSIONS;

/** The acting user as services see it (always loaded from the database, never trusted from a token). */
export type Actor = { id: number; role: Role; name: string; email: string };

/**
 * True when the actor's role grants `permission`. For a permission with an owner (`claim:edit`, `source:delete`...),
 * pass `{ own: true }` when the thing is the actor's own; without it the question is "anyone's".
 */
export function can(actor: Pick<Actor, 'role'>, permission: Permission, target?: { own: boolean }): boolean {
  const grant: readonly Role[] | OwnedGrant = PERMISSIONS[permission];
  if (isRoleList(grant)) return grant.includes(actor.role);
  return grant.any.includes(actor.role) || (target?.own === true && grant.own.includes(actor.role));
}

/** The roles that grant `permission` (on anyone's things), e.g. to find the users who can still manage users. */
export function rolesWith(permission: Permission): Role[] {
  const grant: readonly Role[] | OwnedGrant = PERMISSIONS[permission];
  return [...(isRoleList(grant) ? grant : grant.any)];
}

/**
 * Whether `user` may be named the assignee of a claim at its current status: the person the next step needs. In
 * review: a reviewer who is not its author (they could not approve it). Rejected or verified: a reviewer (reopening
 * is theirs). Draft or sent back: someone who may edit it (the author, reviewers, admins).
 */
export function mayBeAssignedClaim(user: Pick<Actor, 'id' | 'role'>, claim: { authorId: number; status: ClaimStatus }): boolean {
  if (claim.status === 'in_review') return can(user, 'claim:review') && user.id !== claim.authorId;
  if (claim.status === 'verified' || claim.status === 'rejected') return can(user, 'claim:review');
  return can(user, 'claim:edit', { own: user.id === claim.authorId });
}

/** Whether `user` may be named the assignee of an article: anyone who may mark claims in it. */
export function mayBeAssignedArticle(user: Pick<Actor, 'role'>): boolean {
  return can(user, 'claim:create');
}

/**
 * Whether `actor` may change an assignment from `from` to `to` on something whose owner (author, importer) is
 * `ownerId`: `claim:assign` / `article:assign` on anyone's, or on their own thing, or when only they are concerned
 * (taking it unassigned or from themselves, or letting their own assignment go).
 */
export function mayAssign(
  actor: Pick<Actor, 'id' | 'role'>,
  permission: 'claim:assign' | 'article:assign',
  change: { ownerId: number | null; from: number | null; to: number | null },
): boolean {
  const self = (change.to === actor.id && (change.from === null || change.from === actor.id)) || (change.to === null && change.from === actor.id);
  return can(actor, permission, { own: change.ownerId === actor.id || self });
}

function isRoleList(grant: readonly Role[] | OwnedGrant): grant is readonly Role[] {
  return Array.isArray(grant);
}
