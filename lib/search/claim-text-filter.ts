import { sql, type SQL } from 'drizzle-orm';
import { dbEngine, getDb, queryRows } from '@/db/client';
import { claims } from '@/db/schema';
import { ftsQuery, tsQuery } from './fts-query';

/**
 * The board's text filter (GET /api/claims?q=): a where-fragment over `claims` for claims whose text, quoted span,
 * rationale, claimant or article title contain every word of `q` (prefix match, numbers in each written form), on
 * the engine in use. Text with no searchable word matches nothing rather than silently dropping the filter.
 */
export function claimTextFilter(q: string): SQL {
  if (dbEngine() === 'postgres') {
    const query = tsQuery(q);
    // The column and its GIN index are outside the drizzle schema (db/migrations-pg/0002_search.sql).
    return query ? sql`${claims}.search @@ cast(${query} as tsquery)` : sql`1 = 0`;
  }
  const match = ftsQuery(q);
  // The unary + keeps SQLite from driving the query by the FTS id set, so it walks the sort index and stops at
  // one page instead of sorting every match (85k matches: 60 -> 22 ms; rare words stay ~3 ms).
  return match ? sql`+${claims.id} in (select rowid from claims_fts where claims_fts match ${match})` : sql`1 = 0`;
}

/** Newest claims sampled for a word's share, and the share from which testing row by row pays. */
const SAMPLE = 10_000;
const COMMON = 0.1;

/**
 * The same filter as a test of each row against the FTS index, or null when `claimTextFilter` is the better plan.
 * claimTextFilter reads every match into a set before the page is walked: 140 ms CPU at 1M claims for words in
 * 85% of them. Testing each row as the sort index is walked costs ~25 µs per word and row, so it pays when the
 * words are common (a page of 50 is found within a few hundred rows) and is ruinous when they are rare: it is
 * chosen when at least COMMON of the newest SAMPLE claims match. SQLite only (PostgreSQL's planner makes this choice
 * itself). Use it only where the rows walked are all claims in sort order (no other narrowing filter), or the share
 * sampled says nothing about the rows walked.
 */
export async function claimTextProbe(q: string): Promise<SQL | null> {
  const match = dbEngine() === 'sqlite' ? ftsQuery(q) : null;
  if (!match) return null;
  // The sample size is written into the SQL: with a bound number in the rowid bound, FTS5 read every match instead
  // of seeking to the rowid (measured 110 ms instead of 1 ms for words in 85% of 1M claims).
  const newest = sql`(select coalesce(max(id), 0) - ${sql.raw(String(SAMPLE))} from claims)`;
  const [{ n, total }] = await queryRows<{ n: number; total: number }>(
    getDb(),
    sql`select (select count(*) from claims_fts where claims_fts match ${match} and claims_fts.rowid > ${newest}) as n,
      (select count(*) from claims where id > ${newest}) as total`,
  );
  if (n < COMMON * total) return null;
  return sql`exists (select 1 from claims_fts where claims_fts.rowid = ${claims.id} and claims_fts match ${match})`;
}
