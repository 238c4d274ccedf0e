import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUniqueViolation, runInTransaction } from '@/db/client';
import { ROLES, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/passwords';
import { newPassword } from '@/lib/auth/password-policy';
import { Conflict } from '@/lib/errors';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { parseInput, textField } from '@/lib/validation';
import { EMAIL_MAX, USER_NAME_MAX } from './limits';
import { issueSetPasswordLink } from './password-links';
import { userColumns, type UserView } from './user-view';

export const createUserInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.').max(EMAIL_MAX)),
  name: textField(USER_NAME_MAX).min(1, 'Enter a name.'),
  role: z.enum(ROLES),
  // Without a password the admin gets a one-time set-password link to pass on.
  password: newPassword.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/**
 * Admin only: creates a user with an initial password, or (no password) returns a one-time `setPasswordLink`
 * path that is shown once. Throws Forbidden/Invalid, Conflict when the email is taken.
 */
export async function createUser({ actor, input }: { actor: Actor; input: unknown }): Promise<{ user: UserView; setPasswordLink?: string }> {
  assertCan(actor, 'user:manage');
  const data = parseInput(createUserInput, input);
  // With a link, the stored hash is of a random secret nobody knows, so the account cannot be used until the link is.
  const passwordHash = await hashPassword(data.password ?? crypto.randomBytes(32).toString('base64url'));
  const taken = () => Conflict('A user with this email already exists.');
  try {
    return await runInTransaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
      if (existing) throw taken();
      const [user] = await tx.insert(users).values({ email: data.email, name: data.name, role: data.role, passwordHash }).returning(userColumns);
      const setPasswordLink = data.password ? undefined : await issueSetPasswordLink(tx, user.id);
      const summary = `Created ${user.role} ${user.email}${setPasswordLink ? ' with a set-password link' : ''}`;
      const diff = changedFields(null, { email: user.email, name: user.name, role: user.role });
      await recordAudit(tx, { actorId: actor.id, action: 'user.created', entityId: user.id, summary, diff });
      return { user, ...(setPasswordLink ? { setPasswordLink } : {}) };
    });
  } catch (err) {
    // Two admins creating the same email at once: the unique index decides.
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}
