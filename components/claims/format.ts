const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "14 Mar 2026, 09:30" in UTC, identical on server and client so hydration never disagrees. */
export function formatDateTime(value: Date | string | number): string {
  return DATE_TIME.format(new Date(value));
}

/** "14 Mar 2026" in UTC. */
export function formatDate(value: Date | string | number): string {
  return DATE.format(new Date(value));
}

/** Rough age such as "3 days" or "5 hours" between `value` and `now`. */
export function age(value: Date | string | number, now: number): string {
  const minutes = Math.max(0, Math.round((now - new Date(value).getTime()) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.round(hours / 24)} days`;
}

/** Human label for a field name in an edit diff. */
export const FIELD_LABELS: Record<string, string> = {
  claimText: 'Claim text',
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

/** Past-tense wording of each audit action for the history timeline. */
export const ACTION_LABELS: Record<string, string> = {
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
};
