import { sql, type SQL } from 'drizzle-orm';
import { dbEngine } from '@/db/client';
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
