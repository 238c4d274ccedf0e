import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '@/tests/e2e/harness';
import type { Bench, BenchContext, BenchResult } from '../lib/context';
import { runLoad, type LoadSpec } from '../lib/load';
import { PG_GOAL, pgFailed, pgNotAvailable } from '../lib/postgres';
import { ROOT, waitForHttp } from '../lib/server';
import { ratio } from '../lib/stats';

const SPEC = { articles: 1, claims: 0, words: 600 };
const CONNECTIONS = 50;
const DURATION_S = 10;
const GOAL = 'p50 <= 2x, p99 <= 3x the bare insert, 0 errors';

/** A valid claim body for the first bench article: its first words, with `exact` so the API checks the anchor. */
function claimBody(dbFile: string, articleId: number): string {
  const sqlite = new Database(dbFile, { readonly: true });
  const { text } = sqlite.prepare('select body_text as text from articles where id = ?').get(articleId) as { text: string };
  sqlite.close();
  const end = text.indexOf(' ', 30);
  return JSON.stringify({ articleId, start: 0, end, exact: text.slice(0, end), type: 'statistic' });
}

/** Starts bench/lib/bare-server.ts (node:http + one better-sqlite3 insert) as its own process on 127.0.0.1. */
async function startBare(dbFile: string) {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bench/lib/bare-server.ts', dbFile, String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  child.stdout.on('data', (d) => logs.push(String(d)));
  child.stderr.on('data', (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}/`;
  // Any answer (even 400 for GET without body) means it listens.
  await waitForHttp(url, 30_000, child, () => logs.join(''));
  return { url, stop: () => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')))) };
}

async function measure(target: Omit<LoadSpec, 'connections' | 'duration'>) {
  await runLoad({ ...target, connections: 10, duration: 2, maxRequests: 300 }); // warm-up: JIT, route compilation, page cache
  return runLoad({ ...target, connections: CONNECTIONS, duration: DURATION_S });
}

/** POST /api/claims through the real API with a logged-in session vs a bare node:http + better-sqlite3 insert. */
export const claimCreate: Bench = {
  name: 'claim-create',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const appDb = await ctx.db('create', SPEC);
    const bareDb = await ctx.db('create-bare', SPEC);
    const body = claimBody(appDb.file, appDb.articleIds[0]);
    // The PostgreSQL copy is taken before the SQLite load adds claims, so both servers start from the same rows.
    const pgWhy = await ctx.pg.unavailable();
    const pgCopy = pgWhy ? null : await ctx.pgDb('create', SPEC).catch((error: unknown) => error as Error);
    const bare = await startBare(bareDb.file);
    let baseline;
    try {
      baseline = await measure({ url: bare.url, method: 'POST', headers: { 'content-type': 'application/json' }, body });
    } finally {
      await bare.stop();
    }
    const server = await ctx.server('create', SPEC);
    const cookie = await ctx.cookie(server, 'editor@example.com');
    const figures = await measure({ url: `${server.baseUrl}/api/claims`, method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    const failures = figures.errors + figures.timeouts + figures.non2xx;
    const r = { p50: ratio(figures.p50, baseline.p50), p99: ratio(figures.p99, baseline.p99), rps: ratio(figures.rps, baseline.rps) };
    const params = { connections: CONNECTIONS, durationS: DURATION_S, warmup: '10 connections, 2 s', user: 'editor@example.com' };
    let pgLine: BenchResult;
    if (pgWhy) pgLine = pgNotAvailable('claim-create', pgWhy, PG_GOAL);
    else if (pgCopy instanceof Error) pgLine = pgFailed('claim-create', pgCopy);
    else {
      try {
        // The SQLite server has done its part; stopping it leaves the cores to the PostgreSQL server and cluster.
        await server.stop();
        const pgServer = await ctx.pgServer('create', SPEC);
        const pgCookie = await ctx.cookie(pgServer, 'editor@example.com');
        const pgFigures = await measure({ url: `${pgServer.baseUrl}/api/claims`, method: 'POST', headers: { 'content-type': 'application/json', cookie: pgCookie }, body });
        pgLine = {
          name: 'claim-create:postgres',
          status: 'ok',
          params: { ...params, copyMs: pgCopy!.copyMs },
          figures: pgFigures,
          baseline: { engine: 'sqlite (same run)', p50: figures.p50, p99: figures.p99, rps: figures.rps },
          ratio: { p50: ratio(pgFigures.p50, figures.p50), p99: ratio(pgFigures.p99, figures.p99), rps: ratio(pgFigures.rps, figures.rps) },
          goal: { target: PG_GOAL, met: null },
          notes: ['Same load against a second app server with DATABASE_URL = a PostgreSQL copy of the SQLite bench database (pool of 10).'],
        };
      } catch (error) {
        pgLine = pgFailed('claim-create', error);
      }
    }
    return [
      {
        name: 'claim-create',
        status: 'ok',
        params,
        figures,
        baseline,
        ratio: r,
        goal: { target: GOAL, met: r.p50 != null && r.p99 != null && r.p50 <= 2 && r.p99 <= 3 && failures === 0 },
        notes: ['Baseline: bench/lib/bare-server.ts, a separate node:http process inserting into a scratch copy of the schema (same pragmas, FTS trigger fires).'],
      },
      pgLine,
    ];
  },
};
