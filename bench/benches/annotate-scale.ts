import type { Page } from 'playwright-core';
import type { Bench, BenchContext } from '../lib/context';
import { copyWithoutClaims, reviewerBrowser, timeLoad, type LoadTimes } from '../lib/annotate-page';
import { ratio, round } from '../lib/stats';

const SPEC = { articles: 1, claims: 10_000, words: 200_000 };
const RUNS = 3;
const GOAL = { firstPaintMs: 3000, longTaskMs: 200 };
/** Wheel steps and their size: enough to cover the whole article at 1280x900. */
const STEPS = 120;
const STEP_PX = 3600;

type Scroll = { px: number; ms: number; longTasks: number[] };

/** Scrolls the article with the mouse wheel, a frame between steps, and returns the long tasks that started meanwhile. */
async function scrollThrough(page: Page): Promise<Scroll> {
  await page.mouse.move(400, 600);
  const t0 = await page.evaluate(() => performance.now());
  for (let i = 0; i < STEPS; i++) {
    await page.mouse.wheel(0, STEP_PX);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  return page.evaluate((start) => {
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    return {
      px: Math.round(window.scrollY),
      ms: Math.round(performance.now() - start),
      longTasks: tasks
        .filter((t) => t.start >= start)
        .map((t) => Math.round(t.duration))
        .sort((a, b) => b - a),
    };
  }, t0);
}

/**
 * A 200,000-word article with 10,000 claims (and the same article without claims): the first highlighted paint, the
 * editor becoming interactive, and scrolling the whole article once it is, with the Long Tasks API in Chromium.
 * Heavy: skipped by `npm run bench -- --quick`.
 */
export const annotateScale: Bench = {
  name: 'annotate-scale',
  needsBuild: true,
  heavy: true,
  async run(ctx: BenchContext) {
    const db = await ctx.db('annotate-200k', SPEC);
    const withClaims = db.articleIds[0];
    const bare = copyWithoutClaims(db.file, withClaims);
    const server = await ctx.server('annotate-200k', SPEC);
    const { browser, context } = await reviewerBrowser(ctx, server);
    try {
      const a = `${server.baseUrl}/articles/${withClaims}`;
      const b = `${server.baseUrl}/articles/${bare}`;
      // Warm-up: server code paths and bundles, on the article without claims only, so the first load of the
      // claims-article is a cold one, as a reader's first open is. Every load waits for its page's background requests
      // (settle): a load must not start on a server still busy with the previous page's suggestions.
      await timeLoad(context, b, 0, undefined, { settle: true });
      type Run = LoadTimes & { after?: Scroll };
      const runsA: Run[] = [];
      const runsB: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        runsA.push(await timeLoad(context, a, db.claims, scrollThrough, { settle: true }));
        runsB.push(await timeLoad(context, b, 0, scrollThrough, { settle: true }));
      }
      // The worst run (the cold first load, as a rule) decides; the median is the warm case. The samples list all.
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
      const sum = (runs: Run[]) => ({
        firstPaintMs: round(Math.max(...runs.map((r) => r.firstPaint)), 0),
        interactiveMs: round(Math.max(...runs.map((r) => r.interactive)), 0),
        firstPaintMedianMs: round(median(runs.map((r) => r.firstPaint)), 0),
        interactiveMedianMs: round(median(runs.map((r) => r.interactive)), 0),
        longestLoadTaskMs: Math.max(0, ...runs.map((r) => r.longTasks[0] ?? 0)),
        longestScrollTaskMs: Math.max(0, ...runs.map((r) => r.after!.longTasks[0] ?? 0)),
        scrollTasksOver200: runs.reduce((n, r) => n + r.after!.longTasks.filter((t) => t > GOAL.longTaskMs).length, 0),
        scrolledPx: Math.min(...runs.map((r) => r.after!.px)),
        samples: runs.map((r) => ({
          firstPaint: round(r.firstPaint, 0),
          interactive: round(r.interactive, 0),
          settled: r.settled,
          loadTasks: r.longTasks.slice(0, 5),
          scrollTasks: r.after!.longTasks.slice(0, 5),
        })),
      });
      const [figures, baseline] = [sum(runsA), sum(runsB)];
      return [
        {
          name: 'annotate-scale',
          status: 'ok',
          params: {
            words: SPEC.words,
            chars: db.textChars,
            claims: db.claims,
            runs: RUNS,
            seedMs: db.seedMs,
            scroll: `${STEPS} wheel steps of ${STEP_PX} px, two frames apart`,
            measure:
              "firstPaintMs/interactiveMs: the worst of the runs (the first load of each article follows a warm-up on the one without claims); *MedianMs: the median; settled: ms until the page's background requests were done",
          },
          figures,
          baseline,
          ratio: {
            firstPaint: ratio(figures.firstPaintMs, baseline.firstPaintMs),
            interactive: ratio(figures.interactiveMs, baseline.interactiveMs),
          },
          goal: {
            target: `first paint < ${GOAL.firstPaintMs} ms; no long task over ${GOAL.longTaskMs} ms while scrolling`,
            met: figures.firstPaintMs < GOAL.firstPaintMs && figures.longestScrollTaskMs <= GOAL.longTaskMs,
          },
        },
      ];
    } finally {
      await browser.close();
    }
  },
};
