/**
 * Export benchmark: seeds 100k verified claims into a temp database, then exports every format through
 * exportClaims (the service behind the API and CLI) into a byte-counting sink, measuring time and RSS growth.
 * Baseline: a bare cursor scan of the same claims in the same run. Run with `npx tsx bench/export.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import { closeDb } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/export/token-or-email-actor';
import { exportClaims } from '@/lib/export/export-claims';
import { EXPORT_FORMAT_NAMES } from '@/lib/export/formats';
import { openExportReader } from '@/lib/export/export-reader';
import { seedBenchDb } from './lib/seed';

const CLAIMS = Number(process.env.EXPORT_BENCH_CLAIMS ?? 100_000);
const GOAL = { ms: 3000, rssMb: 50 };
const MB = 2 ** 20;

// A gc() handle without --expose-gc, so each format starts from a collected heap.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

type Measure = { ms: number; cpuMs: number; bytes: number; rssGrowthMb: number; retainedHeapMb: number };

/**
 * Runs `consume` while sampling RSS at each `sample()` call (once per chunk). Reports wall and CPU time
 * (CPU time is steadier on a shared machine), peak RSS growth, and heap still retained after a final gc.
 */
async function measure(consume: (sample: () => void) => number | Promise<number>): Promise<Measure> {
  gc();
  const rss0 = process.memoryUsage.rss();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = rss0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const bytes = await consume(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  gc();
  return {
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    bytes,
    rssGrowthMb: round((peak - rss0) / MB),
    retainedHeapMb: round((process.memoryUsage().heapUsed - heap0) / MB),
  };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The data set: 100k verified claims (EXPORT_BENCH_CLAIMS), 100 per article. */
export const EXPORT_SPEC = { articles: Math.ceil(CLAIMS / 100), claims: CLAIMS, words: 1800, status: 'verified' as const };

/** Seeds the data into a temp SQLite database, measures it (measureExportFormats) and deletes it. */
export async function runExportBench(): Promise<object[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-export-bench-'));
  const previousUrl = process.env.DATABASE_URL;
  try {
    const seeded = await seedBenchDb(path.join(dir, 'export.db'), EXPORT_SPEC);
    await closeDb();
    process.env.DATABASE_URL = seeded.file;
    return await measureExportFormats({ claims: seeded.claims, seedMs: seeded.seedMs });
  } finally {
    await closeDb();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Measures the baseline scan and each format on the database DATABASE_URL names (SQLite in-process, or PostgreSQL
 * from bench/run-pg-child.ts); returns one result object per format.
 */
export async function measureExportFormats(seeded: { claims: number; seedMs: number }): Promise<object[]> {
  const baseline = await measure(async (sample) => {
    const reader = await openExportReader();
    let rows = 0;
    let bytes = 0;
    for await (const r of reader.rows<{ exact: string }>(sql`select * from claims where status = 'verified' order by id`)) {
      bytes += r.exact.length;
      if (++rows % 200 === 0) sample();
    }
    await reader.close();
    return bytes;
  });
  const results: object[] = [];
  for (const format of EXPORT_FORMAT_NAMES) {
    const figures = await measure(async (sample) => {
      const { chunks } = await exportClaims({ actor: SYSTEM_ACTOR, input: { format }, origin: 'https://desk.example' });
      let bytes = 0;
      for await (const chunk of chunks) {
        bytes += Buffer.byteLength(chunk);
        sample();
      }
      return bytes;
    });
    results.push({
      name: `export:${format}`,
      status: 'ok',
      params: { claims: seeded.claims, format, seedMs: Math.round(seeded.seedMs) },
      figures: {
        ms: figures.ms,
        cpuMs: figures.cpuMs,
        mb: round(figures.bytes / MB),
        rssGrowthMb: figures.rssGrowthMb,
        retainedHeapMb: figures.retainedHeapMb,
      },
      baseline: { name: 'bare cursor scan of the same claims', ms: baseline.ms, cpuMs: baseline.cpuMs, rssGrowthMb: baseline.rssGrowthMb },
      ratio: {
        msVsBaseline: baseline.ms ? round(figures.ms / baseline.ms, 2) : null,
        cpuVsBaseline: baseline.cpuMs ? round(figures.cpuMs / baseline.cpuMs, 2) : null,
      },
      goal: {
        target: `< ${GOAL.ms} ms and RSS growth < ${GOAL.rssMb} MB per format at 100k verified claims`,
        met: figures.ms < GOAL.ms && figures.rssGrowthMb < GOAL.rssMb,
      },
    });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runExportBench()
    .then((rows) => {
      for (const row of rows) console.log(JSON.stringify(row));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
