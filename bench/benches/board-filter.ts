import { DATASETS, notAvailable, type Bench, type BenchContext } from '../lib/context';
import { findLink, getPage, timePage } from '../lib/pages';
import { ratio } from '../lib/stats';

/** Two filters the board offers: status and type. */
const PATH = '/claims?status=verified&type=statistic';
const PAGES_DEEP = 5;
const GOAL = 'p50 at 100k claims <= 1.5x the same requests at 100 claims (first page and a keyset page)';

/**
 * The status board with two filters, first page and a page reached by following "next" cursor links, at 100k vs 100
 * claims. The 100-claim board has no second page, so it gets the very same cursor URL (same query shape, fewer rows).
 */
export const boardFilter: Bench = {
  name: 'board-filter',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const [small, large] = await Promise.all([ctx.server('small', DATASETS.small), ctx.server('large', DATASETS.large)]);
    const [smallCookie, largeCookie] = await Promise.all([ctx.cookie(small, 'reviewer@example.com'), ctx.cookie(large, 'reviewer@example.com')]);
    const baseFirst = await timePage(small, smallCookie, PATH);
    if (!baseFirst.latency) {
      return [notAvailable('board-filter', `GET ${PATH} answered ${baseFirst.status}${baseFirst.location ? ` -> ${baseFirst.location}` : ''}; the status board is not available.`, GOAL)];
    }
    const first = await timePage(large, largeCookie, PATH);
    // Follow the board's own "next" links a few pages deep, as a user paging through would.
    let deep: string | null = PATH;
    let depth = 0;
    for (; depth < PAGES_DEEP && deep; depth++) {
      const page = await getPage(large, largeCookie, deep);
      const next = findLink(page.html, 'cursor');
      if (!next) break;
      deep = next.startsWith('/') ? next : new URL(next, large.baseUrl).pathname + new URL(next, large.baseUrl).search;
    }
    const notes: string[] = [];
    let keyset = null;
    let baseKeyset = null;
    if (deep && deep !== PATH) {
      keyset = await timePage(large, largeCookie, deep);
      baseKeyset = await timePage(small, smallCookie, deep);
    } else {
      notes.push('No "next page" link with a cursor was found on the board, so keyset pagination was not measured.');
    }
    const db = await ctx.db('large', DATASETS.large);
    const r = {
      firstP50: ratio(first.latency?.p50, baseFirst.latency.p50),
      keysetP50: ratio(keyset?.latency?.p50, baseKeyset?.latency?.p50),
      firstP95: ratio(first.latency?.p95, baseFirst.latency.p95),
      keysetP95: ratio(keyset?.latency?.p95, baseKeyset?.latency?.p95),
    };
    return [
      {
        name: 'board-filter',
        status: 'ok',
        params: { path: PATH, keysetPath: deep !== PATH ? deep : null, pagesDeep: depth, claims: db.claims, baselineClaims: DATASETS.small.claims },
        figures: { first, keyset },
        baseline: { first: baseFirst, keyset: baseKeyset },
        ratio: r,
        goal: { target: GOAL, met: r.firstP50 != null && r.firstP50 <= 1.5 && (r.keysetP50 == null ? null : r.keysetP50 <= 1.5) !== false },
        ...(notes.length ? { notes } : {}),
      },
    ];
  },
};
