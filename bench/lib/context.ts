import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/lib/auth/permissions';
import { apiLogin } from '@/tests/e2e/harness';
import { cachedSeed, seedBenchDb, type SeedResult, type SeedSpec } from './seed';
import { PgBench, type PgCopy } from './postgres';
import { startServer, type Server } from './server';
import { round } from './stats';

/** One line of benchmark output. `status: 'not available'` means the capability does not exist yet (no fake number). */
export type BenchResult = {
  name: string;
  status: 'ok' | 'not available' | 'failed';
  params: Record<string, unknown>;
  figures: Record<string, unknown>;
  baseline: Record<string, unknown>;
  ratio: Record<string, number | null>;
  goal: { target: string; met: boolean | null };
  notes?: string[];
};

/** `heavy`: a large case that `npm run bench -- --quick` leaves out (it still runs when named). */
export type Bench = { name: string; needsBuild: boolean; heavy?: boolean; run: (ctx: BenchContext) => Promise<BenchResult[]> };

/**
 * The standard data sets. k1, large and m1 are the scale series (1k, 100k, 1M claims): each has at least 500 articles
 * (the filter select's cap) and enough in-review and verified claims for full queue and board pages, so all three
 * render the same number of rows. small (100 claims, a handful of rows per page) measures the cost of page size.
 */
export const DATASETS = {
  k1: { articles: 500, claims: 1000, words: 120 },
  large: { articles: 1000, claims: 100_000, words: 1800 },
  m1: { articles: 10_000, claims: 1_000_000, words: 2000, cache: true },
  small: { articles: 1, claims: 100, words: 1800 },
} satisfies Record<string, SeedSpec>;

/** `--quick`: the day-to-day run leaves out the `heavy` benches and, inside the scale bench, the 1M-claim cases. */
export const QUICK = process.argv.includes('--quick');

/** The demo reviewer as services see it (ids are fixed by the seed order). */
export const REVIEWER: Actor = { id: 2, role: 'reviewer', name: 'Riley Reviewer', email: 'reviewer@example.com' };

/** Shared, lazily created resources of one run: a temp folder, seeded databases, servers and session cookies. */
export class BenchContext {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-'));
  private seeds = new Map<string, Promise<SeedResult & { seedCpuMs: number }>>();
  private servers = new Map<string, Promise<Server>>();
  private cookies = new Map<string, Promise<string>>();
  /** The PostgreSQL cluster of this run (started on first use) and its copies of the SQLite databases. */
  readonly pg = new PgBench();

  /** Seeds (once per run) the database named `key` from `spec`. */
  db(key: string, spec: SeedSpec): Promise<SeedResult & { seedCpuMs: number }> {
    if (!this.seeds.has(key)) {
      this.seeds.set(
        key,
        (async () => {
          const cpu = process.cpuUsage();
          const file = path.join(this.dir, `${key}.db`);
          const result = spec.cache ? await cachedSeed(key, spec, file) : await seedBenchDb(file, spec);
          const used = process.cpuUsage(cpu);
          return { ...result, seedMs: round(result.seedMs, 0), seedCpuMs: round((used.user + used.system) / 1000, 0) };
        })(),
      );
    }
    return this.seeds.get(key)!;
  }

  /** A production server (once per run) over the database `key`; `env` is added to the server's environment. */
  server(key: string, spec: SeedSpec, env: Record<string, string> = {}): Promise<Server> {
    if (!this.servers.has(key))
      this.servers.set(
        key,
        this.db(key, spec).then((db) => startServer(db.file, env)),
      );
    return this.servers.get(key)!;
  }

  /** Stops the server of `key` (if started), so the next benchmark has the cores to itself. */
  async stopServer(key: string): Promise<void> {
    const s = this.servers.get(key);
    if (!s) return;
    this.servers.delete(key);
    await (await s).stop();
  }

  /** The database `key` copied into PostgreSQL (same rows as the SQLite one; copy it before a bench writes to it). */
  async pgDb(key: string, spec: SeedSpec): Promise<PgCopy> {
    const db = await this.db(key, spec);
    return this.pg.copy(key, db.file);
  }

  /** A production server (once per run) over the PostgreSQL copy of the database `key`. */
  pgServer(key: string, spec: SeedSpec): Promise<Server> {
    const name = `${key}:postgres`;
    if (!this.servers.has(name))
      this.servers.set(
        name,
        this.pgDb(key, spec).then((db) => startServer(db.url)),
      );
    return this.servers.get(name)!;
  }

  /** A next-auth session cookie for `email` on `server` (one login per server and user). */
  cookie(server: Server, email: string): Promise<string> {
    const key = `${server.baseUrl} ${email}`;
    if (!this.cookies.has(key)) this.cookies.set(key, apiLogin(server.baseUrl, email));
    return this.cookies.get(key)!;
  }

  /** Stops every server this run started, then the PostgreSQL cluster, and deletes the temp folder. */
  async close(): Promise<void> {
    const started = await Promise.allSettled([...this.servers.values()]);
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    await this.pg.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A result line saying the benchmark cannot run yet, and why. */
export function notAvailable(name: string, why: string, goal: string, params: Record<string, unknown> = {}): BenchResult {
  return { name, status: 'not available', params, figures: {}, baseline: {}, ratio: {}, goal: { target: goal, met: null }, notes: [why] };
}

/** Loads a TypeScript module by path relative to the project root, or null when the file does not exist yet. */
export async function optionalModule<T>(relPath: string): Promise<T | null> {
  const file = path.join(path.resolve(__dirname, '../..'), relPath);
  if (!fs.existsSync(file)) return null;
  return (await import(file)) as T;
}
