import { DATASETS, notAvailable, type Bench, type BenchContext } from '../lib/context';
import { timePage } from '../lib/pages';
import { ratio } from '../lib/stats';

const PATH = '/review';
const GOAL = 'p50 at 100k claims <= 1.5x the same page at 100 claims';

/** Server render of the review queue with 100k claims in the database vs 100 claims. */
export const queuePage: Bench = {
  name: 'queue-page',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const [small, large] = await Promise.all([ctx.server('small', DATASETS.small), ctx.server('large', DATASETS.large)]);
    const [smallCookie, largeCookie] = await Promise.all([ctx.cookie(small, 'reviewer@example.com'), ctx.cookie(large, 'reviewer@example.com')]);
    const baseline = await timePage(small, smallCookie, PATH);
    if (!baseline.latency) {
      return [notAvailable('queue-page', `GET ${PATH} answered ${baseline.status}${baseline.location ? ` -> ${baseline.location}` : ''}; the review queue page is not available.`, GOAL)];
    }
    const figures = await timePage(large, largeCookie, PATH);
    const db = await ctx.db('large', DATASETS.large);
    const r = ratio(figures.latency?.p50, baseline.latency.p50);
    return [
      {
        name: 'queue-page',
        status: 'ok',
        params: { path: PATH, user: 'reviewer@example.com', claims: db.claims, baselineClaims: DATASETS.small.claims, seedMs: db.seedMs },
        figures,
        baseline,
        ratio: { p50: r, p95: ratio(figures.latency?.p95, baseline.latency.p95) },
        goal: { target: GOAL, met: r != null && r <= 1.5 },
      },
    ];
  },
};
