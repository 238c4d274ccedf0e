import Database from 'better-sqlite3';
import pg from 'pg';

/** A value a statement may bind: booleans become 1/0 on SQLite, Dates epoch milliseconds on both engines. */
export type SqlParam = string | number | boolean | Date | null;

export type AppDb = {
  engine: 'sqlite' | 'postgres';
  /** The rows a statement returns (a select, or a write with `returning`); bigint columns come back as numbers. */
  query<T>(sql: string, params?: SqlParam[]): Promise<T[]>;
  /** Runs one statement. */
  exec(sql: string, params?: SqlParam[]): Promise<void>;
  close(): Promise<void>;
};

/**
 * Raw SQL on an app's database, SQLite file or PostgreSQL URL (`app.dbFile`), for what a test cannot do through
 * the app: reading what survived a crash, removing seeded rows, storing an article too large to import.
 * Write one statement both engines accept, with `?` placeholders on both (numbered $1..$n for PostgreSQL; a `?`
 * inside quotes is left alone, so keep them out of comments): "double-quoted" identifiers ("end" is reserved in
 * PostgreSQL), cast(count(*) as integer), booleans and timestamps as params, JSON as a string, `returning id`.
 */
export async function appDb(app: { dbFile: string }): Promise<AppDb> {
  return /^postgres(ql)?:\/\//i.test(app.dbFile) ? openPostgres(app.dbFile) : openSqlite(app.dbFile);
}

/** Opens the app's database, runs `body` and closes it again. */
export async function withAppDb<T>(app: { dbFile: string }, body: (db: AppDb) => Promise<T>): Promise<T> {
  const db = await appDb(app);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

function openSqlite(file: string): AppDb {
  // fileMustExist: a wrong path fails instead of quietly creating an empty database to read nothing from.
  const db = new Database(file, { fileMustExist: true });
  // As the app opens it: foreign keys enforced (as always on PostgreSQL), and waiting for the app's writes.
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const bind = (params: SqlParam[]) => params.map((p) => (typeof p === 'boolean' ? Number(p) : p instanceof Date ? p.getTime() : p));
  const run = <T>(sql: string, params: SqlParam[]): T[] => {
    const statement = db.prepare(sql);
    if (statement.reader) return statement.all(...bind(params)) as T[];
    statement.run(...bind(params));
    return [];
  };
  return {
    engine: 'sqlite',
    query: async (sql, params = []) => run(sql, params),
    exec: async (sql, params = []) => void run(sql, params),
    close: async () => void db.close(),
  };
}

/** bigint (epoch-millisecond timestamps, counts) and numeric as JS numbers, as the app reads them (db/client.ts). */
const NUMBERS = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (NUMBERS.has(oid) ? Number : pg.types.getTypeParser(oid, format)),
} as pg.CustomTypesConfig;

async function openPostgres(url: string): Promise<AppDb> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  const run = async <T>(sql: string, params: SqlParam[]): Promise<T[]> => {
    const values = params.map((p) => (p instanceof Date ? p.getTime() : p));
    return (await client.query(numberPlaceholders(sql), values)).rows as T[];
  };
  return {
    engine: 'postgres',
    query: (sql, params = []) => run(sql, params),
    exec: async (sql, params = []) => void (await run(sql, params)),
    close: () => client.end(),
  };
}

/** `?` placeholders as PostgreSQL's $1..$n, skipping '...' strings and "..." identifiers. */
function numberPlaceholders(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = '';
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null; // a doubled quote closes and reopens: still inside
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}
