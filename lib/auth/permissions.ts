import type { Role } from '@/db/schema';

/** The one table of who may do what. Ownership rules (own drafts) are applied by the services on top of it. */
export const PERMISSIONS = {
  'article:read': ['editor', 'reviewer', 'admin'],
  'article:create': ['editor', 'reviewer', 'admin'],
  'article:delete': ['admin'],
  'claim:read': ['editor', 'reviewer', 'admin'],
  'claim:create': ['editor', 'reviewer', 'admin'],
  'claim:edit-own': ['editor', 'reviewer', 'admin'],
  'claim:edit-any': ['reviewer', 'admin'],
  'claim:delete-own-draft': ['editor', 'reviewer', 'admin'],
  'claim:delete-any': ['admin'],
  'claim:comment': ['editor', 'reviewer', 'admin'],
  'claim:review': ['reviewer', 'admin'],
  'claim:link': ['editor', 'reviewer', 'admin'],
  'source:read': ['editor', 'reviewer', 'admin'],
  'source:create': ['editor', 'reviewer', 'admin'],
  'source:edit-any': ['reviewer', 'admin'],
  'source:delete-any': ['admin'],
  'verdict:manage': ['admin'],
  'export:verified': ['editor', 'reviewer', 'admin'],
  'export:any-status': ['reviewer', 'admin'],
  'user:manage': ['admin'],
  'settings:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The acting user as services see it (always loaded from the database, never trusted from a token). */
export type Actor = { id: number; role: Role; name: string; email: string };

/** True when the actor's role grants `permission`. */
export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}
