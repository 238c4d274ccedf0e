import { notAvailable, optionalModule, type Bench, type BenchResult } from '../lib/context';

const GOAL = '< 3 s and RSS growth < 50 MB per format at 100k verified claims';

type ExportModule = { runExportBench?: () => Promise<object[]> };

/**
 * Each export format at 100k verified claims. The measurement itself lives in bench/export.ts (owned with the
 * export feature); this wraps its objects into result lines, or reports "not available" while it is missing.
 */
export const exportFormats: Bench = {
  name: 'export',
  needsBuild: false,
  async run() {
    const mod = await optionalModule<ExportModule>('bench/export.ts');
    if (!mod?.runExportBench) return [notAvailable('export', 'bench/export.ts runExportBench() does not exist yet.', GOAL)];
    const rows = await mod.runExportBench();
    return rows.map((row, i): BenchResult => {
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
    });
  },
};
