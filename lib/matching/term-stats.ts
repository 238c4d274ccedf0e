import type Database from 'better-sqlite3';

/** How long a term's document count is reused; counts only steer which words to query, so slightly stale is fine. */
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

/**
 * Number of claims containing a word that starts with `prefix` (exactly `prefix` when `exact`). Counting reads the
 * term's whole doclist (0.1-1 ms for common words at 100k claims), so counts are cached in process for TTL_MS.
 */
export function documentFrequency(sqlite: Database.Database, prefix: string, exact = false): number {
  const key = `${sqlite.name}\u0000${exact ? '=' : '*'}${prefix}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.docs;
  const upper = exact ? `${prefix}\u0000` : `${prefix}\uffff`;
  const { docs } = countStatement(sqlite).get(prefix, upper) as { docs: number };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, { docs, at: now });
  return docs;
}
