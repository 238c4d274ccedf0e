import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { webhookDeliveries, webhooks, type DeliveryStatus, type WebhookEvent } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { idParam, parseInput } from '@/lib/validation';

export const listDeliveriesInput = z.strictObject({
  /** `nextCursor` of the previous page. */
  cursor: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type DeliveryLogEntry = {
  id: number;
  event: WebhookEvent;
  claimId: number | null;
  articleId: number | null;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  /** When the next try is due; null once delivered or failed. */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
};

/** A webhook's delivery log, newest first, a page at a time (admin). Throws Forbidden, Invalid, NotFound. */
export async function listDeliveries({ actor, webhookId, input = {} }: { actor: Actor; webhookId: number; input?: unknown }) {
  assertCan(actor, 'settings:manage', 'Only admins manage webhooks.');
  const { cursor, limit } = parseInput(listDeliveriesInput, input);
  const db = getDb();
  const [hook] = await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, webhookId));
  if (!hook) throw NotFound('Webhook');
  const d = webhookDeliveries;
  const rows = await db
    .select({
      id: d.id,
      event: d.event,
      claimId: d.claimId,
      articleId: d.articleId,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt,
      nextAttemptAt: d.nextAttemptAt,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
    })
    .from(d)
    .where(and(eq(d.webhookId, webhookId), cursor ? lt(d.id, cursor) : undefined))
    .orderBy(desc(d.id))
    .limit(limit + 1);
  const items: DeliveryLogEntry[] = rows.slice(0, limit).map((r) => ({ ...r, nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null }));
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
}
