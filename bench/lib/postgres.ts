import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { copySqliteToPostgres } from '@/db/copy';
import { pgBin, PG_INSTALL_HINT, startCluster, type Cluster } from '@/scripts/pg-cluster.mjs';
import type { BenchResult } from './context';
import { ROOT } from './server';
import { round } from './stats';

export type PgCopy = { url: string; copyMs: number; rows: number };

/**
 * The PostgreSQL side of a run: one throwaway cluster (scripts/pg-cluster.mjs), started on first use, and one
 * database per bench data set, copied from the seeded SQLite file with copySqliteToPostgres so both engines hold
 * the same rows. `unavailable()` says why there is no PostgreSQL run (not installed, or it did not start).
 */
export class PgBench {
  private cluster: Promise<Cluster | { error: string }> | null = null;
  private copies = new Map<string, Promise<PgCopy>>();

  private start(): Promise<Cluster | { error: string }> {
    this.cluster ??= pgBin()
      ? startCluster().catch((error: unknown) => ({ error: String(error instanceof Error ? error.message : error).slice(0, 1000) }))
      : Promise.resolve({ error: `PostgreSQL is not installed. ${PG_INSTALL_HINT}` });
    return this.cluster;
  }

  /** null when PostgreSQL runs are possible, else the reason (with how to install it). */
  async unavailable(): Promise<string | null> {
    const c = await this.start();
    return 'error' in c ? c.error : null;
  }

  /** A database `bench_<key>` holding a copy of the SQLite `file` (once per run and key). */
  copy(key: string, file: string): Promise<PgCopy> {
    if (!this.copies.has(key)) {
      this.copies.set(
        key,
        (async () => {
          const c = await this.start();
          if ('error' in c) throw new Error(c.error);
          const name = `bench_${key.replace(/\W/g, '_')}`;
          const admin = new pg.Client({ connectionString: c.adminUrl });
          await admin.connect();
          try {
            await admin.query(`create database "${name}"`);
          } finally {
            await admin.end();
          }
          const url = c.adminUrl.replace(/\/postgres$/, `/${name}`);
          const started = performance.now();
          const tables = await copySqliteToPostgres(file, url);
          const copyMs = round(performance.now() - started, 0);
          console.error(`Copied ${key} into PostgreSQL in ${round(copyMs / 1000, 1)} s.`);
          return { url, copyMs, rows: tables.reduce((n, t) => n + t.rows, 0) };
        })(),
      );
    }
    return this.copies.get(key)!;
  }

  /** Stops the cluster and deletes its folder (also happens on exit or Ctrl-C, see scripts/pg-cluster.mjs). */
  async stop(): Promise<void> {
    const c = this.cluster ? await this.cluster : null;
    if (c && !('error' in c)) c.stop();
  }
}

/**
 * Runs `bench/run-pg-child.ts NAME ...args` with DATABASE_URL = `url` and returns the JSON it prints last: the
 * engine is fixed per process (db/schema picks its tables on first import), so in-process benches measure
 * PostgreSQL in a process of their own.
 */
export function runPgChild<T>(name: string, url: string, args: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bench/run-pg-child.ts', name, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !/^[[{]/.test(last)) return reject(new Error(`run-pg-child ${name} exited with ${code}:\n${err.slice(-3000)}`));
      resolve(JSON.parse(last) as T);
    });
  });
}

/** The `NAME:postgres` line when PostgreSQL cannot run: status 'not available' with the reason, never a failure. */
export function pgNotAvailable(name: string, why: string, goal: string): BenchResult {
  return {
    name: `${name}:postgres`,
    status: 'not available',
    params: {},
    figures: {},
    baseline: {},
    ratio: {},
    goal: { target: goal, met: null },
    notes: [why],
  };
}

/** The `NAME:postgres` line when the PostgreSQL run itself broke (the SQLite lines still stand). */
export function pgFailed(name: string, error: unknown): BenchResult {
  const note = String(error instanceof Error ? (error.stack ?? error.message) : error).slice(0, 2000);
  return {
    name: `${name}:postgres`,
    status: 'failed',
    params: {},
    figures: {},
    baseline: {},
    ratio: {},
    goal: { target: 'ratio PostgreSQL/SQLite (no goal)', met: null },
    notes: [note],
  };
}

export const PG_GOAL = 'PostgreSQL/SQLite ratio, same data and load (reported, no goal)';
