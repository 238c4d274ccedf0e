import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { webhooks, WEBHOOK_EVENTS } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { parseInput, plainText } from '@/lib/validation';
import type { Resolver } from '@/lib/net/guarded-fetch';
import { vetWebhookUrl } from './vet-webhook-url';
import { WEBHOOK_SECRET_MAX, WEBHOOK_SECRET_MIN, WEBHOOK_URL_MAX } from './limits';

export const createWebhookInput = z.strictObject({
  url: plainText().trim().min(1, 'Required.').max(WEBHOOK_URL_MAX, `Must be at most ${WEBHOOK_URL_MAX} characters.`),
  /** The HMAC key the receiver checks X-Claimdesk-Signature with; never shown again. */
  secret: plainText()
    .min(WEBHOOK_SECRET_MIN, `Use at least ${WEBHOOK_SECRET_MIN} characters.`)
    .max(WEBHOOK_SECRET_MAX, `Must be at most ${WEBHOOK_SECRET_MAX} characters.`),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choose at least one event.'),
});

/**
 * Registers a webhook (admin). The URL must pass the outgoing-request rules (vetWebhookUrl); a private address is a
 * 400 naming the reason. Throws Forbidden, Invalid.
 */
export async function createWebhook({ actor, input, resolve }: { actor: Actor; input: unknown; resolve?: Resolver }): Promise<{ id: number }> {
  assertCan(actor, 'settings:manage', 'Only admins manage webhooks.');
  const data = parseInput(createWebhookInput, input);
  // DNS before the transaction: no network I/O while it is open.
  const url = await vetWebhookUrl(data.url, { resolve });
  return runInTransaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ url, secret: data.secret, events: [...new Set(data.events)], createdBy: actor.id })
      .returning({ id: webhooks.id });
    return { id: row.id };
  });
}
