import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { userColumns, type UserView } from './user-view';

/** Admin only: one user. Throws Forbidden/NotFound. */
export async function getUser({ actor, id }: { actor: Actor; id: number }): Promise<UserView> {
  assertCan(actor, 'user:manage');
  const [user] = await getDb().select(userColumns).from(users).where(eq(users.id, id));
  if (!user) throw NotFound('User');
  return user;
}
