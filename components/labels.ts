import type { ClaimStatus, ClaimType, ReviewAction, Role, SourceRelation } from '@/db/enums';
import type { MatchRelation } from '@/lib/matching/compare-claims';

// The words the UI shows for each stored value, in one place for pages and components alike. Each table is checked
// to cover its value set (`satisfies`) and typed by string so a value from the API can index it directly.

export const TYPE_LABELS: Readonly<Record<string, string>> = {
  statistic: 'Statistic',
  quote: 'Quote',
  event: 'Event',
  prediction: 'Prediction',
  other: 'Other',
} satisfies Record<ClaimType, string>;

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  needs_changes: 'Needs changes',
  verified: 'Verified',
  rejected: 'Rejected',
} satisfies Record<ClaimStatus, string>;

/** How a claim uses a source. */
export const RELATION_LABELS: Readonly<Record<string, string>> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
} satisfies Record<SourceRelation, string>;

/** How a claim found in another article relates to this one (see lib/matching). */
export const MATCH_RELATION_LABELS: Readonly<Record<string, string>> = {
  same: 'Same claim',
  variant: 'Variant',
  related: 'Related',
} satisfies Record<MatchRelation, string>;

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  editor: 'Editor',
  reviewer: 'Reviewer',
  admin: 'Admin',
} satisfies Record<Role, string>;

/** Past-tense wording of each claim event for the history timeline. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  created: 'created the claim',
  edited: 'edited',
  submitted: 'submitted for review',
  approved: 'approved',
  changes_requested: 'requested changes',
  rejected: 'rejected',
  reopened: 'reopened',
  commented: 'commented',
  deleted: 'deleted the claim',
  linked: 'linked as the same claim',
  unlinked: 'unlinked from the claim family',
  assigned: 'changed the assignee',
} satisfies Record<ReviewAction, string>;

/** Human label for a field name in a claim's edit diff. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  claimText: 'Claim text',
  assignee: 'Assignee',
  tags: 'Tags',
  claimant: 'Claimant',
  claimantKind: 'Claimant kind',
  summary: 'Short summary',
  type: 'Type',
  note: 'Note',
  verdictId: 'Verdict',
  rationale: 'Rationale',
  sources: 'Sources',
  exact: 'Quoted text',
  start: 'Start',
  end: 'End',
  sourceUrl: 'Source URL',
  sourceTitle: 'Source title',
  reusedFromClaimId: 'Verdict reused from claim',
  family: 'Claim family',
  linkedClaim: 'Linked claim',
};
