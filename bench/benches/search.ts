import { closeDb, sqliteClient } from '@/db/client';
import { listClaims } from '@/lib/claims/list-claims';
import { getClaim } from '@/lib/claims/get-claim';
import { ftsQuery } from '@/lib/search/fts-query';
import type { Actor } from '@/lib/auth/permissions';
import { DATASETS, REVIEWER, optionalModule, type Bench, type BenchContext } from '../lib/context';
import { ratio, summarize, timeRunsWithCpu, type Summary } from '../lib/stats';

/** 20 searches an editor might type: names, places, topics, numbers' units, common and rare words. */
const QUERIES = [
  'troops', 'budget', 'Kovacs', 'outbreak', 'Harbor City', 'plan cost', 'Chen spending', 'schools', 'Ortega said', 'bridge repairs',
  'housing plan', 'Residents gathered', 'Raman', 'nurses', 'Westfield', 'Eastport buses', 'new tax', 'Lake Morrow', 'election', 'official report',
];
const RUNS_PER_QUERY = 10;
const GOAL_MS = 20;

type SearchModule = { searchClaims: (args: { actor: Actor; input: unknown }) => unknown };

/** Wall-time summary of `fn(q)` over every query, RUNS_PER_QUERY times each after one warm-up, plus CPU-time summary. */
async function p95Over(fn: (q: string) => unknown): Promise<Summary & { cpu: Summary }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of QUERIES) {
    const runs = await timeRunsWithCpu(() => fn(q), RUNS_PER_QUERY, 1);
    wall.push(...runs.wall);
    cpu.push(...runs.cpu);
  }
  return { ...summarize(wall), cpu: summarize(cpu) };
}

/** FTS search across 100k claims, in-process through the services, against a primary-key lookup. */
export const search: Bench = {
  name: 'search',
  needsBuild: false,
  async run(ctx: BenchContext) {
    const db = await ctx.db('large', DATASETS.large);
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.file;
    try {
      const actor = REVIEWER;
      // The bench databases are SQLite files (bench/lib/seed.ts); FTS5 counts and the raw select go to the driver.
      const sqlite = sqliteClient()!;
      const count = sqlite.prepare('select count(*) as n from claims_fts where claims_fts match ?');
      const matches = Object.fromEntries(QUERIES.map((q) => [q, (count.get(ftsQuery(q)) as { n: number }).n]));
      const ids = Array.from({ length: 200 }, (_, i) => 1 + ((i * 7919) % db.claims));
      let next = 0;
      const pk = await p95Over(() => getClaim({ actor, id: ids[next++ % ids.length] }));
      const raw = sqlite.prepare('select * from claims where id = ?');
      const rawPk = await p95Over(() => raw.get(ids[next++ % ids.length]));
      const board = await p95Over((q) => listClaims({ actor, input: { q, limit: 50 } }));
      const mod = await optionalModule<SearchModule>('lib/search/search-claims.ts');
      const ranked = mod ? await p95Over((q) => mod.searchClaims({ actor, input: { q } })) : null;
      const main = ranked ?? board;
      return [
        {
          name: 'search',
          status: 'ok',
          params: { claims: db.claims, queries: QUERIES.length, runsPerQuery: RUNS_PER_QUERY, seedMs: db.seedMs, seedCpuMs: db.seedCpuMs, layer: 'services in-process (no HTTP)' },
          figures: { rankedSearch: ranked ?? 'not available (lib/search/search-claims.ts missing)', listClaimsQ: board, matchesPerQuery: matches },
          baseline: { getClaimById: pk, rawPrimaryKeySelect: rawPk },
          ratio: { p95: ratio(main.p95, pk.p95), p95VsRawSelect: ratio(main.p95, rawPk.p95), listClaimsP95: ratio(board.p95, pk.p95) },
          goal: { target: `p95 < ${GOAL_MS} ms wall (${ranked ? 'searchClaims' : 'listClaims q'}; listClaims q must meet it too)`, met: main.p95 < GOAL_MS && board.p95 < GOAL_MS },
          notes: ['searchClaims ranks by bm25 with snippets (the search box); listClaims q is the FTS filter of the board and GET /api/claims.'],
        },
      ];
    } finally {
      await closeDb();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  },
};
