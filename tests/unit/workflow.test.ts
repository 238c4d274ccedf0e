import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, ROLES, type ClaimStatus, type Role } from '@/db/schema';
import {
  acceptsReusedVerdict,
  missingForSubmit,
  planTransition,
  statusAfterEdit,
  TRANSITION_ACTIONS,
  type TransitionAction,
} from '@/lib/review/workflow';
import { allowedTransitions, claimAbilities } from '@/lib/claims/claim-abilities';

/**
 * An independent statement of the claim workflow (the author or an admin submits; reviewers other than the author approve, send
 * back or reject a claim in review, with a comment unless approving; reviewers reopen a closed one with a comment),
 * written as plain conditions rather than a table,
 * so the module's table is checked against the spec instead of against itself.
 */
function expected(status: ClaimStatus, action: TransitionAction, role: Role, isAuthor: boolean, hasComment: boolean) {
  const reviewerRole = role === 'reviewer' || role === 'admin';
  switch (action) {
    case 'submit':
      if (!isAuthor && role !== 'admin') return 'not_author';
      if (status !== 'draft' && status !== 'needs_changes') return 'invalid_status';
      return 'in_review';
    case 'approve':
    case 'request_changes':
    case 'reject': {
      if (!reviewerRole) return 'forbidden';
      if (isAuthor) return 'own_claim';
      if (status !== 'in_review') return 'invalid_status';
      if (action !== 'approve' && !hasComment) return 'comment_required';
      return { approve: 'verified', request_changes: 'needs_changes', reject: 'rejected' }[action];
    }
    case 'reopen':
      if (!reviewerRole) return 'forbidden';
      if (status !== 'verified' && status !== 'rejected') return 'invalid_status';
      if (!hasComment) return 'comment_required';
      return 'in_review';
  }
}

const cases = CLAIM_STATUSES.flatMap((status) =>
  TRANSITION_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => [true, false].flatMap((isAuthor) => [true, false].map((hasComment) => ({ status, action, role, isAuthor, hasComment })))),
  ),
);

describe('planTransition', () => {
  // The cases are built from the module's own lists: they must be exactly the workflow's, or a status, action or role
  // that `expected` never heard of would be checked only against its fall-through answer.
  it('knows exactly the statuses, actions and roles of the workflow', () => {
    expect([...CLAIM_STATUSES].sort()).toEqual(['draft', 'in_review', 'needs_changes', 'rejected', 'verified']);
    expect([...TRANSITION_ACTIONS].sort()).toEqual(['approve', 'reject', 'reopen', 'request_changes', 'submit']);
    expect([...ROLES].sort()).toEqual(['admin', 'editor', 'reviewer']);
  });

  it.each(cases)(
    '$action on a $status claim by $role (author: $isAuthor, comment: $hasComment)',
    ({ status, action, role, isAuthor, hasComment }) => {
      const plan = planTransition({ status, action, role, isAuthor, comment: hasComment ? 'Looks right.' : '' });
      const want = expected(status, action, role, isAuthor, hasComment);
      if (plan.ok) expect(plan.to).toBe(want);
      else {
        expect(plan.reason).toBe(want);
        expect(plan.message.length).toBeGreaterThan(10);
      }
    },
  );

  it('treats a whitespace-only comment as missing', () => {
    const plan = planTransition({ status: 'in_review', action: 'reject', role: 'reviewer', isAuthor: false, comment: '   \n' });
    expect(plan).toMatchObject({ ok: false, reason: 'comment_required' });
  });

  it('refuses self-approval even for admins', () => {
    expect(planTransition({ status: 'in_review', action: 'approve', role: 'admin', isAuthor: true })).toMatchObject({
      ok: false,
      reason: 'own_claim',
    });
  });

  it('explains a wrong status in words', () => {
    const plan = planTransition({ status: 'needs_changes', action: 'approve', role: 'reviewer', isAuthor: false });
    expect(plan).toEqual({ ok: false, reason: 'invalid_status', message: 'A claim that is needs changes cannot be approved.' });
  });
});

/** The workflow buttons an actor sees, as the claim page computes them (through claim.can). */
function allowedActions({ status, role, isAuthor }: { status: ClaimStatus; role: Role; isAuthor: boolean }) {
  const actor = { id: 7, role };
  return allowedTransitions(claimAbilities(actor, { status, authorId: isAuthor ? actor.id : 8 }));
}

describe('allowedTransitions(claimAbilities(...))', () => {
  it('offers a reviewer the three decisions on someone else’s claim in review', () => {
    expect(allowedActions({ status: 'in_review', role: 'reviewer', isAuthor: false })).toEqual(['approve', 'request_changes', 'reject']);
  });

  it('offers a reviewer no decision on their own claim', () => {
    expect(allowedActions({ status: 'in_review', role: 'reviewer', isAuthor: true })).toEqual([]);
  });

  it('offers an author resubmission after changes were requested', () => {
    expect(allowedActions({ status: 'needs_changes', role: 'editor', isAuthor: true })).toEqual(['submit']);
  });

  it('offers reopen on decided claims to reviewers only', () => {
    expect(allowedActions({ status: 'verified', role: 'reviewer', isAuthor: true })).toEqual(['reopen']);
    expect(allowedActions({ status: 'rejected', role: 'editor', isAuthor: true })).toEqual([]);
  });

  it('agrees with planTransition for every combination', () => {
    for (const status of CLAIM_STATUSES)
      for (const role of ROLES)
        for (const isAuthor of [true, false]) {
          const want = TRANSITION_ACTIONS.filter((a) => (CLAIM_STATUSES as readonly string[]).includes(expected(status, a, role, isAuthor, true)));
          expect(allowedActions({ status, role, isAuthor })).toEqual(want);
        }
  });
});

describe('statusAfterEdit', () => {
  it.each([
    ['draft', 'draft'],
    ['needs_changes', 'needs_changes'],
    ['in_review', 'in_review'],
    ['verified', 'in_review'],
    ['rejected', null],
  ] as const)('an edit to a %s claim leaves it %s', (from, to) => {
    expect(statusAfterEdit(from)).toBe(to);
  });
});

describe('acceptsReusedVerdict', () => {
  it.each([
    ['draft', true],
    ['needs_changes', true],
    ['in_review', false],
    ['verified', false],
    ['rejected', false],
  ] as const)('a %s claim accepts a reused verdict: %s', (status, want) => {
    expect(acceptsReusedVerdict(status)).toBe(want);
  });
});

describe('missingForSubmit', () => {
  it('lists every missing precondition', () => {
    expect(missingForSubmit({ verdictId: null, rationale: ' ', sourceCount: 0 })).toEqual(['a verdict', 'a rationale', 'at least one source']);
  });

  it('is empty when verdict, rationale and a source are present', () => {
    expect(missingForSubmit({ verdictId: 2, rationale: 'Census data.', sourceCount: 1 })).toEqual([]);
  });
});
