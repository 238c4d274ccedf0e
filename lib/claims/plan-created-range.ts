import { and, gt, gte, lt, lte, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { dbEngine, getDb, queryRows } from '@/db/client';
import { claims } from '@/db/schema';
import { pageBreakEven } from './plan-column-filters';

/** A created-date range: its ends, and its condition on any expression of claims.created_at (`+column`: no index). */
export type CreatedRange = { from?: Date; to?: Date; where: (createdAt: SQLWrapper) => SQL };

/** The board's `from` and `to` days (YYYY-MM-DD, UTC, both included) as a range; undefined when neither is set. */
export function createdRange(fromDay?: string, toDay?: string): CreatedRange | undefined {
  if (!fromDay && !toDay) return undefined;
  const from = fromDay ? new Date(`${fromDay}T00:00:00Z`) : undefined;
  const to = toDay ? new Date(`${toDay}T23:59:59.999Z`) : undefined;
  const at = (date: Date) => sql.param(date, claims.createdAt);
  return { from, to, where: (createdAt) => and(from && gte(createdAt, at(from)), to && lte(createdAt, at(to)))! };
}

/**
 * How one sorted page meets a created-date range: `walk` the sort index and test each row (the range kept off its
 * index), `read` the range through its index and sort it (the sort kept off its index), or `plain` (let the database
 * choose).
 */
export type RangePlan = 'plain' | 'walk' | 'read';

/** How many more matches than the break-even point the range and the claims past it are counted to (index only: a few ms at 1M). */
const COUNT_FACTOR = 20;

/**
 * Chooses between walking the sort index and reading the range for one sorted page, on SQLite (PostgreSQL keeps
 * statistics and chooses itself).
 *
 * Unlike the one-column filters (planColumnFilters), a date range is not spread over the sort order: the claims
 * created in March were mostly last changed in March too. Without statistics SQLite guessed, and at 1M claims walked
 * the last-changed index past nearly every claim for `to` alone (1.3-3 s), or read a week's range and sorted it when
 * those were the newest claims (90 ms). The indexes make both ways cheap where they fit: the last-changed indexes end
 * in created_at, so a walk tests the range before reading a claim, and the created index carries the status and
 * updated_at, so a read finds the page's ids in the index alone. Here, counting through the created index:
 * 1. the range keeps fewer claims than the break-even point: read them;
 * 2. fewer claims lie past the range on the walk's side (created after `to` when walking from the newest, before
 *    `from` from the oldest) than in it: a walk passes those first and then meets the range, so walk;
 * 3. otherwise the walk is tried on as many rows as the break-even point, for orders the dates do not follow (old
 *    claims edited this week; ids not handed out in creation order): a page of matches there, walk; none, read.
 * The counts stop at COUNT_FACTOR times the break-even point.
 *
 * @param after the keyset condition of the page (the walk starts there), if any
 */
export async function planCreatedRange(
  range: CreatedRange,
  sort: { column: AnyColumn; ascending: boolean; after?: SQL },
  limit: number,
): Promise<RangePlan> {
  if (dbEngine() !== 'sqlite') return 'plain';
  const db = getDb();
  const breakEven = await pageBreakEven(limit);
  const countTo = breakEven * COUNT_FACTOR;
  const count = async (where: SQL, cap: number) => {
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*) as n from (select 1 from ${claims} where ${where} limit ${cap}) as counted`,
    );
    return n;
  };
  const matches = await count(range.where(claims.createdAt), countTo);
  if (matches < breakEven) return 'read';
  const past = sort.ascending ? range.from && lt(claims.createdAt, range.from) : range.to && gt(claims.createdAt, range.to);
  if (!past || (await count(past, matches)) < matches) return 'walk';
  const direction = sql.raw(sort.ascending ? 'asc' : 'desc');
  const [{ hits }] = await queryRows<{ hits: number }>(
    db,
    sql`select count(*) as hits from (
      select 1 from (
        select ${claims.createdAt} as created_at from ${claims} ${sort.after ? sql`where ${sort.after}` : sql``}
        order by ${sort.column} ${direction}, ${claims.id} ${direction} limit ${breakEven}
      ) as walked where ${range.where(sql`walked.created_at`)} limit ${limit}
    ) as met`,
  );
  return hits >= limit ? 'walk' : 'read';
}
