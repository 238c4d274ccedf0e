import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { databasePath } from '@/lib/env';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

type Cache = { db?: Db; file?: string };
// Cached on globalThis so dev-mode hot reloads and route bundles share one connection.
const cache = globalThis as unknown as { __claimdesk?: Cache };
const state: Cache = (cache.__claimdesk ??= {});

/** Opens (once) the SQLite file named by DATABASE_URL with the pragmas DESIGN.md requires. */
export function getDb(): Db {
  const file = databasePath();
  if (state.db && state.file === file) return state.db;
  closeDb();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  cachePreparedStatements(sqlite);
  state.db = drizzle(sqlite, { schema }) as Db;
  state.file = file;
  return state.db;
}

/**
 * Reuses compiled statements by SQL text. Drizzle prepares every query afresh, and preparing was the largest
 * single cost of an API write in the claim-create benchmark. A statement still being iterated is not shared.
 */
function cachePreparedStatements(sqlite: Database.Database, max = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    // Drizzle switches statements to raw (array) rows when it wants them; start each use in the default mode.
    if (hit && !hit.busy) return hit.reader ? hit.raw(false) : hit;
    const stmt = prepare(source);
    if (!hit) {
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  }) as Database.Database['prepare'];
}

/** Closes the cached connection (tests and CLIs). */
export function closeDb(): void {
  state.db?.$client.close();
  state.db = undefined;
  state.file = undefined;
}

/** Applies the committed drizzle-kit migrations. */
export function migrateDb(db: Db = getDb()): void {
  migrate(db, { migrationsFolder: path.join(process.cwd(), 'db/migrations') });
}
