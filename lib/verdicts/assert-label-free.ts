import { and, ne, sql } from 'drizzle-orm';
import { verdictScale } from '@/db/schema';
import { Conflict } from '@/lib/errors';
import type { DbOrTx } from '@/db/client';

/** Throws Conflict when another verdict (other than `exceptId`) has the same label, ignoring case. */
export async function assertLabelFree(tx: DbOrTx, label: string, exceptId?: number): Promise<void> {
  const same = sql`lower(${verdictScale.label}) = lower(${label})`;
  const [taken] = await tx
    .select({ id: verdictScale.id })
    .from(verdictScale)
    .where(exceptId ? and(same, ne(verdictScale.id, exceptId)) : same)
    .limit(1);
  if (taken) throw Conflict(`There is already a verdict called "${label}".`);
}
