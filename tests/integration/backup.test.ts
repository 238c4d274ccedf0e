import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAppDb } from '../e2e/app-db';

/**
 * `npm run db:backup` on SQLite (the PostgreSQL side is tests/pg/backup.test.ts). The database is a SQLite file on
 * either engine's run: the demo database `npm start` makes, built by scripts/prepare-db.ts.
 */
const root = path.resolve(__dirname, '../..');
let dir: string;
let source: string;

function backup(...args: string[]) {
  return spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/backup.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: source },
    encoding: 'utf8',
  });
}

/** Rows per table (FTS shadow tables included: a copy that lost its search index is not a backup). */
const rowCounts = (file: string): Promise<Record<string, number>> =>
  withAppDb({ dbFile: file }, async (db) => {
    const tables = await db.query<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
    const counts = await Promise.all(tables.map(({ name }) => db.query<{ n: number }>(`select count(*) as n from "${name}"`)));
    return Object.fromEntries(tables.map(({ name }, i) => [name, counts[i][0].n]));
  });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-'));
  source = path.join(dir, 'claimdesk.db');
  const prepared = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/prepare-db.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: source },
    encoding: 'utf8',
  });
  expect(prepared.status, prepared.stderr).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('db:backup on SQLite', () => {
  it('writes a copy that passes integrity_check and opens with the same row count in every table', async () => {
    const out = path.join(dir, 'nested/folder/copy.db');
    const run = backup(out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/integrity ok/);
    const before = await rowCounts(source);
    expect(before.claims).toBeGreaterThan(0);
    expect(Object.keys(before)).toContain('users');
    expect(await rowCounts(out)).toEqual(before);
  });

  it('never overwrites an existing file', () => {
    const out = path.join(dir, 'taken.db');
    fs.writeFileSync(out, 'keep me');
    const run = backup(out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('names its usage and exits 2 without a file name', () => {
    const run = backup();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Usage: npm run -s db:backup -- FILE/);
  });
});
