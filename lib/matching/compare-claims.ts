import type { ClaimFeatures } from './claim-features';
import { compareQuantities } from './numbers';

/** `same`: the same assertion reworded, rounded or re-quoted; `variant`: same subject and pattern but a changed
 * figure, direction or speaker (its verdict must not be reused); `related`: on the same topic. */
export const MATCH_RELATIONS = ['same', 'variant', 'related'] as const;
export type MatchRelation = (typeof MATCH_RELATIONS)[number];

export type Comparison = { score: number; relation: MatchRelation | null; reasons: string[] };

// Thresholds on the text similarity, tuned on tests/fixtures/matching/dev.json (see tests/unit/matching-eval.test.ts).
const RELATED_MIN = 0.2;
const VARIANT_MIN = 0.3;
const SAME_MIN = 0.42;
/** A claim whose figure the other side lacks must be worded much more alike to count as the same. */
const SAME_ONE_SIDED_MIN = 0.62;

function overlap<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Text similarity 0..1: Dice and containment of content stems (partial re-quotes) and of word 3-grams. */
function textSimilarity(a: ClaimFeatures, b: ClaimFeatures): number {
  const shared = overlap(a.stems, b.stems);
  const smaller = Math.min(a.stems.size, b.stems.size);
  if (!smaller) return 0;
  const dice = (2 * shared) / (a.stems.size + b.stems.size);
  const contain = shared / smaller;
  const minShingles = Math.min(a.shingles.size, b.shingles.size);
  const shingle = minShingles ? overlap(a.shingles, b.shingles) / minShingles : 0;
  return 0.5 * dice + 0.3 * contain + 0.2 * shingle;
}

/**
 * Compares a query claim with a candidate: a 0..1 score for ranking and a relation label, or null when they are
 * not alike enough to show. Figures that disagree, a reversed direction, a flipped negation or another speaker
 * make a candidate at best a `variant`, never `same`; `reasons` says which.
 */
export function compareClaims(query: ClaimFeatures, candidate: ClaimFeatures): Comparison {
  const text = textSimilarity(query, candidate);
  const numbers = compareQuantities(query.quantities, candidate.quantities);
  const reasons: string[] = [];
  if (numbers.state === 'conflict') reasons.push('different figure');
  if (query.direction && candidate.direction && query.direction !== candidate.direction) reasons.push('opposite direction');
  if (query.negated !== candidate.negated) reasons.push('negation differs');
  if (query.speaker && candidate.speaker && query.speaker !== candidate.speaker) reasons.push('different speaker');
  const sharedEntities = overlap(query.entities, candidate.entities);
  const entityBonus = sharedEntities ? 0.05 : 0;
  const numberBonus = numbers.state === 'agree' ? Math.min(0.15, 0.08 * numbers.matched) : 0;
  const raw = text + entityBonus + numberBonus;
  // Variants rank below restatements of similar wording, so the original comes first.
  const score = Math.max(0, Math.min(1, reasons.length ? raw * 0.8 : raw));
  if (raw < RELATED_MIN) return { score, relation: null, reasons };
  if (reasons.length) return { score, relation: raw >= VARIANT_MIN ? 'variant' : 'related', reasons };
  const sameMin = numbers.state === 'one-sided' ? SAME_ONE_SIDED_MIN : SAME_MIN;
  return { score, relation: raw >= sameMin ? 'same' : 'related', reasons };
}
