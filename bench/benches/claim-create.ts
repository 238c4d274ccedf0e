import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '@/tests/e2e/harness';
import type { Bench, BenchContext, BenchResult } from '../lib/context';
import { runLoad, type LoadFigures, type LoadSpec } from '../lib/load';
import { PG_GOAL, pgFailed, pgNotAvailable } from '../lib/postgres';
import { ROOT, waitForHttp } from '../lib/server';
import { ratio, round } from '../lib/stats';
import { treeCpuMs } from '../lib/cpu';

const SPEC = { articles: 1, claims: 0, words: 600 };
/** Connection counts of the comparison; the goal is judged at GOAL_LEVELS. */
const LEVELS = [1, 10, 50];
const GOAL_LEVELS = [10, 50];
/** Seconds per measured round; the floor and the app alternate for ROUNDS rounds at each level, so drift hits both. */
const DURATION_S = 4;
const ROUNDS = 2;
const PG_CONNECTIONS = 50;
const PG_DURATION_S = 10;
const GOAL = 'vs the Next.js floor route at 10 and 50 connections: req/s >= 0.8x, p50 <= 1.5x, p99 <= 2x; 0 errors';

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
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bench/lib/bare-server.ts', dbFile, String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout.on('data', (d) => logs.push(String(d)));
  child.stderr.on('data', (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}/`;
  // Any answer (even 400 for GET without body) means it listens.
  await waitForHttp(url, 30_000, child, () => logs.join(''));
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')))),
  };
}

type Target = Omit<LoadSpec, 'connections' | 'duration'> & { pid: number };
type Run = LoadFigures & { cpuMsPerRequest: number | null };
type Averaged = Run & { rounds: Pick<Run, 'rps' | 'p50' | 'p99' | 'cpuMsPerRequest'>[] };

/** One load run, with the server's CPU time per completed request (its whole process tree). */
async function load(target: Target, connections: number): Promise<Run> {
  const { pid, ...spec } = target;
  const before = treeCpuMs(pid);
  const figures = await runLoad({ ...spec, connections, duration: DURATION_S });
  const after = treeCpuMs(pid);
  return { ...figures, cpuMsPerRequest: before == null || after == null || !figures.requests ? null : round((after - before) / figures.requests, 3) };
}

async function warm(target: Target) {
  const { url, method, headers, body } = target;
  await runLoad({ url, method, headers, body, connections: 10, duration: 2, maxRequests: 300 }); // JIT, route compilation, page cache
}

/** Mean of the rounds' figures (counts summed), keeping each round's rps/p50/p99. */
function average(runs: Run[]): Averaged {
  const mean = (k: 'rps' | 'p50' | 'p90' | 'p99' | 'mean' | 'cpuMsPerRequest') => round(runs.reduce((a, r) => a + (r[k] ?? NaN), 0) / runs.length, 3);
  const sum = (k: 'requests' | 'errors' | 'timeouts' | 'non2xx') => runs.reduce((a, r) => a + r[k], 0);
  return {
    requests: sum('requests'),
    rps: mean('rps'),
    p50: mean('p50'),
    p90: mean('p90'),
    p99: mean('p99'),
    mean: mean('mean'),
    max: Math.max(...runs.map((r) => r.max)),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    non2xx: sum('non2xx'),
    cpuMsPerRequest: mean('cpuMsPerRequest'),
    statusCodes: runs.at(-1)!.statusCodes,
    rounds: runs.map((r) => ({ rps: r.rps, p50: r.p50, p99: r.p99, cpuMsPerRequest: r.cpuMsPerRequest })),
  };
}

const failures = (f: LoadFigures) => f.errors + f.timeouts + f.non2xx;
const ratios = (a: Run, b: Run) => ({
  rps: ratio(a.rps, b.rps),
  p50: ratio(a.p50, b.p50),
  p99: ratio(a.p99, b.p99),
  cpuPerRequest: ratio(a.cpuMsPerRequest, b.cpuMsPerRequest),
});

/** At each connection count: the node:http insert once, then the floor route, the writes floor and the app in turn. */
async function compare(bare: Target, floor: Target, writesFloor: Target, app: Target) {
  for (const t of [bare, floor, writesFloor, app]) await warm(t);
  const levels = [];
  for (const connections of LEVELS) {
    const node = await load(bare, connections);
    const floors: Run[] = [];
    const writes: Run[] = [];
    const apps: Run[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      floors.push(await load(floor, connections));
      writes.push(await load(writesFloor, connections));
      apps.push(await load(app, connections));
    }
    const f = average(floors);
    const w = average(writes);
    const a = average(apps);
    levels.push({
      connections,
      app: a,
      floor: f,
      writesFloor: w,
      node,
      vsFloor: ratios(a, f),
      vsWritesFloor: ratios(a, w),
      vsNode: ratios(a, node),
      floorVsNode: ratios(f, node),
    });
  }
  return levels;
}

/** POST /api/claims through the real API with a logged-in session vs a bare node:http + better-sqlite3 insert. */
export const claimCreate: Bench = {
  name: 'claim-create',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const appDb = await ctx.db('create', SPEC);
    const bareDb = await ctx.db('create-bare', SPEC);
    const floorDb = await ctx.db('create-floor', SPEC);
    const body = claimBody(appDb.file, appDb.articleIds[0]);
    const json = { 'content-type': 'application/json' };
    // The PostgreSQL copy is taken before the SQLite load adds claims, so both servers start from the same rows.
    const pgWhy = await ctx.pg.unavailable();
    const pgCopy = pgWhy ? null : await ctx.pgDb('create', SPEC).catch((error: unknown) => error as Error);
    const bare = await startBare(bareDb.file);
    const server = await ctx.server('create', SPEC, { BENCH_FLOOR_DB: floorDb.file });
    const cookie = await ctx.cookie(server, 'editor@example.com');
    let levels;
    try {
      levels = await compare(
        { url: bare.url, method: 'POST', headers: json, body, pid: bare.pid },
        { url: `${server.baseUrl}/api/bench-floor`, method: 'POST', headers: json, body, pid: server.pid },
        { url: `${server.baseUrl}/api/bench-floor?writes=1`, method: 'POST', headers: json, body, pid: server.pid },
        { url: `${server.baseUrl}/api/claims`, method: 'POST', headers: { ...json, cookie }, body, pid: server.pid },
      );
    } finally {
      await bare.stop();
    }
    const judged = levels.filter((l) => GOAL_LEVELS.includes(l.connections));
    const met =
      judged.every((l) => (l.vsFloor.rps ?? 0) >= 0.8 && (l.vsFloor.p50 ?? Infinity) <= 1.5 && (l.vsFloor.p99 ?? Infinity) <= 2) &&
      levels.every((l) => failures(l.app) === 0);
    const at50 = levels.find((l) => l.connections === PG_CONNECTIONS)!;
    const params = {
      connections: LEVELS,
      durationS: DURATION_S,
      rounds: ROUNDS,
      warmup: '10 connections, 2 s per target',
      user: 'editor@example.com',
    };
    let pgLine: BenchResult;
    if (pgWhy) pgLine = pgNotAvailable('claim-create', pgWhy, PG_GOAL);
    else if (pgCopy instanceof Error) pgLine = pgFailed('claim-create', pgCopy);
    else {
      try {
        // The SQLite server has done its part; stopping it leaves the cores to the PostgreSQL server and cluster.
        await ctx.stopServer('create');
        const pgServer = await ctx.pgServer('create', SPEC);
        const pgCookie = await ctx.cookie(pgServer, 'editor@example.com');
        const target = { url: `${pgServer.baseUrl}/api/claims`, method: 'POST' as const, headers: { ...json, cookie: pgCookie }, body };
        await warm({ ...target, pid: pgServer.pid });
        const pgFigures = await runLoad({ ...target, connections: PG_CONNECTIONS, duration: PG_DURATION_S });
        pgLine = {
          name: 'claim-create:postgres',
          status: 'ok',
          params: { connections: PG_CONNECTIONS, durationS: PG_DURATION_S, user: 'editor@example.com', copyMs: pgCopy!.copyMs },
          figures: pgFigures,
          baseline: { engine: 'sqlite (same run, 50 connections, mean of rounds)', p50: at50.app.p50, p99: at50.app.p99, rps: at50.app.rps },
          ratio: { rps: ratio(pgFigures.rps, at50.app.rps), p50: ratio(pgFigures.p50, at50.app.p50), p99: ratio(pgFigures.p99, at50.app.p99) },
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
        figures: Object.fromEntries(levels.map((l) => [`c${l.connections}`, l.app])),
        baseline: Object.fromEntries(
          levels.map((l) => [`c${l.connections}`, { nextFloorRoute: l.floor, nextWritesFloor: l.writesFloor, nodeHttp: l.node }]),
        ),
        ratio: Object.fromEntries(
          levels.flatMap((l) => [
            ...Object.entries(l.vsFloor).map(([k, v]) => [`c${l.connections}.vsFloor.${k}`, v]),
            ...Object.entries(l.vsWritesFloor).map(([k, v]) => [`c${l.connections}.vsWritesFloor.${k}`, v]),
            ...Object.entries(l.vsNode).map(([k, v]) => [`c${l.connections}.vsNode.${k}`, v]),
          ]),
        ),
        goal: { target: GOAL, met },
        notes: [
          'Floor: app/api/bench-floor/route.bench.ts in the same server and build (BENCH_FLOOR_ROUTE=1), behind the same proxy, JSON parse + one better-sqlite3 insert into a scratch copy of the schema.',
          'Writes floor: the same route with ?writes=1, the database work of a claim create (user and article read; claim, audit event and change-feed row in one transaction) in hand-written prepared SQL, so app vs writes floor is the cost of our code alone.',
          'nodeHttp: bench/lib/bare-server.ts, a separate node:http process doing the same insert (what no route handler can reach).',
        ],
      },
      pgLine,
    ];
  },
};
