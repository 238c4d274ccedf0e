import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordResets, users } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { hashToken } from '@/lib/auth/tokens';

/** How long a one-time set-password link stays valid. */
const LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** Path of the landing page for a link token. */
const setPasswordPath = (token: string) => `/set-password?token=${encodeURIComponent(token)}`;

/** Creates a one-time link for `userId` (earlier unused links of that user stop working); returns its path, shown once. */
export async function issueSetPasswordLink(tx: DbOrTx, userId: number): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await tx
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  await tx.insert(passwordResets).values({ userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LINK_TTL_MS) });
  return setPasswordPath(token);
}

/** The live link row and its (enabled) user for a token, or undefined when unknown, used, expired or disabled. */
export async function findLiveLink(db: DbOrTx, token: string) {
  if (!token || token.length > 200) return undefined;
  const [link] = await db
    .select({ linkId: passwordResets.id, userId: users.id, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
        eq(users.disabled, false),
      ),
    );
  return link;
}
