import { eq } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { webhooks } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';

/** Deletes a webhook and its delivery log (admin); a try in flight is not recorded. Throws Forbidden, NotFound. */
export async function deleteWebhook({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  assertCan(actor, 'settings:manage', 'Only admins manage webhooks.');
  await runInTransaction(async (tx) => {
    const deleted = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    if (deleted.length === 0) throw NotFound('Webhook');
  });
}
