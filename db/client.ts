import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as sqliteSchema from './schema/sqlite';
import * as pgSchema from './schema/pg';
import { databaseTarget } from './engine';

/**
 * The database handle services use, typed as the SQLite one on both engines (see db/schema/index.ts). Write
 * queries that both drivers run the same way: `await` the builder (never `.get()`, `.all()`, `.run()`, which only
 * SQLite has), `.returning()` for what a write changed, `queryRows` for raw SQL.
 */
export type Db = Omit<BetterSQLite3Database<typeof sqliteSchema>, '$client' | 'transaction'>;
/** A handle that may be inside a transaction; on both engines the same type as Db. */
export type DbOrTx = Db;

type PgDb = NodePgDatabase<typeof pgSchema> & { $client: pg.Pool };
type SqliteDb = BetterSQLite3Database<typeof sqliteSchema> & { $client: Database.Database };
type Open = { key: string; engine: 'sqlite'; db: SqliteDb } | { key: string; engine: 'postgres'; db: PgDb };

// Cached on globalThis so dev-mode hot reloads and route bundles share one connection (pool).
const cache = globalThis as unknown as { __claimdesk?: { open?: Open } };
const state = (cache.__claimdesk ??= {});
/** The transaction the current async call chain runs in (getDb() returns it, so nested services join it). */
const scope = new AsyncLocalStorage<{ tx: Db; savepoints: number }>();

function open(): Open {
  const target = databaseTarget();
  const key = target.engine === 'postgres' ? target.url : target.file;
  if (state.open?.key === key) return state.open;
  void closeDb();
  if (target.engine === 'postgres') {
    // bigint (counts, epoch-millisecond timestamps) and numeric (sums) as JS numbers, as SQLite returns them; both
    // stay far below 2^53 here.
    pg.types.setTypeParser(pg.types.builtins.INT8, Number);
    pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
    // Max 10 connections per instance; PostgreSQL's default 100 serves several instances plus tools.
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    state.open = { key, engine: 'postgres', db: drizzlePg(pool, { schema: pgSchema }) as PgDb };
  } else {
    state.open = { key, engine: 'sqlite', db: openSqlite(target.file) };
  }
  return state.open;
}

/**
 * Opens the SQLite file: WAL (readers never wait for the writer), foreign keys enforced, a busy timeout, and
 * synchronous=NORMAL (durable enough with WAL, much faster than FULL).
 */
function openSqlite(file: string): SqliteDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  cachePreparedStatements(sqlite);
  return drizzleSqlite(sqlite, { schema: sqliteSchema }) as SqliteDb;
}

/** The database named by DATABASE_URL (opened once), or the current transaction when called inside one. */
export function getDb(): Db {
  return scope.getStore()?.tx ?? (open().db as unknown as Db);
}

/** The engine in use: for the few places that must say something different to each (search, streaming, backups). */
export function dbEngine(): 'sqlite' | 'postgres' {
  return open().engine;
}

/** The raw better-sqlite3 connection, or null on PostgreSQL (SQLite-only paths: fts5vocab, backups). */
export function sqliteClient(): Database.Database | null {
  const o = open();
  return o.engine === 'sqlite' ? o.db.$client : null;
}

/** The raw pg pool, or null on SQLite (streamed exports use a cursor on it). */
export function pgPool(): pg.Pool | null {
  const o = open();
  return o.engine === 'postgres' ? o.db.$client : null;
}

/**
 * Runs `body` in one transaction and returns its result; a throw rolls everything back. Calls nested inside a
 * body (directly or through another service) join it as a savepoint.
 *
 * SQLite: drizzle's better-sqlite3 transactions are synchronous and would commit before an async body's awaits
 * run, so this issues BEGIN IMMEDIATE / COMMIT itself. Transactions are queued one at a time (SQLite has one
 * writer, and the connection is shared by the process); a body must not await anything but the database, or
 * other requests' statements would run inside it.
 * PostgreSQL: SERIALIZABLE, retried on a serialization failure, so read-then-write rules (version checks, the last
 * admin, throttle counters) hold exactly as under SQLite's single writer, across any number of app instances.
 */
