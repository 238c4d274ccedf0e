import type { ClaimStatus } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { acceptsReusedVerdict, planTransition, statusAfterEdit, TRANSITION_ACTIONS, type TransitionAction } from '@/lib/review/workflow';

/**
 * What an actor may do to one claim, computed on the server and sent with it (`claim.can`), so the UI shows the
 * buttons the services will accept instead of re-deriving them from role strings. Preconditions that depend on
 * the claim's content (a verdict, a rationale and a source before submitting; a comment for some decisions) and
 * its version are checked when the action runs.
 */
export type ClaimAbilities = {
  /** Change its fields, note and sources (a reviewed claim then goes back to review). */
  edit: boolean;
  delete: boolean;
  /** Submit (or resubmit) it for review. */
  submit: boolean;
  /** Approve, request changes or reject it. */
  review: boolean;
  /** Reopen a verified or rejected claim. */
  reopen: boolean;
  /** Copy a verified claim's verdict, rationale and sources into it. */
  reuseVerdict: boolean;
  comment: boolean;
  /** Link it to (or unlink it from) the same claim in another article. */
  link: boolean;
  /** Assign it to anyone who may take its next step (others' claims: reviewers; one's own: everyone; see mayAssign). */
  assign: boolean;
};

type ClaimFacts = { authorId: number; status: ClaimStatus };
type Who = Pick<Actor, 'id' | 'role'>;

/** Whether the actor's role lets them edit this claim (its status may still refuse: see statusAfterEdit). */
export function mayEditClaim(actor: Who, claim: ClaimFacts): boolean {
  return can(actor, 'claim:edit', { own: claim.authorId === actor.id });
}

/** Whether the actor may delete this claim: authors their own drafts, admins any claim. */
export function mayDeleteClaim(actor: Who, claim: ClaimFacts): boolean {
  return can(actor, 'claim:delete', { own: claim.authorId === actor.id && claim.status === 'draft' });
}

/** Everything `actor` may do to `claim`; the services enforce the same rules (tests/integration/claim-abilities.test.ts). */
export function claimAbilities(actor: Who, claim: ClaimFacts): ClaimAbilities {
  const transition = (action: TransitionAction) =>
    planTransition({ status: claim.status, action, role: actor.role, isAuthor: claim.authorId === actor.id, comment: 'given' }).ok;
  const edit = mayEditClaim(actor, claim);
  return {
    edit: edit && statusAfterEdit(claim.status) !== null,
    delete: mayDeleteClaim(actor, claim),
    submit: transition('submit'),
    review: transition('approve'),
    reopen: transition('reopen'),
    reuseVerdict: edit && acceptsReusedVerdict(claim.status),
    comment: can(actor, 'claim:comment'),
    link: can(actor, 'claim:link'),
    assign: can(actor, 'claim:assign', { own: claim.authorId === actor.id }),
  };
}

/** The workflow actions `can` allows, in workflow order (the claim page's buttons). */
export function allowedTransitions(can: ClaimAbilities): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((action) => {
    if (action === 'submit') return can.submit;
    if (action === 'reopen') return can.reopen;
    return can.review;
  });
}
