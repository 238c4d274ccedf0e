import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { newsText } from '../lib/text';
import { notAvailable, optionalModule, type Bench } from '../lib/context';
import { ratio, round, summarize, timeRunsWithCpu } from '../lib/stats';

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
      await scaling(mod, sentences),
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

/** Article lengths for the scaling run, and how many timed runs each gets (the longest takes seconds). */
const SCALING = [
  { words: 2_000, runs: 10, warmup: 3 },
  { words: 20_000, runs: 3, warmup: 1 },
  { words: 200_000, runs: 1, warmup: 0 },
];
/** Linear growth: the cost per word at 200k words may be at most this much above the cost at 20k. */
const MAX_PER_WORD_GROWTH = 1.5;
const FIXTURES = path.resolve(__dirname, '../../tests/fixtures/suggest');

/** Real reporting (the annotated gold articles, marks stripped) repeated to `words` words. */
function realText(words: number): string {
  const articles = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.annotated.txt'))
    .sort()
    .map((f) =>
      readFileSync(path.join(FIXTURES, f), 'utf8')
        .replace(/\{[qcs]\|(?:[^|{}]+\|)?/g, '')
        .replace(/\}/g, ''),
    );
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const article = articles[i % articles.length];
    out.push(article);
    count += article.split(/\s+/).length;
  }
  return out.join('\n\n');
}

/**
 * The suggestion pass at 2k, 20k and 200k words of real reporting (quotes, pronouns, several speakers),
 * each against splitting the same text into sentences; linear means the cost per word stays flat.
 */
async function scaling(mod: SuggestModule, sentences: SentencesModule | null) {
  const sizes: Array<{ words: number; chars: number; p50: number; cpuP50: number; cpuMsPer1kWords: number; splitCpuP50: number | null }> = [];
  for (const { words, runs, warmup } of SCALING) {
    const text = realText(words);
    const timed = await timeRunsWithCpu(() => mod.suggestClaims(text), runs, warmup);
    const base = sentences ? await timeRunsWithCpu(() => sentences.splitSentences(text), runs, warmup) : null;
    const cpu = summarize(timed.cpu).p50;
    const realWords = text.split(/\s+/).length;
    sizes.push({
      words: realWords,
      chars: text.length,
      p50: summarize(timed.wall).p50,
      cpuP50: cpu,
      cpuMsPer1kWords: round((cpu / realWords) * 1000),
      splitCpuP50: base ? summarize(base.cpu).p50 : null,
    });
  }
  const perWord = (i: number) => sizes[i].cpuMsPer1kWords;
  const growth = ratio(perWord(2), perWord(1));
  return {
    name: 'suggest-scaling',
    status: 'ok' as const,
    params: { sizes: SCALING, text: 'annotated gold articles (tests/fixtures/suggest), repeated' },
    figures: { sizes },
    baseline: { splitSentencesCpuP50: sizes.map((s) => s.splitCpuP50) },
    ratio: {
      perWordCost200kVs20k: growth,
      perWordCost20kVs2k: ratio(perWord(1), perWord(0)),
      ...Object.fromEntries(sizes.map((s) => [`vsSplit${s.words}`, ratio(s.cpuP50, s.splitCpuP50)])),
    },
    goal: {
      target: `CPU cost per word at 200k words <= ${MAX_PER_WORD_GROWTH}x the cost at 20k (linear)`,
      met: growth !== null && growth <= MAX_PER_WORD_GROWTH,
    },
  };
}
