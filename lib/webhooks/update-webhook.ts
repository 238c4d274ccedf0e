import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { webhooks, WEBHOOK_EVENTS } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

export const updateWebhookInput = z.strictObject({
  /** false pauses it: nothing new is queued and its pending deliveries wait (until 24 h after queueing). */
  active: z.boolean().optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choose at least one event.').optional(),
});

/** Turns a webhook off or on, or changes its events (admin). Throws Forbidden, Invalid, NotFound. */
export async function updateWebhook({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<void> {
  assertCan(actor, 'settings:manage', 'Only admins manage webhooks.');
  const data = parseInput(updateWebhookInput, input);
  await runInTransaction(async (tx) => {
    const [hook] = await tx.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, id));
    if (!hook) throw NotFound('Webhook');
    const changes = { ...(data.active === undefined ? {} : { active: data.active }), ...(data.events ? { events: [...new Set(data.events)] } : {}) };
    if (Object.keys(changes).length) await tx.update(webhooks).set(changes).where(eq(webhooks.id, id));
  });
}
