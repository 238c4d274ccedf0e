import { claimFeatures } from './claim-features';
import { rankMatches } from './rank-matches';

/** One claim the evaluation searches among (tests/fixtures/matching/corpus.json). */
export type EvalClaim = { id: string; text: string; claimant?: string };
/** A query: a restatement of `target` (same), a changed-figure/direction copy of it (variant), or a new claim. */
export type EvalQuery = { kind: 'same' | 'variant' | 'new'; target?: string; text: string; claimant?: string };

export type EvalFigures = {
  same: number;
  variants: number;
  newClaims: number;
  recallAt1: number;
  recallAt5: number;
  mrrAt5: number;
  /** Share of same-queries whose original is in the top 5 labelled `same`. */
  labelledSameAt5: number;
  /** Share of variant queries with any `same` match in the top 5. */
  variantsLabelledSame: number;
  /** Share of new claims with any `same` match. */
  newWithSame: number;
  failures: string[];
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Runs every query against the whole corpus and computes the figures the issue asks for. */
export function evaluateMatcher(corpus: EvalClaim[], queries: EvalQuery[]): EvalFigures {
  const candidates = corpus.map((c) => ({ item: c.id, features: claimFeatures(c.text, c.claimant) }));
  let r1 = 0,
    r5 = 0,
    mrr = 0,
    labelled = 0,
    variantSame = 0,
    newSame = 0;
  const failures: string[] = [];
  const count = { same: 0, variant: 0, new: 0 };
  for (const q of queries) {
    count[q.kind]++;
    const top = rankMatches(claimFeatures(q.text, q.claimant), candidates).slice(0, 5);
    const rank = top.findIndex((m) => m.item === q.target);
    const anySame = top.some((m) => m.relation === 'same');
    if (q.kind === 'same') {
      if (rank === 0) r1++;
      if (rank >= 0) {
        r5++;
        mrr += 1 / (rank + 1);
      }
      if (rank >= 0 && top[rank].relation === 'same') labelled++;
      else failures.push(`same ${q.target} rank ${rank} ${rank >= 0 ? top[rank].relation + ' ' + top[rank].score.toFixed(2) : ''}: ${q.text}`);
    } else if (q.kind === 'variant' && anySame) {
      variantSame++;
      failures.push(`variant ${q.target} labelled same (${top.find((m) => m.relation === 'same')?.item}): ${q.text}`);
    } else if (q.kind === 'new' && anySame) {
      newSame++;
      failures.push(`new labelled same (${top.find((m) => m.relation === 'same')?.item}): ${q.text}`);
    }
  }
  return {
    same: count.same,
    variants: count.variant,
    newClaims: count.new,
    recallAt1: round(r1 / count.same),
    recallAt5: round(r5 / count.same),
    mrrAt5: round(mrr / count.same),
    labelledSameAt5: round(labelled / count.same),
    variantsLabelledSame: round(variantSame / Math.max(1, count.variant)),
    newWithSame: round(newSame / Math.max(1, count.new)),
    failures,
  };
}
