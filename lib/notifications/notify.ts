import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notifications, users, type NotificationType } from '@/db/schema';

export type NewNotification = {
  userId: number;
  type: NotificationType;
  claimId?: number | null;
  articleId?: number | null;
  /** Who caused it; nobody is notified of their own action. */
  actorId?: number | null;
  /** Plain text shown with it (a review comment, the line that mentions the user), cut to 280 characters. */
  excerpt?: string;
};

/**
 * Notifies one user inside the transaction that makes the change, unless they caused it, are disabled, or turned
 * this kind off on their account page. Returns whether a notification was stored.
 */
export async function notify(tx: DbOrTx, n: NewNotification): Promise<boolean> {
  if (n.actorId != null && n.userId === n.actorId) return false;
  const [user] = await tx.select({ disabled: users.disabled, prefs: users.notifyPrefs }).from(users).where(eq(users.id, n.userId)).limit(1);
  if (!user || user.disabled || user.prefs?.off.includes(n.type)) return false;
  await tx.insert(notifications).values({
    userId: n.userId,
    type: n.type,
    claimId: n.claimId ?? null,
    articleId: n.articleId ?? null,
    actorId: n.actorId ?? null,
    excerpt: (n.excerpt ?? '').slice(0, 280),
  });
  return true;
}
