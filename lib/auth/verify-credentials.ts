import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordLoginAudit } from '@/lib/audit/record-login-audit';
import { verifyPassword } from './passwords';
import { isLoginLocked, recordLoginFailure, recordLoginSuccess } from './login-throttle';

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Returns the user for a correct email + password of an enabled account, else null.
 * Refuses (null, even with the right password) while the account or `ip` is locked after repeated failures.
 * The caller must not reveal which part was wrong.
 */
export async function verifyCredentials(
  raw: unknown,
  { ip = 'unknown' }: { ip?: string } = {},
): Promise<{ id: number; name: string; email: string } | null> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await isLoginLocked(email, ip)) {
    recordLoginAudit('login.locked', { email, ip });
    return null;
  }
  const user = getDb().select().from(users).where(eq(users.email, email)).get();
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!ok || !user || user.disabled) {
    await recordLoginFailure(email, ip);
    recordLoginAudit('login.failed', { email, ip, userId: user?.id });
    return null;
  }
  await recordLoginSuccess(email);
  return { id: user.id, name: user.name, email: user.email };
}
