import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import Cursor from 'pg-cursor';
import { dbEngine, pgPool, queryRows, type DbOrTx } from '@/db/client';
import { databasePath } from '@/lib/env';

/** Where an export reads its rows: one consistent snapshot, small results at once, the claims a batch at a time. */
export type ExportReader = {
  all<T>(query: SQL): Promise<T[]>;
  /** The rows of `query` without holding them all; stopping early (return()) frees the cursor. */
  rows<T>(query: SQL): AsyncGenerator<T, void, undefined>;
  /**
   * Like rows, each row as an array of its columns in SELECT order (no object with named keys per row), a batch of rows
   * at a time: the export's hot path, where one await per row cost more than a fifth of reading the rows.
   */
  tupleBatches(query: SQL): AsyncGenerator<unknown[][], void, undefined>;
  /** Ends the snapshot and frees the connection; safe to call more than once. */
  close(): Promise<void>;
};

/** Rows per batch (and per round trip from a PostgreSQL cursor): memory holds one batch, not the export. */
const BATCH = 500;

/**
 * A dedicated read-only snapshot for one export, on the engine in use. Close it when done (exportClaims does, also
 * when the download is cancelled).
 *
 * SQLite: its own read-only connection. better-sqlite3 refuses other statements on a connection while a cursor is
 * open, so streaming over the shared app connection would break concurrent requests; in WAL mode the reader's read
 * transaction sees one snapshot and never blocks writers.
 * PostgreSQL: a pooled connection in a REPEATABLE READ, READ ONLY transaction (one snapshot for every query of the
 * export), rows read through a server-side cursor; the connection goes back to the pool on close.
 */
export async function openExportReader(): Promise<ExportReader> {
  return dbEngine() === 'postgres' ? openPostgresReader() : openSqliteReader();
}

function openSqliteReader(file = databasePath()): ExportReader {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.exec('begin');
  const dialect = new SQLiteSyncDialect();
  const prepare = (query: SQL) => {
    const { sql, params } = dialect.sqlToQuery(query);
    return { stmt: sqlite.prepare(sql), params };
  };
  return {
    async all<T>(query: SQL) {
      const { stmt, params } = prepare(query);
      return stmt.all(...params) as T[];
    },
    async *rows<T>(query: SQL) {
      const { stmt, params } = prepare(query);
      yield* stmt.iterate(...params) as IterableIterator<T>;
    },
    async *tupleBatches(query: SQL) {
      const { stmt, params } = prepare(query);
      let batch: unknown[][] = [];
      for (const row of stmt.raw(true).iterate(...params) as IterableIterator<unknown[]>) {
        if (batch.push(row) === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    async close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

async function openPostgresReader(): Promise<ExportReader> {
  const client = await pgPool()!.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  const dialect = new PgDialect();
  let released = false;
  async function* readCursor<T>(query: SQL, rowMode?: 'array'): AsyncGenerator<T[], void, undefined> {
    const { sql, params } = dialect.sqlToQuery(query);
    const cursor = client.query(new Cursor<T>(sql, params, rowMode ? { rowMode } : undefined));
    try {
      for (let batch = await cursor.read(BATCH); batch.length; batch = await cursor.read(BATCH)) yield batch;
    } finally {
      await cursor.close();
    }
  }
  return {
    async all<T>(query: SQL) {
      const { sql, params } = dialect.sqlToQuery(query);
      return (await client.query(sql, params)).rows as T[];
    },
    async *rows<T>(query: SQL) {
      for await (const batch of readCursor<T>(query)) yield* batch;
    },
    tupleBatches: (query: SQL) => readCursor<unknown[]>(query, 'array'),
    async close() {
      if (released) return;
      released = true;
      // A connection whose transaction cannot end cleanly is dropped rather than handed to the next request.
      try {
        await client.query('rollback');
        client.release();
      } catch (error) {
        client.release(error as Error);
      }
    },
  };
}

/** A reader over the app's own connection, for a query of a few rows (the public fact-check page). */
export function sharedReader(db: DbOrTx): ExportReader {
  return {
    all: <T>(query: SQL) => queryRows<T>(db, query),
    async *rows<T>(query: SQL) {
      yield* await queryRows<T>(db, query);
    },
    async *tupleBatches(query: SQL) {
      // Column order is the SELECT's (every export column has its own alias).
      yield (await queryRows<Record<string, unknown>>(db, query)).map((row) => Object.values(row));
    },
    async close() {},
  };
}
