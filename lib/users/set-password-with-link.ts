import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
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
export function describeSetPasswordLink(token: string): { email: string; name: string } | null {
  const link = findLiveLink(getDb(), token);
  return link ? { email: link.email, name: link.name } : null;
}

/** Anonymous: sets the password of a one-time link's user, uses the link up and revokes the user's sessions and tokens. Throws Invalid (bad password or dead link). */
export async function setPasswordWithLink({ input }: { input: unknown }): Promise<{ email: string }> {
  const data = parseInput(setPasswordWithLinkInput, input);
  const passwordHash = await hashPassword(data.password);
  return getDb().transaction(
    (tx) => {
      // Checked again inside the write transaction so one link cannot be used twice concurrently.
      const link = findLiveLink(tx, data.token);
      if (!link) throw Invalid(DEAD_LINK, { token: DEAD_LINK });
      tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, link.linkId)).run();
      tx.update(users).set({ passwordHash }).where(eq(users.id, link.userId)).run();
      revokeCredentials(tx, link.userId);
      recordAudit(tx, { actorId: link.userId, action: 'user.password_set', entityId: link.userId, summary: `${link.email} set a password with a one-time link` });
      return { email: link.email };
    },
    { behavior: 'immediate' },
  );
}
