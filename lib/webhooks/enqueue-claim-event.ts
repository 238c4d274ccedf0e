import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { claims, reviewEvents, type ReviewAction, type WebhookEvent } from '@/db/schema';
import { claimsAsJson } from '@/lib/export/claims-as-json';
import { publicOrigin } from '@/lib/export/public-origin';
import { enqueueDeliveries, subscribersOf } from './enqueue-deliveries';

/** The published judgement of a claim: a change to either is a changed verdict for a newsroom's other systems. */
const JUDGEMENT = ['verdictId', 'rationale'] as const;

/**
 * Queues the webhook deliveries a claim event causes (called by recordEvent, inside the change's transaction):
 * `claim.verified` on approval, `claim.rejected` on rejection, and `claim.verdict_changed` when a claim is approved
 * again with another verdict or rationale than it had when it was last verified. Editing a verified claim sends it
 * back to review (workflow.statusAfterEdit), so its new verdict is published, and announced, only once approved.
 */
export async function enqueueForClaimEvent(tx: DbOrTx, event: { claimId: number; action: ReviewAction }): Promise<void> {
  if (event.action !== 'approved' && event.action !== 'rejected') return;
  const kinds: WebhookEvent[] = event.action === 'approved' ? ['claim.verified', 'claim.verdict_changed'] : ['claim.rejected'];
  const targets = new Map<WebhookEvent, number[]>();
  for (const kind of kinds) {
    const ids = await subscribersOf(tx, kind);
    if (ids.length) targets.set(kind, ids);
  }
  if (targets.has('claim.verdict_changed') && !(await judgementChanged(tx, event.claimId))) targets.delete('claim.verdict_changed');
  if (targets.size === 0) return;
  const doc = (await claimsAsJson(tx, [event.claimId], ['verified', 'rejected'], publicOrigin())).get(event.claimId);
  if (!doc) return;
  for (const [kind, ids] of targets) {
    await enqueueDeliveries(tx, ids, { event: kind, claimId: event.claimId, articleId: doc.claim.article.id, payload: doc });
  }
}

/** Whether the verdict or rationale differs from what it was at the claim's previous approval (false on the first). */
async function judgementChanged(tx: DbOrTx, claimId: number): Promise<boolean> {
  const events = await tx
    .select({ action: reviewEvents.action, diff: reviewEvents.diff })
    .from(reviewEvents)
    .where(eq(reviewEvents.claimId, claimId))
    .orderBy(asc(reviewEvents.id));
  const approvals = events.flatMap((e, i) => (e.action === 'approved' ? [i] : []));
  if (approvals.length < 2) return false;
  // The value each field had at the previous approval is the `from` of its first edit after it.
  const before = new Map<string, unknown>();
  for (const e of events.slice(approvals[approvals.length - 2] + 1)) {
    for (const key of JUDGEMENT) {
      const change = e.diff?.[key];
      if (change && 'from' in change && !before.has(key)) before.set(key, change.from);
    }
  }
  if (before.size === 0) return false;
  const [now] = await tx.select({ verdictId: claims.verdictId, rationale: claims.rationale }).from(claims).where(eq(claims.id, claimId));
  return [...before].some(([key, value]) => now?.[key as (typeof JUDGEMENT)[number]] !== value);
}
