import path from 'node:path';

/**
 * Which database DATABASE_URL names: a `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a
 * SQLite file path (or `file:` URL), relative to the working directory. Read on each call: integration tests point
 * DATABASE_URL at a new database per file. The engine itself never changes inside one process.
 */
export type DatabaseTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export const DEFAULT_DATABASE_URL = 'data/claimdesk.db';

export function databaseTarget(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { engine: 'postgres', url };
  return { engine: 'sqlite', file: path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.replace(/^file:/, '')) };
}

export function isPostgres(): boolean {
  return databaseTarget().engine === 'postgres';
}

/** The database for messages: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLabel(): string {
  const target = databaseTarget();
  return target.engine === 'sqlite' ? target.file : target.url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
