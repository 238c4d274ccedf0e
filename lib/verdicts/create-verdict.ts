import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { parseInput } from '@/lib/validation';
import { createVerdictInput } from './verdict-input';
import { findVerdict, type Verdict } from './list-verdicts';
import { MANAGE_MESSAGE, assertLabelFree } from './label-free';

/** Adds a verdict at the end of the scale (admins). Throws Forbidden, Invalid, Conflict (label taken). */
export function createVerdict({ actor, input }: { actor: Actor; input: unknown }): Verdict {
  assertCan(actor, 'verdict:manage', MANAGE_MESSAGE);
  const data = parseInput(createVerdictInput, input);
  return getDb().transaction(
    (tx) => {
      assertLabelFree(tx, data.label);
      const last = tx.select({ sort: sql<number>`coalesce(max(${verdictScale.sort}), 0)` }).from(verdictScale).get()!.sort;
      const { id } = tx
        .insert(verdictScale)
        .values({ ...data, sort: last + 1 })
        .returning({ id: verdictScale.id })
        .get();
      return findVerdict(tx, id)!;
    },
    { behavior: 'immediate' },
  );
}
