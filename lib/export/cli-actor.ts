import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Forbidden, Invalid } from '@/lib/errors';

/** The actor a CLI run acts as when no user is named: admin-equivalent, not a row in users. */
export const SYSTEM_ACTOR: Actor = { id: 0, role: 'admin', name: 'Claimdesk CLI', email: 'system@claimdesk.local' };

/** The user named by `--as EMAIL` (case-insensitive), else SYSTEM_ACTOR. Throws Invalid (unknown) or Forbidden (disabled). */
export function cliActor(email?: string): Actor {
  if (!email) return SYSTEM_ACTOR;
  const user = getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  if (!user) throw Invalid(`No user with email ${email}.`, { as: 'Unknown user.' });
  if (user.disabled) throw Forbidden(`The user ${email} is disabled.`);
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}
