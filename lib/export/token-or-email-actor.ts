import { eq } from 'drizzle-orm';
import { readEnv } from '@/lib/env';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Forbidden, Invalid } from '@/lib/errors';
import { requireTokenActor } from '@/lib/auth/require-token-actor';

/** The actor a CLI run acts as when no user is named: admin-equivalent, not a row in users. */
export const SYSTEM_ACTOR: Actor = { id: 0, role: 'admin', name: 'Claimdesk CLI', email: 'system@claimdesk.local' };

/**
 * The owner of the personal API token in CLAIMDESK_TOKEN when set, else the user named by `--as EMAIL`
 * (case-insensitive), else SYSTEM_ACTOR. Throws Unauthorized (bad token), Invalid (unknown) or Forbidden (disabled).
 */
export async function tokenOrEmailActor(email?: string): Promise<Actor> {
  if (readEnv().CLAIMDESK_TOKEN) return requireTokenActor();
  if (!email) return SYSTEM_ACTOR;
  const [user] = await getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) throw Invalid(`No user with email ${email}.`, { as: 'Unknown user.' });
  if (user.disabled) throw Forbidden(`The user ${email} is disabled.`);
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}
