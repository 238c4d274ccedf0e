import type { ClaimView } from '@/lib/claims/claim-view';
import type { ClaimSummary } from '@/lib/articles/get-article';

/** A claim as the browser receives it (dates serialised to strings). */
export type ClaimDto = Omit<ClaimView, 'createdAt' | 'updatedAt' | 'reviewedAt'> & {
  createdAt: string;
  updatedAt: string;
  reviewedAt: string | null;
};

/** What the claim list and the highlights need (getArticle's summary fields); the full claim is loaded when one is opened. */
export type ClaimSummaryDto = Pick<ClaimDto, keyof ClaimSummary>;

/** True when a list entry already carries the full claim (it came back from an edit or a create). */
export function isFullClaim(c: ClaimSummaryDto | ClaimDto): c is ClaimDto {
  return 'sources' in c;
}
