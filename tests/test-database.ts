import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Where a test gets a new, empty database: a temp SQLite file by default, or a new database in the throwaway
 * PostgreSQL cluster that `npm run test:pg` starts (it sets PG_TEST_ADMIN_URL). Returns the DATABASE_URL to use.
 */
export async function newTestDatabaseUrl(): Promise<string> {
  const admin = process.env.PG_TEST_ADMIN_URL;
  if (!admin) return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-test-')), 'test.db');
  const name = `claimdesk_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** True when the suite runs on PostgreSQL (npm run test:pg). */
export const onPostgres = Boolean(process.env.PG_TEST_ADMIN_URL);
