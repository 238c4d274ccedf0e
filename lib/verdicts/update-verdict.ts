import { eq } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';
import { updateVerdictInput } from './verdict-input';
import { findVerdict, type Verdict } from './list-verdicts';
import { MANAGE_MESSAGE } from './manage-message';
import { assertLabelFree } from './assert-label-free';

/** Renames, recolours, re-rates, retires or un-retires a verdict (admins). Throws Forbidden, NotFound, Invalid, Conflict. */
export async function updateVerdict({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<Verdict> {
  assertCan(actor, 'verdict:manage', MANAGE_MESSAGE);
  const data = parseInput(updateVerdictInput, input);
  return runInTransaction(async (tx) => {
    const before = await findVerdict(tx, id);
    if (!before) throw NotFound('Verdict');
    if (data.label !== undefined) await assertLabelFree(tx, data.label, id);
    const diff = changedFields(before, data);
    if (Object.keys(diff).length) {
      await tx
        .update(verdictScale)
        .set(Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to])))
        .where(eq(verdictScale.id, id));
      await recordAudit(tx, { actorId: actor.id, action: 'verdict.updated', entityId: id, summary: `Changed verdict “${before.label}”`, diff });
    }
    return (await findVerdict(tx, id))!;
  });
}
