import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
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
  const db = getDb();
  return db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) {
        throw Conflict('A user with this email already exists.');
      }
      const user = tx
        .insert(users)
        .values({ email: data.email, name: data.name, role: data.role, passwordHash })
        .returning(userColumns)
        .get();
      const setPasswordLink = data.password ? undefined : issueSetPasswordLink(tx, user.id);
      const summary = `Created ${user.role} ${user.email}${setPasswordLink ? ' with a set-password link' : ''}`;
      recordAudit(tx, { actorId: actor.id, action: 'user.created', entityId: user.id, summary, diff: changedFields(null, { email: user.email, name: user.name, role: user.role }) });
      return { user, ...(setPasswordLink ? { setPasswordLink } : {}) };
    },
    { behavior: 'immediate' },
  );
}
