import { asc, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db/client';
import { webhooks, type WebhookEvent } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';

export type WebhookSummary = {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: Date;
  /** Deliveries by status. */
  pending: number;
  delivered: number;
  failed: number;
};

/** Every webhook (admin), oldest first, with delivery counts; never the secret. */
export async function listWebhooks({ actor }: { actor: Actor }): Promise<WebhookSummary[]> {
  assertCan(actor, 'settings:manage', 'Only admins manage webhooks.');
  const db = getDb();
  const hooks = await db
    .select({ id: webhooks.id, url: webhooks.url, events: webhooks.events, active: webhooks.active, createdAt: webhooks.createdAt })
    .from(webhooks)
    .orderBy(asc(webhooks.id));
  const counts = await queryRows<{ webhook_id: number; status: string; n: number }>(
    db,
    sql`select webhook_id, status, cast(count(*) as integer) as n from webhook_deliveries group by webhook_id, status`,
  );
  const count = (id: number, status: string) => counts.find((c) => c.webhook_id === id && c.status === status)?.n ?? 0;
  return hooks.map((h) => ({ ...h, pending: count(h.id, 'pending'), delivered: count(h.id, 'delivered'), failed: count(h.id, 'failed') }));
}
