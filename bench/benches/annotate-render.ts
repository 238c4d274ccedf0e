import type { Bench, BenchContext } from '../lib/context';
import { copyWithoutClaims, reviewerBrowser, timeLoad, type LoadTimes } from '../lib/annotate-page';
import { ratio, round, summarize } from '../lib/stats';

const SPEC = { articles: 1, claims: 1000, words: 20_000 };
const RUNS = 5;
const GOAL = 'median <= 1.3x the same article without claims (first highlighted paint and interactive, each)';

/**
 * A 20k-word article with 1,000 claims vs the same article with none, in Chromium: time to the first highlighted
 * paint (the server's HTML) and to interactive (the editor in the page, a selection possible), measured separately.
 */
export const annotateRender: Bench = {
  name: 'annotate-render',
  needsBuild: true,
  async run(ctx: BenchContext) {
    const db = await ctx.db('annotate', SPEC);
    const withClaims = db.articleIds[0];
    const bare = copyWithoutClaims(db.file, withClaims);
    const server = await ctx.server('annotate', SPEC);
    const { browser, context } = await reviewerBrowser(ctx, server);
    try {
      const a = `${server.baseUrl}/articles/${withClaims}`;
      const b = `${server.baseUrl}/articles/${bare}`;
      // Warm-up: server code paths, JS bundles in the browser cache.
      await timeLoad(context, a, db.claims);
      await timeLoad(context, b, 0);
      const runsA: LoadTimes[] = [];
      const runsB: LoadTimes[] = [];
      // Interleaved so background load on a shared machine hits both sides alike.
      for (let i = 0; i < RUNS; i++) {
        runsA.push(await timeLoad(context, a, db.claims));
        runsB.push(await timeLoad(context, b, 0));
      }
      const figure = (runs: LoadTimes[], key: 'firstPaint' | 'interactive') => summarize(runs.map((r) => r[key]));
      const [paintA, paintB, readyA, readyB] = [
        figure(runsA, 'firstPaint'),
        figure(runsB, 'firstPaint'),
        figure(runsA, 'interactive'),
        figure(runsB, 'interactive'),
      ];
      const r = { firstPaint: ratio(paintA.p50, paintB.p50), interactive: ratio(readyA.p50, readyB.p50) };
      const samples = (runs: LoadTimes[]) => runs.map((x) => `${round(x.firstPaint, 0)}/${round(x.interactive, 0)}`);
      const longest = (runs: LoadTimes[]) => Math.max(0, ...runs.map((x) => x.longTasks[0] ?? 0));
      return [
        {
          name: 'annotate-render',
          status: 'ok',
          params: {
            words: SPEC.words,
            chars: db.textChars,
            claims: db.claims,
            runs: RUNS,
            measure:
              'navigation start -> first animation frame (timed in the page) with text and a .claim-hl.claim-start in #article-text (firstPaint); with all of them in the editor .ProseMirror#article-text (interactive)',
          },
          figures: {
            firstPaintMedian: paintA.p50,
            interactiveMedian: readyA.p50,
            firstPaint: paintA,
            interactive: readyA,
            longestTaskMs: longest(runsA),
            samples: samples(runsA),
          },
          baseline: {
            firstPaintMedian: paintB.p50,
            interactiveMedian: readyB.p50,
            firstPaint: paintB,
            interactive: readyB,
            longestTaskMs: longest(runsB),
            samples: samples(runsB),
          },
          ratio: r,
          goal: { target: GOAL, met: r.firstPaint != null && r.interactive != null && r.firstPaint <= 1.3 && r.interactive <= 1.3 },
        },
      ];
    } finally {
      await browser.close();
    }
  },
};
