/**
 * `npm run bench [-- [--quick] NAME...]`: runs the benchmarks against a production build (.next-bench) on fresh databases
 * in a temp folder, prints one JSON object per benchmark and writes bench/results/latest.json.
 * Benchmarks never fail for being slow; the exit code is non-zero only when the harness itself breaks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchContext, QUICK, type Bench, type BenchResult } from './lib/context';
import { ensureBuild, ROOT } from './lib/server';
import { round } from './lib/stats';
import { claimCreate } from './benches/claim-create';
import { queuePage } from './benches/queue-page';
import { boardFilter } from './benches/board-filter';
import { search } from './benches/search';
import { exportFormats } from './benches/export-formats';
import { annotateRender } from './benches/annotate-render';
import { annotateScale } from './benches/annotate-scale';
import { suggest } from './benches/suggest';
import { matches } from './benches/matches';
import { scale } from './benches/scale';

const BENCHES: Bench[] = [claimCreate, queuePage, boardFilter, search, exportFormats, annotateRender, annotateScale, suggest, matches, scale];

async function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(', ')}. Known: ${BENCHES.map((b) => b.name).join(', ')}.`);
    process.exit(2);
  }
  // --quick: the day-to-day run, without the heavy benches (unless they are named) and the 1M-claim cases.
  const selected = names.length ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES.filter((b) => !(QUICK && b.heavy));
  const started = performance.now();
  const buildMs = selected.some((b) => b.needsBuild) ? ensureBuild() : 0;
  if (buildMs) console.error(`Built .next-bench in ${round(buildMs / 1000, 1)} s.`);
  const ctx = new BenchContext();
  const results: BenchResult[] = [];
  try {
    for (const bench of selected) {
      const t = performance.now();
      let lines: BenchResult[];
      try {
        lines = await bench.run(ctx);
      } catch (error) {
        // One broken benchmark must not hide the others' numbers.
        lines = [
          {
            name: bench.name,
            status: 'failed',
            params: {},
            figures: {},
            baseline: {},
            ratio: {},
            goal: { target: '', met: null },
            notes: [String(error instanceof Error ? error.stack : error).slice(0, 2000)],
          },
        ];
      }
      for (const line of lines) {
        results.push(line);
        console.log(JSON.stringify(line));
      }
      console.error(`${bench.name}: ${round((performance.now() - t) / 1000, 1)} s`);
    }
  } finally {
    await ctx.close();
  }
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadavg: os.loadavg().map((l) => round(l, 2)),
    },
    buildMs: round(buildMs, 0),
    totalMs: round(performance.now() - started, 0),
    results,
  };
  const out = path.join(ROOT, 'bench/results/latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // A single-benchmark run updates its own entries and keeps the others from the last full run.
  if (names.length && fs.existsSync(out)) {
    const previous = JSON.parse(fs.readFileSync(out, 'utf8')) as typeof report;
    report.results = [...previous.results.filter((r) => !selected.some((b) => r.name.split(':')[0] === b.name)), ...results];
  }
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.error(`Wrote ${path.relative(ROOT, out)} (${round(report.totalMs / 1000, 1)} s).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
