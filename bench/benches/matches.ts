import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { claims } from '@/db/schema';
import { getClaim } from '@/lib/claims/get-claim';
import { findClaimMatches } from '@/lib/matching/find-matches';
import { checkedBeforeInText, sentenceSpans } from '@/lib/matching/checked-before';
import { DATASETS, REVIEWER, type Bench, type BenchContext } from '../lib/context';
import { newsText } from '../lib/text';
import { ratio, summarize, timeRunsWithCpu } from '../lib/stats';

const CLAIMS_SAMPLED = 40;
const RUNS_PER_CLAIM = 5;
const PASS_RUNS = 10;
const WORDS = 2000;
const GOAL_MATCHES_MS = 30;
const GOAL_PASS_MS = 100;

/**
 * "Seen before" at 100k claims, in-process through the services: matches for one claim (p95 over sampled claims)
 * and the checked-before pass over a generated 2,000-word article, against a primary-key getClaim.
 */
export const matches: Bench = {
  name: 'matches',
  needsBuild: false,
  async run(ctx: BenchContext) {
    const db = await ctx.db('large', DATASETS.large);
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.file;
    try {
      const actor = REVIEWER;
      const ids = Array.from({ length: CLAIMS_SAMPLED }, (_, i) => 1 + ((i * 7919) % db.claims));
      const wall: number[] = [];
      const cpu: number[] = [];
      const found: number[] = [];
      for (const id of ids) {
        found.push((await findClaimMatches({ actor, claimId: id, input: {} })).matches.length);
        const runs = await timeRunsWithCpu(() => findClaimMatches({ actor, claimId: id, input: {} }), RUNS_PER_CLAIM, 1);
        wall.push(...runs.wall);
        cpu.push(...runs.cpu);
      }
      const one = { ...summarize(wall), cpu: summarize(cpu) };
      let next = 0;
      const pkRuns = await timeRunsWithCpu(() => getClaim({ actor, id: ids[next++ % ids.length] }), 200, 5);
      const pk = { ...summarize(pkRuns.wall), cpu: summarize(pkRuns.cpu) };
      const text = newsText(11, WORDS);
      const marked = (await checkedBeforeInText(actor, text)).sentences.length;
      const passRuns = await timeRunsWithCpu(() => checkedBeforeInText(actor, text), PASS_RUNS, 1);
      const pass = { ...summarize(passRuns.wall), cpu: summarize(passRuns.cpu) };
      const verified = await getDb().$count(claims, eq(claims.status, 'verified'));
      return [
        {
          name: 'matches',
          status: 'ok',
          params: {
            claims: db.claims,
            verified,
            claimsSampled: CLAIMS_SAMPLED,
            runsPerClaim: RUNS_PER_CLAIM,
            articleWords: text.split(/\s+/).length,
            sentences: sentenceSpans(text).length,
            passRuns: PASS_RUNS,
            layer: 'services in-process (no HTTP)',
          },
          figures: { claimMatches: one, matchesReturned: summarize(found), checkedBeforePass: pass, sentencesMarked: marked },
          baseline: { getClaimById: pk },
          ratio: { matchesP95: ratio(one.p95, pk.p95), passP95: ratio(pass.p95, pk.p95) },
          goal: {
            target: `claim matches p95 < ${GOAL_MATCHES_MS} ms; checked-before pass over ${WORDS} words p95 < ${GOAL_PASS_MS} ms`,
            met: one.p95 < GOAL_MATCHES_MS && pass.p95 < GOAL_PASS_MS,
          },
          notes: ['The generated claims share a small vocabulary (every word is in thousands of claims), a worst case for full-text candidates.'],
        },
      ];
    } finally {
      await closeDb();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  },
};
