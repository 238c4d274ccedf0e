import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/passwords';
import { newPassword } from '@/lib/auth/password-policy';
import { NotFound } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';
import { issueSetPasswordLink } from './password-links';

export const resetPasswordInput = z.strictObject({ password: newPassword.optional() });

/**
 * Admin only: sets a new password, or (no password) issues a one-time set-password link returned once as a path.
 * Either way the user's sessions are signed out. Throws Forbidden/Invalid/NotFound.
 */
export async function resetPassword({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<{ setPasswordLink?: string }> {
  assertCan(actor, 'user:manage');
  const data = parseInput(resetPasswordInput, input ?? {});
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return getDb().transaction(
    (tx) => {
      const user = tx.select({ email: users.email }).from(users).where(eq(users.id, id)).get();
      if (!user) throw NotFound('User');
      tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, id)).run();
      const action = passwordHash ? 'user.password_reset' : 'user.password_link_created';
      recordAudit(tx, { actorId: actor.id, action, entityId: id, summary: `${user.email}: ${passwordHash ? 'password reset' : 'set-password link issued'}, sessions signed out` });
      if (passwordHash) {
        tx.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
        return {};
      }
      return { setPasswordLink: issueSetPasswordLink(tx, id) };
    },
    { behavior: 'immediate' },
  );
}
