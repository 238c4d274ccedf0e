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
  return createPgDatabase(admin, '');
}

/** A new database holding what the (closed) database at `templateUrl` holds: a file copy, or PostgreSQL's TEMPLATE. */
export async function copyTestDatabase(templateUrl: string): Promise<string> {
  const admin = process.env.PG_TEST_ADMIN_URL;
  if (!admin) {
    const file = await newTestDatabaseUrl();
    fs.copyFileSync(templateUrl, file);
    // Closing checkpoints the write-ahead log into the file; copy one left behind all the same.
    if (fs.existsSync(`${templateUrl}-wal`)) fs.copyFileSync(`${templateUrl}-wal`, `${file}-wal`);
    return file;
  }
  return createPgDatabase(admin, ` template "${new URL(templateUrl).pathname.slice(1)}"`);
}

async function createPgDatabase(admin: string, templateClause: string): Promise<string> {
  const name = `claimdesk_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // A template must have no sessions; the one just closed can take a moment to leave (55006: object in use).
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`create database "${name}"${templateClause}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** True when the suite runs on PostgreSQL (npm run test:pg). */
export const onPostgres = Boolean(process.env.PG_TEST_ADMIN_URL);
