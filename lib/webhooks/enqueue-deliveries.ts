import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { webhookDeliveries, webhooks, type WebhookEvent } from '@/db/schema';

/** The active webhooks subscribed to `event` (few: an admin registers a handful). */
export async function subscribersOf(tx: DbOrTx, event: WebhookEvent): Promise<number[]> {
  const rows = await tx.select({ id: webhooks.id, events: webhooks.events }).from(webhooks).where(eq(webhooks.active, true));
  return rows.filter((w) => w.events.includes(event)).map((w) => w.id);
}

/**
 * Queues one delivery of `payload` per webhook in `webhookIds` (the outbox). Call inside the transaction of the change,
 * so a delivery exists exactly when the change committed; the sender picks it up from the table.
 */
export async function enqueueDeliveries(
  tx: DbOrTx,
  webhookIds: number[],
  delivery: { event: WebhookEvent; claimId?: number | null; articleId?: number | null; payload: Record<string, unknown> },
): Promise<void> {
  if (webhookIds.length === 0) return;
  const now = new Date();
  await tx.insert(webhookDeliveries).values(
    webhookIds.map((webhookId) => ({
      webhookId,
      event: delivery.event,
      claimId: delivery.claimId ?? null,
      articleId: delivery.articleId ?? null,
      payload: delivery.payload,
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
}
