import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgBin } from '@/scripts/pg-cluster.mjs';
import { withAppDb } from '../e2e/app-db';
import { newTestDatabaseUrl } from '../test-database';

/**
 * `npm run db:backup` on PostgreSQL: with pg_dump on PATH it writes a custom-format dump that pg_restore reads back
 * into an empty database; without it, it prints the command to run (never the password) and exits 1, writing nothing.
 */
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
let dir: string;
let source: string;

function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(tsx, [script, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
}

const claimCount = async (url: string) =>
  (await withAppDb({ dbFile: url }, (db) => db.query<{ n: number }>('select cast(count(*) as integer) as n from claims')))[0].n;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pg-backup-'));
  source = await newTestDatabaseUrl();
  // The database `npm start` makes: migrations, demo accounts, sample articles and claims.
  const prepared = run('scripts/prepare-db.ts', [], { DATABASE_URL: source });
  expect(prepared.status, prepared.stderr).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('db:backup on PostgreSQL', () => {
  it('runs pg_dump when it is on PATH; pg_restore lists the dump and restores it with the same claims', async () => {
    const bin = pgBin();
    expect(bin, 'Debian postgresql package (pg_dump, pg_restore)').not.toBeNull();
    const PATH = `${bin}${path.delimiter}${process.env.PATH}`;
    const out = path.join(dir, 'claimdesk.dump');
    const backup = run('scripts/backup.ts', [out], { DATABASE_URL: source, PATH });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/pg_dump custom format, \d+ archive entries/);

    const list = spawnSync(path.join(bin!, 'pg_restore'), ['--list', out], { encoding: 'utf8' });
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/TABLE DATA public claims /);

    const restored = await newTestDatabaseUrl();
    const restore = spawnSync(path.join(bin!, 'pg_restore'), ['--no-owner', `--dbname=${restored}`, out], { encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    const claims = await claimCount(source);
    expect(claims).toBeGreaterThan(0);
    expect(await claimCount(restored)).toBe(claims);
  });

  it('without pg_dump on PATH prints the command to run, never the password, exits 1 and writes nothing', () => {
    // Only node on PATH (tsx starts with `#!/usr/bin/env node`): /usr/bin, where node lives, also holds pg_dump.
    const nodeOnly = fs.mkdtempSync(path.join(dir, 'bin-'));
    fs.symlinkSync(process.execPath, path.join(nodeOnly, 'node'));
    const url = new URL(source);
    url.password = 's3cret-pass';
    const out = path.join(dir, 'never.dump');
    const backup = run('scripts/backup.ts', [out], { DATABASE_URL: url.toString(), PATH: nodeOnly });
    expect(backup.status).toBe(1);
    expect(backup.stderr).toMatch(/pg_dump is not on PATH/);
    expect(backup.stderr).toContain(`pg_dump --format=custom --file=${out} --dbname="$DATABASE_URL"`);
    expect(backup.stderr).not.toContain('s3cret-pass');
    expect(fs.existsSync(out)).toBe(false);
  });
});
