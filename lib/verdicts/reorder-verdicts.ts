import { eq } from 'drizzle-orm';
import { runInTransaction } from '@/db/client';
import { verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { Invalid } from '@/lib/errors';
import { changedFields, recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/validation';
import { reorderVerdictsInput } from './verdict-input';
import { verdictScaleRows, type Verdict } from './list-verdicts';
import { MANAGE_MESSAGE } from './manage-message';

/** Puts the scale in the order of `ids`, which must list every verdict exactly once (admins). Returns the new scale. */
export async function reorderVerdicts({ actor, input }: { actor: Actor; input: unknown }): Promise<Verdict[]> {
  assertCan(actor, 'verdict:manage', MANAGE_MESSAGE);
  const { ids } = parseInput(reorderVerdictsInput, input);
  return runInTransaction(async (tx) => {
    const scale = await verdictScaleRows(tx);
    const current = scale.map((v) => v.id);
    const given = new Set(ids);
    if (given.size !== ids.length || ids.length !== current.length || current.some((id) => !given.has(id))) {
      throw Invalid('List every verdict of the scale exactly once.', { ids: 'Must list every verdict exactly once.' });
    }
    for (const [i, id] of ids.entries())
      await tx
        .update(verdictScale)
        .set({ sort: i + 1 })
        .where(eq(verdictScale.id, id));
    const label = new Map(scale.map((v) => [v.id, v.label]));
    const diff = changedFields({ order: current.map((id) => label.get(id)) }, { order: ids.map((id) => label.get(id)) });
    if (Object.keys(diff).length)
      await recordAudit(tx, { actorId: actor.id, action: 'verdict.reordered', summary: 'Reordered the verdict scale', diff });
    return verdictScaleRows(tx);
  });
}
