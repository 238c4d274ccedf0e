import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, runInTransaction } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { newPassword } from '@/lib/auth/password-policy';
import { recordLoginAttempt } from '@/lib/auth/login-throttle';
import { Invalid, NotFound } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';
import { revokeCredentials } from './revoke-credentials';

export const changeOwnPasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
  newPassword,
});

/**
 * Any signed-in user: replaces their own password after checking the current one, throttled like sign-in (per
 * account and address `ip`), then revokes their API tokens and every other session (`keepSessionId` stays signed in).
 * Throws Invalid naming the bad field, also while too many wrong attempts lock the check.
 */
export async function changeOwnPassword({
  actor,
  input,
  ip = 'unknown',
  keepSessionId,
}: {
  actor: Actor;
  input: unknown;
  ip?: string;
  keepSessionId?: string | null;
}): Promise<void> {
  const data = parseInput(changeOwnPasswordInput, input);
  const [user] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user) throw NotFound('User');
  // bcrypt before the throttle's transaction, never inside it.
  const passwordOk = await verifyPassword(data.currentPassword, user.passwordHash);
  const attempt = await recordLoginAttempt({ email: actor.email, ip, passwordOk });
  if (attempt.outcome === 'refused') {
    throw Invalid('Too many wrong attempts: try again later.', { currentPassword: 'Locked after too many wrong attempts.' });
  }
  if (attempt.outcome === 'failure') throw Invalid('Your current password is not correct.', { currentPassword: 'Not correct.' });
  if (data.currentPassword === data.newPassword) {
    throw Invalid('Choose a password different from the current one.', { newPassword: 'Same as the current password.' });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await runInTransaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.id));
    await revokeCredentials(tx, actor.id, { keepSessionId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.password_changed',
      entityId: actor.id,
      summary: `${actor.email} changed their password`,
    });
  });
}
