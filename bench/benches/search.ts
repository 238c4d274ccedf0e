import { closeDb, pgPool, sqliteClient } from '@/db/client';
import { listClaims } from '@/lib/claims/list-claims';
import { getClaim } from '@/lib/claims/get-claim';
import { ftsQuery, tsQuery } from '@/lib/search/fts-query';
import type { Actor } from '@/lib/auth/permissions';
import { DATASETS, REVIEWER, optionalModule, type Bench, type BenchContext, type BenchResult } from '../lib/context';
import { PG_GOAL, pgFailed, pgNotAvailable, runPgChild } from '../lib/postgres';
import { ratio, summarize, timeRunsWithCpu, type Summary } from '../lib/stats';

/** 20 searches an editor might type: names, places, topics, numbers' units, common and rare words. */
const QUERIES = [
  'troops',
  'budget',
  'Kovacs',
  'outbreak',
  'Harbor City',
  'plan cost',
  'Chen spending',
  'schools',
  'Ortega said',
  'bridge repairs',
  'housing plan',
  'Residents gathered',
  'Raman',
  'nurses',
  'Westfield',
  'Eastport buses',
  'new tax',
  'Lake Morrow',
  'election',
  'official report',
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

/** How many claims each query matches, through the engine's own full-text index. */
async function matchCounts(): Promise<Record<string, number>> {
  const sqlite = sqliteClient();
  if (sqlite) {
    const count = sqlite.prepare('select count(*) as n from claims_fts where claims_fts match ?');
    return Object.fromEntries(QUERIES.map((q) => [q, (count.get(ftsQuery(q)) as { n: number }).n]));
  }
  const out: Record<string, number> = {};
  for (const q of QUERIES) {
    const { rows } = await pgPool()!.query<{ n: number }>('select count(*)::int as n from claims where search @@ cast($1 as tsquery)', [tsQuery(q)]);
    out[q] = rows[0].n;
  }
  return out;
}

/**
 * The search figures on whichever engine DATABASE_URL names (the SQLite run in-process, the PostgreSQL run in
 * bench/run-pg-child.ts): ranked search, the board's text filter, and the primary-key lookups they are compared to.
 */
export async function measureSearch(claims: number) {
  const actor = REVIEWER;
  const matches = await matchCounts();
  const ids = Array.from({ length: 200 }, (_, i) => 1 + ((i * 7919) % claims));
  let next = 0;
  const pk = await p95Over(() => getClaim({ actor, id: ids[next++ % ids.length] }));
  // The driver's own select, without services or drizzle.
  const sqlite = sqliteClient();
  const raw = sqlite ? sqlite.prepare('select * from claims where id = ?') : null;
  const rawPk = await p95Over(() =>
    raw ? raw.get(ids[next++ % ids.length]) : pgPool()!.query('select * from claims where id = $1', [ids[next++ % ids.length]]),
  );
  const board = await p95Over((q) => listClaims({ actor, input: { q, limit: 50 } }));
  const mod = await optionalModule<SearchModule>('lib/search/search-claims.ts');
  const ranked = mod ? await p95Over((q) => mod.searchClaims({ actor, input: { q } })) : null;
  return { matches, pk, rawPk, board, ranked, main: ranked ?? board };
}

type SearchFigures = Awaited<ReturnType<typeof measureSearch>>;

/** FTS search across 100k claims, in-process through the services, against a primary-key lookup; then the same on PostgreSQL. */
export const search: Bench = {
  name: 'search',
  needsBuild: false,
  async run(ctx: BenchContext) {
    const db = await ctx.db('large', DATASETS.large);
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.file;
    let m: SearchFigures;
    try {
      m = await measureSearch(db.claims);
    } finally {
      await closeDb();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
    const { ranked, board, pk, rawPk, main } = m;
    return [
      {
        name: 'search',
        status: 'ok',
        params: {
          claims: db.claims,
          queries: QUERIES.length,
          runsPerQuery: RUNS_PER_QUERY,
          seedMs: db.seedMs,
          seedCpuMs: db.seedCpuMs,
          layer: 'services in-process (no HTTP)',
        },
        figures: { rankedSearch: ranked ?? 'not available (lib/search/search-claims.ts missing)', listClaimsQ: board, matchesPerQuery: m.matches },
        baseline: { getClaimById: pk, rawPrimaryKeySelect: rawPk },
        ratio: { p95: ratio(main.p95, pk.p95), p95VsRawSelect: ratio(main.p95, rawPk.p95), listClaimsP95: ratio(board.p95, pk.p95) },
        goal: {
          target: `p95 < ${GOAL_MS} ms wall (${ranked ? 'searchClaims' : 'listClaims q'}; listClaims q must meet it too)`,
          met: main.p95 < GOAL_MS && board.p95 < GOAL_MS,
        },
        notes: ['searchClaims ranks by bm25 with snippets (the search box); listClaims q is the FTS filter of the board and GET /api/claims.'],
      },
      await searchOnPostgres(ctx, db.claims, m),
    ];
  },
};

/** The same measurement in a child process on a PostgreSQL copy of the same database; ratios are PostgreSQL/SQLite. */
async function searchOnPostgres(ctx: BenchContext, claims: number, lite: SearchFigures): Promise<BenchResult> {
  const why = await ctx.pg.unavailable();
  if (why) return pgNotAvailable('search', why, PG_GOAL);
  try {
    const copy = await ctx.pgDb('large', DATASETS.large);
    const m = await runPgChild<SearchFigures>('search', copy.url, [String(claims)]);
    const same = JSON.stringify(m.matches) === JSON.stringify(lite.matches);
    return {
      name: 'search:postgres',
      status: 'ok',
      params: {
        claims,
        queries: QUERIES.length,
        runsPerQuery: RUNS_PER_QUERY,
        copyMs: copy.copyMs,
        copiedRows: copy.rows,
        layer: 'services in a child process (DATABASE_URL = PostgreSQL)',
      },
      figures: { rankedSearch: m.ranked, listClaimsQ: m.board, getClaimById: m.pk, rawPrimaryKeySelect: m.rawPk, matchesPerQuery: m.matches },
      baseline: {
        engine: 'sqlite (same run)',
        rankedSearchP95: lite.ranked?.p95 ?? null,
        listClaimsQP95: lite.board.p95,
        getClaimByIdP95: lite.pk.p95,
        rawPrimaryKeySelectP95: lite.rawPk.p95,
      },
      ratio: {
        rankedSearchP95: ratio(m.ranked?.p95, lite.ranked?.p95),
        rankedSearchP50: ratio(m.ranked?.p50, lite.ranked?.p50),
        listClaimsQP95: ratio(m.board.p95, lite.board.p95),
        getClaimByIdP95: ratio(m.pk.p95, lite.pk.p95),
        rawPrimaryKeySelectP95: ratio(m.rawPk.p95, lite.rawPk.p95),
      },
      goal: { target: `${PG_GOAL}; the SQLite goal (p95 < ${GOAL_MS} ms) met here: ${m.main.p95 < GOAL_MS && m.board.p95 < GOAL_MS}`, met: null },
      notes: [
        'CPU figures are the Node process only; the PostgreSQL server works in its own processes.',
        same
          ? 'Match counts per query are the same on both engines.'
          : 'Match counts differ between engines (FTS5 vs tsvector tokenisation): see figures.matchesPerQuery and the SQLite line.',
      ],
    };
  } catch (error) {
    return pgFailed('search', error);
  }
}
