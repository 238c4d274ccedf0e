import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db/client';
import { CLAIM_STATUSES, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { visibleClaimSql } from '@/lib/settings/draft-visibility';

/** Counts for one week (keyed by status or verdict label), starting on `week` (a Monday, YYYY-MM-DD). */
export type WeekBucket = { week: string; counts: Record<string, number> };
/** The dashboard chart data: week labels, weekly buckets by status and by verdict, and the series to draw. */
export type ClaimStats = {
  weeks: string[];
  byStatus: WeekBucket[];
  byVerdict: WeekBucket[];
  verdicts: { label: string; color: string }[];
  statuses: readonly ClaimStatus[];
};

const DAY = 86_400_000;

/** Monday (UTC) of the week containing `ms`, as YYYY-MM-DD. */
export function weekStart(ms: number): string {
  const d = new Date(ms);
  const offset = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - offset)).toISOString().slice(0, 10);
}

/**
 * Claims over the last `weeks` weeks: created per week split by current status, and decided per week
 * split by verdict (verified claims by reviewed_at). Grouped in SQL; only the small buckets reach JS.
 */
export async function claimStats({ actor, weeks = 8, now = Date.now() }: { actor: Actor; weeks?: number; now?: number }): Promise<ClaimStats> {
  assertCan(actor, 'claim:read');
  const db = getDb();
  const labels = Array.from({ length: weeks }, (_, i) => weekStart(now - (weeks - 1 - i) * 7 * DAY));
  const since = Date.parse(`${labels[0]}T00:00:00Z`);
  const visible = visibleClaimSql(actor, 'c');
  // Week buckets in SQL: days since the Monday 1970-01-05, divided by 7.
  // Integer division on both engines (the timestamps are integers / bigints).
  type Row = { bucket: number; key: string; n: number };
  const [created, verified, verdicts] = await Promise.all([
    queryRows<Row>(
      db,
      sql`
      select (c.created_at - 345600000) / 604800000 as bucket, c.status as "key", cast(count(*) as integer) as n
      from claims c where c.created_at >= ${since} and ${visible} group by bucket, "key"`,
    ),
    queryRows<Row>(
      db,
      sql`
      select (c.reviewed_at - 345600000) / 604800000 as bucket, v.label as "key", cast(count(*) as integer) as n
      from claims c join verdict_scale v on v.id = c.verdict_id
      where c.status = 'verified' and c.reviewed_at >= ${since} and ${visible} group by bucket, "key"`,
    ),
    queryRows<{ label: string; color: string }>(db, sql`select label, color from verdict_scale order by sort`),
  ]);
  const toBuckets = (rows: Row[]): WeekBucket[] => {
    const map = new Map(labels.map((w) => [w, {} as Record<string, number>]));
    for (const r of rows) {
      const counts = map.get(weekStart(r.bucket * 7 * DAY + 4 * DAY));
      if (counts) counts[r.key] = (counts[r.key] ?? 0) + r.n;
    }
    return labels.map((week) => ({ week, counts: map.get(week)! }));
  };
  return { weeks: labels, byStatus: toBuckets(created), byVerdict: toBuckets(verified), verdicts, statuses: CLAIM_STATUSES };
}
