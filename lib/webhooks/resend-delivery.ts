import { and, eq } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';

/**
 * "Send again" (admin). A delivered or failed delivery is queued again as a new one (same event and payload, due now,
 * its own 24 h of retries); the original stays in the log as it was. A pending one is simply made due now, so it is
 * never sent twice. Answers the id of the delivery that will be sent. Throws Forbidden, NotFound.
 */
export async function resendDelivery({
  actor,
  webhookId,
  deliveryId,
}: {
  actor: Actor;
  webhookId: number;
  deliveryId: number;
}): Promise<{ id: number }> {
  assertCan(actor, 'settings:manage', 'Only admins manage webhooks.');
  return runInTransaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId)));
    if (!d) throw NotFound('Delivery');
    const now = new Date();
    if (d.status === 'pending') {
      await tx.update(webhookDeliveries).set({ nextAttemptAt: now }).where(eq(webhookDeliveries.id, d.id));
      return { id: d.id };
    }
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ webhookId, event: d.event, claimId: d.claimId, articleId: d.articleId, payload: d.payload, nextAttemptAt: now, createdAt: now })
      .returning({ id: webhookDeliveries.id });
    return { id: row.id };
  });
}
