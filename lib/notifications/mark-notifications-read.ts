import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/validation';
import { countUnreadNotifications } from './count-unread-notifications';
import { NOTIFICATIONS_PAGE_MAX } from './list-notifications';

export const markNotificationsReadInput = z
  .strictObject({
    /** Notifications to mark read; ids that are not the actor's are ignored. */
    ids: z.array(z.number().int().positive()).min(1).max(NOTIFICATIONS_PAGE_MAX).optional(),
    /** `true`: every unread notification of the actor. */
    all: z.literal(true).optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: 'Send either ids or all: true.', path: ['ids'] });
export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadInput>;

/**
 * Marks the actor's own notifications read (the listed ids, or all) and returns how many changed and how many are
 * still unread. Other users' ids match nothing, so nobody can learn of or touch another's notifications. Throws Invalid.
 */
export async function markNotificationsRead({ actor, input }: { actor: Actor; input: unknown }): Promise<{ marked: number; unread: number }> {
  const data = parseInput(markNotificationsReadInput, input);
  const marked = await runInTransaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), data.ids ? inArray(notifications.id, data.ids) : undefined))
      .returning({ id: notifications.id });
    return rows.length;
  });
  return { marked, unread: await countUnreadNotifications({ actor }) };
}
