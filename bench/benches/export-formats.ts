import { closeDb } from '@/db/client';
import { notAvailable, optionalModule, type Bench, type BenchContext, type BenchResult } from '../lib/context';
import { PG_GOAL, pgFailed, pgNotAvailable, runPgChild } from '../lib/postgres';
import { ratio } from '../lib/stats';

const GOAL = '< 3 s and RSS growth < 50 MB per format at 100k verified claims';

type ExportSpec = { articles: number; claims: number; words: number; status: 'verified' };
type ExportModule = {
  EXPORT_SPEC?: ExportSpec;
  measureExportFormats?: (seeded: { claims: number; seedMs: number }) => Promise<object[]>;
};
type Row = Partial<BenchResult> & { figures?: { ms?: number; cpuMs?: number; rssGrowthMb?: number }; baseline?: { ms?: number } };

/**
 * Each export format at 100k verified claims, on SQLite in-process and on a PostgreSQL copy of the same database in
 * a child process. The measurement itself lives in bench/export.ts (owned with the export feature); this wraps its
 * objects into result lines, or reports "not available" while it is missing.
 */
export const exportFormats: Bench = {
  name: 'export',
  needsBuild: false,
  async run(ctx: BenchContext) {
    // Loaded lazily: bench/export.ts sets V8 flags when imported.
    const mod = await optionalModule<ExportModule>('bench/export.ts');
    if (!mod?.measureExportFormats || !mod.EXPORT_SPEC)
      return [notAvailable('export', 'bench/export.ts measureExportFormats() does not exist yet.', GOAL)];
    const db = await ctx.db('export', mod.EXPORT_SPEC);
    const why = await ctx.pg.unavailable();
    // Copied before the SQLite run, so the PostgreSQL side starts from exactly the seeded rows.
    const copy = why ? null : await ctx.pgDb('export', mod.EXPORT_SPEC).catch((error: unknown) => error as Error);
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.file;
    let rows: object[];
    try {
      rows = await mod.measureExportFormats({ claims: db.claims, seedMs: db.seedMs });
    } finally {
      await closeDb();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
    const lite = rows.map(toLine);
    if (why) return [...lite, pgNotAvailable('export', why, PG_GOAL)];
    if (copy instanceof Error) return [...lite, pgFailed('export', copy)];
    try {
      const pgRows = await runPgChild<object[]>('export', copy!.url, [String(db.claims)]);
      return [...lite, ...pgRows.map((row) => onPostgres(row as Row, lite, copy!.copyMs))];
    } catch (error) {
      return [...lite, pgFailed('export', error)];
    }
  },
};

function toLine(row: object, i: number): BenchResult {
  const r = row as Partial<BenchResult> & Record<string, unknown>;
  const name = typeof r.name === 'string' ? r.name : `export:${i}`;
  return {
    name: name.startsWith('export') ? name : `export:${name}`,
    status: r.status ?? 'ok',
    params: r.params ?? {},
    figures: r.figures ?? r,
    baseline: r.baseline ?? {},
    ratio: r.ratio ?? {},
    goal: r.goal ?? { target: GOAL, met: null },
    ...(r.notes ? { notes: r.notes } : {}),
  };
}

/** `export:FORMAT:postgres`: the PostgreSQL figures, with the same format's SQLite figures as baseline. */
function onPostgres(row: Row, lite: BenchResult[], copyMs: number): BenchResult {
  const sqlite = lite.find((l) => l.name === row.name)?.figures as Row['figures'] | undefined;
  const f = row.figures ?? {};
  return {
    name: `${row.name}:postgres`,
    status: row.status ?? 'ok',
    params: { ...row.params, seedMs: undefined, copyMs, layer: 'exportClaims in a child process (DATABASE_URL = PostgreSQL, pg-cursor)' },
    figures: { ...f, bareCursorScanMs: row.baseline?.ms ?? null, goalMet: row.goal?.met ?? null },
    baseline: { engine: 'sqlite (same run)', ms: sqlite?.ms ?? null, cpuMs: sqlite?.cpuMs ?? null, rssGrowthMb: sqlite?.rssGrowthMb ?? null },
    ratio: { ms: ratio(f.ms, sqlite?.ms), cpuMs: ratio(f.cpuMs, sqlite?.cpuMs), rssGrowthMb: ratio(f.rssGrowthMb, sqlite?.rssGrowthMb) },
    goal: { target: PG_GOAL, met: null },
    notes: ['cpuMs is the Node process only; the PostgreSQL server works in its own processes.'],
  };
}
