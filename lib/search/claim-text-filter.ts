import { sql, type SQL } from 'drizzle-orm';
import { dbEngine, getDb, queryRows } from '@/db/client';
import { claims } from '@/db/schema';
import { ftsQuery, tsQuery } from './fts-query';
import { breakEvenMatches } from '@/lib/claims/plan-column-filters';

/**
 * The board's text filter (GET /api/claims?q=): a where-fragment over `claims` for claims whose text, quoted span,
 * rationale, claimant or article title contain every word of `q` (prefix match, numbers in each written form), on
 * the engine in use. Text with no searchable word matches nothing rather than silently dropping the filter.
 */
export function claimTextFilter(q: string, options: { byMatches?: boolean } = {}): SQL {
  if (dbEngine() === 'postgres') {
    const query = tsQuery(q);
    // The column and its GIN index are outside the drizzle schema (db/migrations-pg/0002_search.sql).
    return query ? sql`${claims}.search @@ cast(${query} as tsquery)` : sql`1 = 0`;
  }
  const match = ftsQuery(q);
  // The unary + keeps SQLite from driving the query by the FTS id set, so it walks the sort index and stops at
  // one page instead of sorting every match (85k matches: 60 -> 22 ms). `byMatches` drives by the id set, for words
  // too rare for a walk to meet a page's worth soon (a word in no claim walked all 1M claims: 50-80 ms).
  const id = options.byMatches ? sql`${claims.id}` : sql`+${claims.id}`;
  return match ? sql`${id} in (select rowid from claims_fts where claims_fts match ${match})` : sql`1 = 0`;
}

/**
 * What a count under `q` reads: the FROM of a query over claims, and the text condition. On SQLite the FTS matches
 * are joined to claims and read lazily, so a count that stops at COUNT_CAP reads about that many (an `in` over the
 * match set reads every match first: a word in 20% of 1M claims, 60 -> 23 ms). On PostgreSQL: claims, filtered.
 */
export function claimTextSource(q: string): { from: SQL; where: SQL } {
  if (dbEngine() === 'postgres') return { from: sql`${claims}`, where: claimTextFilter(q) };
  const match = ftsQuery(q);
  if (!match) return { from: sql`${claims}`, where: sql`1 = 0` };
  return { from: sql`claims_fts join ${claims} on ${claims.id} = claims_fts.rowid`, where: sql`claims_fts match ${match}` };
}

/** Newest claims sampled for the words' share of the claims. */
const SAMPLE = 10_000;
/** Cost of testing one row against the index, in claims read into the match set (~40 µs vs ~0.15 µs, measured). */
const PROBE_COST = 250;

/**
 * The same filter as a test of each row against the FTS index, or driven by the matches for rare words, or null
 * when `claimTextFilter` is the better plan.
 * claimTextFilter reads every match into a set before the page is walked (140 ms CPU for words in 85% of 1M
 * claims); testing rows as the sort index is walked costs PROBE_COST times as much per row, but stops after the
 * page. With a share s of N claims matching, a page of `limit` costs s * N against limit / s * PROBE_COST: the
 * row tests win when s > sqrt(limit * PROBE_COST / N) (1M claims, 50 a page: 11%; 100k: 36%). s is the share among
 * the newest SAMPLE claims. SQLite only (PostgreSQL's planner makes this choice itself). Use it only where the rows
 * walked are all claims from the newest (no other narrowing filter), or the share sampled says nothing about them.
 */
export async function claimTextProbe(q: string, limit: number): Promise<SQL | null> {
  const match = dbEngine() === 'sqlite' ? ftsQuery(q) : null;
  if (!match) return null;
  // The sample size is written into the SQL: with a bound number in the rowid bound, FTS5 read every match instead
  // of seeking to the rowid (measured 110 ms instead of 1 ms for words in 85% of 1M claims).
  const from = sql`(select coalesce(max(id), 0) - ${sql.raw(String(SAMPLE))} from claims)`;
  const [{ n, sampled, newest }] = await queryRows<{ n: number; sampled: number; newest: number }>(
    getDb(),
    sql`select (select count(*) from claims_fts where claims_fts match ${match} and claims_fts.rowid > ${from}) as n,
      (select count(*) from claims where id > ${from}) as sampled, (select coalesce(max(id), 0) from claims) as newest`,
  );
  if (sampled === 0) return null;
  // Rare words: reading and sorting their few matches beats walking far for a page (breakEvenMatches), unless the
  // word is common among older claims: counted up to there.
  const breakEven = breakEvenMatches(limit, newest);
  if (n / sampled < breakEven / newest) {
    const [{ m }] = await queryRows<{ m: number }>(
      getDb(),
      sql`select count(*) as m from (select rowid from claims_fts where claims_fts match ${match} limit ${breakEven}) as probed`,
    );
    return m < breakEven ? claimTextFilter(q, { byMatches: true }) : null;
  }
  // Words in most claims are always tested row by row: a page is then found within a few more rows than it holds.
  if (n / sampled <= Math.min(0.8, Math.sqrt((limit * PROBE_COST) / newest))) return null;
  return sql`exists (select 1 from claims_fts where claims_fts.rowid = ${claims.id} and claims_fts match ${match})`;
}
