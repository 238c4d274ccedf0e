import v8 from 'node:v8';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import { closeDb } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/export/token-or-email-actor';
import { exportClaims } from '@/lib/export/export-claims';
import { DATASETS, type Bench, type BenchContext, type BenchResult } from '../lib/context';
import { runLoad, type LoadFigures } from '../lib/load';
import { timePagesInterleaved } from '../lib/pages';
import { SCALE_KEYS, SCALE_LABEL, sites } from '../lib/scale';
import { ratio, round } from '../lib/stats';
import { measureSearch } from './search';

const MB = 2 ** 20;
const CREATE = { connections: 10, durationS: 4, rounds: 2 };
const GOALS = {
  search: 'searchClaims and listClaims q p95 < 30 ms at 1M',
  export: 'CSV of all verified claims streams at a rate of 1M claims in < 30 s, RSS growth < 100 MB',
  dashboard: 'p50 < 100 ms at 1M',
  create: 'claim-create at 1M within 1.3x of 1k (req/s and p50)',
};

// A gc() handle without --expose-gc, so the export starts from a collected heap.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Runs `fn` with DATABASE_URL = `file` (the services' client follows it), then closes the client. */
async function withDb<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  await closeDb();
  process.env.DATABASE_URL = file;
  try {
    return await fn();
  } finally {
    await closeDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

/** The CSV export of every verified claim through exportClaims, in-process: time, CPU, bytes and peak RSS growth. */
async function measureExport() {
  gc();
  const rss0 = process.memoryUsage.rss();
  let peak = rss0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { chunks } = await exportClaims({ actor: SYSTEM_ACTOR, input: { format: 'csv' }, origin: 'https://desk.example' });
  let bytes = 0;
  let n = 0;
  for await (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (++n % 50 === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    mb: round(bytes / MB, 1),
    rssGrowthMb: round((Math.max(peak, process.memoryUsage.rss()) - rss0) / MB, 1),
  };
}

function verifiedCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from claims where status = ?').get('verified') as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A valid claim body on the database's first article. */
function claimBody(file: string, articleId: number): string {
  const db = new Database(file, { readonly: true });
  const { text } = db.prepare('select body_text as text from articles where id = ?').get(articleId) as { text: string };
  db.close();
  const end = text.indexOf(' ', 30);
  return JSON.stringify({ articleId, start: 0, end, exact: text.slice(0, end), type: 'statistic' });
}

/**
 * The "million claims" figures at 1k, 100k and 1M claims (1M left out with --quick): search p95 over the 20
 * queries, CSV export of all verified claims, dashboard render, and claim-create last (it adds claims to the databases).
 */
export const scale: Bench = {
  name: 'scale',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const dbs = [];
    for (const key of SCALE_KEYS) dbs.push({ key, label: SCALE_LABEL[key], ...(await ctx.db(key, DATASETS[key])) });
    const search: Record<string, Awaited<ReturnType<typeof measureSearch>>> = {};
    const exports: Record<string, Awaited<ReturnType<typeof measureExport>> & { claims: number; msPer1M: number }> = {};
    for (const db of dbs) {
      search[db.label] = await withDb(db.file, () => measureSearch(db.claims));
      const claims = verifiedCount(db.file);
      const e = await withDb(db.file, measureExport);
      exports[db.label] = { ...e, claims, msPer1M: Math.round((e.ms * 1_000_000) / claims) };
    }
    const s = await sites(ctx, SCALE_KEYS);
    const dash = await timePagesInterleaved(s.map((x) => ({ label: x.label, server: x.server, cookie: x.cookie, path: '/', rows: /class="stat /g })));
    const create: Record<string, LoadFigures[]> = Object.fromEntries(s.map((x) => [x.label, []]));
    const bodies = Object.fromEntries(dbs.map((db) => [db.label, claimBody(db.file, db.articleIds[0])]));
    for (let round = 0; round < CREATE.rounds; round++) {
      for (const x of s) {
        const cookie = await ctx.cookie(x.server, 'editor@example.com');
        const target = {
          url: `${x.server.baseUrl}/api/claims`,
          method: 'POST' as const,
          headers: { 'content-type': 'application/json', cookie },
          body: bodies[x.label],
        };
        if (round === 0) await runLoad({ ...target, connections: 10, duration: 1, maxRequests: 200 });
        create[x.label].push(await runLoad({ ...target, connections: CREATE.connections, duration: CREATE.durationS }));
      }
    }
    const createMean = Object.fromEntries(
      Object.entries(create).map(([label, runs]) => [
        label,
        {
          rps: round(runs.reduce((a, r) => a + r.rps, 0) / runs.length),
          p50: round(runs.reduce((a, r) => a + r.p50, 0) / runs.length),
          p99: round(runs.reduce((a, r) => a + r.p99, 0) / runs.length),
          errors: runs.reduce((a, r) => a + r.errors + r.timeouts + r.non2xx, 0),
        },
      ]),
    );
    const big = dbs.at(-1)!.label;
    const params = {
      claims: Object.fromEntries(dbs.map((d) => [d.label, d.claims])),
      seedMs: Object.fromEntries(dbs.map((d) => [d.label, d.seedMs])),
    };
    const p95 = (label: string) => ({
      ranked: search[label].ranked?.p95 ?? null,
      board: search[label].board.p95,
      rankedCpu: search[label].ranked?.cpu.p95 ?? null,
    });
    const lines: BenchResult[] = [
      {
        name: 'scale:search',
        status: 'ok',
        params: { ...params, queries: 20, matchesAtLargest: search[big].matches },
        figures: Object.fromEntries(
          dbs.map((d) => [d.label, { ...p95(d.label), rankedP50: search[d.label].ranked?.p50 ?? null, getClaimP95: search[d.label].pk.p95 }]),
        ),
        baseline: { at1k: p95('1k') },
        ratio: {
          rankedP95: ratio(search[big].ranked?.p95, search['1k'].ranked?.p95),
          boardP95: ratio(search[big].board.p95, search['1k'].board.p95),
        },
        goal: { target: GOALS.search, met: big === '1M' ? (search[big].ranked?.p95 ?? Infinity) < 30 && search[big].board.p95 < 30 : null },
      },
      {
        name: 'scale:export',
        status: 'ok',
        params: { ...params, format: 'csv', verified: Object.fromEntries(Object.entries(exports).map(([k, v]) => [k, v.claims])) },
        figures: exports,
        baseline: { at1k: exports['1k'] },
        ratio: { msPerClaim: ratio(exports[big].ms / exports[big].claims, exports['100k']?.ms / exports['100k']?.claims) },
        goal: { target: GOALS.export, met: big === '1M' ? exports[big].msPer1M < 30_000 && exports[big].rssGrowthMb < 100 : null },
      },
      {
        name: 'scale:dashboard',
        status: 'ok',
        params: { ...params, path: '/', user: 'reviewer@example.com' },
        figures: dash,
        baseline: { at1k: dash['1k'] },
        ratio: { p50: ratio(dash[big].latency?.p50, dash['1k'].latency?.p50) },
        goal: { target: GOALS.dashboard, met: big === '1M' ? (dash[big].latency?.p50 ?? Infinity) < 100 : null },
      },
      {
        name: 'scale:claim-create',
        status: 'ok',
        params: { ...params, ...CREATE, user: 'editor@example.com' },
        figures: { mean: createMean, rounds: create },
        baseline: { at1k: createMean['1k'] },
        ratio: { rps: ratio(createMean[big].rps, createMean['1k'].rps), p50: ratio(createMean[big].p50, createMean['1k'].p50) },
        goal: {
          target: GOALS.create,
          met:
            big === '1M'
              ? (ratio(createMean[big].rps, createMean['1k'].rps) ?? 0) >= 1 / 1.3 &&
                (ratio(createMean[big].p50, createMean['1k'].p50) ?? Infinity) <= 1.3 &&
                createMean[big].errors === 0
              : null,
        },
      },
    ];
    return lines;
  },
};
