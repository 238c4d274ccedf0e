import type { ClaimView } from '@/lib/claims/claim-view';

/** A claim as the browser receives it (dates serialised to strings). */
export type ClaimDto = Omit<ClaimView, 'createdAt' | 'updatedAt' | 'reviewedAt'> & {
  createdAt: string;
  updatedAt: string;
  reviewedAt: string | null;
};

export const TYPE_LABELS: Record<string, string> = {
  statistic: 'Statistic',
  quote: 'Quote',
  event: 'Event',
  prediction: 'Prediction',
  other: 'Other',
};

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  needs_changes: 'Needs changes',
  verified: 'Verified',
  rejected: 'Rejected',
};
