import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';

/** Someone work can be assigned to: names and roles only (no email), for the assignee pickers. */
export type Person = { id: number; name: string; role: Role };

/** Active users by name; each picker keeps those who may take the next step (permissions.ts mayBeAssigned*). */
export async function listPeople({ actor }: { actor: Actor }): Promise<Person[]> {
  assertCan(actor, 'claim:read');
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.name), asc(users.id));
}
