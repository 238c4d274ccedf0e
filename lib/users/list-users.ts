import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { userColumns, type UserView } from './user-view';

/** Admin only: every user, enabled first, then by name. Throws Forbidden. */
export async function listUsers({ actor }: { actor: Actor }): Promise<UserView[]> {
  assertCan(actor, 'user:manage');
  return getDb().select(userColumns).from(users).orderBy(asc(users.disabled), asc(users.name), asc(users.id));
}
