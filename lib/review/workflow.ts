import type { ClaimStatus, Role } from '@/db/schema';
import { can, type Permission } from '@/lib/auth/permissions';

export const TRANSITION_ACTIONS = ['submit', 'approve', 'request_changes', 'reject', 'reopen'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

type Rule = {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  /** Who may do it is the permission table's answer (lib/auth/permissions.ts); the claim's author counts as its owner. */
  permission: Extract<Permission, 'claim:submit' | 'claim:review'>;
  /** Never on one's own claim, whatever the role: a claim needs a second pair of eyes. */
  notOwnClaim: boolean;
  commentRequired: boolean;
};

/**
 * The claim workflow (draft -> in review -> verified, needs changes or rejected; a closed claim reopens into review) as
 * one table: which action moves which status, and what it takes.
 */
export const TRANSITIONS: Record<TransitionAction, Rule> = {
  submit: { from: ['draft', 'needs_changes'], to: 'in_review', permission: 'claim:submit', notOwnClaim: false, commentRequired: false },
  approve: { from: ['in_review'], to: 'verified', permission: 'claim:review', notOwnClaim: true, commentRequired: false },
  request_changes: { from: ['in_review'], to: 'needs_changes', permission: 'claim:review', notOwnClaim: true, commentRequired: true },
  reject: { from: ['in_review'], to: 'rejected', permission: 'claim:review', notOwnClaim: true, commentRequired: true },
  reopen: { from: ['verified', 'rejected'], to: 'in_review', permission: 'claim:review', notOwnClaim: false, commentRequired: true },
};

export type TransitionPlan =
  | { ok: true; to: ClaimStatus }
  | { ok: false; reason: 'forbidden' | 'invalid_status' | 'own_claim' | 'not_author' | 'comment_required'; message: string };

/**
 * Decides whether `action` may move a claim in `status`, for an actor of `role` who is (or is not) its author.
 * Pure: the caller checks version, preconditions (verdict, sources) and writes the result.
 */
export function planTransition(input: {
  status: ClaimStatus;
  action: TransitionAction;
  role: Role;
  isAuthor: boolean;
  comment?: string | null;
}): TransitionPlan {
  const rule = TRANSITIONS[input.action];
  const label = input.action.replace('_', ' ');
  const actor = { role: input.role };
  if (!can(actor, rule.permission, { own: input.isAuthor })) {
    // A role that may do this to its own claims is refused only because this claim is someone else's.
    if (!input.isAuthor && can(actor, rule.permission, { own: true }))
      return { ok: false, reason: 'not_author', message: `Only the claim's author can ${label} it.` };
    return { ok: false, reason: 'forbidden', message: `Your role cannot ${label} claims.` };
  }
  if (rule.notOwnClaim && input.isAuthor)
    return { ok: false, reason: 'own_claim', message: `You cannot ${label} your own claim; another reviewer must.` };
  if (!rule.from.includes(input.status))
    return {
      ok: false,
      reason: 'invalid_status',
      message: `A claim that is ${input.status.replace('_', ' ')} cannot be ${pastTense(input.action)}.`,
    };
  if (rule.commentRequired && !input.comment?.trim()) return { ok: false, reason: 'comment_required', message: `A comment is required to ${label}.` };
  return { ok: true, to: rule.to };
}

/** Status a claim moves to when its content is edited: reviewed content goes back to review. */
export function statusAfterEdit(status: ClaimStatus): ClaimStatus | null {
  switch (status) {
    case 'draft':
    case 'needs_changes':
    case 'in_review':
      return status;
    case 'verified':
      return 'in_review';
    case 'rejected':
      return null; // must be reopened first
  }
}

/** Whether a verified claim's verdict may be reused into a claim in `status` (it then still goes through review). */
export function acceptsReusedVerdict(status: ClaimStatus): boolean {
  return status === 'draft' || status === 'needs_changes';
}

function pastTense(action: TransitionAction): string {
  return { submit: 'submitted', approve: 'approved', request_changes: 'sent back', reject: 'rejected', reopen: 'reopened' }[action];
}

/** What a claim still lacks before it can be submitted for review (empty when ready). The service and the UI share it. */
export function missingForSubmit(claim: { verdictId: number | null; rationale: string; sourceCount: number }): string[] {
  const missing: string[] = [];
  if (claim.verdictId == null) missing.push('a verdict');
  if (!claim.rationale.trim()) missing.push('a rationale');
  if (claim.sourceCount < 1) missing.push('at least one source');
  return missing;
}
