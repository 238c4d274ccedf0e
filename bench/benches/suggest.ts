import { newsText } from '../lib/text';
import { notAvailable, optionalModule, type Bench } from '../lib/context';
import { ratio, summarize, timeRunsWithCpu } from '../lib/stats';

const WORDS = 2000;
const WARMUP = 5;
const RUNS = 30;
const GOAL_MS = 50;
const GOAL = `p50 < ${GOAL_MS} ms after warm-up`;

type SuggestModule = { suggestClaims: (text: string) => unknown[] | Promise<unknown[]> };
type SentencesModule = { splitSentences: (text: string) => unknown[] };

/** The suggestion pass on a generated 2,000-word news article vs splitting the same text into sentences. */
export const suggest: Bench = {
  name: 'suggest',
  needsBuild: false,
  async run() {
    const text = newsText(7, WORDS);
    const params = { words: text.split(/\s+/).length, chars: text.length, warmup: WARMUP, runs: RUNS };
    const [mod, sentences] = await Promise.all([
      optionalModule<SuggestModule>('lib/suggest/index.ts'),
      optionalModule<SentencesModule>('lib/suggest/sentences.ts'),
    ]);
    if (!mod?.suggestClaims) return [notAvailable('suggest', 'lib/suggest/index.ts suggestClaims(text) does not exist yet.', GOAL, params)];
    const suggestions = (await mod.suggestClaims(text)).length;
    const runs = await timeRunsWithCpu(() => mod.suggestClaims(text), RUNS, WARMUP);
    const base = sentences ? await timeRunsWithCpu(() => sentences.splitSentences(text), RUNS, WARMUP) : null;
    const figures = { ...summarize(runs.wall), cpu: summarize(runs.cpu) };
    const baseline = base ? { ...summarize(base.wall), cpu: summarize(base.cpu) } : null;
    return [
      {
        name: 'suggest',
        status: 'ok',
        params,
        figures: { ...figures, suggestions },
        baseline: baseline ?? { splitSentences: 'not available (lib/suggest/sentences.ts missing)' },
        ratio: { p50: ratio(figures.p50, baseline?.p50), cpuP50: ratio(figures.cpu.p50, baseline?.cpu.p50) },
        goal: { target: GOAL, met: figures.p50 < GOAL_MS },
      },
    ];
  },
};
