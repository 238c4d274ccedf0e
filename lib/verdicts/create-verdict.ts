import { sql } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';
import { createVerdictInput } from './verdict-input';
import { findVerdict, type Verdict } from './list-verdicts';
import { MANAGE_MESSAGE } from './manage-message';
import { assertLabelFree } from './assert-label-free';

/** Adds a verdict at the end of the scale (admins). Throws Forbidden, Invalid, Conflict (label taken). */
export async function createVerdict({ actor, input }: { actor: Actor; input: unknown }): Promise<Verdict> {
  assertCan(actor, 'verdict:manage', MANAGE_MESSAGE);
  const data = parseInput(createVerdictInput, input);
  return runInTransaction(async (tx) => {
    await assertLabelFree(tx, data.label);
    const [{ last }] = await tx.select({ last: sql<number>`coalesce(max(${verdictScale.sort}), 0)` }).from(verdictScale);
    const [{ id }] = await tx
      .insert(verdictScale)
      .values({ ...data, sort: last + 1 })
      .returning({ id: verdictScale.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'verdict.created',
      entityId: id,
      summary: `Added verdict “${data.label}”`,
      diff: changedFields(null, data),
    });
    return (await findVerdict(tx, id))!;
  });
}
