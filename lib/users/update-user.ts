import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { ROLES, users } from '@/db/schema';
import { can, rolesWith, type Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { parseInput, textField } from '@/lib/validation';
import { USER_NAME_MAX } from './limits';
import type { DbOrTx } from '@/db/client';
import { userColumns, type UserView } from './user-view';

export const updateUserInput = z.strictObject({
  name: textField(USER_NAME_MAX).min(1, 'Enter a name.').optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

/**
 * Admin only: renames, changes the role of, or disables/enables a user; takes effect at the user's next request.
 * Throws Conflict when it would leave no active admin, NotFound, Forbidden, Invalid.
 */
export async function updateUser({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<UserView> {
  assertCan(actor, 'user:manage');
  const data = parseInput(updateUserInput, input);
  if (Object.keys(data).length === 0) throw Invalid('Nothing to change.');
  // Serialised (SQLite's one writer, PostgreSQL SERIALIZABLE): two admins demoting each other cannot both pass the check.
  return runInTransaction(async (tx) => {
    const [user] = await tx.select(userColumns).from(users).where(eq(users.id, id));
    if (!user) throw NotFound('User');
    // "Admin" here is whoever can manage users: the desk must keep one who can.
    const losesAdmin =
      can(user, 'user:manage') && !user.disabled && ((data.role && !can({ role: data.role }, 'user:manage')) || data.disabled === true);
    if (losesAdmin && (await otherActiveAdmins(tx, id)) === 0) {
      throw Conflict('This is the last active admin: make someone else an admin first.');
    }
    const [updated] = await tx.update(users).set(data).where(eq(users.id, id)).returning(userColumns);
    const diff = changedFields(user, data);
    // One event per change; its kind is the weightiest field that changed (the diff lists them all).
    const action = diff.disabled ? (data.disabled ? 'user.disabled' : 'user.enabled') : diff.role ? 'user.role_changed' : 'user.updated';
    if (Object.keys(diff).length) await recordAudit(tx, { actorId: actor.id, action, entityId: id, summary: `${user.name} (${user.email})`, diff });
    return updated;
  });
}

function otherActiveAdmins(tx: DbOrTx, id: number): Promise<number> {
  return tx.$count(users, and(inArray(users.role, rolesWith('user:manage')), eq(users.disabled, false), ne(users.id, id)));
}
