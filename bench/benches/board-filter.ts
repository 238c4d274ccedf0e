import type { Bench, BenchContext } from '../lib/context';
import { findLink, getPage, timePagesInterleaved, type PageTarget } from '../lib/pages';
import { SCALE_KEYS, sites, type Site } from '../lib/scale';
import { ratio } from '../lib/stats';

/** Two filters the board offers: status, and every type but "other" (enough matches for 6 full pages at 1k claims). */
const PATH = '/claims?status=verified&type=statistic,quote,event,prediction';
const PAGES_DEEP = 5;
/**
 * One filter each, first page, at every size: filters whose index SQLite would read whole and sort (see
 * lib/claims/plan-column-filters.ts), whose counts are not kept by triggers, and created-date ranges, which follow the
 * last-changed order (lib/claims/plan-created-range.ts; the seed creates claims over 2025). Each keeps a full page at
 * 1k.
 */
const SINGLE_FILTERS: Record<string, string> = {
  type: '/claims?type=statistic',
  unassigned: '/claims?assignee=none',
  verdict: '/claims?verdict=1',
  text: '/claims?q=said',
  lastMonth: '/claims?from=2025-12-01',
  march: '/claims?from=2025-03-01&to=2025-03-31',
};
/** Claim rows of the board table (the header row has no claim link). */
const ROWS = /<tr><td/g;
const GOAL =
  'p50 at 100k <= 1.5x and at 1M <= 1.3x the same full page at 1k claims (two filters: first page and 5 keyset pages deep; each single filter: first page)';

/** The board's own "Next page" link followed PAGES_DEEP times: the path of that page, or null when the board ends earlier. */
async function deepPath(site: Site): Promise<string | null> {
  let path = PATH;
  for (let i = 0; i < PAGES_DEEP; i++) {
    const page = await getPage(site.server, site.cookie, path);
    const next = findLink(page.html, 'cursor');
    if (!next) return null;
    const url = new URL(next, site.server.baseUrl);
    path = url.pathname + url.search;
  }
  return path;
}

/**
 * The status board with two filters, first page and 5 keyset pages deep, at 1k, 100k and 1M claims (every page full,
 * 50 rows), and the first page under each of SINGLE_FILTERS, timed round-robin; plus the cost of page size: the
 * 100-claim database's first page against the 1k one.
 */
export const boardFilter: Bench = {
  name: 'board-filter',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const all = await sites(ctx, [...SCALE_KEYS, 'small']);
    const targets: PageTarget[] = [];
    const deep: Record<string, string | null> = {};
    for (const s of all) {
      targets.push({ label: `first ${s.label}`, server: s.server, cookie: s.cookie, path: PATH, rows: ROWS });
      if (s.key === 'small') continue;
      for (const [name, path] of Object.entries(SINGLE_FILTERS))
        targets.push({ label: `${name} ${s.label}`, server: s.server, cookie: s.cookie, path, rows: ROWS });
      deep[s.label] = await deepPath(s);
      if (deep[s.label]) targets.push({ label: `deep ${s.label}`, server: s.server, cookie: s.cookie, path: deep[s.label]!, rows: ROWS });
    }
    const f = await timePagesInterleaved(targets);
    const ok = (x: number | null, max: number) => x == null || x <= max;
    const r = (kind: string, label: string, p: 'p50' | 'p95' = 'p50') => ratio(f[`${kind} ${label}`]?.latency?.[p], f[`${kind} 1k`]?.latency?.[p]);
    const ratios = {
      firstP50At100k: r('first', '100k'),
      deepP50At100k: r('deep', '100k'),
      firstP50At1M: r('first', '1M'),
      deepP50At1M: r('deep', '1M'),
      firstP95At1M: r('first', '1M', 'p95'),
      deepP95At1M: r('deep', '1M', 'p95'),
      pageSizeP50: ratio(f['first 1k']?.latency?.p50, f['first 100']?.latency?.p50),
      ...Object.fromEntries(
        Object.keys(SINGLE_FILTERS).flatMap((name) => [
          [`${name}P50At100k`, r(name, '100k')],
          [`${name}P50At1M`, r(name, '1M')],
        ]),
      ),
    };
    const singles = Object.keys(SINGLE_FILTERS).every((name) => ok(r(name, '100k'), 1.5) && ok(r(name, '1M'), 1.3));
    const scaled = targets.filter((t) => !t.label.endsWith(' 100'));
    const sameRows = scaled.every((t) => f[t.label].rows === f['first 1k'].rows);
    return [
      {
        name: 'board-filter',
        status: f['first 1k']?.latency ? 'ok' : 'failed',
        params: {
          path: PATH,
          singleFilters: SINGLE_FILTERS,
          deepPaths: deep,
          pagesDeep: PAGES_DEEP,
          claims: Object.fromEntries(all.map((s) => [s.label, s.claims])),
          rowsRendered: Object.fromEntries(targets.map((t) => [t.label, f[t.label].rows])),
        },
        figures: f,
        baseline: { first1k: f['first 1k'], deep1k: f['deep 1k'] ?? null },
        ratio: ratios,
        goal: {
          target: GOAL,
          met:
            sameRows &&
            ratios.firstP50At100k != null &&
            ok(ratios.firstP50At100k, 1.5) &&
            ok(ratios.deepP50At100k, 1.5) &&
            ok(ratios.firstP50At1M, 1.3) &&
            ok(ratios.deepP50At1M, 1.3) &&
            singles,
        },
        notes: [
          "pageSizeP50 = full first page at 1k / the 100-claim database's first page (a few rows, 1 article option): page size, not scale.",
          ...(sameRows ? [] : ['Rows rendered differ between sizes: the scale ratios are not like for like.']),
          ...(Object.values(deep).some((d) => !d) ? ['A board ended before 5 pages: its deep page is missing.'] : []),
        ],
      },
    ];
  },
};
