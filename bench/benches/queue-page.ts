import type { Bench, BenchContext } from '../lib/context';
import { timePagesInterleaved } from '../lib/pages';
import { SCALE_KEYS, sites } from '../lib/scale';
import { ratio } from '../lib/stats';

const PATH = '/review';
/** One queue entry per claim: the listbox options. */
const ROWS = /role="option"/g;
const GOAL = 'p50 at 100k <= 1.5x and at 1M <= 1.3x the same full page at 1k claims';

/**
 * Server render of the review queue (a full page, 100 claims in review) at 1k, 100k and 1M claims, timed round-robin.
 * Separately, the cost of page size: the 100-claim database's queue (~20 rows) against the full page at 1k.
 */
export const queuePage: Bench = {
  name: 'queue-page',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const all = await sites(ctx, [...SCALE_KEYS, 'small']);
    const f = await timePagesInterleaved(all.map((s) => ({ label: s.label, server: s.server, cookie: s.cookie, path: PATH, rows: ROWS })));
    const base = f['1k'];
    const r = (label: string, p: 'p50' | 'p95') => ratio(f[label]?.latency?.[p], base.latency?.[p]);
    const ratios = {
      p50At100k: r('100k', 'p50'),
      p95At100k: r('100k', 'p95'),
      p50At1M: r('1M', 'p50'),
      p95At1M: r('1M', 'p95'),
      pageSizeP50: ratio(base.latency?.p50, f['100']?.latency?.p50),
    };
    const sameRows = all.filter((s) => s.key !== 'small').every((s) => f[s.label].rows === base.rows);
    return [
      {
        name: 'queue-page',
        status: base.latency ? 'ok' : 'failed',
        params: {
          path: PATH,
          user: 'reviewer@example.com',
          claims: Object.fromEntries(all.map((s) => [s.label, s.claims])),
          rowsRendered: Object.fromEntries(all.map((s) => [s.label, f[s.label].rows])),
        },
        figures: f,
        baseline: { at1k: base },
        ratio: ratios,
        goal: {
          target: GOAL,
          met: sameRows && ratios.p50At100k != null && ratios.p50At100k <= 1.5 && (ratios.p50At1M == null || ratios.p50At1M <= 1.3),
        },
        notes: [
          "pageSizeP50 = full page at 1k / the 100-claim database's page (fewer rows, 1 article option): what page size costs, not scale.",
          ...(sameRows ? [] : ['Rows rendered differ between sizes: the scale ratios are not like for like.']),
        ],
      },
    ];
  },
};
