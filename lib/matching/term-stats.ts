import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { getDb, queryRows, sqliteClient } from '@/db/client';
import { databaseLabel } from '@/db/engine';
import { tsLexeme } from '@/lib/search/fts-query';

/**
 * How long a term's document count is reused. Counts only steer which words to query, so stale is fine: the cache
 * is per process, and with several app instances on one PostgreSQL database each keeps its own, missing the
 * others' writes for up to TTL_MS; a count that is off by the claims written meanwhile picks slightly different
 * words to query, never wrong results (every candidate is compared with the query afterwards).
 */
const TTL_MS = 10 * 60_000;
const MAX_CACHED = 20_000;

type Entry = { docs: number; at: number };
const cache = new Map<string, Entry>();
const prepared = new WeakMap<Database.Database, Database.Statement>();

/**
 * The statement counting documents per indexed term, through an fts5vocab table created per connection in the
 * temp schema (no migration: it is a view of claims_fts and holds no data).
 */
function countStatement(sqlite: Database.Database): Database.Statement {
  let stmt = prepared.get(sqlite);
  if (!stmt) {
    sqlite.exec(`create virtual table if not exists temp.claims_fts_terms using fts5vocab(main, 'claims_fts', 'row')`);
    stmt = sqlite.prepare('select coalesce(sum(doc), 0) as docs from temp.claims_fts_terms where term >= ? and term < ?');
    prepared.set(sqlite, stmt);
  }
  return stmt;
}

/** Above this many claims (estimated) a term can never fit a candidate budget, and counting it exactly is slow. */
const EXACT_BELOW = 5000;

/**
 * Claims containing `prefix` on PostgreSQL. Common words are estimated by the planner from the column's statistics
 * (most common lexemes, prefixes included: within 1% at 100k claims) instead of counted: counting reads every match
 * (85k claims for report*: 110 ms). Rarer words, the ones a query keeps, are counted through the GIN index.
 */
async function countPostgres(prefix: string, exact: boolean): Promise<number> {
  const match = sql`search @@ cast(${tsLexeme(prefix, !exact)} as tsquery)`;
  const [plan] = await queryRows<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
    getDb(),
    sql`explain (format json) select 1 from claims where ${match}`,
  );
  const estimate = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
  if (estimate >= EXACT_BELOW) return estimate;
  const [row] = await queryRows<{ docs: number }>(getDb(), sql`select cast(count(*) as integer) as docs from claims where ${match}`);
  return row.docs;
}

/**
 * Number of claims containing a word that starts with `prefix` (exactly `prefix` when `exact`), in any field of the
 * index. Counting reads the term's whole doclist (0.1-1 ms for common words at 100k claims on SQLite), so counts
 * are cached in process for TTL_MS.
 */
export async function documentFrequency(prefix: string, exact = false): Promise<number> {
  const key = `${databaseLabel()}\u0000${exact ? '=' : '*'}${prefix}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.docs;
  const sqlite = sqliteClient();
  let docs: number;
  if (sqlite) {
    const upper = exact ? `${prefix}\u0000` : `${prefix}\uffff`;
    docs = (countStatement(sqlite).get(prefix, upper) as { docs: number }).docs;
  } else {
    docs = await countPostgres(prefix, exact);
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, { docs, at: now });
  return docs;
}

/** Number of claims, cached like the term counts (the N of the inverse document frequency on PostgreSQL). */
export async function claimCount(): Promise<number> {
  const key = `${databaseLabel()}\u0000#`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.docs;
  const [row] = await queryRows<{ n: number }>(getDb(), sql`select cast(count(*) as integer) as n from claims`);
  cache.set(key, { docs: row.n, at: Date.now() });
  return row.n;
}
