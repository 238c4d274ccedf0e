import type { ClaimStatus, Role } from '@/db/schema';

export const TRANSITION_ACTIONS = ['submit', 'approve', 'request_changes', 'reject', 'reopen'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

type Rule = {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  roles: readonly Role[];
  /** 'author': only the claim's author (or an admin); 'not-author': never the author; 'any': anyone with the role. */
  who: 'author' | 'not-author' | 'any';
  commentRequired: boolean;
};

/** The claim workflow of DESIGN.md as one table: which action moves which status, and who may do it. */
export const TRANSITIONS: Record<TransitionAction, Rule> = {
  submit: { from: ['draft', 'needs_changes'], to: 'in_review', roles: ['editor', 'reviewer', 'admin'], who: 'author', commentRequired: false },
  approve: { from: ['in_review'], to: 'verified', roles: ['reviewer', 'admin'], who: 'not-author', commentRequired: false },
  request_changes: { from: ['in_review'], to: 'needs_changes', roles: ['reviewer', 'admin'], who: 'not-author', commentRequired: true },
  reject: { from: ['in_review'], to: 'rejected', roles: ['reviewer', 'admin'], who: 'not-author', commentRequired: true },
  reopen: { from: ['verified', 'rejected'], to: 'in_review', roles: ['reviewer', 'admin'], who: 'any', commentRequired: true },
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
  if (!rule.roles.includes(input.role)) return { ok: false, reason: 'forbidden', message: `Your role cannot ${label} claims.` };
  if (rule.who === 'not-author' && input.isAuthor)
    return { ok: false, reason: 'own_claim', message: `You cannot ${label} your own claim; another reviewer must.` };
  if (rule.who === 'author' && !input.isAuthor && input.role !== 'admin')
    return { ok: false, reason: 'not_author', message: `Only the claim's author can ${label} it.` };
  if (!rule.from.includes(input.status))
    return { ok: false, reason: 'invalid_status', message: `A claim that is ${input.status.replace('_', ' ')} cannot be ${pastTense(input.action)}.` };
  if (rule.commentRequired && !input.comment?.trim())
    return { ok: false, reason: 'comment_required', message: `A comment is required to ${label}.` };
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

/** The actions whose buttons an actor should see for a claim (comment and submit preconditions are checked later). */
export function allowedActions(input: { status: ClaimStatus; role: Role; isAuthor: boolean }): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((action) => {
    const plan = planTransition({ ...input, action, comment: 'x' });
    return plan.ok;
  });
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
