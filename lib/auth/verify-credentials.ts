import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { verifyPassword } from './passwords';

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Returns the user for a correct email + password of an enabled account, else null.
 * The caller must not reveal which part was wrong.
 */
export async function verifyCredentials(raw: unknown): Promise<{ id: number; name: string; email: string } | null> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return null;
  const user = getDb().select().from(users).where(eq(users.email, parsed.data.email)).get();
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!ok || !user || user.disabled) return null;
  return { id: user.id, name: user.name, email: user.email };
}
