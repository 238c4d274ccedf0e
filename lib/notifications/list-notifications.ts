import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, claims, notifications, users, type NotificationType } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/validation';
import { countUnreadNotifications, visibleNotifications } from './count-unread-notifications';

/** Most notifications one page may hold. */
export const NOTIFICATIONS_PAGE_MAX = 100;

export const listNotificationsInput = z.strictObject({
  /** `nextCursor` of the page before. */
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'Invalid cursor.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATIONS_PAGE_MAX).default(30),
  /** `true`: unread ones only. */
  unread: z.enum(['true', 'false']).optional(),
});
const actorUser = alias(users, 'actor_user');

export type ListNotificationsInput = z.input<typeof listNotificationsInput>;

export type NotificationView = {
  id: number;
  type: NotificationType;
  claimId: number | null;
  articleId: number | null;
  read: boolean;
  /** The review comment, or the line that mentions the user (plain text). */
  excerpt: string;
  actorName: string | null;
  /** The claim's text, for a link label; null for an article-level notification. */
  claimText: string | null;
  articleTitle: string | null;
  createdAt: Date;
};

export type NotificationPage = { items: NotificationView[]; nextCursor: string | null; unread: number };

/**
 * The actor's own notifications, newest first, in keyset pages by id, with how many are unread. Notifications about
 * a claim the actor may no longer see (a draft hidden since) are left out of both. Throws Invalid.
 */
export async function listNotifications({ actor, input = {} }: { actor: Actor; input?: unknown }): Promise<NotificationPage> {
  const data = parseInput(listNotificationsInput, input);
  const rows = await getDb()
    .select({
      id: notifications.id,
      type: notifications.type,
      claimId: notifications.claimId,
      articleId: notifications.articleId,
      readAt: notifications.readAt,
      excerpt: notifications.excerpt,
      actorName: actorUser.name,
      claimText: claims.claimText,
      articleTitle: articles.title,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(claims, eq(claims.id, notifications.claimId))
    .leftJoin(articles, eq(articles.id, notifications.articleId))
    .leftJoin(actorUser, eq(actorUser.id, notifications.actorId))
    .where(
      and(
        visibleNotifications(actor),
        data.cursor ? lt(notifications.id, Number(data.cursor)) : undefined,
        data.unread === 'true' ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(data.limit + 1);
  const items = rows.slice(0, data.limit).map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
  return {
    items,
    nextCursor: rows.length > data.limit ? String(items[items.length - 1].id) : null,
    unread: await countUnreadNotifications({ actor }),
  };
}
