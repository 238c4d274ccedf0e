import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { userColumns, type UserView } from './user-view';

/** Admin only: one user. Throws Forbidden/NotFound. */
export function getUser({ actor, id }: { actor: Actor; id: number }): UserView {
  assertCan(actor, 'user:manage');
  const user = getDb().select(userColumns).from(users).where(eq(users.id, id)).get();
  if (!user) throw NotFound('User');
  return user;
}
