import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/passwords';
import { newPassword } from '@/lib/auth/password-policy';
import { NotFound } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';
import { issueSetPasswordLink } from './password-links';
import { revokeCredentials } from './revoke-credentials';

export const resetPasswordInput = z.strictObject({ password: newPassword.optional() });

/**
 * Admin only: sets a new password, or (no password) issues a one-time set-password link returned once as a path;
 * with a link the old password stops working at once (replaced by a random secret nobody knows). Either way every
 * session and API token of the user is revoked. Throws Forbidden/Invalid/NotFound.
 */
export async function resetPassword({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<{ setPasswordLink?: string }> {
  assertCan(actor, 'user:manage');
  const data = parseInput(resetPasswordInput, input ?? {});
  const passwordHash = await hashPassword(data.password ?? crypto.randomBytes(32).toString('base64url'));
  return runInTransaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, id));
    if (!user) throw NotFound('User');
    await revokeCredentials(tx, id);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, id));
    const action = data.password ? 'user.password_reset' : 'user.password_link_created';
    const what = data.password ? 'password reset' : 'set-password link issued, old password ended';
    await recordAudit(tx, { actorId: actor.id, action, entityId: id, summary: `${user.email}: ${what}, sessions and API tokens revoked` });
    return data.password ? {} : { setPasswordLink: await issueSetPasswordLink(tx, id) };
  });
}