export async function runInTransaction<T>(body: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const current = scope.getStore();
  if (current) return savepoint(current, body);
  const o = open();
  if (o.engine === 'postgres') return pgTransaction(o.db, body);
  return sqliteTransaction(o.db, body);
}

let sqliteQueue: Promise<unknown> = Promise.resolve();

async function sqliteTransaction<T>(db: SqliteDb, body: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const previous = sqliteQueue;
  let release!: () => void;
  sqliteQueue = new Promise<void>((resolve) => (release = resolve));
  await previous;
  try {
    const tx = db as unknown as Db;
    return await scope.run({ tx, savepoints: 0 }, async () => {
      db.run(sql`begin immediate`);
      try {
        const result = await body(tx);
        db.run(sql`commit`);
        return result;
      } catch (err) {
        if (db.$client.inTransaction) db.run(sql`rollback`);
        throw err;
      }
    });
  } finally {
    release();
  }
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected
// Bursts of logins from several instances at once needed more than 8 tries in a measurement; 16 with a growing,
// jittered backoff (at most ~100 ms a wait) never gave up there.
const MAX_ATTEMPTS = 16;

async function pgTransaction<T>(db: PgDb, body: (tx: DbOrTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => scope.run({ tx: tx as unknown as Db, savepoints: 0 }, () => body(tx as unknown as Db)), {
        isolationLevel: 'serializable',
      });
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(pgErrorCode(err) ?? '')) throw err;
      // Back off, growing and jittered, so the retried transactions do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
    }
  }
}

async function savepoint<T>(current: { tx: Db; savepoints: number }, body: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const name = sql.raw(`sp${++current.savepoints}`);
  const tx = current.tx;
  await execute(tx, sql`savepoint ${name}`);
  try {
    const result = await body(tx);
    await execute(tx, sql`release savepoint ${name}`);
    return result;
  } catch (err) {
    await execute(tx, sql`rollback to savepoint ${name}`);
    throw err;
  }
}

/** Rows of a raw SQL query on either engine (write portable SQL: cast(... as integer), "quoted" identifiers). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  if (dbEngine() === 'postgres') return ((await (db as unknown as PgDb).execute(query)) as unknown as { rows: T[] }).rows;
  return (db as unknown as SqliteDb).all<T>(query);
}

/** Runs a raw SQL statement on either engine. */
export async function execute(db: DbOrTx, query: SQL): Promise<void> {
  if (dbEngine() === 'postgres') await (db as unknown as PgDb).execute(query);
  else (db as unknown as SqliteDb).run(query);
}

/** How many rows an awaited update or delete changed (SQLite's `changes`, PostgreSQL's `rowCount`). */
export function affectedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/** True for a unique or primary-key violation on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  if (pgErrorCode(err) === '23505') return true;
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}

/** The SQLSTATE of a PostgreSQL error (drizzle wraps driver errors; the code is on the cause). */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
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

/** Closes the cached connection or pool (tests and CLIs). */
export async function closeDb(): Promise<void> {
  const o = state.open;
  state.open = undefined;
  if (o?.engine === 'sqlite') o.db.$client.close();
  if (o?.engine === 'postgres') await o.db.$client.end();
}

const MIGRATION_LOCK = 7_243_100; // any constant; one advisory lock so instances starting together migrate once

/** Applies the committed drizzle-kit migrations of the engine in use. */
export async function migrateDb(): Promise<void> {
  const o = open();
  if (o.engine === 'sqlite') {
    migrateSqlite(o.db, { migrationsFolder: path.join(process.cwd(), 'db/migrations') });
    return;
  }
  const lock = await o.db.$client.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(o.db, { migrationsFolder: path.join(process.cwd(), 'db/migrations-pg') });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
}
