import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordLoginAudit } from '@/lib/audit/record-login-audit';
import { verifyPassword } from './passwords';
import { recordLoginAttempt, type LoginAttemptResult } from './login-throttle';

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type CredentialsCheck = {
  user: { id: number; name: string; email: string } | null;
  /** What the throttle did (null when the input was not even an email and password). */
  attempt: LoginAttemptResult | null;
  email: string | null;
};

/**
 * Checks an email + password from `ip` and says what happened: `user` is set only for the right password of an enabled
 * account while no lock applies (see login-throttle.ts). The password is always compared, so a locked or unknown
 * account answers in the same time as any other. The caller must not reveal which part was wrong.
 */
export async function checkCredentials(raw: unknown, { ip = 'unknown' }: { ip?: string } = {}): Promise<CredentialsCheck> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return { user: null, attempt: null, email: null };
  const { email, password } = parsed.data;
  const [user] = await getDb().select().from(users).where(eq(users.email, email));
  // The password check runs before (never inside) the throttle's transaction: bcrypt takes tens of milliseconds.
  const ok = (await verifyPassword(password, user?.passwordHash)) && !!user && !user.disabled;
  const attempt = await recordLoginAttempt({ email, ip, passwordOk: ok });
  if (attempt.outcome === 'failure') await recordLoginAudit('login.failed', { email, ip, userId: user?.id });
  if (attempt.outcome === 'refused' || (attempt.outcome === 'failure' && attempt.lockedNow.length > 0)) {
    await recordLoginAudit('login.locked', { email, ip, userId: user?.id });
  }
  const signedIn = attempt.outcome === 'success' && user ? { id: user.id, name: user.name, email: user.email } : null;
  return { user: signedIn, attempt, email };
}

/** The user for a correct email + password from `ip` (see checkCredentials), else null. */
export async function verifyCredentials(raw: unknown, options: { ip?: string } = {}): Promise<CredentialsCheck['user']> {
  return (await checkCredentials(raw, options)).user;
}
