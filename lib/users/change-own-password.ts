import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { newPassword } from '@/lib/auth/password-policy';
import { Invalid, NotFound } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';

export const changeOwnPasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
  newPassword,
});

/** Any signed-in user: replaces their own password after checking the current one. Throws Invalid naming the bad field. */
export async function changeOwnPassword({ actor, input }: { actor: Actor; input: unknown }): Promise<void> {
  const data = parseInput(changeOwnPasswordInput, input);
  const db = getDb();
  const user = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get();
  if (!user) throw NotFound('User');
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw Invalid('Your current password is not correct.', { currentPassword: 'Not correct.' });
  }
  if (data.currentPassword === data.newPassword) {
    throw Invalid('Choose a password different from the current one.', { newPassword: 'Same as the current password.' });
  }
  const passwordHash = await hashPassword(data.newPassword);
  db.transaction(
    (tx) => {
      tx.update(users).set({ passwordHash }).where(eq(users.id, actor.id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'user.password_changed', entityId: actor.id, summary: `${actor.email} changed their password` });
    },
    { behavior: 'immediate' },
  );
}
