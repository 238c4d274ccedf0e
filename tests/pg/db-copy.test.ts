import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as pgSchema from '@/db/schema/pg';
import { withAppDb } from '../e2e/app-db';
import { apiLogin, startApp, type App } from '../e2e/harness';
import { newTestDatabaseUrl } from '../test-database';

/** `npm run db:copy`: the demo SQLite database moved into PostgreSQL, verified, then served by the app. */
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
let sqliteFile: string;
let target: string;
let app: App | undefined;

function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(tsx, [script, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
}

/** One statement on the copy (a PostgreSQL URL): the rows it returns. */
const query = <T>(url: string, text: string): Promise<T[]> => withAppDb({ dbFile: url }, (db) => db.query<T>(text));

beforeAll(async () => {
  sqliteFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-copy-')), 'claimdesk.db');
  // The database `npm start` makes: demo accounts, sample articles and claims at every status.
  const prepared = run('scripts/prepare-db.ts', [], { DATABASE_URL: sqliteFile });
  expect(prepared.status, prepared.stderr).toBe(0);
  target = await newTestDatabaseUrl();
}, 120_000);
afterAll(async () => {
  await app?.stop();
  fs.rmSync(path.dirname(sqliteFile), { recursive: true, force: true });
});

describe('db:copy', () => {
  it('copies every table, verifies counts and checksums, and keeps ids', async () => {
    const copied = run('scripts/db-copy.ts', ['--to', target], { DATABASE_URL: sqliteFile });
    expect(copied.status, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/counts and checksums match/);
    const lines = copied.stdout.split('\n').filter((l) => / rows {2}sha256 /.test(l));
    // One line per table of the schema (a fixed number went stale with each new table).
    expect(lines.length).toBe(Object.values(pgSchema).filter((t) => is(t, PgTable)).length);
    const claims = await query<{ id: number; status: string }>(target, 'select id, status from claims order by id');
    expect(claims.map((c) => c.status).sort()).toEqual(['draft', 'in_review', 'needs_changes', 'verified']);
    expect(copied.stdout).toMatch(/^claims\s+4 rows/m);
  });

  it('resets the id sequences, so new rows do not collide with copied ones', async () => {
    const [{ max }] = await query<{ max: number }>(target, 'select max(id)::int as max from review_events');
    const [{ id }] = await query<{ id: number }>(
      target,
      `insert into review_events (claim_id, actor_id, action) values (1, 1, 'commented') returning id`,
    );
    expect(id).toBe(max + 1);
  });

  it('refuses a target that already holds rows, and changes nothing there', async () => {
    const [before] = await query<{ n: number }>(target, 'select count(*)::int as n from review_events');
    const again = run('scripts/db-copy.ts', ['--to', target], { DATABASE_URL: sqliteFile });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
    const [after] = await query<{ n: number }>(target, 'select count(*)::int as n from review_events');
    expect(after.n).toBe(before.n);
  });

  it('refuses a target that is not a PostgreSQL URL, with usage', () => {
    const bad = run('scripts/db-copy.ts', ['--to', 'mysql://localhost/x'], { DATABASE_URL: sqliteFile });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/postgres:\/\//);
  });

  it('the app serves the copied database: demo sign-in works and the verified claim is there', async () => {
    app = await startApp({ DATABASE_URL: target });
    const cookie = await apiLogin(app.baseUrl, 'reviewer@example.com');
    const res = await fetch(`${app.baseUrl}/api/claims?status=verified`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { status: string; verdictLabel: string | null }[] };
    expect(body.items).toHaveLength(1);
    expect(body.items[0].verdictLabel).toBeTruthy();
  });
});
