import { z } from 'zod';
import { getDb } from '@/db/client';
import type { ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { getClaim } from '@/lib/claims/get-claim';
import { CLAIM_TEXT_MAX } from '@/lib/claims/limits';
import { draftVisibilityFilter, visibleClaimSql } from '@/lib/settings/draft-visibility';
import { parseInput } from '@/lib/validation';
import { claimFeatures, type ClaimFeatures } from './claim-features';
import { candidateQuery, loadCandidates, type Candidate } from './candidate-query';
import type { MatchRelation } from './compare-claims';
import { rankMatches } from './rank-matches';

/** Claims of the query's own article shown at most; the rest of the list goes to other articles. */
const SAME_ARTICLE_MAX = 2;
const limitField = z.coerce.number().int().min(1).max(50).default(10);

export const claimMatchesInput = z.strictObject({ limit: limitField });
export type ClaimMatchesInput = z.infer<typeof claimMatchesInput>;
export const textMatchesInput = z.strictObject({
  text: z.string().trim().min(1, 'Give the text to match.').max(CLAIM_TEXT_MAX),
  limit: limitField,
});
export type TextMatchesInput = z.infer<typeof textMatchesInput>;

/** One "seen before" match, as the API returns it (the contract in issue 15). */
export type ClaimMatch = {
  claimId: number;
  articleId: number;
  articleTitle: string;
  text: string;
  status: ClaimStatus;
  verdict: { label: string } | null;
  score: number;
  relation: MatchRelation;
};
/** A match with what the UI also shows (date, family, why it is a variant); the API strips the extras. */
export type MatchDetail = ClaimMatch & { articleDate: string; familyId: number | null; reasons: string[] };

type Query = { text: string; features: ClaimFeatures; excludeId?: number; articleId?: number; limit: number };

/** Matches for already-computed features; shared by the claim, free-text and checked-before paths. */
export async function matchFeatures(
  actor: Actor,
  q: Query,
  options: { verifiedOnly?: boolean; excludeArticleId?: number; budget?: number; candidates?: number } = {},
): Promise<MatchDetail[]> {
  const match = await candidateQuery(q.text, options.budget);
  if (!match) return [];
  // Claims the actor may not see are left out in the query, by the one visibility rule (draft-visibility.ts).
  const visible = draftVisibilityFilter(actor) === undefined ? undefined : visibleClaimSql(actor, 'c');
  const loaded = await loadCandidates(getDb(), match, { verifiedOnly: options.verifiedOnly, limit: options.candidates, visible });
  const candidates = loaded.filter((c) => c.id !== q.excludeId && c.articleId !== options.excludeArticleId);
  const ranked = rankMatches(
    q.features,
    candidates.map((c) => ({ item: c, features: claimFeatures(c.claimText, c.claimant) })),
  );
  const out: MatchDetail[] = [];
  let sameArticle = 0;
  for (const m of ranked) {
    if (out.length >= q.limit) break;
    if (m.item.articleId === q.articleId && ++sameArticle > SAME_ARTICLE_MAX) continue;
    out.push(toDetail(m.item, m.score, m.relation, m.reasons));
  }
  return out;
}

function toDetail(c: Candidate, score: number, relation: MatchRelation, reasons: string[]): MatchDetail {
  return {
    claimId: c.id,
    articleId: c.articleId,
    articleTitle: c.articleTitle,
    text: c.claimText,
    status: c.status,
    verdict: c.verdictLabel ? { label: c.verdictLabel } : null,
    score: Math.round(score * 1000) / 1000,
    relation,
    articleDate: c.publishedAt ?? new Date(c.articleCreatedAt).toISOString().slice(0, 10),
    familyId: c.familyId,
    reasons,
  };
}

/** Strips a detail down to the API contract's fields. */
function toClaimMatch(m: MatchDetail): ClaimMatch {
  const { claimId, articleId, articleTitle, text, status, verdict, score, relation } = m;
  return { claimId, articleId, articleTitle, text, status, verdict, score, relation };
}

/**
 * Claims elsewhere that state the same thing as claim `claimId` (best first, never the claim itself, only claims
 * the actor may see, at most SAME_ARTICLE_MAX from its own article). Throws NotFound for an invisible claim.
 */
export async function findClaimMatchDetails({ actor, claimId, input }: { actor: Actor; claimId: number; input: unknown }): Promise<MatchDetail[]> {
  const { limit } = parseInput(claimMatchesInput, input);
  const claim = await getClaim({ actor, id: claimId });
  const text = claim.claimText || claim.exact;
  return matchFeatures(actor, { text, features: claimFeatures(text, claim.claimant), excludeId: claim.id, articleId: claim.articleId, limit });
}

/** GET /api/claims/:id/matches: `{ matches }` in the contract's shape. */
export async function findClaimMatches(args: { actor: Actor; claimId: number; input: unknown }): Promise<{ matches: ClaimMatch[] }> {
  return { matches: (await findClaimMatchDetails(args)).map(toClaimMatch) };
}

/** GET /api/matches?text=: the same for free text (suggestions, a sentence being marked). */
export async function findTextMatches({ actor, input }: { actor: Actor; input: unknown }): Promise<{ matches: ClaimMatch[] }> {
  assertCan(actor, 'claim:read');
  const { text, limit } = parseInput(textMatchesInput, input);
  return { matches: (await matchFeatures(actor, { text, features: claimFeatures(text), limit })).map(toClaimMatch) };
}
