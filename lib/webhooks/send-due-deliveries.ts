import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import { getDb, runInTransaction } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import { readEnv } from '@/lib/env';
import { guardedPost } from '@/lib/net/guarded-post';
import type { Resolver } from '@/lib/net/guarded-fetch';
import { nextAttemptAfter } from './retry-schedule';
import { signatureHeader } from './sign-payload';

export type SenderOptions = {
  /** How long a sender holds a delivery it took; longer than a try can last (10 s), so a live sender never loses it. */
  leaseMs?: number;
  /** Deliveries taken per pass (sent side by side). @default 10 */
  batch?: number;
  /** @default 10000 */
  timeoutMs?: number;
  /** @default WEBHOOK_ALLOW_HOSTS */
  allowHosts?: string[];
  /** @default WEBHOOK_RETRY_BASE_MS */
  retryBaseMs?: number;
  resolve?: Resolver;
};

type Delivery = typeof webhookDeliveries.$inferSelect;

const DEFAULT_LEASE_MS = 60_000;

/**
 * One pass of the sender: takes the due deliveries of active webhooks (each under a lease, so two passes in this or
 * another app instance never send the same try), POSTs them, and records each answer. A failure is retried later
 * (retry-schedule.ts) until 24 h after queueing, then the delivery is failed. No transaction is open while a request
 * is in flight. Resolves with how many deliveries it tried.
 */
export async function sendDueDeliveries(options: SenderOptions = {}): Promise<number> {
  const now = new Date();
  const due = await getDb()
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(isDue(now), eq(webhooks.active, true)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(options.batch ?? 10);
  const tried = await Promise.all(
    due.map(async ({ id }) => {
      const leased = await leaseDelivery(id, options.leaseMs ?? DEFAULT_LEASE_MS);
      if (!leased) return false; // another sender took it first
      await attempt(leased, options);
      return true;
    }),
  );
  return tried.filter(Boolean).length;
}

/** Pending, due, and not held by a live lease. */
function isDue(now: Date) {
  return and(
    eq(webhookDeliveries.status, 'pending'),
    lte(webhookDeliveries.nextAttemptAt, now),
    or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now)),
  );
}

/**
 * Takes delivery `id` for `leaseMs` if it is still due and free: one conditional UPDATE, so of several senders racing
 * for it exactly one gets the row back. A sender that dies holding it (a restart) lets the lease run out, and the
 * delivery is due again for any sender.
 */
export async function leaseDelivery(id: number, leaseMs: number): Promise<Delivery | null> {
  return runInTransaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ lockedUntil: new Date(now.getTime() + leaseMs) })
      .where(and(eq(webhookDeliveries.id, id), isDue(now)))
      .returning();
    return row ?? null;
  });
}

/** Sends one leased delivery and records the outcome (only while this sender still holds the lease). */
async function attempt(d: Delivery, options: SenderOptions): Promise<void> {
  const env = readEnv();
  const [hook] = await getDb().select().from(webhooks).where(eq(webhooks.id, d.webhookId));
  const sentAt = new Date();
  let ok = false;
  let statusCode: number | null = null;
  let error: string | null = null;
  if (!hook) error = 'The webhook was deleted.';
  else {
    const body = JSON.stringify({ event: d.event, deliveredAt: sentAt.toISOString(), ...d.payload });
    const headers = {
      'content-type': 'application/json',
      'x-claimdesk-event': d.event,
      'x-claimdesk-delivery': String(d.id),
      'x-claimdesk-signature': signatureHeader(hook.secret, body, Math.floor(sentAt.getTime() / 1000)),
    };
    try {
      const res = await guardedPost(hook.url, body, headers, {
        allowHosts: options.allowHosts ?? env.WEBHOOK_ALLOW_HOSTS,
        timeoutMs: options.timeoutMs ?? 10_000,
        resolve: options.resolve,
      });
      statusCode = res.status;
      ok = res.status >= 200 && res.status < 300;
      if (!ok) error = `The receiver answered ${res.status}${res.body.trim() ? `: ${res.body.trim().slice(0, 200)}` : '.'}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  const attempts = d.attempts + 1;
  const next = ok ? null : nextAttemptAfter(attempts, new Date(), d.createdAt, options.retryBaseMs ?? env.WEBHOOK_RETRY_BASE_MS);
  await runInTransaction((tx) =>
    tx
      .update(webhookDeliveries)
      .set({
        attempts,
        status: ok ? 'delivered' : next ? 'pending' : 'failed',
        ...(next ? { nextAttemptAt: next } : {}),
        lockedUntil: null,
        lastAttemptAt: sentAt,
        lastStatusCode: statusCode,
        lastError: error,
        ...(ok ? { deliveredAt: new Date() } : {}),
      })
      .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.lockedUntil, d.lockedUntil!))),
  );
}
