import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { verdictScale } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import type { DbOrTx } from '@/db/client';

/** One step of the verdict scale; `claimCount` is how many claims use it (which is why it cannot be deleted). */
export type Verdict = {
  id: number;
  label: string;
  rating: number;
  color: string;
  sort: number;
  retired: boolean;
  /** Exported without a ratingValue (outside the true/false axis). */
  unrated: boolean;
  claimCount: number;
};

const verdictColumns = {
  id: verdictScale.id,
  label: verdictScale.label,
  rating: verdictScale.rating,
  color: verdictScale.color,
  sort: verdictScale.sort,
  retired: verdictScale.retired,
  unrated: verdictScale.unrated,
  // Written out in full: inside a single-table select drizzle leaves column names unqualified, which would bind to claims.
  claimCount: sql<number>`(select cast(count(*) as integer) from "claims" as "c" where "c"."verdict_id" = "verdict_scale"."id")`,
};

/** The whole scale in display order, retired steps included, with usage counts (one query). */
export async function verdictScaleRows(db: DbOrTx): Promise<Verdict[]> {
  return db.select(verdictColumns).from(verdictScale).orderBy(asc(verdictScale.sort), asc(verdictScale.id));
}

/** The verdict scale in order (retired ones flagged, for showing existing claims); any signed-in role may read it. */
export async function listVerdicts({ actor }: { actor: Actor }): Promise<Verdict[]> {
  assertCan(actor, 'claim:read');
  return verdictScaleRows(getDb());
}

/** One verdict with its usage count, or undefined. */
export async function findVerdict(db: DbOrTx, id: number): Promise<Verdict | undefined> {
  const [row] = await db.select(verdictColumns).from(verdictScale).where(eq(verdictScale.id, id));
  return row;
}
