import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, claims, verdictScale, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { getClaim } from '@/lib/claims/get-claim';
import { draftVisibilityFilter } from '@/lib/settings/draft-visibility';

/** One appearance of a claim family: where the claim appeared and how it was judged there. */
export type FamilyMember = {
  claimId: number;
  articleId: number;
  articleTitle: string;
  articleUrl: string | null;
  articleDate: string;
  text: string;
  claimant: string;
  status: ClaimStatus;
  verdict: { label: string; color: string } | null;
  reusedFromClaimId: number | null;
};

/**
 * The family of claim `claimId`: every linked claim the actor may see (draftVisibilityFilter), oldest article first (just the claim
 * itself when it is not linked). Throws NotFound for an invisible claim.
 */
export async function getClaimFamily({
  actor,
  claimId,
}: {
  actor: Actor;
  claimId: number;
}): Promise<{ familyId: number | null; members: FamilyMember[] }> {
  const claim = await getClaim({ actor, id: claimId });
  const rows = await getDb()
    .select({
      claimId: claims.id,
      articleId: claims.articleId,
      articleTitle: articles.title,
      articleUrl: articles.sourceUrl,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
      text: claims.claimText,
      claimant: claims.claimant,
      status: claims.status,
      verdictLabel: verdictScale.label,
      verdictColor: verdictScale.color,
      reusedFromClaimId: claims.reusedFromClaimId,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(verdictScale, eq(verdictScale.id, claims.verdictId))
    .where(and(claim.familyId === null ? eq(claims.id, claim.id) : eq(claims.familyId, claim.familyId), draftVisibilityFilter(actor)))
    .orderBy(asc(articles.createdAt), asc(claims.id));
  const members = rows.map(({ publishedAt, createdAt, verdictLabel, verdictColor, ...r }) => ({
    claimId: r.claimId,
    articleId: r.articleId,
    articleTitle: r.articleTitle,
    articleUrl: r.articleUrl,
    text: r.text,
    claimant: r.claimant,
    status: r.status,
    reusedFromClaimId: r.reusedFromClaimId,
    articleDate: publishedAt ?? createdAt.toISOString().slice(0, 10),
    verdict: verdictLabel ? { label: verdictLabel, color: verdictColor ?? '' } : null,
  }));
  return { familyId: claim.familyId, members };
}
