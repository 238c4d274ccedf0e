import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { dbEngine, getDb, queryRows } from '@/db/client';
import { claims } from '@/db/schema';

/** A filter on one claims column, written for any expression of it: the column, or `+column` (no index). */
export type ColumnFilter = { column: AnyColumn; where: (column: SQLWrapper) => SQL };

/** The filters as conditions on their columns (counts, and any query that reads every match anyway). */
export const columnConditions = (filters: ColumnFilter[]): SQL[] => filters.map((f) => f.where(f.column));

/**
 * How many matches of `claims` make reading and sorting them cost as much as walking the sort index for a page of
 * `limit` (limit * N / m rows): sqrt(limit * N). Fewer: read the matches; more: walk.
 */
export const breakEvenMatches = (limit: number, claims: number): number => Math.ceil(Math.sqrt(limit * claims));

/** breakEvenMatches for a page of `limit` over the claims there are now (N read as the newest id: no count). */
export async function pageBreakEven(limit: number): Promise<number> {
  const [{ newest }] = await queryRows<{ newest: number }>(getDb(), sql`select coalesce(max(${claims.id}), 0) as newest from ${claims}`);
  return breakEvenMatches(limit, newest);
}

/**
 * The filters as conditions for one sorted page, each kept off its index when it keeps many claims.
 *
 * SQLite keeps no table statistics here, so it drives a filtered page by the filter's index: it reads every claim
 * the filter keeps and sorts them all to return one page (1M claims: type=statistic 510 ms, assignee=none 770 ms,
 * four types 1.3 s). When a filter keeps m of N claims, walking the sort index and testing each row finds a page of
 * `limit` within about limit * N / m rows; the unary `+` keeps SQLite off the filter's index, so it walks
 * (0.1-4 ms for the same pages). Each filter's matches are counted up to the break-even point sqrt(limit * N),
 * where sorting m matches costs as much as walking limit * N / m rows, so a narrow filter (one article's claims)
 * keeps its index. Only for columns whose matches are spread over the sort order: a date range follows it.
 * SQLite only: PostgreSQL keeps statistics and makes this choice itself.
 */
export async function planColumnFilters(filters: ColumnFilter[], limit: number): Promise<SQL[]> {
  if (dbEngine() !== 'sqlite' || filters.length === 0) return columnConditions(filters);
  const db = getDb();
  const breakEven = await pageBreakEven(limit);
  const planned: SQL[] = [];
  for (const { column, where } of filters) {
    const [{ m }] = await queryRows<{ m: number }>(
      db,
      sql`select count(*) as m from (select 1 from ${claims} where ${where(column)} limit ${breakEven}) as probed`,
    );
    planned.push(where(m >= breakEven ? sql`+${column}` : column));
  }
  return planned;
}
