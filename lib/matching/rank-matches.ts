import type { ClaimFeatures } from './claim-features';
import { compareClaims, type MatchRelation } from './compare-claims';

export type RankedMatch<T> = { item: T; score: number; relation: MatchRelation; reasons: string[] };

/**
 * Compares a query with every candidate and returns those alike enough to show, best score first
 * (ties by candidate order, which is the full-text rank when candidates come from the index).
 */
export function rankMatches<T>(query: ClaimFeatures, candidates: readonly { item: T; features: ClaimFeatures }[]): RankedMatch<T>[] {
  const out: RankedMatch<T>[] = [];
  for (const { item, features } of candidates) {
    const { score, relation, reasons } = compareClaims(query, features);
    if (relation) out.push({ item, score, relation, reasons });
  }
  // Array.prototype.sort is stable: equal scores keep the candidates' (full-text) order.
  return out.sort((a, b) => b.score - a.score);
}
