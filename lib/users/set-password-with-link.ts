import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, runInTransaction } from '@/db/client';
import { passwordResets, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { newPassword } from '@/lib/auth/password-policy';
import { Invalid } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';
import { findLiveLink } from './password-links';
import { revokeCredentials } from './revoke-credentials';

export const setPasswordWithLinkInput = z.strictObject({ token: z.string().min(1).max(200), password: newPassword });

const DEAD_LINK = 'This link has expired or was already used. Ask an admin for a new one.';

/** Who a one-time link is for (to greet them), or null when it is unknown, used, expired or the user is disabled. */
export async function describeSetPasswordLink(token: string): Promise<{ email: string; name: string } | null> {
  const link = await findLiveLink(getDb(), token);
  return link ? { email: link.email, name: link.name } : null;
}

/** Anonymous: sets the password of a one-time link's user, uses the link up and revokes the user's sessions and tokens. Throws Invalid (bad password or dead link). */
export async function setPasswordWithLink({ input }: { input: unknown }): Promise<{ email: string }> {
  const data = parseInput(setPasswordWithLinkInput, input);
  const passwordHash = await hashPassword(data.password);
  return runInTransaction(async (tx) => {
    // Checked again inside the write transaction so one link cannot be used twice concurrently.
    const link = await findLiveLink(tx, data.token);
    if (!link) throw Invalid(DEAD_LINK, { token: DEAD_LINK });
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, link.linkId));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, link.userId));
    await revokeCredentials(tx, link.userId);
    const summary = `${link.email} set a password with a one-time link`;
    await recordAudit(tx, { actorId: link.userId, action: 'user.password_set', entityId: link.userId, summary });
    return { email: link.email };
  });
}
